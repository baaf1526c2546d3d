// Pixel AUROC/AP against scikit-learn 1.2.1 and AUPRO against a Python transcription of the
// MVTec AD evaluation code (compute_pro + trapezoid, scipy.ndimage.label with a 3x3 ones
// structure), all computed once on the synthetic inputs built here.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include <opencv2/core.hpp>

#include "engine/metrics/ImageMetrics.h"
#include "engine/metrics/MetricsSummary.h"
#include "engine/metrics/PixelMetrics.h"
#include "engine/metrics/PooledPixelScores.h"
#include "engine/util/Error.h"

namespace {

struct Lcg {
    std::uint32_t s;
    double next() {
        s = s * 1664525u + 1013904223u;
        return static_cast<double>(s >> 8) / 16777216.0;
    }
};

constexpr int kH = 17;
constexpr int kW = 23;
constexpr int kImages = 5;

// 0: two separate rectangles; 1: a diagonal line (8-connected only) and a block;
// 2, 4: normal (empty); 3: an ellipse and one isolated corner pixel.
std::vector<cv::Mat> makeMasks() {
    std::vector<cv::Mat> m;
    for (int i = 0; i < kImages; ++i) m.push_back(cv::Mat::zeros(kH, kW, CV_8U));
    m[0](cv::Rect(3, 2, 5, 4)).setTo(1);
    m[0](cv::Rect(15, 10, 6, 5)).setTo(1);
    for (int i = 0; i < 7; ++i) m[1].at<std::uint8_t>(4 + i, 4 + i) = 1;
    m[1](cv::Rect(2, 12, 4, 4)).setTo(1);
    for (int r = 0; r < kH; ++r)
        for (int c = 0; c < kW; ++c)
            if ((r - 8) * (r - 8) / 25.0 + (c - 11) * (c - 11) / 64.0 <= 1.0) m[3].at<std::uint8_t>(r, c) = 1;
    m[3].at<std::uint8_t>(0, 22) = 1;
    return m;
}

// Scores quantised to `levels` steps (ties within and across classes), raised inside masks.
std::vector<cv::Mat> makeMaps(std::uint32_t seed, int levels, double boost, const std::vector<cv::Mat>& masks) {
    Lcg g{seed};
    std::vector<cv::Mat> maps;
    for (int k = 0; k < kImages; ++k) {
        cv::Mat a(kH, kW, CV_32F);
        for (int r = 0; r < kH; ++r)
            for (int c = 0; c < kW; ++c) {
                const double u = g.next();
                a.at<float>(r, c) = static_cast<float>(std::floor(u * levels) / levels +
                                                       (masks[k].at<std::uint8_t>(r, c) ? boost : 0.0));
            }
        maps.push_back(a);
    }
    return maps;
}

constexpr double kTol = 1e-9;

}  // namespace

TEST(PixelMetrics, FineTiesMatchReferences) {
    const auto masks = makeMasks();
    const auto maps = makeMaps(4242, 64, 0.25, masks);
    EXPECT_NEAR(pb::pixelRocAuc(maps, masks), 0.7089505263826569, kTol);
    EXPECT_NEAR(pb::pixelAveragePrecision(maps, masks), 0.4015832557139003, kTol);
    EXPECT_NEAR(pb::aupro(maps, masks, 0.3), 0.465563218891192, kTol);
    EXPECT_NEAR(pb::aupro(maps, masks, 0.05), 0.2831278251982171, kTol);
    EXPECT_NEAR(pb::aupro(maps, masks, 1.0), 0.7690152237073157, kTol);
}

TEST(PixelMetrics, CoarseTiesMatchReferences) {
    // Four score levels: the PRO curve jumps over 0.3 and must be interpolated there.
    const auto masks = makeMasks();
    const auto maps = makeMaps(99, 4, 0.25, masks);
    EXPECT_NEAR(pb::pixelRocAuc(maps, masks), 0.7395676328083944, kTol);
    EXPECT_NEAR(pb::pixelAveragePrecision(maps, masks), 0.40180411238250074, kTol);
    EXPECT_NEAR(pb::aupro(maps, masks, 0.3), 0.3472244423156853, kTol);
    EXPECT_NEAR(pb::aupro(maps, masks, 0.05), 0.25861888463303756, kTol);
    EXPECT_NEAR(pb::aupro(maps, masks, 1.0), 0.6792728710729601, kTol);
}

TEST(PixelMetrics, MoreThan65535NormalPixelsMatchReferences) {
    // Past 65535 normal pixels numpy runs the reference's FPR division in float64.
    constexpr int h = 180;
    constexpr int w = 190;
    std::vector<cv::Mat> masks(3);
    for (auto& m : masks) m = cv::Mat::zeros(h, w, CV_8U);
    for (int r = 0; r < h; ++r)
        for (int c = 0; c < w; ++c)
            if ((r - 60) * (r - 60) + (c - 70) * (c - 70) <= 400) masks[0].at<std::uint8_t>(r, c) = 1;
    masks[1](cv::Rect(20, 100, 15, 30)).setTo(1);
    masks[1](cv::Rect(150, 10, 35, 4)).setTo(1);
    Lcg g{555};
    std::vector<cv::Mat> maps;
    for (int k = 0; k < 3; ++k) {
        cv::Mat a(h, w, CV_32F);
        for (int r = 0; r < h; ++r)
            for (int c = 0; c < w; ++c) {
                const double u = g.next();
                a.at<float>(r, c) =
                    static_cast<float>(std::floor(u * 1000) / 1000 + (masks[k].at<std::uint8_t>(r, c) ? 0.1 : 0.0));
            }
        maps.push_back(a);
    }
    const pb::PooledPixelScores pooled(maps, masks, true);
    EXPECT_EQ(pooled.normalPixels(), 100753);
    EXPECT_NEAR(pooled.rocAuc(), 0.5981108678290266, kTol);
    EXPECT_NEAR(pooled.averagePrecision(), 0.12090853054105606, kTol);
    EXPECT_NEAR(pooled.aupro(0.3), 0.25078550936330013, kTol);
    EXPECT_NEAR(pooled.aupro(0.1), 0.14313091742187048, kTol);
}

TEST(PixelMetrics, AuproUsesEightConnectivity) {
    const auto masks = makeMasks();
    const auto maps = makeMaps(4242, 64, 0.25, masks);
    // Two rectangles + (diagonal, block) + (ellipse, corner pixel) = 6 regions with
    // 8-connectivity; 4-connectivity would split the diagonal into 7 (12 regions in all).
    EXPECT_EQ(pb::PooledPixelScores(maps, masks, true).regions(), 6u);
    // Diagonal image with a normal image: 8-connected reference 0.5716814889871915,
    // 4-connected would be 0.6485198454174679.
    const double v = pb::aupro({maps[1], maps[2]}, {masks[1], masks[2]});
    EXPECT_NEAR(v, 0.5716814889871915, kTol);
}

TEST(PixelMetrics, EmptyMaskMatStandsForNormalImage) {
    const auto masks = makeMasks();
    const auto maps = makeMaps(4242, 64, 0.25, masks);
    auto withEmpty = masks;
    withEmpty[2] = cv::Mat();
    withEmpty[4] = cv::Mat();
    EXPECT_NEAR(pb::pixelRocAuc(maps, withEmpty), 0.7089505263826569, kTol);
    EXPECT_NEAR(pb::aupro(maps, withEmpty), 0.465563218891192, kTol);
    // Masks binarised at > 0: 255 counts as anomalous like 1.
    auto scaled = masks;
    for (auto& m : scaled) m *= 255;
    EXPECT_NEAR(pb::pixelAveragePrecision(maps, scaled), 0.4015832557139003, kTol);
}

TEST(PixelMetrics, PooledAgreesWithImageLevelFunctions) {
    // Same pixels through the image-level (double) path: identical ranking metrics.
    const auto masks = makeMasks();
    const auto maps = makeMaps(99, 4, 0.25, masks);
    std::vector<double> s;
    std::vector<int> l;
    for (int k = 0; k < kImages; ++k)
        for (int r = 0; r < kH; ++r)
            for (int c = 0; c < kW; ++c) {
                s.push_back(maps[k].at<float>(r, c));
                l.push_back(masks[k].at<std::uint8_t>(r, c));
            }
    const auto ranking = pb::PooledPixelScores(maps, masks, false).ranking();
    EXPECT_DOUBLE_EQ(ranking.rocAuc(), pb::rocAuc(s, l));
    EXPECT_DOUBLE_EQ(ranking.averagePrecision(), pb::averagePrecision(s, l));
    EXPECT_DOUBLE_EQ(ranking.f1Max(), pb::f1Max(s, l).f1);
    const auto f1 = pb::pixelF1Max(maps, masks);
    EXPECT_DOUBLE_EQ(f1.f1, pb::f1Max(s, l).f1);
    EXPECT_DOUBLE_EQ(f1.threshold, pb::f1Max(s, l).threshold);
}

TEST(PixelMetrics, DegenerateInputs) {
    const auto masks = makeMasks();
    const auto maps = makeMaps(4242, 64, 0.25, masks);
    // Only normal images: no region, no anomalous pixel.
    EXPECT_TRUE(std::isnan(pb::aupro({maps[2], maps[4]}, {masks[2], masks[4]})));
    EXPECT_TRUE(std::isnan(pb::pixelRocAuc({maps[2]}, {masks[2]})));
    EXPECT_THROW(pb::aupro(maps, masks, 0.0), pb::Error);
    EXPECT_THROW(pb::pixelRocAuc(maps, {masks[0]}), pb::Error);
    EXPECT_THROW(pb::pixelRocAuc({maps[0]}, {cv::Mat::zeros(kH + 1, kW, CV_8U)}), pb::Error);
    cv::Mat withNan = maps[0].clone();
    withNan.at<float>(3, 3) = NAN;
    EXPECT_THROW(pb::pixelRocAuc({withNan}, {masks[0]}), pb::Error);
}

TEST(MetricsSummary, ComputesEverythingFromOneCall) {
    const auto masks = makeMasks();
    const auto maps = makeMaps(4242, 64, 0.25, masks);
    std::vector<double> scores;
    std::vector<int> labels;
    for (int k = 0; k < kImages; ++k) {
        double mx = 0;
        cv::minMaxLoc(maps[k], nullptr, &mx);
        scores.push_back(mx);
        labels.push_back(cv::countNonZero(masks[k]) > 0);
    }
    const auto m = pb::computeMetrics(scores, labels, maps, masks);
    EXPECT_DOUBLE_EQ(m.imageAuroc, pb::rocAuc(scores, labels));
    EXPECT_DOUBLE_EQ(m.imageAp, pb::averagePrecision(scores, labels));
    EXPECT_DOUBLE_EQ(m.imageF1Max, pb::f1Max(scores, labels).f1);
    EXPECT_DOUBLE_EQ(m.imageF1Threshold, pb::f1Max(scores, labels).threshold);
    EXPECT_DOUBLE_EQ(m.tprAt1Fpr, pb::tprAtFpr(scores, labels, 0.01));
    EXPECT_DOUBLE_EQ(m.tprAt5Fpr, pb::tprAtFpr(scores, labels, 0.05));
    EXPECT_NEAR(m.pixelAuroc, 0.7089505263826569, kTol);
    EXPECT_NEAR(m.pixelAp, 0.4015832557139003, kTol);
    EXPECT_NEAR(m.aupro30, 0.465563218891192, kTol);
    EXPECT_DOUBLE_EQ(m.pixelF1Max, pb::pixelF1Max(maps, masks).f1);
    EXPECT_DOUBLE_EQ(m.pixelF1Threshold, pb::pixelF1Max(maps, masks).threshold);
    EXPECT_EQ(m.pixelEvalWidth, kW);
    EXPECT_EQ(m.pixelEvalHeight, kH);
    EXPECT_FALSE(m.auproVariant.empty());

    const auto noMasks = pb::computeMetrics(scores, labels, maps, {});
    EXPECT_DOUBLE_EQ(noMasks.imageAuroc, m.imageAuroc);
    EXPECT_TRUE(std::isnan(noMasks.pixelAuroc));
    EXPECT_TRUE(std::isnan(noMasks.pixelAp));
    EXPECT_TRUE(std::isnan(noMasks.aupro30));
}
