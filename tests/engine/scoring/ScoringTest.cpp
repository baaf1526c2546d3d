// Image score rules, patch scores and anomaly-map resampling against numpy/scipy/torch values
// computed once on the inputs built here.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

#include <opencv2/core.hpp>

#include "engine/scoring/AnomalyMap.h"
#include "engine/scoring/ImageScoreRule.h"
#include "engine/scoring/PatchScorer.h"
#include "engine/util/Error.h"

namespace {

struct Lcg {
    std::uint32_t s;
    double next() {
        s = s * 1664525u + 1013904223u;
        return static_cast<double>(s >> 8) / 16777216.0;
    }
};

cv::Mat lcgMap(std::uint32_t seed, int rows, int cols) {
    Lcg g{seed};
    cv::Mat m(rows, cols, CV_32F);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) m.at<float>(r, c) = static_cast<float>(g.next());
    return m;
}

void expectMapNear(const cv::Mat& got, const std::vector<double>& want, int rows, int cols, double tol) {
    ASSERT_EQ(got.type(), CV_32F);
    ASSERT_EQ(got.rows, rows);
    ASSERT_EQ(got.cols, cols);
    ASSERT_EQ(want.size(), static_cast<std::size_t>(rows * cols));
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            EXPECT_NEAR(got.at<float>(r, c), want[static_cast<std::size_t>(r * cols + c)], tol) << r << "," << c;
}

}  // namespace

TEST(ImageScoreRule, P95IsTheOrderStatistic744Of784) {
    // Values 0..783 shuffled: the order statistic at index ceil(0.95*784)-1 = 744 is 744,
    // where an interpolated np.percentile would give 743.85.
    std::vector<float> v(784);
    std::iota(v.begin(), v.end(), 0.0f);
    Lcg g{5};
    for (std::size_t i = v.size() - 1; i > 0; --i) std::swap(v[i], v[static_cast<std::size_t>(g.next() * (i + 1))]);
    EXPECT_EQ(pb::imageScore(v, pb::ImageScoreRule::P95), 744.0);
    EXPECT_EQ(pb::imageScore(v, pb::ImageScoreRule::Max), 783.0);
    EXPECT_DOUBLE_EQ(pb::imageScore(v, pb::ImageScoreRule::TopKMean, 10), (783.0 + 774.0) / 2.0);
    // 1% of 784 -> the 7 largest.
    EXPECT_DOUBLE_EQ(pb::imageScore(v, pb::ImageScoreRule::TopPercentMean), (783.0 + 777.0) / 2.0);

    std::vector<float> twenty(20);
    std::iota(twenty.begin(), twenty.end(), 0.0f);
    EXPECT_EQ(pb::imageScore(twenty, pb::ImageScoreRule::P95), 18.0);  // ceil(0.95*20)-1 = 18
    EXPECT_EQ(pb::imageScore(std::vector<float>{3.5f}, pb::ImageScoreRule::P95), 3.5);
    EXPECT_DOUBLE_EQ(pb::imageScore(std::vector<float>{1, 2, 3}, pb::ImageScoreRule::TopKMean, 10), 2.0);

    cv::Mat map(28, 28, CV_32F, v.data());
    EXPECT_EQ(pb::imageScore(map, pb::ImageScoreRule::P95), 744.0);
    EXPECT_THROW(pb::imageScore(std::vector<float>{}, pb::ImageScoreRule::Max), pb::Error);
    EXPECT_THROW(pb::imageScore(v, pb::ImageScoreRule::TopKMean, 0), pb::Error);
}

TEST(ImageScoreRule, NamesRoundTrip) {
    for (auto rule : {pb::ImageScoreRule::P95, pb::ImageScoreRule::Max, pb::ImageScoreRule::TopKMean,
                      pb::ImageScoreRule::TopPercentMean})
        EXPECT_EQ(pb::imageScoreRuleFromString(pb::toString(rule)), rule);
    EXPECT_EQ(pb::imageScoreRuleFromString("top1pct"), pb::ImageScoreRule::TopPercentMean);
    EXPECT_THROW(pb::imageScoreRuleFromString("p99"), pb::Error);
}

TEST(PatchScorer, MeanOfKNearest) {
    const std::vector<float> d{1, 2, 3, 4, 5, 0, 0, 0, 0, 0, 0.5f, 0.5f, 1, 1, 2};
    const auto s = pb::patchScoresFromDistances(d.data(), 3, 5);
    ASSERT_EQ(s.size(), 3u);
    EXPECT_FLOAT_EQ(s[0], 3.0f);
    EXPECT_FLOAT_EQ(s[1], 0.0f);
    EXPECT_FLOAT_EQ(s[2], 1.0f);
    const std::vector<float> sq{9, 16, 25, 0, -1e-7f, 4};
    const auto e = pb::patchScoresFromDistances(sq.data(), 2, 3, true);
    EXPECT_FLOAT_EQ(e[0], 4.0f);
    EXPECT_FLOAT_EQ(e[1], 2.0f / 3.0f);
    EXPECT_THROW(pb::patchScoresFromDistances(d.data(), 3, 0), pb::Error);
}

TEST(AnomalyMap, UpsampleAlignCornersMatchesScipyZoomAndTorch) {
    // 4x5 grid -> 17 rows x 13 cols; expected = scipy.ndimage.zoom(order=1, grid_mode=False),
    // which agrees with torch interpolate(bilinear, align_corners=True) to 8.6e-8.
    const cv::Mat grid = lcgMap(2024, 4, 5);
    const std::vector<double> want{
        0.0204740763, 0.30131191, 0.582149744, 0.862987578, 0.798350692, 0.733713806, 0.66907692, 0.642381767,
        0.615686615, 0.588991463, 0.496588667, 0.404185871, 0.311783075, 0.201998148, 0.416058686, 0.630119223,
        0.844179761, 0.802346729, 0.760513697, 0.718680665, 0.64783947, 0.576998276, 0.506157082, 0.475476084,
        0.444795086, 0.414114088, 0.38352222, 0.530805461, 0.678088702, 0.825371943, 0.806342766, 0.787313588,
        0.76828441, 0.653297173, 0.538309937, 0.4233227, 0.4543635, 0.4854043, 0.5164451, 0.565046292,
        0.645552237, 0.726058181, 0.806564126, 0.810338803, 0.814113479, 0.817888156, 0.658754877, 0.499621597,
        0.340488318, 0.433250917, 0.526013515, 0.618776113, 0.746570364, 0.760299012, 0.77402766, 0.787756309,
        0.81433484, 0.84091337, 0.867491901, 0.66421258, 0.460933258, 0.257653937, 0.412138333, 0.566622729,
        0.721107125, 0.928094435, 0.875045788, 0.82199714, 0.768948492, 0.818330877, 0.867713261, 0.917095646,
        0.669670283, 0.422244919, 0.174819555, 0.391025749, 0.607231944, 0.823438138, 0.882206865, 0.843810896,
        0.805414928, 0.767018959, 0.816195381, 0.865371803, 0.914548226, 0.667800521, 0.421052816, 0.174305111,
        0.372152895, 0.570000678, 0.767848462, 0.722613472, 0.739585171, 0.75655687, 0.773528568, 0.81099412,
        0.848459671, 0.885925222, 0.662267027, 0.438608831, 0.214950636, 0.354399905, 0.493849173, 0.633298442,
        0.56302008, 0.635359446, 0.707698812, 0.780038178, 0.805792858, 0.831547538, 0.857302219, 0.656733533,
        0.456164847, 0.255596161, 0.336646914, 0.417697668, 0.498748422, 0.403426688, 0.531133721, 0.658840754,
        0.786547787, 0.800591597, 0.814635406, 0.828679215, 0.651200039, 0.473720862, 0.296241686, 0.318893924,
        0.341546163, 0.364198402, 0.243833296, 0.426907996, 0.609982697, 0.793057397, 0.795390335, 0.797723273,
        0.800056212, 0.645666545, 0.491276878, 0.336887211, 0.301140934, 0.265394658, 0.229648381, 0.184565634,
        0.38664408, 0.588722527, 0.790800974, 0.77286146, 0.754921945, 0.736982431, 0.620034716, 0.503087,
        0.386139285, 0.311344879, 0.236550474, 0.161756068, 0.32594943, 0.474303782, 0.622658134, 0.771012485,
        0.715677356, 0.660342226, 0.605007097, 0.554206217, 0.503405338, 0.452604458, 0.377462695, 0.302320932,
        0.22717917, 0.467333227, 0.561963484, 0.65659374, 0.751223996, 0.658493252, 0.565762507, 0.473031763,
        0.488377719, 0.503723675, 0.519069631, 0.443580511, 0.368091391, 0.292602271, 0.608717024, 0.649623185,
        0.690529346, 0.731435508, 0.601309148, 0.471182788, 0.341056429, 0.42254922, 0.504042012, 0.585534804,
        0.509698326, 0.433861849, 0.358025372, 0.750100821, 0.737282887, 0.724464953, 0.711647019, 0.544125044,
        0.376603069, 0.209081095, 0.356720722, 0.504360349, 0.651999976, 0.575816142, 0.499632308, 0.423448473,
        0.891484618, 0.824942589, 0.758400559, 0.69185853, 0.48694094, 0.28202335, 0.0771057606, 0.290892224,
        0.504678686, 0.718465149, 0.641933958, 0.565402766, 0.488871574};
    const cv::Mat up = pb::upsampleAlignCorners(grid, 13, 17);
    expectMapNear(up, want, 17, 13, 1e-7);
    // Corners map onto corners exactly.
    EXPECT_EQ(up.at<float>(0, 0), grid.at<float>(0, 0));
    EXPECT_EQ(up.at<float>(16, 12), grid.at<float>(3, 4));
    // 28x28 -> 448x448 (x16) keeps every corner value and stays within the grid's range.
    const cv::Mat g28 = lcgMap(7, 28, 28);
    const cv::Mat u448 = pb::upsampleAlignCorners(g28, 448, 448);
    EXPECT_EQ(u448.at<float>(447, 0), g28.at<float>(27, 0));
    EXPECT_EQ(u448.at<float>(0, 447), g28.at<float>(0, 27));
}

TEST(AnomalyMap, PatchScoreGridIsRowMajor) {
    const cv::Mat g = pb::patchScoreGrid({1, 2, 3, 4, 5, 6}, 2, 3);
    EXPECT_EQ(g.at<float>(1, 0), 4.0f);
    EXPECT_EQ(g.at<float>(0, 2), 3.0f);
    EXPECT_THROW(pb::patchScoreGrid({1, 2, 3}, 2, 2), pb::Error);
}

TEST(AnomalyMap, GaussianSmoothMatchesScipyAndTorch) {
    const cv::Mat m = lcgMap(31337, 6, 7);
    // scipy.ndimage.gaussian_filter(sigma=1.5, mode='reflect', radius 2)
    const std::vector<double> reflect{
        0.364715874, 0.418330887, 0.481126689, 0.521224932, 0.559843033, 0.618196556, 0.671713878,
        0.377977794, 0.421575623, 0.467480311, 0.49647806,  0.516533325, 0.550246909, 0.580207514,
        0.431959945, 0.441090206, 0.44973896,  0.463632343, 0.476388837, 0.49746703,  0.509848982,
        0.516541487, 0.482214745, 0.451193307, 0.457909828, 0.476801717, 0.487269631, 0.477540953,
        0.578149182, 0.509321805, 0.456642154, 0.476541956, 0.518662566, 0.522631542, 0.491369737,
        0.597455354, 0.50873571,  0.45193165,  0.492325728, 0.567580447, 0.582570644, 0.550544725};
    // torch: F.pad(mode='reflect') + conv2d with the normalised 5x5 kernel
    const std::vector<double> reflect101{
        0.368861735, 0.385763386, 0.437953223, 0.49052387,  0.535838416, 0.576197615, 0.601229036,
        0.38952341,  0.408149793, 0.450741334, 0.487274838, 0.517627055, 0.541127568, 0.553325963,
        0.438112193, 0.44941719,  0.44973896,  0.463632343, 0.476388837, 0.49831752,  0.496398554,
        0.469335627, 0.470102192, 0.451193307, 0.457909828, 0.476801717, 0.498922864, 0.493321738,
        0.519304017, 0.500425066, 0.454798115, 0.461513112, 0.501714524, 0.547635657, 0.55366625,
        0.542174443, 0.514895857, 0.467989053, 0.472841075, 0.525013622, 0.57360533,  0.586337408};
    // torch: conv2d(padding=2), zero padding
    const std::vector<double> zero{
        0.154057268, 0.240778109, 0.300435006, 0.328553774, 0.352865362, 0.331660985, 0.263818657,
        0.214201056, 0.327666922, 0.400503217, 0.427993462, 0.44668851,  0.40861285,  0.314658224,
        0.278809258, 0.391959687, 0.44973896,  0.463632343, 0.476388837, 0.434834333, 0.32437396,
        0.320535816, 0.411611963, 0.451193307, 0.457909828, 0.476801717, 0.434620819, 0.310693024,
        0.315433182, 0.379050977, 0.40386022,  0.411475314, 0.44132688,  0.406935758, 0.2840993,
        0.237762929, 0.274665319, 0.298188586, 0.315555416, 0.356563456, 0.3324187,   0.233392141};
    expectMapNear(pb::gaussianSmooth(m, 1.5, 5, pb::SmoothBorder::Reflect), reflect, 6, 7, 1e-6);
    expectMapNear(pb::gaussianSmooth(m, 1.5, 5, pb::SmoothBorder::Reflect101), reflect101, 6, 7, 1e-6);
    expectMapNear(pb::gaussianSmooth(m, 1.5, 5, pb::SmoothBorder::Zero), zero, 6, 7, 1e-6);

    // Kernel size from sigma = 2*int(4*sigma+0.5)+1, as scipy's default truncate = 4.
    Lcg g{31337};
    for (int i = 0; i < 42; ++i) g.next();
    cv::Mat big(36, 40, CV_32F);
    for (int r = 0; r < 36; ++r)
        for (int c = 0; c < 40; ++c) big.at<float>(r, c) = static_cast<float>(g.next());
    const cv::Mat s4 = pb::gaussianSmooth(big, 4.0, 0, pb::SmoothBorder::Reflect);
    EXPECT_NEAR(s4.at<float>(0, 0), 0.4965509479057043, 1e-6);
    EXPECT_NEAR(s4.at<float>(17, 21), 0.5079272243257923, 1e-6);
    EXPECT_NEAR(s4.at<float>(35, 39), 0.5344993065186299, 1e-6);
    EXPECT_NEAR(s4.at<float>(5, 30), 0.45122344059351405, 1e-6);

    const cv::Mat same = pb::gaussianSmooth(m, 0.0, 5);
    EXPECT_EQ(cv::norm(same, m, cv::NORM_INF), 0.0);
    EXPECT_THROW(pb::gaussianSmooth(m, 1.0, 4), pb::Error);
}

TEST(AnomalyMap, ToOriginalSizeIsPixelCentreBilinear) {
    // torch interpolate(bilinear, align_corners=False) 4x5 -> 9x11.
    const cv::Mat grid = lcgMap(2024, 4, 5);
    const std::vector<double> want{
        0.0204740763, 0.173658371, 0.556619048, 0.845359325, 0.757218122, 0.66907692,  0.632674456, 0.596271932,
        0.488188386,  0.362184554, 0.311783075, 0.181828812, 0.302636236, 0.604654729, 0.834169447, 0.773669302,
        0.713169098,  0.623256266, 0.533343434, 0.474409252, 0.42321974,  0.402743965, 0.612108111, 0.646577179,
        0.732749879,  0.804329872, 0.817539155, 0.83074832,  0.598141193, 0.365534097, 0.437665015, 0.585980296,
        0.645306408,  0.941315532, 0.9091869,   0.82886523,  0.77920264,  0.852176011, 0.925149262, 0.577013731,
        0.228878245,  0.398680598, 0.697967231, 0.817681789, 0.56302011,  0.602477908, 0.701122522, 0.787062168,
        0.822182178,  0.857302189, 0.583799422, 0.310296655, 0.344015211, 0.454538941, 0.498748422, 0.184724599,
        0.295768946,  0.573379755, 0.794921696, 0.792188406, 0.789455056, 0.590585053, 0.39171508,  0.289349794,
        0.211110651,  0.179815009, 0.430678189, 0.489892036, 0.637926698, 0.733708262, 0.620477915, 0.507247567,
        0.504788637,  0.502329707, 0.419584364, 0.316767454, 0.275640726, 0.765810192, 0.755562544, 0.729943514,
        0.66262728,   0.42852217,  0.194417179, 0.405766219, 0.617115259, 0.576233208, 0.472293556, 0.430717707,
        0.891484618,  0.855188966, 0.764449835, 0.635971904, 0.356538802, 0.0771058053, 0.368632823, 0.660159826,
        0.634976566,  0.530615866, 0.488871574};
    expectMapNear(pb::toOriginalSize(grid, 11, 9), want, 9, 11, 1e-6);
}

TEST(AnomalyMap, UncropPlacesTheCropBackWithoutLosingTheFrame) {
    // Resize 448 -> centre crop 392 (offset 28), original 448x448: no scaling, so the
    // frame is exact: fill outside the crop, the map inside.
    cv::Mat crop(392, 392, CV_32F, cv::Scalar(2.0f));
    crop.at<float>(0, 0) = 5.0f;
    const cv::Mat out = pb::uncropToOriginal(crop, 448, 448, 392, 392, 448, 448, -1.0f);
    ASSERT_EQ(out.size(), cv::Size(448, 448));
    EXPECT_EQ(out.at<float>(27, 27), -1.0f);
    EXPECT_EQ(out.at<float>(28, 28), 5.0f);
    EXPECT_EQ(out.at<float>(28 + 391, 28 + 391), 2.0f);
    EXPECT_EQ(out.at<float>(420, 420), -1.0f);
    // Odd margin: torchvision's int(round(...)) rounds half to even.
    EXPECT_EQ(pb::centerCropOffset(5, 2), 2);   // round(1.5) = 2
    EXPECT_EQ(pb::centerCropOffset(7, 2), 2);   // round(2.5) = 2
    EXPECT_EQ(pb::centerCropOffset(448, 392), 28);
    // Scaled to a 1024x900 original: the whole original is covered.
    const cv::Mat big = pb::uncropToOriginal(crop, 448, 448, 392, 392, 1024, 900, 0.0f);
    EXPECT_EQ(big.size(), cv::Size(1024, 900));
    EXPECT_EQ(big.at<float>(450, 512), 2.0f);
    EXPECT_EQ(big.at<float>(0, 0), 0.0f);
    EXPECT_THROW(pb::uncropToOriginal(crop, 448, 448, 400, 392, 448, 448, 0.0f), pb::Error);
}
