// A user-supplied TorchScript CNN as a backbone: `weightsPath` is the archive, `layers` the
// submodules to tap. TorchScript in C++ has no forward hooks, so the taps are reached by running
// the model's children in registration order, descending into Sequential containers that hold a
// tap (this suits torchvision/timm-style CNNs; a frozen archive has no submodules left to tap).
// Quantised archives run on the QNNPACK engine, which mobile-optimised int8 models are packed for.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/backbone/Backbone.h"

namespace pb {

class TorchScriptBackbone : public Backbone {
public:
    // With empty `layers` only runWholeModel() works (extract() throws); createBackbone demands layers.
    // Throws pb::Error naming the archive when it cannot be loaded or a layer cannot be tapped
    // (for a frozen archive: explains that, and lists what is tappable).
    explicit TorchScriptBackbone(const BackboneOptions& options);
    ~TorchScriptBackbone() override;
    TorchScriptBackbone(const TorchScriptBackbone&) = delete;
    TorchScriptBackbone& operator=(const TorchScriptBackbone&) = delete;

    std::string name() const override { return "torchscript"; }
    // "torchscript weights=sha256:<hex> layers=<a>,<b> agg=...".
    std::string identity() const override;
    // Measured once on a 224x224 probe: input size / finest tapped grid.
    int patchStride() const override;
    std::vector<FeatureGrid> extract(const std::vector<FloatImage>& batch) override;

    // The model's own forward() on one image, flattened (dequantised when quantised): the logits of a classifier.
    std::vector<float> runWholeModel(const FloatImage& image);
    // Submodule names that can be tapped (empty for a frozen archive).
    std::vector<std::string> tappableLayers() const;
    // True when forward() calls no submodule (torch.jit.freeze / optimize_for_mobile inlined them).
    bool frozen() const;
    int dim() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace pb
