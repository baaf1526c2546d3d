#include "engine/knn/BlasKnn.h"

#include <cblas.h>

#include <algorithm>
#include <cstdint>
#include <limits>

#include "engine/knn/KnnSupport.h"
#include "engine/util/Error.h"

namespace pb {

namespace {

constexpr std::size_t kDefaultQueryChunk = 256;
constexpr std::size_t kDefaultBankChunk = 1024;

// A bounded max-heap of (value, index): the root is the worst of the k best seen so far.
// Rows are scanned in increasing bank index and only strictly smaller values enter, so of
// equal values the smaller index is kept.
struct TopK {
    float* value;
    std::int64_t* index;
    int k;

    void replaceRoot(float v, std::int64_t idx) {
        int i = 0;
        for (;;) {
            int child = 2 * i + 1;
            if (child >= k) break;
            if (child + 1 < k && value[child + 1] > value[child]) ++child;
            if (value[child] <= v) break;
            value[i] = value[child];
            index[i] = index[child];
            i = child;
        }
        value[i] = v;
        index[i] = idx;
    }
};

// Pushes row `c` (bank block values -2 q.b) plus the bank norms into the heap. Blocks of 16
// are first tested as a whole: once the heap has settled almost no block holds a candidate,
// and that test vectorises.
void selectRow(const float* c, const float* norms, std::size_t n, std::int64_t firstIndex, TopK& heap) {
    constexpr std::size_t B = 16;
    float threshold = heap.value[0];
    std::size_t j = 0;
    for (; j + B <= n; j += B) {
        float v[B];
        int any = 0;
        for (std::size_t t = 0; t < B; ++t) {
            v[t] = c[j + t] + norms[j + t];
            any |= v[t] < threshold;
        }
        if (!any) continue;
        for (std::size_t t = 0; t < B; ++t) {
            if (v[t] < threshold) {
                heap.replaceRoot(v[t], firstIndex + static_cast<std::int64_t>(j + t));
                threshold = heap.value[0];
            }
        }
    }
    for (; j < n; ++j) {
        const float v = c[j] + norms[j];
        if (v < threshold) {
            heap.replaceRoot(v, firstIndex + static_cast<std::int64_t>(j));
            threshold = heap.value[0];
        }
    }
}

}  // namespace

BlasKnn::BlasKnn(std::size_t queryChunk, std::size_t bankChunk)
    : queryChunk_(queryChunk ? queryChunk : kDefaultQueryChunk), bankChunk_(bankChunk ? bankChunk : kDefaultBankChunk) {}

void BlasKnn::setBank(const float* vectors, std::size_t count, int dim) {
    knn::checkVectors(name(), "bank", vectors, count, dim);
    owned_.assign(vectors, vectors + count * static_cast<std::size_t>(dim));
    bank_ = owned_.data();
    bankNorms_ = knn::squaredNorms(bank_, count, dim);
    count_ = count;
    dim_ = dim;
}

void BlasKnn::setBankView(const float* vectors, std::size_t count, int dim) {
    knn::checkVectors(name(), "bank", vectors, count, dim);
    owned_.clear();
    owned_.shrink_to_fit();
    bank_ = vectors;
    bankNorms_ = knn::squaredNorms(bank_, count, dim);
    count_ = count;
    dim_ = dim;
}

KnnResult BlasKnn::search(const float* queries, std::size_t count, int k) const {
    knn::checkSearch(name(), count_, dim_, queries, count, k);
    KnnResult result = knn::makeResult(count, k);
    if (count == 0) return result;

    const std::size_t dim = static_cast<std::size_t>(dim_);
    const int threads = static_cast<int>(std::min<std::size_t>(knn::workerThreads(), (count + 31) / 32));
    const std::size_t qChunk = knn::balancedChunk((count + threads - 1) / threads, queryChunk_);
    const std::size_t bChunk = knn::balancedChunk(count_, bankChunk_);
    // Each thread multiplies its own queries with a single-threaded sgemm and selects from the block while
    // it is still in its cache. With the products on OpenBLAS's pool instead, its threads kept spinning
    // into the selection that followed each one (`bench patchcore`: 54-61% of sgemm's own rate, against
    // 73-77% this way, on bottle's full and 50k-row banks).
    const knn::SingleThreadedBlas singleThreaded(threads > 1);
    knn::parallelFor(count, threads, [&](std::size_t begin, std::size_t end) {
        std::vector<float> block(qChunk * bChunk);
        for (std::size_t q0 = begin; q0 < end; q0 += qChunk) {
            const std::size_t qn = std::min(qChunk, end - q0);
            float* heapValues = result.distances.data() + q0 * k;
            std::int64_t* heapIndices = result.indices.data() + q0 * k;
            std::fill(heapValues, heapValues + qn * k, std::numeric_limits<float>::infinity());
            for (std::size_t b0 = 0; b0 < count_; b0 += bChunk) {
                const std::size_t bn = std::min(bChunk, count_ - b0);
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, static_cast<int>(qn), static_cast<int>(bn),
                            static_cast<int>(dim), -2.0f, queries + q0 * dim, static_cast<int>(dim), bank_ + b0 * dim,
                            static_cast<int>(dim), 0.0f, block.data(), static_cast<int>(bn));
                const float* norms = bankNorms_.data() + b0;
                for (std::size_t r = 0; r < qn; ++r) {
                    TopK heap{heapValues + r * k, heapIndices + r * k, k};
                    selectRow(block.data() + r * bn, norms, bn, static_cast<std::int64_t>(b0), heap);
                }
            }
        }
    });
    knn::refineExact(bank_, queries, dim_, result);
    return result;
}

}  // namespace pb
