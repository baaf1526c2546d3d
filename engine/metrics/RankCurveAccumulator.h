// Streams the groups of tied scores of a ranking (highest score first) and accumulates
// ROC AUC, average precision and F1-max exactly as scikit-learn's curves define them,
// without storing the curve. Shared by the image metrics and the pooled pixel metrics.
#pragma once
#include <cstdint>

namespace pb {

class RankCurveAccumulator {
public:
    // Totals of the whole ranking must be known up front (recall needs them).
    RankCurveAccumulator(std::int64_t positives, std::int64_t negatives);

    // One threshold: all samples whose score equals `threshold`, given in strictly
    // decreasing threshold order.
    void addGroup(double threshold, std::int64_t positives, std::int64_t negatives);

    // NaN when one class is absent (sklearn raises for AUROC).
    double rocAuc() const;
    // NaN when there is no positive (sklearn warns and returns 0 there).
    double averagePrecision() const;
    // Max of 2PR/(P+R) over the precision-recall thresholds; among equal F1 the lowest
    // threshold wins (np.argmax over sklearn's ascending thresholds). NaN without positives.
    double f1Max() const;
    double f1Threshold() const;

private:
    std::int64_t positives_;
    std::int64_t negatives_;
    std::int64_t tp_ = 0;
    std::int64_t fp_ = 0;
    // Twice the area under the ROC step curve in count units: integer, hence exact.
    std::int64_t twiceAucCount_ = 0;
    long double ap_ = 0;
    double bestF1_ = -1;
    double bestThreshold_ = 0;
};

}  // namespace pb
