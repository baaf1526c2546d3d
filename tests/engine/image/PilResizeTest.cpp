// pilResizeBilinear against Pillow 9.4 Image.resize(size, Image.BILINEAR). The expected digests
// are sha256 of Pillow's output bytes (row-major, interleaved channels), computed once with
// /usr/bin/python3 on exactly the images generated here.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "engine/image/ImageDecoder.h"
#include "engine/image/PilResize.h"
#include "engine/util/Error.h"
#include "engine/util/Sha256.h"
#include "tests/engine/TestData.h"

namespace {

// Hash noise, the hardest case for exactness (every tap matters). Python twin:
// v = x*73856093 ^ y*19349663 ^ (c+1)*83492791; v ^= v>>13; v *= 0x5bd1e995; v ^= v>>15; v & 255
cv::Mat noiseImage(int w, int h, int cn) {
    cv::Mat img(h, w, CV_MAKETYPE(CV_8U, cn));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < cn; ++c) {
                std::uint32_t v = std::uint32_t(x) * 73856093u ^ std::uint32_t(y) * 19349663u ^
                                  std::uint32_t(c + 1) * 83492791u;
                v ^= v >> 13;
                v *= 0x5bd1e995u;
                v ^= v >> 15;
                img.ptr<std::uint8_t>(y)[x * cn + c] = static_cast<std::uint8_t>(v & 255u);
            }
    return img;
}

std::string digest(const cv::Mat& m) {
    const cv::Mat c = m.isContinuous() ? m : m.clone();
    return pb::sha256Hex(c.data, c.total() * c.elemSize());
}

struct Case {
    int width;
    int height;
    const char* sha;
};

}  // namespace

TEST(PilResize, RgbNoiseMatchesPillow) {
    const cv::Mat src = noiseImage(97, 61, 3);
    ASSERT_EQ(digest(src), "273e867cce7bc56143f4f71f1222b33f801df8067fbad2e7ac087afefcd170b8");  // same input
    const Case cases[] = {
        {224, 224, "16cb09b1d191f46cd166c803a4abbfd895403d69fe18264e200eebe70beaa20c"},  // upscale both
        {40, 30, "d2be6eb28fe1bd9c310b44d2947d8b6b3544e5b298d6218e0f4872834d259824"},    // antialiased downscale
        {97, 20, "a5504b16176bd00288c5f6ea724a038e813aaedb9c9e7977edf16dc60cdc0259"},    // vertical pass only
        {13, 61, "76a7432741368e18fc7acb3f3eebf9152e1350a43b31dce4e651f37c6a26eb04"},    // horizontal pass only
        {150, 33, "b6493afb70bdca22c75f857ef728ae703922928cb7a993590fd2bbe8433e3c7a"},   // up in x, down in y
        {1, 1, "d732297babadbbda2edd3a6626d96d952c24dcc6400617b749a00166ec7b72ed"},
        {300, 7, "f7ca57e78b04d0f27512707db7c22ae7aad0d79bcd7b8b4fc0851a36b1a504a7"},
        {97, 61, "273e867cce7bc56143f4f71f1222b33f801df8067fbad2e7ac087afefcd170b8"},   // same size: copy
    };
    for (const Case& c : cases) {
        const cv::Mat out = pb::pilResizeBilinear(src, c.width, c.height);
        ASSERT_EQ(out.type(), CV_8UC3);
        ASSERT_EQ(out.cols, c.width);
        ASSERT_EQ(out.rows, c.height);
        EXPECT_EQ(digest(out), c.sha) << c.width << "x" << c.height;
    }
}

TEST(PilResize, GreyNoiseMatchesPillow) {
    const cv::Mat src = noiseImage(97, 61, 1);
    ASSERT_EQ(digest(src), "b41ebfda7bae988b79633d8de5f26d9060fc88929fa2c1ea43b0bb2f07560305");
    const Case cases[] = {
        {224, 224, "980040b75e42ef48f731a7b7cbe65432f2a81fae225e92045d7200269e80809f"},
        {40, 30, "9fba05a5d067bb1a354ecd26f4d82a07f9b53457851028f1a1834002aaa3eb9c"},
        {97, 20, "d691df16d4a2573791d09c6c0e30323f8b7efe6525736b65baeea53f24aef822"},
        {13, 61, "51f31fe22190c55ba00da9a60c975a3f38cc94901b5f4e19807733387261ee41"},
        {150, 33, "05f67938b1edd3384f01cda66847b6ce845205b481d6c67d2127c03b3b895e3f"},
        {1, 1, "76be8b528d0075f7aae98d6fa57a6d3c83ae480a8469e668d7b0af968995ac71"},
        {300, 7, "9129e718b25db0c3363e0c6fdf44783b540135b8149f2e63134c990591a668dc"},
        {97, 61, "b41ebfda7bae988b79633d8de5f26d9060fc88929fa2c1ea43b0bb2f07560305"},
    };
    for (const Case& c : cases) {
        const cv::Mat out = pb::pilResizeBilinear(src, c.width, c.height);
        ASSERT_EQ(out.type(), CV_8UC1);
        EXPECT_EQ(digest(out), c.sha) << c.width << "x" << c.height;
    }
}

TEST(PilResize, BottleMatchesPillow) {
    PB_REQUIRE_SHARED();
    const cv::Mat rgb =
        pb::decodeImageRgb((pb::test::sharedDir() / "data/mvtec_ad/bottle/test/good/000.png").string());
    ASSERT_EQ(digest(rgb), "691f833e45a45263eb0aa84b7462214a0acd0e1eb57b4f7b32310d89d6cb5e44");
    const Case cases[] = {
        {224, 224, "60a8cc98480bf4923ab2c6d7fe588064513319b571a9f18b58e933fd19ace972"},
        {448, 448, "69ea8e1e2fe34b53f13bb66766d2d9bae7eab24987845fcd55e5b7b9252e6b2d"},
        {392, 300, "ea6256c24753b47f7851116d5c37ec6e54bc9a8066be90bc562b96ba98e9629f"},
        {1000, 123, "da649a078687f0970e4985092574fe97f73bc203072325842bd9148399c16f36"},
    };
    for (const Case& c : cases)
        EXPECT_EQ(digest(pb::pilResizeBilinear(rgb, c.width, c.height)), c.sha) << c.width << "x" << c.height;
}

TEST(PilResize, NotOpenCvInterLinearOnDownscale) {
    // The reason this file exists: a plain 2x2 bilinear sample aliases noise on a shrink.
    const cv::Mat src = noiseImage(97, 61, 1);
    const cv::Mat pil = pb::pilResizeBilinear(src, 20, 12);
    cv::Scalar mean, sd;
    cv::meanStdDev(pil, mean, sd);
    EXPECT_LT(sd[0], 30.0);  // averaging ~20 noisy pixels per output flattens it (noise sd is ~74)
}

TEST(PilResize, RejectsUnsupportedInput) {
    EXPECT_THROW(pb::pilResizeBilinear(cv::Mat(), 4, 4), pb::Error);
    EXPECT_THROW(pb::pilResizeBilinear(cv::Mat(4, 4, CV_32FC1), 2, 2), pb::Error);
    EXPECT_THROW(pb::pilResizeBilinear(cv::Mat(4, 4, CV_8UC4), 2, 2), pb::Error);
    EXPECT_THROW(pb::pilResizeBilinear(cv::Mat(4, 4, CV_8UC3), 0, 2), pb::Error);
}
