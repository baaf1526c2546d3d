// The Wilcoxon signed-rank test with scipy 1.10's defaults (scipy.stats.wilcoxon: zero_method="wilcox",
// correction=False, alternative="two-sided", method="auto"), used to compare two methods over categories.
#pragma once
#include <cstddef>
#include <vector>

namespace pb::stats {

struct SignedRankResult {
    double statistic = 0;  // min(R+, R-): the smaller sum of the ranks of |d| by sign
    double pValue = 0;  // two-sided
    bool exact = false;  // true: the exact null distribution; false: the normal approximation
    std::size_t n = 0;  // differences ranked: the non-zero ones
};

// Paired test on d = x - y. As scipy's method="auto": the exact distribution when there are at most 50
// differences (zeros counted) and none is zero; otherwise zeros are dropped and the normal approximation
// (variance corrected for ties in |d|) is used. Ties alone keep the exact path, where scipy truncates a
// half-integer R+ to an integer; so does this. No differences: statistic and p-value NaN, as scipy.
// Throws pb::Error on a size mismatch, a NaN difference, or differences that are all zero.
SignedRankResult wilcoxonSignedRank(const std::vector<double>& x, const std::vector<double>& y);

// The one-sample form: d given directly (scipy.stats.wilcoxon(d)).
SignedRankResult wilcoxonSignedRank(const std::vector<double>& differences);

}  // namespace pb::stats
