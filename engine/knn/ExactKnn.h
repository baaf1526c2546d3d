// Exact (brute-force) k-nearest-neighbour search over a bank of patch features: the hot
// path of scoring. Several implementations of the same contract so that the fastest one
// on the machine can be chosen; all return the same neighbours (ties aside).
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "engine/knn/KnnResult.h"

namespace pb {

// Contract shared by every method:
// - setBank copies the row-major [count][dim] vectors; non-finite values are rejected.
// - search returns Euclidean distances, ascending, ties broken by the smaller bank index.
//   The k winners are ranked with the fast ||q||^2 - 2 q.b + ||b||^2 expansion, then their
//   distances are recomputed directly in double precision, so a query equal to a bank
//   vector gets 0 and not the float cancellation error of the expansion.
// - k must be in [1, size()]: a bank smaller than k is an error (pb::Error), never a
//   silently shorter answer. Zero queries give an empty result.
class ExactKnn {
public:
    virtual ~ExactKnn() = default;

    virtual std::string name() const = 0;
    virtual void setBank(const float* vectors, std::size_t count, int dim) = 0;
    // Like setBank, but the caller keeps `vectors` alive and unchanged until the next setBank or
    // setBankView: a method that can search them in place keeps a pointer instead of a second copy.
    virtual void setBankView(const float* vectors, std::size_t count, int dim) { setBank(vectors, count, dim); }
    virtual std::size_t size() const = 0;
    virtual int dim() const = 0;
    // queries: row-major [count][dim()].
    virtual KnnResult search(const float* queries, std::size_t count, int k) const = 0;
};

// "blas" (float products from fused AVX-512 or AVX2 kernels or direct sgemm, partial selection),
// "projected" (principal-axes lower bound, exact distances for the rows it cannot rule out), "bf16"
// (bfloat16 pre-filter, on AMX tiles or AVX-512 BF16 where the CPU has them, exact distances for the rows
// within its error bound), "faiss" (IndexFlatL2), "torch" (LibTorch chunked matmul + top-k on the CPU),
// "torch-cuda" (same on the GPU, when LibTorch sees one), "auto" (bf16 with AMX or AVX-512 BF16, else
// blas). Throws pb::Error on an unknown name.
std::unique_ptr<ExactKnn> createExactKnn(const std::string& method = "auto");

// The same for a bank of `bankRows` vectors of `dim` values: "auto" picks bf16 with AMX or AVX-512 BF16;
// without them "projected" for banks of at least kProjectedMinRows rows of kProjectedMinDim values or more,
// "blas" otherwise.
std::unique_ptr<ExactKnn> createExactKnn(const std::string& method, std::size_t bankRows, int dim);
constexpr std::size_t kProjectedMinRows = 4096;
constexpr int kProjectedMinDim = 64;

// Names accepted by createExactKnn on this machine, "auto" first.
std::vector<std::string> exactKnnMethods();

}  // namespace pb
