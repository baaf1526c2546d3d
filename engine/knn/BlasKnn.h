// Exact kNN from float matrix products: the values ||b||^2 - 2 q.b feed a running per-query top-k with
// the rows near it (within the float product's error bound), ranked at the end by exact distances; each
// thread runs its own queries. The products come from PatchBank's fused AVX-512 or AVX2 kernel where the
// CPU has one (knn/FloatScan.h: the bank packed once, each value tested in registers), else from blocks
// of -2 Q B^T by the BLAS sgemm, called directly (torch::mm was several times slower on the same product).
#pragma once
#include <cstddef>
#include <vector>

#include "engine/knn/ExactKnn.h"
#include "engine/knn/FloatScan.h"

namespace pb {

class BlasKnn : public ExactKnn {
public:
    // At most this many query and bank rows per block (counts are cut into near-equal chunks; the fused
    // kernels round bank blocks up to their register block); 0 picks the defaults: 1024 x 512 for sgemm (a
    // 2 MB block per thread), 1024 queries x about 768 KB of bank rows for the fused kernels. The blocks
    // bound the extra memory of a search whatever the bank and query counts. `kernel`: "auto" (the widest
    // fused kernel the CPU runs, else sgemm), "avx512", "avx2" or "sgemm" (tests compare them). A fused
    // kernel keeps a packed copy of the bank (its size again, also for a view); sgemm reads it in place.
    explicit BlasKnn(std::size_t queryChunk = 0, std::size_t bankChunk = 0, const std::string& kernel = "auto");
    // Not copyable: bank_ may point into owned_.
    BlasKnn(const BlasKnn&) = delete;
    BlasKnn& operator=(const BlasKnn&) = delete;

    std::string name() const override { return "blas"; }
    void setBank(const float* vectors, std::size_t count, int dim) override;
    void setBankView(const float* vectors, std::size_t count, int dim) override;
    std::size_t size() const override { return count_; }
    int dim() const override { return dim_; }
    KnnResult search(const float* queries, std::size_t count, int k) const override;

    std::size_t queryChunk() const { return queryChunk_; }
    std::size_t bankChunk() const { return bankChunk_; }
    knn::FloatKernel kernel() const { return kernel_; }

private:
    void setNorms(std::size_t count, int dim);

    std::size_t queryChunk_;
    std::size_t bankChunk_;
    knn::FloatKernel kernel_;
    knn::FloatPanels panels_;  // the bank packed for a fused kernel; empty for sgemm
    std::vector<float> owned_;    // the copy setBank makes; empty for a view
    const float* bank_ = nullptr;  // owned_ or the caller's vectors
    std::vector<float> bankNorms_;
    double maxNorm_ = 0;  // the largest row norm (not squared)
    std::size_t count_ = 0;
    int dim_ = 0;
};

}  // namespace pb
