// decodePngFast: the same samples as libpng for every filter type and colour type it takes, and no answer
// (so that libpng decides) for the PNGs it leaves alone or cannot take apart.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "engine/image/PngDecoder.h"
#include "engine/io/AtomicFile.h"
#include "tests/engine/TestData.h"

namespace {

void putBigEndian(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

void putChunk(std::string& png, const char* type, const std::string& data) {
    putBigEndian(png, static_cast<std::uint32_t>(data.size()));
    const std::string body = std::string(type, 4) + data;
    png += body;
    putBigEndian(png, static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()),
                                                       static_cast<uInt>(body.size()))));
}

int paeth(int a, int b, int c) {
    const int pa = std::abs(b - c), pb = std::abs(a - c), pc = std::abs(a + b - 2 * c);
    return pa <= pb && pa <= pc ? a : (pb <= pc ? b : c);
}

// A PNG of `pixels` (rows of width * channels bytes, R, G, B, A order) whose row y uses filter
// filters[y % filters.size()], written here so that every filter type is certain to occur.
std::string writePng(const std::vector<std::uint8_t>& pixels, int width, int height, int channels,
                     const std::vector<int>& filters, int colourType) {
    const std::size_t length = static_cast<std::size_t>(width) * channels;
    std::vector<std::uint8_t> raw;
    for (int y = 0; y < height; ++y) {
        const int filter = filters[static_cast<std::size_t>(y) % filters.size()];
        raw.push_back(static_cast<std::uint8_t>(filter));
        for (std::size_t x = 0; x < length; ++x) {
            const int a = x >= static_cast<std::size_t>(channels) ? pixels[y * length + x - channels] : 0;
            const int b = y ? pixels[(y - 1) * length + x] : 0;
            const int c = y && x >= static_cast<std::size_t>(channels) ? pixels[(y - 1) * length + x - channels] : 0;
            const int predictors[5] = {0, a, b, (a + b) / 2, paeth(a, b, c)};
            raw.push_back(static_cast<std::uint8_t>(pixels[y * length + x] - predictors[filter]));
        }
    }
    uLongf size = compressBound(static_cast<uLong>(raw.size()));
    std::string compressed(size, '\0');
    EXPECT_EQ(compress2(reinterpret_cast<Bytef*>(compressed.data()), &size, raw.data(), static_cast<uLong>(raw.size()), 6),
              Z_OK);
    compressed.resize(size);
    std::string png("\x89PNG\r\n\x1a\n", 8), header;
    putBigEndian(header, static_cast<std::uint32_t>(width));
    putBigEndian(header, static_cast<std::uint32_t>(height));
    header += std::string({8, static_cast<char>(colourType), 0, 0, 0});
    putChunk(png, "IHDR", header);
    putChunk(png, "gAMA", std::string("\x00\x00\xb1\x8f", 4));  // an ancillary chunk, ignored
    // The data in two IDAT chunks, as encoders split it.
    putChunk(png, "IDAT", compressed.substr(0, compressed.size() / 2));
    putChunk(png, "IDAT", compressed.substr(compressed.size() / 2));
    putChunk(png, "IEND", "");
    return png;
}

// libpng's samples through OpenCV, in the file's channel order.
cv::Mat libpngSamples(const std::string& png) {
    const cv::Mat decoded = cv::imdecode(cv::Mat(1, static_cast<int>(png.size()), CV_8U, const_cast<char*>(png.data())),
                                         cv::IMREAD_UNCHANGED);
    cv::Mat out = decoded;
    if (decoded.channels() == 3) cv::cvtColor(decoded, out, cv::COLOR_BGR2RGB);
    if (decoded.channels() == 4) cv::cvtColor(decoded, out, cv::COLOR_BGRA2RGBA);
    return out;
}

bool sameSamples(const cv::Mat& a, const cv::Mat& b) {
    return a.type() == b.type() && a.size() == b.size() && cv::norm(a.reshape(1), b.reshape(1), cv::NORM_INF) == 0;
}

}  // namespace

TEST(PngDecoder, EveryFilterAndColourTypeMatchesLibpng) {
    std::mt19937 rng(5);
    for (const auto& [channels, colourType] : std::vector<std::pair<int, int>>{{1, 0}, {3, 2}, {4, 6}}) {
        const int width = 37, height = 23;
        std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * height * channels);
        // Noise over a gradient: the predictors' choices (Paeth's three, Average's rounding) all occur.
        for (std::size_t i = 0; i < pixels.size(); ++i)
            pixels[i] = static_cast<std::uint8_t>((i * 7) % 256 + rng() % 64);
        for (const std::vector<int>& filters :
             std::vector<std::vector<int>>{{0}, {1}, {2}, {3}, {4}, {4, 0, 3, 1, 2, 4, 4}}) {
            const std::string png = writePng(pixels, width, height, channels, filters, colourType);
            cv::Mat fast;
            ASSERT_TRUE(pb::decodePngFast(png, fast)) << channels << " channels";
            const cv::Mat expected(height, width, CV_MAKETYPE(CV_8U, channels), pixels.data());
            EXPECT_TRUE(sameSamples(fast, expected)) << channels << " channels, filter " << filters[0];
            EXPECT_TRUE(sameSamples(fast, libpngSamples(png))) << channels << " channels, filter " << filters[0];
        }
    }
}

TEST(PngDecoder, LeavesOtherPngsAndDamagedFilesToLibpng) {
    const std::vector<std::uint8_t> pixels(8 * 8 * 3, 77);
    const std::string good = writePng(pixels, 8, 8, 3, {4}, 2);
    cv::Mat out;
    ASSERT_TRUE(pb::decodePngFast(good, out));
    cv::Mat untouched;
    // A chunk's CRC, the stream cut short, trailing garbage in place of IEND, a palette image, 16-bit samples.
    std::string badCrc = good;
    badCrc[40] ^= 1;
    EXPECT_FALSE(pb::decodePngFast(badCrc, untouched));
    EXPECT_FALSE(pb::decodePngFast(good.substr(0, good.size() - 20), untouched));
    EXPECT_FALSE(pb::decodePngFast(good.substr(0, good.size() - 12) + "garbage!garbage!", untouched));
    std::vector<std::uint8_t> encoded;
    cv::Mat grey16(5, 5, CV_16UC1, cv::Scalar(1000));
    ASSERT_TRUE(cv::imencode(".png", grey16, encoded));
    EXPECT_FALSE(pb::decodePngFast(std::string(encoded.begin(), encoded.end()), untouched));
    EXPECT_TRUE(untouched.empty());
}

TEST(PngDecoder, MvtecBottleImagesMatchLibpng) {
    PB_REQUIRE_SHARED();
    int checked = 0;
    for (const char* name : {"test/good/000.png", "test/broken_large/000.png", "train/good/000.png", "train/good/100.png"}) {
        const std::string png = pb::readFileBytes((pb::test::sharedDir() / "data/mvtec_ad/bottle" / name).string());
        cv::Mat fast;
        ASSERT_TRUE(pb::decodePngFast(png, fast)) << name;
        EXPECT_TRUE(sameSamples(fast, libpngSamples(png))) << name;
        ++checked;
    }
    EXPECT_EQ(checked, 4);
}
