// Writes an evaluation to disk: metrics.csv (one row per product), scores.csv (one row per test image),
// timings.csv (seconds per stage) and, per test image, heatmap / overlay / predicted-mask PNGs.
#pragma once
#include <filesystem>
#include <vector>

#include "engine/experiments/EvaluationOptions.h"
#include "engine/experiments/ProductEvaluation.h"
#include "engine/util/Progress.h"

namespace pb {

class EvaluationReport {
public:
    EvaluationReport(std::filesystem::path outDir, EvaluationOptions options);

    void writeMetrics(const std::vector<ProductEvaluation>& products) const;
    void writeScores(const std::vector<ProductEvaluation>& products) const;
    void writeTimings(const std::vector<ProductEvaluation>& products) const;
    // PNGs at the original image resolution under images/<product>/<defect>/<stem>_{heatmap,overlay,mask}.png.
    void writeImages(const ProductEvaluation& product, const Progress& progress) const;

    static std::vector<std::string> metricsColumns();

private:
    std::filesystem::path outDir_;
    EvaluationOptions options_;
};

}  // namespace pb
