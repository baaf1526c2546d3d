#include "app/cli/CommandLine.h"
#include "app/cli/ContaminationRun.h"
#include "app/cli/Commands.h"
#include "app/cli/EvaluationOptionsParser.h"
#include "app/cli/EvaluationRun.h"
#include "app/cli/NoisyEvaluationRun.h"
#include "app/cli/SharedEvaluationRun.h"
#include "engine/dataset/DatasetReader.h"
#include "engine/util/Error.h"

namespace pb::cli {

namespace {

int runShared(const CommandLine& cl, EvaluationOptions options) {
    SharedBankOptions shared;
    // --bank gives the compressor and its options; the budget of each share comes from the allocator.
    const std::string bank = cl.value("bank", "coreset");
    const auto comma = bank.find(',');
    shared.method = bank.substr(0, comma);
    if (comma != std::string::npos) shared.methodOptions = bank.substr(comma + 1);
    if (shared.method.find(':') != std::string::npos)
        throw Error("with --shared, --bank names only the compressor (e.g. coreset or kmeans,seed=1); "
                    "the budget is --budget-mb, split by --allocator");
    shared.budgetMB = cl.doubleValue("budget-mb", 18.0);
    if (!parseAllocatorKind(cl.value("allocator", "uniform"), shared.allocator))
        throw Error("unknown --allocator '" + cl.value("allocator") +
                    "'; use uniform, proportional, oracle, dispersion or complexity");
    if (!parseRouterMetric(cl.value("router-metric", "l2"), shared.routerMetric))
        throw Error("--router-metric must be l2 or cosine");
    shared.route = cl.flag("route");
    SharedBankEvaluator evaluator(options, shared);  // a bad backbone or spec fails before any data is read
    std::vector<Dataset> datasets;
    for (const auto& dir : cl.values("data")) datasets.push_back(openDataset(dir));
    const auto sources = productSources(datasets, cl.values("product"));
    SharedEvaluationSettings settings;
    settings.outDir = cl.value("out");
    settings.writeImages = !cl.flag("no-images");
    settings.quiet = cl.flag("quiet");
    return runSharedEvaluation(evaluator, options, sources, settings);
}

}  // namespace

int runEvaluate(const CommandLine& cl) {
    cl.require({"data", "out"});
    EvaluationOptions options = parseEvaluationOptions(cl);
    if (cl.has("support")) return runContaminationProtocol(cl, options);
    for (const char* protocolOnly : {"contamination", "setup", "seed", "purify", "audit-score", "audit-k"})
        if (cl.has(protocolOnly)) throw Error(std::string("--") + protocolOnly + " needs --support");
    if (cl.flag("shared")) return runShared(cl, options);
    for (const char* sharedOnly : {"budget-mb", "allocator", "route", "router-metric"})
        if (cl.has(sharedOnly)) throw Error(std::string("--") + sharedOnly + " needs --shared");
    if (cl.values("data").size() > 1) throw Error("several --data folders need --shared or --support");
    if (cl.has("model") || cl.has("noise-split")) return runModelOrNoisyEvaluation(cl, options);
    for (const char* noisyOnly : {"meds", "protocol", "members"})
        if (cl.has(noisyOnly)) throw Error(std::string("--") + noisyOnly + " needs --noise-split");
    options.bankSpec = cl.value("bank", "flat");
    ProductEvaluator evaluator(options);
    Dataset dataset = openDataset(cl.value("data"));
    EvaluationRunSettings settings;
    settings.outDir = cl.value("out");
    settings.products = cl.values("product");
    settings.writeImages = !cl.flag("no-images");
    settings.quiet = cl.flag("quiet");
    return runEvaluation(evaluator, dataset, settings);
}

}  // namespace pb::cli
