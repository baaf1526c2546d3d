#include "engine/experiments/ScoredImagesSummary.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/metrics/ImageMetrics.h"
#include "engine/util/Error.h"

namespace pb {

ScoredImagesSummary summariseScoredImages(const std::vector<ScoredImage>& images) {
    ScoredImagesSummary summary;
    summary.hasMasks = std::any_of(images.begin(), images.end(),
                                   [](const ScoredImage& s) { return s.sample.label == 1 && !s.mask.empty(); });
    std::vector<double> scores, allScores;
    std::vector<int> labels;
    std::vector<cv::Mat> maps, masks;
    for (const auto& img : images) {
        allScores.push_back(img.score);
        if (img.sample.label < 0) continue;
        scores.push_back(img.score);
        labels.push_back(img.sample.label);
        if (summary.hasMasks && !img.mask.empty()) {
            maps.push_back(img.map);
            masks.push_back(img.mask);
        }
    }
    if (!scores.empty()) summary.metrics = computeMetrics(scores, labels, maps, masks);
    summary.imageThreshold = summary.metrics.imageF1Threshold;
    // Without both labels: flag the top 1% of the images.
    if (!std::isfinite(summary.imageThreshold) && !allScores.empty())
        summary.imageThreshold = numpyQuantile(allScores, 0.99);
    if (summary.hasMasks && std::isfinite(summary.metrics.pixelF1Threshold)) {
        summary.pixelThreshold = summary.metrics.pixelF1Threshold;
    } else {
        // No ground truth: flag the top 1% of the pixels.
        std::vector<float> all;
        for (const auto& img : images) all.insert(all.end(), img.map.begin<float>(), img.map.end<float>());
        if (!all.empty()) {
            auto nth = all.begin() + static_cast<std::ptrdiff_t>(0.99 * static_cast<double>(all.size() - 1));
            std::nth_element(all.begin(), nth, all.end());
            summary.pixelThreshold = *nth;
        }
    }
    return summary;
}

void applySummary(ProductEvaluation& evaluation, const ScoredImagesSummary& summary) {
    evaluation.metrics = summary.metrics;
    evaluation.hasMasks = summary.hasMasks;
    evaluation.imageThreshold = summary.imageThreshold;
    evaluation.pixelThreshold = summary.pixelThreshold;
}

MapRange mapRangeOfImages(const std::vector<ScoredImage>& images) {
    float lo = std::numeric_limits<float>::max(), hi = std::numeric_limits<float>::lowest();
    for (const auto& img : images) {
        if (img.map.empty()) continue;
        double mn = 0, mx = 0;
        cv::minMaxLoc(img.map, &mn, &mx);
        lo = std::min(lo, static_cast<float>(mn));
        hi = std::max(hi, static_cast<float>(mx));
    }
    if (lo > hi) lo = 0.0f, hi = 1.0f;
    if (!(hi > lo)) hi = lo + 1.0f;
    return MapRange{lo, hi};
}

void checkDisplayRules(const EvaluationOptions& options, bool haveNormalScores) {
    if (haveNormalScores) return;
    const std::string why = " needs the leave-one-out scores of the training images (a bank read from a file "
                            "has none)";
    if (options.reviewBand.needsLeaveOneOut())
        throw Error("the review band '" + options.reviewBand.toString() + "'" + why);
    if (options.heatmapScale == HeatmapScale::Normal) throw Error("the heatmap scale 'normal'" + why);
}

DisplayRules displayRulesFor(const std::vector<ScoredImage>& images, const EvaluationOptions& options,
                             const LeaveOneOutScores* normal) {
    checkDisplayRules(options, normal && !normal->images.empty());
    DisplayRules rules;
    const ReviewBandRule& rule = options.reviewBand;
    switch (rule.kind) {
        case ReviewBandRule::Kind::None: break;
        case ReviewBandRule::Kind::Fixed: rules.reviewBand = rule.fixed; break;
        case ReviewBandRule::Kind::Normal: rules.reviewBand = reviewBandFromNormal(normal->images, rule.margin); break;
        case ReviewBandRule::Kind::Labels: {
            std::vector<double> scores;
            std::vector<int> labels;
            for (const auto& img : images) {
                if (img.sample.label < 0) continue;
                scores.push_back(img.score);
                labels.push_back(img.sample.label);
            }
            rules.reviewBand = reviewBandFromLabels(scores, labels, rule.maxEscapeRate);
            break;
        }
    }
    rules.mapRange = options.heatmapScale == HeatmapScale::Normal ? mapRangeFromNormalPatches(normal->patches)
                                                                  : mapRangeOfImages(images);
    return rules;
}

void applyDisplayRules(ProductEvaluation& evaluation, const EvaluationOptions& options,
                       const LeaveOneOutScores* normal) {
    const DisplayRules rules = displayRulesFor(evaluation.images, options, normal);
    evaluation.reviewBand = rules.reviewBand;
    evaluation.mapRange = rules.mapRange;
}

}  // namespace pb
