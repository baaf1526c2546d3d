// Internal to engine/backbone (LibTorch; never include from a torch-free file): the two
// layer kinds of the native timm CNNs, holding inference-ready tensors read by timm name.
#pragma once
#include <torch/torch.h>

#include <functional>
#include <string>
#include <vector>

namespace pb {

// One tensor a network expects in its weights file, under its timm state_dict name.
struct TensorSpec {
    std::string name;
    std::vector<int64_t> shape;
};

// Returns the values of one expected tensor (checked against the spec's shape), float32.
using WeightReader = std::function<std::vector<float>(const TensorSpec&)>;

// A bias-free convolution followed by an inference-form BatchNorm, folded into one conv.
class ConvBn {
public:
    ConvBn() = default;
    ConvBn(std::string conv, std::string bn, int64_t in, int64_t out, int64_t kernel, int64_t stride,
           int64_t groups = 1);

    // conv.weight, then bn.weight / bias / running_mean / running_var (timm's order).
    void appendSpecs(std::vector<TensorSpec>& specs) const;
    void load(const WeightReader& read);
    void to(const torch::Device& device);
    torch::Tensor operator()(const torch::Tensor& x) const;

    int64_t outChannels() const { return out_; }

private:
    std::string conv_, bn_;
    int64_t in_ = 0, out_ = 0, kernel_ = 1, stride_ = 1, groups_ = 1;
    torch::Tensor weight_, bias_;
};

// A fully connected classifier layer.
class Linear {
public:
    Linear() = default;
    Linear(std::string name, int64_t in, int64_t out);

    void appendSpecs(std::vector<TensorSpec>& specs) const;
    void load(const WeightReader& read);
    void to(const torch::Device& device);
    torch::Tensor operator()(const torch::Tensor& x) const;

private:
    std::string name_;
    int64_t in_ = 0, out_ = 0;
    torch::Tensor weight_, bias_;
};

}  // namespace pb
