// The shared body of `evaluate` and `demo`: evaluate products, write the report, print a summary.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "engine/dataset/Dataset.h"
#include "engine/experiments/ProductEvaluator.h"

namespace pb::cli {

struct EvaluationRunSettings {
    std::filesystem::path outDir;
    std::vector<std::string> products;  // empty = all products of the data set
    bool writeImages = true;
    bool quiet = false;
};

// The metrics table, each product's stage times and where the report went, on stdout.
void printEvaluationSummary(const std::vector<ProductEvaluation>& results, const std::filesystem::path& outDir);

// Returns the process exit code.
// The evaluator is created by the caller first, so that a bad backbone or weights file fails before any data is read.
int runEvaluation(ProductEvaluator& evaluator, const Dataset& dataset, const EvaluationRunSettings& settings);

}  // namespace pb::cli
