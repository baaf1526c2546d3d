// Internal to engine/backbone (LibTorch): timm's resnet18 / resnet50 / wide_resnet50_2 (the
// torchvision layout: stride on the 3x3 conv, 1x1 conv + BN shortcut), read from a timm-format
// state dict. Taps: act1 (the stem, stride 2) and layer1 .. layer4.
#pragma once
#include "engine/backbone/CnnArchitecture.h"

namespace pb {

class ResNet : public CnnArchitecture {
public:
    // bottleneck = false: BasicBlock (resnet18/34); widthFactor scales the bottleneck width (2 = wide).
    ResNet(std::string name, std::vector<int> depths, bool bottleneck, int widthFactor);

    std::string name() const override { return name_; }
    std::vector<TensorSpec> bodySpecs() const override;
    std::vector<TensorSpec> headSpecs() const override;
    void load(const WeightReader& read, bool withHead) override;
    void to(const torch::Device& device) override;

    std::vector<std::string> tapNames() const override { return {"act1", "layer1", "layer2", "layer3", "layer4"}; }
    std::vector<int> tapStrides() const override { return {2, 4, 8, 16, 32}; }
    std::vector<int> tapChannels() const override;
    std::vector<std::string> defaultTaps() const override { return {"layer2", "layer3"}; }
    std::vector<std::string> featureStages() const override { return {"act1", "layer1", "layer2", "layer3", "layer4"}; }

    std::vector<torch::Tensor> forward(const torch::Tensor& x, const std::vector<bool>& wanted,
                                       torch::Tensor* logits) const override;

private:
    struct Block {
        std::vector<ConvBn> convs;  // 2 (basic) or 3 (bottleneck), ReLU between them
        bool hasDownsample = false;
        ConvBn downsample;
    };

    std::string name_;
    ConvBn stem_;
    std::vector<std::vector<Block>> layers_;
    std::vector<int> channels_;
    Linear fc_;
};

}  // namespace pb
