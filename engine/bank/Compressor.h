// The compressors of METHODS.md section 4 and the PatchCore suite: each maps a product's patch set to
// at most B vectors (random subsample, greedy coreset, variance-weighted coreset, k-means prototypes,
// k-means + density-aware residuals). Used by the memory banks; exposed for tests and experiments.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/bank/BankSpec.h"
#include "engine/bank/KMeans.h"
#include "engine/util/Progress.h"

namespace pb {

// What a compressor keeps: vectors and, for each, the source row it copies (-1 for a synthetic
// vector such as a k-means centroid).
struct CompressedVectors {
    std::vector<float> vectors;             // [size()][dim]
    std::vector<std::int64_t> sourceIndex;  // [size()]
    std::size_t size() const { return sourceIndex.size(); }
};

// Keeps `budget` vectors of the `count` source vectors by the method of spec.kind (flat keeps all;
// ivfpq is not a compressor), with `seed` in place of spec.seed (the banks vary it per added batch).
// A budget >= count keeps every source vector unchanged, in order.
CompressedVectors compressVectors(const BankSpec& spec, const float* vectors, std::size_t count, int dim,
                                  std::size_t budget, std::uint64_t seed, const Progress& progress);

// kmeans_residual's residual choice: the `count` points with the largest
// distance(x, centroid(x)) * sqrt(median_size / size(cluster(x))), i.e. the worst-represented points,
// sparse clusters first. median_size is the median size of the non-empty clusters (the mean of the two
// middle sizes for an even count). Returns point indices, best first; ties go to the smaller index.
std::vector<std::int64_t> selectResiduals(const KMeansResult& clusters, std::size_t count);

}  // namespace pb
