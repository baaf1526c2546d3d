#include "engine/routing/RouterEvaluation.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/util/Error.h"

namespace pb {

namespace {

// numpy.percentile's default ("linear"): position q/100 * (n-1) between order statistics.
double percentileSorted(const std::vector<double>& sorted, double q) {
    const double pos = q / 100.0 * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    const double frac = pos - static_cast<double>(lo);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
}

}  // namespace

MarginStatistics marginStatistics(std::vector<double> values) {
    MarginStatistics s;
    s.count = values.size();
    if (values.empty()) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        s.min = s.p5 = s.median = s.mean = s.max = nan;
        return s;
    }
    std::sort(values.begin(), values.end());
    double sum = 0;
    for (double v : values) sum += v;
    s.min = values.front();
    s.max = values.back();
    s.mean = sum / static_cast<double>(values.size());
    s.p5 = percentileSorted(values, 5.0);
    s.median = percentileSorted(values, 50.0);
    return s;
}

RouterEvaluation::RouterEvaluation(std::vector<std::string> productNames)
    : names_(std::move(productNames)),
      confusion_(names_.size(), std::vector<std::size_t>(names_.size(), 0)) {
    if (names_.empty()) throw Error("router evaluation needs at least one product");
}

void RouterEvaluation::checkIndex(int product, const char* what) const {
    if (product < 0 || static_cast<std::size_t>(product) >= names_.size())
        throw Error(std::string(what) + " product index " + std::to_string(product) + " is outside the " +
                    std::to_string(names_.size()) + " products");
}

void RouterEvaluation::add(int trueProduct, const RouteDecision& decision) {
    checkIndex(trueProduct, "true");
    checkIndex(decision.product, "routed");
    if (decision.distances.size() != names_.size())
        throw Error("route decision has " + std::to_string(decision.distances.size()) + " distances for " +
                    std::to_string(names_.size()) + " products");
    ++confusion_[trueProduct][decision.product];
    margins_.push_back(decision.margin);
    trueProducts_.push_back(trueProduct);
}

std::size_t RouterEvaluation::images(int trueProduct) const {
    checkIndex(trueProduct, "true");
    std::size_t n = 0;
    for (std::size_t c : confusion_[trueProduct]) n += c;
    return n;
}

std::size_t RouterEvaluation::correct() const {
    std::size_t n = 0;
    for (std::size_t t = 0; t < names_.size(); ++t) n += confusion_[t][t];
    return n;
}

double RouterEvaluation::accuracy() const {
    if (images() == 0) return std::numeric_limits<double>::quiet_NaN();
    return static_cast<double>(correct()) / static_cast<double>(images());
}

double RouterEvaluation::accuracy(int trueProduct) const {
    const std::size_t n = images(trueProduct);
    if (n == 0) return std::numeric_limits<double>::quiet_NaN();
    return static_cast<double>(confusion_[trueProduct][trueProduct]) / static_cast<double>(n);
}

MarginStatistics RouterEvaluation::margins(int trueProduct) const {
    checkIndex(trueProduct, "true");
    std::vector<double> values;
    for (std::size_t i = 0; i < margins_.size(); ++i)
        if (trueProducts_[i] == trueProduct) values.push_back(margins_[i]);
    return marginStatistics(std::move(values));
}

MarginStatistics RouterEvaluation::margins() const { return marginStatistics(margins_); }

}  // namespace pb
