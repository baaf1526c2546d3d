// k-means clustering (k-means++ seeding + Lloyd iterations) in LibTorch, used to build prototype
// memory banks (kmeans, kmeans_residual) and the IVF coarse quantiser experiments.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace pb {

struct KMeansOptions {
    int iterations = 25;
    std::uint64_t seed = 0;
    std::string device = "cpu";
};

struct KMeansResult {
    int dim = 0;
    std::vector<float> centroids;          // [k][dim]
    std::vector<std::int32_t> assignment;  // [n] index of the nearest centroid
    std::vector<float> distance;           // [n] Euclidean distance to that centroid
    double meanSquaredError = 0;           // mean over points of distance^2
};

// k-means++ initialisation (fixed seed) + Lloyd iterations, in LibTorch on options.device, chunked so that memory
// stays O(n*dim + k*dim + chunk*k) (never n x n), with no per-iteration host synchronisation. k >= n returns the points.
KMeansResult kMeans(const float* data, std::size_t n, int dim, std::size_t k, const KMeansOptions& options);

}  // namespace pb
