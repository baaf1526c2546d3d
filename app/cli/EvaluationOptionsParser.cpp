#include "app/cli/EvaluationOptionsParser.h"

#include <sstream>

#include "engine/features/FeatureCache.h"
#include "engine/util/Error.h"
#include "engine/util/Threads.h"

namespace pb::cli {

std::vector<std::string> evaluationOptionNames() {
    return {"backbone", "weights", "layers",  "resolution", "k",         "image-score", "smoothing",
            "knn",      "cache",   "no-cache", "threads",   "batch",     "max-train",   "device"};
}

std::string evaluationOptionsHelp() {
    return "  --backbone NAME      mobilenetv2_100, resnet18, resnet50, wide_resnet50_2, torchscript, descriptors\n"
           "  --weights FILE       model.safetensors (timm format) or a TorchScript archive\n"
           "  --layers A,B         stages/submodules to tap (default: the stride-8 and stride-16 stages)\n"
           "  --resolution PX      square input size (default 224)\n"
           "  --k K                neighbours per patch score (default 5)\n"
           "  --image-score RULE   p95 (default), max, topk, top1pct\n"
           "  --smoothing SIGMA    Gaussian sigma on the anomaly map in input pixels (default 0 = none)\n"
           "  --knn METHOD         auto (default), blas, faiss, torch\n"
           "  --cache DIR          feature cache folder (default $PATCHBANK_CACHE_DIR or ~/.cache/patchbank)\n"
           "  --no-cache           do not read or write cached features\n"
           "  --threads N          CPU threads (default: all)\n"
           "  --batch N            images per backbone batch (default 8)\n"
           "  --max-train N        use only the first N training images\n"
           "  --device cpu|cuda    where the backbone runs (default cpu)\n";
}

EvaluationOptions parseEvaluationOptions(const CommandLine& cl, const std::string& defaultBackbone) {
    EvaluationOptions o;
    o.backbone.name = cl.value("backbone", defaultBackbone);
    o.backbone.weightsPath = cl.value("weights");
    if (cl.has("layers")) {
        std::stringstream ss(cl.value("layers"));
        for (std::string item; std::getline(ss, item, ',');)
            if (!item.empty()) o.backbone.layers.push_back(item);
    }
    o.backbone.device = cl.value("device", "cpu");
    o.backbone.batchSize = cl.intValue("batch", 8);
    if (o.backbone.batchSize < 1) throw Error("--batch must be at least 1");
    o.resolution = cl.intValue("resolution", 224);
    o.k = cl.intValue("k", 5);
    o.imageScore = imageScoreRuleFromString(cl.value("image-score", "p95"));
    o.smoothingSigma = cl.doubleValue("smoothing", 0.0);
    o.knnMethod = cl.value("knn", "auto");
    o.maxTrainImages = cl.intValue("max-train", 0);
    if (!cl.has("no-cache")) o.cacheDir = cl.value("cache", FeatureCache::defaultDirectory().string());
    setEngineThreads(cl.intValue("threads", 0));
    return o;
}

}  // namespace pb::cli
