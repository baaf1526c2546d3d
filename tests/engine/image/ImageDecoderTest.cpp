// decodeImageRgb / decodeMask / mergeMasks: PIL-equivalent pixels and clean errors for bad files.
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <string>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "engine/image/ImageDecoder.h"
#include "engine/io/AtomicFile.h"
#include "engine/util/Error.h"
#include "engine/util/Sha256.h"
#include "tests/engine/TestData.h"

namespace fs = std::filesystem;

namespace {

std::string digest(const cv::Mat& m) {
    const cv::Mat c = m.isContinuous() ? m : m.clone();
    return pb::sha256Hex(c.data, c.total() * c.elemSize());
}

// Runs `fn(path)` and checks it throws pb::Error whose message names the path.
template <typename Fn>
void expectErrorNamingFile(Fn fn, const std::string& path) {
    try {
        fn(path);
        ADD_FAILURE() << "no error for " << path;
    } catch (const pb::Error& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
        EXPECT_EQ(e.file(), path);
    }
}

}  // namespace

TEST(ImageDecoder, BottlePngMatchesPil) {
    PB_REQUIRE_SHARED();
    const cv::Mat rgb =
        pb::decodeImageRgb((pb::test::sharedDir() / "data/mvtec_ad/bottle/test/good/000.png").string());
    EXPECT_EQ(rgb.type(), CV_8UC3);
    EXPECT_EQ(rgb.cols, 900);
    EXPECT_EQ(rgb.rows, 900);
    // sha256 of np.array(Image.open(p).convert('RGB')).tobytes(), Pillow 9.4.
    EXPECT_EQ(digest(rgb), "691f833e45a45263eb0aa84b7462214a0acd0e1eb57b4f7b32310d89d6cb5e44");
}

TEST(ImageDecoder, GreyJpegMatchesPilConvertRgb) {
    PB_REQUIRE_SHARED();
    const fs::path p = pb::test::sharedDir() / "data/magnetic_tile/magnetic_tile/train/good/exp0_num_743.jpg";
    const cv::Mat rgb = pb::decodeImageRgb(p.string());
    ASSERT_EQ(rgb.type(), CV_8UC3);
    EXPECT_EQ(rgb.cols, 240);
    EXPECT_EQ(rgb.rows, 289);
    cv::Mat ch[3];
    cv::split(rgb, ch);
    EXPECT_EQ(cv::countNonZero(ch[0] != ch[1]), 0);
    EXPECT_EQ(cv::countNonZero(ch[0] != ch[2]), 0);
    // sha256 of np.array(Image.open(p).convert('RGB')).tobytes(): same libjpeg decode, bit-exact.
    EXPECT_EQ(digest(rgb), "e62e24686b67f97d978da2d1b1c93e7d42b60978bdacb5c3c2f8826924c185ad");
}

TEST(ImageDecoder, SixteenBitAndAlphaConvertLikePil) {
    const fs::path dir = pb::test::scratchDir("decoder-depth");
    // Pillow 9.4 convert('RGB') of these (checked once): 16-bit grey (mode "I") clips to 255,
    // 16-bit colour keeps the high byte, alpha is dropped without compositing.
    const std::uint16_t values[6] = {0, 100, 255, 256, 1000, 65535};
    cv::Mat grey16(1, 6, CV_16UC1);
    for (int i = 0; i < 6; ++i) grey16.at<std::uint16_t>(0, i) = values[i];
    ASSERT_TRUE(cv::imwrite((dir / "grey16.png").string(), grey16));
    cv::Mat rgb = pb::decodeImageRgb((dir / "grey16.png").string());
    const std::uint8_t greyExpected[6] = {0, 100, 255, 255, 255, 255};
    for (int i = 0; i < 6; ++i)
        EXPECT_EQ(rgb.at<cv::Vec3b>(0, i), cv::Vec3b(greyExpected[i], greyExpected[i], greyExpected[i])) << i;

    const std::uint16_t colourValues[6] = {0, 0x00ff, 0x0100, 0x7fff, 0x80ff, 0xffff};
    const std::uint8_t colourExpected[6] = {0, 0, 1, 127, 128, 255};
    cv::Mat colour16(1, 6, CV_16UC3);  // BGR for OpenCV; red channel carries the values
    for (int i = 0; i < 6; ++i) colour16.at<cv::Vec<std::uint16_t, 3>>(0, i) = {0, 0, colourValues[i]};
    ASSERT_TRUE(cv::imwrite((dir / "colour16.png").string(), colour16));
    rgb = pb::decodeImageRgb((dir / "colour16.png").string());
    for (int i = 0; i < 6; ++i) EXPECT_EQ(rgb.at<cv::Vec3b>(0, i), cv::Vec3b(colourExpected[i], 0, 0)) << i;

    cv::Mat bgra(2, 2, CV_8UC4, cv::Scalar(10, 20, 30, 0));  // fully transparent
    ASSERT_TRUE(cv::imwrite((dir / "alpha.png").string(), bgra));
    rgb = pb::decodeImageRgb((dir / "alpha.png").string());
    EXPECT_EQ(rgb.at<cv::Vec3b>(1, 1), cv::Vec3b(30, 20, 10));
}

TEST(ImageDecoder, BadFilesThrowErrorNamingTheFile) {
    const fs::path dir = pb::test::scratchDir("decoder-errors");
    const std::string missing = (dir / "missing.png").string();

    const std::string text = (dir / "notes.png").string();
    pb::writeFileAtomic(text, std::string("this is not an image\n"));

    const std::string empty = (dir / "empty.png").string();
    pb::writeFileAtomic(empty, std::string());

    cv::Mat img(64, 64, CV_8UC3);
    cv::randu(img, cv::Scalar::all(0), cv::Scalar::all(256));
    std::vector<std::uint8_t> png;
    ASSERT_TRUE(cv::imencode(".png", img, png));
    const std::string truncatedPng = (dir / "truncated.png").string();
    pb::writeFileAtomic(truncatedPng, png.data(), png.size() / 2);

    std::vector<std::uint8_t> jpg;
    ASSERT_TRUE(cv::imencode(".jpg", img, jpg));
    const std::string truncatedJpg = (dir / "truncated.jpg").string();
    pb::writeFileAtomic(truncatedJpg, jpg.data(), jpg.size() * 2 / 3);

    const std::string folder = (dir / "folder.png").string();
    fs::create_directories(folder);

    for (const std::string& p : {missing, text, empty, truncatedPng, truncatedJpg, folder}) {
        expectErrorNamingFile([](const std::string& f) { pb::decodeImageRgb(f); }, p);
        expectErrorNamingFile([](const std::string& f) { pb::decodeMask(f); }, p);
    }
    // The intact versions of the truncated files do decode.
    pb::writeFileAtomic(truncatedJpg, jpg.data(), jpg.size());
    EXPECT_EQ(pb::decodeImageRgb(truncatedJpg).size(), cv::Size(64, 64));
    pb::writeFileAtomic(truncatedPng, png.data(), png.size());
    EXPECT_EQ(digest(pb::decodeImageRgb(truncatedPng)), [&] {
        cv::Mat rgb;
        cv::cvtColor(img, rgb, cv::COLOR_BGR2RGB);
        return digest(rgb);
    }());
}

TEST(ImageDecoder, MaskIsOneWhereAnyColourChannelIsPositive) {
    const fs::path dir = pb::test::scratchDir("decoder-mask");
    cv::Mat grey = cv::Mat::zeros(3, 4, CV_8U);
    grey.at<std::uint8_t>(0, 0) = 255;
    grey.at<std::uint8_t>(2, 3) = 1;
    ASSERT_TRUE(cv::imwrite((dir / "grey.png").string(), grey));
    cv::Mat m = pb::decodeMask((dir / "grey.png").string());
    ASSERT_EQ(m.type(), CV_8U);
    EXPECT_EQ(m.at<std::uint8_t>(0, 0), 1);
    EXPECT_EQ(m.at<std::uint8_t>(2, 3), 1);
    EXPECT_EQ(cv::countNonZero(m), 2);

    cv::Mat bgra(2, 3, CV_8UC4, cv::Scalar(0, 0, 0, 255));  // opaque black: alpha must not count
    bgra.at<cv::Vec4b>(1, 2) = {0, 7, 0, 255};
    ASSERT_TRUE(cv::imwrite((dir / "colour.png").string(), bgra));
    m = pb::decodeMask((dir / "colour.png").string());
    EXPECT_EQ(cv::countNonZero(m), 1);
    EXPECT_EQ(m.at<std::uint8_t>(1, 2), 1);
}

TEST(ImageDecoder, RealMaskIsBinary) {
    PB_REQUIRE_SHARED();
    const fs::path p = pb::test::sharedDir() / "data/mvtec_ad/bottle/ground_truth/broken_large/000_mask.png";
    const cv::Mat m = pb::decodeMask(p.string());
    double lo = 0, hi = 0;
    cv::minMaxLoc(m, &lo, &hi);
    EXPECT_EQ(lo, 0.0);
    EXPECT_EQ(hi, 1.0);
    EXPECT_GT(cv::countNonZero(m), 0);
}

TEST(ImageDecoder, MergeMasksIsPixelwiseOr) {
    cv::Mat a = cv::Mat::zeros(2, 2, CV_8U), b = cv::Mat::zeros(2, 2, CV_8U);
    a.at<std::uint8_t>(0, 0) = 1;
    b.at<std::uint8_t>(1, 1) = 1;
    b.at<std::uint8_t>(0, 0) = 1;
    const cv::Mat m = pb::mergeMasks({a, b});
    EXPECT_EQ(m.at<std::uint8_t>(0, 0), 1);
    EXPECT_EQ(m.at<std::uint8_t>(1, 1), 1);
    EXPECT_EQ(cv::countNonZero(m), 2);
    EXPECT_THROW(pb::mergeMasks({}), pb::Error);
    EXPECT_THROW(pb::mergeMasks({a, cv::Mat::zeros(3, 2, CV_8U)}), pb::Error);
}
