// Good / Review / Bad thresholds and the normal-data colour scale: hand-checked values, the rules'
// spellings and their errors.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/metrics/ImageMetrics.h"
#include "engine/scoring/HeatmapScale.h"
#include "engine/scoring/ReviewBand.h"
#include "engine/util/Error.h"

TEST(ReviewBand, VerdictsFollowTheBandOrTheSingleThreshold) {
    pb::ReviewBand band;
    EXPECT_FALSE(band.defined());
    EXPECT_EQ(pb::verdictOf(0.4, band, 0.5), pb::Verdict::Good);
    EXPECT_EQ(pb::verdictOf(0.5, band, 0.5), pb::Verdict::Bad);
    band.low = 1.0;
    band.high = 2.0;
    EXPECT_EQ(pb::verdictOf(0.99, band, 0.5), pb::Verdict::Good);
    EXPECT_EQ(pb::verdictOf(1.0, band, 0.5), pb::Verdict::Review);
    EXPECT_EQ(pb::verdictOf(1.99, band, 0.5), pb::Verdict::Review);
    EXPECT_EQ(pb::verdictOf(2.0, band, 0.5), pb::Verdict::Bad);
    EXPECT_STREQ(pb::toString(pb::Verdict::Review), "review");
}

TEST(ReviewBand, FromNormalDataIsP99AndTheLargestScoreTimesTheMargin) {
    const std::vector<double> loo = {1.0, 2.0, 3.0, 4.0, 10.0};
    const pb::ReviewBand band = pb::reviewBandFromNormal(loo, 1.2);
    // numpy.quantile([1, 2, 3, 4, 10], 0.99) = 4 + 0.96 * 6
    EXPECT_DOUBLE_EQ(band.low, 4.0 + 0.96 * 6.0);
    EXPECT_DOUBLE_EQ(band.high, 12.0);
    EXPECT_THROW(pb::reviewBandFromNormal({1.0}, 1.1), pb::Error);
    EXPECT_THROW(pb::reviewBandFromNormal(loo, 0.9), pb::Error);
}

TEST(ReviewBand, FromLabelsKeepsTheEscapeRate) {
    // Normal 0..9 (/10), anomalies 0.25, 0.55, 0.95, 1.2 ... : the F1-optimal threshold is T2.
    std::vector<double> scores;
    std::vector<int> labels;
    for (int i = 0; i < 10; ++i) scores.push_back(i / 10.0), labels.push_back(0);
    for (double a : {0.25, 0.55, 0.95, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8}) scores.push_back(a), labels.push_back(1);
    const double f1Threshold = pb::f1Max(scores, labels).threshold;
    pb::ReviewBand band = pb::reviewBandFromLabels(scores, labels, 0.0);
    EXPECT_DOUBLE_EQ(band.high, f1Threshold);
    EXPECT_DOUBLE_EQ(band.low, 0.25);  // no anomaly may pass: T1 is the lowest anomaly score
    band = pb::reviewBandFromLabels(scores, labels, 0.1);  // one of ten may pass
    EXPECT_DOUBLE_EQ(band.low, std::min(0.55, f1Threshold));
    int escapes = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) escapes += labels[i] == 1 && scores[i] < band.low;
    EXPECT_LE(escapes, 1);
    EXPECT_LE(band.low, band.high);
    EXPECT_THROW(pb::reviewBandFromLabels({0.1, 0.2}, {0, 0}, 0.01), pb::Error);
}

TEST(ReviewBand, RuleSpellings) {
    EXPECT_EQ(pb::ReviewBandRule::parse("none").kind, pb::ReviewBandRule::Kind::None);
    auto rule = pb::ReviewBandRule::parse("normal");
    EXPECT_EQ(rule.kind, pb::ReviewBandRule::Kind::Normal);
    EXPECT_DOUBLE_EQ(rule.margin, 1.1);
    EXPECT_TRUE(rule.needsLeaveOneOut());
    EXPECT_DOUBLE_EQ(pb::ReviewBandRule::parse("normal:1.5").margin, 1.5);
    rule = pb::ReviewBandRule::parse("labels:0.02");
    EXPECT_EQ(rule.kind, pb::ReviewBandRule::Kind::Labels);
    EXPECT_DOUBLE_EQ(rule.maxEscapeRate, 0.02);
    EXPECT_FALSE(rule.needsLeaveOneOut());
    rule = pb::ReviewBandRule::parse("1.5,2.25");
    EXPECT_EQ(rule.kind, pb::ReviewBandRule::Kind::Fixed);
    EXPECT_DOUBLE_EQ(rule.fixed.low, 1.5);
    EXPECT_DOUBLE_EQ(rule.fixed.high, 2.25);
    EXPECT_EQ(pb::ReviewBandRule::parse(rule.toString()).fixed.high, 2.25);
    EXPECT_EQ(pb::ReviewBandRule::parse("normal:1.25").toString(), "normal:1.25");
    for (const char* bad : {"", "normal:x", "normal:0.5", "labels:1", "2,1", "1,", "sometimes"}) {
        try {
            pb::ReviewBandRule::parse(bad);
            ADD_FAILURE() << bad;
        } catch (const pb::Error& e) {
            EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
        }
    }
}

TEST(HeatmapScale, NormalRangeIsTheMedianToP999OfNormalPatches) {
    std::vector<float> patches;
    for (int i = 0; i <= 1000; ++i) patches.push_back(static_cast<float>(i));
    const pb::MapRange range = pb::mapRangeFromNormalPatches(patches);
    EXPECT_FLOAT_EQ(range.low, 500.0f);
    EXPECT_FLOAT_EQ(range.high, 999.0f);
    EXPECT_GT(pb::mapRangeFromNormalPatches({2.0f, 2.0f}).high, 2.0f);  // a flat set still spans something
    EXPECT_THROW(pb::mapRangeFromNormalPatches({}), pb::Error);
    EXPECT_EQ(pb::heatmapScaleFromString("normal"), pb::HeatmapScale::Normal);
    EXPECT_STREQ(pb::toString(pb::HeatmapScale::TestSet), "test");
    EXPECT_THROW(pb::heatmapScaleFromString("image"), pb::Error);
}
