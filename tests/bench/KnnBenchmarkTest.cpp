#include <gtest/gtest.h>

#include "bench/KnnBenchmark.h"
#include "engine/util/Error.h"

TEST(KnnBenchmark, MeasuresEveryMethodOnASmallShape) {
    for (const std::string method : {"blas", "faiss", "torch"}) {
        const auto r = pb::benchmarkExactKnn(method, 2000, 32, 100, 5, 3);
        EXPECT_EQ(r.method, method);
        EXPECT_EQ(r.bankSize, 2000u);
        EXPECT_EQ(r.dim, 32);
        EXPECT_EQ(r.queries, 100u);
        EXPECT_EQ(r.repeats, 3);
        EXPECT_GT(r.medianSeconds, 0.0);
        EXPECT_LE(r.bestSeconds, r.medianSeconds);
        EXPECT_NEAR(r.queriesPerSecond, 100.0 / r.medianSeconds, 1e-6 * r.queriesPerSecond);
        EXPECT_GT(r.gflops, 0.0);
    }
    EXPECT_NE(pb::knnThreadingInfo().find("openmp="), std::string::npos);
    EXPECT_THROW(pb::benchmarkExactKnn("blas", 0, 32, 10, 5, 1), pb::Error);
    EXPECT_THROW(pb::benchmarkExactKnn("nope", 100, 32, 10, 5, 1), pb::Error);
}
