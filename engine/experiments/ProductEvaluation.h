// The outcome of evaluating one product: per-image scores and maps, the metrics and where the time went.
#pragma once
#include <cstdint>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "engine/dataset/Dataset.h"
#include "engine/metrics/MetricsSummary.h"
#include "engine/util/StageTimes.h"

namespace pb {

struct ScoredImage {
    Sample sample;
    double score = 0.0;
    cv::Mat map;             // CV_32F anomaly map at the input resolution (resolution x resolution)
    cv::Mat mask;            // CV_8U 0/1 ground truth at the input resolution; empty when there is none
    int originalWidth = 0;
    int originalHeight = 0;
    int gridHeight = 0;      // patch grid of the backbone output
    int gridWidth = 0;
    std::vector<float> patchScores;          // [gridHeight * gridWidth]
    std::vector<std::int64_t> nearestPatch;  // bank index of each patch's nearest neighbour
};

struct ProductEvaluation {
    std::string product;
    std::string backboneIdentity;
    int resolution = 0;
    std::size_t trainImages = 0;
    std::size_t bankPatches = 0;
    int featureDim = 0;
    std::vector<ScoredImage> images;
    EvaluationMetrics metrics;
    bool hasMasks = false;
    double pixelThreshold = 0.0;   // F1-optimal over pooled pixels when masks exist, else p99 of test pixels
    double imageThreshold = 0.0;   // F1-optimal over image scores when labels exist
    StageTimes times;
    double seconds = 0.0;
};

}  // namespace pb
