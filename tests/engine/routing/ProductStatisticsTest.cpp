#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "engine/routing/ProductStatistics.h"
#include "engine/synth/Pcg32.h"
#include "engine/util/Error.h"

namespace {

// `clusters` well-separated Gaussian blobs of `perCluster` points, spread `sigma` around centres
// drawn with standard deviation 10 in every coordinate.
std::vector<float> blobs(int clusters, int perCluster, int dim, double sigma, std::uint64_t seed) {
    pb::Pcg32 rng(seed);
    std::vector<float> centres(static_cast<std::size_t>(clusters) * dim);
    for (auto& c : centres) c = static_cast<float>(10.0 * rng.normal());
    std::vector<float> out;
    for (int c = 0; c < clusters; ++c)
        for (int i = 0; i < perCluster; ++i)
            for (int d = 0; d < dim; ++d) out.push_back(centres[c * dim + d] + static_cast<float>(sigma * rng.normal()));
    return out;
}

}  // namespace

TEST(ProductStatistics, SubsampleRowsIsDeterministicSortedAndUnique) {
    const auto a = pb::subsampleRows(1000, 100, 7);
    EXPECT_EQ(a, pb::subsampleRows(1000, 100, 7));
    EXPECT_NE(a, pb::subsampleRows(1000, 100, 8));
    ASSERT_EQ(a.size(), 100u);
    EXPECT_TRUE(std::is_sorted(a.begin(), a.end()));
    EXPECT_EQ(std::set<std::size_t>(a.begin(), a.end()).size(), 100u);
    EXPECT_LT(a.back(), 1000u);
    EXPECT_EQ(pb::subsampleRows(5, 0, 1), (std::vector<std::size_t>{0, 1, 2, 3, 4}));
    EXPECT_EQ(pb::subsampleRows(5, 9, 1).size(), 5u);
}

TEST(ProductStatistics, DispersionOnHandMadePoints) {
    // Nearest other point: 1, 1, 2, 4.
    const std::vector<float> line = {0, 1, 3, 7};
    EXPECT_DOUBLE_EQ(pb::productDispersion(line.data(), 4, 1), 2.0);
    // A duplicate is another point at distance 0, whatever order the tie puts it in.
    const std::vector<float> dup = {0, 0, 5};
    EXPECT_NEAR(pb::productDispersion(dup.data(), 3, 1), 5.0 / 3.0, 1e-12);
    // 2-D: (0,0)->(3,0) = 3, (3,4)->(3,0) = 4, (3,0)->(0,0) = 3.
    const std::vector<float> plane = {0, 0, 3, 4, 3, 0};
    EXPECT_NEAR(pb::productDispersion(plane.data(), 3, 2), 10.0 / 3.0, 1e-6);
    EXPECT_THROW(pb::productDispersion(line.data(), 1, 1), pb::Error);
}

TEST(ProductStatistics, TighterClustersHaveSmallerDispersion) {
    const int dim = 16;
    const auto tight = blobs(4, 300, dim, 0.1, 1);
    const auto loose = blobs(4, 300, dim, 1.0, 1);
    pb::DispersionOptions opt;
    opt.maxQueries = 256;
    const double t = pb::productDispersion(tight.data(), 1200, dim, opt);
    const double l = pb::productDispersion(loose.data(), 1200, dim, opt);
    EXPECT_GT(t, 0.0);
    EXPECT_GT(l, 5.0 * t);
    // The subsample is deterministic and close to the all-queries value.
    EXPECT_DOUBLE_EQ(t, pb::productDispersion(tight.data(), 1200, dim, opt));
    pb::DispersionOptions all;
    all.maxQueries = 0;
    EXPECT_NEAR(pb::productDispersion(tight.data(), 1200, dim, all), t, 0.1 * t);
}

TEST(ProductStatistics, ComplexityOnTwoPoints) {
    // Points 0 and 2: total variance 1, threshold 0.5; K=1 gives 1, K=2 gives 0.
    const std::vector<float> pts = {0, 2};
    pb::ComplexityOptions opt;
    opt.firstClusters = 1;
    opt.maxClusters = 4;
    const auto r = pb::productComplexity(pts.data(), 2, 1, opt);
    EXPECT_DOUBLE_EQ(r.totalVariance, 1.0);
    EXPECT_DOUBLE_EQ(r.threshold, 0.5);
    EXPECT_TRUE(r.reached);
    EXPECT_EQ(r.clusters, 2u);
    ASSERT_EQ(r.curve.size(), 2u);
    EXPECT_NEAR(r.curve[0].second, 1.0, 1e-6);
    EXPECT_EQ(r.curve[1], (std::pair<std::size_t, double>{2, 0.0}));
}

TEST(ProductStatistics, MoreClustersNeedLargerComplexity) {
    const int dim = 8;
    const auto few = blobs(8, 40, dim, 0.05, 3);
    const auto many = blobs(64, 40, dim, 0.05, 4);
    pb::ComplexityOptions opt;
    opt.firstClusters = 4;
    opt.maxClusters = 256;
    opt.thresholdFraction = 0.01;
    const auto f = pb::productComplexity(few.data(), few.size() / dim, dim, opt);
    const auto m = pb::productComplexity(many.data(), many.size() / dim, dim, opt);
    EXPECT_TRUE(f.reached);
    EXPECT_TRUE(m.reached);
    EXPECT_GE(f.clusters, 8u);
    EXPECT_LE(f.clusters, 16u);
    EXPECT_GE(m.clusters, 64u);
    EXPECT_GT(m.clusters, f.clusters);
    EXPECT_EQ(f.points, 320u);
    EXPECT_EQ(f.curve.front().first, 4u);
    EXPECT_GT(f.curve.front().second, f.threshold);  // 4 clusters cannot cover 8 blobs

    // An absolute threshold that cannot be met under the cap: the last K tried, not reached.
    pb::ComplexityOptions strict = opt;
    strict.absoluteThreshold = 1e-9;
    strict.maxClusters = 32;
    const auto s = pb::productComplexity(many.data(), many.size() / dim, dim, strict);
    EXPECT_FALSE(s.reached);
    EXPECT_EQ(s.clusters, 32u);
    EXPECT_DOUBLE_EQ(s.threshold, 1e-9);
    EXPECT_EQ(s.curve.size(), 4u);  // 4, 8, 16, 32

    pb::ComplexityOptions bad;
    bad.firstClusters = 0;
    EXPECT_THROW(pb::productComplexity(few.data(), 320, dim, bad), pb::Error);
}
