// An index-exact port of numpy's legacy numpy.random.RandomState (MT19937) for the calls a
// research protocol makes, so that its random few-shot supports, contaminant picks and splits are
// reproduced exactly from the same seeds. numpy freezes the legacy stream, so every numpy since
// 1.17 (checked against 1.24.2) gives these sequences; tests/data/numpy_random holds the reference.
// Not thread-safe: one generator per thread, as with numpy's lock-guarded object.
#pragma once
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace pb::purify {

class NumpyRandomState {
public:
    static constexpr std::size_t kStateWords = 624;

    // RandomState(seed) for an integer seed: MT19937's init_genrand (numpy's mt19937_seed), not
    // init_by_array, which numpy keeps for array seeds. Equals std::mt19937(seed).
    explicit NumpyRandomState(std::uint32_t seed);

    // The next raw MT19937 output; randint(0, 2**32, dtype=np.uint32) returns the same words.
    std::uint32_t nextUint32();
    // Two raw outputs, the first as the high word (numpy's mt19937_next64 as built for Linux x86-64).
    std::uint64_t nextUint64();

    // random_sample() / random(): 53 bits from two outputs, (a >> 5) * 2^26 + (b >> 6), over 2^53.
    double randomSample();
    std::vector<double> randomSample(std::size_t n);

    // randint(low, high) with the default int64 dtype: uniform on [low, high) by masked rejection
    // (draw, AND with the smallest all-ones mask covering high - low - 1, retry while too large), one
    // 32-bit output per try when the range fits 32 bits, else two. high - low == 1 draws nothing.
    // Throws pb::Error when low >= high.
    std::int64_t randint(std::int64_t low, std::int64_t high);
    // randint(low, high, size): size draws as above. Like numpy, size 0 returns an empty vector
    // before the bounds are checked.
    std::vector<std::int64_t> randint(std::int64_t low, std::int64_t high, std::size_t size);

    // numpy's random_interval(max): uniform on [0, max] by masked rejection (what shuffle uses).
    std::uint64_t randomInterval(std::uint64_t max);

    // shuffle(x) for a 1-D array or list: Fisher-Yates from the end, swapping x[i] with
    // x[random_interval(i)] for i = n-1 down to 1.
    template <typename T>
    void shuffle(std::vector<T>& values) {
        for (std::size_t i = values.size(); i-- > 1;) {
            const auto j = static_cast<std::size_t>(randomInterval(i));
            std::iter_swap(values.begin() + static_cast<std::ptrdiff_t>(i),
                           values.begin() + static_cast<std::ptrdiff_t>(j));
        }
    }

    // permutation(n) for an integer: shuffle(arange(n)); empty for n <= 0, as numpy's arange gives.
    std::vector<std::int64_t> permutation(std::int64_t n);

    // choice(n, size, replace) for an integer population and p=None. Without replacement the first
    // size entries of permutation(n), so all n - 1 shuffle draws are made even for a small size;
    // with replacement randint(0, n, size). Throws pb::Error as numpy raises ValueError: n <= 0 with
    // size > 0, and size > n without replacement.
    std::vector<std::int64_t> choice(std::int64_t n, std::size_t size, bool replace);

    // get_state()[1:3]: the key words and the position of the next output (624 after seeding, when
    // the first draw regenerates the whole state).
    const std::array<std::uint32_t, kStateWords>& stateKey() const { return key_; }
    std::size_t statePosition() const { return pos_; }

private:
    void regenerate();

    std::array<std::uint32_t, kStateWords> key_{};
    std::size_t pos_ = kStateWords;
};

}  // namespace pb::purify
