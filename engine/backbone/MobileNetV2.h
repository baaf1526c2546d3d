// Internal to engine/backbone (LibTorch): timm's mobilenetv2_100 (float), read from a
// timm-format state dict. Taps: blocks.0 .. blocks.6 (the outputs of timm's seven stages).
#pragma once
#include "engine/backbone/CnnArchitecture.h"

namespace pb {

class MobileNetV2 : public CnnArchitecture {
public:
    MobileNetV2();

    std::string name() const override { return "mobilenetv2_100"; }
    std::vector<TensorSpec> bodySpecs() const override;
    std::vector<TensorSpec> headSpecs() const override;
    void load(const WeightReader& read, bool withHead) override;
    void to(const torch::Device& device) override;

    std::vector<std::string> tapNames() const override;
    std::vector<int> tapStrides() const override;
    std::vector<int> tapChannels() const override;
    std::vector<std::string> defaultTaps() const override { return {"blocks.2", "blocks.4"}; }
    std::vector<std::string> featureStages() const override {
        return {"blocks.0", "blocks.1", "blocks.2", "blocks.4", "blocks.6"};
    }

    std::vector<torch::Tensor> forward(const torch::Tensor& x, const std::vector<bool>& wanted,
                                       torch::Tensor* logits) const override;

private:
    // blocks.0.0 is a depthwise-separable conv (dw, pw); the others are inverted residuals (pw, dw, pwl).
    struct Block {
        std::vector<ConvBn> convs;
        bool residual = false;
    };

    ConvBn stem_;
    std::vector<std::vector<Block>> stages_;
    ConvBn head_;
    Linear classifier_;
};

}  // namespace pb
