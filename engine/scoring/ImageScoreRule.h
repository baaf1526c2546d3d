// How the patch (or pixel) scores of one image become its image score (METHODS.md section 2).
#pragma once
#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace pb {

enum class ImageScoreRule {
    P95,             // order statistic: sorted ascending, index ceil(0.95*P) - 1 (744 of 784)
    Max,             // largest score
    TopKMean,        // mean of the topK largest scores
    TopPercentMean,  // mean of the largest 1% (at least one), MeDS/Dinomaly style
};

// "p95", "max", "topk", "top1pct"; throws pb::Error for anything else.
ImageScoreRule imageScoreRuleFromString(const std::string& name);
std::string toString(ImageScoreRule rule);

// Throws pb::Error on an empty score list or topK < 1 (for TopKMean).
double imageScore(const std::vector<float>& patchScores, ImageScoreRule rule, int topK = 10);
// Same over all values of a CV_32F map (e.g. the top 1% of a smoothed pixel map).
double imageScore(const cv::Mat& map, ImageScoreRule rule, int topK = 10);

}  // namespace pb
