// What the workbench's purification panel needs beside the audit (METHODS.md sections 5 and 6): the
// patch features of a reference set held in memory, and the test-set comparison of a bank of every
// reference patch against a bank of the patches a patch filter keeps, scored as the contamination
// experiment scores (k nearest mean distance per patch, P95 image score, image AUROC).
#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "engine/dataset/Dataset.h"
#include "engine/features/FeatureExtractor.h"
#include "engine/features/FeatureGrid.h"
#include "engine/purify/ImageAudit.h"
#include "engine/purify/ReferenceAudit.h"
#include "engine/purify/ReferencePatches.h"
#include "engine/util/Progress.h"
#include "engine/util/StageTimes.h"

namespace pb::purify {

// The readable images of a reference set and their patches, image after image.
struct ReferenceFeatures {
    std::vector<Sample> samples;  // in the order given, unreadable ones left out
    ReferencePatches patches;  // patches.image(i) belongs to samples[i]
    std::vector<std::pair<int, int>> originalSizes;  // width, height of each decoded image
    std::vector<Problem> problems;  // the images left out, with the reason
};

// Extracts (or reads cached) features of the images. Unreadable images are reported to `progress`
// and listed in problems; throws pb::Error when fewer than `minimum` can be read.
ReferenceFeatures extractReferenceFeatures(FeatureExtractor& extractor, const std::vector<Sample>& images,
                                           const std::string& stage, const Progress& progress, StageTimes& times,
                                           std::size_t minimum = 2);

// The same audit under another rule (score variant, k, cap): the leave-one-out patch scores, worst
// patches and neighbours do not depend on it, so only the image scores, the threshold, the flags and
// the ranks are recomputed, as auditImages does. Cheap enough for a control that moves live.
ReferenceAuditReport withAuditRule(ReferenceAuditReport report, const AuditRule& rule);

// The patch vectors of `patches` whose keep flag is set ([kept][dim]); keep must hold one flag per patch.
std::vector<float> keptPatchVectors(const ReferencePatches& patches, const std::vector<bool>& keep);

// The image score of every test grid against a bank of patch vectors ([rows][dim]): the mean of each
// patch's k nearest Euclidean distances, then the P95 order statistic (METHODS.md section 2). Throws
// pb::Error when the bank holds fewer than k vectors or a grid's dimension differs from the bank's.
std::vector<double> imageScoresAgainstPatches(const std::vector<float>& bank, int dim,
                                              const std::vector<FeatureGrid>& test, int k, const Progress& progress,
                                              const std::string& stage = "scoring");

// Test-set image AUROC of the bank of every reference patch and of the bank of the kept ones.
struct KeptPatchComparison {
    std::size_t allPatches = 0;
    std::size_t keptPatches = 0;
    std::size_t normalTest = 0;
    std::size_t anomalousTest = 0;
    std::vector<double> allScores, keptScores;  // per test image
    double allAuroc = 0;
    double keptAuroc = 0;
};

// labels: 0 normal, 1 anomalous, one per test grid; both classes must be present (pb::Error otherwise).
KeptPatchComparison compareKeptPatches(const ReferencePatches& patches, const std::vector<bool>& keep,
                                       const std::vector<FeatureGrid>& test, const std::vector<int>& labels, int k,
                                       const Progress& progress);

}  // namespace pb::purify
