#include "engine/stats/SignedRankTest.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>

#include "engine/util/Error.h"

namespace pb::stats {

namespace {

// scipy's "auto" uses the exact distribution up to this many differences.
constexpr std::size_t kMaxExact = 50;

// Null distribution of R+ for n distinct ranks, as counts out of 2^n: scipy's _get_wilcoxon_distr
// recurrence (each rank k is positive or not) in integers. Its doubles are these counts times 2^-n,
// and every partial sum of them is a multiple of 2^-n below 1, so sums of the counts scaled once
// give scipy's p-values bit for bit. n <= 50 keeps the counts below 2^50.
std::vector<std::uint64_t> rankSumCounts(std::size_t n) {
    const std::size_t maxSum = n * (n + 1) / 2;
    std::vector<std::uint64_t> c(maxSum + 1, 0);
    c[0] = 1;
    std::size_t top = 0;
    for (std::size_t k = 1; k <= n; ++k) {
        top += k;
        for (std::size_t s = top; s >= k; --s) c[s] += c[s - k];
    }
    return c;
}

// Average ranks of |d| (scipy.stats.rankdata's default "average" method), ties by exact equality.
std::vector<double> averageRanks(const std::vector<double>& absd) {
    std::vector<std::size_t> order(absd.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return absd[a] < absd[b]; });
    std::vector<double> ranks(absd.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && absd[order[j]] == absd[order[i]]) ++j;
        // Ranks i+1 .. j share their mean; (i + 1 + j) / 2 is exact in double.
        const double rank = 0.5 * static_cast<double>(i + 1 + j);
        for (std::size_t t = i; t < j; ++t) ranks[order[t]] = rank;
        i = j;
    }
    return ranks;
}

// Two-sided p-value of the standard normal: 2 * norm.sf(|z|) = erfc(|z| / sqrt 2).
double twoSidedNormal(double z) { return std::erfc(std::abs(z) * (1.0 / std::sqrt(2.0))); }

}  // namespace

SignedRankResult wilcoxonSignedRank(const std::vector<double>& differences) {
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    if (differences.empty()) return SignedRankResult{kNaN, kNaN, false, 0};
    std::size_t zeros = 0;
    for (double d : differences) {
        if (std::isnan(d)) throw Error("signed-rank test: a difference is NaN");
        if (d == 0) ++zeros;
    }
    if (zeros == differences.size())
        throw Error("signed-rank test: every difference is zero (scipy's zero_method=\"wilcox\" rejects this)");
    const bool exact = differences.size() <= kMaxExact && zeros == 0;

    // "wilcox" drops the zeros before ranking (in the exact branch there are none).
    std::vector<double> d;
    d.reserve(differences.size() - zeros);
    for (double v : differences)
        if (v != 0) d.push_back(v);
    std::vector<double> absd(d.size());
    std::transform(d.begin(), d.end(), absd.begin(), [](double v) { return std::abs(v); });
    const std::vector<double> ranks = averageRanks(absd);

    double rPlus = 0;
    double rMinus = 0;
    for (std::size_t i = 0; i < d.size(); ++i) (d[i] > 0 ? rPlus : rMinus) += ranks[i];

    SignedRankResult result;
    result.statistic = std::min(rPlus, rMinus);
    result.exact = exact;
    result.n = d.size();
    const std::size_t n = d.size();
    if (exact) {
        const auto counts = rankSumCounts(n);
        const std::size_t maxSum = counts.size() - 1;
        // scipy: r_plus = int(r_plus), so a half-integer from ties is truncated.
        const auto r = static_cast<std::size_t>(rPlus);
        if (r == maxSum / 2) {
            result.pValue = 1.0;  // scipy's centre of the distribution
        } else {
            std::uint64_t atMost = 0;
            std::uint64_t atLeast = 0;
            for (std::size_t s = 0; s <= maxSum; ++s) {
                if (s <= r) atMost += counts[s];
                if (s >= r) atLeast += counts[s];
            }
            const double scale = std::ldexp(1.0, -static_cast<int>(n));
            const double p = 2.0 * std::min(static_cast<double>(atMost) * scale, static_cast<double>(atLeast) * scale);
            result.pValue = std::clamp(p, 0.0, 1.0);
        }
    } else {
        const double count = static_cast<double>(n);
        const double mean = count * (count + 1.0) * 0.25;
        double var = count * (count + 1.0) * (2.0 * count + 1.0);
        // Tie correction: each group of t equal |d| (equal average ranks) removes t(t^2 - 1)/2.
        std::vector<double> sorted = ranks;
        std::sort(sorted.begin(), sorted.end());
        double tieTerm = 0;
        for (std::size_t i = 0; i < sorted.size();) {
            std::size_t j = i;
            while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
            const double t = static_cast<double>(j - i);
            if (j - i > 1) tieTerm += t * (t * t - 1.0);
            i = j;
        }
        var -= 0.5 * tieTerm;
        const double se = std::sqrt(var / 24.0);
        const double z = (result.statistic - mean) / se;
        result.pValue = twoSidedNormal(z);
    }
    return result;
}

SignedRankResult wilcoxonSignedRank(const std::vector<double>& x, const std::vector<double>& y) {
    if (x.size() != y.size())
        throw Error("signed-rank test: " + std::to_string(x.size()) + " values paired with " +
                    std::to_string(y.size()));
    std::vector<double> d(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) d[i] = x[i] - y[i];
    return wilcoxonSignedRank(d);
}

}  // namespace pb::stats
