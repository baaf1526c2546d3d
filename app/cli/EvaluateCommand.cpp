#include <iostream>

#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "app/cli/EvaluationOptionsParser.h"
#include "app/cli/EvaluationRun.h"
#include "engine/dataset/DatasetReader.h"
#include "engine/util/Error.h"

namespace pb::cli {

int runEvaluate(const std::vector<std::string>& args) {
    CommandLine cl(args, {"quiet", "no-cache", "no-images", "help"});
    if (cl.has("help")) {
        std::cout << "usage: patchbank-cli evaluate --data DIR --out DIR [options]\n"
                     "Builds a memory bank from each product's train split, scores its test split and writes\n"
                     "metrics.csv, scores.csv, timings.csv and heatmap/overlay/mask PNGs to --out.\n\n"
                     "  --data DIR           data set folder (MVTec AD, VisA, BTAD, MVTec LOCO or plain images)\n"
                     "  --product NAME ...   products to evaluate (default: all)\n"
                     "  --out DIR            report folder\n"
                     "  --no-images          skip the per-image PNGs\n"
                     "  --quiet              no progress output\n"
                  << evaluationOptionsHelp();
        return 0;
    }
    auto known = evaluationOptionNames();
    known.insert(known.end(), {"data", "product", "out", "quiet", "no-images", "help"});
    cl.requireOnly(known);
    if (!cl.has("data")) throw Error("--data DIR is required");
    if (!cl.has("out")) throw Error("--out DIR is required");

    ProductEvaluator evaluator(parseEvaluationOptions(cl, "mobilenetv2_100"));
    Dataset dataset = openDataset(cl.value("data"));
    EvaluationRunSettings settings;
    settings.outDir = cl.value("out");
    settings.products = cl.values("product");
    settings.writeImages = !cl.has("no-images");
    settings.quiet = cl.has("quiet");
    return runEvaluation(evaluator, dataset, settings);
}

}  // namespace pb::cli
