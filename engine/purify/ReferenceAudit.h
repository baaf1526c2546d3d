// The audit of a product's reference ("good") images, the engineer's tool: no labels needed. Every
// image gets its audit score (METHODS.md section 5: its patches' leave-one-out distances to the other
// references), the robust threshold flags the outliers, and each image's worst patch is located with
// its nearest patches among the other references, so a person can see why it was flagged. Optionally
// the MeDS memory-ensemble screen runs beside it (section 6).
#pragma once
#include <cstddef>
#include <filesystem>
#include <limits>
#include <vector>

#include "engine/dataset/Dataset.h"
#include "engine/features/FeatureExtractor.h"
#include "engine/purify/ImageAudit.h"
#include "engine/purify/MemoryEnsemble.h"
#include "engine/util/Progress.h"
#include "engine/util/StageTimes.h"

namespace pb::purify {

struct ReferenceAuditOptions {
    AuditRule rule;
    int k = 5;                   // leave-one-out neighbours
    bool memoryEnsemble = false; // also screen with MeDS stage 1
    MemoryEnsembleOptions ensemble;
};

// A patch of a reference image.
struct PatchLocation {
    std::size_t image = 0;  // index into ReferenceAuditReport::images
    int row = 0;
    int column = 0;
    double distance = 0;    // from the patch it is a neighbour of; for a worst patch its leave-one-out score
};

struct AuditedImage {
    Sample sample;
    double score = 0;
    bool flagged = false;
    int rank = 0;                          // 1 = most suspicious
    PatchLocation worstPatch;              // its own patch with the largest leave-one-out score
    std::vector<PatchLocation> neighbours; // the worst patch's k nearest patches among the other references
    std::vector<float> patchScores;        // [gridHeight * gridWidth] leave-one-out scores
    int gridHeight = 0;
    int gridWidth = 0;
    int originalWidth = 0;
    int originalHeight = 0;
    double ensembleScore = std::numeric_limits<double>::quiet_NaN();  // MeDS stage 1, when run
    bool ensembleFlagged = false;
};

struct ReferenceAuditReport {
    std::string product;
    AuditRule rule;
    std::vector<AuditedImage> images;   // in the order given
    double median = 0;
    double mad = 0;
    double threshold = 0;               // +inf: MAD < 1e-12, nothing flagged
    std::size_t maxFlagged = 0;         // the int(0.4 N) cap
    bool ensembleRun = false;
    double ensembleThreshold = std::numeric_limits<double>::quiet_NaN();
    std::vector<Problem> problems;      // unreadable images, left out of the audit (progress was told too)

    std::vector<std::size_t> flagged() const;  // indices, most suspicious first
    std::vector<std::size_t> ranking() const;  // every index, most suspicious first
};

// Extracts (or reads cached) features of the references and audits them. Unreadable images are reported
// and left out; throws pb::Error when fewer than two can be read.
ReferenceAuditReport auditReferences(FeatureExtractor& extractor, const std::string& product,
                                     const std::vector<Sample>& references, const ReferenceAuditOptions& options,
                                     const Progress& progress, StageTimes& times);

// audit.csv (one row per image, most suspicious first) and, when writeImages, per flagged image
// <stem>_worst.png (the worst patch outlined on the image, with a crop beside it) and <stem>_heatmap.png
// (the leave-one-out patch scores over the image). Files are written atomically.
void writeReferenceAudit(const ReferenceAuditReport& report, const std::filesystem::path& outDir, bool writeImages);

}  // namespace pb::purify
