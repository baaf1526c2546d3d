#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <opencv2/imgcodecs.hpp>
#include <unistd.h>

#include "tests/engine/cli/CliRunner.h"

using pb::test::runCli;

TEST(CliImage, CheckReportsEachFileAndFailsOnAnyRefusal) {
    const auto dir = std::filesystem::temp_directory_path() / ("pb_image_check_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto png = dir / "ok.png", text = dir / "notes.png", big = dir / "big.png";
    ASSERT_TRUE(cv::imwrite(png.string(), cv::Mat(48, 64, CV_8UC3, cv::Scalar(10, 20, 30))));
    ASSERT_TRUE(cv::imwrite(big.string(), cv::Mat(1000, 1100, CV_8UC1, cv::Scalar(7))));
    std::ofstream(text) << "not an image\n";

    const auto good = runCli("image check " + png.string());
    EXPECT_EQ(good.exitCode, 0) << good.output;
    EXPECT_NE(good.output.find("ok.png: PNG, 64 x 48, read as RGB"), std::string::npos) << good.output;

    // Every file gets its line; one refusal makes the exit status 1.
    const auto mixed = runCli("image check " + png.string() + " " + text.string() + " " + big.string() +
                              " --max-image-pixels 1000000");
    EXPECT_EQ(mixed.exitCode, 1) << mixed.output;
    EXPECT_NE(mixed.output.find("ok.png: PNG, 64 x 48"), std::string::npos) << mixed.output;
    EXPECT_NE(mixed.output.find("notes.png: not a readable image"), std::string::npos) << mixed.output;
    EXPECT_NE(mixed.output.find("big.png: PNG declares 1100 x 1000 pixels, over the limit of 1000000"),
              std::string::npos)
        << mixed.output;
    std::filesystem::remove_all(dir);
}
