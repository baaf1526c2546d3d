// Synthetic patch-like data for the memory-bank tests: Gaussian clusters of different sizes and
// spreads (Pcg32, so identical on every platform).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/synth/Pcg32.h"

namespace pb::test {

// `count` vectors of `dim` values in `clusters` Gaussian blobs: centres N(0, 4^2), spread 0.3..1.2
// per cluster, cluster sizes drawn unevenly (cluster c is picked with weight c + 1).
inline std::vector<float> clusteredVectors(std::size_t count, int dim, int clusters, std::uint64_t seed) {
    Pcg32 rng(seed, 17);
    std::vector<float> centres(static_cast<std::size_t>(clusters) * dim);
    std::vector<double> spread(clusters);
    for (auto& c : centres) c = static_cast<float>(4.0 * rng.normal());
    for (auto& s : spread) s = rng.uniform(0.3, 1.2);
    const int totalWeight = clusters * (clusters + 1) / 2;
    std::vector<float> v(count * static_cast<std::size_t>(dim));
    for (std::size_t i = 0; i < count; ++i) {
        int pick = rng.below(totalWeight), c = 0;
        while (pick >= c + 1) {
            pick -= c + 1;
            ++c;
        }
        for (int d = 0; d < dim; ++d)
            v[i * dim + d] = centres[static_cast<std::size_t>(c) * dim + d] + static_cast<float>(spread[c] * rng.normal());
    }
    return v;
}

inline std::vector<float> gaussianVectors(std::size_t count, int dim, std::uint64_t seed) {
    Pcg32 rng(seed, 23);
    std::vector<float> v(count * static_cast<std::size_t>(dim));
    for (auto& x : v) x = static_cast<float>(rng.normal());
    return v;
}

inline double squaredDistance(const float* a, const float* b, int dim) {
    double s = 0;
    for (int d = 0; d < dim; ++d) {
        const double diff = static_cast<double>(a[d]) - b[d];
        s += diff * diff;
    }
    return s;
}

}  // namespace pb::test
