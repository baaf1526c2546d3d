// Metrics and display thresholds of a set of scored images: the one place that turns scores,
// maps and masks into what the CLI report and the GUI show, so that the two always agree.
#pragma once
#include <limits>
#include <vector>

#include "engine/experiments/EvaluationOptions.h"
#include "engine/experiments/ProductEvaluation.h"
#include "engine/metrics/MetricsSummary.h"

namespace pb {

// "Unknown" is NaN throughout: a threshold that cannot be computed (no images, no maps) is NaN.
struct ScoredImagesSummary {
    EvaluationMetrics metrics;   // default (empty) when no image has a known label
    bool hasMasks = false;       // at least one anomalous image has a ground-truth mask
    // F1-optimal over image scores when both labels occur, else the p99 of the image scores.
    double imageThreshold = std::numeric_limits<double>::quiet_NaN();
    // F1-optimal over pooled pixels with masks, else the p99 of all map pixels.
    double pixelThreshold = std::numeric_limits<double>::quiet_NaN();
};

ScoredImagesSummary summariseScoredImages(const std::vector<ScoredImage>& images);
// Copies the metrics and thresholds of a summary into an evaluation.
void applySummary(ProductEvaluation& evaluation, const ScoredImagesSummary& summary);

// The range of every map value of the images: the colour scale HeatmapScale::TestSet gives them.
MapRange mapRangeOfImages(const std::vector<ScoredImage>& images);

// What a report and the GUI show beside the metrics: the Good/Review/Bad band and the heatmaps' colour
// scale, as the options' rules give them for these images. `normal`: the leave-one-out scores of the
// training images, needed when options.needsLeaveOneOut() (pb::Error naming the rule otherwise).
struct DisplayRules {
    ReviewBand reviewBand;
    MapRange mapRange;
};
DisplayRules displayRulesFor(const std::vector<ScoredImage>& images, const EvaluationOptions& options,
                             const LeaveOneOutScores* normal);
// pb::Error naming the rule when the options need the leave-one-out scores and there are none: lets a
// command refuse before it scores.
void checkDisplayRules(const EvaluationOptions& options, bool haveNormalScores);
// displayRulesFor the evaluation's images, stored in it.
void applyDisplayRules(ProductEvaluation& evaluation, const EvaluationOptions& options,
                       const LeaveOneOutScores* normal);

}  // namespace pb
