// What an image's patch features depend on, as one value with equality: the backbone and the input
// geometry. The feature cache, bank files and the GUI's change detection compare this and nothing else.
#pragma once
#include <string>

#include "engine/backbone/Backbone.h"

namespace pb {

struct FeatureIdentity {
    // Before a backbone is loaded: the options that change its features (name, weights and config
    // files, taps, final norm, L2, precision; not the device or the batch size). Once loaded:
    // Backbone::identity(), which names the weights by content. Compare like with like.
    std::string backbone;
    int resolution = 0;  // square input side in pixels
    int crop = 0;        // square centre crop after the resize; 0 = none

    static FeatureIdentity requested(const BackboneOptions& options, int resolution, int crop);
    static FeatureIdentity loaded(const Backbone& backbone, int resolution, int crop);

    // "224 px" or "448 px, centre crop 392"
    std::string geometry() const;

    bool operator==(const FeatureIdentity& other) const {
        return backbone == other.backbone && resolution == other.resolution && crop == other.crop;
    }
    bool operator!=(const FeatureIdentity& other) const { return !(*this == other); }
};

}  // namespace pb
