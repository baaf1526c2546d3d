// k-means clustering (k-means++ seeding + Lloyd iterations), used to build prototype memory banks
// (kmeans, kmeans_residual) and for the product complexity statistic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/util/Progress.h"

namespace pb {

struct KMeansOptions {
    int iterations = 25;
    std::uint64_t seed = 0;
    std::string device = "cpu";
    // "pruned": CPU only; exact cell-pruned k-means++ draws (the same draws as "torch") and Lloyd with
    // triangle-inequality bounds through BLAS, stopping once no point moves. "torch": dense LibTorch
    // passes on any device, no per-iteration host synchronisation. "auto": pruned on the CPU, whose
    // draws continue by rejection sampling (lazyKMeansPlusPlus: the same distribution, other draws)
    // once the features turn out not to cluster; torch elsewhere.
    std::string algorithm = "auto";
};

struct KMeansResult {
    int dim = 0;
    std::vector<float> centroids;          // [k][dim]
    std::vector<std::int32_t> assignment;  // [n] index of the nearest centroid
    std::vector<float> distance;           // [n] Euclidean distance to that centroid
    double meanSquaredError = 0;           // mean over points of distance^2
};

// k-means++ initialisation (fixed seed) + up to
// options.iterations Lloyd updates + a final assignment. Memory O(n*dim + k*dim + block*k), never n x n.
// k >= n returns the points.
KMeansResult kMeans(const float* data, std::size_t n, int dim, std::size_t k, const KMeansOptions& options,
                    const Progress& progress = Progress{});

}  // namespace pb
