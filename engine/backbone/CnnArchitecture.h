// Internal to engine/backbone (LibTorch; never include from a torch-free file): the shape of
// one native timm CNN family. Lists the tensors it reads (timm names and shapes), the outputs
// it can tap, and runs the forward pass with plain ATen ops.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/backbone/CnnLayers.h"

namespace pb {

class CnnArchitecture {
public:
    virtual ~CnnArchitecture() = default;

    // mobilenetv2_100, resnet18, resnet50, wide_resnet50_2; nullptr for another name.
    static std::unique_ptr<CnnArchitecture> create(const std::string& name);
    static std::vector<std::string> names();

    virtual std::string name() const = 0;
    // Tensors the feature part reads, in timm's state_dict order (BatchNorm num_batches_tracked left out).
    virtual std::vector<TensorSpec> bodySpecs() const = 0;
    // Tensors only the classifier needs (absent from features_only exports).
    virtual std::vector<TensorSpec> headSpecs() const = 0;
    virtual void load(const WeightReader& read, bool withHead) = 0;
    virtual void to(const torch::Device& device) = 0;

    // Tappable outputs in forward order, with their stride and channel count.
    virtual std::vector<std::string> tapNames() const = 0;
    virtual std::vector<int> tapStrides() const = 0;
    virtual std::vector<int> tapChannels() const = 0;
    // The two taps at stride 8 and 16 used for patch features by default.
    virtual std::vector<std::string> defaultTaps() const = 0;
    // timm's feature_info modules (features_only=True, all out_indices).
    virtual std::vector<std::string> featureStages() const = 0;

    // Runs the network on NCHW `x`: result[i] is tap i when `wanted[i]`, else undefined.
    // Stops after the last wanted tap unless `logits` is given, which receives the classifier output.
    virtual std::vector<torch::Tensor> forward(const torch::Tensor& x, const std::vector<bool>& wanted,
                                               torch::Tensor* logits) const = 0;
};

}  // namespace pb
