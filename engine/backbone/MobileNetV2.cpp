#include "engine/backbone/MobileNetV2.h"

namespace pb {

namespace {

// timm mobilenetv2_100: stage depths, output channels and first-block strides after blocks.0.
constexpr int kDepths[] = {1, 2, 3, 4, 3, 3, 1};
constexpr int kChannels[] = {16, 24, 32, 64, 96, 160, 320};
constexpr int kStrides[] = {1, 2, 2, 2, 1, 2, 1};
constexpr int kExpand = 6;
constexpr int kStemChannels = 32;
constexpr int kHeadChannels = 1280;
constexpr int kClasses = 1000;

torch::Tensor reluSix(torch::Tensor x) { return x.clamp_(0.0, 6.0); }

}  // namespace

MobileNetV2::MobileNetV2() {
    stem_ = ConvBn("conv_stem", "bn1", 3, kStemChannels, 3, 2);
    int64_t in = kStemChannels;
    for (int s = 0; s < 7; ++s) {
        std::vector<Block> stage;
        for (int b = 0; b < kDepths[s]; ++b) {
            const std::string p = "blocks." + std::to_string(s) + "." + std::to_string(b) + ".";
            const int64_t out = kChannels[s];
            const int64_t stride = b == 0 ? kStrides[s] : 1;
            Block block;
            if (s == 0) {
                block.convs = {ConvBn(p + "conv_dw", p + "bn1", in, in, 3, stride, in),
                               ConvBn(p + "conv_pw", p + "bn2", in, out, 1, 1)};
                block.residual = false;  // timm: no skip in the first depthwise-separable block
            } else {
                const int64_t mid = in * kExpand;
                block.convs = {ConvBn(p + "conv_pw", p + "bn1", in, mid, 1, 1),
                               ConvBn(p + "conv_dw", p + "bn2", mid, mid, 3, stride, mid),
                               ConvBn(p + "conv_pwl", p + "bn3", mid, out, 1, 1)};
                block.residual = stride == 1 && in == out;
            }
            stage.push_back(std::move(block));
            in = out;
        }
        stages_.push_back(std::move(stage));
    }
    head_ = ConvBn("conv_head", "bn2", in, kHeadChannels, 1, 1);
    classifier_ = Linear("classifier", kHeadChannels, kClasses);
}

std::vector<TensorSpec> MobileNetV2::bodySpecs() const {
    std::vector<TensorSpec> specs;
    stem_.appendSpecs(specs);
    for (const auto& stage : stages_)
        for (const auto& block : stage)
            for (const auto& conv : block.convs) conv.appendSpecs(specs);
    return specs;
}

std::vector<TensorSpec> MobileNetV2::headSpecs() const {
    std::vector<TensorSpec> specs;
    head_.appendSpecs(specs);
    classifier_.appendSpecs(specs);
    return specs;
}

void MobileNetV2::load(const WeightReader& read, bool withHead) {
    stem_.load(read);
    for (auto& stage : stages_)
        for (auto& block : stage)
            for (auto& conv : block.convs) conv.load(read);
    if (withHead) {
        head_.load(read);
        classifier_.load(read);
    }
}

void MobileNetV2::to(const torch::Device& device) {
    stem_.to(device);
    for (auto& stage : stages_)
        for (auto& block : stage)
            for (auto& conv : block.convs) conv.to(device);
    head_.to(device);
    classifier_.to(device);
}

std::vector<std::string> MobileNetV2::tapNames() const {
    std::vector<std::string> names;
    for (int s = 0; s < 7; ++s) names.push_back("blocks." + std::to_string(s));
    return names;
}

std::vector<int> MobileNetV2::tapStrides() const { return {2, 4, 8, 16, 16, 32, 32}; }

std::vector<int> MobileNetV2::tapChannels() const { return std::vector<int>(std::begin(kChannels), std::end(kChannels)); }

std::vector<torch::Tensor> MobileNetV2::forward(const torch::Tensor& input, const std::vector<bool>& wanted,
                                                torch::Tensor* logits) const {
    std::vector<torch::Tensor> taps(stages_.size());
    int last = -1;
    for (std::size_t i = 0; i < wanted.size(); ++i)
        if (wanted[i]) last = static_cast<int>(i);
    if (logits) last = static_cast<int>(stages_.size()) - 1;

    torch::Tensor x = reluSix(stem_(input));
    for (int s = 0; s <= last; ++s) {
        for (const auto& block : stages_[s]) {
            torch::Tensor y = x;
            for (std::size_t c = 0; c < block.convs.size(); ++c) {
                y = block.convs[c](y);
                if (c + 1 < block.convs.size()) y = reluSix(y);  // no activation after the projection
            }
            x = block.residual ? y.add_(x) : y;
        }
        if (s < static_cast<int>(wanted.size()) && wanted[s]) taps[s] = x;
    }
    if (logits) {
        x = reluSix(head_(x));
        *logits = classifier_(x.mean({2, 3}));
    }
    return taps;
}

}  // namespace pb
