// Runs the cells of a suite into its results log: the cells of this shard not yet in the log, in suite
// order, each appended (and flushed) as soon as it is done, so a killed run resumes where it stopped.
// Features are extracted once per (data set, product, feature options) and shared by the cells.
//
// Kinds: "contamination" (the purification paper's protocol, one run of ContaminationExperiment: params
// support, contamination, setup, seed, method, audit_k, audit_score) and "compression" (a product's bank
// built with one spec and its test split scored: params bank, e.g. "coreset:1/16"), "shared_bank" and
// "routing" (pooled: one shared bank or router over all the cell's products) and "noisy_training" (MeDS on
// a published noisy training list).
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/backbone/Backbone.h"
#include "engine/dataset/Dataset.h"
#include "engine/experiments/EvaluationOptions.h"
#include "engine/features/FeatureExtractor.h"
#include "engine/purify/NoisyTrainingSplit.h"
#include "engine/suite/ResultsLog.h"
#include "engine/suite/SuiteFile.h"
#include "engine/util/Progress.h"

namespace pb::suite {

struct SuiteRunOptions {
    std::map<std::string, std::string> datasets;  // data-set name in the suite -> folder
    std::map<std::string, std::string> weights;   // backbone name -> weights file ("" key: any backbone)
    std::string cacheDir;                          // feature cache; empty = none
    // Where trained detectors' checkpoints go, one per cell (a killed run resumes its training);
    // empty = a folder in the system's temporary directory.
    std::string modelsDir;
    int shard = 1;
    int shards = 1;
};

struct SuiteStatus {
    std::size_t cells = 0;     // in the suite
    std::size_t inShard = 0;   // of them, this shard's
    std::size_t done = 0;      // of this shard's, in the log
};

// A row without its timings ("seconds", "timing"), which vary from run to run: two runs of a cell give the
// same result.
nlohmann::json withoutTimings(nlohmann::json row);

// The kinds a runner can run; a suite naming another is refused before any cell runs.
const std::vector<std::string>& runnableKinds();

class SuiteRunner {
public:
    // Throws pb::Error when a data set of the suite has no folder, or a kind is unknown.
    SuiteRunner(Suite suite, SuiteRunOptions options);
    ~SuiteRunner();

    SuiteStatus status(const ResultsLog& log) const;

    // The index (in suite().cells) of the next cell of this shard neither in the log nor failed in this
    // runner; none when the shard is done.
    std::optional<std::size_t> nextCell(const ResultsLog& log) const;
    // Runs one cell and appends its row to the log (flushed before it returns). A cell that throws
    // pb::Error is remembered as failed (nextCell skips it) and the error rethrown naming the cell;
    // Cancelled passes through and the cell stays to run.
    nlohmann::json runCell(std::size_t index, ResultsLog& log, const Progress& progress);

    // Runs the remaining cells of this shard. A failing cell is reported to progress.problem (file: the
    // cell id) and the others go on. onCell (optional) hears each finished cell and its row.
    // Cancellation (progress.cancel) stops between cells or inside one; what is done stays in the log.
    // Returns the number of cells run.
    std::size_t run(ResultsLog& log, const Progress& progress,
                    const std::function<void(const SuiteCell&, const nlohmann::json&)>& onCell = {});

    const Suite& suite() const { return suite_; }
    // Cells that failed in this runner, with the error.
    const std::map<std::string, std::string>& failures() const { return failures_; }

private:
    struct Workspace;
    nlohmann::json compute(const SuiteCell& cell, const Progress& progress);
    const Dataset& dataset(const std::string& name);
    nlohmann::json noisyTraining(const SuiteCell& cell, const EvaluationOptions& options, Backbone& backbone,
                                 FeatureExtractor& extractor, const Progress& progress);
    nlohmann::json distilled(const SuiteCell& cell, const EvaluationOptions& options, Backbone& backbone,
                             FeatureExtractor& extractor, const purify::NoisyTrainingSet& noisy, int seed,
                             const Progress& progress);

    Suite suite_;
    SuiteRunOptions options_;
    std::map<std::string, std::string> failures_;
    std::unique_ptr<Workspace> workspace_;
};

}  // namespace pb::suite
