// A product's exact memory bank (every patch of its readable training images) and the scoring of
// images against it (METHODS.md section 2). Used by evaluations, the GUI and drag-and-drop scoring.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/backbone/Backbone.h"
#include "engine/dataset/Dataset.h"
#include "engine/experiments/EvaluationOptions.h"
#include "engine/experiments/ProductEvaluation.h"
#include "engine/features/FeatureExtractor.h"
#include "engine/util/Progress.h"
#include "engine/util/StageTimes.h"

namespace pb {

class ExactKnn;

// Where a bank patch came from.
struct BankPatchOrigin {
    std::string imagePath;
    int row = 0;       // patch row/column in the training image's grid
    int column = 0;
    int gridHeight = 0;
    int gridWidth = 0;
    int originalWidth = 0;
    int originalHeight = 0;
};

class ProductModel {
public:
    ProductModel(Backbone& backbone, EvaluationOptions options);
    ~ProductModel();
    ProductModel(ProductModel&&) noexcept;
    ProductModel& operator=(ProductModel&&) noexcept;

    // Extracts (or reads cached) features of the training images and builds the bank. Unreadable images are
    // reported to progress and skipped; throws pb::Error when none is readable.
    void build(const std::string& product, const std::vector<Sample>& train, const Progress& progress,
               StageTimes& times);

    // Scores images against the bank: image score, input-resolution map, ground truth mask when known,
    // and the nearest bank patch of every patch. Unreadable images are reported and left out.
    std::vector<ScoredImage> score(const std::vector<Sample>& images, const Progress& progress, StageTimes& times);

    // Image score of every training image against the bank without that image's own patches
    // (exact leave-one-out), for normal-only thresholds such as their 99th percentile.
    std::vector<double> leaveOneOutScores(const Progress& progress, StageTimes& times) const;

    bool built() const { return bankPatches_ > 0; }
    const std::string& product() const { return product_; }
    std::size_t trainImages() const { return trainPaths_.size(); }
    std::size_t bankPatches() const { return bankPatches_; }
    int featureDim() const { return dim_; }
    std::size_t bankBytes() const { return bankPatches_ * static_cast<std::size_t>(dim_) * sizeof(float); }
    const EvaluationOptions& options() const { return options_; }
    BankPatchOrigin origin(std::int64_t bankIndex) const;

private:
    Backbone* backbone_;
    EvaluationOptions options_;
    std::unique_ptr<FeatureExtractor> extractor_;
    std::unique_ptr<ExactKnn> knn_;
    std::string product_;
    std::vector<std::string> trainPaths_;
    std::vector<std::pair<int, int>> trainOriginalSizes_;
    std::vector<std::size_t> trainFirstPatch_;  // bank index of each training image's first patch
    std::vector<std::pair<int, int>> trainGrids_;
    std::vector<float> bank_;  // kept for leave-one-out banks
    std::size_t bankPatches_ = 0;
    int dim_ = 0;
};

}  // namespace pb
