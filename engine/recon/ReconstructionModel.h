// A Dinomaly-style reconstruction detector on a frozen backbone's patch grid (METHODS.md section 6):
// a bottleneck MLP with dropout turns the encoder's patch features into tokens, decoder blocks with
// linear attention reconstruct them, and a patch's anomaly score is 1 - cosine(encoder, decoder)
// averaged over the layer groups. The network and its checkpoint file; LibTorch stays in the .cpp.
#pragma once
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/features/FeatureIdentity.h"

namespace pb {

// The network's shape, scaled to the backbone (Dinomaly's constants for a ViT-B are width 768, 12 heads,
// 8 blocks, MLP ratio 4, dropout 0.2, two groups of four encoder layers).
struct ReconstructionArchitecture {
    int dim = 0;            // width = the encoder's feature dimension (the decoder reconstructs it)
    int heads = 0;          // attention heads; 0 = dim / 64 (Dinomaly's head width), at least 1
    int blocks = 8;         // decoder blocks
    int mlpRatio = 4;       // hidden width of the bottleneck and of each block's MLP, times dim
    double dropout = 0.2;   // bottleneck dropout (the "noisy bottleneck")
    // Channels of each layer group, in feature order (shallow first), summing to dim. A CNN's features
    // concatenate its tapped stages, so each stage is one group, as Dinomaly groups shallow and deep
    // encoder layers; the blocks are split evenly over the groups, the last blocks reconstructing the
    // shallowest group. Empty = one group of all channels.
    std::vector<int> groups;

    // The architecture for features of `dim` channels concatenated from layers of `layerChannels`
    // channels (empty or not summing to dim: one group).
    static ReconstructionArchitecture scaledTo(int dim, const std::vector<int>& layerChannels, int blocks = 8);
    int resolvedHeads() const;
    std::vector<int> resolvedGroups() const;
    // Throws pb::Error naming the field that is out of range.
    void validate() const;
    nlohmann::json toJson() const;
    static ReconstructionArchitecture fromJson(const nlohmann::json& j);
    bool operator==(const ReconstructionArchitecture& o) const { return toJson() == o.toJson(); }
};

// What a model was trained on: checkpoints are refused for other features, like bank files.
struct ReconstructionProvenance {
    FeatureIdentity features;
    std::string layers;   // as the user named them (display)
    int gridHeight = 0;
    int gridWidth = 0;
    std::string product;
    nlohmann::json toJson() const;
    static ReconstructionProvenance fromJson(const nlohmann::json& j);
};

class ReconstructionModel {
public:
    ReconstructionModel();
    // A freshly initialised network (Dinomaly's init: truncated normal std 0.01, zero biases), seeded.
    ReconstructionModel(const ReconstructionArchitecture& architecture, int seed);
    ~ReconstructionModel();
    ReconstructionModel(ReconstructionModel&&) noexcept;
    ReconstructionModel& operator=(ReconstructionModel&&) noexcept;
    ReconstructionModel clone() const;

    bool empty() const { return impl_ == nullptr; }
    // Moves the network to a LibTorch device ("cpu", "cuda", "cuda:N"); scoring and training follow it.
    // Throws pb::Error for an unknown device or CUDA without a GPU.
    void setDevice(const std::string& device);
    std::string device() const;
    const ReconstructionArchitecture& architecture() const;
    std::size_t parameterCount() const;

    // Anomaly maps of `images` feature grids of `patches` patches each ([images][patches][dim], row-major),
    // in inference mode: [images][patches] of 1 - cosine averaged over the groups.
    std::vector<float> patchScores(const float* features, std::size_t images, std::size_t patches,
                                   int batch = 16) const;

    struct Impl;
    Impl& impl() const { return *impl_; }

private:
    std::unique_ptr<Impl> impl_;
};

// A checkpoint file (safetensors): the weights, what they were trained on, and the training state so that
// a stopped run resumes where it stood.
struct ReconstructionCheckpoint {
    ReconstructionModel model;
    ReconstructionProvenance provenance;
    nlohmann::json training;  // the training options, the data digest, the state and the curves
    // Training tensors by name, flat: the optimiser's moments and MeDS's stage-1 maps (file: "train.<name>").
    std::vector<std::pair<std::string, std::vector<float>>> tensors;
};

// Written atomically. Throws pb::Error naming the path.
void writeReconstructionCheckpoint(const ReconstructionCheckpoint& checkpoint, const std::filesystem::path& path);
// Throws pb::Error naming the file when it is missing, not a PatchBank reconstruction model, of another
// format version, or damaged.
ReconstructionCheckpoint readReconstructionCheckpoint(const std::filesystem::path& path);
// Also refuses a model trained on other features (backbone, layers, resolution, crop, grid), naming the field.
ReconstructionCheckpoint readReconstructionCheckpoint(const std::filesystem::path& path,
                                                      const ReconstructionProvenance& expected);

}  // namespace pb
