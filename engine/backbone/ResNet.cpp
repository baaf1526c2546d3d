#include "engine/backbone/ResNet.h"

namespace pb {

ResNet::ResNet(std::string name, std::vector<int> depths, bool bottleneck, int widthFactor) : name_(std::move(name)) {
    stem_ = ConvBn("conv1", "bn1", 3, 64, 7, 2);
    const int64_t expansion = bottleneck ? 4 : 1;
    int64_t in = 64;
    for (int l = 0; l < 4; ++l) {
        const int64_t planes = int64_t{64} << l;
        const int64_t width = planes * widthFactor;
        const int64_t out = planes * expansion;
        std::vector<Block> layer;
        for (int b = 0; b < depths[l]; ++b) {
            const std::string p = "layer" + std::to_string(l + 1) + "." + std::to_string(b) + ".";
            const int64_t stride = (b == 0 && l > 0) ? 2 : 1;
            Block block;
            if (bottleneck) {
                block.convs = {ConvBn(p + "conv1", p + "bn1", in, width, 1, 1),
                               ConvBn(p + "conv2", p + "bn2", width, width, 3, stride),
                               ConvBn(p + "conv3", p + "bn3", width, out, 1, 1)};
            } else {
                block.convs = {ConvBn(p + "conv1", p + "bn1", in, out, 3, stride),
                               ConvBn(p + "conv2", p + "bn2", out, out, 3, 1)};
            }
            if (stride != 1 || in != out) {
                block.hasDownsample = true;
                block.downsample = ConvBn(p + "downsample.0", p + "downsample.1", in, out, 1, stride);
            }
            layer.push_back(std::move(block));
            in = out;
        }
        layers_.push_back(std::move(layer));
        channels_.push_back(static_cast<int>(out));
    }
    fc_ = Linear("fc", in, 1000);
}

std::vector<TensorSpec> ResNet::bodySpecs() const {
    std::vector<TensorSpec> specs;
    stem_.appendSpecs(specs);
    for (const auto& layer : layers_)
        for (const auto& block : layer) {
            for (const auto& conv : block.convs) conv.appendSpecs(specs);
            if (block.hasDownsample) block.downsample.appendSpecs(specs);
        }
    return specs;
}

std::vector<TensorSpec> ResNet::headSpecs() const {
    std::vector<TensorSpec> specs;
    fc_.appendSpecs(specs);
    return specs;
}

void ResNet::load(const WeightReader& read, bool withHead) {
    stem_.load(read);
    for (auto& layer : layers_)
        for (auto& block : layer) {
            for (auto& conv : block.convs) conv.load(read);
            if (block.hasDownsample) block.downsample.load(read);
        }
    if (withHead) fc_.load(read);
}

void ResNet::to(const torch::Device& device) {
    stem_.to(device);
    for (auto& layer : layers_)
        for (auto& block : layer) {
            for (auto& conv : block.convs) conv.to(device);
            if (block.hasDownsample) block.downsample.to(device);
        }
    fc_.to(device);
}

std::vector<int> ResNet::tapChannels() const {
    std::vector<int> channels{64};
    channels.insert(channels.end(), channels_.begin(), channels_.end());
    return channels;
}

std::vector<torch::Tensor> ResNet::forward(const torch::Tensor& input, const std::vector<bool>& wanted,
                                           torch::Tensor* logits) const {
    // Tap 0 is the stem (act1), taps 1..4 are layer1..layer4.
    std::vector<torch::Tensor> taps(layers_.size() + 1);
    int last = -1;
    for (std::size_t i = 0; i < wanted.size(); ++i)
        if (wanted[i]) last = static_cast<int>(i);
    if (logits) last = static_cast<int>(layers_.size());

    torch::Tensor x = stem_(input).relu_();
    if (!wanted.empty() && wanted[0]) taps[0] = x;
    if (last < 1) return taps;
    x = at::max_pool2d(x, {3, 3}, {2, 2}, {1, 1});
    for (int l = 0; l < last; ++l) {
        for (const auto& block : layers_[l]) {
            torch::Tensor y = x;
            for (std::size_t c = 0; c < block.convs.size(); ++c) {
                y = block.convs[c](y);
                if (c + 1 < block.convs.size()) y.relu_();
            }
            const torch::Tensor shortcut = block.hasDownsample ? block.downsample(x) : x;
            x = y.add_(shortcut).relu_();
        }
        if (l + 1 < static_cast<int>(wanted.size()) && wanted[l + 1]) taps[l + 1] = x;
    }
    if (logits) *logits = fc_(x.mean({2, 3}));
    return taps;
}

}  // namespace pb
