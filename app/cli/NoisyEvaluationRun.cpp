#include "app/cli/NoisyEvaluationRun.h"

#include <chrono>
#include <iostream>

#include "app/cli/EvaluationRun.h"
#include "app/cli/TerminalProgress.h"
#include "engine/dataset/DatasetReader.h"
#include "engine/experiments/EvaluationReport.h"
#include "engine/experiments/ProductEvaluator.h"
#include "engine/experiments/ProductModel.h"
#include "engine/experiments/ScoredImagesSummary.h"
#include "engine/purify/NoisyTrainingSplit.h"
#include "engine/purify/ReferenceAudit.h"
#include "engine/recon/ReconstructionDetector.h"
#include "engine/util/Error.h"

namespace pb::cli {

int runModelOrNoisyEvaluation(const CommandLine& cl, EvaluationOptions options) {
    if (cl.has("protocol") && !cl.has("noise-split")) throw Error("--protocol needs --noise-split");
    if (cl.flag("meds") && (!cl.has("noise-split") || cl.has("model")))
        throw Error("evaluate --meds screens a noisy training list for a memory bank: give --noise-split, not --model");
    if (cl.has("model") && cl.has("bank")) throw Error("give either --model or --bank, not both");
    if (cl.has("model") && options.needsLeaveOneOut())
        throw Error("--review-band normal and --heatmap-scale normal need a memory bank's leave-one-out scores, "
                    "not a reconstruction model");
    const Dataset dataset = openDataset(cl.value("data"));
    const auto started = std::chrono::steady_clock::now();
    const bool quiet = cl.flag("quiet");
    TerminalProgress terminal(quiet);
    const Progress& progress = terminal.progress();
    for (const auto& problem : dataset.problems) progress.problem(problem.file, problem.reason);

    ProductEvaluator evaluator(options);  // loads the backbone once
    std::unique_ptr<ReconstructionDetector> detector;
    std::string product = cl.values("product").empty() ? std::string() : cl.values("product").front();
    if (cl.values("product").size() > 1) throw Error("--model and --noise-split evaluate one --product");
    if (cl.has("model")) {
        detector = std::make_unique<ReconstructionDetector>(evaluator.backbone(), options);
        detector->load(cl.value("model"));
        if (product.empty()) product = detector->provenance().product;
    }
    if (product.empty()) throw Error("give --product");
    if (std::find(dataset.products.begin(), dataset.products.end(), product) == dataset.products.end())
        throw Error("no product named '" + product + "' in the data set", dataset.root);

    std::vector<Sample> train = dataset.select(product, Split::Train), test = dataset.select(product, Split::Test);
    std::size_t screenedOut = 0;
    if (cl.has("noise-split")) {
        const purify::NoisyTrainingSet noisy = purify::readNoisyTrainingSplit(cl.value("noise-split"), dataset, product);
        train = noisy.train;
        test = noisy.testSet(cl.value("protocol", "disjoint"));
        if (cl.flag("meds")) {
            purify::ReferenceAuditOptions audit;
            audit.k = options.k;
            audit.memoryEnsemble = true;
            audit.ensemble.members = cl.intValue("members", audit.ensemble.members);
            auto extractor = createFeatureExtractor(evaluator.backbone(), options);
            StageTimes times;
            const auto report = purify::auditReferences(*extractor, product, train, audit, progress, times);
            train.clear();
            for (const auto& image : report.images) {
                if (image.ensembleFlagged) ++screenedOut;
                else train.push_back(image.sample);
            }
        }
    }
    if (test.empty()) throw Error("product '" + product + "' has no test images", dataset.root);

    ProductEvaluation result;
    if (detector) {
        result = detector->describe();
        result.product = product;
        result.images = detector->score(test, progress, result.times);
        applySummary(result, summariseScoredImages(result.images));
        applyDisplayRules(result, options, nullptr);
        result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    } else {
        options.bankSpec = cl.value("bank", "flat");
        result = evaluator.evaluate(product, train, test, progress);
        if (cl.flag("meds")) result.bankSpec += " (MeDS-screened)";
    }
    terminal.finishLine();
    EvaluationReport report(cl.value("out"), options);
    if (!cl.flag("no-images")) report.writeImages(result, progress);
    const std::vector<ProductEvaluation> results = {result};
    report.writeMetrics(results);
    report.writeScores(results);
    report.writeTimings(results);
    if (!quiet) {
        if (cl.flag("meds"))
            std::cout << "stage 1: the memory ensemble left out " << screenedOut << " of " << (train.size() + screenedOut)
                      << " training images\n";
        printEvaluationSummary(results, cl.value("out"));
    }
    return 0;
}

}  // namespace pb::cli
