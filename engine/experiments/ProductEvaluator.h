// Builds a product's exact memory bank from its train split and scores its test split (METHODS.md 2-3).
#pragma once
#include <memory>

#include "engine/backbone/Backbone.h"
#include "engine/dataset/Dataset.h"
#include "engine/experiments/EvaluationOptions.h"
#include "engine/experiments/ProductEvaluation.h"
#include "engine/util/Progress.h"

namespace pb {

class ProductEvaluator {
public:
    // Creates the backbone once; it is reused for every product evaluated.
    explicit ProductEvaluator(EvaluationOptions options);
    ~ProductEvaluator();

    ProductEvaluation evaluate(const Dataset& dataset, const std::string& product, const Progress& progress);
    // The same on given training and test images (a noisy-training list, a screened subset).
    ProductEvaluation evaluate(const std::string& product, std::vector<Sample> train, const std::vector<Sample>& test,
                               const Progress& progress);

    const EvaluationOptions& options() const { return options_; }
    Backbone& backbone() { return *backbone_; }

private:
    EvaluationOptions options_;
    std::unique_ptr<Backbone> backbone_;
};

}  // namespace pb
