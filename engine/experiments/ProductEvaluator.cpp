#include "engine/experiments/ProductEvaluator.h"

#include <algorithm>
#include <chrono>

#include "engine/experiments/ProductModel.h"
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
    result.featureDim = model.featureDim();
    result.images = model.score(test, progress, result.times);

    ScopedStageTimer timer(result.times, "metrics");
    std::vector<double> scores;
    std::vector<int> labels;
    std::vector<cv::Mat> maps, masks;
    result.hasMasks = std::any_of(result.images.begin(), result.images.end(),
                                  [](const ScoredImage& s) { return s.sample.label == 1 && !s.mask.empty(); });
    for (const auto& img : result.images) {
        if (img.sample.label < 0) continue;
        scores.push_back(img.score);
        labels.push_back(img.sample.label);
        if (result.hasMasks && !img.mask.empty()) {
            maps.push_back(img.map);
            masks.push_back(img.mask);
        }
    }
    result.metrics = computeMetrics(scores, labels, maps, masks);
    result.imageThreshold = result.metrics.imageF1Threshold;
    if (result.hasMasks) {
        result.pixelThreshold = result.metrics.pixelF1Threshold;
    } else {
        // No ground truth: flag the top 1% of test pixels.
        std::vector<float> all;
        for (const auto& img : result.images) all.insert(all.end(), img.map.begin<float>(), img.map.end<float>());
        if (!all.empty()) {
            auto nth = all.begin() + static_cast<std::ptrdiff_t>(0.99 * (all.size() - 1));
            std::nth_element(all.begin(), nth, all.end());
            result.pixelThreshold = *nth;
        }
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace pb
