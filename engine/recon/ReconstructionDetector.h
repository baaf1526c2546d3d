// The reconstruction detector as the rest of PatchBank sees it: images in, ScoredImages out (image
// score, input-resolution map, ground truth), like a memory bank, so that the metrics, reports, the
// GUI and the suite use it unchanged. Maps as Dinomaly computes them: the patch map bilinearly
// upsampled (corners aligned) to the input, a Gaussian (sigma 4, 5 taps, zero border), and the image
// score is the mean of the top 1% of the map's pixels.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "engine/backbone/Backbone.h"
#include "engine/experiments/EvaluationOptions.h"
#include "engine/experiments/ProductEvaluation.h"
#include "engine/features/FeatureExtractor.h"
#include "engine/recon/ReconstructionModel.h"
#include "engine/recon/ReconstructionTrainer.h"
#include "engine/util/Progress.h"
#include "engine/util/StageTimes.h"

namespace pb {

// What a model trained on these features records (grid and product filled by the caller).
ReconstructionProvenance reconstructionProvenance(const Backbone& backbone, const EvaluationOptions& options,
                                                  const std::string& product);

// The training set's features; unreadable images are reported to progress and left out. Throws pb::Error
// when fewer than two are readable or their grids differ.
TrainingImages extractTrainingImages(FeatureExtractor& extractor, const std::vector<Sample>& samples,
                                     const Progress& progress, StageTimes& times);

// Scores images whose features are already extracted (one per sample; an empty grid is left out).
std::vector<ScoredImage> scoreWithReconstruction(const ReconstructionModel& model, const std::vector<Sample>& samples,
                                                 const std::vector<ExtractedFeatures>& features,
                                                 const EvaluationOptions& options, const Progress& progress);

class ReconstructionDetector {
public:
    ReconstructionDetector(Backbone& backbone, EvaluationOptions options);
    ~ReconstructionDetector();

    // Reads a model file; refuses one trained on other features, naming what differs.
    void load(const std::filesystem::path& path);
    void setModel(ReconstructionModel model, ReconstructionProvenance provenance, nlohmann::json training);

    // Unreadable images are reported and left out.
    std::vector<ScoredImage> score(const std::vector<Sample>& images, const Progress& progress, StageTimes& times) const;
    // An evaluation before any image is scored: product, features, the model's size as its "bank".
    ProductEvaluation describe() const;

    bool loaded() const { return !model_.empty(); }
    const ReconstructionModel& model() const { return model_; }
    const ReconstructionProvenance& provenance() const { return provenance_; }
    const nlohmann::json& training() const { return training_; }
    const EvaluationOptions& options() const { return options_; }
    FeatureExtractor& extractor() { return *extractor_; }

private:
    Backbone* backbone_;
    EvaluationOptions options_;
    std::unique_ptr<FeatureExtractor> extractor_;
    ReconstructionModel model_;
    ReconstructionProvenance provenance_;
    nlohmann::json training_;
};

}  // namespace pb
