#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <vector>

#include "bank/BankTestData.h"
#include "engine/bank/Compressor.h"
#include "engine/util/Error.h"

namespace {

pb::CompressedVectors compress(const std::string& spec, const std::vector<float>& x, int dim, std::uint64_t seed) {
    const pb::BankSpec s = pb::parseBankSpec(spec);
    const std::size_t n = x.size() / dim;
    return pb::compressVectors(s, x.data(), n, dim, s.budget.resolve(n, dim), seed, pb::Progress{});
}

}  // namespace

TEST(Compressor, EveryMethodRespectsTheBudgetAndIsDeterministic) {
    const int dim = 16;
    const auto x = pb::test::clusteredVectors(2000, dim, 8, 1);
    for (const std::string kind : {"random", "coreset", "vwcoreset", "kmeans", "kmeans_residual"}) {
        for (const std::string budget : {"0.05", "1/16", "37", "0.01MB"}) {
            const std::string spec = kind + ":" + budget;
            const std::size_t expected = pb::parseBankSpec(spec).budget.resolve(2000, dim);
            const auto a = compress(spec, x, dim, 3);
            EXPECT_EQ(a.size(), expected) << spec;
            EXPECT_EQ(a.vectors.size(), expected * dim) << spec;
            const auto b = compress(spec, x, dim, 3);
            EXPECT_EQ(a.vectors, b.vectors) << spec;
            EXPECT_EQ(a.sourceIndex, b.sourceIndex) << spec;
            // Originals are copied exactly; synthetic vectors say so with -1.
            for (std::size_t i = 0; i < a.size(); ++i) {
                const auto s = a.sourceIndex[i];
                if (kind == "kmeans") {
                    EXPECT_EQ(s, -1);
                } else if (s >= 0) {
                    EXPECT_TRUE(std::equal(x.begin() + s * dim, x.begin() + (s + 1) * dim, a.vectors.begin() + i * dim));
                }
            }
            if (kind != "kmeans" && kind != "kmeans_residual") {
                const std::set<std::int64_t> distinct(a.sourceIndex.begin(), a.sourceIndex.end());
                EXPECT_EQ(distinct.size(), expected) << spec;
            }
        }
    }
    EXPECT_EQ(compress("flat", x, dim, 0).size(), 2000u);
    // A budget at least the source keeps everything in order.
    const auto all = compress("coreset:5000", x, dim, 0);
    EXPECT_EQ(all.vectors, x);
    // Another seed draws another subsample.
    EXPECT_NE(compress("random:0.05", x, dim, 3).sourceIndex, compress("random:0.05", x, dim, 4).sourceIndex);
}

TEST(Compressor, KMeansResidualSplit) {
    // B = 10: K = round(0.8 * 10) = 8 centroids, then 2 originals.
    const auto x = pb::test::clusteredVectors(1000, 8, 6, 2);
    const auto c = compress("kmeans_residual:10", x, 8, 0);
    ASSERT_EQ(c.size(), 10u);
    for (int i = 0; i < 8; ++i) EXPECT_EQ(c.sourceIndex[i], -1);
    for (int i = 8; i < 10; ++i) EXPECT_GE(c.sourceIndex[i], 0);
}

TEST(Compressor, ResidualsAreTheWorstRepresentedPoints) {
    // Cluster 0 has 6 points, cluster 1 has 2, cluster 2 has 3: median size 3.
    pb::KMeansResult r;
    r.dim = 1;
    r.centroids = {0, 0, 0};
    r.assignment = {0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2};
    r.distance = {1.0f, 5.0f, 2.0f, 0.5f, 4.0f, 0.0f, 3.0f, 1.0f, 2.0f, 4.0f, 0.1f};
    // score = d * sqrt(3 / size): cluster 0 x0.707, cluster 1 x1.225, cluster 2 x1.
    // point 1: 3.54, point 4: 2.83, point 6: 3.67, point 9: 4.0, point 8: 2.0, point 2: 1.41, point 7: 1.22
    EXPECT_EQ(pb::selectResiduals(r, 4), (std::vector<std::int64_t>{9, 6, 1, 4}));
    EXPECT_EQ(pb::selectResiduals(r, 1), (std::vector<std::int64_t>{9}));
    EXPECT_EQ(pb::selectResiduals(r, 50).size(), 11u);
    // Even number of non-empty clusters: the median is the mean of the middle two.
    pb::KMeansResult e;
    e.dim = 1;
    e.centroids = {0, 0, 0};
    e.assignment = {0, 0, 0, 0, 1, 1};  // sizes 4, 2, (empty): median (2 + 4) / 2 = 3
    e.distance = {1, 1, 1, 1, 0.8f, 0.9f};
    // cluster 0: 1 * sqrt(3/4) = 0.866; cluster 1: 0.8 * sqrt(1.5) = 0.98, 0.9 * 1.22 = 1.10
    EXPECT_EQ(pb::selectResiduals(e, 3), (std::vector<std::int64_t>{5, 4, 0}));
}
