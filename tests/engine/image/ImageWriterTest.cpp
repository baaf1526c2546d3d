// writePng: RGB stays RGB on disk, parent folders are created, nothing is left behind.
#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>

#include "engine/image/ImageDecoder.h"
#include "engine/image/ImageWriter.h"
#include "engine/util/Error.h"
#include "tests/engine/TestData.h"

namespace fs = std::filesystem;

TEST(ImageWriter, RoundTripsRgbThroughTheDecoder) {
    const fs::path dir = pb::test::scratchDir("image-writer");
    cv::Mat rgb(7, 9, CV_8UC3);
    cv::randu(rgb, cv::Scalar::all(0), cv::Scalar::all(256));
    rgb.at<cv::Vec3b>(0, 0) = {255, 0, 0};
    const cv::Mat original = rgb.clone();
    const fs::path file = dir / "a/b/out.png";
    pb::writePng(file, rgb);
    const cv::Mat untouched = rgb != original;  // the caller's pixels are not swapped in place
    EXPECT_EQ(cv::countNonZero(untouched.reshape(1)), 0);
    const cv::Mat back = pb::decodeImageRgb(file.string());
    const cv::Mat diff = back != rgb;
    EXPECT_EQ(cv::countNonZero(diff.reshape(1)), 0);
    // On disk it is a normal PNG whose red pixel is red for any viewer (OpenCV reads BGR).
    EXPECT_EQ(cv::imread(file.string()).at<cv::Vec3b>(0, 0), cv::Vec3b(0, 0, 255));
    std::size_t entries = 0;
    for (const auto& e : fs::directory_iterator(file.parent_path())) entries += e.is_regular_file();
    EXPECT_EQ(entries, 1u);
}

TEST(ImageWriter, WritesGreyAndRejectsBadInput) {
    const fs::path dir = pb::test::scratchDir("image-writer-grey");
    cv::Mat grey(4, 4, CV_8U, cv::Scalar(77));
    pb::writePng(dir / "g.png", grey, false);
    EXPECT_EQ(cv::imread((dir / "g.png").string(), cv::IMREAD_UNCHANGED).at<std::uint8_t>(3, 3), 77);
    EXPECT_THROW(pb::writePng(dir / "e.png", cv::Mat()), pb::Error);
    try {
        pb::writePng(dir / "f.png", cv::Mat(2, 2, CV_32F));
        ADD_FAILURE();
    } catch (const pb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("f.png"), std::string::npos);
    }
}
