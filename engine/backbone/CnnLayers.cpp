#include "engine/backbone/CnnLayers.h"

#include "engine/backbone/BatchNormFold.h"

namespace pb {

namespace {

torch::Tensor fromVector(const std::vector<float>& values, const std::vector<int64_t>& shape) {
    return torch::from_blob(const_cast<float*>(values.data()), shape, torch::kFloat32).clone();
}

}  // namespace

ConvBn::ConvBn(std::string conv, std::string bn, int64_t in, int64_t out, int64_t kernel, int64_t stride,
               int64_t groups)
    : conv_(std::move(conv)), bn_(std::move(bn)), in_(in), out_(out), kernel_(kernel), stride_(stride),
      groups_(groups) {}

void ConvBn::appendSpecs(std::vector<TensorSpec>& specs) const {
    specs.push_back({conv_ + ".weight", {out_, in_ / groups_, kernel_, kernel_}});
    for (const char* p : {".weight", ".bias", ".running_mean", ".running_var"}) specs.push_back({bn_ + p, {out_}});
}

void ConvBn::load(const WeightReader& read) {
    std::vector<TensorSpec> specs;
    appendSpecs(specs);
    std::vector<float> w = read(specs[0]);
    BatchNormParams bn;
    bn.weight = read(specs[1]);
    bn.bias = read(specs[2]);
    bn.runningMean = read(specs[3]);
    bn.runningVar = read(specs[4]);
    const std::vector<float> bias = foldBatchNorm(w, bn);
    weight_ = fromVector(w, specs[0].shape).contiguous(at::MemoryFormat::ChannelsLast);
    bias_ = fromVector(bias, {out_});
}

void ConvBn::to(const torch::Device& device) {
    if (!weight_.defined()) return;  // not loaded (a features-only file has no head)
    weight_ = weight_.to(device).contiguous(at::MemoryFormat::ChannelsLast);
    bias_ = bias_.to(device);
}

torch::Tensor ConvBn::operator()(const torch::Tensor& x) const {
    // Symmetric k // 2 padding, as timm builds these nets (not TF "same").
    const int64_t pad = kernel_ / 2;
    return at::conv2d(x, weight_, bias_, {stride_, stride_}, {pad, pad}, {1, 1}, groups_);
}

Linear::Linear(std::string name, int64_t in, int64_t out) : name_(std::move(name)), in_(in), out_(out) {}

void Linear::appendSpecs(std::vector<TensorSpec>& specs) const {
    specs.push_back({name_ + ".weight", {out_, in_}});
    specs.push_back({name_ + ".bias", {out_}});
}

void Linear::load(const WeightReader& read) {
    std::vector<TensorSpec> specs;
    appendSpecs(specs);
    weight_ = fromVector(read(specs[0]), specs[0].shape);
    bias_ = fromVector(read(specs[1]), specs[1].shape);
}

void Linear::to(const torch::Device& device) {
    if (!weight_.defined()) return;
    weight_ = weight_.to(device);
    bias_ = bias_.to(device);
}

torch::Tensor Linear::operator()(const torch::Tensor& x) const { return at::linear(x, weight_, bias_); }

}  // namespace pb
