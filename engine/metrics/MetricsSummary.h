// Every evaluation metric of one run (one product, one bank) computed together, with the
// pixel evaluation settings that results files must record (METHODS.md section 3).
#pragma once
#include <limits>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace pb {

struct EvaluationMetrics {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    double imageAuroc = kNaN;
    double imageAp = kNaN;
    double imageF1Max = kNaN;
    double imageF1Threshold = kNaN;
    double tprAt1Fpr = kNaN;
    double tprAt5Fpr = kNaN;
    double pixelAuroc = kNaN;  // pixel metrics stay NaN when no mask is available
    double pixelAp = kNaN;
    double aupro30 = kNaN;
    double pixelF1Max = kNaN;  // max F1 over pooled-pixel thresholds, and that threshold
    double pixelF1Threshold = kNaN;
    // Pixel evaluation resolution (0 when maps differ in size or are absent) and AUPRO variant.
    int pixelEvalWidth = 0;
    int pixelEvalHeight = 0;
    std::string auproVariant;
};

// Name of the AUPRO computation written into results files.
std::string auproVariantName(double maxFpr);

// Image metrics from scores/labels (labels: 1 = anomalous, 0 = normal); pixel metrics from maps
// and masks (one per image, CV_32F / CV_8U, empty mask = normal image), computed from one
// sort of the pooled pixels. Pass empty maps or masks when no ground truth exists.
EvaluationMetrics computeMetrics(const std::vector<double>& imageScores, const std::vector<int>& labels,
                                 const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks,
                                 double auproMaxFpr = 0.3);

}  // namespace pb
