#include <gtest/gtest.h>

#include <numeric>

#include "engine/routing/BudgetAllocator.h"
#include "engine/synth/Pcg32.h"
#include "engine/util/Error.h"

namespace {

using Sizes = std::vector<std::size_t>;

std::vector<pb::ProductBudgetInput> withPatches(const Sizes& patches) {
    std::vector<pb::ProductBudgetInput> v;
    for (std::size_t i = 0; i < patches.size(); ++i) {
        pb::ProductBudgetInput p;
        p.name = "p" + std::to_string(i);
        p.trainPatches = patches[i];
        v.push_back(p);
    }
    return v;
}

std::size_t sum(const Sizes& v) { return std::accumulate(v.begin(), v.end(), std::size_t{0}); }

}  // namespace

TEST(BudgetAllocator, MegabyteConversionUsesMiBAnd4BytesPerValue) {
    EXPECT_EQ(pb::BudgetAllocator::bytesPerVector(1024), 4096u);
    EXPECT_EQ(pb::BudgetAllocator::vectorsForMegabytes(18.0, 1024), 4608u);  // the paper's 18 MB
    EXPECT_EQ(pb::BudgetAllocator::vectorsForMegabytes(2.9, 1024), 742u);    // 742.4, rounded down
    EXPECT_EQ(pb::BudgetAllocator::vectorsForMegabytes(0.0625, 1024), 16u);
    EXPECT_EQ(pb::BudgetAllocator::vectorsForMegabytes(1.0, 768), 341u);
    EXPECT_DOUBLE_EQ(pb::BudgetAllocator::megabytesForVectors(4608, 1024), 18.0);
    EXPECT_NEAR(pb::BudgetAllocator::megabytesForVectors(15, 1024), 0.0586, 1e-4);  // the router's 0.06 MB
    EXPECT_THROW(pb::BudgetAllocator::vectorsForMegabytes(-1.0, 1024), pb::Error);
    EXPECT_THROW(pb::BudgetAllocator::bytesPerVector(0), pb::Error);
}

TEST(BudgetAllocator, UniformSplitsEvenlyWithLargestRemainder) {
    pb::BudgetAllocator a(withPatches(Sizes(15, 100000)));
    const Sizes u = a.allocate(pb::AllocatorKind::Uniform, 4608);  // 307.2 each
    EXPECT_EQ(sum(u), 4608u);
    for (std::size_t i = 0; i < 15; ++i) EXPECT_EQ(u[i], i < 3 ? 308u : 307u) << i;
}

TEST(BudgetAllocator, UniformRedistributesWhatASmallProductCannotTake) {
    pb::BudgetAllocator a(withPatches({5, 1000, 1000}));
    EXPECT_EQ(a.allocate(pb::AllocatorKind::Uniform, 305), (Sizes{5, 150, 150}));
    EXPECT_EQ(a.allocate(pb::AllocatorKind::Uniform, 3), (Sizes{1, 1, 1}));
    EXPECT_EQ(a.allocate(pb::AllocatorKind::Uniform, 2005), (Sizes{5, 1000, 1000}));
    EXPECT_THROW(a.allocate(pb::AllocatorKind::Uniform, 2), pb::Error);     // below 1 each
    EXPECT_THROW(a.allocate(pb::AllocatorKind::Uniform, 2006), pb::Error);  // above all patches
}

TEST(BudgetAllocator, ProportionalFollowsPatchCounts) {
    pb::BudgetAllocator a(withPatches({100, 200, 300, 400}));
    EXPECT_EQ(a.allocate(pb::AllocatorKind::Proportional, 100), (Sizes{10, 20, 30, 40}));
    EXPECT_EQ(a.allocate(pb::AllocatorKind::Proportional, 1000), (Sizes{100, 200, 300, 400}));
    pb::BudgetAllocator b(withPatches({1000, 3000}));
    EXPECT_EQ(b.allocate(pb::AllocatorKind::Proportional, 10), (Sizes{3, 7}));  // 2.5 / 7.5: tie to the first
    // The floor of one vector per product takes precedence over proportionality.
    pb::BudgetAllocator c(withPatches({10, 100000}));
    EXPECT_EQ(c.allocate(pb::AllocatorKind::Proportional, 50), (Sizes{1, 49}));
}

TEST(BudgetAllocator, DispersionAndComplexityWeights) {
    auto in = withPatches({4, 100, 100});
    in[0].dispersion = 10;
    in[1].dispersion = 1;
    in[2].dispersion = 1;
    in[0].complexity = 16;
    in[1].complexity = 32;
    in[2].complexity = 64;
    pb::BudgetAllocator a(in);
    // 10:1:1 of 24 would give 20 to p0, which has 4 patches: the other 16 split 8/8.
    EXPECT_EQ(a.allocate(pb::AllocatorKind::Dispersion, 24), (Sizes{4, 10, 10}));
    EXPECT_EQ(a.allocate(pb::AllocatorKind::Dispersion, 20), (Sizes{4, 8, 8}));
    EXPECT_EQ(a.allocate(pb::AllocatorKind::Complexity, 70), (Sizes{4, 22, 44}));  // 10 capped at 4
    auto in2 = withPatches({1000, 1000, 1000});
    in2[0].complexity = 16;
    in2[1].complexity = 32;
    in2[2].complexity = 64;
    EXPECT_EQ(pb::BudgetAllocator(in2).allocate(pb::AllocatorKind::Complexity, 70), (Sizes{10, 20, 40}));
    // A zero weight still gets its one vector.
    in2[0].complexity = 0;
    EXPECT_EQ(pb::BudgetAllocator(in2).allocate(pb::AllocatorKind::Complexity, 97), (Sizes{1, 32, 64}));

    // Missing inputs are an error, not a silent uniform split.
    EXPECT_THROW(pb::BudgetAllocator(withPatches({10, 10})).allocate(pb::AllocatorKind::Dispersion, 5), pb::Error);
    auto neg = withPatches({10, 10});
    neg[0].dispersion = -1;
    neg[1].dispersion = 1;
    EXPECT_THROW(pb::BudgetAllocator(neg).allocate(pb::AllocatorKind::Dispersion, 5), pb::Error);
}

TEST(BudgetAllocator, OracleTakesTheSteepestCurveFirst) {
    auto in = withPatches({1000, 1000});
    in[0].oracleCurve = {{10, 0.80}, {20, 0.90}, {40, 0.95}};   // slopes 0.01 then 0.0025
    in[1].oracleCurve = {{40, 0.73}, {10, 0.70}, {20, 0.72}};   // slopes 0.002 then 0.001 (unsorted input)
    pb::BudgetAllocator a(in);
    EXPECT_EQ(a.allocate(pb::AllocatorKind::Oracle, 20), (Sizes{10, 10}));
    EXPECT_EQ(a.allocate(pb::AllocatorKind::Oracle, 25), (Sizes{15, 10}));  // partway along a's steep segment
    EXPECT_EQ(a.allocate(pb::AllocatorKind::Oracle, 30), (Sizes{20, 10}));
    EXPECT_EQ(a.allocate(pb::AllocatorKind::Oracle, 50), (Sizes{40, 10}));  // 0.0025 beats 0.002
    EXPECT_EQ(a.allocate(pb::AllocatorKind::Oracle, 60), (Sizes{40, 20}));
    EXPECT_EQ(a.allocate(pb::AllocatorKind::Oracle, 80), (Sizes{40, 40}));
    // Curves exhausted: the rest is spread evenly.
    EXPECT_EQ(a.allocate(pb::AllocatorKind::Oracle, 181), (Sizes{91, 90}));
    // The smallest swept budgets must fit.
    EXPECT_THROW(a.allocate(pb::AllocatorKind::Oracle, 19), pb::Error);
}

TEST(BudgetAllocator, OracleIgnoresLosingSegmentsAndClampsToPatchCounts) {
    auto in = withPatches({30, 1000});
    in[0].oracleCurve = {{10, 0.9}, {20, 0.95}, {50, 0.99}};  // 50 is clamped to the 30 patches
    in[1].oracleCurve = {{10, 0.9}, {20, 0.85}};              // more memory hurts: never preferred
    pb::BudgetAllocator a(in);
    EXPECT_EQ(a.allocate(pb::AllocatorKind::Oracle, 40), (Sizes{30, 10}));
    EXPECT_EQ(a.allocate(pb::AllocatorKind::Oracle, 50), (Sizes{30, 20}));  // no gain left: rest spread evenly
    EXPECT_THROW(pb::BudgetAllocator(withPatches({10, 10})).allocate(pb::AllocatorKind::Oracle, 5), pb::Error);
}

TEST(BudgetAllocator, EveryAllocatorSumsExactlyWithinBounds) {
    pb::Pcg32 rng(42);
    for (int trial = 0; trial < 200; ++trial) {
        const int n = 1 + rng.below(12);
        std::vector<pb::ProductBudgetInput> in;
        std::size_t all = 0;
        for (int i = 0; i < n; ++i) {
            pb::ProductBudgetInput p;
            p.name = "p" + std::to_string(i);
            p.trainPatches = 1 + static_cast<std::size_t>(rng.below(trial % 2 ? 50 : 5000));
            p.dispersion = rng.uniform(0.1, 5.0);
            p.complexity = 16 << rng.below(6);
            p.oracleCurve = {{1, rng.uniform(0.5, 0.7)}, {8, rng.uniform(0.6, 0.9)}, {64, rng.uniform(0.7, 1.0)}};
            all += p.trainPatches;
            in.push_back(p);
        }
        pb::BudgetAllocator a(in);
        const std::size_t total = static_cast<std::size_t>(n) + static_cast<std::size_t>(rng.below(static_cast<int>(all - n + 1)));
        for (pb::AllocatorKind kind : pb::allAllocatorKinds()) {
            const Sizes s = a.allocate(kind, total);
            ASSERT_EQ(s.size(), static_cast<std::size_t>(n));
            EXPECT_EQ(sum(s), total) << pb::toString(kind) << " trial " << trial;
            for (int i = 0; i < n; ++i) {
                EXPECT_GE(s[i], 1u) << pb::toString(kind) << " trial " << trial;
                EXPECT_LE(s[i], in[i].trainPatches) << pb::toString(kind) << " trial " << trial;
            }
        }
    }
}

TEST(BudgetAllocator, NamesAndValidation) {
    for (pb::AllocatorKind k : pb::allAllocatorKinds()) {
        pb::AllocatorKind parsed;
        ASSERT_TRUE(pb::parseAllocatorKind(pb::toString(k), parsed));
        EXPECT_EQ(parsed, k);
    }
    pb::AllocatorKind k;
    EXPECT_FALSE(pb::parseAllocatorKind("greedy", k));
    EXPECT_THROW(pb::BudgetAllocator({}), pb::Error);
    EXPECT_THROW(pb::BudgetAllocator(withPatches({10, 0})), pb::Error);
    auto dup = withPatches({10, 10});
    dup[1].name = "p0";
    EXPECT_THROW(pb::BudgetAllocator{dup}, pb::Error);
}
