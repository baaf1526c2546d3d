// Internal to the engine's LibTorch code (never include from a torch-free file): the device a
// backbone, coreset or k-means runs on, chosen by name.
#pragma once
#include <torch/torch.h>

#include <string>

namespace pb {

// "cpu" (or empty), "cuda" or "cuda:N". Throws pb::Error, prefixed with `who` when given, for any
// other name and when CUDA is asked for but this LibTorch has no CUDA support or sees no GPU.
torch::Device parseDevice(const std::string& device, const std::string& who = {});

}  // namespace pb
