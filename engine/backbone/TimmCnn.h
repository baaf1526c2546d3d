// Native LibTorch versions of timm CNNs (mobilenetv2_100, resnet18, resnet50, wide_resnet50_2)
// that read timm-format model.safetensors files as published on the Hugging Face hub, or
// build deterministic random weights when no file is given (benchmarks).
// Patch features: the tapped stages (default stride 8 + 16) are upsampled to the finest tapped
// grid, concatenated and 3x3 average pooled (PatchCore-style local aggregation).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/backbone/Backbone.h"

namespace pb {

class TimmCnn : public Backbone {
public:
    // Throws pb::Error naming the weights file when a tensor is missing, has the wrong shape or
    // is unexpected, and when a layer name or the device is not known.
    explicit TimmCnn(const BackboneOptions& options);
    ~TimmCnn() override;
    TimmCnn(const TimmCnn&) = delete;
    TimmCnn& operator=(const TimmCnn&) = delete;

    std::string name() const override;
    // "<name> weights=sha256:<hex> layers=<a>,<b> agg=..." or "weights=random(seed=N)".
    std::string identity() const override;
    int patchStride() const override;
    std::vector<int> layerChannels() const override;
    // One [H/stride][W/stride][dim()] grid per 3-channel image.
    std::vector<FeatureGrid> extract(const std::vector<FloatImage>& batch) override;

    // Feature dimension of extract(): the summed channels of the tapped layers.
    int dim() const;
    // The layers extract() taps, and every layer name that can be tapped.
    std::vector<std::string> layers() const;
    std::vector<std::string> tappableLayers() const;
    // Classifier output (1000 ImageNet logits) of one image; throws when the file has no classifier.
    std::vector<float> logits(const FloatImage& image);
    // timm's features_only outputs (feature_info modules, all out_indices), [H][W][C] each.
    std::vector<FeatureGrid> stages(const FloatImage& image);
    // Raw (not aggregated) outputs of the named layers, [H][W][C] each.
    std::vector<FeatureGrid> taps(const FloatImage& image, const std::vector<std::string>& names);

    static std::vector<std::string> architectures();
    // The fixed seed of the random weights used when weightsPath is empty.
    static constexpr unsigned long long kRandomSeed = 20240607ull;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace pb
