// Everything that defines one evaluation run: the backbone, the input resolution, the kNN and scoring rules.
#pragma once
#include <string>

#include "engine/backbone/Backbone.h"
#include "engine/features/FeatureIdentity.h"
#include "engine/scoring/HeatmapScale.h"
#include "engine/scoring/ImageScoreRule.h"
#include "engine/scoring/ReviewBand.h"

namespace pb {

struct EvaluationOptions {
    BackboneOptions backbone;
    int resolution = 224;                  // square input side in pixels (PIL bilinear resize)
    int crop = 0;                          // square centre crop after the resize; 0 = none (MeDS: 448 then 392)
    int k = 5;                             // neighbours averaged into a patch score (METHODS.md section 2)
    // Optional: k counts neighbours in the full bank, so a bank keeping 1/r of its source patches
    // averages max(1, round(k / r)) of its vectors (each stands for about r patches). Off: always k.
    bool scaleKWithCompression = false;
    ImageScoreRule imageScore = ImageScoreRule::P95;
    double smoothingSigma = 0.0;           // Gaussian sigma on the input-resolution map; 0 = none (paper default)
    std::string knnMethod = "auto";        // exact search of flat and compressed banks: auto | blas | projected | faiss | torch | torch-cuda
    std::string bankSpec = "flat";         // memory bank factory string (createBank): flat, coreset:1/16, ivfpq:...
    std::string cacheDir;                  // empty = no feature cache
    int maxTrainImages = 0;                // 0 = all; otherwise the first N (sorted) train images
    // What a report shows beside the metrics: the Good/Review/Bad band and the heatmaps' colour scale.
    // Both may need the leave-one-out scores of the training images (ProductModel::leaveOneOut).
    ReviewBandRule reviewBand;
    HeatmapScale heatmapScale = HeatmapScale::TestSet;
    bool needsLeaveOneOut() const { return reviewBand.needsLeaveOneOut() || heatmapScale == HeatmapScale::Normal; }

    // How k is chosen, as results files record it: "fixed" or "scaled" (with the compression).
    std::string kScaling() const { return scaleKWithCompression ? "scaled" : "fixed"; }
    // The features these options ask for (before the backbone is loaded).
    FeatureIdentity requestedFeatures() const { return FeatureIdentity::requested(backbone, resolution, crop); }
    // Equal when every option that changes a bank or a score is equal (the cache folder does not).
    bool sameResultsAs(const EvaluationOptions& o) const {
        return requestedFeatures() == o.requestedFeatures() && backbone.device == o.backbone.device && k == o.k &&
               scaleKWithCompression == o.scaleKWithCompression && imageScore == o.imageScore &&
               smoothingSigma == o.smoothingSigma && knnMethod == o.knnMethod && bankSpec == o.bankSpec &&
               maxTrainImages == o.maxTrainImages;
    }
};

}  // namespace pb
