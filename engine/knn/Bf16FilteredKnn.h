// Exact kNN with a bfloat16 pre-filter: every distance is first computed from bfloat16 copies of the
// vectors (Intel AMX tiles or AVX-512-BF16 where the CPU has them), each query keeps every row whose
// approximate value lies within a proven error bound of its running k-th best, and only those rows get a
// float distance,
// then a double-precision one where the float sums' error could change the order. The neighbours are
// those of an exact search: rounding cannot push a true neighbour out of the kept rows, and the kept
// rows are ranked by their exact distances.
#pragma once
#include <cstddef>
#include <vector>

#include "engine/knn/Bf16Scan.h"
#include "engine/knn/ExactKnn.h"

namespace pb {

class Bf16FilteredKnn : public ExactKnn {
public:
    // kernel "auto" (knn::fastestBf16Kernel), "amx", "avx512" or "portable" (tests compare them).
    explicit Bf16FilteredKnn(const std::string& kernel = "auto");
    Bf16FilteredKnn(const Bf16FilteredKnn&) = delete;
    Bf16FilteredKnn& operator=(const Bf16FilteredKnn&) = delete;

    std::string name() const override { return "bf16"; }
    void setBank(const float* vectors, std::size_t count, int dim) override;
    void setBankView(const float* vectors, std::size_t count, int dim) override;
    std::size_t size() const override { return count_; }
    int dim() const override { return dim_; }
    KnnResult search(const float* queries, std::size_t count, int k) const override;

    knn::Bf16Kernel kernel() const { return kernel_; }
    // Of the last search, per query on average: rows given a float distance, and of those the rows given a
    // double-precision one; and the queries whose candidates overflowed and were left to the full product.
    double floatRowsPerQuery() const { return floatRowsPerQuery_; }
    double exactRowsPerQuery() const { return exactRowsPerQuery_; }
    std::size_t overflowedQueries() const { return overflowed_; }

private:
    void pack();

    knn::Bf16Kernel kernel_ = knn::Bf16Kernel::Portable;
    std::vector<float> owned_;
    const float* bank_ = nullptr;
    std::size_t count_ = 0;
    int dim_ = 0;
    std::vector<float> mean_;  // subtracted from bank and queries before rounding
    std::vector<float> rowNorms_;  // of the bank rows less the mean
    std::vector<float> rowResiduals_;  // norms of their bfloat16 rounding errors
    float maxNorm_ = 0;
    float maxResidual_ = 0;
    knn::Bf16Panels panels_;
    mutable double floatRowsPerQuery_ = 0;
    mutable double exactRowsPerQuery_ = 0;
    mutable std::size_t overflowed_ = 0;
};

}  // namespace pb
