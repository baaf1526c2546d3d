// The architecture of a Vision Transformer as Hugging Face describes it in config.json, for the
// three families the native ViT backbone runs: DINOv3 ("dinov3_vit"), DINOv2 with or without
// registers ("dinov2", "dinov2_with_registers") and the CLIP vision tower ("clip_vision_model",
// or a full "clip" config whose "vision_config" is used). Plain C++ (no LibTorch).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace pb {

enum class VitFamily { DinoV3, DinoV2, Clip };

// How the learned position embedding (DINOv2, CLIP) is resized to another patch grid.
enum class PosEmbedResize {
    None,               // DINOv3: RoPE, no learned position embedding
    BicubicAntialias,   // dinov2_with_registers: size = grid, antialiased bicubic (a = -0.5)
    BicubicOffset,      // dinov2 without registers: scale_factor = (n + 0.1) / M, plain bicubic (a = -0.75)
    Bicubic,            // CLIP (HF interpolate_pos_encoding): size = grid, plain bicubic (a = -0.75)
};

enum class VitActivation { Gelu, GeluTanh, QuickGelu, Silu };

struct VitConfig {
    VitFamily family = VitFamily::DinoV3;
    std::string modelType;             // as written in config.json ("dinov3_vit", ...)
    int hiddenSize = 0;
    int numLayers = 0;
    int numHeads = 0;
    int intermediateSize = 0;          // MLP hidden width (per branch for gated MLPs)
    int patchSize = 0;
    int numChannels = 3;
    int numRegisters = 0;
    int imageSize = 0;                 // DINOv2 / CLIP: the stored position grid is imageSize / patchSize square
    double layerNormEps = 1e-5;
    double ropeTheta = 100.0;          // DINOv3 only
    VitActivation activation = VitActivation::Gelu;
    // DINOv3 use_gated_mlp (gate_proj/up_proj/down_proj) or DINOv2 use_swiglu_ffn (weights_in/out):
    // down(act(gate(x)) * up(x)).
    bool gatedMlp = false;
    bool queryBias = true, keyBias = true, valueBias = true, projBias = true, mlpBias = true;
    bool layerScale = true;            // DINOv2/3 LayerScale on both residual branches; CLIP has none
    PosEmbedResize posEmbedResize = PosEmbedResize::None;

    int headDim() const { return hiddenSize / numHeads; }
    // Side of the stored position-embedding grid (DINOv2, CLIP); 0 for DINOv3.
    int positionGrid() const;
    // Short stable text of every field, for identities and messages.
    std::string summary() const;
    // Resolves a Python-style block index ("-6", "18") against numLayers; throws pb::Error
    // naming `where` when it is not an integer in [-numLayers, numLayers).
    int blockIndex(const std::string& text, const std::string& where) const;

    // Parses the text of a config.json; `where` names the file in errors. Throws pb::Error
    // naming the file and the key on malformed JSON, a missing or ill-typed key, an unknown
    // model_type or inconsistent sizes.
    static VitConfig fromJson(const std::string& text, const std::string& where);
    static VitConfig load(const std::filesystem::path& configJson);

    // A DINOv3 ViT with the released LVD-1689M flags (patch 16, 4 registers, RoPE base 100,
    // erf GELU MLP, no k bias), of the given size: ViT-S/16 is (384, 12, 6, 1536).
    static VitConfig dinov3(int hiddenSize, int numLayers, int numHeads, int intermediateSize);
};

}  // namespace pb
