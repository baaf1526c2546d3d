// Greedy k-centre coreset selection (PatchCore): start from a random point and repeatedly add the
// point farthest from the selection, distances measured in a fixed random projection. Also the
// variance-weighted variant of the PatchCore experiment suite.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/util/Progress.h"

namespace pb {

struct CoresetOptions {
    // Johnson-Lindenstrauss projection dims for the distances; 0, or >= the vector dimension: none.
    int projection = 128;
    std::uint64_t seed = 0;  // the start point and the projection matrix
    std::string device = "cpu";
    // "pruned": CPU only, exact cell pruning (see CellPrunedSelection); "lazy": CPU only, exact lazy
    // selection with cache-blocked batch updates (see LazyGreedySelection), for features that do not
    // cluster; "full": the CPU pass visiting every point each time (the reference both must match
    // exactly); "torch": a full LibTorch pass per selected point on any device; "auto": lazy on a CPU
    // with a bf16 block kernel, AMX or AVX-512 BF16 (its batch updates pre-filter on it), else pruned switching to lazy once pruning
    // stops paying; torch elsewhere.
    std::string algorithm = "auto";
};

// Selects min(count, n) distinct rows of data [n][dim], in selection order; the first is
// coresetStart(n, seed). With `weights` (one per row, >= 0) the next row is the one maximising
// weights[i] * distance(i, selection) instead of the distance alone. Ties go to the smaller row.
// Memory O(n * projection); no host synchronisation per selected point on a GPU.
std::vector<std::int64_t> greedyCoreset(const float* data, std::size_t n, int dim, std::size_t count,
                                        const CoresetOptions& options, const std::vector<float>& weights = {},
                                        const Progress& progress = Progress{});

// The random start point (Pcg32 from the seed), so that reference implementations can match it.
std::size_t coresetStart(std::size_t n, std::uint64_t seed);

// The projection matrix [dim][projection], row-major, entries N(0, 1/projection) from Pcg32(seed).
// The projected vectors are data x matrix (one LibTorch mm on the CPU).
std::vector<float> coresetProjection(int dim, int projection, std::uint64_t seed);

// Variance weights of the variance-weighted k-centre ("vwcoreset"): the variance of a patch is the
// population variance of its own D feature values, v_i = mean_c (x_ic - mean_c' x_ic')^2, and its weight
// is (v_i / mean_j v_j)^alpha (all 1 when every variance is 0). alpha = 0 gives the plain coreset;
// larger alpha prefers high-variance (high-contrast, textured) patches more strongly.
std::vector<float> varianceWeights(const float* data, std::size_t n, int dim, double alpha);

}  // namespace pb
