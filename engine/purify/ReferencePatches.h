// The patch features of a set of reference images, image after image, and the leave-one-image-out
// nearest neighbours every reference-set audit and patch filter starts from (METHODS.md sections 5-6).
#pragma once
#include <cstddef>
#include <vector>

#include "engine/features/FeatureGrid.h"
#include "engine/knn/KnnResult.h"
#include "engine/util/Progress.h"

namespace pb::purify {

struct ReferencePatches {
    int gridHeight = 0;
    int gridWidth = 0;
    int dim = 0;
    std::vector<float> data;  // [images][gridHeight * gridWidth][dim]

    std::size_t patchesPerImage() const { return static_cast<std::size_t>(gridHeight) * gridWidth; }
    std::size_t images() const { return data.empty() ? 0 : data.size() / (patchesPerImage() * dim); }
    std::size_t patches() const { return images() * patchesPerImage(); }
    const float* image(std::size_t i) const { return data.data() + i * patchesPerImage() * dim; }
    const float* patch(std::size_t p) const { return data.data() + p * dim; }
    // Throws pb::Error when the grid's shape differs from the images already held.
    void append(const FeatureGrid& grid);
    // The same patches scaled to unit L2 norm (a zero vector stays zero): cosine geometry in L2 terms.
    ReferencePatches normalised() const;
    // The images `kept` (indices into this set), in that order.
    ReferencePatches subset(const std::vector<std::size_t>& kept) const;
};

// For every patch of every image, its k nearest Euclidean neighbours among the patches of the OTHER
// images (indices are global patch indices, image * patchesPerImage + patch). Needs at least two images
// and k <= the patches of the other images; throws pb::Error otherwise.
KnnResult leaveOneImageOutKnn(const ReferencePatches& patches, int k, const Progress& progress,
                              const std::string& stage = "leave-one-out");

// Mean of each row's k distances: the leave-one-out consistency score of every patch.
std::vector<float> meanDistances(const KnnResult& knn);

}  // namespace pb::purify
