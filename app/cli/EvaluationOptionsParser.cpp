#include "app/cli/EvaluationOptionsParser.h"

#include <iostream>
#include <sstream>

#include "engine/backbone/Backbone.h"
#include "engine/features/FeatureCache.h"
#include "engine/util/Error.h"
#include "engine/util/Threads.h"

namespace pb::cli {

namespace {

// A flag given bare ("1") or as --flag=true/false.
bool flagValue(const CommandLine& cl, const std::string& name) {
    const std::string v = cl.value(name);
    if (v == "1" || v == "true" || v == "yes" || v == "on") return true;
    if (v == "0" || v == "false" || v == "no" || v == "off") return false;
    throw Error("option --" + name + " takes no value (or =true / =false), got '" + v + "'");
}

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

std::vector<std::string> evaluationOptionNames() {
    return {"backbone",   "weights",    "layers",   "layer",      "config",       "final-norm",
            "l2-normalize", "precision", "preset",  "resolution", "crop",         "k",
            "image-score", "smoothing", "knn",      "cache",      "no-cache",     "threads",
            "batch",      "max-train",  "device",   "fixed-k"};
}

std::vector<std::string> evaluationFlagNames() { return {"no-cache", "final-norm", "l2-normalize", "fixed-k"}; }

std::string evaluationOptionsHelp() {
    return "  --backbone NAME      mobilenetv2_100, resnet18, resnet50, wide_resnet50_2, torchscript, descriptors,\n"
           "                       dinov3, dinov2, clip_vit (ViTs: architecture from config.json)\n"
           "  --weights FILE       model.safetensors (timm / Hugging Face format) or a TorchScript archive\n"
           "  --config FILE        Hugging Face config.json of a ViT (default: next to --weights)\n"
           "  --layers A,B         CNN stages/submodules to tap (default: the stride-8 and stride-16 stages);\n"
           "                       for ViTs the block index, Python-style\n"
           "  --layer N            ViT block whose patch tokens are the features: -6 = hidden_states[-6]\n"
           "                       (block 18 of 24), -1 = last block (default)\n"
           "  --final-norm         ViT: apply the model's final LayerNorm to the tapped tokens\n"
           "  --l2-normalize       ViT: scale every patch feature to unit length\n"
           "  --precision P        ViT: fp32 (default), bf16, fp16 (CUDA only)\n"
           "  --preset NAME        dinov3: 448 px, no crop, layer -6, no norm, no L2;\n"
           "                       meds: 448 px, centre crop 392, final norm, L2 (explicit options override)\n"
           "  --resolution PX      square input size (default 224)\n"
           "  --crop PX            square centre crop after the resize (default 0 = none)\n"
           "  --k K                neighbours per patch score (default 5), counted in the full bank: a\n"
           "                       compressed bank keeping 1/r of the patches averages max(1, round(K/r))\n"
           "  --fixed-k            average exactly K neighbours whatever the compression\n"
           "  --image-score RULE   p95 (default), max, topk, top1pct\n"
           "  --smoothing SIGMA    Gaussian sigma on the anomaly map in input pixels (default 0 = none)\n"
           "  --knn METHOD         exact kNN of flat and compressed banks: auto (default: projected for\n"
           "                       65,536+ rows of 64-256 dims, else blas), blas, projected, faiss, torch,\n"
           "                       torch-cuda (leave-one-out thresholds use blas for projected)\n"
           "  --cache DIR          feature cache folder (default $PATCHBANK_CACHE_DIR or ~/.cache/patchbank)\n"
           "  --no-cache           do not read or write cached features\n"
           "  --threads N          CPU threads (default: all)\n"
           "  --batch N            images per backbone batch (default 8)\n"
           "  --max-train N        use only the first N training images\n"
           "  --device cpu|cuda    where the backbone runs (default cpu)\n";
}

EvaluationOptions parseEvaluationOptions(const CommandLine& cl, const std::string& defaultBackbone) {
    EvaluationOptions o;
    if (cl.has("preset")) applyPreset(cl.value("preset"), o);
    o.backbone.name = cl.value("backbone", defaultBackbone);
    o.backbone.weightsPath = cl.value("weights");
    o.backbone.configPath = cl.value("config");
    if (cl.has("layers") && cl.has("layer")) throw Error("give either --layer or --layers, not both");
    if (cl.has("layers")) o.backbone.layers = cl.list("layers");
    if (cl.has("layer")) o.backbone.layers = cl.list("layer");
    if (cl.has("final-norm")) o.backbone.finalNorm = flagValue(cl, "final-norm");
    if (cl.has("l2-normalize")) o.backbone.l2Normalize = flagValue(cl, "l2-normalize");
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
    o.k = cl.intValue("k", 5);
    if (cl.has("fixed-k")) o.scaleKWithCompression = !flagValue(cl, "fixed-k");
    o.imageScore = imageScoreRuleFromString(cl.value("image-score", "p95"));
    o.smoothingSigma = cl.doubleValue("smoothing", 0.0);
    o.knnMethod = cl.value("knn", "auto");
    o.maxTrainImages = cl.intValue("max-train", 0);
    if (!cl.has("no-cache") || !flagValue(cl, "no-cache"))
        o.cacheDir = cl.value("cache", FeatureCache::defaultDirectory().string());
    setEngineThreads(cl.intValue("threads", 0));
    if (const std::string warning = randomWeightsWarning(o.backbone); !warning.empty())
        std::cerr << "warning: " << warning << "; give --weights FILE, or download one with 'patchbank-cli models fetch "
                  << "NAME' (see 'patchbank-cli models list')\n";
    return o;
}

}  // namespace pb::cli
