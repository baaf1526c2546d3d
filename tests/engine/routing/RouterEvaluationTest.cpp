#include <gtest/gtest.h>

#include <cmath>

#include "engine/routing/RouterEvaluation.h"
#include "engine/util/Error.h"

namespace {

pb::RouteDecision decision(int routed, double margin, std::size_t products = 3) {
    pb::RouteDecision d;
    d.product = routed;
    d.margin = margin;
    d.distances.assign(products, 1.0);
    return d;
}

}  // namespace

TEST(RouterEvaluation, ConfusionAccuracyAndMargins) {
    pb::RouterEvaluation ev({"a", "b", "c"});
    ev.add(0, decision(0, 1.0));
    ev.add(0, decision(0, 3.0));
    ev.add(0, decision(1, 0.5));
    ev.add(1, decision(1, 2.0));
    ev.add(1, decision(1, 4.0));
    ev.add(2, decision(0, 0.1));

    EXPECT_EQ(ev.images(), 6u);
    EXPECT_EQ(ev.correct(), 4u);
    EXPECT_DOUBLE_EQ(ev.accuracy(), 4.0 / 6.0);
    EXPECT_DOUBLE_EQ(ev.accuracy(0), 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(ev.accuracy(1), 1.0);
    EXPECT_DOUBLE_EQ(ev.accuracy(2), 0.0);
    const std::vector<std::vector<std::size_t>> want = {{2, 1, 0}, {0, 2, 0}, {1, 0, 0}};
    EXPECT_EQ(ev.confusion(), want);

    // Product a: margins {1, 3, 0.5}; numpy: percentile 5 = 0.55, median 1.
    const auto a = ev.margins(0);
    EXPECT_EQ(a.count, 3u);
    EXPECT_DOUBLE_EQ(a.min, 0.5);
    EXPECT_DOUBLE_EQ(a.max, 3.0);
    EXPECT_DOUBLE_EQ(a.mean, 1.5);
    EXPECT_DOUBLE_EQ(a.median, 1.0);
    EXPECT_NEAR(a.p5, 0.55, 1e-12);

    // All: {1, 3, 0.5, 2, 4, 0.1}; numpy.percentile(.., 5) = 0.2, median 1.5.
    const auto all = ev.margins();
    EXPECT_EQ(all.count, 6u);
    EXPECT_DOUBLE_EQ(all.min, 0.1);
    EXPECT_DOUBLE_EQ(all.max, 4.0);
    EXPECT_NEAR(all.mean, 10.6 / 6.0, 1e-12);
    EXPECT_NEAR(all.median, 1.5, 1e-12);
    EXPECT_NEAR(all.p5, 0.2, 1e-12);

    EXPECT_THROW(ev.add(3, decision(0, 1.0)), pb::Error);
    EXPECT_THROW(ev.add(0, decision(0, 1.0, 2)), pb::Error);
    EXPECT_EQ(ev.images(), 6u);
}

TEST(RouterEvaluation, EmptyProductGivesNaN) {
    pb::RouterEvaluation ev({"a", "b"});
    EXPECT_TRUE(std::isnan(ev.accuracy()));
    ev.add(0, decision(0, 2.0, 2));
    EXPECT_TRUE(std::isnan(ev.accuracy(1)));
    EXPECT_EQ(ev.margins(1).count, 0u);
    EXPECT_TRUE(std::isnan(ev.margins(1).median));
    EXPECT_DOUBLE_EQ(ev.margins(0).p5, 2.0);
}
