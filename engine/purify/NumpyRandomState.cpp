#include "engine/purify/NumpyRandomState.h"

#include <string>

#include "engine/util/Error.h"

namespace pb::purify {
namespace {

constexpr std::size_t kShift = 397;  // MT19937's M
constexpr std::uint32_t kMatrixA = 0x9908b0dfU;
constexpr std::uint32_t kUpperMask = 0x80000000U;
constexpr std::uint32_t kLowerMask = 0x7fffffffU;

inline std::uint32_t twist(std::uint32_t upper, std::uint32_t lower, std::uint32_t shifted) {
    const std::uint32_t y = (upper & kUpperMask) | (lower & kLowerMask);
    return shifted ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
}

// numpy's gen_mask: the smallest all-ones bit pattern >= max.
inline std::uint64_t genMask(std::uint64_t max) {
    std::uint64_t mask = max;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    mask |= mask >> 32;
    return mask;
}

}  // namespace

NumpyRandomState::NumpyRandomState(std::uint32_t seed) {
    // mt19937_seed in numpy/random/src/mt19937/mt19937.c (Matsumoto and Nishimura's init_genrand).
    key_[0] = seed;
    for (std::size_t i = 1; i < kStateWords; ++i)
        key_[i] = 1812433253U * (key_[i - 1] ^ (key_[i - 1] >> 30)) + static_cast<std::uint32_t>(i);
    pos_ = kStateWords;
}

void NumpyRandomState::regenerate() {
    // mt19937_gen: all 624 words at once.
    constexpr std::size_t n = kStateWords;
    std::size_t i = 0;
    for (; i < n - kShift; ++i) key_[i] = twist(key_[i], key_[i + 1], key_[i + kShift]);
    for (; i < n - 1; ++i) key_[i] = twist(key_[i], key_[i + 1], key_[i + kShift - n]);
    key_[n - 1] = twist(key_[n - 1], key_[0], key_[kShift - 1]);
    pos_ = 0;
}

std::uint32_t NumpyRandomState::nextUint32() {
    if (pos_ == kStateWords) regenerate();
    std::uint32_t y = key_[pos_++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}

std::uint64_t NumpyRandomState::nextUint64() {
    const std::uint64_t high = nextUint32();
    const std::uint64_t low = nextUint32();
    return (high << 32) | low;
}

double NumpyRandomState::randomSample() {
    const std::uint32_t a = nextUint32() >> 5;
    const std::uint32_t b = nextUint32() >> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
}

std::vector<double> NumpyRandomState::randomSample(std::size_t n) {
    std::vector<double> out(n);
    for (auto& v : out) v = randomSample();
    return out;
}

std::uint64_t NumpyRandomState::randomInterval(std::uint64_t max) {
    if (max == 0) return 0;
    const std::uint64_t mask = genMask(max);
    std::uint64_t value = 0;
    if (max <= 0xffffffffULL) {
        while ((value = (nextUint32() & mask)) > max) {
        }
    } else {
        while ((value = (nextUint64() & mask)) > max) {
        }
    }
    return value;
}

std::int64_t NumpyRandomState::randint(std::int64_t low, std::int64_t high) { return randint(low, high, 1).front(); }

std::vector<std::int64_t> NumpyRandomState::randint(std::int64_t low, std::int64_t high, std::size_t size) {
    // _rand_int64 in numpy/random/_bounded_integers.pyx with RandomState's use_masked=True, then
    // random_bounded_uint64_fill in numpy/random/src/distributions/distributions.c.
    if (size == 0) return {};
    if (low >= high)
        throw pb::Error("randint: low >= high (low " + std::to_string(low) + ", high " + std::to_string(high) + ")");
    // The closed range [low, high - 1] as an offset and an inclusive span; unsigned arithmetic wraps
    // correctly for every int64 pair.
    const std::uint64_t off = static_cast<std::uint64_t>(low);
    const std::uint64_t rng = static_cast<std::uint64_t>(high) - 1U - off;
    std::vector<std::int64_t> out(size);
    if (rng == 0) {
        for (auto& v : out) v = low;
        return out;
    }
    const std::uint64_t mask = genMask(rng);
    for (auto& v : out) {
        std::uint64_t draw = 0;
        if (rng <= 0xffffffffULL) {
            while ((draw = (nextUint32() & mask)) > rng) {
            }
        } else {
            // high - low <= 2^64 - 1 for int64 bounds, so numpy's full-range branch (rng = 2^64 - 1,
            // an unmasked next_uint64) is unreachable here.
            while ((draw = (nextUint64() & mask)) > rng) {
            }
        }
        v = static_cast<std::int64_t>(off + draw);
    }
    return out;
}

std::vector<std::int64_t> NumpyRandomState::permutation(std::int64_t n) {
    std::vector<std::int64_t> out(n > 0 ? static_cast<std::size_t>(n) : 0);
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<std::int64_t>(i);
    shuffle(out);
    return out;
}

std::vector<std::int64_t> NumpyRandomState::choice(std::int64_t n, std::size_t size, bool replace) {
    // RandomState.choice in numpy/random/mtrand.pyx with an integer a and p=None.
    if (n <= 0 && size != 0)
        throw pb::Error("choice: the population must be greater than 0 unless no samples are taken (population " +
                        std::to_string(n) + ", size " + std::to_string(size) + ")");
    if (replace) return randint(0, n, size);
    if (n < 0 || size > static_cast<std::uint64_t>(n))
        throw pb::Error("choice: cannot take a larger sample than the population without replacement (population " +
                        std::to_string(n) + ", size " + std::to_string(size) + ")");
    auto out = permutation(n);
    out.resize(size);
    return out;
}

}  // namespace pb::purify
