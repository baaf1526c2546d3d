// Per-product statistics of the training patches that feed the dispersion- and
// complexity-weighted budget allocators (METHODS.md section 4, "Allocators", [ours]).
// Every constant is a setting; the defaults are ours.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace pb {

struct DispersionOptions {
    // Queries: a deterministic random subsample (seeded PCG32, without replacement) of at most
    // this many of the product's patches; all patches when there are fewer. 0 = all patches.
    std::size_t maxQueries = 4096;
    std::uint64_t seed = 0;
    std::string knnMethod = "auto";  // createExactKnn method
};

// Mean 1-NN distance inside a product's training patches [n][dim]: for each query patch the
// Euclidean distance to its nearest OTHER patch of the set (the bank is ALL n patches; the
// query's own row is skipped, an exact duplicate elsewhere counts as distance 0), averaged
// over the queries. Exact search (createExactKnn, k = 2). Throws pb::Error when n < 2.
double productDispersion(const float* patches, std::size_t n, int dim, const DispersionOptions& options = {});

struct ComplexityOptions {
    // K grid: firstClusters, 2*firstClusters, 4*firstClusters, ... up to maxClusters.
    std::size_t firstClusters = 16;
    std::size_t maxClusters = 1024;
    // k-means runs on a deterministic random subsample of at most this many patches (0 = all).
    std::size_t maxPoints = 8192;
    // The quantisation error to reach (mean over points of the squared distance to the
    // nearest centroid). When absoluteThreshold > 0 it is used as is, the same for every
    // product (a truly fixed error). Otherwise (the default) the threshold is
    // thresholdFraction x the product's own MSE at K = 1, i.e. its total variance (mean
    // squared distance to the mean), so the default asks "how many clusters remove half of
    // this product's variance".
    double thresholdFraction = 0.5;
    double absoluteThreshold = 0;
    int kmeansIterations = 25;
    std::uint64_t seed = 0;
    std::string device = "cpu";  // where k-means runs (KMeansOptions::device)
};

struct ComplexityResult {
    std::size_t clusters = 0;     // the smallest grid K that reached the threshold, or the last K tried
    bool reached = false;         // false: even the last K tried stayed above the threshold
    double threshold = 0;         // the MSE that had to be reached
    double totalVariance = 0;     // MSE at K = 1 on the subsample
    std::size_t points = 0;       // size of the subsample k-means ran on
    std::vector<std::pair<std::size_t, double>> curve;  // (K, MSE) for every K tried
};

// The number of k-means clusters a product's patches need to reach the quantisation error
// threshold: the smallest K on the doubling grid whose k-means MSE <= threshold. A grid K at
// or above the subsample size is replaced by the subsample size (where the MSE is 0) and ends
// the search. Throws pb::Error for n == 0 or invalid options.
ComplexityResult productComplexity(const float* patches, std::size_t n, int dim, const ComplexityOptions& options = {});

// Row indices of a deterministic random subsample of `count` of n rows (all rows when count
// is 0 or >= n), sorted ascending. Shared by the two statistics.
std::vector<std::size_t> subsampleRows(std::size_t n, std::size_t count, std::uint64_t seed);

}  // namespace pb
