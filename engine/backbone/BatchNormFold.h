// Inference-form BatchNorm folded into the bias-free convolution before it, so that a
// conv + BN pair of a CNN costs one convolution: y = conv(x, w * s) + (beta - mean * s),
// s = gamma / sqrt(running_var + eps). Plain C++ so that tests can check the arithmetic.
#pragma once
#include <vector>

namespace pb {

struct BatchNormParams {
    std::vector<float> weight;  // gamma
    std::vector<float> bias;    // beta
    std::vector<float> runningMean;
    std::vector<float> runningVar;
    double eps = 1e-5;  // timm / torchvision default
};

// Scales each output channel's filter of `convWeight` ([out][...] row-major, out = bn size) in place
// and returns the per-channel bias. Throws pb::Error when sizes disagree.
std::vector<float> foldBatchNorm(std::vector<float>& convWeight, const BatchNormParams& bn);

}  // namespace pb
