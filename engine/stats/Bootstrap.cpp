#include "engine/stats/Bootstrap.h"

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <utility>

#include "engine/metrics/ImageMetrics.h"
#include "engine/util/Error.h"

namespace pb::stats {

namespace {

// Uniform index in [0, n): a 64-bit draw modulo n, redrawn when it falls in the incomplete last block of
// n values (which would favour small indices). std::uniform_int_distribution would do, but its
// algorithm differs between standard libraries.
std::size_t drawIndex(std::mt19937_64& rng, std::uint64_t n) {
    constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t limit = kMax - (kMax % n + 1) % n;  // draws v <= limit are kept
    std::uint64_t v = rng();
    while (v > limit) v = rng();
    return static_cast<std::size_t>(v % n);
}

}  // namespace

BootstrapInterval bootstrapMeanInterval(const std::vector<double>& sample, std::uint64_t seed, std::size_t resamples,
                                        double level) {
    if (sample.empty()) throw Error("bootstrap: the sample is empty");
    if (resamples == 0) throw Error("bootstrap: no resamples asked for");
    if (!(level > 0.0 && level < 1.0)) throw Error("bootstrap: level must lie in (0, 1), got " + std::to_string(level));
    double sum = 0;
    for (double v : sample) {
        if (std::isnan(v)) throw Error("bootstrap: a value is NaN");
        sum += v;
    }
    const std::size_t n = sample.size();
    std::mt19937_64 rng(seed);
    std::vector<double> means(resamples);
    for (double& m : means) {
        double s = 0;
        for (std::size_t i = 0; i < n; ++i) s += sample[drawIndex(rng, n)];
        m = s / static_cast<double>(n);
    }
    const double alpha = (1.0 - level) / 2.0;
    BootstrapInterval out;
    out.mean = sum / static_cast<double>(n);
    out.low = numpyQuantile(means, alpha);
    out.high = numpyQuantile(std::move(means), 1.0 - alpha);
    return out;
}

}  // namespace pb::stats
