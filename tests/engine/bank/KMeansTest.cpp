#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "bank/BankTestData.h"
#include "engine/bank/KMeans.h"
#include "engine/util/Error.h"

TEST(KMeans, HandCheckableCase) {
    // Two groups on a line: the optimum is {1, 11} with squared errors 1, 0, 1 in each group.
    const std::vector<float> x{0, 1, 2, 10, 11, 12};
    for (std::uint64_t seed : {0u, 1u, 2u, 3u}) {
        const pb::KMeansResult r = pb::kMeans(x.data(), 6, 1, 2, pb::KMeansOptions{25, seed, "cpu"});
        ASSERT_EQ(r.centroids.size(), 2u);
        std::vector<float> c = r.centroids;
        std::sort(c.begin(), c.end());
        EXPECT_FLOAT_EQ(c[0], 1.0f);
        EXPECT_FLOAT_EQ(c[1], 11.0f);
        EXPECT_NEAR(r.meanSquaredError, 4.0 / 6.0, 1e-9);
        ASSERT_EQ(r.assignment.size(), 6u);
        EXPECT_EQ(r.assignment[0], r.assignment[2]);
        EXPECT_NE(r.assignment[0], r.assignment[3]);
        EXPECT_FLOAT_EQ(r.distance[1], 0.0f);
        EXPECT_FLOAT_EQ(r.distance[5], 1.0f);
    }
}

TEST(KMeans, LloydLowersTheErrorOfTheSeeding) {
    const int dim = 16;
    const std::size_t n = 3000;
    const auto x = pb::test::clusteredVectors(n, dim, 12, 5);
    const pb::KMeansResult seeded = pb::kMeans(x.data(), n, dim, 20, pb::KMeansOptions{0, 7, "cpu"});
    const pb::KMeansResult fitted = pb::kMeans(x.data(), n, dim, 20, pb::KMeansOptions{25, 7, "cpu"});
    EXPECT_LT(fitted.meanSquaredError, 0.9 * seeded.meanSquaredError);
    // The reported assignment is the nearest centroid and the distances are exact.
    double mse = 0;
    for (std::size_t i = 0; i < n; ++i) {
        double best = 1e300;
        for (int c = 0; c < 20; ++c)
            best = std::min(best, pb::test::squaredDistance(&x[i * dim], &fitted.centroids[c * dim], dim));
        const double own = pb::test::squaredDistance(&x[i * dim], &fitted.centroids[fitted.assignment[i] * dim], dim);
        EXPECT_LE(own, best * (1 + 1e-5) + 1e-6);
        EXPECT_NEAR(fitted.distance[i], std::sqrt(own), 1e-4 * (1 + std::sqrt(own)));
        mse += own;
    }
    EXPECT_NEAR(fitted.meanSquaredError, mse / n, 1e-6 * mse / n);
}

TEST(KMeans, DeterministicForASeed) {
    const auto x = pb::test::clusteredVectors(1000, 8, 6, 2);
    const auto a = pb::kMeans(x.data(), 1000, 8, 10, pb::KMeansOptions{10, 3, "cpu"});
    const auto b = pb::kMeans(x.data(), 1000, 8, 10, pb::KMeansOptions{10, 3, "cpu"});
    EXPECT_EQ(a.centroids, b.centroids);
    EXPECT_EQ(a.assignment, b.assignment);
}

TEST(KMeans, KAtLeastNReturnsThePoints) {
    const std::vector<float> x{1, 2, 3, 4, 5, 6};
    const auto r = pb::kMeans(x.data(), 3, 2, 5, pb::KMeansOptions{});
    EXPECT_EQ(r.centroids, x);
    EXPECT_EQ(r.assignment, (std::vector<std::int32_t>{0, 1, 2}));
    EXPECT_EQ(r.meanSquaredError, 0.0);
}

TEST(KMeans, DuplicatePointsAndEmptyClusters) {
    // Two distinct values but four clusters: seeding must repeat points and Lloyd meets empty clusters.
    std::vector<float> x;
    for (int i = 0; i < 10; ++i) x.push_back(i < 5 ? 0.0f : 10.0f);
    const auto r = pb::kMeans(x.data(), 10, 1, 4, pb::KMeansOptions{10, 1, "cpu"});
    ASSERT_EQ(r.centroids.size(), 4u);
    for (const auto a : r.assignment) EXPECT_TRUE(a >= 0 && a < 4);
    EXPECT_EQ(r.meanSquaredError, 0.0);
}

TEST(KMeans, RejectsBadInput) {
    const std::vector<float> x{1, NAN};
    EXPECT_THROW(pb::kMeans(x.data(), 2, 1, 1, pb::KMeansOptions{}), pb::Error);
    EXPECT_THROW(pb::kMeans(x.data(), 1, 1, 0, pb::KMeansOptions{}), pb::Error);
    EXPECT_THROW(pb::kMeans(x.data(), 1, 1, 1, pb::KMeansOptions{25, 0, "tpu"}), pb::Error);
}

namespace {

// The CPU algorithm against dense LibTorch Lloyd: same seeds (the same uniform draws), exact assignments
// on both sides, so the same clustering.
void expectPrunedMatchesTorch(const std::vector<float>& x, std::size_t n, int dim, std::size_t k, std::uint64_t seed,
                              int iterations) {
    SCOPED_TRACE("k " + std::to_string(k) + ", " + std::to_string(iterations) + " iterations");
    pb::KMeansOptions pruned{iterations, seed, "cpu"};
    pruned.algorithm = "pruned";
    pb::KMeansOptions dense = pruned;
    dense.algorithm = "torch";
    const auto a = pb::kMeans(x.data(), n, dim, k, pruned);
    const auto b = pb::kMeans(x.data(), n, dim, k, dense);
    ASSERT_EQ(a.centroids.size(), b.centroids.size());
    for (std::size_t i = 0; i < a.centroids.size(); ++i) EXPECT_NEAR(a.centroids[i], b.centroids[i], 1e-4) << i;
    EXPECT_EQ(a.assignment, b.assignment);
    EXPECT_NEAR(a.meanSquaredError, b.meanSquaredError, 1e-6 * b.meanSquaredError);
}

}  // namespace

TEST(KMeans, PrunedAndTorchAlgorithmsAgree) {
    const std::size_t n = 4000;
    const auto x = pb::test::clusteredVectors(n, 16, 30, 11);
    for (const int iterations : {0, 3, 25}) expectPrunedMatchesTorch(x, n, 16, 40, 5, iterations);
}

TEST(KMeans, PrunedAndTorchAgreeOnUnclusteredData) {
    // Gaussian data with many centroids: the bounds fail often, the points' remembered lists and the
    // explicitly checked movers carry the later iterations.
    const std::size_t n = 6000;
    const auto x = pb::test::gaussianVectors(n, 16, 9);
    for (const int iterations : {4, 25}) expectPrunedMatchesTorch(x, n, 16, 400, 2, iterations);
}

TEST(KMeans, PrunedAlgorithmOnlyOnTheCpu) {
    const std::vector<float> x{0, 1, 2, 3};
    pb::KMeansOptions options{5, 0, "cpu"};
    options.algorithm = "fastest";
    EXPECT_THROW(pb::kMeans(x.data(), 4, 1, 2, options), pb::Error);
}

TEST(KMeans, AutoContinuesLazilyOnUnclusteredData) {
    // Gaussian data does not cluster: "auto" leaves the cell-pruned draws for the lazy ones. The result
    // is a proper k-means: distinct seeds, exact nearest-centroid assignment, an error like the pruned one.
    const int dim = 32;
    const std::size_t n = 12000;
    const auto x = pb::test::gaussianVectors(n, dim, 3);
    pb::KMeansOptions automatic{10, 4, "cpu"};
    pb::KMeansOptions pruned = automatic;
    pruned.algorithm = "pruned";
    const auto a = pb::kMeans(x.data(), n, dim, 1500, automatic);
    const auto b = pb::kMeans(x.data(), n, dim, 1500, pruned);
    EXPECT_NEAR(a.meanSquaredError, b.meanSquaredError, 0.03 * b.meanSquaredError);
    for (std::size_t i = 0; i < n; i += 53) {
        double best = 1e300;
        for (int c = 0; c < 1500; ++c)
            best = std::min(best, pb::test::squaredDistance(&x[i * dim], &a.centroids[c * dim], dim));
        const double own = pb::test::squaredDistance(&x[i * dim], &a.centroids[a.assignment[i] * dim], dim);
        EXPECT_LE(own, best * (1 + 1e-5) + 1e-6);
    }
    EXPECT_EQ(a.centroids, pb::kMeans(x.data(), n, dim, 1500, automatic).centroids);  // deterministic
}
