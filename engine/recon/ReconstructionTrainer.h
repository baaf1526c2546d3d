// Training the reconstruction detector with LibTorch autograd on cached encoder features
// (METHODS.md section 6): alone (reconstruct every training image, as Dinomaly trains), or with MeDS:
// stage 1 screens the training set with the bootstrap memory ensemble, stage 2 regresses its patch
// maps (10 * MSE), stage 3 alternates progressive selection and fine-tuning on the images kept.
// StableAdamW with a warm-up + cosine schedule. Checkpoints (weights, optimiser moments, state and
// curves) are written atomically every few iterations and when cancelled; a run resumes from one.
// Deterministic on the CPU for a fixed seed and thread count.
#pragma once
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/dataset/Dataset.h"
#include "engine/purify/MemoryEnsemble.h"
#include "engine/purify/ReferencePatches.h"
#include "engine/recon/ReconstructionModel.h"
#include "engine/util/Progress.h"

namespace pb {

struct ReconstructionTrainingOptions {
    std::string method = "recon";     // recon: the detector alone; meds: MeDS stages 1-3
    int iterations = 10000;           // recon: all of them; meds: stage 2 (distillation)
    int finetuneIterations = 10000;   // meds: stage 3, T
    int batchSize = 16;
    double learningRate = 2e-3;       // warm-up to this, then cosine down to finalLearningRate
    double finalLearningRate = 2e-4;
    int warmupIterations = 100;
    double weightDecay = 1e-4;        // decoupled (AdamW)
    double distillWeight = 10.0;      // stage 2 loss: distillWeight * MSE(map, stage-1 map)
    double madMultiplier = 3.0;       // stage 3 threshold: median + min(it/T, 1) * madMultiplier * MAD
    int validateEvery = 100;          // iterations between validation points; 0 = none
    int checkpointEvery = 100;        // iterations between checkpoints
    int seed = 0;
    purify::MemoryEnsembleOptions ensemble;  // stage 1
    // Where the network trains: "cpu" or a CUDA device. Not part of a run's identity: a run stopped on one
    // device resumes on another (results then differ in the last bits).
    std::string device = "cpu";

    // Throws pb::Error naming the option out of range.
    void validate() const;
    nlohmann::json toJson() const;
    static ReconstructionTrainingOptions fromJson(const nlohmann::json& j);
};

// The training set on the encoder's grid: one feature grid per sample, in order. A sample labelled 1 is
// a defect injected into the training list (known to the protocol, never to the training).
struct TrainingImages {
    std::vector<Sample> samples;
    purify::ReferencePatches features;
    // sha256 over the paths and the feature bytes: a checkpoint resumes only on the same data.
    std::string digest() const;
};

struct LossPoint {
    std::string phase;   // reconstruct | distill | finetune
    int iteration = 0;   // within the phase
    double loss = 0.0;
    double learningRate = 0.0;
};

struct ValidationPoint {
    std::string phase;
    int iteration = 0;
    std::map<std::string, double> values;  // "target_mse" (stage 2) and what the caller's validate returns
};

// One stage-3 selection: scores s = (1-w) s_model + w s_distilled of every training image, the
// threshold, and which images were kept for the next epoch.
struct SelectionRound {
    int iteration = 0;
    double weight = 0.0;      // w, on the distilled model's scores
    double threshold = 0.0;
    std::vector<double> scores;
    std::vector<char> kept;
    // Over the samples' labels (label 1 = injected defect): normal images kept / images kept, and
    // normal images kept / normal images. NaN when undefined.
    double precision = 0.0;
    double recall = 0.0;
    std::size_t keptCount() const;
};

struct ReconstructionTrainingObserver {
    // Once the run knows what it does, before any work: the images it trains on (in the order the
    // rounds' scores use), the optimiser step it resumes from (-1 = fresh) and the training record so far
    // (the curves of a resumed run).
    std::function<void(const std::vector<Sample>& images, int resumedAt, const nlohmann::json& training)> onStart;
    std::function<void(const LossPoint&)> onLoss;
    std::function<void(const ValidationPoint&)> onValidation;
    std::function<void(const SelectionRound&)> onSelection;
    // Stage 1 done: the memory ensemble's image scores and flags.
    std::function<void(const purify::MemoryEnsembleResult&)> onScreened;
    // Extra validation values for the model as it stands (e.g. pixel AP on labelled images); optional.
    std::function<std::map<std::string, double>(const ReconstructionModel&)> validate;
    // A checkpoint was written (the GUI offers the model as it stands).
    std::function<void(const std::filesystem::path&)> onCheckpoint;
};

struct ReconstructionTrainingResult {
    ReconstructionCheckpoint checkpoint;  // the final one, also written to the path
    std::vector<LossPoint> losses;
    std::vector<ValidationPoint> validation;
    std::vector<SelectionRound> rounds;
    int resumedAt = -1;       // global iteration a run resumed from; -1 = started fresh
    bool alreadyComplete = false;
};

// Trains on `images` and writes the checkpoint to `checkpointPath` (atomically, every checkpointEvery
// iterations, when cancelled and at the end). An unfinished checkpoint there of the same data, options,
// architecture and features is resumed; a finished one is returned as it is; any other is refused with
// a pb::Error saying what differs. Cancelled (via progress) after writing the checkpoint.
ReconstructionTrainingResult trainReconstruction(const TrainingImages& images,
                                                 const ReconstructionArchitecture& architecture,
                                                 const ReconstructionProvenance& provenance,
                                                 const ReconstructionTrainingOptions& options,
                                                 const std::filesystem::path& checkpointPath,
                                                 const ReconstructionTrainingObserver& observer,
                                                 const Progress& progress);

// The training images recorded in a checkpoint's training JSON (path, label, defect), in training order.
std::vector<Sample> trainedSamples(const nlohmann::json& training);

// The curves and selection rounds recorded in a checkpoint's training JSON.
std::vector<LossPoint> lossHistory(const nlohmann::json& training);
std::vector<ValidationPoint> validationHistory(const nlohmann::json& training);
std::vector<SelectionRound> selectionHistory(const nlohmann::json& training);

// The learning rate at iteration `it` of `total`: linear warm-up from 0, then cosine to the final rate.
double warmCosineLearningRate(const ReconstructionTrainingOptions& options, int it, int total);

}  // namespace pb
