// NumpyRandomState against numpy 1.24.2's legacy RandomState, index for index, from the sequences
// tests/data/numpy_random/generate.py wrote.
#include "engine/purify/NumpyRandomState.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/util/Error.h"
#include "tests/engine/TestData.h"

namespace {

using nlohmann::json;
using pb::purify::NumpyRandomState;

const json& reference() {
    static const json data = [] {
        const auto path = pb::test::sourceDir() / "tests/data/numpy_random/sequences.json";
        std::ifstream in(path);
        if (!in) throw pb::Error("cannot open the numpy reference sequences", path.string());
        return json::parse(in);
    }();
    return data;
}

std::uint32_t seedOf(const json& entry) { return entry.at("seed").get<std::uint32_t>(); }

std::vector<std::int64_t> int64s(const json& values) { return values.get<std::vector<std::int64_t>>(); }

std::vector<std::int64_t> sorted(std::vector<std::int64_t> v) {
    std::sort(v.begin(), v.end());
    return v;
}

}  // namespace

TEST(NumpyRandomState, ReferenceCoversTheSeeds) {
    const auto& seeds = reference().at("seeds");
    ASSERT_EQ(seeds.size(), 11U);
    EXPECT_EQ(seedOf(seeds.front()), 0U);
    EXPECT_EQ(seedOf(seeds.back()), 4294967295U);
    EXPECT_EQ(reference().at("protocol").at("supports").size(), 15U);
}

TEST(NumpyRandomState, SeedingMatchesNumpyKey) {
    for (const auto& entry : reference().at("full_key")) {
        NumpyRandomState rng(seedOf(entry));
        const auto key = entry.at("key").get<std::vector<std::uint32_t>>();
        ASSERT_EQ(key.size(), NumpyRandomState::kStateWords);
        EXPECT_EQ(rng.statePosition(), NumpyRandomState::kStateWords);
        for (std::size_t i = 0; i < key.size(); ++i)
            EXPECT_EQ(rng.stateKey()[i], key[i]) << "seed " << seedOf(entry) << ", word " << i;
    }
}

TEST(NumpyRandomState, RawOutputsMatchNumpy) {
    for (const auto& entry : reference().at("seeds")) {
        NumpyRandomState rng(seedOf(entry));
        const auto raw = entry.at("raw").get<std::vector<std::uint32_t>>();
        for (std::size_t i = 0; i < raw.size(); ++i)
            ASSERT_EQ(rng.nextUint32(), raw[i]) << "seed " << seedOf(entry) << ", output " << i;
    }
    // seed 42 holds 1300 outputs: two regenerations of the state are crossed.
    EXPECT_GT(reference().at("seeds").at(5).at("raw").size(), 2 * NumpyRandomState::kStateWords);
}

TEST(NumpyRandomState, RawOutputsMatchStdMt19937) {
    // An integer seed goes through init_genrand, as std::mt19937(seed) does.
    for (std::uint32_t seed : {0U, 1U, 42U, 5489U, 4294967295U}) {
        NumpyRandomState rng(seed);
        std::mt19937 mt(seed);
        for (int i = 0; i < 2000; ++i) ASSERT_EQ(rng.nextUint32(), mt()) << "seed " << seed << ", output " << i;
    }
}

TEST(NumpyRandomState, RandomSampleMatchesNumpy) {
    for (const auto& entry : reference().at("seeds")) {
        const auto expected = entry.at("random_sample").get<std::vector<double>>();
        NumpyRandomState scalar(seedOf(entry));
        for (std::size_t i = 0; i < expected.size(); ++i)
            EXPECT_EQ(scalar.randomSample(), expected[i]) << "seed " << seedOf(entry) << ", index " << i;
        NumpyRandomState vector(seedOf(entry));
        EXPECT_EQ(vector.randomSample(expected.size()), expected) << "seed " << seedOf(entry);
    }
}

TEST(NumpyRandomState, RandintMatchesNumpy) {
    for (const auto& entry : reference().at("seeds")) {
        for (const auto& range : entry.at("randint")) {
            const auto low = range.at("low").get<std::int64_t>();
            const auto high = range.at("high").get<std::int64_t>();
            const auto expected = int64s(range.at("values"));
            const std::string where = "seed " + std::to_string(seedOf(entry)) + ", randint(" + std::to_string(low) +
                                      ", " + std::to_string(high) + ")";
            NumpyRandomState vector(seedOf(entry));
            EXPECT_EQ(vector.randint(low, high, expected.size()), expected) << where;
            NumpyRandomState scalar(seedOf(entry));
            for (std::size_t i = 0; i < expected.size(); ++i)
                EXPECT_EQ(scalar.randint(low, high), expected[i]) << where << ", index " << i;
        }
    }
}

TEST(NumpyRandomState, PermutationMatchesNumpy) {
    for (const auto& entry : reference().at("seeds")) {
        for (const auto& perm : entry.at("permutation")) {
            const auto n = perm.at("n").get<std::int64_t>();
            NumpyRandomState rng(seedOf(entry));
            EXPECT_EQ(rng.permutation(n), int64s(perm.at("values"))) << "seed " << seedOf(entry) << ", n " << n;
        }
    }
}

TEST(NumpyRandomState, ShuffleMatchesNumpy) {
    for (const auto& entry : reference().at("seeds")) {
        const auto expected = int64s(entry.at("shuffle_arange20"));
        std::vector<std::int64_t> values(20);
        std::iota(values.begin(), values.end(), 0);
        NumpyRandomState(seedOf(entry)).shuffle(values);
        EXPECT_EQ(values, expected) << "seed " << seedOf(entry);
        // Any element type follows the same swaps.
        std::vector<std::string> names;
        for (int i = 0; i < 20; ++i) names.push_back("image" + std::to_string(i));
        NumpyRandomState(seedOf(entry)).shuffle(names);
        for (std::size_t i = 0; i < names.size(); ++i) EXPECT_EQ(names[i], "image" + std::to_string(expected[i]));
    }
}

TEST(NumpyRandomState, ChoiceMatchesNumpy) {
    for (const auto& entry : reference().at("seeds")) {
        for (const auto& c : entry.at("choice")) {
            const auto n = c.at("n").get<std::int64_t>();
            const auto size = c.at("size").get<std::size_t>();
            const bool replace = c.at("replace").get<bool>();
            NumpyRandomState rng(seedOf(entry));
            EXPECT_EQ(rng.choice(n, size, replace), int64s(c.at("values")))
                << "seed " << seedOf(entry) << ", choice(" << n << ", " << size << ", replace=" << replace << ")";
        }
    }
}

TEST(NumpyRandomState, StateCarriesAcrossMixedCalls) {
    for (const auto& entry : reference().at("seeds")) {
        const auto& mixed = entry.at("mixed");
        NumpyRandomState rng(seedOf(entry));
        EXPECT_EQ(rng.randint(0, 10), mixed.at("randint_0_10").get<std::int64_t>());
        EXPECT_EQ(rng.randomSample(), mixed.at("random_sample").get<double>());
        EXPECT_EQ(rng.permutation(7), int64s(mixed.at("permutation_7")));
        EXPECT_EQ(rng.choice(50, 4, false), int64s(mixed.at("choice_50_4")));
        for (const auto& raw : mixed.at("raw")) EXPECT_EQ(rng.nextUint32(), raw.get<std::uint32_t>());
    }
}

TEST(NumpyRandomState, ProtocolSupportsMatchNumpy) {
    // np.sort(RandomState(seed).choice(209, N, replace=False)): MVTec AD bottle's few-shot supports.
    for (const auto& s : reference().at("protocol").at("supports")) {
        NumpyRandomState rng(seedOf(s));
        const auto n = s.at("n").get<std::size_t>();
        EXPECT_EQ(sorted(rng.choice(209, n, false)), int64s(s.at("values"))) << "seed " << seedOf(s) << ", N " << n;
    }
}

TEST(NumpyRandomState, ProtocolContaminationMatchesNumpy) {
    // rng = RandomState(seed + 2000); slots = rng.choice(N, m, False); picks = rng.choice(63, m, 63 < m).
    for (const auto& c : reference().at("protocol").at("contamination")) {
        const auto n = c.at("n").get<std::int64_t>();
        const auto m = static_cast<std::size_t>(std::nearbyint(static_cast<double>(n) * c.at("c").get<double>()));
        ASSERT_EQ(m, c.at("m").get<std::size_t>());
        NumpyRandomState rng(seedOf(c) + 2000U);
        EXPECT_EQ(rng.choice(n, m, false), int64s(c.at("slots"))) << "seed " << seedOf(c) << ", c " << c.at("c");
        EXPECT_EQ(rng.choice(63, m, 63U < m), int64s(c.at("picks"))) << "seed " << seedOf(c) << ", c " << c.at("c");
    }
}

TEST(NumpyRandomState, ProtocolSplitsMatchNumpy) {
    for (const auto& s : reference().at("protocol").at("shuffle_arange63")) {
        std::vector<std::int64_t> values(63);
        std::iota(values.begin(), values.end(), 0);
        NumpyRandomState(seedOf(s)).shuffle(values);
        EXPECT_EQ(values, int64s(s.at("values"))) << "seed " << seedOf(s);
    }
    for (const auto& p : reference().at("protocol").at("permutation199")) {
        EXPECT_EQ(NumpyRandomState(seedOf(p)).permutation(199), int64s(p.at("values"))) << "seed " << seedOf(p);
    }
}

TEST(NumpyRandomState, ErrorsAndEdgeCasesMatchNumpy) {
    // Each call numpy rejected with ValueError must throw pb::Error; the others must return the same.
    for (const auto& e : reference().at("errors")) {
        const auto call = e.at("call").get<std::string>();
        NumpyRandomState rng(0);
        auto run = [&]() -> std::vector<std::int64_t> {
            const auto a = e.at("a").get<std::int64_t>();
            if (call == "permutation") return rng.permutation(a);
            const auto b = e.at("b").get<std::int64_t>();
            if (call == "choice") return rng.choice(a, static_cast<std::size_t>(b), e.at("c").get<bool>());
            if (e.at("c").is_null()) return {rng.randint(a, b)};
            return rng.randint(a, b, e.at("c").get<std::size_t>());
        };
        if (e.contains("error")) {
            EXPECT_THROW(run(), pb::Error) << e.dump() << " (numpy: " << e.at("error").get<std::string>() << ")";
        } else {
            EXPECT_EQ(run(), int64s(e.at("values"))) << e.dump();
        }
    }
}

TEST(NumpyRandomState, ErrorMessagesNameTheProblem) {
    NumpyRandomState rng(0);
    try {
        rng.choice(5, 6, false);
        FAIL() << "expected pb::Error";
    } catch (const pb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("larger sample than the population"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("population 5, size 6"), std::string::npos) << e.what();
    }
    try {
        rng.randint(3, 3);
        FAIL() << "expected pb::Error";
    } catch (const pb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("low >= high"), std::string::npos) << e.what();
    }
    EXPECT_THROW(rng.choice(0, 1, true), pb::Error);
    // A rejected call draws nothing.
    EXPECT_EQ(rng.statePosition(), NumpyRandomState::kStateWords);
}
