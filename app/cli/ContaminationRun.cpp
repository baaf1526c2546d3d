#include "app/cli/ContaminationRun.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/cli/SharedEvaluationRun.h"
#include "app/cli/TerminalProgress.h"
#include "engine/dataset/DatasetReader.h"
#include "engine/experiments/ProductModel.h"
#include "engine/purify/ContaminationExperiment.h"
#include "engine/purify/ExperimentSummary.h"
#include "engine/util/Error.h"

namespace pb::cli {

using namespace pb::purify;

namespace {

std::vector<double> numbers(const CommandLine& cl, const std::string& name, const std::string& fallback) {
    std::vector<double> out;
    for (const auto& item : cl.list(name, fallback)) {
        std::size_t used = 0;
        double v = 0;
        try {
            v = std::stod(item, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != item.size() || !std::isfinite(v)) throw Error("--" + name + ": '" + item + "' is not a number");
        out.push_back(v);
    }
    return out;
}

}  // namespace

int runContaminationProtocol(const CommandLine& cl, const EvaluationOptions& options) {
    for (const char* other : {"shared", "bank", "review-band", "heatmap-scale", "no-images"})
        if (cl.has(other)) throw Error(std::string("--") + other + " does not apply to the --support protocol");
    const std::vector<int> supports = cl.intList("support");
    std::vector<double> rates = numbers(cl, "contamination", "0.3");
    if (std::find(rates.begin(), rates.end(), 0.0) == rates.end()) rates.insert(rates.begin(), 0.0);
    std::vector<ContaminationSetup> setups;
    for (const auto& name : cl.list("setup", "B")) setups.push_back(contaminationSetupFromString(name));
    const std::vector<int> seeds = cl.intList("seed", "0,1,2,3,4");
    std::vector<PurificationMethod> methods = {PurificationMethod{}};
    for (const auto& name : cl.list("purify", "none,audit,recapture,oracle")) {
        const PurificationMethod m = PurificationMethod::fromString(name);
        if (m.kind != PurificationMethod::Kind::None) methods.push_back(m);
    }
    AuditRule rule;
    rule.score = auditScoreFromString(cl.value("audit-score", "imgmax"));
    const std::vector<double> auditKs = numbers(cl, "audit-k", "1.5");
    for (int s : seeds)
        if (s < 0) throw Error("--seed: seeds must not be negative, got " + std::to_string(s));

    std::vector<Dataset> datasets;
    for (const auto& dir : cl.values("data")) datasets.push_back(openDataset(dir));
    const std::vector<ProductSource> sources = productSources(datasets, cl.values("product"));
    const std::filesystem::path out = cl.value("out");
    std::filesystem::create_directories(out);

    TerminalProgress terminal(cl.flag("quiet"));
    for (const auto& dataset : datasets)
        for (const auto& problem : dataset.problems) terminal.progress().problem(problem.file, problem.reason);
    auto backbone = createBackbone(options.backbone);
    auto extractor = createFeatureExtractor(*backbone, options);
    std::vector<PurificationRun> runs;
    for (const auto& source : sources) {
        ProductFeatureStore features(*extractor, *source.dataset, source.product);
        ContaminationExperiment experiment(features, options.k);
        // Seed outside setup and rate: every run of one (support, seed) draws from the same images, whose
        // test neighbours the experiment keeps until the seed changes.
        for (int support : supports)
            for (int seed : seeds)
                for (auto setup : setups)
                    for (double rate : rates)
                        for (const auto& method : methods) {
                            const bool audits = method.kind == PurificationMethod::Kind::Audit ||
                                                method.kind == PurificationMethod::Kind::Recapture;
                            for (double k : audits ? auditKs : std::vector<double>{rule.k}) {
                                ContaminationSpec spec{support, rate, seed, setup};
                                AuditRule r = rule;
                                r.k = k;
                                runs.push_back(experiment.run(spec, method, r, terminal.progress()));
                            }
                        }
        // Written after every product: a long grid keeps what it has measured.
        writePurificationCsv(out / "purification.csv", runs);
    }
    terminal.finishLine();
    const auto summary = summarisePurification(runs);
    writePurificationSummaryCsv(out / "purification_summary.csv", summary);
    if (!cl.flag("quiet")) {
        std::printf("\n%-5s %3s %5s %-24s %6s %6s %6s %7s %7s %6s %9s %5s %5s\n", "setup", "N", "c", "method", "clean",
                    "dirty", "AUROC", "gain", "recov%", "wins", "p", "remP", "remR");
        for (const auto& s : summary)
            std::printf("%-5s %3d %5.2f %-24s %6.4f %6.4f %6.4f %+7.4f %7.1f %2zu/%-3zu %9.2e %5.2f %5.2f\n",
                        toString(s.setup).c_str(), s.support, s.rate, s.method.c_str(), s.clean, s.dirty, s.auroc, s.gain,
                        100 * s.recovery, s.wins, s.products, s.pValue, s.removalPrecision, s.removalRecall);
        std::cout << "runs written to " << (out / "purification.csv").string() << ", summary to "
                  << (out / "purification_summary.csv").string() << "\n";
    }
    return terminal.problems() > 0 ? 3 : 0;
}

}  // namespace pb::cli
