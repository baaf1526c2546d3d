// Preprocessor against the reference input tensor of the MobileNetV2 fixture (PIL resize,
// /255, ImageNet normalisation in float32) and torchvision's CenterCrop placement.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "engine/image/ImageDecoder.h"
#include "engine/image/PilResize.h"
#include "engine/image/Preprocessor.h"
#include "engine/util/Error.h"
#include "tests/engine/TestData.h"

namespace {

// Just enough safetensors to fetch one float32 tensor: u64 LE header length, JSON header,
// then raw little-endian data addressed by "data_offsets" relative to the end of the header.
std::vector<float> readSafetensorsF32(const std::filesystem::path& file, const std::string& name,
                                      std::vector<long>* shape) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + file.string());
    unsigned char lenBytes[8];
    in.read(reinterpret_cast<char*>(lenBytes), 8);
    std::uint64_t headerLen = 0;
    for (int i = 7; i >= 0; --i) headerLen = (headerLen << 8) | lenBytes[i];
    std::string header(headerLen, '\0');
    in.read(header.data(), static_cast<std::streamsize>(headerLen));

    const std::size_t key = header.find("\"" + name + "\"");
    if (key == std::string::npos) throw std::runtime_error("no tensor " + name);
    const std::size_t end = header.find('}', key);
    const std::string entry = header.substr(key, end - key);
    if (entry.find("\"F32\"") == std::string::npos) throw std::runtime_error(name + " is not F32");
    auto numbersAfter = [&](const std::string& field) {
        std::vector<long> out;
        std::size_t p = entry.find('[', entry.find("\"" + field + "\""));
        const std::size_t close = entry.find(']', p);
        for (++p; p < close;) {
            std::size_t used = 0;
            out.push_back(std::stol(entry.substr(p, close - p), &used));
            p += used;
            while (p < close && (entry[p] == ',' || entry[p] == ' ')) ++p;
        }
        return out;
    };
    *shape = numbersAfter("shape");
    const std::vector<long> offsets = numbersAfter("data_offsets");
    std::vector<float> data(static_cast<std::size_t>(offsets.at(1) - offsets.at(0)) / 4);
    in.seekg(static_cast<std::streamoff>(8 + headerLen + offsets[0]));
    in.read(reinterpret_cast<char*>(data.data()), static_cast<std::streamsize>(data.size() * 4));
    if (!in) throw std::runtime_error("short read of " + name);
    return data;  // the machines we build on are little-endian, like the file
}

}  // namespace

TEST(Preprocessor, ReproducesMobileNetFixtureInput) {
    PB_REQUIRE_SHARED();
    const auto shared = pb::test::sharedDir();
    std::vector<long> shape;
    const std::vector<float> expected =
        readSafetensorsF32(shared / "fixtures/mobilenetv2_timm/expected.safetensors", "input", &shape);
    ASSERT_EQ(shape, (std::vector<long>{1, 3, 224, 224}));

    const pb::Preprocessor pre;  // defaults: 224x224, no crop, ImageNet mean/std
    const pb::FloatImage img = pre(pb::decodeImageRgb((shared / "data/mvtec_ad/bottle/test/good/000.png").string()));
    ASSERT_EQ(img.channels, 3);
    ASSERT_EQ(img.height, 224);
    ASSERT_EQ(img.width, 224);
    ASSERT_EQ(img.data.size(), expected.size());
    double maxErr = 0.0;
    std::size_t differing = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        maxErr = std::max(maxErr, std::abs(static_cast<double>(img.data[i]) - expected[i]));
        if (std::memcmp(&img.data[i], &expected[i], sizeof(float)) != 0) ++differing;
    }
    EXPECT_LE(maxErr, 1e-6);
    EXPECT_EQ(differing, 0u) << "max abs error " << maxErr;  // the same float32 operations: bit-exact
}

TEST(Preprocessor, CentreCropFollowsTorchvision) {
    // torchvision CenterCrop: top = int(round((h - ch) / 2)), Python rounding (half to even).
    pb::PreprocessSpec spec;
    spec.resizeWidth = 448;
    spec.resizeHeight = 448;
    spec.cropWidth = 392;
    spec.cropHeight = 392;
    EXPECT_EQ(pb::Preprocessor(spec).cropLeft(), 28);
    spec.resizeWidth = 11;   // (11 - 8) / 2 = 1.5 -> 2
    spec.resizeHeight = 13;  // (13 - 8) / 2 = 2.5 -> 2
    spec.cropWidth = 8;
    spec.cropHeight = 8;
    const pb::Preprocessor odd(spec);
    EXPECT_EQ(odd.cropLeft(), 2);
    EXPECT_EQ(odd.cropTop(), 2);
    EXPECT_EQ(odd.outputWidth(), 8);
    EXPECT_EQ(odd.outputHeight(), 8);

    // The cropped tensor is the matching window of the uncropped one.
    cv::Mat rgb(40, 50, CV_8UC3);
    cv::randu(rgb, cv::Scalar::all(0), cv::Scalar::all(256));
    pb::PreprocessSpec full = spec;
    full.cropWidth = full.cropHeight = 0;
    const pb::FloatImage whole = pb::Preprocessor(full)(rgb);
    const pb::FloatImage crop = odd(rgb);
    ASSERT_EQ(whole.width, 11);
    ASSERT_EQ(whole.height, 13);
    for (int c = 0; c < 3; ++c)
        for (int y = 0; y < 8; ++y)
            for (int x = 0; x < 8; ++x)
                ASSERT_EQ(crop.plane(c)[y * 8 + x], whole.plane(c)[(y + 2) * 11 + (x + 2)]);
}

TEST(Preprocessor, NormalisesInFloat32) {
    pb::PreprocessSpec spec;
    spec.resizeWidth = 2;
    spec.resizeHeight = 1;
    const cv::Mat rgb(1, 2, CV_8UC3, cv::Scalar(0, 128, 255));  // same size: no resampling
    const pb::FloatImage out = pb::Preprocessor(spec)(rgb);
    EXPECT_EQ(out.plane(0)[1], (0.0f / 255.0f - 0.485f) / 0.229f);
    EXPECT_EQ(out.plane(1)[0], (128.0f / 255.0f - 0.456f) / 0.224f);
    EXPECT_EQ(out.plane(2)[1], (255.0f / 255.0f - 0.406f) / 0.225f);
}

TEST(Preprocessor, RejectsBadSpecsAndInputs) {
    pb::PreprocessSpec bad;
    bad.resizeWidth = 0;
    EXPECT_THROW(pb::Preprocessor{bad}, pb::Error);
    bad = {};
    bad.cropWidth = 300;  // larger than the 224 resize
    EXPECT_THROW(pb::Preprocessor{bad}, pb::Error);
    bad = {};
    bad.std[1] = 0.0f;
    EXPECT_THROW(pb::Preprocessor{bad}, pb::Error);
    const pb::Preprocessor pre;
    EXPECT_THROW(pre(cv::Mat(10, 10, CV_8UC1)), pb::Error);
    EXPECT_THROW(pre(cv::Mat()), pb::Error);
}
