// Image-level detection metrics that match scikit-learn 1.2 and numpy exactly
// (METHODS.md section 3). Labels: 1 = anomalous, 0 = normal; anything else throws pb::Error,
// as do NaN scores and size mismatches.
#pragma once
#include <vector>

namespace pb {

// sklearn.metrics.roc_auc_score (ties count half); NaN if one class is absent.
double rocAuc(const std::vector<double>& scores, const std::vector<int>& labels);

// sklearn.metrics.average_precision_score; NaN if there is no anomalous image.
double averagePrecision(const std::vector<double>& scores, const std::vector<int>& labels);

// Max F1 = 2PR/(P+R) (0 where P+R == 0) over the thresholds of sklearn's
// precision_recall_curve, and the threshold reaching it (the lowest one on ties).
// Both NaN if there is no anomalous image.
struct F1Max {
    double f1 = 0;
    double threshold = 0;
};
F1Max f1Max(const std::vector<double>& scores, const std::vector<int>& labels);

// Fraction of anomaly scores >= the (1 - fpr) quantile of the normal scores, numpy's
// default linear interpolation (np.percentile(normal, 99) for fpr = 0.01).
// NaN if one class is absent.
double tprAtFpr(const std::vector<double>& scores, const std::vector<int>& labels, double fpr);

// numpy.quantile(values, q) with the default "linear" method, bit for bit.
double numpyQuantile(std::vector<double> values, double q);

}  // namespace pb
