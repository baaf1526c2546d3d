#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <iostream>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "engine/backbone/DescriptorBackbone.h"
#include "engine/synth/Pcg32.h"
#include "engine/util/Error.h"

namespace {

constexpr float kMean[3] = {0.485f, 0.456f, 0.406f};
constexpr float kStd[3] = {0.229f, 0.224f, 0.225f};

// ImageNet-normalised CHW image from an RGB float image in [0, 1].
pb::FloatImage normalised(const cv::Mat& rgb) {
    pb::FloatImage out;
    out.channels = 3;
    out.height = rgb.rows;
    out.width = rgb.cols;
    out.data.resize(3 * rgb.total());
    for (int y = 0; y < rgb.rows; ++y)
        for (int x = 0; x < rgb.cols; ++x)
            for (int c = 0; c < 3; ++c)
                out.plane(c)[y * rgb.cols + x] = (rgb.at<cv::Vec3f>(y, x)[c] - kMean[c]) / kStd[c];
    return out;
}

// A smooth random colour texture, the same for a seed.
cv::Mat texture(int h, int w, std::uint64_t seed) {
    pb::Pcg32 rng(seed);
    cv::Mat small(h / 6 + 2, w / 6 + 2, CV_32FC3);
    for (int y = 0; y < small.rows; ++y)
        for (int x = 0; x < small.cols; ++x)
            small.at<cv::Vec3f>(y, x) = cv::Vec3f(static_cast<float>(rng.uniform(0.2, 0.8)), static_cast<float>(rng.uniform(0.2, 0.8)),
                                                  static_cast<float>(rng.uniform(0.2, 0.8)));
    cv::Mat big;
    cv::resize(small, big, cv::Size(small.cols * 6, small.rows * 6), 0, 0, cv::INTER_CUBIC);
    return big(cv::Rect(0, 0, w, h)).clone();
}

float maxAbsDiff(const float* a, const float* b, int n) {
    float m = 0;
    for (int i = 0; i < n; ++i) m = std::max(m, std::abs(a[i] - b[i]));
    return m;
}

float distance(const float* a, const float* b, int n) {
    double s = 0;
    for (int i = 0; i < n; ++i) s += (a[i] - b[i]) * (a[i] - b[i]);
    return static_cast<float>(std::sqrt(s));
}

}  // namespace

TEST(DescriptorBackbone, DescribesItself) {
    pb::DescriptorBackbone backbone(pb::BackboneOptions{});
    EXPECT_EQ(backbone.name(), "descriptors");
    EXPECT_EQ(backbone.patchStride(), 8);
    EXPECT_EQ(backbone.identity().rfind("descriptors-v1:", 0), 0u) << backbone.identity();
    EXPECT_GE(pb::DescriptorBackbone::dim(), 64);
    EXPECT_LE(pb::DescriptorBackbone::dim(), 128);
    pb::BackboneOptions other;
    other.name = "resnet18";
    EXPECT_THROW(pb::DescriptorBackbone{other}, pb::Error);
}

TEST(DescriptorBackbone, GridOfOnePatchPerEightPixels) {
    pb::DescriptorBackbone backbone;
    const auto grids = backbone.extract({normalised(texture(224, 224, 1)), normalised(texture(224, 224, 2))});
    ASSERT_EQ(grids.size(), 2u);
    for (const auto& g : grids) {
        EXPECT_EQ(g.height, 28);
        EXPECT_EQ(g.width, 28);
        EXPECT_EQ(g.dim, pb::DescriptorBackbone::dim());
        ASSERT_EQ(g.data.size(), 28u * 28u * g.dim);
        for (float v : g.data) ASSERT_TRUE(std::isfinite(v));
    }
    // Sizes that are not multiples of 8: whole cells only.
    const auto odd = pb::DescriptorBackbone::describe(normalised(texture(70, 101, 3)));
    EXPECT_EQ(odd.height, 8);
    EXPECT_EQ(odd.width, 12);
    const auto tiny = pb::DescriptorBackbone::describe(normalised(texture(8, 8, 3)));
    EXPECT_EQ(tiny.patches(), 1u);
    for (float v : tiny.data) EXPECT_TRUE(std::isfinite(v));
}

TEST(DescriptorBackbone, BatchEqualsSingleAndIsDeterministic) {
    pb::DescriptorBackbone backbone;
    const auto a = normalised(texture(96, 128, 4)), b = normalised(texture(96, 128, 5));
    const auto batch = backbone.extract({a, b, a});
    const auto single = pb::DescriptorBackbone::describe(b);
    EXPECT_EQ(batch[1].data, single.data);
    EXPECT_EQ(batch[0].data, batch[2].data);
    EXPECT_NE(batch[0].data, batch[1].data);
}

TEST(DescriptorBackbone, UniformImageGivesTheSameFiniteDescriptorEverywhere) {
    // Border patches included: windows slide inwards and border derivatives are one-sided.
    cv::Mat flat(64, 80, CV_32FC3, cv::Scalar(0.3, 0.5, 0.7));
    const auto g = pb::DescriptorBackbone::describe(normalised(flat));
    for (std::size_t p = 0; p < g.patches(); ++p) {
        for (int d = 0; d < g.dim; ++d) ASSERT_TRUE(std::isfinite(g.patch(p)[d]));
        EXPECT_LT(maxAbsDiff(g.patch(p), g.patch(0), g.dim), 1e-4f) << "patch " << p;
    }
}

TEST(DescriptorBackbone, ShiftingTheImageByEightPixelsShiftsTheGrid) {
    const cv::Mat big = texture(200, 200, 6);
    const auto a = pb::DescriptorBackbone::describe(normalised(big(cv::Rect(0, 0, 160, 160)).clone()));
    const auto b = pb::DescriptorBackbone::describe(normalised(big(cv::Rect(8, 16, 160, 160)).clone()));
    // Away from the borders (where windows slide), cell (y, x) of b is cell (y + 2, x + 1) of a.
    for (int y = 5; y < 13; ++y)
        for (int x = 5; x < 14; ++x)
            ASSERT_LT(maxAbsDiff(b.patch(y * b.width + x), a.patch((y + 2) * a.width + x + 1), a.dim), 1e-3f)
                << y << "," << x;
}

TEST(DescriptorBackbone, LocalDefectChangesOnlyNearbyPatches) {
    cv::Mat clean = texture(224, 224, 7);
    cv::Mat spot = clean.clone();
    cv::circle(spot, cv::Point(100, 100), 6, cv::Scalar(0.05, 0.05, 0.05), cv::FILLED);
    const auto a = pb::DescriptorBackbone::describe(normalised(clean));
    const auto b = pb::DescriptorBackbone::describe(normalised(spot));
    const int centre = (100 / 8) * a.width + 100 / 8;
    EXPECT_GT(distance(a.patch(centre), b.patch(centre), a.dim), 3.0f);
    // Beyond the largest window (64 px) nothing moves.
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x)
            if (std::abs(y * 8 + 4 - 100) > 72 || std::abs(x * 8 + 4 - 100) > 72)
                ASSERT_LT(distance(a.patch(y * a.width + x), b.patch(y * a.width + x), a.dim), 1e-4f) << y << "," << x;
}

TEST(DescriptorBackbone, FeaturesHaveComparableScales) {
    // A textured image: every feature varies, none by orders of magnitude more than the others.
    const auto g = pb::DescriptorBackbone::describe(normalised(texture(224, 224, 8)));
    std::vector<double> sum(g.dim), sumSq(g.dim);
    for (std::size_t p = 0; p < g.patches(); ++p)
        for (int d = 0; d < g.dim; ++d) {
            sum[d] += g.patch(p)[d];
            sumSq[d] += g.patch(p)[d] * g.patch(p)[d];
        }
    for (int d = 0; d < g.dim; ++d) {
        const double mean = sum[d] / g.patches();
        const double sd = std::sqrt(std::max(0.0, sumSq[d] / g.patches() - mean * mean));
        EXPECT_LT(std::abs(mean), 50.0) << "feature " << d;
        EXPECT_LT(sd, 10.0) << "feature " << d;
        EXPECT_GT(sd, 0.01) << "feature " << d;
    }
}

TEST(DescriptorBackbone, AcceptsGreyAndRejectsOtherInputs) {
    pb::FloatImage grey;
    grey.channels = 1;
    grey.height = 32;
    grey.width = 48;
    grey.data.assign(32 * 48, 0.25f);
    const auto g = pb::DescriptorBackbone::describe(grey);
    EXPECT_EQ(g.height, 4);
    EXPECT_EQ(g.width, 6);

    pb::FloatImage two = grey;
    two.channels = 2;
    two.data.resize(2 * 32 * 48);
    EXPECT_THROW(pb::DescriptorBackbone::describe(two), pb::Error);
    pb::FloatImage small = grey;
    small.height = 4;
    small.data.resize(4 * 48);
    EXPECT_THROW(pb::DescriptorBackbone::describe(small), pb::Error);
    pb::FloatImage wrong = grey;
    wrong.data.resize(10);
    EXPECT_THROW(pb::DescriptorBackbone::describe(wrong), pb::Error);
    pb::DescriptorBackbone backbone;
    EXPECT_THROW(backbone.extract({grey, two}), pb::Error);
}

TEST(DescriptorBackbone, DescribesA224ImageInAFewMilliseconds) {
    const auto img = normalised(texture(224, 224, 9));
    pb::DescriptorBackbone::describe(img);  // warm-up: thread-local buffers
    const int runs = 20;
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < runs; ++i) pb::DescriptorBackbone::describe(img);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / runs;
    std::cout << "[ timing   ] descriptors 224x224: " << ms << " ms per image (one thread)\n";
    EXPECT_LT(ms, 25.0);  // a few ms on an idle core; generous for a loaded test machine
}
