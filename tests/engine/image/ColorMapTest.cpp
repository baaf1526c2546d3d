// Colour maps, overlays and contours on small synthetic maps.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "engine/image/ColorMap.h"
#include "engine/util/Error.h"

TEST(ColorMap, NamesRoundTrip) {
    const auto names = pb::colorMapNames();
    ASSERT_EQ(names.size(), 5u);
    for (const std::string& n : names) EXPECT_EQ(pb::toString(pb::colorMapFromString(n)), n);
    EXPECT_EQ(pb::colorMapFromString("Viridis"), pb::ColorMapName::Viridis);
    EXPECT_EQ(pb::colorMapFromString("INFERNO"), pb::ColorMapName::Inferno);
    EXPECT_THROW(pb::colorMapFromString("rainbow"), pb::Error);
}

TEST(ColorMap, ClampsAndSpreadsTheRange) {
    cv::Mat v(1, 5, CV_32F);
    v.at<float>(0, 0) = -10.f;  // below lo -> first entry
    v.at<float>(0, 1) = 0.f;
    v.at<float>(0, 2) = 0.5f;
    v.at<float>(0, 3) = 1.f;
    v.at<float>(0, 4) = std::numeric_limits<float>::quiet_NaN();
    const cv::Mat grey = pb::applyColorMap(v, 0.f, 1.f, pb::ColorMapName::Gray);
    ASSERT_EQ(grey.type(), CV_8UC3);
    EXPECT_EQ(grey.at<cv::Vec3b>(0, 0), cv::Vec3b(0, 0, 0));
    EXPECT_EQ(grey.at<cv::Vec3b>(0, 2), cv::Vec3b(128, 128, 128));
    EXPECT_EQ(grey.at<cv::Vec3b>(0, 3), cv::Vec3b(255, 255, 255));
    EXPECT_EQ(grey.at<cv::Vec3b>(0, 4), cv::Vec3b(0, 0, 0));

    // Jet goes from dark blue to dark red; the output is RGB, so blue is the third channel.
    const cv::Mat jet = pb::applyColorMap(v, 0.f, 1.f, pb::ColorMapName::Jet);
    EXPECT_GT(jet.at<cv::Vec3b>(0, 1)[2], 100);
    EXPECT_EQ(jet.at<cv::Vec3b>(0, 1)[0], 0);
    EXPECT_GT(jet.at<cv::Vec3b>(0, 3)[0], 100);
    EXPECT_EQ(jet.at<cv::Vec3b>(0, 3)[2], 0);
    // Viridis starts dark purple (68, 1, 84) and ends yellow (253, 231, 37) in matplotlib.
    const cv::Mat viridis = pb::applyColorMap(v, 0.f, 1.f, pb::ColorMapName::Viridis);
    const cv::Vec3b first = viridis.at<cv::Vec3b>(0, 1), last = viridis.at<cv::Vec3b>(0, 3);
    EXPECT_NEAR(first[0], 68, 2);
    EXPECT_NEAR(first[2], 84, 2);
    EXPECT_NEAR(last[0], 253, 2);
    EXPECT_NEAR(last[2], 37, 2);
    // Degenerate range shows everything as lo.
    const cv::Mat flat = pb::applyColorMap(v, 1.f, 1.f, pb::ColorMapName::Gray);
    EXPECT_EQ(cv::countNonZero(flat.reshape(1)), 0);
    EXPECT_THROW(pb::applyColorMap(cv::Mat(2, 2, CV_8U), 0.f, 1.f, pb::ColorMapName::Jet), pb::Error);
}

TEST(ColorMap, BlendOverlayMixesByOpacity) {
    const cv::Mat a(2, 2, CV_8UC3, cv::Scalar(0, 100, 200));
    const cv::Mat b(2, 2, CV_8UC3, cv::Scalar(200, 100, 0));
    EXPECT_EQ(pb::blendOverlay(a, b, 0.5f).at<cv::Vec3b>(1, 1), cv::Vec3b(100, 100, 100));
    EXPECT_EQ(pb::blendOverlay(a, b, 0.f).at<cv::Vec3b>(0, 0), cv::Vec3b(0, 100, 200));
    EXPECT_EQ(pb::blendOverlay(a, b, 2.f).at<cv::Vec3b>(0, 0), cv::Vec3b(200, 100, 0));
    EXPECT_THROW(pb::blendOverlay(a, cv::Mat(3, 2, CV_8UC3), 0.5f), pb::Error);
}

TEST(ColorMap, ContoursOutlineRegionsOnly) {
    cv::Mat rgb = cv::Mat::zeros(20, 20, CV_8UC3);
    cv::Mat mask = cv::Mat::zeros(20, 20, CV_8U);
    mask(cv::Rect(5, 5, 8, 8)).setTo(1);
    pb::drawContours(rgb, mask, cv::Scalar(255, 0, 0), 1);
    EXPECT_EQ(rgb.at<cv::Vec3b>(5, 5), cv::Vec3b(255, 0, 0));    // corner of the region: outlined, red
    EXPECT_EQ(rgb.at<cv::Vec3b>(12, 9), cv::Vec3b(255, 0, 0));   // bottom edge
    EXPECT_EQ(rgb.at<cv::Vec3b>(9, 9), cv::Vec3b(0, 0, 0));      // inside: untouched
    EXPECT_EQ(rgb.at<cv::Vec3b>(0, 0), cv::Vec3b(0, 0, 0));      // outside: untouched
    EXPECT_THROW(pb::drawContours(rgb, cv::Mat::zeros(10, 10, CV_8U), cv::Scalar(1, 1, 1), 1), pb::Error);
}
