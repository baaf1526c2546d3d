#include <gtest/gtest.h>

#include "engine/experiments/NeighbourScoring.h"

TEST(NeighbourScoring, KIsFixedByDefault) {
    pb::EvaluationOptions o;  // METHODS.md section 2: k = 5 for every bank
    EXPECT_FALSE(o.scaleKWithCompression);
    EXPECT_EQ(o.kScaling(), "fixed");
    EXPECT_EQ(pb::neighboursFor(o, 1000, 1000), 5);
    EXPECT_EQ(pb::neighboursFor(o, 250, 1000), 5);
    EXPECT_EQ(pb::neighboursFor(o, 3, 1000), 3);  // never above the bank
}

TEST(NeighbourScoring, KScalesWithTheCompression) {
    pb::EvaluationOptions o;
    o.k = 5;
    o.scaleKWithCompression = true;
    EXPECT_EQ(o.kScaling(), "scaled");
    EXPECT_EQ(pb::neighboursFor(o, 1000, 1000), 5);     // full bank
    EXPECT_EQ(pb::neighboursFor(o, 250, 1000), 1);      // 1/4: round(1.25)
    EXPECT_EQ(pb::neighboursFor(o, 500, 1000), 3);      // 1/2: round(2.5) = 3
    EXPECT_EQ(pb::neighboursFor(o, 1000 / 16, 1000), 1);  // never below 1
    EXPECT_EQ(pb::neighboursFor(o, 3, 3), 3);           // never above the bank
    o.k = 16;
    EXPECT_EQ(pb::neighboursFor(o, 1000 / 4, 1000), 4);
    o.scaleKWithCompression = false;
    EXPECT_EQ(pb::neighboursFor(o, 250, 1000), 16);
    EXPECT_EQ(pb::neighboursFor(o, 10, 1000), 10);
}
