// A product's memory bank (every patch of its readable training images, compressed per the bank spec)
// and the scoring of images against it (METHODS.md section 2). Used by evaluations, the GUI and
// drag-and-drop scoring.
#pragma once
#include <cstdint>
#include <filesystem>
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

class MemoryBank;
struct BankProvenance;

// The feature extractor these options ask for: their resolution and crop, their cache folder (none when
// empty) and batch size. Throws pb::Error on a resolution or crop out of range.
std::unique_ptr<FeatureExtractor> createFeatureExtractor(Backbone& backbone, const EvaluationOptions& options);

// Where a bank vector came from. imagePath is empty for a synthetic vector (a k-means centroid) and for
// banks loaded from a file, whose training images are not known.
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
    // A deep copy on the same backbone: Add images changes a copy and publishes it, so that readers of
    // the published model never see it change.
    ProductModel clone() const;
    ProductModel& operator=(ProductModel&&) noexcept;

    // Extracts (or reads cached) features of the training images and builds the bank. Unreadable images are
    // reported to progress and skipped; throws pb::Error when none is readable.
    void build(const std::string& product, const std::vector<Sample>& train, const Progress& progress,
               StageTimes& times);

    // Adds the patches of more normal images to the bank without rebuilding it (compressed the same way).
    // Returns how many images were added.
    std::size_t addImages(const std::vector<Sample>& images, const Progress& progress, StageTimes& times);

    // Writes the bank to one file with the features it was built from; load() refuses a bank built from
    // other features (backbone, layers, resolution, crop) with a message naming what differs.
    void save(const std::filesystem::path& path) const;
    void load(const std::filesystem::path& path);

    // Scores images against the bank: image score, input-resolution map, ground truth mask when known,
    // and the nearest bank row of every patch. Unreadable images are reported and left out.
    std::vector<ScoredImage> score(const std::vector<Sample>& images, const Progress& progress, StageTimes& times) const;

    // Image score of every training image against the bank without that image's own patches
    // (exact leave-one-out for flat banks; for compressed banks the rows kept from that image are left out,
    // synthetic rows stay), and every patch score: for thresholds and colour scales from normal data only.
    LeaveOneOutScores leaveOneOut(const Progress& progress, StageTimes& times) const;

    bool built() const;
    const std::string& product() const { return product_; }
    std::size_t trainImages() const { return trainPaths_.size(); }
    std::size_t bankPatches() const;   // stored bank vectors
    std::size_t sourcePatches() const; // training patches the bank was built from
    int featureDim() const { return dim_; }
    std::size_t bankBytes() const;
    double compressionRatio() const;   // source float32 bytes / bank bytes
    int neighbours() const;            // k averaged into a patch score (neighboursFor)
    // An evaluation of this model before any image is scored: product, backbone, bank sizes and the
    // k actually averaged. Every metrics row starts here (evaluate, bank score, the GUI).
    ProductEvaluation describe() const;
    std::string bankSpec() const;
    const MemoryBank& bank() const;
    const EvaluationOptions& options() const { return options_; }
    BankProvenance provenance() const;
    BankPatchOrigin origin(std::int64_t bankRow) const;

private:
    std::vector<ExtractedFeatures> extractFeatures(const std::vector<Sample>& images, const std::string& stage,
                                                   const Progress& progress, StageTimes& times) const;
    void appendSources(const std::vector<Sample>& images, std::vector<ExtractedFeatures>& features,
                       std::vector<float>& added);

    Backbone* backbone_;
    EvaluationOptions options_;
    std::unique_ptr<FeatureExtractor> extractor_;
    std::unique_ptr<MemoryBank> bank_;
    std::string product_;
    std::vector<std::string> trainPaths_;
    std::vector<std::pair<int, int>> trainOriginalSizes_;
    std::vector<std::size_t> trainFirstPatch_;  // source index of each training image's first patch
    std::vector<std::pair<int, int>> trainGrids_;
    std::vector<float> sources_;  // every source patch, kept for leave-one-out
    int dim_ = 0;
};

}  // namespace pb
