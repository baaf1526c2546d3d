#include <iostream>

#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "app/cli/EvaluationOptionsParser.h"
#include "app/cli/EvaluationRun.h"
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
    shared.route = cl.has("route");
    SharedBankEvaluator evaluator(options, shared);  // a bad backbone or spec fails before any data is read
    std::vector<Dataset> datasets;
    for (const auto& dir : cl.values("data")) datasets.push_back(openDataset(dir));
    const auto sources = productSources(datasets, cl.values("product"));
    SharedEvaluationSettings settings;
    settings.outDir = cl.value("out");
    settings.writeImages = !cl.has("no-images");
    settings.quiet = cl.has("quiet");
    return runSharedEvaluation(evaluator, options, sources, settings);
}

}  // namespace

int runEvaluate(const std::vector<std::string>& args) {
    std::vector<std::string> flags = evaluationFlagNames();
    flags.insert(flags.end(), {"quiet", "no-images", "help", "shared", "route"});
    CommandLine cl(args, flags);
    if (cl.has("help")) {
        std::cout << "usage: patchbank-cli evaluate --data DIR --out DIR [options]\n"
                     "Builds a memory bank from each product's train split, scores its test split and writes\n"
                     "metrics.csv, scores.csv, timings.csv and heatmap/overlay/mask PNGs to --out.\n\n"
                     "  --data DIR           data set folder (MVTec AD, VisA, BTAD, MVTec LOCO or plain images);\n"
                     "                       repeat it with --shared to pool products of several data sets\n"
                     "  --product NAME ...   products to evaluate (default: all)\n"
                     "  --out DIR            report folder\n"
                     "  --bank SPEC          memory bank per product (default flat = every patch, exact search):\n"
                     "                       random:B, coreset:B, vwcoreset:B, kmeans:B, kmeans_residual:B,\n"
                     "                       ivfpq:nlist=100,m=8,nbits=8,nprobe=4; B = fraction (1/16), count or MB\n"
                     "  --shared             one bank shared by all products (memory pollution experiments);\n"
                     "                       --bank then names the compressor only (default coreset)\n"
                     "  --budget-mb X        total size of the shared bank in MiB (default 18)\n"
                     "  --allocator NAME     uniform (default), proportional, oracle, dispersion, complexity\n"
                     "  --route              search only the share of the product the prototype router picks\n"
                     "  --router-metric M    l2 (default) or cosine\n"
                     "  --no-images          skip the per-image PNGs\n"
                     "  --quiet              no progress output\n"
                  << evaluationOptionsHelp();
        return 0;
    }
    auto known = evaluationOptionNames();
    known.insert(known.end(), {"data", "product", "out", "quiet", "no-images", "help", "bank", "shared", "budget-mb",
                               "allocator", "route", "router-metric"});
    cl.requireOnly(known);
    if (!cl.has("data")) throw Error("--data DIR is required");
    if (!cl.has("out")) throw Error("--out DIR is required");

    EvaluationOptions options = parseEvaluationOptions(cl, "mobilenetv2_100");
    if (cl.has("shared")) return runShared(cl, options);
    for (const char* sharedOnly : {"budget-mb", "allocator", "route", "router-metric"})
        if (cl.has(sharedOnly)) throw Error(std::string("--") + sharedOnly + " needs --shared");
    if (cl.values("data").size() > 1) throw Error("several --data folders need --shared");
    options.bankSpec = cl.value("bank", "flat");
    ProductEvaluator evaluator(options);
    Dataset dataset = openDataset(cl.value("data"));
    EvaluationRunSettings settings;
    settings.outDir = cl.value("out");
    settings.products = cl.values("product");
    settings.writeImages = !cl.has("no-images");
    settings.quiet = cl.has("quiet");
    return runEvaluation(evaluator, dataset, settings);
}

}  // namespace pb::cli
