// Internal to engine/backbone (LibTorch; never include from a torch-free file): the steps
// every LibTorch backbone shares: device choice (TorchDevice.h), images -> NCHW batch, tapped maps ->
// PatchCore-style aggregated patch features, NCHW -> FeatureGrids.
#pragma once
#include <torch/torch.h>

#include <string>
#include <vector>

#include "engine/features/FeatureGrid.h"
#include "engine/image/FloatImage.h"
#include "engine/util/TorchDevice.h"

namespace pb {

// Stacks same-sized CHW images into one NCHW float tensor on `device`. `channels` > 0
// demands that channel count. Throws pb::Error (naming `who`) on an empty or ragged batch.
torch::Tensor imagesToTensor(const std::vector<FloatImage>& images, int channels, const torch::Device& device,
                             const std::string& who);

// Upsamples every map bilinearly (align_corners=false) to the finest grid among them,
// concatenates along channels, then 3x3 average pools (stride 1, zero pad 1, pad counted,
// as torch.nn.AvgPool2d(3, 1, 1)) for local neighbourhood aggregation.
torch::Tensor aggregateTaps(const std::vector<torch::Tensor>& maps);

// NCHW (any device, any float type) -> one [H][W][C] float32 grid per batch item.
std::vector<FeatureGrid> toFeatureGrids(const torch::Tensor& nchw);

// Any tensor -> flat float32 values on the CPU (dequantised when quantised).
std::vector<float> toFloatVector(const torch::Tensor& tensor);

}  // namespace pb
