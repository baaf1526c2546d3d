// Percentile bootstrap confidence interval of a sample's mean: the mean gain of a method over categories.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace pb::stats {

struct BootstrapInterval {
    double mean = 0;  // the sample's own mean
    double low = 0;
    double high = 0;
};

// scipy.stats.bootstrap(..., method="percentile"): `resamples` resamples of the sample's size drawn with
// replacement, the mean of each, and numpy's linear percentiles (1 - level)/2 and (1 + level)/2 of
// those means. The draws come from std::mt19937_64 seeded with `seed` (indices by rejection, so no
// modulo bias and the same draws on every standard library): the same seed gives the same interval
// here. The paper's bootstrap RNG is unknown and scipy's draws are others, so the interval matches
// theirs in distribution (within Monte Carlo error), never index for index.
// Throws pb::Error on an empty sample, a NaN value, no resamples, or a level outside (0, 1).
BootstrapInterval bootstrapMeanInterval(const std::vector<double>& sample, std::uint64_t seed,
                                        std::size_t resamples = 10000, double level = 0.95);

}  // namespace pb::stats
