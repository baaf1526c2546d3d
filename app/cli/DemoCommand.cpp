#include <iostream>

#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "app/cli/EvaluationOptionsParser.h"
#include "app/cli/EvaluationRun.h"
#include "engine/dataset/DatasetReader.h"
#include "engine/synth/DemoDatasetGenerator.h"

namespace pb::cli {

int runDemo(const CommandLine& cl) {
    const std::filesystem::path out = cl.value("out", "demo-report");
    const std::filesystem::path dataDir = cl.value("data", (out / "data").string());

    DemoDatasetOptions demo;
    demo.seed = static_cast<std::uint32_t>(cl.intValue("seed", static_cast<int>(demo.seed)));
    if (!cl.flag("quiet")) std::cout << "generating the demo data set in " << dataDir.string() << "\n";
    generateDemoDataset(dataDir, demo);

    ProductEvaluator evaluator(parseEvaluationOptions(cl, kDemoBackbone));
    Dataset dataset = openDataset(dataDir);
    EvaluationRunSettings settings;
    settings.outDir = out;
    settings.writeImages = !cl.flag("no-images");
    settings.quiet = cl.flag("quiet");
    return runEvaluation(evaluator, dataset, settings);
}

}  // namespace pb::cli
