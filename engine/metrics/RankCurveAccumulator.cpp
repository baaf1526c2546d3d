#include "engine/metrics/RankCurveAccumulator.h"

#include <limits>

namespace pb {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

RankCurveAccumulator::RankCurveAccumulator(std::int64_t positives, std::int64_t negatives)
    : positives_(positives), negatives_(negatives) {}

void RankCurveAccumulator::addGroup(double threshold, std::int64_t positives, std::int64_t negatives) {
    // Trapezoid over this group's ROC segment: negatives * (tp before + half of the new positives).
    twiceAucCount_ += negatives * (2 * tp_ + positives);
    tp_ += positives;
    fp_ += negatives;
    // A group without positives adds nothing to AP and only lowers F1 (same TP, more FP),
    // so it can never be the F1 maximum: skip the divisions (most pixel groups).
    if (positives == 0 || positives_ == 0) return;

    const double tp = static_cast<double>(tp_);
    const double precision = tp / static_cast<double>(tp_ + fp_);
    ap_ += static_cast<long double>(positives) / positives_ * precision;
    // Same operation order as 2 * precision * recall / (precision + recall) in numpy.
    const double recall = tp / static_cast<double>(positives_);
    const double sum = precision + recall;
    const double f1 = sum == 0.0 ? 0.0 : 2.0 * precision * recall / sum;
    // Groups arrive with decreasing thresholds; >= keeps the lowest threshold among ties.
    if (f1 >= bestF1_) {
        bestF1_ = f1;
        bestThreshold_ = threshold;
    }
}

double RankCurveAccumulator::rocAuc() const {
    if (positives_ == 0 || negatives_ == 0) return kNaN;
    return static_cast<double>(twiceAucCount_) / 2.0 / (static_cast<double>(positives_) * static_cast<double>(negatives_));
}

double RankCurveAccumulator::averagePrecision() const {
    if (positives_ == 0) return kNaN;
    return static_cast<double>(ap_);
}

double RankCurveAccumulator::f1Max() const {
    if (positives_ == 0 || bestF1_ < 0) return kNaN;
    return bestF1_;
}

double RankCurveAccumulator::f1Threshold() const {
    if (positives_ == 0 || bestF1_ < 0) return kNaN;
    return bestThreshold_;
}

}  // namespace pb
