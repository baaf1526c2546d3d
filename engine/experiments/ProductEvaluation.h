// The outcome of evaluating one product: per-image scores and maps, the metrics and where the time went.
#pragma once
#include <cstdint>
#include <limits>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "engine/dataset/Dataset.h"
#include "engine/features/FeatureIdentity.h"
#include "engine/metrics/MetricsSummary.h"
#include "engine/scoring/HeatmapScale.h"
#include "engine/scoring/ReviewBand.h"
#include "engine/util/StageTimes.h"

namespace pb {

struct ScoredImage {
    Sample sample;
    double score = 0.0;
    cv::Mat map;             // CV_32F anomaly map at the network input (resolution, or the crop when cropped)
    cv::Mat mask;            // CV_8U 0/1 ground truth on the same pixels; empty when there is none
    int frameSide = 0;       // resized square before a centre crop (see mapToOriginal); 0 = no crop
    int originalWidth = 0;
    int originalHeight = 0;
    int gridHeight = 0;      // patch grid of the backbone output
    int gridWidth = 0;
    std::vector<float> patchScores;          // [gridHeight * gridWidth]
    std::vector<std::int64_t> nearestPatch;  // bank row of each patch's nearest neighbour
    // Shared multi-product banks only: the product each patch's nearest neighbour belongs to (bank tag),
    // the routed product and its margin (second-best minus best prototype distance).
    std::vector<std::int32_t> nearestTag;
    std::string routedProduct;
    double routeMargin = std::numeric_limits<double>::quiet_NaN();
};

// Leave-one-out scores of a bank's training images, each scored against the bank without its own
// patches: one image score each, and every patch score (for a colour scale fixed by normal data).
struct LeaveOneOutScores {
    std::vector<double> images;
    std::vector<float> patches;
};

struct ProductEvaluation {
    std::string product;
    FeatureIdentity features;          // what the bank and the scores were computed from
    std::size_t trainImages = 0;
    std::size_t bankPatches = 0;       // stored bank vectors (the product's share of a shared bank)
    std::size_t sourcePatches = 0;     // training patches the bank was compressed from
    std::string bankSpec = "flat";
    std::size_t bankBytes = 0;         // the searched bank (the whole shared bank when shared)
    double compressionRatio = 1.0;     // source float32 bytes / bank bytes
    int neighbours = 0;                // k actually averaged (see neighboursFor); 0 = options.k
    double wrongNeighbourRate = std::numeric_limits<double>::quiet_NaN();  // shared banks: 1-NN in another product
    double routingAccuracy = std::numeric_limits<double>::quiet_NaN();    // routed: test images routed here correctly
    int featureDim = 0;
    std::vector<ScoredImage> images;
    EvaluationMetrics metrics;
    bool hasMasks = false;
    // NaN = unknown (ScoredImagesSummary says how they are chosen).
    double pixelThreshold = std::numeric_limits<double>::quiet_NaN();  // F1 over pooled pixels, else p99 of test pixels
    double imageThreshold = std::numeric_limits<double>::quiet_NaN();  // F1 over image scores, else p99 of them
    ReviewBand reviewBand;         // Good / Review / Bad thresholds; undefined = imageThreshold decides
    MapRange mapRange;             // the heatmaps' colour scale (EvaluationOptions::heatmapScale)
    StageTimes times;
    double seconds = 0.0;
};

}  // namespace pb
