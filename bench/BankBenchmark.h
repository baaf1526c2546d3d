// Measurements behind `patchbank-cli bench coreset` and `bench ivfpq`: greedy coreset selection time
// (against a baseline the caller supplies) and kNN throughput and recall of IVF-PQ banks against
// exact BLAS search, on synthetic patch-like features (also those of `bench kmeans`).
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "engine/bank/GreedyCoreset.h"

namespace pb {

// n synthetic patch-like features (Pcg32 from the seed, so identical everywhere): `clusters` clusters of
// uneven sizes, each a Gaussian of intrinsic dimension 8 (a random 8-direction basis, spread 0.2..1.0)
// around a N(0, 1) centre plus isotropic noise 0.02. kind "uniform" instead gives independent U(-1, 1)
// values (no structure at all: the worst case for pruning and for quantisation).
std::vector<float> syntheticPatchFeatures(std::size_t n, int dim, int clusters, std::uint64_t seed,
                                          const std::string& kind = "clustered");

// Where two greedy selections of the same data part, and why.
struct SelectionComparison {
    std::size_t count = 0;
    bool identical = false;
    std::size_t identicalPrefix = 0;  // steps before the first difference
    std::size_t common = 0;           // indices in both selections
    // At the first difference: the distances (in the projected space, double precision) of the two
    // choices to the common prefix, and their relative gap. A gap near float rounding (~1e-6) means
    // the two implementations met a tie that only the last bits decide.
    double distanceA = 0;
    double distanceB = 0;
    double relativeGap = 0;
};
SelectionComparison compareSelections(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& b,
                                      const float* data, std::size_t n, int dim, const CoresetOptions& options);

struct CoresetTiming {
    std::string method;
    double seconds = 0;
    std::vector<std::int64_t> selection;
};
// Wall time of one greedyCoreset call.
CoresetTiming timeGreedyCoreset(const float* data, std::size_t n, int dim, std::size_t count,
                                const CoresetOptions& options);

struct IvfPqBenchmarkRow {
    std::string method;          // "exact (blas)" or the IVF-PQ spec
    int nbits = 0;               // 0 for exact
    int nprobe = 0;
    double buildSeconds = 0;     // setBank, or training + encoding
    double medianSeconds = 0;    // one search of all queries, after one untimed warm-up
    double queriesPerSecond = 0;
    double speedup = 0;          // exact median time / this median time
    double recallAt1 = 0;        // fraction of queries whose first neighbour is the exact first neighbour
    std::size_t bytes = 0;       // searchable representation
};
// Exact BLAS search, then one IVF-PQ bank per nbits (trained once) searched at every nprobe, all with
// the same bank and queries (fresh draws from the same distribution).
std::vector<IvfPqBenchmarkRow> benchmarkIvfPq(std::size_t bankSize, int dim, std::size_t queries, int k, int nlist,
                                              int m, const std::vector<int>& nbits, const std::vector<int>& nprobes,
                                              int repeats, const std::string& dataKind = "clustered",
                                              const std::function<void(const IvfPqBenchmarkRow&)>& onRow = {});

}  // namespace pb
