#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "bank/BankTestData.h"
#include "engine/bank/CellPrunedSelection.h"
#include "engine/bank/LazyGreedySelection.h"
#include "engine/synth/Pcg32.h"

namespace {

std::vector<double> draws(std::size_t count, std::uint64_t seed) {
    pb::Pcg32 rng(seed, 1);
    std::vector<double> u(count);
    for (auto& v : u) v = rng.uniform();
    return u;
}

}  // namespace

TEST(CellPrunedSelection, SquaredDistanceDrawsMatchTheFullPass) {
    // The pruning skips only rows whose distance cannot change, so the k-means++ draws, the cells and
    // the distances equal those of the pass that visits every row.
    const int dim = 24;
    const std::int64_t n = 5000;
    const auto x = pb::test::clusteredVectors(n, dim, 25, 3);
    const auto u = draws(299, 9);
    pb::CellSelectionOptions options;
    options.rule = pb::SelectionRule::SquaredDistance;
    options.uniforms = u.data();
    options.keepAssignment = true;
    const pb::CellSelection pruned = pb::cellPrunedSelection(x.data(), n, dim, 300, 17, options);
    options.prune = false;
    const pb::CellSelection full = pb::cellPrunedSelection(x.data(), n, dim, 300, 17, options);
    EXPECT_EQ(pruned.selection, full.selection);
    EXPECT_EQ(pruned.owner, full.owner);
    EXPECT_EQ(pruned.squaredDistance, full.squaredDistance);
    ASSERT_EQ(pruned.selection.size(), 300u);
    EXPECT_EQ(pruned.selection[0], 17);
    // Every row's cell is its nearest selected row.
    for (std::int64_t i = 0; i < n; i += 97) {
        double best = 1e300;
        for (const std::int64_t s : pruned.selection)
            best = std::min(best, pb::test::squaredDistance(&x[i * dim], &x[s * dim], dim));
        EXPECT_NEAR(pruned.squaredDistance[i], best, 1e-4 * (1 + best));
        const std::int64_t own = pruned.selection[pruned.owner[i]];
        EXPECT_NEAR(pb::test::squaredDistance(&x[i * dim], &x[own * dim], dim), best, 1e-4 * (1 + best));
    }
}

TEST(CellPrunedSelection, DrawsFollowTheSquaredDistances) {
    // Points 0 and 1 coincide, point 2 is at distance 1 and point 3 at distance 3 from them: after
    // starting at 0, the second draw takes 2 with probability 1/10 and 3 with probability 9/10.
    const std::vector<float> x{0, 0, 1, 3};
    int farther = 0;
    const int trials = 2000;
    const auto u = draws(trials, 4);
    for (int t = 0; t < trials; ++t) {
        pb::CellSelectionOptions options;
        options.rule = pb::SelectionRule::SquaredDistance;
        options.uniforms = &u[t];
        const auto s = pb::cellPrunedSelection(x.data(), 4, 1, 2, 0, options).selection;
        ASSERT_EQ(s.size(), 2u);
        ASSERT_TRUE(s[1] == 2 || s[1] == 3) << "drew a zero-distance point";
        farther += s[1] == 3;
    }
    EXPECT_NEAR(farther / static_cast<double>(trials), 0.9, 0.03);
}

TEST(LazyKMeansPlusPlus, RejectionDrawsFollowTheSquaredDistances) {
    // As above, continued lazily from the state after the first row: 3 with probability 9/10, never a
    // zero-distance row; the final owners and distances are exact.
    const std::vector<float> x{0, 0, 1, 3};
    int farther = 0;
    const int trials = 2000;
    for (int t = 0; t < trials; ++t) {
        pb::CellSelection state;
        state.selection = {0};
        state.owner = {0, 0, 0, 0};
        state.squaredDistance = {-1.0f, 0.0f, 1.0f, 9.0f};
        const auto r = pb::lazyKMeansPlusPlus(x.data(), 4, 1, 3, state, static_cast<std::uint64_t>(t));
        ASSERT_EQ(r.selection.size(), 3u);
        ASSERT_TRUE(r.selection[1] == 2 || r.selection[1] == 3);
        farther += r.selection[1] == 3;
        // The third draw takes the other of 2 and 3 (row 1 duplicates row 0).
        EXPECT_EQ(r.selection[1] + r.selection[2], 5);
        EXPECT_EQ(r.owner[1], 0);
        EXPECT_EQ(r.squaredDistance[1], 0.0f);
        EXPECT_EQ(r.squaredDistance[r.selection[2]], 0.0f);
    }
    EXPECT_NEAR(farther / static_cast<double>(trials), 0.9, 0.03);
}
