#include <iostream>

#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "app/cli/EvaluationOptionsParser.h"
#include "app/cli/EvaluationRun.h"
#include "engine/dataset/DatasetReader.h"
#include "engine/synth/DemoDatasetGenerator.h"

namespace pb::cli {

int runDemo(const std::vector<std::string>& args) {
    std::vector<std::string> flags = evaluationFlagNames();
    flags.insert(flags.end(), {"quiet", "no-images", "help"});
    CommandLine cl(args, flags);
    if (cl.has("help")) {
        std::cout << "usage: patchbank-cli demo [--out DIR] [--data DIR] [--seed N] [options]\n"
                     "Generates the embedded synthetic MVTec-layout data set (into --data, default <out>/data)\n"
                     "and evaluates it with the weights-free 'descriptors' backbone.\n"
                  << evaluationOptionsHelp();
        return 0;
    }
    auto known = evaluationOptionNames();
    known.insert(known.end(), {"out", "data", "seed", "quiet", "no-images", "help"});
    cl.requireOnly(known);
    const std::filesystem::path out = cl.value("out", "demo-report");
    const std::filesystem::path dataDir = cl.value("data", (out / "data").string());

    DemoDatasetOptions demo;
    demo.seed = static_cast<std::uint32_t>(cl.intValue("seed", static_cast<int>(demo.seed)));
    if (!cl.has("quiet")) std::cout << "generating the demo data set in " << dataDir.string() << "\n";
    generateDemoDataset(dataDir, demo);

    ProductEvaluator evaluator(parseEvaluationOptions(cl, "descriptors"));
    Dataset dataset = openDataset(dataDir);
    EvaluationRunSettings settings;
    settings.outDir = out;
    settings.writeImages = !cl.has("no-images");
    settings.quiet = cl.has("quiet");
    return runEvaluation(evaluator, dataset, settings);
}

}  // namespace pb::cli
