// Patch-level purification of a reference set (METHODS.md section 5): an outlier score for every bank
// patch, and the rule that removes the patches above the 95th percentile of those scores. The paper's
// methods (leave-one-out consistency, Ledoit-Wolf Mahalanobis, their ensemble) and its controls
// (local outlier factor, PCA reconstruction error, isolation forest).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "engine/purify/ReferencePatches.h"
#include "engine/util/Progress.h"

namespace pb::purify {

enum class PatchScoreMethod {
    Loo,          // "loo": mean of the k nearest distances to the other images' patches
    LooCosine,    // "loo_cosine": the same on L2-normalised copies
    Mahalanobis,  // "mahalanobis": Ledoit-Wolf shrunk covariance of all bank patches
    Ensemble,     // "ensemble": min-max normalised Loo and Mahalanobis, averaged 50/50
    Lof,          // "lof": local outlier factor, n_neighbors = min(20, n - 1) (scikit-learn's definition)
    Pca,          // "pca": reconstruction error outside the principal axes holding 95% of the variance
    IsolationForest,  // "iforest": scikit-learn's IsolationForest score (100 trees of 256 patches), seeded
};
std::string toString(PatchScoreMethod method);
// Every method, in the order above.
const std::vector<PatchScoreMethod>& patchScoreMethods();
// Throws pb::Error on an unknown name.
PatchScoreMethod patchScoreMethodFromString(const std::string& name);

// One score per patch of `patches` (higher = more suspicious). k: the leave-one-out neighbours.
std::vector<float> patchOutlierScores(const ReferencePatches& patches, PatchScoreMethod method, int k,
                                      const Progress& progress);

// Which patches to keep: those not above numpy.percentile(scores, percentile) (linear interpolation).
std::vector<bool> keepAtOrBelowPercentile(const std::vector<float>& scores, double percentile = 95.0);
// How many patches keepAtOrBelowPercentile removes from `count` distinct scores: the random control
// removes as many.
std::size_t removedAbovePercentile(std::size_t count, double percentile = 95.0);

// (x - min) / (max - min + 1e-8), the paper's ensemble normalisation.
std::vector<float> minMaxNormalised(const std::vector<float>& scores);

}  // namespace pb::purify
