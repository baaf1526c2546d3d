// Exact kNN with LibTorch: ||q||^2 - 2 q.b + ||b||^2 through torch::addmm on blocks of
// queries and bank, a top-k per block merged into a running top-k. The blocks bound the
// extra memory whatever the bank and query counts, and the same code runs on a GPU. It ranks by the float
// expansion itself: rows whose distances differ by less than its rounding error (features far from the
// origin) can come out in another order than a brute force's; blas, projected and bf16 rank those exactly.
// LibTorch stays inside the .cpp.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "engine/knn/ExactKnn.h"

namespace pb {

class TorchChunkedKnn : public ExactKnn {
public:
    // device: "cpu" or "cuda" (pb::Error when LibTorch sees no GPU). Chunks: at most this many
    // query and bank rows per matrix block (near-equal chunks); 0 picks the defaults, 1024 x 2048
    // (an 8 MB block; larger blocks made the CPU top-k several times slower).
    explicit TorchChunkedKnn(const std::string& device = "cpu", std::size_t queryChunk = 0, std::size_t bankChunk = 0);
    ~TorchChunkedKnn() override;

    std::string name() const override;
    void setBank(const float* vectors, std::size_t count, int dim) override;
    std::size_t size() const override { return count_; }
    int dim() const override { return dim_; }
    KnnResult search(const float* queries, std::size_t count, int k) const override;

    std::size_t queryChunk() const { return queryChunk_; }
    std::size_t bankChunk() const { return bankChunk_; }
    static bool cudaAvailable();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::size_t queryChunk_;
    std::size_t bankChunk_;
    std::vector<float> bank_;  // host copy: the direct distance refinement reads it
    std::size_t count_ = 0;
    int dim_ = 0;
};

}  // namespace pb
