// Internal to the reconstruction detector's LibTorch code: the network as a torch module.
#pragma once
#include <torch/torch.h>

#include <vector>

#include "engine/recon/ReconstructionModel.h"

namespace pb {

// Dinomaly's LinearAttention2: phi(x) = elu(x) + 1 on queries and keys, attention in O(N d^2).
struct LinearAttentionImpl : torch::nn::Module {
    LinearAttentionImpl(int dim, int heads);
    torch::Tensor forward(const torch::Tensor& x);
    int heads;
    torch::nn::Linear qkv{nullptr}, proj{nullptr};
};
TORCH_MODULE(LinearAttention);

struct DecoderBlockImpl : torch::nn::Module {
    DecoderBlockImpl(int dim, int heads, int mlpRatio);
    torch::Tensor forward(const torch::Tensor& x);
    torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr};
    LinearAttention attention{nullptr};
    torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(DecoderBlock);

struct ReconstructionNetworkImpl : torch::nn::Module {
    explicit ReconstructionNetworkImpl(const ReconstructionArchitecture& architecture);
    // Decoder output of every block for encoder tokens x [B, P, D].
    std::vector<torch::Tensor> decode(const torch::Tensor& x);
    // [B, P] anomaly map: mean over the groups of 1 - cos(encoder group, fused decoder group).
    torch::Tensor anomalyMap(const torch::Tensor& x);

    ReconstructionArchitecture architecture;
    std::vector<int> groups;
    torch::nn::Linear bottleneck1{nullptr}, bottleneck2{nullptr};
    torch::nn::Dropout dropout{nullptr};
    torch::nn::ModuleList blocks{nullptr};
};
TORCH_MODULE(ReconstructionNetwork);

struct ReconstructionModel::Impl {
    ReconstructionArchitecture architecture;
    ReconstructionNetwork network{nullptr};
    torch::Device device{torch::kCPU};
};

// The parameters by name, in registration order (the checkpoint's tensor names are "model." + name).
std::vector<std::pair<std::string, torch::Tensor>> namedParameters(const ReconstructionNetwork& network);

}  // namespace pb
