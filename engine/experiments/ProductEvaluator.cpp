#include "engine/experiments/ProductEvaluator.h"

#include <chrono>

#include "engine/experiments/ProductModel.h"
#include "engine/experiments/ScoredImagesSummary.h"
#include "engine/util/Error.h"

namespace pb {

ProductEvaluator::ProductEvaluator(EvaluationOptions options)
    : options_(std::move(options)), backbone_(createBackbone(options_.backbone)) {}

ProductEvaluator::~ProductEvaluator() = default;

ProductEvaluation ProductEvaluator::evaluate(const Dataset& dataset, const std::string& product,
                                             const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    std::vector<Sample> train = dataset.select(product, Split::Train);
    std::vector<Sample> test = dataset.select(product, Split::Test);
    if (train.empty()) throw Error("product '" + product + "' has no training images", dataset.root);
    if (test.empty()) throw Error("product '" + product + "' has no test images", dataset.root);
    if (options_.maxTrainImages > 0 && train.size() > static_cast<std::size_t>(options_.maxTrainImages))
        train.resize(options_.maxTrainImages);

    ProductEvaluation result;
    result.product = product;
    result.backboneIdentity = backbone_->identity();
    result.resolution = options_.resolution;

    ProductModel model(*backbone_, options_);
    model.build(product, train, progress, result.times);
    result.trainImages = model.trainImages();
    result.bankPatches = model.bankPatches();
    result.sourcePatches = model.sourcePatches();
    result.bankSpec = model.bankSpec();
    result.bankBytes = model.bankBytes();
    result.compressionRatio = model.compressionRatio();
    result.neighbours = model.neighbours();
    result.featureDim = model.featureDim();
    result.images = model.score(test, progress, result.times);

    {
        ScopedStageTimer timer(result.times, "metrics");
        const ScoredImagesSummary summary = summariseScoredImages(result.images);
        result.metrics = summary.metrics;
        result.hasMasks = summary.hasMasks;
        result.imageThreshold = summary.imageThreshold;
        result.pixelThreshold = summary.pixelThreshold;
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace pb
