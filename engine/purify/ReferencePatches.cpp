#include "engine/purify/ReferencePatches.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "engine/knn/ExactKnn.h"
#include "engine/util/Error.h"

namespace pb::purify {

void ReferencePatches::append(const FeatureGrid& grid) {
    if (grid.empty()) throw Error("an empty feature grid cannot join a reference set");
    if (data.empty()) {
        gridHeight = grid.height;
        gridWidth = grid.width;
        dim = grid.dim;
    } else if (grid.height != gridHeight || grid.width != gridWidth || grid.dim != dim) {
        throw Error("feature grid " + std::to_string(grid.height) + "x" + std::to_string(grid.width) + "x" +
                    std::to_string(grid.dim) + " differs from the reference set's " + std::to_string(gridHeight) + "x" +
                    std::to_string(gridWidth) + "x" + std::to_string(dim));
    }
    data.insert(data.end(), grid.data.begin(), grid.data.end());
}

ReferencePatches ReferencePatches::normalised() const {
    ReferencePatches out = *this;
    for (std::size_t p = 0; p < patches(); ++p) {
        float* v = out.data.data() + p * dim;
        double norm = 0;
        for (int j = 0; j < dim; ++j) norm += static_cast<double>(v[j]) * v[j];
        if (norm <= 0) continue;
        const float scale = static_cast<float>(1.0 / std::sqrt(norm));
        for (int j = 0; j < dim; ++j) v[j] *= scale;
    }
    return out;
}

ReferencePatches ReferencePatches::subset(const std::vector<std::size_t>& kept) const {
    ReferencePatches out;
    out.gridHeight = gridHeight;
    out.gridWidth = gridWidth;
    out.dim = dim;
    const std::size_t stride = patchesPerImage() * dim;
    out.data.reserve(kept.size() * stride);
    for (std::size_t i : kept) {
        if (i >= images()) throw Error("reference image " + std::to_string(i) + " is out of range");
        out.data.insert(out.data.end(), image(i), image(i) + stride);
    }
    return out;
}

namespace {

// Appends the k nearest of `a` and `b` (each ascending, indices already global) per query.
void mergeInto(KnnResult& out, const KnnResult* a, const KnnResult* b, std::size_t queries, int k) {
    for (std::size_t q = 0; q < queries; ++q) {
        int ia = 0, ib = 0;
        for (int j = 0; j < k; ++j) {
            const bool takeA =
                a && ia < a->k && (!b || ib >= b->k || a->distance(q, ia) <= b->distance(q, ib));
            const KnnResult& from = takeA ? *a : *b;
            int& at = takeA ? ia : ib;
            out.distances.push_back(from.distance(q, at));
            out.indices.push_back(from.index(q, at));
            ++at;
        }
    }
}

}  // namespace

KnnResult leaveOneImageOutKnn(const ReferencePatches& patches, int k, const Progress& progress,
                              const std::string& stage) {
    const std::size_t n = patches.images();
    const std::size_t per = patches.patchesPerImage();
    if (n < 2) throw Error("leave-one-out needs at least two reference images, got " + std::to_string(n));
    if (k < 1 || static_cast<std::size_t>(k) > (n - 1) * per)
        throw Error("leave-one-out k must be between 1 and the other images' " + std::to_string((n - 1) * per) +
                    " patches, got " + std::to_string(k));
    KnnResult out;
    out.queries = n * per;
    out.k = k;
    out.distances.reserve(out.queries * k);
    out.indices.reserve(out.queries * k);
    // The other images are two contiguous runs, [0, i) and (i, n): two in-place searches, merged.
    auto before = createExactKnn("blas");
    auto after = createExactKnn("blas");
    for (std::size_t i = 0; i < n; ++i) {
        progress.step(stage, i, n);
        const float* queries = patches.image(i);
        std::optional<KnnResult> a, b;
        if (i > 0) {
            before->setBankView(patches.image(0), i * per, patches.dim);
            a = before->search(queries, per, std::min<std::size_t>(k, i * per));
        }
        if (i + 1 < n) {
            after->setBankView(patches.image(i + 1), (n - i - 1) * per, patches.dim);
            b = after->search(queries, per, std::min<std::size_t>(k, (n - i - 1) * per));
            for (auto& index : b->indices) index += static_cast<std::int64_t>((i + 1) * per);
        }
        mergeInto(out, a ? &*a : nullptr, b ? &*b : nullptr, per, k);
    }
    progress.step(stage, n, n);
    return out;
}

std::vector<float> meanDistances(const KnnResult& knn) {
    std::vector<float> out(knn.queries);
    for (std::size_t q = 0; q < knn.queries; ++q) {
        double sum = 0;
        for (int j = 0; j < knn.k; ++j) sum += knn.distance(q, j);
        out[q] = static_cast<float>(sum / knn.k);
    }
    return out;
}

}  // namespace pb::purify
