// The body of `evaluate --shared`: one shared multi-product bank, its report and summary.
#pragma once
#include <filesystem>
#include <vector>

#include "engine/experiments/SharedBankEvaluator.h"

namespace pb::cli {

struct SharedEvaluationSettings {
    std::filesystem::path outDir;
    bool writeImages = true;
    bool quiet = false;
};

// Writes metrics.csv (one row per product, with its share, WNR and routing accuracy), scores.csv,
// timings.csv, allocation.csv, routing.csv (per test image) and routing_confusion.csv. Returns the exit code.
int runSharedEvaluation(SharedBankEvaluator& evaluator, const EvaluationOptions& options,
                        const std::vector<ProductSource>& products, const SharedEvaluationSettings& settings);

// The products of several data sets (all, or only those named), in data-set order; pb::Error for a name
// found in none of them.
std::vector<ProductSource> productSources(const std::vector<Dataset>& datasets, const std::vector<std::string>& only);

// Prints the confusion matrix and margin statistics of a router evaluation.
void printRouting(const RouterEvaluation& routing, std::size_t routerBytes);
// routing_confusion.csv: one row per true product, one column per routed product.
void writeRoutingConfusion(const RouterEvaluation& routing, const std::filesystem::path& file);

}  // namespace pb::cli
