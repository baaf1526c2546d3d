// A small, fully specified random generator (PCG32, O'Neill 2014) so that synthetic data is
// identical for a seed on every platform and standard library (std:: distributions are not).
#pragma once
#include <cmath>
#include <cstdint>

namespace pb {

class Pcg32 {
public:
    // Different streams with the same seed give independent sequences.
    explicit Pcg32(std::uint64_t seed, std::uint64_t stream = 0) : inc_((stream << 1u) | 1u) {
        next();
        state_ += seed;
        next();
    }

    std::uint32_t next() {
        const std::uint64_t old = state_;
        state_ = old * 6364136223846793005ULL + inc_;
        const auto xorshifted = static_cast<std::uint32_t>(((old >> 18u) ^ old) >> 27u);
        const auto rot = static_cast<std::uint32_t>(old >> 59u);
        return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
    }

    // Uniform in [0, 1) with 24 bits, exactly representable as float.
    double uniform() { return (next() >> 8) * (1.0 / 16777216.0); }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Uniform integer in [0, n); n > 0. The tiny modulo bias does not matter for synthetic data.
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint32_t>(n)); }
    // Standard normal by Box-Muller (one value per call, the second is dropped for simplicity).
    double normal() {
        const double u1 = 1.0 - uniform();  // (0, 1]
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }

private:
    std::uint64_t state_ = 0;
    std::uint64_t inc_;
};

}  // namespace pb
