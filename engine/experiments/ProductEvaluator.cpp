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
    std::vector<Sample> train = dataset.select(product, Split::Train);
    std::vector<Sample> test = dataset.select(product, Split::Test);
    if (train.empty()) throw Error("product '" + product + "' has no training images", dataset.root);
    if (test.empty()) throw Error("product '" + product + "' has no test images", dataset.root);
    return evaluate(product, std::move(train), test, progress);
}

ProductEvaluation ProductEvaluator::evaluate(const std::string& product, std::vector<Sample> train,
                                             const std::vector<Sample>& test, const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    if (options_.maxTrainImages > 0 && train.size() > static_cast<std::size_t>(options_.maxTrainImages))
        train.resize(options_.maxTrainImages);

    ProductModel model(*backbone_, options_);
    StageTimes times;
    model.build(product, train, progress, times);
    ProductEvaluation result = model.describe();
    result.times = std::move(times);
    result.images = model.score(test, progress, result.times);
    {
        ScopedStageTimer timer(result.times, "metrics");
        applySummary(result, summariseScoredImages(result.images));
    }
    LeaveOneOutScores normal;
    if (options_.needsLeaveOneOut()) normal = model.leaveOneOut(progress, result.times);
    applyDisplayRules(result, options_, &normal);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace pb
