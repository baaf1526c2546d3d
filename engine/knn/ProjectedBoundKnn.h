// Exact kNN that skips most of the distance work with a lower bound. Each vector x is mapped to
// x' = [W^T (x - mean), ||residual||], its coordinates on the bank's r leading principal axes plus
// the length of what those axes leave out. Then ||q' - b'|| <= ||q - b|| for every pair (the
// projection part by orthogonality, the last coordinate by the reverse triangle inequality), so
// a bank row whose bound already exceeds a query's current k-th best distance cannot be one of
// its neighbours. The bounds come from one sgemm of depth r + 1 instead of the full dimension;
// only the rows that survive get an exact distance. On patch features most of the variance lies
// on a few axes, and few rows survive (0.38% of the pairs of a 591k-row magnetic-tile bank at r = 32,
// D = 128). The bank is visited coarse to fine (every S-th row first, then the rows between) so that
// the k-th best distances are near their final values early. Where the bound prunes too little
// (isotropic data), a query chunk falls back to the full product for the rest of the bank: on uniform
// random vectors it is somewhat slower than BlasKnn. Every setBank pays the set-up: principal axes and
// a projected copy of the bank ([rows][r + 1] floats).
#pragma once
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "engine/knn/ExactKnn.h"

namespace pb {

class ProjectedBoundKnn : public ExactKnn {
public:
    // projectedDims: r, the principal axes kept (0: a quarter of the dimension, between 1 and 64).
    // Chunks as in BlasKnn (0: 1024 queries x 2048 bank rows).
    // warmRows: about this many bank rows (at least warmRows, fewer than twice as many), spread evenly,
    // are searched in full first (0: 8192).
    explicit ProjectedBoundKnn(int projectedDims = 0, std::size_t queryChunk = 0, std::size_t bankChunk = 0,
                               std::size_t warmRows = 0);
    ProjectedBoundKnn(const ProjectedBoundKnn&) = delete;
    ProjectedBoundKnn& operator=(const ProjectedBoundKnn&) = delete;

    std::string name() const override { return "projected"; }
    void setBank(const float* vectors, std::size_t count, int dim) override;
    void setBankView(const float* vectors, std::size_t count, int dim) override;
    std::size_t size() const override { return count_; }
    int dim() const override { return dim_; }
    KnnResult search(const float* queries, std::size_t count, int k) const override;

    int projectedDims() const { return rank_; }

    // What the last search did, to measure how well the bound works on a data set.
    struct Stats {
        std::size_t pairs = 0;           // query x bank pairs (each once: queries x bank size)
        std::size_t boundedPairs = 0;    // of those, tested with the bound instead of the full product
        std::size_t exactDistances = 0;  // bounded pairs that needed an exact distance
    };
    Stats lastSearchStats() const;

private:
    void prepare(std::size_t count, int dim);
    // Writes the projected rows [count][rank_ + 1] of `vectors` to `out`, and their squared norms.
    void project(const float* vectors, std::size_t count, float* out, float* norms) const;
    void recordStats(const Stats& stats) const;

    int requestedDims_;
    std::size_t warmTarget_;
    std::size_t queryChunk_;
    std::size_t bankChunk_;
    std::vector<float> owned_;
    const float* bank_ = nullptr;
    std::vector<float> bankNorms_;   // ||b||^2
    std::vector<float> mean_;        // [dim]
    std::vector<float> axes_;        // [dim][rank_], orthonormal columns
    std::vector<float> projected_;   // [count][rank_ + 1], in visiting order
    std::vector<float> projectedNorms_;
    std::vector<std::int64_t> order_;  // bank rows in visiting order, coarse to fine
    std::size_t warmCount_ = 0;        // the first warmCount_ of order_ are searched in full
    std::vector<float> warmRows_;      // [warmCount_][dim], copied for one contiguous sgemm
    std::vector<float> orderedNorms_;  // ||b||^2 in visiting order
    float largestProjectedNorm_ = 0;  // max ||b'||, for the rounding margin
    float largestNorm_ = 0;           // max ||b||, likewise
    std::size_t count_ = 0;
    int dim_ = 0;
    int rank_ = 0;
    mutable std::mutex statsMutex_;  // searches may run concurrently
    mutable Stats stats_;
};

}  // namespace pb
