// One interface for every feature extractor: a batch of preprocessed images in,
// one patch-feature grid per image out. LibTorch stays inside the implementations.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/features/FeatureGrid.h"
#include "engine/image/FloatImage.h"

namespace pb {

struct BackboneOptions {
    std::string name = "descriptors";   // mobilenetv2_100, resnet18, ..., torchscript, descriptors, dinov3, dinov2, clip_vit
    std::string weightsPath;            // model.safetensors (timm/HF) or a TorchScript archive
    std::vector<std::string> layers;    // stages / submodules to tap; empty = the backbone's default
    std::string device = "cpu";         // "cpu" or "cuda"
    int batchSize = 8;
    // Vision Transformers (dinov3, dinov2, clip_vit). layers holds the block index, Python-style
    // ("-6" = HF hidden_states[-6], the output of block 18 of 24); empty = the last block.
    std::string configPath;             // HF config.json; empty = config.json next to the weights
    bool finalNorm = false;             // apply the model's final LayerNorm to the tapped tokens
    bool l2Normalize = false;           // scale every patch feature to unit L2 norm
    std::string precision = "fp32";     // fp32 | bf16 (CPU or CUDA) | fp16 (CUDA); norms, RoPE, softmax stay fp32

    // Equal options can share one loaded backbone (the device and batch size count here; what changes
    // the features alone is FeatureIdentity).
    bool operator==(const BackboneOptions& o) const {
        return name == o.name && weightsPath == o.weightsPath && layers == o.layers && device == o.device &&
               batchSize == o.batchSize && configPath == o.configPath && finalNorm == o.finalNorm &&
               l2Normalize == o.l2Normalize && precision == o.precision;
    }
    bool operator!=(const BackboneOptions& o) const { return !(*this == o); }
};

class Backbone {
public:
    virtual ~Backbone() = default;

    // Short name, e.g. "mobilenetv2_100".
    virtual std::string name() const = 0;
    // Everything that changes the features: name, weights digest, layers. Part of every cache key.
    virtual std::string identity() const = 0;
    // Pixels of input per patch of output (8 for the default CNN taps, 16 for ViT/16).
    virtual int patchStride() const = 0;
    // Channels of each tapped layer in the order extract() concatenates them (the reconstruction
    // detector compares each layer separately); empty = not known, one group.
    virtual std::vector<int> layerChannels() const { return {}; }
    // Extract the patch grids of a batch; all images of one batch have the same size.
    virtual std::vector<FeatureGrid> extract(const std::vector<FloatImage>& batch) = 0;
};

// Creates a backbone from its options; throws pb::Error naming the weights file on a bad file.
std::unique_ptr<Backbone> createBackbone(const BackboneOptions& options);

// A pretrained backbone given no weights file runs on deterministic random weights (benchmarks use
// that), and its anomaly scores then mean little. A sentence saying so, or "" when weights are
// given or the backbone needs none.
std::string randomWeightsWarning(const BackboneOptions& options);

// Names accepted by createBackbone, for help texts and the GUI.
std::vector<std::string> knownBackbones();

}  // namespace pb
