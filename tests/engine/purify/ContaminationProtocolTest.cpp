// The contaminated few-shot protocol against the paper's numpy sequences (tests/data/numpy_random):
// supports, replaced slots and picks, the Setup B pool and the recapture order, on MVTec AD bottle's
// counts (209 training images; 83 test images: 63 anomalies in path order, then 20 good).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "TestData.h"
#include "engine/purify/ContaminationProtocol.h"
#include "engine/util/Error.h"

using namespace pb::purify;

namespace {

nlohmann::json protocol() {
    std::ifstream in(pb::test::sourceDir() / "tests/data/numpy_random/sequences.json");
    return nlohmann::json::parse(in).at("protocol");
}

std::vector<int> bottleTestLabels() {
    std::vector<int> labels(63, 1);
    labels.resize(83, 0);
    return labels;
}

template <typename T>
std::vector<std::int64_t> asInts(const std::vector<T>& v) {
    return {v.begin(), v.end()};
}

}  // namespace

TEST(ContaminationProtocol, SupportsMatchNumpyIndexForIndex) {
    for (const auto& s : protocol().at("supports")) {
        ContaminationSpec spec;
        spec.support = s.at("n");
        spec.seed = s.at("seed");
        const auto split = contaminate(209, bottleTestLabels(), spec);
        EXPECT_EQ(asInts(split.cleanSupport), s.at("values").get<std::vector<std::int64_t>>())
            << "seed " << spec.seed << " N " << spec.support;
        EXPECT_EQ(split.contaminants(), 0u);
        EXPECT_EQ(split.recapture.size(), 209u - spec.support);
    }
}

TEST(ContaminationProtocol, SetupAReplacesTheNumpySlotsWithTheNumpyPicks) {
    for (const auto& c : protocol().at("contamination")) {
        ContaminationSpec spec;
        spec.support = c.at("n");
        spec.seed = c.at("seed");
        spec.rate = c.at("c");
        spec.setup = ContaminationSetup::A;
        ASSERT_EQ(spec.contaminantCount(), c.at("m").get<int>());
        const auto split = contaminate(209, bottleTestLabels(), spec);
        const auto slots = c.at("slots").get<std::vector<std::size_t>>();
        const auto picks = c.at("picks").get<std::vector<std::size_t>>();
        for (std::size_t j = 0; j < slots.size(); ++j) {
            const ReferenceImage& r = split.support[slots[j]];
            EXPECT_TRUE(r.contaminant);
            EXPECT_EQ(r.index, picks[j]);  // the anomalies are the first 63 test images
        }
        EXPECT_EQ(split.contaminants(), slots.size());
        EXPECT_EQ(split.test.size(), 83u);  // Setup A scores every test image, the contaminants too
    }
}

TEST(ContaminationProtocol, SetupBPoolIsTheFirstHalfOfTheNumpyShuffle) {
    const auto shuffles = protocol().at("shuffle_arange63");
    const auto& seed0 = *std::find_if(shuffles.begin(), shuffles.end(), [](const auto& s) { return s.at("seed") == 5000; });
    const auto shuffled = seed0.at("values").get<std::vector<std::size_t>>();
    ContaminationSpec spec;
    spec.rate = 0.3;
    spec.seed = 0;
    const auto split = contaminate(209, bottleTestLabels(), spec);
    const std::vector<std::size_t> pool(shuffled.begin(), shuffled.begin() + 31);
    EXPECT_EQ(split.test.size(), 83u - 31u);  // 32 anomalies and 20 good, as the paper's bottle rows
    for (std::size_t i : pool) EXPECT_EQ(std::count(split.test.begin(), split.test.end(), i), 0);
    for (const auto& r : split.support)
        if (r.contaminant) EXPECT_NE(std::find(pool.begin(), pool.end(), r.index), pool.end());
    EXPECT_EQ(split.contaminants(), 3u);
}

TEST(ContaminationProtocol, RecaptureFollowsTheNumpyPermutationOfUnusedImages) {
    const auto perms = protocol().at("permutation199");
    const auto& seed0 = *std::find_if(perms.begin(), perms.end(), [](const auto& s) { return s.at("seed") == 7000; });
    ContaminationSpec spec;  // seed 0, N 10
    const auto split = contaminate(209, bottleTestLabels(), spec);
    std::vector<std::size_t> unused;
    for (std::size_t i = 0; i < 209; ++i)
        if (std::find(split.cleanSupport.begin(), split.cleanSupport.end(), i) == split.cleanSupport.end())
            unused.push_back(i);
    const auto order = seed0.at("values").get<std::vector<std::size_t>>();
    ASSERT_EQ(split.recapture.size(), order.size());
    for (std::size_t j = 0; j < order.size(); ++j) EXPECT_EQ(split.recapture[j], unused[order[j]]);
}

TEST(ContaminationProtocol, RoundsHalfToEvenAndRefusesBadSpecs) {
    ContaminationSpec spec;
    spec.support = 5;
    spec.rate = 0.1;  // 0.5 -> 0
    EXPECT_EQ(spec.contaminantCount(), 0);
    spec.rate = 0.3;  // 1.5 -> 2
    EXPECT_EQ(spec.contaminantCount(), 2);
    spec.support = 10;
    spec.rate = 0.05;  // 0.5 -> 0
    EXPECT_EQ(spec.contaminantCount(), 0);
    spec.support = 300;
    EXPECT_THROW(contaminate(209, bottleTestLabels(), spec), pb::Error);
    spec.support = 10;
    spec.rate = 1.5;
    EXPECT_THROW(contaminate(209, bottleTestLabels(), spec), pb::Error);
    spec.rate = 0.3;
    EXPECT_THROW(contaminate(209, std::vector<int>(20, 0), spec), pb::Error);  // no anomaly to draw from
    EXPECT_THROW(contaminationSetupFromString("C"), pb::Error);
}
