// The statistics of the method comparisons and patch purification against scipy 1.10.1, scikit-learn
// 1.2.1 and numpy 1.24.2: expected values in tests/data/stats/reference.json, written by
// tests/data/stats/generate.py (which says how to re-run it).
#include <gtest/gtest.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/stats/Bootstrap.h"
#include "engine/stats/LedoitWolf.h"
#include "engine/stats/MultipleTesting.h"
#include "engine/stats/SignedRankTest.h"
#include "engine/util/Error.h"

namespace {

using nlohmann::json;
using namespace pb::stats;

const json& reference() {
    static const json j = [] {
        const std::string path = PATCHBANK_SOURCE_DIR "/tests/data/stats/reference.json";
        std::ifstream in(path);
        if (!in) throw std::runtime_error("cannot read " + path);
        return json::parse(in);
    }();
    return j;
}

std::vector<double> doubles(const json& j) { return j.get<std::vector<double>>(); }

// Row-major float data in the JSON to an Eigen matrix (its values are float32s written shortest).
Eigen::MatrixXf floatMatrix(const json& values, std::size_t rows, std::size_t cols) {
    const auto v = doubles(values);
    Eigen::MatrixXf m(rows, cols);
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < cols; ++c) m(r, c) = static_cast<float>(v[r * cols + c]);
    return m;
}

SignedRankResult runCase(const json& c) {
    return c.contains("y") ? wilcoxonSignedRank(doubles(c["x"]), doubles(c["y"])) : wilcoxonSignedRank(doubles(c["x"]));
}

void expectRelative(double actual, double expected, double tolerance, const std::string& what) {
    EXPECT_LE(std::abs(actual - expected), tolerance * std::abs(expected))
        << what << ": " << actual << " vs " << expected;
}

}  // namespace

// --- Wilcoxon signed-rank test --------------------------------------------------------------------------

TEST(SignedRankTest, MatchesScipyExact) {
    int cases = 0;
    for (const auto& c : reference()["wilcoxon"]) {
        if (!c["exact"].get<bool>()) continue;
        ++cases;
        const auto r = runCase(c);
        const std::string name = c["name"];
        EXPECT_TRUE(r.exact) << name;
        EXPECT_EQ(r.statistic, c["statistic"].get<double>()) << name;
        // Sums of multiples of 2^-n below 1 are exact: the p-values agree bit for bit.
        EXPECT_EQ(r.pValue, c["pvalue"].get<double>()) << name;
        expectRelative(r.pValue, c["pvalue"], 1e-12, name);
    }
    EXPECT_GE(cases, 8);
}

TEST(SignedRankTest, MatchesScipyNormalApproximation) {
    int cases = 0;
    for (const auto& c : reference()["wilcoxon"]) {
        if (c["exact"].get<bool>()) continue;
        ++cases;
        const auto r = runCase(c);
        const std::string name = c["name"];
        EXPECT_FALSE(r.exact) << name;
        EXPECT_EQ(r.statistic, c["statistic"].get<double>()) << name;
        // std::erfc against scipy's cephes ndtr: a few ulps apart.
        expectRelative(r.pValue, c["pvalue"], 1e-12, name);
    }
    EXPECT_GE(cases, 5);
}

// scipy's method="auto": exact up to 50 differences unless one is zero; the zeros are then dropped.
TEST(SignedRankTest, ChoosesScipysBranchAndCount) {
    for (const auto& c : reference()["wilcoxon"]) {
        const auto r = runCase(c);
        const std::string name = c["name"];
        EXPECT_EQ(r.exact, c["exact"].get<bool>()) << name;
        EXPECT_EQ(r.n, c["n"].get<std::size_t>()) << name;
    }
    std::vector<double> fifty(50);
    std::iota(fifty.begin(), fifty.end(), 1.0);
    EXPECT_TRUE(wilcoxonSignedRank(fifty).exact);
    fifty.push_back(51);
    EXPECT_FALSE(wilcoxonSignedRank(fifty).exact);
    EXPECT_FALSE(wilcoxonSignedRank({1, 2, 0, -3, 4}).exact);
    EXPECT_TRUE(wilcoxonSignedRank({1, 2, 2, -3, 4}).exact);  // ties alone keep the exact path
}

TEST(SignedRankTest, ExactDistributionTails) {
    // Ten positive differences: R+ = 55 is the largest of 2^10 equally likely sign patterns.
    std::vector<double> d(10);
    std::iota(d.begin(), d.end(), 1.0);
    auto r = wilcoxonSignedRank(d);
    EXPECT_EQ(r.statistic, 0.0);
    EXPECT_EQ(r.pValue, 2.0 / 1024.0);
    // Fifty: the counts reach 2^50 without losing a bit.
    d.resize(50);
    std::iota(d.begin(), d.end(), 1.0);
    r = wilcoxonSignedRank(d);
    EXPECT_TRUE(r.exact);
    EXPECT_EQ(r.pValue, std::ldexp(1.0, -49));
}

TEST(SignedRankTest, PairedEqualsDifferencesAndIsSymmetric) {
    const auto& c = reference()["wilcoxon"][1];
    const auto x = doubles(c["x"]);
    const auto y = doubles(c["y"]);
    std::vector<double> d(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) d[i] = x[i] - y[i];
    const auto paired = wilcoxonSignedRank(x, y);
    const auto single = wilcoxonSignedRank(d);
    const auto swapped = wilcoxonSignedRank(y, x);
    EXPECT_EQ(paired.statistic, single.statistic);
    EXPECT_EQ(paired.pValue, single.pValue);
    EXPECT_EQ(paired.statistic, swapped.statistic);
    EXPECT_EQ(paired.pValue, swapped.pValue);
}

TEST(SignedRankTest, EdgeCasesAndErrors) {
    const auto empty = wilcoxonSignedRank(std::vector<double>{});
    EXPECT_TRUE(std::isnan(empty.statistic));
    EXPECT_TRUE(std::isnan(empty.pValue));
    EXPECT_EQ(empty.n, 0u);
    EXPECT_THROW(wilcoxonSignedRank({1.0, 2.0}, {1.0}), pb::Error);
    EXPECT_THROW(wilcoxonSignedRank({1.0, std::nan(""), 2.0}), pb::Error);
    EXPECT_THROW(wilcoxonSignedRank({0.5, 0.25}, {0.5, 0.25}), pb::Error);  // all zero, as scipy
}

// --- Holm ------------------------------------------------------------------------------------------------

TEST(HolmAdjust, MatchesStatsmodelsFormula) {
    for (const auto& c : reference()["holm"]) {
        const auto adjusted = holmAdjust(doubles(c["p"]));
        const auto expected = doubles(c["adjusted"]);
        ASSERT_EQ(adjusted.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_DOUBLE_EQ(adjusted[i], expected[i]) << i;
    }
}

TEST(HolmAdjust, MonotoneCappedAndValidated) {
    const std::vector<double> p{0.04, 0.001, 0.3, 0.02, 0.5, 0.02};
    const auto a = holmAdjust(p);
    std::vector<std::size_t> order(p.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) { return p[i] < p[j]; });
    for (std::size_t k = 0; k < p.size(); ++k) {
        EXPECT_GE(a[order[k]], p[order[k]]);
        EXPECT_LE(a[order[k]], 1.0);
        if (k > 0) {
            EXPECT_GE(a[order[k]], a[order[k - 1]]);
        }
    }
    EXPECT_EQ(a[3], a[5]);  // tied p-values, tied adjustments
    EXPECT_TRUE(holmAdjust({}).empty());
    EXPECT_THROW(holmAdjust({0.1, std::nan("")}), pb::Error);
    EXPECT_THROW(holmAdjust({0.1, 1.5}), pb::Error);
    EXPECT_THROW(holmAdjust({-0.1}), pb::Error);
}

// --- Bootstrap -------------------------------------------------------------------------------------------

namespace {

// Monte Carlo standard error of the q-quantile of B bootstrap means: sqrt(q(1-q)/B) / density at the
// quantile, the means taken as normal with sd sigma/sqrt(n) (sigma with ddof 0: resampling draws from
// the sample itself).
double quantileStandardError(const std::vector<double>& sample, double q, double resamples) {
    const double n = static_cast<double>(sample.size());
    const double mean = std::accumulate(sample.begin(), sample.end(), 0.0) / n;
    double ss = 0;
    for (double v : sample) ss += (v - mean) * (v - mean);
    const double sd = std::sqrt(ss / n) / std::sqrt(n);
    // z of the q-quantile for the levels tested here (0.95 and 0.90 two-sided).
    const double z = q < 0.04 || q > 0.96 ? 1.959963984540054 : 1.6448536269514722;
    const double density = std::exp(-0.5 * z * z) / std::sqrt(2.0 * 3.14159265358979323846) / sd;
    return std::sqrt(q * (1.0 - q) / resamples) / density;
}

}  // namespace

TEST(Bootstrap, MatchesScipyPercentileWithinMonteCarloError) {
    const auto& ref = reference()["bootstrap"];
    const auto sample = doubles(ref["sample"]);
    for (const auto& lv : ref["levels"]) {
        const double level = lv["level"];
        const auto ci = bootstrapMeanInterval(sample, 20240611, 10000, level);
        EXPECT_DOUBLE_EQ(ci.mean, ref["mean"].get<double>());
        EXPECT_LT(ci.low, ci.mean);
        EXPECT_GT(ci.high, ci.mean);
        const auto scipy = doubles(lv["scipy_10000"]);
        const auto precise = doubles(lv["numpy_1000000"]);
        const double q = (1.0 - level) / 2.0;
        const double se = quantileStandardError(sample, q, 10000);
        // Different draws: each endpoint is off the true bootstrap quantile by ~N(0, se^2). Against
        // scipy's 10,000 resamples the difference has sd sqrt(2) se, against the 10^6 numpy resamples
        // (their own error se / 10) about 1.005 se. 4 sd leaves a chance below 1e-4 of a false alarm,
        // while a wrong level (0.90 for 0.95 moves the lower end by ~10 se here) or a skewed resampler
        // fails.
        EXPECT_NEAR(ci.low, scipy[0], 4.0 * std::sqrt(2.0) * se) << level;
        EXPECT_NEAR(ci.high, scipy[1], 4.0 * std::sqrt(2.0) * se) << level;
        EXPECT_NEAR(ci.low, precise[0], 4.0 * 1.005 * se) << level;
        EXPECT_NEAR(ci.high, precise[1], 4.0 * 1.005 * se) << level;
    }
}

// Averaged over 64 seeds the endpoints estimate the bootstrap quantiles 8 times more precisely, which
// checks the draws are uniform (a biased index would move them) far below one interval's noise.
TEST(Bootstrap, AverageOverSeedsMatchesPreciseReference) {
    const auto& ref = reference()["bootstrap"];
    const auto sample = doubles(ref["sample"]);
    const auto& lv = ref["levels"][0];
    const auto precise = doubles(lv["numpy_1000000"]);
    constexpr int kSeeds = 64;
    double low = 0;
    double high = 0;
    for (int s = 0; s < kSeeds; ++s) {
        const auto ci = bootstrapMeanInterval(sample, 1000 + s);
        low += ci.low / kSeeds;
        high += ci.high / kSeeds;
    }
    // sd of the average: se * sqrt(1/64 + 1/100) (the reference's own error included).
    const double sd = quantileStandardError(sample, 0.025, 10000) * std::sqrt(1.0 / 64 + 1.0 / 100);
    EXPECT_NEAR(low, precise[0], 4.0 * sd);
    EXPECT_NEAR(high, precise[1], 4.0 * sd);
}

TEST(Bootstrap, DeterministicNestedAndValidated) {
    const auto sample = doubles(reference()["bootstrap"]["sample"]);
    const auto a = bootstrapMeanInterval(sample, 7);
    const auto b = bootstrapMeanInterval(sample, 7);
    const auto c = bootstrapMeanInterval(sample, 8);
    EXPECT_EQ(a.low, b.low);
    EXPECT_EQ(a.high, b.high);
    EXPECT_TRUE(a.low != c.low || a.high != c.high);
    // The same draws at two levels: the wider level's interval holds the narrower one.
    const auto wide = bootstrapMeanInterval(sample, 7, 10000, 0.99);
    const auto narrow = bootstrapMeanInterval(sample, 7, 10000, 0.5);
    EXPECT_LE(wide.low, a.low);
    EXPECT_GE(wide.high, a.high);
    EXPECT_GE(narrow.low, a.low);
    EXPECT_LE(narrow.high, a.high);
    const auto constant = bootstrapMeanInterval({0.25, 0.25, 0.25}, 1, 500);
    EXPECT_EQ(constant.low, 0.25);
    EXPECT_EQ(constant.high, 0.25);
    EXPECT_THROW(bootstrapMeanInterval({}, 1), pb::Error);
    EXPECT_THROW(bootstrapMeanInterval({1.0}, 1, 0), pb::Error);
    EXPECT_THROW(bootstrapMeanInterval({1.0}, 1, 100, 1.0), pb::Error);
    EXPECT_THROW(bootstrapMeanInterval({1.0, std::nan("")}, 1), pb::Error);
}

// --- Ledoit-Wolf and the Mahalanobis distance ------------------------------------------------------------

TEST(LedoitWolf, MatchesScikitLearn) {
    for (const auto& c : reference()["ledoit_wolf"]) {
        const std::string name = c["name"];
        const std::size_t rows = c["rows"];
        const std::size_t cols = c["cols"];
        const auto lw = ledoitWolf(floatMatrix(c["data"], rows, cols));
        const auto location = doubles(c["location"]);
        const auto covariance = doubles(c["covariance"]);
        ASSERT_EQ(lw.mean.size(), static_cast<Eigen::Index>(cols));
        ASSERT_EQ(lw.covariance.rows(), static_cast<Eigen::Index>(cols));
        // Same formulae, other summation orders (numpy's pairwise sums and BLAS): ~1e-15 relative.
        expectRelative(lw.shrinkage, c["shrinkage"], 1e-9, name + " shrinkage");
        for (std::size_t j = 0; j < cols; ++j)
            EXPECT_NEAR(lw.mean[j], location[j], 1e-12 * std::max(1.0, std::abs(location[j]))) << name;
        double scale = 0;
        for (double v : covariance) scale = std::max(scale, std::abs(v));
        for (std::size_t i = 0; i < cols; ++i)
            for (std::size_t j = 0; j < cols; ++j)
                EXPECT_NEAR(lw.covariance(i, j), covariance[i * cols + j], 1e-9 * scale)
                    << name << " " << i << "," << j;
    }
}

TEST(LedoitWolf, MahalanobisMatchesScikitLearn) {
    for (const auto& c : reference()["ledoit_wolf"]) {
        const std::string name = c["name"];
        const std::size_t rows = c["rows"];
        const std::size_t cols = c["cols"];
        const MahalanobisScorer scorer(ledoitWolf(floatMatrix(c["data"], rows, cols)));
        EXPECT_FALSE(scorer.euclidean()) << name;
        const auto expected = doubles(c["mahalanobis"]);
        const Eigen::MatrixXf queries = floatMatrix(c["queries"], expected.size(), cols);
        const Eigen::VectorXd d = scorer.distances(queries);
        for (std::size_t i = 0; i < expected.size(); ++i) {
            // sklearn inverts with pinvh (an eigendecomposition), this with Cholesky.
            expectRelative(d[i], expected[i], 1e-9, name);
            const Eigen::VectorXd q = queries.row(i).transpose().cast<double>();
            expectRelative(scorer.distance(q), d[i], 1e-12, name + " one point");
        }
    }
}

TEST(LedoitWolf, OneFeatureIsTheVariance) {
    Eigen::MatrixXf x(4, 1);
    x << 1.0f, 2.0f, 4.0f, 9.0f;
    const auto lw = ledoitWolf(x);
    EXPECT_EQ(lw.shrinkage, 0.0);
    EXPECT_DOUBLE_EQ(lw.mean[0], 4.0);
    EXPECT_DOUBLE_EQ(lw.covariance(0, 0), (9.0 + 4.0 + 0.0 + 25.0) / 4.0);
}

TEST(LedoitWolf, SingularCovarianceFallsBackToEuclidean) {
    // Every row the same: zero covariance, nothing to invert.
    Eigen::MatrixXf same(5, 3);
    same.rowwise() = Eigen::RowVector3f(1.0f, -2.0f, 0.5f);
    const MahalanobisScorer flat(ledoitWolf(same));
    EXPECT_TRUE(flat.euclidean());
    EXPECT_DOUBLE_EQ(flat.distance(Eigen::Vector3d(4.0, 2.0, 0.5)), 5.0);
    Eigen::MatrixXf q(1, 3);
    q << 1.0f, -2.0f, 0.5f;
    EXPECT_EQ(flat.distances(q)[0], 0.0);

    // A rank-one covariance given directly: Cholesky loses its second pivot.
    ShrunkCovariance rankOne{Eigen::Vector2d(1.0, 1.0), Eigen::Matrix2d::Constant(2.0), 0.0};
    const MahalanobisScorer line(rankOne);
    EXPECT_TRUE(line.euclidean());
    EXPECT_DOUBLE_EQ(line.distance(Eigen::Vector2d(4.0, 5.0)), 5.0);
}

TEST(LedoitWolf, ValidatesInput) {
    EXPECT_THROW(ledoitWolf(Eigen::MatrixXf(0, 3)), pb::Error);
    EXPECT_THROW(ledoitWolf(Eigen::MatrixXf(3, 0)), pb::Error);
    Eigen::MatrixXf bad = Eigen::MatrixXf::Ones(3, 2);
    bad(1, 1) = std::numeric_limits<float>::quiet_NaN();
    EXPECT_THROW(ledoitWolf(bad), pb::Error);
    const MahalanobisScorer scorer(ledoitWolf(Eigen::MatrixXf::Random(10, 3)));
    EXPECT_THROW(scorer.distance(Eigen::Vector2d(0, 0)), pb::Error);
    EXPECT_THROW(scorer.distances(Eigen::MatrixXf::Zero(2, 4)), pb::Error);
}
