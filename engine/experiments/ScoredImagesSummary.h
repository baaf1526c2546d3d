// Metrics and display thresholds of a set of scored images: the one place that turns scores,
// maps and masks into what the CLI report and the GUI show, so that the two always agree.
#pragma once
#include <vector>

#include "engine/experiments/EvaluationOptions.h"
#include "engine/experiments/ProductEvaluation.h"
#include "engine/metrics/MetricsSummary.h"

namespace pb {

struct ScoredImagesSummary {
    EvaluationMetrics metrics;   // default (empty) when no image has a known label
    bool hasMasks = false;       // at least one anomalous image has a ground-truth mask
    double imageThreshold = 0.0; // F1-optimal over image scores when labels exist
    double pixelThreshold = 0.0; // F1-optimal over pooled pixels with masks, else the p99 of all map pixels
    float mapLow = 0.0f;         // range of all map values, for a shared colour scale
    float mapHigh = 1.0f;
};

ScoredImagesSummary summariseScoredImages(const std::vector<ScoredImage>& images);
// Copies the metrics, thresholds and the test-set colour range of a summary into an evaluation.
void applySummary(ProductEvaluation& evaluation, const ScoredImagesSummary& summary);
// Then the review band and the colour scale the options ask for. `normal`: the leave-one-out scores of
// the training images, needed when options.needsLeaveOneOut() (pb::Error naming the rule otherwise).
// pb::Error naming the rule when the options need the leave-one-out scores and there are none: lets a
// command refuse before it scores.
void checkDisplayRules(const EvaluationOptions& options, bool haveNormalScores);
void applyDisplayRules(ProductEvaluation& evaluation, const EvaluationOptions& options,
                       const LeaveOneOutScores* normal);

}  // namespace pb
