// Exact kNN that skips most of the distance work with a lower bound. Each vector x is mapped to
// x' = [W^T (x - mean), ||residual||], its coordinates on the bank's r leading principal axes plus
// the length of what those axes leave out. Then ||q' - b'|| <= ||q - b|| for every pair (the
// projection part by orthogonality, the last coordinate by the reverse triangle inequality), so
// a bank row whose bound already exceeds a query's k-th nearest distance cannot be one of its
// neighbours. On patch features most of the variance lies on a few axes, and few rows survive.
//
// Each query is searched in two scans of the projected bank, on blas's fused kernels where the CPU has
// them: the first, on the leading r / 2 coordinates alone, finds the 2k rows (at least 16) nearest there,
// whose exact distances give an upper bound T of the k-th nearest distance; the second, on all r + 1,
// keeps every row whose bound is below T. Each of those whose bound is still below the k-th exact distance
// found gets an exact distance. A query whose bound lets too many rows through (isotropic data) is
// searched with the full product instead (blas). Every setBank pays the set-up: principal axes and a
// projected copy of the bank.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "engine/knn/ExactKnn.h"
#include "engine/knn/FloatScan.h"

namespace pb {

class BlasKnn;

class ProjectedBoundKnn : public ExactKnn {
public:
    // projectedDims: r, the principal axes kept (0: chosen from the bank's spectrum, see prepare).
    // queryChunk: queries per thread searched together (0: 256). bankChunk: projected bank rows per block
    // (0: about 768 KB of them).
    explicit ProjectedBoundKnn(int projectedDims = 0, std::size_t queryChunk = 0, std::size_t bankChunk = 0);
    ~ProjectedBoundKnn() override;
    ProjectedBoundKnn(const ProjectedBoundKnn&) = delete;
    ProjectedBoundKnn& operator=(const ProjectedBoundKnn&) = delete;

    std::string name() const override { return "projected"; }
    void setBank(const float* vectors, std::size_t count, int dim) override;
    void setBankView(const float* vectors, std::size_t count, int dim) override;
    std::size_t size() const override { return count_; }
    int dim() const override { return dim_; }
    KnnResult search(const float* queries, std::size_t count, int k) const override;

    int projectedDims() const { return rank_; }
    // The share of the bank's variance the axes leave out (of the sample the axes came from).
    double residualVariance() const { return residualVariance_; }

    // What the last search did, to measure how well the bound works on a data set.
    struct Stats {
        std::size_t pairs = 0;            // query x bank pairs (queries x bank size)
        std::size_t boundedPairs = 0;     // of those, decided by the bound (queries not searched in full)
        std::size_t exactDistances = 0;   // exact distances the bounded queries needed
        std::size_t fullQueries = 0;      // queries searched with the full product
    };
    Stats lastSearchStats() const;

private:
    void prepare(std::size_t count, int dim);
    // Writes the projected rows [count][rank_ + 1] of `vectors` to `out`, and their squared norms.
    void project(const float* vectors, std::size_t count, float* out, float* norms) const;
    // Rows of a few values per bank row, scanned in full: packed for a fused kernel, else kept as they are.
    struct Scanned {
        int width = 0;
        knn::FloatPanels panels;
        std::vector<float> rows;   // [count][width], without a fused kernel
        std::vector<float> norms;  // ||row||^2
        void set(std::vector<float> values, std::vector<float> squaredNorms, std::size_t count, int columns);
    };
    // Feeds ||b||^2 - 2 q.b of `queries` [count][bank.width] against every row of `bank` to states.
    void scan(const Scanned& bank, const float* queries, std::size_t count, knn::QueryCandidates* states,
              std::vector<float>& block) const;
    void recordStats(const Stats& stats) const;

    int requestedDims_;
    std::size_t queryChunk_;
    std::size_t bankChunk_;
    std::vector<float> owned_;
    const float* bank_ = nullptr;
    std::vector<float> mean_;        // [dim]
    std::vector<float> axes_;        // [dim][rank_], orthonormal columns
    Scanned coarse_;  // the first coarseRank_ coordinates: the first scan, which only looks for near rows
    Scanned bound_;   // the rank_ coordinates and the residual's length: the bound
    int coarseRank_ = 0;
    float largestProjectedNorm_ = 0;  // max ||b'||, for the rounding margin
    float largestNorm_ = 0;           // max ||b||, likewise
    std::unique_ptr<BlasKnn> full_;   // the queries the bound does not help
    std::size_t count_ = 0;
    int dim_ = 0;
    int rank_ = 0;
    double residualVariance_ = 0;
    mutable std::mutex statsMutex_;  // searches may run concurrently
    mutable Stats stats_;
};

}  // namespace pb
