// Exact Lloyd iterations on the CPU that skip the distance computations the triangle inequality makes
// unnecessary. Every point keeps an upper bound on the distance to its own centroid and a lower bound on
// the distance to every other one (Hamerly's bounds). A point whose bounds overlap checks a few centroids
// and is settled whenever the best of them is closer than any unchecked centroid can be: after a full
// search, the 16 centroids it found nearest plus the 64 that moved most since (features that do not
// cluster, where centroid-to-centroid bounds are too loose); before one, the 128 centroids nearest its
// own. Only the rest go to a full search through one BLAS product per block. The assignments are those
// of plain Lloyd; it stops early once an iteration moves no point.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/bank/KMeans.h"
#include "engine/util/Progress.h"

namespace pb {

// data [n][dim]; centroids [k][dim] with the exact nearest-centroid `assignment` of every point and its
// `distance` (Euclidean) to it, e.g. from k-means++ seeding. Runs up to `iterations` mean updates, then
// a final assignment; empty clusters are re-seeded from the points farthest from their centroids.
KMeansResult boundedLloyd(const float* data, std::size_t n, int dim, std::vector<float> centroids,
                          std::vector<std::int32_t> assignment, const std::vector<float>& distance, int iterations,
                          const Progress& progress = Progress{});

}  // namespace pb
