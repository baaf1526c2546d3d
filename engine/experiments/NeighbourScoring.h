// From the k nearest bank distances of one image's patches to everything shown and measured about it:
// patch scores, image score, the input-resolution map and the ground truth on the same pixels.
// Shared by single-product models and shared multi-product banks so both score identically.
#pragma once
#include <cstdint>
#include <opencv2/core.hpp>

#include "engine/dataset/Dataset.h"
#include "engine/experiments/EvaluationOptions.h"
#include "engine/experiments/ProductEvaluation.h"
#include "engine/features/FeatureGrid.h"
#include "engine/util/Progress.h"

namespace pb {

// distances/indices: [grid.patches()][k], nearest first. Mask problems are reported to progress.
ScoredImage scoreFromNeighbours(const Sample& sample, const FeatureGrid& grid, const float* distances,
                                const std::int64_t* indices, int k, const EvaluationOptions& options,
                                int originalWidth, int originalHeight, const Progress& progress);

// The neighbours averaged into a patch score for a bank of `bankSize` vectors built from `sourceCount`
// patches: options.k, scaled down with the compression when options.scaleKWithCompression, at most bankSize.
int neighboursFor(const EvaluationOptions& options, std::size_t bankSize, std::size_t sourceCount);

// Ground truth on the network's input pixels: all-zero for normal images, the (merged) mask for anomalies,
// resized to the resolution and centre-cropped like the image; empty when unknown or unreadable.
cv::Mat loadInputMask(const Sample& sample, int resolution, int crop, const Progress& progress);

}  // namespace pb
