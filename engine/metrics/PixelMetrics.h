// Pixel-level localisation metrics over all pixels of all test images pooled (METHODS.md
// section 3). Maps are CV_32F, masks CV_8U of the same size, anomalous where > 0; an empty
// mask Mat stands for a normal image. Each call sorts the pooled pixels once; to get all
// three from one sort use PooledPixelScores (computeMetrics does).
#pragma once
#include <vector>

#include <opencv2/core.hpp>

#include "engine/metrics/ImageMetrics.h"

namespace pb {

// sklearn roc_auc_score over the pooled pixels; NaN if one class is absent.
double pixelRocAuc(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks);

// sklearn average_precision_score over the pooled pixels; NaN without anomalous pixels.
double pixelAveragePrecision(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks);

// Max pixel F1 over all pooled-pixel thresholds and the threshold reaching it (as f1Max);
// both NaN without anomalous pixels.
F1Max pixelF1Max(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks);

// Area under the per-region-overlap curve up to maxFpr, divided by maxFpr: the MVTec AD
// evaluation algorithm (8-connected GT regions, float32 FPR, ties merged, linear
// interpolation at maxFpr). NaN without any GT region or without normal pixels.
double aupro(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks, double maxFpr = 0.3);

}  // namespace pb
