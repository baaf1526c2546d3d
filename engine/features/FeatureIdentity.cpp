#include "engine/features/FeatureIdentity.h"

namespace pb {

FeatureIdentity FeatureIdentity::requested(const BackboneOptions& options, int resolution, int crop) {
    std::string taps;
    for (const auto& layer : options.layers) taps += (taps.empty() ? "" : ",") + layer;
    FeatureIdentity id;
    id.backbone = options.name + " weights=" + options.weightsPath + " config=" + options.configPath +
                  " layers=" + taps + " norm=" + (options.finalNorm ? "1" : "0") +
                  " l2=" + (options.l2Normalize ? "1" : "0") + " precision=" + options.precision;
    id.resolution = resolution;
    id.crop = crop;
    return id;
}

FeatureIdentity FeatureIdentity::loaded(const Backbone& backbone, int resolution, int crop) {
    FeatureIdentity id;
    id.backbone = backbone.identity();
    id.resolution = resolution;
    id.crop = crop;
    return id;
}

std::string FeatureIdentity::geometry() const {
    std::string text = std::to_string(resolution) + " px";
    if (crop > 0) text += ", centre crop " + std::to_string(crop);
    return text;
}

}  // namespace pb
