// Values that cross between the engine thread and the GUI thread in queued signals. They are
// immutable once published (shared_ptr to const), so either thread may read them without locks.
#pragma once
#include <QCoreApplication>
#include <QMetaType>
#include <QString>
#include <QVector>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/backbone/Backbone.h"
#include "engine/dataset/Dataset.h"
#include "engine/experiments/BudgetSweep.h"
#include "engine/experiments/EvaluationOptions.h"
#include "engine/experiments/ProductEvaluation.h"
#include "engine/experiments/ProductModel.h"
#include "engine/experiments/SharedBankEvaluator.h"
#include "engine/io/Figure.h"
#include "engine/io/ResultTable.h"
#include "engine/purify/MemoryEnsemble.h"
#include "engine/purify/PatchFilter.h"
#include "engine/purify/ReferenceAudit.h"
#include "engine/purify/ReferenceCleaning.h"
#include "engine/recon/ReconstructionJob.h"
#include "engine/recon/ReconstructionTrainer.h"
#include "engine/suite/SuiteRunner.h"
#include "engine/util/StageTimes.h"

namespace pb::ui {

// The kinds of work the engine thread does; a newer request supersedes an older one of its kind.
enum class RequestKind {
    OpenDataset,
    ValidateBackbone,
    BuildBank,
    ScoreTestSet,
    ScoreFiles,
    LeaveOneOut,
    ProbeFeatures,  // the feature size of the backbone at the input size, for the bank size estimate
    AddImages,
    SaveBank,
    LoadBank,
    BudgetSweep,
    SharedBank,
    AuditReferences,  // the audit of the reference images the product's bank is built from
    PurifyPatches,  // patch outlier scores of the reference set; the patches above the 95th percentile
    PurifiedAuroc,  // test-set image AUROC: every reference patch against the kept ones
    ScreenTrainingFolder,  // MeDS memory-ensemble screening of every training image of the product
    RunSuiteCell,  // one cell of a queued suite run (the suite panel posts the next when it ends)
    SummariseSuite,  // the tables and figures of a suite's results log
    TrainDetector,  // trains the reconstruction detector (alone or with MeDS) into its checkpoint file
    ScoreWithDetector,  // scores a product's test split with a reconstruction model file
    ReadTrainingHistory,  // the curves and selection rounds recorded in a checkpoint file
};

// What the status bar, the engine panel and error titles call a kind of work (translated). Beside the
// enum, so that a new kind is named where it is declared.
inline QString kindName(RequestKind kind) {
    const char* text = "";
    switch (kind) {
        case RequestKind::OpenDataset: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Opening the data set"); break;
        case RequestKind::ValidateBackbone: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Checking the backbone"); break;
        case RequestKind::BuildBank: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Building the bank"); break;
        case RequestKind::ScoreTestSet: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Scoring the test set"); break;
        case RequestKind::ScoreFiles: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Scoring dropped images"); break;
        case RequestKind::LeaveOneOut: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Leave-one-out scores"); break;
        case RequestKind::ProbeFeatures: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Measuring the feature size"); break;
        case RequestKind::AddImages: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Adding images to the bank"); break;
        case RequestKind::SaveBank: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Saving the bank"); break;
        case RequestKind::LoadBank: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Opening the bank"); break;
        case RequestKind::BudgetSweep: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Budget sweep"); break;
        case RequestKind::SharedBank: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Shared bank"); break;
        case RequestKind::AuditReferences:
            text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Auditing the reference images");
            break;
        case RequestKind::PurifyPatches:
            text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Scoring the reference patches");
            break;
        case RequestKind::PurifiedAuroc:
            text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Comparing the purified bank");
            break;
        case RequestKind::ScreenTrainingFolder:
            text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Screening the training folder");
            break;
        case RequestKind::RunSuiteCell: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Running a suite cell"); break;
        case RequestKind::SummariseSuite:
            text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Summarising a suite's results");
            break;
        case RequestKind::TrainDetector: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Training the detector"); break;
        case RequestKind::ScoreWithDetector:
            text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Scoring with the detector");
            break;
        case RequestKind::ReadTrainingHistory:
            text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Reading the model file");
            break;
    }
    return QCoreApplication::translate("pb::ui::EngineController", text);
}

// Sizes of a bank, read on the engine thread when the bank is published, so that the GUI never
// reads a model the engine may be changing (adding images).
struct BankSummary {
    std::string spec;              // normalised ("coreset:0.0625")
    std::size_t trainImages = 0;   // images whose patches entered the bank (0 for a bank loaded from a file)
    std::size_t vectors = 0;       // stored bank vectors
    std::size_t sourcePatches = 0; // patches the bank was compressed from
    std::size_t bytes = 0;         // ProductModel::bankBytes()
    double compressionRatio = 0.0; // ProductModel::compressionRatio()
    int featureDim = 0;
    int neighbours = 0;            // k actually averaged into a patch score
};

// The reference set a product's bank is built from, as edits of its training images: the first
// maxTrainImages of them (all by default) less the excluded ones, plus the added ones (recaptured
// from the training images the set did not use). Paths as the data set lists them.
struct ReferenceEdits {
    std::vector<std::string> excluded;
    std::vector<std::string> added;
    bool empty() const { return excluded.empty() && added.empty(); }
    bool operator==(const ReferenceEdits& o) const { return excluded == o.excluded && added == o.added; }
    bool operator!=(const ReferenceEdits& o) const { return !(*this == o); }
};

// A product's bank and the backbone it was built with, immutable once published: adding images
// publishes a new TrainedBank with a new model, so either thread reads any published one without locks.
struct TrainedBank {
    std::shared_ptr<Backbone> backbone;   // declared first: the model refers to it and dies before it
    std::shared_ptr<const ProductModel> model;
    EvaluationOptions options;
    std::string product;
    FeatureIdentity features;             // the loaded backbone's identity and the input geometry
    std::string file;                     // the bank file it was loaded from; empty when built here
    ReferenceEdits references;            // the reference set it was built from
    int patchStride = 0;
    double seconds = 0.0;
    StageTimes times;
    BankSummary summary;
};
using TrainedBankPtr = std::shared_ptr<const TrainedBank>;

// A reconstruction model that scored a test set: its file and the features it was read with.
struct DetectorModel {
    std::string file;
    std::string method;  // "recon" or "meds"
    EvaluationOptions options;
    double seconds = 0.0;  // reading the model
};
using DetectorModelPtr = std::shared_ptr<const DetectorModel>;

// Images scored against one bank: the whole test split of a product, or files dropped on the window.
// The evaluation part (images, metrics, default thresholds, the test-set colour scale) comes from the
// engine's one producer (ScoredImagesSummary), as the CLI's reports do; the Workbench applies the
// display rules (review band, data-set colour scale) on top.
struct ScoreResult : ProductEvaluation {
    TrainedBankPtr bank;          // null for a shared multi-product bank and for a reconstruction model
    DetectorModelPtr detector;    // the reconstruction model that scored it; null for a bank
    bool testSet = false;
    // Shared multi-product banks: the product of every bank tag (ScoredImage::nearestTag indexes it).
    bool shared = false;
    std::vector<std::string> tagNames;
};
using ScoreResultPtr = std::shared_ptr<const ScoreResult>;

// A backbone that loaded: its identity (what the features depend on) and its patch stride in pixels.
struct BackboneCheck {
    QString identity;
    int patchStride = 0;
};

// The feature grid the backbone gives at the input size (one forward pass of a blank image).
struct FeatureShape {
    int dim = 0;
    int gridHeight = 0;
    int gridWidth = 0;
    std::size_t patches() const { return static_cast<std::size_t>(gridHeight) * gridWidth; }
};

using DatasetPtr = std::shared_ptr<const Dataset>;

// A shared-bank run: the products (from one or several data sets), the engine and shared-bank settings.
struct SharedBankRequest {
    std::vector<std::pair<DatasetPtr, std::string>> products;
    EvaluationOptions options;
    SharedBankOptions shared;
};

// Its outcome: the evaluation (per-product metrics, WNR, the router's confusion and margins) and, per
// product in evaluation.names order, the scored test images as the inspection views take them.
struct SharedRun {
    SharedBankEvaluation evaluation;  // products[p].images moved into results[p]
    std::vector<ScoreResultPtr> results;
    SharedBankOptions shared;
    EvaluationOptions options;
};
using SharedRunPtr = std::shared_ptr<const SharedRun>;

// The audit of a product's reference set (purify::auditReferences) and what it was run on.
struct ReferenceAudit {
    purify::ReferenceAuditReport report;
    EvaluationOptions options;  // the features and k of the audit
    ReferenceEdits references;  // the reference set audited
    double seconds = 0.0;
};
using ReferenceAuditPtr = std::shared_ptr<const ReferenceAudit>;

// Patch-level purification of a reference set: one outlier score per patch and the patches kept (at or
// below the 95th percentile of the scores). The patches stay for the AUROC comparison.
struct PatchPurification {
    std::string product;
    purify::PatchScoreMethod method = purify::PatchScoreMethod::Loo;
    EvaluationOptions options;
    std::vector<Sample> references;  // references[i] holds patches->image(i)
    std::shared_ptr<const purify::ReferencePatches> patches;
    std::vector<float> scores;  // per patch, image after image
    std::vector<bool> keep;
    double cut = 0.0;  // the 95th percentile: patches above it are removed
    std::size_t removed = 0;
    double seconds = 0.0;
};
using PatchPurificationPtr = std::shared_ptr<const PatchPurification>;

// The test set scored against every reference patch and against the kept ones.
struct PurifiedAuroc {
    std::string product;
    purify::PatchScoreMethod method = purify::PatchScoreMethod::Loo;
    purify::KeptPatchComparison comparison;
    double seconds = 0.0;
};
using PurifiedAurocPtr = std::shared_ptr<const PurifiedAuroc>;

// MeDS stage 1 over every training image of a product.
struct TrainingScreen {
    std::string product;
    std::vector<Sample> images;  // readable ones; images[i] has result.imageScores[i]
    int gridHeight = 0;
    int gridWidth = 0;
    purify::MemoryEnsembleOptions options;
    purify::MemoryEnsembleResult result;
    std::vector<Problem> problems;
    double seconds = 0.0;
};
using TrainingScreenPtr = std::shared_ptr<const TrainingScreen>;

// What one RunSuiteCell request did. The first request of a run opens its results log and runs no cell
// (opened: the cells the log holds, so that the panel knows the state before any cell runs); the others
// run the runner's next cell. `next` is the cell the following request will run, none when the shard is
// done. A cell that fails is an outcome too (failed, with the error naming it), not a failed request.
struct SuiteCellOutcome {
    int run = 0;  // the suite panel's id of the run
    bool opened = false;
    std::vector<std::string> logCells;  // opened: the ids of the cells in the log
    std::size_t repairedBytes = 0;  // opened: a torn last line cut from the log
    std::optional<std::size_t> index;  // the cell run (index into the suite's cells)
    bool failed = false;
    QString error;
    double seconds = 0.0;  // of the cell, as its log row says
    suite::SuiteStatus status;
    std::optional<std::size_t> next;
};

// The results log of a suite as the panel shows it: the cells it holds with their seconds, and the
// suite's tables and figures from its rows.
struct SuiteSnapshot {
    int run = 0;
    std::map<std::string, double> cellSeconds;  // cell id -> seconds of its row
    std::vector<ResultTable> tables;
    std::vector<Figure> figures;
    std::size_t rows = 0;
};
using SuiteSnapshotPtr = std::shared_ptr<const SuiteSnapshot>;

// The curves and selection rounds of a training run: as they arrive, or read back from a checkpoint's
// training JSON. Iterations are counted within their phase; globalIteration() puts them on one axis.
struct TrainingHistory {
    std::string file;
    std::string product;
    ReconstructionTrainingOptions options;
    std::size_t images = 0;  // training images the rounds' scores index
    std::vector<Sample> samples;  // those images, in that order
    bool complete = false;
    int steps = 0;           // optimiser steps taken (what a resumed run goes on from)
    std::string phase;       // where an unfinished run stands
    std::vector<LossPoint> losses;
    std::vector<ValidationPoint> validation;
    std::vector<SelectionRound> rounds;
    std::vector<double> screenScores;  // MeDS stage 1, one per training image; empty before it
    double screenThreshold = std::numeric_limits<double>::quiet_NaN();

    // Fine-tuning follows the distillation: its iterations come after options.iterations.
    int globalIteration(const std::string& phase, int iteration) const {
        return phase == "finetune" ? options.iterations + iteration : iteration;
    }
    int totalIterations() const {
        return options.iterations + (options.method == "meds" ? options.finetuneIterations : 0);
    }
    // Reads the history out of a checkpoint's training JSON (throws pb::Error when it is malformed).
    static TrainingHistory fromCheckpoint(const std::string& file, const std::string& product,
                                          const nlohmann::json& training);
};
using TrainingHistoryPtr = std::shared_ptr<const TrainingHistory>;
using SampleListPtr = std::shared_ptr<const std::vector<Sample>>;

// The end of a training run: its history, the images it trained on (what the rounds' scores index) and
// the features, so that the model can be used with the options it was trained with.
struct TrainingOutcome {
    TrainingHistory history;
    std::vector<Sample> images;
    EvaluationOptions features;
    int resumedAt = -1;  // optimiser steps a resumed run went on from; -1 = started fresh
    bool alreadyComplete = false;
    double seconds = 0.0;
    StageTimes times;
};
using TrainingOutcomePtr = std::shared_ptr<const TrainingOutcome>;

using BudgetSweepResultPtr = std::shared_ptr<const BudgetSweepResult>;
using LeaveOneOutPtr = std::shared_ptr<const LeaveOneOutScores>;

}  // namespace pb::ui

Q_DECLARE_METATYPE(pb::ui::RequestKind)
Q_DECLARE_METATYPE(pb::ui::TrainedBankPtr)
Q_DECLARE_METATYPE(pb::ui::ScoreResultPtr)
Q_DECLARE_METATYPE(pb::ui::DatasetPtr)
Q_DECLARE_METATYPE(pb::ui::SharedRunPtr)
Q_DECLARE_METATYPE(pb::ui::BudgetSweepResultPtr)
Q_DECLARE_METATYPE(pb::ui::LeaveOneOutPtr)
Q_DECLARE_METATYPE(pb::ui::FeatureShape)
Q_DECLARE_METATYPE(pb::ui::BackboneCheck)
Q_DECLARE_METATYPE(pb::ui::ReferenceAuditPtr)
Q_DECLARE_METATYPE(pb::ui::PatchPurificationPtr)
Q_DECLARE_METATYPE(pb::ui::PurifiedAurocPtr)
Q_DECLARE_METATYPE(pb::ui::TrainingScreenPtr)
Q_DECLARE_METATYPE(pb::ui::SuiteCellOutcome)
Q_DECLARE_METATYPE(pb::ui::SuiteSnapshotPtr)
Q_DECLARE_METATYPE(pb::ui::TrainingHistoryPtr)
Q_DECLARE_METATYPE(pb::ui::SampleListPtr)
Q_DECLARE_METATYPE(pb::LossPoint)
Q_DECLARE_METATYPE(pb::ValidationPoint)
Q_DECLARE_METATYPE(pb::SelectionRound)
Q_DECLARE_METATYPE(pb::ui::TrainingOutcomePtr)
