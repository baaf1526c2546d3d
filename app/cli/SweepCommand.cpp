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

int runSweep(const CommandLine& cl) {
    cl.require({"data", "product"});
    EvaluationOptions options = parseEvaluationOptions(cl);
    BudgetSweepOptions sweep;
    if (cl.has("methods")) sweep.methods = cl.list("methods");
    if (cl.has("fractions")) sweep.fractions = BudgetSweep::parseFractions(cl.value("fractions"));
    sweep.pixelAuroc = cl.flag("pixel");
    sweep.includeFlat = !cl.flag("no-flat");
    const std::string out = cl.value("out", "sweep.csv");

    const Dataset dataset = openDataset(cl.value("data"));
    const std::string product = cl.value("product");
    std::vector<Sample> train = dataset.select(product, Split::Train);
    const std::vector<Sample> test = dataset.select(product, Split::Test);
    if (train.empty()) throw Error("product '" + product + "' has no training images", dataset.root);
    if (test.empty()) throw Error("product '" + product + "' has no test images", dataset.root);
    if (options.maxTrainImages > 0 && train.size() > static_cast<std::size_t>(options.maxTrainImages))
        train.resize(static_cast<std::size_t>(options.maxTrainImages));

    TerminalProgress terminal(cl.flag("quiet"));
    for (const auto& problem : dataset.problems) terminal.progress().problem(problem.file, problem.reason);
    auto backbone = createBackbone(options.backbone);
    BudgetSweep runner(*backbone, options, sweep);
    const BudgetSweepResult result = runner.run(product, train, test, terminal.progress());
    terminal.finishLine();
    BudgetSweep::writeCsv(result, out);
    if (!cl.flag("quiet")) {
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
