// Images users did not make for us: a decompression bomb, 16-bit, CMYK, grey, alpha and EXIF-rotated files
// (tests/data/images, written by its generate.py with Pillow) each read as PIL reads them, or refused with a
// message before their pixels are allocated.
#include <gtest/gtest.h>

#include <zlib.h>

#include <cstdint>
#include <string>

#include <opencv2/imgproc.hpp>

#include "engine/image/ImageDecoder.h"
#include "engine/image/ImageHeader.h"
#include "engine/io/AtomicFile.h"
#include "engine/util/Error.h"
#include "tests/engine/TestData.h"

namespace fs = std::filesystem;

namespace {

fs::path fixture(const std::string& name) { return pb::test::sourceDir() / "tests/data/images" / name; }

// The largest absolute difference between two RGB images of one size.
int maxDifference(const cv::Mat& a, const cv::Mat& b) {
    cv::Mat diff;
    cv::absdiff(a, b, diff);
    double most = 0;
    cv::minMaxLoc(diff.reshape(1), nullptr, &most);
    return static_cast<int>(most);
}

void appendChunk(std::string& png, const char* kind, const std::string& data) {
    const std::uint32_t n = static_cast<std::uint32_t>(data.size());
    for (int s = 24; s >= 0; s -= 8) png += static_cast<char>((n >> s) & 0xFF);
    const std::string body = std::string(kind, 4) + data;
    png += body;
    const std::uint32_t crc =
        static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size())));
    for (int s = 24; s >= 0; s -= 8) png += static_cast<char>((crc >> s) & 0xFF);
}

// A valid 1-bit grey PNG of side x side zero pixels: about 110 KB for 30,000, 2.7 GB once read as RGB.
std::string bombPng(std::uint32_t side) {
    const std::string row(1 + (side + 7) / 8, '\0');
    z_stream z{};
    deflateInit(&z, 9);
    std::string idat;
    std::string out(1 << 16, '\0');
    for (std::uint32_t r = 0; r <= side; ++r) {
        const bool last = r == side;
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(row.data()));
        z.avail_in = last ? 0 : static_cast<uInt>(row.size());
        do {
            z.next_out = reinterpret_cast<Bytef*>(out.data());
            z.avail_out = static_cast<uInt>(out.size());
            deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
            idat.append(out.data(), out.size() - z.avail_out);
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    std::string ihdr;
    for (int twice = 0; twice < 2; ++twice)
        for (int s = 24; s >= 0; s -= 8) ihdr += static_cast<char>((side >> s) & 0xFF);
    ihdr += std::string("\x01\x00\x00\x00\x00", 5);  // depth 1, grey, deflate, no filter, no interlace
    std::string png = "\x89PNG\r\n\x1a\n";
    appendChunk(png, "IHDR", ihdr);
    appendChunk(png, "IDAT", idat);
    appendChunk(png, "IEND", "");
    return png;
}

}  // namespace

TEST(HostileImage, DecompressionBombIsRefusedFromItsHeader) {
    const fs::path dir = pb::test::scratchDir("hostile-bomb");
    const std::string bomb = (dir / "bomb.png").string();
    pb::writeFileAtomic(bomb, bombPng(30000));
    EXPECT_LT(fs::file_size(bomb), 200u * 1024u);
    const pb::ImageHeader header = pb::readImageHeader(pb::readFileBytes(bomb), bomb);
    EXPECT_EQ(header.format, "PNG");
    EXPECT_EQ(header.pixels(), 900000000u);
    try {
        pb::decodeImageRgb(bomb);
        FAIL() << "the bomb was decoded";
    } catch (const pb::Error& e) {
        EXPECT_EQ(e.file(), bomb);
        EXPECT_NE(e.reason().find("30000 x 30000"), std::string::npos) << e.what();
        EXPECT_NE(e.reason().find("178956970"), std::string::npos) << e.what();
    }
    EXPECT_THROW(pb::decodeMask(bomb), pb::Error);

    // The limit is settable: a small bomb under a raised limit decodes, over a lowered one it is refused.
    const std::string small = (dir / "small.png").string();
    pb::writeFileAtomic(small, bombPng(3000));
    EXPECT_EQ(pb::decodeImageRgb(small).size(), cv::Size(3000, 3000));
    pb::setMaxImagePixels(1000000);
    EXPECT_THROW(pb::decodeImageRgb(small), pb::Error);
    EXPECT_EQ(pb::decodeImageRgb(fixture("grey.png").string()).size(), cv::Size(40, 24));
    pb::setMaxImagePixels(0);
    EXPECT_EQ(pb::maxImagePixels(), pb::kDefaultMaxImagePixels);
}

TEST(HostileImage, OddFormatsReadAsPilReadsThem) {
    // name, the most a pixel may differ from PIL's convert('RGB')
    const std::pair<const char*, int> cases[] = {
        {"grey.png", 0}, {"rgba.png", 0}, {"grey16.png", 0},
        // OpenCV converts CMYK to RGB itself (libjpeg hands it the Adobe-inverted samples).
        {"cmyk.jpg", 1},
        // EXIF orientation is not applied, as by PIL's Image.open: 40 x 24 as stored, not 24 x 40.
        {"exif_rotated.jpg", 0},
    };
    for (const auto& [name, tolerance] : cases) {
        const cv::Mat ours = pb::decodeImageRgb(fixture(name).string());
        cv::Mat pil = pb::decodeImageRgb(fixture(fs::path(name).stem().string() + "_expected.png").string());
        ASSERT_EQ(ours.type(), CV_8UC3) << name;
        ASSERT_EQ(ours.size(), cv::Size(40, 24)) << name;
        EXPECT_LE(maxDifference(ours, pil), tolerance) << name;
    }
}

TEST(HostileImage, HeadersThatLieOrAreUnknownAreRefused) {
    const fs::path dir = pb::test::scratchDir("hostile-headers");
    // An IHDR that declares no pixels, a PNG cut inside its header, a format nothing reads.
    std::string zero = bombPng(8);
    zero[16] = zero[17] = zero[18] = zero[19] = 0;  // width 0 (the CRC no longer matches either)
    const std::pair<std::string, std::string> cases[] = {
        {"zero.png", zero},
        {"cut.png", bombPng(8).substr(0, 20)},
        {"image.xyz", std::string("GIF89a\x01\x00\x01\x00", 10)},
    };
    for (const auto& [name, bytes] : cases) {
        const std::string path = (dir / name).string();
        pb::writeFileAtomic(path, bytes);
        try {
            pb::decodeImageRgb(path);
            ADD_FAILURE() << name << " was decoded";
        } catch (const pb::Error& e) {
            EXPECT_EQ(e.file(), path) << e.what();
        }
    }
}
