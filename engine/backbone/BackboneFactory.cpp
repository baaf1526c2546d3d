// createBackbone / knownBackbones: the one place that maps a backbone name to its implementation.
#include "engine/backbone/Backbone.h"
#include "engine/backbone/DescriptorBackbone.h"
#include "engine/backbone/TimmCnn.h"
#include "engine/backbone/TorchScriptBackbone.h"
#include "engine/backbone/VisionTransformer.h"
#include "engine/util/Error.h"

namespace pb {

std::unique_ptr<Backbone> createBackbone(const BackboneOptions& options) {
    if (options.name == "descriptors") return std::make_unique<DescriptorBackbone>(options);
    if (options.name == "torchscript") {
        if (options.layers.empty()) {
            // Say what could be tapped instead of failing later in extract().
            TorchScriptBackbone probe(options);
            throw Error(std::string("the torchscript backbone needs layers (submodules) to tap; ") +
                            (probe.frozen() ? "this archive is frozen and has none"
                                            : "tappable: " + [&] {
                                                  std::string s;
                                                  for (const auto& l : probe.tappableLayers())
                                                      s += (s.empty() ? "" : ", ") + l;
                                                  return s;
                                              }()),
                        options.weightsPath);
        }
        return std::make_unique<TorchScriptBackbone>(options);
    }
    for (const auto& arch : TimmCnn::architectures())
        if (options.name == arch) return std::make_unique<TimmCnn>(options);
    // Vision Transformers: the architecture comes from the HF config.json beside the weights.
    if (options.name == "dinov3" || options.name == "dinov2" || options.name == "clip_vit")
        return std::make_unique<VisionTransformer>(options);
    std::string known;
    for (const auto& n : knownBackbones()) known += (known.empty() ? "" : ", ") + n;
    throw Error("unknown backbone \"" + options.name + "\"; known: " + known, options.weightsPath);
}

std::string randomWeightsWarning(const BackboneOptions& options) {
    if (!options.weightsPath.empty() || options.name == "descriptors" || options.name == "torchscript") return {};
    return options.name + " has no weights file and runs on random weights: its anomaly scores mean little";
}

std::vector<std::string> knownBackbones() {
    std::vector<std::string> names{"descriptors"};
    for (const auto& arch : TimmCnn::architectures()) names.push_back(arch);
    names.push_back("dinov3");
    names.push_back("dinov2");
    names.push_back("clip_vit");
    names.push_back("torchscript");
    return names;
}

}  // namespace pb
