// Turns image files into patch-feature grids: content digest, cache lookup, decode, preprocess,
// batched backbone, cache store. Unreadable images become Problems, not failures.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/backbone/Backbone.h"
#include "engine/features/FeatureCache.h"
#include "engine/features/FeatureGrid.h"
#include "engine/image/Preprocessor.h"
#include "engine/util/Progress.h"
#include "engine/util/StageTimes.h"

namespace pb {

struct ExtractedFeatures {
    std::optional<FeatureGrid> grid;  // empty when the image could not be read
    int originalWidth = 0;
    int originalHeight = 0;
};

class FeatureExtractor {
public:
    FeatureExtractor(Backbone& backbone, Preprocessor preprocessor, FeatureCache cache, int batchSize = 8);

    // One result per path, in order. `stage` names the progress stage ("train features", ...).
    std::vector<ExtractedFeatures> extract(const std::vector<std::string>& paths, const std::string& stage,
                                           const Progress& progress, StageTimes& times);

    const FeatureCache& cache() const { return cache_; }
    const Preprocessor& preprocessor() const { return preprocessor_; }
    // What the extracted features depend on.
    FeatureIdentity identity() const;
    // The preprocessing part of the cache key.
    std::string preprocessingKey() const;

private:
    Backbone& backbone_;
    Preprocessor preprocessor_;
    FeatureCache cache_;
    int batchSize_;
};

}  // namespace pb
