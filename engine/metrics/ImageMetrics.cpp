#include "engine/metrics/ImageMetrics.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "engine/metrics/RankCurveAccumulator.h"
#include "engine/util/Error.h"

namespace pb {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void checkInputs(const std::vector<double>& scores, const std::vector<int>& labels) {
    if (scores.size() != labels.size())
        throw Error("image metrics: " + std::to_string(scores.size()) + " scores but " +
                    std::to_string(labels.size()) + " labels");
    for (double s : scores)
        if (std::isnan(s)) throw Error("image metrics: a score is NaN");
    for (int l : labels)
        if (l != 0 && l != 1) throw Error("image metrics: label " + std::to_string(l) + " is neither 0 nor 1");
}

// Sorts once and feeds the tie groups, highest score first.
RankCurveAccumulator accumulate(const std::vector<double>& scores, const std::vector<int>& labels) {
    checkInputs(scores, labels);
    std::vector<std::pair<double, int>> ranked(scores.size());
    std::int64_t positives = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        // -0.0 and 0.0 are one threshold for numpy; make them one key here too.
        ranked[i] = {scores[i] == 0.0 ? 0.0 : scores[i], labels[i]};
        positives += ranked[i].second;
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    RankCurveAccumulator acc(positives, static_cast<std::int64_t>(scores.size()) - positives);
    for (std::size_t i = 0; i < ranked.size();) {
        std::size_t j = i;
        std::int64_t pos = 0;
        while (j < ranked.size() && ranked[j].first == ranked[i].first) pos += ranked[j++].second;
        acc.addGroup(ranked[i].first, pos, static_cast<std::int64_t>(j - i) - pos);
        i = j;
    }
    return acc;
}

}  // namespace

double rocAuc(const std::vector<double>& scores, const std::vector<int>& labels) {
    return accumulate(scores, labels).rocAuc();
}

double averagePrecision(const std::vector<double>& scores, const std::vector<int>& labels) {
    return accumulate(scores, labels).averagePrecision();
}

F1Max f1Max(const std::vector<double>& scores, const std::vector<int>& labels) {
    const auto acc = accumulate(scores, labels);
    return F1Max{acc.f1Max(), acc.f1Threshold()};
}

double numpyQuantile(std::vector<double> values, double q) {
    if (values.empty()) return kNaN;
    std::sort(values.begin(), values.end());
    const double n = static_cast<double>(values.size());
    // numpy's "linear" method: virtual index (n - 1) * q.
    const double virtualIndex = (n - 1.0) * q;
    std::size_t prev = 0;
    std::size_t next = 0;
    if (virtualIndex >= n - 1) {
        prev = next = values.size() - 1;
    } else if (virtualIndex >= 0) {
        prev = static_cast<std::size_t>(std::floor(virtualIndex));
        next = prev + 1;
    }
    const double gamma = virtualIndex - std::floor(virtualIndex);
    const double a = values[prev];
    const double b = values[next];
    const double diff = b - a;
    // numpy's _lerp: interpolate from the nearer end.
    return gamma >= 0.5 ? b - diff * (1.0 - gamma) : a + diff * gamma;
}

double tprAtFpr(const std::vector<double>& scores, const std::vector<int>& labels, double fpr) {
    checkInputs(scores, labels);
    if (!(fpr >= 0.0 && fpr <= 1.0)) throw Error("tprAtFpr: fpr must lie in [0, 1], got " + std::to_string(fpr));
    std::vector<double> normal;
    std::vector<double> anomalous;
    for (std::size_t i = 0; i < scores.size(); ++i) (labels[i] == 1 ? anomalous : normal).push_back(scores[i]);
    if (normal.empty() || anomalous.empty()) return kNaN;
    const double threshold = numpyQuantile(std::move(normal), 1.0 - fpr);
    const auto hits = std::count_if(anomalous.begin(), anomalous.end(), [&](double s) { return s >= threshold; });
    return static_cast<double>(hits) / static_cast<double>(anomalous.size());
}

}  // namespace pb
