// patchbank-cli sweep: image AUROC against bank size for one product (the GUI's budget sweep,
// headless): the same engine run and the same CSV as Export budget sweep (CSV).
#include <cstdio>
#include <iostream>

#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "app/cli/EvaluationOptionsParser.h"
#include "app/cli/TerminalProgress.h"
#include "engine/dataset/DatasetReader.h"
#include "engine/experiments/BudgetSweep.h"
#include "engine/util/Error.h"

namespace pb::cli {

int runSweep(const std::vector<std::string>& args) {
    std::vector<std::string> flags = evaluationFlagNames();
    flags.insert(flags.end(), {"quiet", "help", "pixel", "no-flat"});
    CommandLine cl(args, flags);
    std::string methods;
    for (const auto& m : BudgetSweep::knownMethods()) methods += (methods.empty() ? "" : ", ") + m;
    if (cl.has("help")) {
        std::cout << "usage: patchbank-cli sweep --data DIR --product NAME [--out sweep.csv] [options]\n"
                     "Builds the product's bank with every compressor at every budget (plus the flat bank) from\n"
                     "features extracted once, scores the test split against each, and writes one CSV row per\n"
                     "bank: method, spec, fraction, vectors, bytes, megabytes, compression_ratio, image_auroc,\n"
                     "pixel_auroc, build_seconds, search_seconds (the GUI's budget-sweep export).\n\n"
                     "  --data DIR           data set folder\n"
                     "  --product NAME       the product to sweep\n"
                     "  --methods A,B        compressors, from: " << methods << "\n"
                     "                       (default random,coreset,kmeans)\n"
                     "  --fractions F,G      budgets as fractions of the training patches (default\n"
                     "                       1/64,1/32,1/16,1/8,1/4)\n"
                     "  --pixel              also the pixel AUROC of every bank (slower)\n"
                     "  --no-flat            leave out the uncompressed reference bank\n"
                     "  --out FILE           the CSV (default sweep.csv)\n"
                     "  --quiet              no progress output\n"
                  << evaluationOptionsHelp();
        return 0;
    }
    auto known = evaluationOptionNames();
    known.insert(known.end(), {"data", "product", "methods", "fractions", "pixel", "no-flat", "out", "quiet", "help"});
    cl.requireOnly(known);
    if (!cl.has("data")) throw Error("--data DIR is required");
    if (!cl.has("product")) throw Error("--product NAME is required");
    EvaluationOptions options = parseEvaluationOptions(cl, "mobilenetv2_100");
    BudgetSweepOptions sweep;
    if (cl.has("methods")) sweep.methods = cl.list("methods");
    if (cl.has("fractions")) sweep.fractions = BudgetSweep::parseFractions(cl.value("fractions"));
    sweep.pixelAuroc = cl.has("pixel");
    sweep.includeFlat = !cl.has("no-flat");
    const std::string out = cl.value("out", "sweep.csv");

    const Dataset dataset = openDataset(cl.value("data"));
    const std::string product = cl.value("product");
    std::vector<Sample> train = dataset.select(product, Split::Train);
    const std::vector<Sample> test = dataset.select(product, Split::Test);
    if (train.empty()) throw Error("product '" + product + "' has no training images", dataset.root);
    if (test.empty()) throw Error("product '" + product + "' has no test images", dataset.root);
    if (options.maxTrainImages > 0 && train.size() > static_cast<std::size_t>(options.maxTrainImages))
        train.resize(static_cast<std::size_t>(options.maxTrainImages));

    TerminalProgress terminal(cl.has("quiet"));
    for (const auto& problem : dataset.problems) terminal.progress().problem(problem.file, problem.reason);
    auto backbone = createBackbone(options.backbone);
    BudgetSweep runner(*backbone, options, sweep);
    const BudgetSweepResult result = runner.run(product, train, test, terminal.progress());
    terminal.finishLine();
    BudgetSweep::writeCsv(result, out);
    if (!cl.has("quiet")) {
        std::printf("\n%-18s %10s %12s %10s %10s %10s\n", "method", "fraction", "vectors", "MB", "img_auroc", "pix_auroc");
        for (const auto& p : result.points)
            std::printf("%-18s %10.5f %12zu %10.3f %10.4f %10.4f\n", p.method.c_str(), p.fraction, p.vectors,
                        p.megabytes, p.imageAuroc, p.pixelAuroc);
        for (const auto& problem : result.problems) std::printf("skipped: %s\n", problem.c_str());
        std::cout << "sweep written to " << out << "\n";
    }
    return terminal.problems() > 0 ? 3 : 0;
}

}  // namespace pb::cli
