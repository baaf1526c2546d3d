#include "engine/backbone/BatchNormFold.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "engine/util/Error.h"

namespace {

// Direct 2-D convolution, NCHW with N = 1, zero padding, stride 1, no bias.
std::vector<double> conv(const std::vector<double>& x, int c, int h, int w, const std::vector<float>& weight, int out,
                         int k, const std::vector<float>* bias) {
    const int pad = k / 2;
    std::vector<double> y(static_cast<std::size_t>(out) * h * w);
    for (int o = 0; o < out; ++o)
        for (int i = 0; i < h; ++i)
            for (int j = 0; j < w; ++j) {
                double s = bias ? (*bias)[o] : 0.0;
                for (int ci = 0; ci < c; ++ci)
                    for (int di = 0; di < k; ++di)
                        for (int dj = 0; dj < k; ++dj) {
                            const int yi = i + di - pad, xj = j + dj - pad;
                            if (yi < 0 || yi >= h || xj < 0 || xj >= w) continue;
                            s += weight[((o * c + ci) * k + di) * k + dj] * x[(ci * h + yi) * w + xj];
                        }
                y[(o * h + i) * w + j] = s;
            }
    return y;
}

}  // namespace

// Random statistics (mean far from 0, var far from 1, gamma/beta random): conv then BatchNorm in the
// textbook inference form must equal the folded conv.
TEST(BatchNormFoldTest, FoldedConvEqualsConvThenBatchNorm) {
    std::mt19937 rng(11);
    std::uniform_real_distribution<float> u(-1.0f, 1.0f);
    const int c = 3, h = 5, w = 4, out = 4, k = 3;
    std::vector<double> x(c * h * w);
    for (auto& v : x) v = u(rng) * 2.0;
    std::vector<float> weight(out * c * k * k);
    for (auto& v : weight) v = u(rng);
    pb::BatchNormParams bn;
    for (int o = 0; o < out; ++o) {
        bn.weight.push_back(1.5f * u(rng));
        bn.bias.push_back(u(rng));
        bn.runningMean.push_back(3.0f * u(rng));
        bn.runningVar.push_back(0.05f + 4.0f * std::abs(u(rng)));
    }
    bn.eps = 1e-5;

    const auto plain = conv(x, c, h, w, weight, out, k, nullptr);
    std::vector<float> folded = weight;
    const std::vector<float> bias = pb::foldBatchNorm(folded, bn);
    const auto fused = conv(x, c, h, w, folded, out, k, &bias);

    double maxDiff = 0;
    for (int o = 0; o < out; ++o)
        for (int p = 0; p < h * w; ++p) {
            const double ref = (plain[o * h * w + p] - bn.runningMean[o]) / std::sqrt(double(bn.runningVar[o]) + 1e-5) *
                                   bn.weight[o] +
                               bn.bias[o];
            maxDiff = std::max(maxDiff, std::abs(ref - fused[o * h * w + p]));
        }
    EXPECT_LT(maxDiff, 1e-5);
}

TEST(BatchNormFoldTest, HandValuesAndEps) {
    // One channel: gamma 2, beta 1, mean 3, var 4 - eps, so the scale is exactly 2 / 2 = 1.
    std::vector<float> w = {0.5f, -1.0f};
    pb::BatchNormParams bn{{2.0f}, {1.0f}, {3.0f}, {4.0f - 1e-5f}, 1e-5};
    const auto bias = pb::foldBatchNorm(w, bn);
    EXPECT_NEAR(w[0], 0.5f, 1e-7);
    EXPECT_NEAR(w[1], -1.0f, 1e-7);
    EXPECT_NEAR(bias[0], 1.0f - 3.0f, 1e-6);
    // eps matters: with eps 1e-3 the same numbers give another scale.
    std::vector<float> w2 = {1.0f};
    pb::BatchNormParams bn2{{1.0f}, {0.0f}, {0.0f}, {0.0f}, 1e-3};
    pb::foldBatchNorm(w2, bn2);
    EXPECT_NEAR(w2[0], 1.0 / std::sqrt(1e-3), 1e-3);
}

TEST(BatchNormFoldTest, RejectsMismatchedSizes) {
    std::vector<float> w(10);
    pb::BatchNormParams bn{{1, 1, 1}, {0, 0, 0}, {0, 0, 0}, {1, 1, 1}, 1e-5};
    EXPECT_THROW(pb::foldBatchNorm(w, bn), pb::Error);  // 10 is not a multiple of 3
    std::vector<float> w2(6);
    bn.runningVar.pop_back();
    EXPECT_THROW(pb::foldBatchNorm(w2, bn), pb::Error);
}
