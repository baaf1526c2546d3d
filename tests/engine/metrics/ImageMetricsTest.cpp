// Image metrics against values computed once with scikit-learn 1.2.1 and numpy 1.24.2.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "engine/metrics/ImageMetrics.h"
#include "engine/util/Error.h"

namespace {

// The same LCG the reference script used to make its inputs.
struct Lcg {
    std::uint32_t s;
    double next() {
        s = s * 1664525u + 1013904223u;
        return static_cast<double>(s >> 8) / 16777216.0;
    }
};

struct Case {
    std::vector<double> scores;
    std::vector<int> labels;
};

// 40 images, 14 distinct scores: many ties, some across the two classes.
Case caseA() {
    Lcg g{12345};
    Case c;
    for (int i = 0; i < 40; ++i) {
        const double u = g.next();
        const double v = g.next();
        const int label = v < 0.4 ? 1 : 0;
        c.scores.push_back(std::floor(u * 12) / 4.0 + (label ? 0.5 : 0.0));
        c.labels.push_back(label);
    }
    return c;
}

// 200 images, continuous scores (the percentiles interpolate).
Case caseB() {
    Lcg g{777};
    Case c;
    for (int i = 0; i < 200; ++i) {
        const double u = g.next();
        const double v = g.next();
        const int label = v < 0.35 ? 1 : 0;
        c.scores.push_back(u + 0.3 * label);
        c.labels.push_back(label);
    }
    return c;
}

constexpr double kTol = 1e-12;

}  // namespace

TEST(ImageMetrics, MatchesSklearnWithTies) {
    const Case c = caseA();
    EXPECT_NEAR(pb::rocAuc(c.scores, c.labels), 0.7706043956043956, kTol);
    EXPECT_NEAR(pb::averagePrecision(c.scores, c.labels), 0.6327355184498041, kTol);
    const auto f1 = pb::f1Max(c.scores, c.labels);
    EXPECT_NEAR(f1.f1, 0.6875000000000001, kTol);
    EXPECT_DOUBLE_EQ(f1.threshold, 1.75);
    EXPECT_NEAR(pb::tprAtFpr(c.scores, c.labels, 0.01), 0.2857142857142857, kTol);
    EXPECT_NEAR(pb::tprAtFpr(c.scores, c.labels, 0.05), 0.2857142857142857, kTol);
}

TEST(ImageMetrics, MatchesSklearnContinuous) {
    const Case c = caseB();
    EXPECT_NEAR(pb::rocAuc(c.scores, c.labels), 0.7475332475332475, kTol);
    EXPECT_NEAR(pb::averagePrecision(c.scores, c.labels), 0.6803664866393021, kTol);
    const auto f1 = pb::f1Max(c.scores, c.labels);
    EXPECT_NEAR(f1.f1, 0.6428571428571428, kTol);
    EXPECT_DOUBLE_EQ(f1.threshold, 0.5074645757675171);
    EXPECT_NEAR(pb::tprAtFpr(c.scores, c.labels, 0.01), 0.28378378378378377, kTol);
    EXPECT_NEAR(pb::tprAtFpr(c.scores, c.labels, 0.05), 0.3108108108108108, kTol);

    std::vector<double> normal;
    for (std::size_t i = 0; i < c.scores.size(); ++i)
        if (!c.labels[i]) normal.push_back(c.scores[i]);
    // np.percentile(normal, 99) and (normal, 95), bit for bit.
    EXPECT_EQ(pb::numpyQuantile(normal, 0.99), 0.9838399589061737);
    EXPECT_EQ(pb::numpyQuantile(normal, 0.95), 0.9339119493961334);
}

TEST(ImageMetrics, SklearnDocumentationExample) {
    const std::vector<double> s{0.1, 0.4, 0.35, 0.8};
    const std::vector<int> l{0, 0, 1, 1};
    EXPECT_NEAR(pb::rocAuc(s, l), 0.75, kTol);
    EXPECT_NEAR(pb::averagePrecision(s, l), 0.8333333333333333, kTol);
    const auto f1 = pb::f1Max(s, l);
    EXPECT_NEAR(f1.f1, 0.8, kTol);  // P = 2/3, R = 1 at threshold 0.35
    EXPECT_DOUBLE_EQ(f1.threshold, 0.35);
    EXPECT_EQ(pb::numpyQuantile({0.1, 0.4}, 0.99), 0.397);
}

TEST(ImageMetrics, F1ThresholdSeparatesPerfectly) {
    // Perfect separation: F1 = 1 at the lowest anomaly score, which classifies everything right.
    const std::vector<double> s{0.2, 0.1, 0.9, 0.3, 0.7, 0.8};
    const std::vector<int> l{0, 0, 1, 0, 1, 1};
    const auto f1 = pb::f1Max(s, l);
    EXPECT_DOUBLE_EQ(f1.f1, 1.0);
    EXPECT_DOUBLE_EQ(f1.threshold, 0.7);
    EXPECT_DOUBLE_EQ(pb::rocAuc(s, l), 1.0);
    EXPECT_DOUBLE_EQ(pb::averagePrecision(s, l), 1.0);
    EXPECT_DOUBLE_EQ(pb::tprAtFpr(s, l, 0.01), 1.0);
}

TEST(ImageMetrics, TiesAndDegenerateInputs) {
    // -0.0 and 0.0 are one threshold: a full tie gives 0.5.
    EXPECT_DOUBLE_EQ(pb::rocAuc({-0.0, 0.0}, {0, 1}), 0.5);
    EXPECT_DOUBLE_EQ(pb::rocAuc({1, 1, 1, 1}, {0, 1, 0, 1}), 0.5);
    EXPECT_TRUE(std::isnan(pb::rocAuc({0.1, 0.2}, {1, 1})));
    EXPECT_TRUE(std::isnan(pb::rocAuc({0.1, 0.2}, {0, 0})));
    EXPECT_TRUE(std::isnan(pb::averagePrecision({0.1, 0.2}, {0, 0})));
    EXPECT_TRUE(std::isnan(pb::tprAtFpr({0.1, 0.2}, {1, 1}, 0.01)));
    EXPECT_THROW(pb::rocAuc({0.1}, {0, 1}), pb::Error);
    EXPECT_THROW(pb::rocAuc({NAN, 0.1}, {0, 1}), pb::Error);
    EXPECT_THROW(pb::rocAuc({0.2, 0.1}, {-1, 1}), pb::Error);
}
