// Exact kNN with the BLAS matrix product called directly: chunks of -2 Q B^T from sgemm,
// plus the bank norms, feed a running per-query top-k with the rows near it (within the float
// product's error bound), ranked at the end by exact distances; each thread runs its own queries. Calling
// sgemm directly avoids the framework overhead that made torch::mm several times slower on the same
// product.
#pragma once
#include <cstddef>
#include <vector>

#include "engine/knn/ExactKnn.h"

namespace pb {

class BlasKnn : public ExactKnn {
public:
    // At most this many query and bank rows per sgemm block (counts are cut into near-equal
    // chunks); 0 picks the defaults, 1024 x 512 (a 2 MB block per thread). The blocks bound the extra
    // memory of a search whatever the bank and query counts.
    explicit BlasKnn(std::size_t queryChunk = 0, std::size_t bankChunk = 0);
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

private:
    void setNorms(std::size_t count, int dim);

    std::size_t queryChunk_;
    std::size_t bankChunk_;
    std::vector<float> owned_;    // the copy setBank makes; empty for a view
    const float* bank_ = nullptr;  // owned_ or the caller's vectors
    std::vector<float> bankNorms_;
    double maxNorm_ = 0;  // the largest row norm (not squared)
    std::size_t count_ = 0;
    int dim_ = 0;
};

}  // namespace pb
