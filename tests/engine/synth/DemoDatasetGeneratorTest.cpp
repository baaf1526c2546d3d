#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include <opencv2/core.hpp>

#include "engine/dataset/DatasetReader.h"
#include "engine/image/ImageDecoder.h"
#include "engine/synth/DemoDatasetGenerator.h"
#include "engine/synth/Pcg32.h"
#include "engine/util/Error.h"
#include "tests/engine/TestData.h"

namespace fs = std::filesystem;

namespace {

std::string fileBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

bool sameMat(const cv::Mat& a, const cv::Mat& b) {
    return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0;
}

pb::DemoDatasetOptions smallOptions() {
    pb::DemoDatasetOptions o;
    o.imageSize = 64;
    o.trainPerProduct = 2;
    o.testGoodPerProduct = 1;
    o.testDefectPerProduct = 4;
    return o;
}

}  // namespace

TEST(Pcg32, MatchesTheReferenceSequence) {
    // pcg32_srandom_r(&rng, 42u, 54u) in the reference C implementation (pcg32-demo).
    pb::Pcg32 rng(42u, 54u);
    const std::uint32_t expected[] = {0xa15c02b7, 0x7b47f409, 0xba1d3330, 0x83d2f293, 0xbfa4784b, 0xcbed606e};
    for (std::uint32_t e : expected) EXPECT_EQ(rng.next(), e);
}

TEST(Pcg32, UniformAndNormalStayInRange) {
    pb::Pcg32 rng(7, 1);
    double sum = 0, sumSq = 0;
    const int n = 20000;
    for (int i = 0; i < n; ++i) {
        const double u = rng.uniform();
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
        const int b = rng.below(5);
        ASSERT_GE(b, 0);
        ASSERT_LT(b, 5);
        const double z = rng.normal();
        sum += z;
        sumSq += z * z;
    }
    EXPECT_NEAR(sum / n, 0.0, 0.05);
    EXPECT_NEAR(sumSq / n, 1.0, 0.05);
}

TEST(DemoDatasetGenerator, NamesProductsAndDefects) {
    EXPECT_EQ(pb::demoProducts(), (std::vector<std::string>{"carpet", "metal_plate", "wood"}));
    for (const auto& p : pb::demoProducts()) EXPECT_GE(pb::demoDefects(p).size(), 3u) << p;
    EXPECT_THROW(pb::demoDefects("bottle"), pb::Error);
    EXPECT_THROW(pb::renderDemoImage("carpet", "rust", 1, 64), pb::Error);
    EXPECT_THROW(pb::renderDemoImage("carpet", "good", 1, 8), pb::Error);
}

TEST(DemoDatasetGenerator, RendersDeterministically) {
    const auto a = pb::renderDemoImage("wood", "scratch", 1234, 128);
    const auto b = pb::renderDemoImage("wood", "scratch", 1234, 128);
    const auto c = pb::renderDemoImage("wood", "scratch", 1235, 128);
    EXPECT_TRUE(sameMat(a.image, b.image));
    EXPECT_TRUE(sameMat(a.mask, b.mask));
    EXPECT_FALSE(sameMat(a.image, c.image));
    EXPECT_EQ(a.image.type(), CV_8UC3);
    EXPECT_EQ(a.mask.type(), CV_8U);
    EXPECT_EQ(a.image.rows, 128);
    EXPECT_EQ(a.image.cols, 128);
}

TEST(DemoDatasetGenerator, NormalImagesDifferButHaveNoMask) {
    const auto a = pb::renderDemoImage("metal_plate", "good", 1, 96);
    const auto b = pb::renderDemoImage("metal_plate", "good", 2, 96);
    EXPECT_TRUE(sameMat(a.image, a.clean));
    EXPECT_EQ(cv::countNonZero(a.mask), 0);
    // Shifts, rotation, lighting and noise: never two identical shots.
    EXPECT_GT(cv::norm(a.image, b.image, cv::NORM_L1) / a.image.total(), 3.0);
}

TEST(DemoDatasetGenerator, MasksAreExactlyTheAlteredPixels) {
    for (const auto& product : pb::demoProducts()) {
        for (const auto& defect : pb::demoDefects(product)) {
            for (std::uint64_t seed : {11u, 12u, 13u}) {
                const auto img = pb::renderDemoImage(product, defect, seed, 256);
                const std::string what = product + "/" + defect + " seed " + std::to_string(seed);
                cv::Mat diff;
                cv::absdiff(img.image, img.clean, diff);
                cv::Mat changed;
                cv::transform(diff, changed, cv::Matx13f(1, 1, 1));
                changed = changed > 0;
                const cv::Mat inMask = img.mask > 0;
                const int maskArea = cv::countNonZero(inMask);
                // Nothing outside the mask changed...
                EXPECT_EQ(cv::countNonZero(changed & ~inMask), 0) << what;
                // ...and (almost) every mask pixel did: rounding may hide a change on a few.
                EXPECT_GE(cv::countNonZero(changed & inMask), 0.97 * maskArea) << what;
                const double fraction = maskArea / static_cast<double>(img.mask.total());
                EXPECT_GT(fraction, 0.002) << what;
                EXPECT_LT(fraction, 0.12) << what;
                EXPECT_EQ(cv::countNonZero((img.mask != 0) & (img.mask != 255)), 0) << what;
            }
        }
    }
}

TEST(DemoDatasetGenerator, WritesMvtecLayoutThatTheReaderAccepts) {
    const auto root = pb::test::scratchDir("demo-layout");
    std::size_t steps = 0;
    pb::Progress progress;
    progress.onStep = [&](const std::string&, std::size_t, std::size_t) { ++steps; };
    pb::generateDemoDataset(root, smallOptions(), &progress);
    EXPECT_GT(steps, 0u);

    const pb::Dataset ds = pb::openDataset(root);
    EXPECT_EQ(ds.layout, "mvtec");
    EXPECT_EQ(ds.products, pb::demoProducts());
    EXPECT_TRUE(ds.problems.empty()) << ds.problems.front().file << ": " << ds.problems.front().reason;
    for (const auto& product : pb::demoProducts()) {
        EXPECT_EQ(ds.count(product, pb::Split::Train, 0), 2u);
        EXPECT_EQ(ds.count(product, pb::Split::Test, 0), 1u);
        EXPECT_EQ(ds.count(product, pb::Split::Test, 1), 4u);
    }
    for (const auto& s : ds.samples) {
        const cv::Mat rgb = pb::decodeImageRgb(s.path);
        EXPECT_EQ(rgb.rows, 64);
        EXPECT_EQ(rgb.cols, 64);
        if (s.label != 1) continue;
        ASSERT_EQ(s.maskPaths.size(), 1u) << s.path;
        const cv::Mat mask = pb::decodeMask(s.maskPaths[0]);
        EXPECT_EQ(mask.size(), rgb.size());
        EXPECT_GT(cv::countNonZero(mask), 0) << s.maskPaths[0];
    }
    fs::remove_all(root);
}

TEST(DemoDatasetGenerator, SameSeedSameFilesOtherSeedOtherFiles) {
    const auto a = pb::test::scratchDir("demo-seed-a"), b = pb::test::scratchDir("demo-seed-b"),
               c = pb::test::scratchDir("demo-seed-c");
    auto options = smallOptions();
    pb::generateDemoDataset(a, options);
    pb::generateDemoDataset(b, options);
    options.seed = 8;
    pb::generateDemoDataset(c, options);
    const fs::path rel[] = {"wood/train/good/001.png", "carpet/test/good/000.png", "metal_plate/ground_truth/scratch/000_mask.png"};
    for (const auto& r : rel) {
        ASSERT_TRUE(fs::exists(a / r)) << r;
        EXPECT_EQ(fileBytes(a / r), fileBytes(b / r)) << r;
        EXPECT_NE(fileBytes(a / r), fileBytes(c / r)) << r;
    }
    for (const auto& p : {a, b, c}) fs::remove_all(p);
}

TEST(DemoDatasetGenerator, StopsWhenCancelled) {
    const auto root = pb::test::scratchDir("demo-cancel");
    pb::Progress progress;
    progress.cancel.cancel();
    EXPECT_THROW(pb::generateDemoDataset(root, smallOptions(), &progress), pb::Cancelled);
    fs::remove_all(root);
}

TEST(DemoDatasetGenerator, RejectsBadOptions) {
    auto options = smallOptions();
    options.imageSize = 16;
    EXPECT_THROW(pb::generateDemoDataset(pb::test::scratchDir("demo-bad"), options), pb::Error);
}
