#include "engine/knn/BlasKnn.h"

#include <cblas.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "engine/knn/KnnSupport.h"
#include "engine/knn/QueryCandidates.h"
#include "engine/util/Error.h"

namespace pb {

namespace {

// Per-thread sgemm blocks of 1024 queries x 512 bank rows: OpenBLAS packs both operands at every call,
// and this shape repacks least of those tried (`bench patchcore`, D = 128 and 1024) while the block is
// still read back from the core's caches.
constexpr std::size_t kDefaultQueryChunk = 1024;
constexpr std::size_t kDefaultBankChunk = 512;
// A fused kernel's bank block: about 768 KB of packed rows, read from L2 by each group of queries.
constexpr std::size_t kFusedBankBlockBytes = std::size_t(768) << 10;

// Feeds row `c` of a block (-2 q.b) plus the bank norms to the query's candidates. The positions below
// the threshold come from vectorised passes; accept() tests each against the threshold as it falls. A
// query's first row is taken in pieces of doubling length, each with the threshold left by the ones
// before, so that only a few values per piece reach accept() instead of the whole row.
void selectRow(const float* c, const float* norms, std::size_t n, std::uint32_t firstRow, bool first,
               knn::QueryCandidates& query, std::uint32_t* positions) {
    for (std::size_t j = 0; j < n;) {
        const std::size_t piece = first ? std::min(n - j, std::max<std::size_t>(64, j)) : n - j;
        const std::size_t found = knn::positionsBelow(c + j, norms + j, piece, query.threshold, positions);
        for (std::size_t i = 0; i < found; ++i) {
            const std::uint32_t p = static_cast<std::uint32_t>(j) + positions[i];
            query.accept(c[p] + norms[p], firstRow + p);
        }
        j += piece;
    }
}

}  // namespace

void BlasKnn::setNorms(std::size_t count, int dim) {
    if (count >= std::numeric_limits<std::uint32_t>::max())
        throw Error("blas kNN: a bank of " + std::to_string(count) + " rows is too large");
    bankNorms_ = knn::squaredNorms(bank_, count, dim);
    maxNorm_ = 0;
    for (const float n : bankNorms_) maxNorm_ = std::max(maxNorm_, std::sqrt(static_cast<double>(n)));
    count_ = count;
    dim_ = dim;
    if (kernel_ != knn::FloatKernel::Sgemm)
        panels_ = knn::packFloatPanels(bank_, bankNorms_.data(), count, dim, kernel_);
}

BlasKnn::BlasKnn(std::size_t queryChunk, std::size_t bankChunk, const std::string& kernel)
    : queryChunk_(queryChunk ? queryChunk : kDefaultQueryChunk),
      bankChunk_(bankChunk),
      kernel_(knn::FloatKernel::Sgemm) {
    if (kernel == "auto") {
        kernel_ = knn::fastestFloatKernel();
    } else {
        bool known = false;
        for (const knn::FloatKernel k : {knn::FloatKernel::Avx512, knn::FloatKernel::Avx2, knn::FloatKernel::Sgemm}) {
            if (kernel != knn::floatKernelName(k)) continue;
            if (!knn::floatKernelAvailable(k))
                throw Error("blas kNN: this CPU or build cannot run the " + kernel + " kernel");
            kernel_ = k;
            known = true;
        }
        if (!known) throw Error("blas kNN: unknown kernel \"" + kernel + "\" (auto, avx512, avx2, sgemm)");
    }
    if (!bankChunk_) bankChunk_ = kernel_ == knn::FloatKernel::Sgemm ? kDefaultBankChunk : 0;
}

void BlasKnn::setBank(const float* vectors, std::size_t count, int dim) {
    knn::checkVectors(name(), "bank", vectors, count, dim);
    owned_.assign(vectors, vectors + count * static_cast<std::size_t>(dim));
    bank_ = owned_.data();
    setNorms(count, dim);
}

void BlasKnn::setBankView(const float* vectors, std::size_t count, int dim) {
    knn::checkVectors(name(), "bank", vectors, count, dim);
    owned_.clear();
    owned_.shrink_to_fit();
    bank_ = vectors;
    setNorms(count, dim);
}

KnnResult BlasKnn::search(const float* queries, std::size_t count, int k) const {
    knn::checkSearch(name(), count_, dim_, queries, count, k);
    KnnResult result = knn::makeResult(count, k);
    if (count == 0) return result;

    const std::size_t dim = static_cast<std::size_t>(dim_);
    const bool sgemm = kernel_ == knn::FloatKernel::Sgemm;
    const int threads = static_cast<int>(std::min<std::size_t>(knn::workerThreads(), (count + 31) / 32));
    const std::size_t qChunk = knn::balancedChunk((count + threads - 1) / threads, queryChunk_);
    std::size_t bChunk = 0;
    if (sgemm) {
        bChunk = knn::balancedChunk(count_, bankChunk_);
    } else {
        const std::size_t unit = knn::floatBlockRows(kernel_);
        const std::size_t wanted = bankChunk_ ? bankChunk_ : kFusedBankBlockBytes / (dim * sizeof(float));
        bChunk = std::max<std::size_t>(1, (wanted + unit - 1) / unit) * unit;
    }
    const std::vector<float> queryNorms = knn::squaredNorms(queries, count, dim_);
    // Each thread multiplies its own queries with a single-threaded sgemm and selects from the block while
    // it is still in its cache. With the products on OpenBLAS's pool instead, its threads kept spinning
    // into the selection that followed each one.
    const knn::SingleThreadedBlas singleThreaded(sgemm && threads > 1);
    // Every row within the float values' margin of the running k-th (knn::productMargin) is kept and ranked
    // by its exact distance, so that ties go to the smaller row whatever order the product summed in.
    std::vector<char> overflowed(count, 0);
    knn::parallelFor(count, threads, [&](std::size_t begin, std::size_t end) {
        std::vector<float> block(sgemm ? qChunk * bChunk : 0);
        std::vector<std::uint32_t> positions(sgemm ? bChunk : 0);
        std::vector<knn::QueryCandidates> states(qChunk);
        std::vector<float> heapValues(qChunk * k);
        std::vector<std::uint32_t> heapRows(qChunk * k);
        std::vector<std::pair<double, std::uint32_t>> ranked;
        for (std::size_t q0 = begin; q0 < end; q0 += qChunk) {
            const std::size_t qn = std::min(qChunk, end - q0);
            const float* chunk = queries + q0 * dim;
            for (std::size_t r = 0; r < qn; ++r)
                states[r].reset(heapValues.data() + r * k, heapRows.data() + r * k, k,
                                knn::productMargin(dim_, queryNorms[q0 + r], maxNorm_));
            if (sgemm) {
                for (std::size_t b0 = 0; b0 < count_; b0 += bChunk) {
                    const std::size_t bn = std::min(bChunk, count_ - b0);
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, static_cast<int>(qn), static_cast<int>(bn),
                                static_cast<int>(dim), -2.0f, chunk, static_cast<int>(dim), bank_ + b0 * dim,
                                static_cast<int>(dim), 0.0f, block.data(), static_cast<int>(bn));
                    const float* norms = bankNorms_.data() + b0;
                    for (std::size_t r = 0; r < qn; ++r)
                        selectRow(block.data() + r * bn, norms, bn, static_cast<std::uint32_t>(b0), b0 == 0, states[r],
                                  positions.data());
                }
            } else {
                for (std::size_t b0 = 0; b0 < panels_.rows; b0 += bChunk)
                    knn::scanFloat(chunk, qn, panels_, b0, std::min(panels_.rows, b0 + bChunk), states.data());
            }
            for (std::size_t r = 0; r < qn; ++r) {
                const std::size_t q = q0 + r;
                if (!knn::rankCandidates(states[r], bank_, queries + q * dim, dim_, k, ranked,
                                         result.distances.data() + q * k, result.indices.data() + q * k))
                    overflowed[q] = 1;
            }
        }
    });
    knn::scanOverflowed(overflowed, bank_, count_, dim_, queries, k, threads, result);
    return result;
}

}  // namespace pb
