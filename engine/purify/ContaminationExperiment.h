// One cell of the purification paper's experiment (METHODS.md section 5): contaminate a product's
// few-shot support as the protocol says, clean it with one method, build the bank from what is left and
// score the protocol's test set (k = 5 mean distance, P95 image score). Features are extracted once
// per image and held, so a grid of seeds, rates and methods costs only the searches.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/dataset/Dataset.h"
#include "engine/features/FeatureExtractor.h"
#include "engine/purify/ContaminationProtocol.h"
#include "engine/purify/ImageAudit.h"
#include "engine/purify/PatchFilter.h"
#include "engine/util/Progress.h"
#include "engine/util/StageTimes.h"

namespace pb::purify {

// What is done to the contaminated support before the bank is built.
struct PurificationMethod {
    enum class Kind {
        None,          // "none"
        Audit,         // "audit": remove the images the image-level audit flags
        Recapture,     // "recapture": replace them by unused normal images (the protocol's order)
        Patches,       // a patch score (PatchScoreMethod's names): remove patches above its 95th percentile
        RandomPatches, // "random": remove as many patches at random (RandomState(seed + 5000))
        OracleImages,  // "oracle": remove the contaminants (uses the protocol's knowledge)
        KnownCount,    // "image_known_c" / "imgmax_known_c": remove the m images with the highest mean / max
                       // leave-one-out score, m the true contaminant count
    };
    Kind kind = Kind::None;
    PatchScoreMethod patchScore = PatchScoreMethod::Loo;  // Kind::Patches
    AuditScore knownCountScore = AuditScore::Mean;        // Kind::KnownCount

    std::string name() const;
    // Throws pb::Error naming the accepted methods.
    static PurificationMethod fromString(const std::string& name);
    static std::vector<std::string> names();
};

// The patch features of one product's train and test images, extracted on first use and held.
class ProductFeatureStore {
public:
    ProductFeatureStore(FeatureExtractor& extractor, const Dataset& dataset, const std::string& product);

    // Extracts the images of these indices not held yet, in one batch. An unreadable image throws
    // pb::Error naming it: the protocol's indices count every image.
    void require(const std::vector<std::size_t>& train, const std::vector<std::size_t>& test, const Progress& progress,
                 StageTimes& times);
    const FeatureGrid& train(std::size_t i) const;
    const FeatureGrid& test(std::size_t i) const;
    const std::vector<Sample>& trainSamples() const { return train_; }
    const std::vector<Sample>& testSamples() const { return test_; }
    std::vector<int> testLabels() const;
    const std::string& product() const { return product_; }
    const std::string& dataset() const { return dataset_; }

private:
    FeatureExtractor& extractor_;
    std::string dataset_;
    std::string product_;
    std::vector<Sample> train_, test_;
    std::map<std::size_t, FeatureGrid> trainGrids_, testGrids_;
};

// One row of the results: the papers' columns (results_v2.csv and the audit's results.csv).
struct PurificationRun {
    std::string dataset;  // the data set's root folder
    std::string product;
    ContaminationSpec spec;
    std::string method;
    AuditRule audit;                     // used by audit and recapture
    std::size_t trainAfter = 0;          // reference images in the bank
    std::size_t contaminated = 0;        // contaminants in the support
    std::size_t removedImages = 0;
    std::size_t removedContaminants = 0; // removed images that were contaminants
    std::size_t recaptured = 0;
    std::size_t patchesRemoved = 0;
    std::size_t test = 0, normalTest = 0, anomalyTest = 0;
    int k = 5;
    double percentile = 95.0;
    double imageAuroc = 0, imageAp = 0, imageF1Max = 0, tprAt1Fpr = 0, tprAt5Fpr = 0;
    double seconds = 0;
};

class ContaminationExperiment {
public:
    explicit ContaminationExperiment(ProductFeatureStore& features, int k = 5);

    PurificationRun run(const ContaminationSpec& spec, const PurificationMethod& method, const AuditRule& audit,
                        const Progress& progress);

private:
    // A test image's patches' nearest patches in one reference image: [patches][depth], ascending.
    struct NeighbourList {
        int depth = 0;
        std::vector<float> distance;
        std::vector<std::uint32_t> patch;
    };
    // A reference image in the bank and which of its patches are kept (empty: all).
    struct BankImage {
        ReferenceImage image;
        std::vector<bool> keep;
    };
    const NeighbourList& neighbours(std::size_t test, const ReferenceImage& image,
                                    const std::function<const FeatureGrid&(const ReferenceImage&)>& gridOf);
    // The P95 image score of a test image against the union of the bank images' kept patches (exact).
    double scoreTestImage(std::size_t test, const std::vector<BankImage>& bank,
                          const std::function<const FeatureGrid&(const ReferenceImage&)>& gridOf);

    ProductFeatureStore& features_;
    int k_;
    std::map<std::string, std::map<std::size_t, double>> scoreCache_;  // bank -> test image -> image score
    // Every method of a (support, seed) draws its bank from the same few images: a test image is searched
    // against each of them once, and each bank merges the lists.
    std::map<std::string, NeighbourList> neighbourLists_;
    std::pair<int, int> neighbourKey_{-1, -1};
};

// A run as a results row, with the field names of purification.csv (NaN as null), and back. The suite's
// log and purification.csv share these names.
nlohmann::json toJson(const PurificationRun& run);
PurificationRun purificationRunFromJson(const nlohmann::json& row);

// The results table, one row per run, written atomically.
void writePurificationCsv(const std::filesystem::path& path, const std::vector<PurificationRun>& runs);

}  // namespace pb::purify
