// Native LibTorch Vision Transformers read from Hugging Face model.safetensors + config.json:
// DINOv3 (RoPE, registers, LayerScale), DINOv2 with or without registers (learned position
// embedding, interpolated as the original does) and the CLIP vision tower. Patch features are
// the patch tokens of one block (Python-style index, "-6" = hidden_states[-6]), optionally
// through the final LayerNorm and L2-normalised, as a [H/patch][W/patch][C] grid.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/backbone/Backbone.h"
#include "engine/backbone/VitConfig.h"

namespace pb {

// Token activations of a batch, row-major [batch][tokens][dim], float32.
struct TokenTensor {
    int batch = 0;
    int tokens = 0;
    int dim = 0;
    std::vector<float> data;

    float at(int b, int t, int c) const {
        return data[(static_cast<std::size_t>(b) * tokens + t) * static_cast<std::size_t>(dim) + c];
    }
};

// Every hidden state of one forward pass, as HF output_hidden_states gives them.
struct VitTrace {
    TokenTensor embeddings;           // tokens entering block 0 (HF hidden_states[0]; CLIP: after pre_layrnorm)
    std::vector<TokenTensor> blocks;  // output of block i, before the final norm (hidden_states[i + 1])
    TokenTensor finalNorm;            // the final LayerNorm of the last block, all tokens (DINO last_hidden_state)
};

class VisionTransformer : public Backbone {
public:
    // Reads options.configPath (default: config.json beside options.weightsPath) and the weights.
    // Throws pb::Error naming config.json and the key for a bad config, and naming the weights
    // file, the tensor and expected vs found shape for the first missing or mismatched tensor.
    explicit VisionTransformer(const BackboneOptions& options);
    // The given architecture; options.configPath is ignored. An empty options.weightsPath gives
    // deterministic random weights (benchmarks), otherwise the file is read and checked.
    VisionTransformer(const VitConfig& config, const BackboneOptions& options);
    ~VisionTransformer() override;
    VisionTransformer(const VisionTransformer&) = delete;
    VisionTransformer& operator=(const VisionTransformer&) = delete;

    // "dinov3", "dinov2" or "clip_vit".
    std::string name() const override;
    // "<name> weights=sha256:<hex> config=sha256:<hex> arch=<summary> block=<i>[,<j>] norm=0|1 l2=0|1 precision=..."
    std::string identity() const override;
    int patchStride() const override;
    // One [H/patch][W/patch][dim()] grid per image (CHW, already normalised); all images of a
    // batch have the same size. Runs in chunks of options.batchSize. Calls from several threads
    // are serialised. On the CPU the activation buffers are kept for the next call.
    std::vector<FeatureGrid> extract(const std::vector<FloatImage>& batch) override;

    const VitConfig& config() const;
    // Feature dimension of extract(): hiddenSize times the number of tapped blocks.
    int dim() const;
    // The resolved (non-negative) block indices extract() taps.
    std::vector<int> blocks() const;

    // Every hidden state of one batch (same size images), float32, for checks against references.
    VitTrace trace(const std::vector<FloatImage>& batch);
    // DINOv2 / CLIP: the position embedding added for a grid of gridH x gridW patches, CLS entry
    // first then the grid row-major: [1][1 + gridH * gridW][hiddenSize]. Throws for DINOv3.
    TokenTensor positionEmbedding(int gridH, int gridW);
    // DINOv3: the RoPE cos and sin tables of a grid, [gridH * gridW][headDim] each (patches
    // row-major), shared by all heads. Throws for the other families.
    void ropeTables(int gridH, int gridW, std::vector<float>& cosTable, std::vector<float>& sinTable);

    // The CPU float32 matrix products go through oneDNN's sgemm when the LibTorch in use exports
    // it (several times faster than the generic BLAS path on AVX-512 machines); otherwise, or
    // when disabled here (tests compare both paths), through LibTorch ops. Process-wide.
    static bool fastCpuGemmAvailable();
    static void setFastCpuGemmEnabled(bool enabled);

    // The fixed seed of the random weights used when weightsPath is empty.
    static constexpr unsigned long long kRandomSeed = 20250814ull;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace pb
