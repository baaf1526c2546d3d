#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

#include "bank/BankTestData.h"
#include "engine/bank/GreedyCoreset.h"
#include "engine/util/Error.h"
#include "engine/util/Threads.h"

namespace {

// The textbook greedy k-centre in double precision, no projection: start at coresetStart, then
// repeatedly take the point with the largest weight * distance to the selection (first on ties).
std::vector<std::int64_t> naiveCoreset(const std::vector<float>& x, int dim, std::size_t count, std::uint64_t seed,
                                       const std::vector<float>& weights = {}) {
    const std::size_t n = x.size() / dim;
    std::vector<double> mind(n, 1e300);
    std::vector<bool> taken(n, false);
    std::vector<std::int64_t> out;
    std::size_t next = pb::coresetStart(n, seed);
    while (out.size() < count) {
        out.push_back(static_cast<std::int64_t>(next));
        taken[next] = true;
        for (std::size_t i = 0; i < n; ++i)
            mind[i] = std::min(mind[i], pb::test::squaredDistance(&x[i * dim], &x[next * dim], dim));
        double best = -1;
        for (std::size_t i = 0; i < n; ++i) {
            if (taken[i]) continue;
            const double w = weights.empty() ? 1.0 : weights[i];
            const double score = w * std::sqrt(mind[i]);
            if (score > best) {
                best = score;
                next = i;
            }
        }
    }
    return out;
}

pb::CoresetOptions options(const std::string& algorithm, std::uint64_t seed = 0, int projection = 128) {
    pb::CoresetOptions o;
    o.algorithm = algorithm;
    o.seed = seed;
    o.projection = projection;
    return o;
}

// Largest distance from any point to its nearest selected point.
double coveringRadius(const std::vector<float>& x, int dim, const std::vector<std::int64_t>& selection) {
    const std::size_t n = x.size() / dim;
    double radius = 0;
    for (std::size_t i = 0; i < n; ++i) {
        double best = 1e300;
        for (const auto s : selection) best = std::min(best, pb::test::squaredDistance(&x[i * dim], &x[s * dim], dim));
        radius = std::max(radius, best);
    }
    return std::sqrt(radius);
}

}  // namespace

TEST(GreedyCoreset, MatchesANaiveReference) {
    const int dim = 24;  // below the projection: distances in the vectors themselves
    const auto x = pb::test::gaussianVectors(400, dim, 1);
    for (std::uint64_t seed : {0u, 5u}) {
        const auto expected = naiveCoreset(x, dim, 60, seed);
        EXPECT_EQ(pb::greedyCoreset(x.data(), 400, dim, 60, options("pruned", seed)), expected);
        EXPECT_EQ(pb::greedyCoreset(x.data(), 400, dim, 60, options("full", seed)), expected);
        EXPECT_EQ(pb::greedyCoreset(x.data(), 400, dim, 60, options("lazy", seed)), expected);
        EXPECT_EQ(pb::greedyCoreset(x.data(), 400, dim, 60, options("auto", seed)), expected);
        EXPECT_EQ(pb::greedyCoreset(x.data(), 400, dim, 60, options("torch", seed)), expected);
    }
}

TEST(GreedyCoreset, ProjectionIsTheSameForEveryAlgorithm) {
    const int dim = 200;
    const auto x = pb::test::gaussianVectors(500, dim, 2);
    // The reference on the projected vectors (computed in double from the same matrix).
    const auto matrix = pb::coresetProjection(dim, 32, 4);
    std::vector<float> projected(500 * 32);
    for (int i = 0; i < 500; ++i)
        for (int j = 0; j < 32; ++j) {
            double s = 0;
            for (int d = 0; d < dim; ++d) s += static_cast<double>(x[i * dim + d]) * matrix[d * 32 + j];
            projected[i * 32 + j] = static_cast<float>(s);
        }
    const auto expected = naiveCoreset(projected, 32, 50, 4);
    EXPECT_EQ(pb::greedyCoreset(x.data(), 500, dim, 50, options("pruned", 4, 32)), expected);
    EXPECT_EQ(pb::greedyCoreset(x.data(), 500, dim, 50, options("torch", 4, 32)), expected);
}

TEST(GreedyCoreset, PruningKeepsTheSelectionIdentical) {
    // Clustered data, many selections: late in the run most cells are skipped.
    const int dim = 32;
    const std::size_t n = 6000;
    const auto x = pb::test::clusteredVectors(n, dim, 25, 3);
    const auto full = pb::greedyCoreset(x.data(), n, dim, 900, options("full", 1));
    const auto pruned = pb::greedyCoreset(x.data(), n, dim, 900, options("pruned", 1));
    EXPECT_EQ(pruned, full);
    // Weighted as well.
    const auto w = pb::varianceWeights(x.data(), n, dim, 1.0);
    EXPECT_EQ(pb::greedyCoreset(x.data(), n, dim, 400, options("pruned", 2), w),
              pb::greedyCoreset(x.data(), n, dim, 400, options("full", 2), w));
    // Large enough (>= 2^22 values) for the first passes to be split over two threads (several
    // segments per cell, compaction of the member lists).
    pb::setEngineThreads(2);
    const std::size_t big = 33000;
    const auto y = pb::test::clusteredVectors(big, 128, 40, 4);
    EXPECT_EQ(pb::greedyCoreset(y.data(), big, 128, 100, options("pruned", 3)),
              pb::greedyCoreset(y.data(), big, 128, 100, options("full", 3)));
    pb::setEngineThreads(0);
}

TEST(GreedyCoreset, LazySelectionMatchesTheFullPass) {
    // Unclustered data, where pruning stops paying and "auto" hands over to the lazy selection; more
    // rows than the lazy selection keeps up to date, so that many batch updates happen.
    const int dim = 32;
    const std::size_t n = 12000;
    const auto x = pb::test::gaussianVectors(n, dim, 8);
    const auto full = pb::greedyCoreset(x.data(), n, dim, 3000, options("full", 6));
    EXPECT_EQ(pb::greedyCoreset(x.data(), n, dim, 3000, options("lazy", 6)), full);
    EXPECT_EQ(pb::greedyCoreset(x.data(), n, dim, 3000, options("auto", 6)), full);
    const auto w = pb::varianceWeights(x.data(), n, dim, 1.0);
    EXPECT_EQ(pb::greedyCoreset(x.data(), n, dim, 2000, options("lazy", 7), w),
              pb::greedyCoreset(x.data(), n, dim, 2000, options("full", 7), w));
    // Wide rows far from the origin: with AMX tiles the batch updates pre-filter in bfloat16 on the rows
    // less their mean, and must still give the full pass's picks.
    auto shifted = pb::test::gaussianVectors(6000, 128, 9);
    for (auto& v : shifted) v += 20.0f;
    EXPECT_EQ(pb::greedyCoreset(shifted.data(), 6000, 128, 1500, options("lazy", 5)),
              pb::greedyCoreset(shifted.data(), 6000, 128, 1500, options("full", 5)));
    // Duplicated rows (distance 0) and selecting every row.
    std::vector<float> dup(x.begin(), x.begin() + 500 * dim);
    dup.insert(dup.end(), x.begin(), x.begin() + 500 * dim);
    EXPECT_EQ(pb::greedyCoreset(dup.data(), 1000, dim, 1000, options("lazy", 1)),
              pb::greedyCoreset(dup.data(), 1000, dim, 1000, options("full", 1)));
}

TEST(GreedyCoreset, DistinctDeterministicAndClamped) {
    const auto x = pb::test::clusteredVectors(1000, 16, 5, 4);
    const auto a = pb::greedyCoreset(x.data(), 1000, 16, 100, options("auto", 3));
    EXPECT_EQ(a, pb::greedyCoreset(x.data(), 1000, 16, 100, options("auto", 3)));
    EXPECT_EQ(std::set<std::int64_t>(a.begin(), a.end()).size(), 100u);
    EXPECT_EQ(a.front(), static_cast<std::int64_t>(pb::coresetStart(1000, 3)));
    EXPECT_NE(a, pb::greedyCoreset(x.data(), 1000, 16, 100, options("auto", 4)));
    // More than n: every point once; duplicates are still selected once each.
    std::vector<float> dup(20, 1.0f);
    const auto all = pb::greedyCoreset(dup.data(), 10, 2, 50, options("auto"));
    EXPECT_EQ(std::set<std::int64_t>(all.begin(), all.end()).size(), 10u);
    EXPECT_TRUE(pb::greedyCoreset(x.data(), 1000, 16, 0, options("auto")).empty());
}

TEST(GreedyCoreset, CoversBetterThanRandom) {
    const int dim = 16;
    const std::size_t n = 3000;
    const auto x = pb::test::clusteredVectors(n, dim, 10, 6);
    const auto coreset = pb::greedyCoreset(x.data(), n, dim, 150, options("auto"));
    pb::Pcg32 rng(9);
    std::vector<std::int64_t> random;
    std::set<std::int64_t> seen;
    while (random.size() < 150) {
        const std::int64_t r = rng.below(static_cast<int>(n));
        if (seen.insert(r).second) random.push_back(r);
    }
    EXPECT_LT(coveringRadius(x, dim, coreset), 0.8 * coveringRadius(x, dim, random));
}

TEST(GreedyCoreset, VarianceWeighting) {
    const int dim = 20;
    const auto x = pb::test::gaussianVectors(300, dim, 8);
    // alpha = 0 is the plain coreset.
    const auto ones = pb::varianceWeights(x.data(), 300, dim, 0.0);
    EXPECT_EQ(pb::greedyCoreset(x.data(), 300, dim, 40, options("auto"), ones),
              pb::greedyCoreset(x.data(), 300, dim, 40, options("auto")));
    // The weights are (variance / mean variance)^alpha and the weighted choice matches the reference.
    const auto w = pb::varianceWeights(x.data(), 300, dim, 2.0);
    double mean = 0, v0 = 0, m0 = 0;
    for (int d = 0; d < dim; ++d) m0 += x[d] / dim;
    for (int d = 0; d < dim; ++d) v0 += (x[d] - m0) * (x[d] - m0) / dim;
    for (int i = 0; i < 300; ++i) {
        double m = 0, v = 0;
        for (int d = 0; d < dim; ++d) m += x[i * dim + d] / dim;
        for (int d = 0; d < dim; ++d) v += (x[i * dim + d] - m) * (x[i * dim + d] - m) / dim;
        mean += v / 300;
    }
    EXPECT_NEAR(w[0], std::pow(v0 / mean, 2.0), 1e-4);
    EXPECT_EQ(pb::greedyCoreset(x.data(), 300, dim, 40, options("pruned"), w), naiveCoreset(x, dim, 40, 0, w));
    EXPECT_EQ(pb::greedyCoreset(x.data(), 300, dim, 40, options("torch"), w), naiveCoreset(x, dim, 40, 0, w));
}

TEST(GreedyCoreset, RejectsBadInput) {
    const auto x = pb::test::gaussianVectors(10, 4, 1);
    EXPECT_THROW(pb::greedyCoreset(x.data(), 10, 4, 3, options("magic")), pb::Error);
    EXPECT_THROW(pb::greedyCoreset(x.data(), 10, 4, 3, options("auto"), std::vector<float>(9, 1.0f)), pb::Error);
    auto o = options("auto");
    o.device = "tpu";
    EXPECT_THROW(pb::greedyCoreset(x.data(), 10, 4, 3, o), pb::Error);
}
