#include "app/cli/EvaluationOptionsParser.h"

#include <algorithm>
#include <iostream>

#include "engine/backbone/Backbone.h"
#include "engine/features/FeatureCache.h"
#include "engine/image/ImageHeader.h"
#include "engine/util/Error.h"
#include "engine/util/Threads.h"

namespace pb::cli {

namespace {

// Named settings of the papers the workbench reproduces (METHODS.md section 1).
void applyPreset(const std::string& preset, EvaluationOptions& o) {
    if (preset == "dinov3") {  // memory-pollution / purification papers: DINOv3 ViT-L/16, hidden_states[-6]
        o.resolution = 448;
        o.crop = 0;
        o.backbone.layers = {"-6"};
        o.backbone.finalNorm = false;
        o.backbone.l2Normalize = false;
    } else if (preset == "meds") {  // MeDS: resize 448, centre-crop 392, final norm, L2
        o.resolution = 448;
        o.crop = 392;
        o.backbone.layers = {"-1"};
        o.backbone.finalNorm = true;
        o.backbone.l2Normalize = true;
    } else {
        throw Error("unknown --preset '" + preset + "' (dinov3, meds)");
    }
}

}  // namespace

EvaluationOptions parseEvaluationOptions(const CommandLine& cl, const std::string& defaultBackbone) {
    EvaluationOptions o;
    if (cl.has("preset")) applyPreset(cl.value("preset"), o);
    o.backbone.name = cl.value("backbone", defaultBackbone);
    o.backbone.weightsPath = cl.value("weights");
    o.backbone.configPath = cl.value("config");
    if (cl.has("layers") && cl.has("layer")) throw Error("give either --layer or --layers, not both");
    if (cl.has("layers")) o.backbone.layers = cl.list("layers");
    if (cl.has("layer")) o.backbone.layers = {cl.value("layer")};
    if (cl.has("final-norm")) o.backbone.finalNorm = cl.flag("final-norm");
    if (cl.has("l2-normalize")) o.backbone.l2Normalize = cl.flag("l2-normalize");
    o.backbone.precision = cl.value("precision", o.backbone.precision);
    o.backbone.device = cl.value("device", "cpu");
    o.backbone.batchSize = cl.intValue("batch", 8);
    if (o.backbone.batchSize < 1) throw Error("--batch must be at least 1");
    o.resolution = cl.intValue("resolution", o.resolution);
    if (o.resolution < 1) throw Error("--resolution must be positive");
    o.crop = cl.intValue("crop", o.crop);
    if (o.crop < 0 || o.crop > o.resolution)
        throw Error("--crop " + std::to_string(o.crop) + " must be between 0 (none) and the resolution (" +
                    std::to_string(o.resolution) + ")");
    // The scoring options; a command that only extracts features (audit) takes none of them.
    if (cl.takes("knn")) {
        o.k = cl.intValue("k", 5);
        // Explicit, whatever the engine's default: the CLI's k is --k unless --scale-k asks for scaling.
        o.scaleKWithCompression = cl.flag("scale-k");
        o.imageScore = imageScoreRuleFromString(cl.value("image-score", "p95"));
        o.smoothingSigma = cl.doubleValue("smoothing", 0.0);
        o.knnMethod = cl.value("knn", "auto");
    }
    // Only the commands that write a report show verdicts and heatmaps.
    if (cl.takes("review-band") && cl.has("review-band")) o.reviewBand = ReviewBandRule::parse(cl.value("review-band"));
    if (cl.takes("heatmap-scale") && cl.has("heatmap-scale")) o.heatmapScale = heatmapScaleFromString(cl.value("heatmap-scale"));
    o.maxTrainImages = cl.intValue("max-train", 0);
    if (!cl.flag("no-cache"))
        o.cacheDir = cl.value("cache", FeatureCache::defaultDirectory().string());
    setEngineThreads(cl.intValue("threads", 0));
    setMaxImagePixels(static_cast<std::uint64_t>(std::max(0, cl.intValue("max-image-pixels", 0))));
    if (const std::string warning = randomWeightsWarning(o.backbone); !warning.empty())
        std::cerr << "warning: " << warning << "; give --weights FILE, or download one with 'patchbank-cli models fetch "
                  << "NAME' (see 'patchbank-cli models list')\n";
    return o;
}

}  // namespace pb::cli
