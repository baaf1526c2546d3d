// Everything that defines one evaluation run: the backbone, the input resolution, the kNN and scoring rules.
#pragma once
#include <string>

#include "engine/backbone/Backbone.h"
#include "engine/scoring/ImageScoreRule.h"

namespace pb {

struct EvaluationOptions {
    BackboneOptions backbone;
    int resolution = 224;                  // square input side in pixels (PIL bilinear resize)
    int crop = 0;                          // square centre crop after the resize; 0 = none (MeDS: 448 then 392)
    int k = 5;                             // neighbours averaged into a patch score
    // k counts neighbours in the full bank: a bank keeping 1/r of its source patches averages
    // max(1, round(k / r)) of its vectors (each stands for about r patches). false: always k.
    bool scaleKWithCompression = true;
    ImageScoreRule imageScore = ImageScoreRule::P95;
    double smoothingSigma = 0.0;           // Gaussian sigma on the input-resolution map; 0 = none (paper default)
    std::string knnMethod = "auto";        // exact search of flat and compressed banks: auto | blas | projected | faiss | torch | torch-cuda
    std::string bankSpec = "flat";         // memory bank factory string (createBank): flat, coreset:1/16, ivfpq:...
    std::string cacheDir;                  // empty = no feature cache
    int maxTrainImages = 0;                // 0 = all; otherwise the first N (sorted) train images
};

}  // namespace pb
