// One training run of the reconstruction detector on a product, as the CLI's `train` and the GUI's
// training dock start it: extract (or read cached) features, scale the architecture to the backbone,
// train alone or with MeDS, and validate on labelled images as training goes (the pixel-level
// over-fitting MeDS describes shows there). One producer for both front ends.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "engine/backbone/Backbone.h"
#include "engine/dataset/Dataset.h"
#include "engine/experiments/EvaluationOptions.h"
#include "engine/recon/ReconstructionTrainer.h"
#include "engine/util/Progress.h"
#include "engine/util/StageTimes.h"

namespace pb {

struct ReconstructionJob {
    EvaluationOptions features;           // backbone, resolution, crop, cache
    std::string product;
    std::vector<Sample> train;            // label 1 = a defect injected by a noisy protocol (for precision/recall only)
    std::vector<Sample> validation;       // labelled images scored at each validation point; empty = none
    ReconstructionTrainingOptions training;
    int blocks = 8;                       // decoder blocks (split over the backbone's tapped layers)
    std::filesystem::path out;            // the checkpoint / model file
};

// Validation values recorded at each point when validation images are given: image_auroc, image_ap,
// pixel_auroc, pixel_ap, aupro_30 (of the model as it stands, on the validation images).
ReconstructionTrainingResult runReconstructionJob(Backbone& backbone, const ReconstructionJob& job,
                                                  const ReconstructionTrainingObserver& observer,
                                                  const Progress& progress, StageTimes& times);

}  // namespace pb
