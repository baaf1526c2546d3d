// The built-in, weights-free backbone "descriptors": per stride-8 patch, hand-made colour,
// gradient and band-pass statistics at several window sizes, computed with integral images.
// It needs no download and no LibTorch, so the demo and the tests run anywhere, in a few ms per image.
// Per patch (dim() = 71): opponent-colour means and standard deviations over 8/16/32/64-pixel
// windows (24), gradient energy at full and half resolution (6), 8-bin orientation histograms
// over three windows (24), difference-of-Gaussians energy (6), in-cell extremes (8) and the
// layout of the cell's quadrants (3).
#pragma once
#include <string>
#include <vector>

#include "engine/backbone/Backbone.h"

namespace pb {

class DescriptorBackbone : public Backbone {
public:
    // Only the name is used: the descriptor has no weights, layers or device.
    explicit DescriptorBackbone(const BackboneOptions& options = {});

    std::string name() const override { return "descriptors"; }
    std::string identity() const override;
    int patchStride() const override { return kStride; }
    // Input: ImageNet-normalised RGB (3 channels) or one grey channel, CHW; output [H/8, W/8, dim()].
    std::vector<FeatureGrid> extract(const std::vector<FloatImage>& batch) override;

    static int dim();
    // The descriptor of one image (what extract does per batch item).
    static FeatureGrid describe(const FloatImage& image);

    static constexpr int kStride = 8;
};

}  // namespace pb
