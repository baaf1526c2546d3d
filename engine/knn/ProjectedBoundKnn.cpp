#include "engine/knn/ProjectedBoundKnn.h"

#include <cblas.h>

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>

#include "engine/knn/KnnSupport.h"
#include "engine/knn/QueryCandidates.h"

namespace pb {

namespace {

constexpr std::size_t kDefaultQueryChunk = 1024;
constexpr std::size_t kDefaultBankChunk = 2048;
constexpr std::size_t kDefaultWarmRows = 8192;
constexpr std::size_t kMaxCovarianceRows = 131072;  // a strided sample is plenty for the axes
constexpr std::size_t kProjectionRows = 4096;       // rows centred and projected at a time
// A bounded chunk whose bound lets more than this share of its pairs through costs more than the full
// product (an exact distance costs several times a pair of the sgemm); the query chunk then stops
// using the bound.
constexpr double kFallbackShare = 0.1;
// The bounds are float expansions whose rounding error grows with the norms (centred for the projected
// part, raw for the query's norm). A row is pruned only when its bound exceeds the candidates' threshold by
// more than this share of [(||q'|| + max ||b'||)^2 + (||q|| + max ||b||)^2] * max(1, D / 128): several
// times the worst-case error of a depth-D float dot product in 16 partial sums. The values of the rows
// kept have their own proven margin (knn::productMargin).
constexpr float kRoundingMargin = 1e-5f;

__attribute__((target_clones("avx512f", "avx2", "default"))) float dot(const float* a, const float* b, int n) {
    // Sixteen independent sums vectorise without reassociating a single float sum.
    float acc[16] = {};
    int d = 0;
    for (; d + 16 <= n; d += 16)
        for (int t = 0; t < 16; ++t) acc[t] += a[d + t] * b[d + t];
    for (; d < n; ++d) acc[0] += a[d] * b[d];
    float s = 0;
    for (float x : acc) s += x;
    return s;
}

// Full product block: the sgemm values ||b||^2 - 2 q.b go to the query's candidates (rows[j] is the bank
// row of column j); accept() tests each position found against the threshold as it falls.
void selectFull(const float* c, const float* norms, std::size_t n, const std::int64_t* rows,
                knn::QueryCandidates& query, std::uint32_t* positions) {
    const std::size_t found = knn::positionsBelow(c, norms, n, query.threshold, positions);
    for (std::size_t f = 0; f < found; ++f) {
        const std::uint32_t j = positions[f];
        query.accept(c[j] + norms[j], static_cast<std::uint32_t>(rows[j]));
    }
}

}  // namespace

ProjectedBoundKnn::ProjectedBoundKnn(int projectedDims, std::size_t queryChunk, std::size_t bankChunk,
                                     std::size_t warmRows)
    : requestedDims_(projectedDims),
      warmTarget_(warmRows ? warmRows : kDefaultWarmRows),
      queryChunk_(queryChunk ? queryChunk : kDefaultQueryChunk),
      bankChunk_(bankChunk ? bankChunk : kDefaultBankChunk) {}

void ProjectedBoundKnn::setBank(const float* vectors, std::size_t count, int dim) {
    knn::checkVectors(name(), "bank", vectors, count, dim);
    owned_.assign(vectors, vectors + count * static_cast<std::size_t>(dim));
    bank_ = owned_.data();
    prepare(count, dim);
}

void ProjectedBoundKnn::setBankView(const float* vectors, std::size_t count, int dim) {
    knn::checkVectors(name(), "bank", vectors, count, dim);
    owned_.clear();
    owned_.shrink_to_fit();
    bank_ = vectors;
    prepare(count, dim);
}

void ProjectedBoundKnn::prepare(std::size_t count, int dim) {
    count_ = count;
    dim_ = dim;
    if (count == 0) {  // searches refuse an empty bank; nothing to prepare
        order_.clear();
        warmCount_ = 0;
        return;
    }
    const std::size_t D = static_cast<std::size_t>(dim);
    rank_ = requestedDims_ > 0 ? std::min(requestedDims_, dim) : std::clamp(dim / 4, 1, 64);
    bankNorms_ = knn::squaredNorms(bank_, count, dim);

    // Principal axes of a strided sample: any orthonormal axes give a valid bound, good ones a tight one.
    const std::size_t stride = std::max<std::size_t>(1, (count + kMaxCovarianceRows - 1) / kMaxCovarianceRows);
    const std::size_t samples = (count + stride - 1) / stride;
    std::vector<double> mean(D, 0.0);
    for (std::size_t s = 0; s < samples; ++s)
        for (std::size_t d = 0; d < D; ++d) mean[d] += bank_[s * stride * D + d];
    mean_.resize(D);
    for (std::size_t d = 0; d < D; ++d) mean_[d] = static_cast<float>(mean[d] / static_cast<double>(samples));

    std::vector<float> covariance(D * D, 0.0f);
    std::vector<float> centred(std::min(samples, kProjectionRows) * D);
    for (std::size_t s0 = 0; s0 < samples; s0 += kProjectionRows) {
        const std::size_t n = std::min(kProjectionRows, samples - s0);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t d = 0; d < D; ++d) centred[i * D + d] = bank_[(s0 + i) * stride * D + d] - mean_[d];
        cblas_ssyrk(CblasRowMajor, CblasUpper, CblasTrans, dim, static_cast<int>(n), 1.0f, centred.data(), dim, 1.0f,
                    covariance.data(), dim);
    }
    Eigen::MatrixXd cov(dim, dim);
    for (std::size_t i = 0; i < D; ++i)
        for (std::size_t j = i; j < D; ++j) cov(i, j) = cov(j, i) = covariance[i * D + j];
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(cov);  // eigenvalues ascending
    axes_.resize(D * static_cast<std::size_t>(rank_));
    for (std::size_t d = 0; d < D; ++d)
        for (int a = 0; a < rank_; ++a) axes_[d * rank_ + a] = static_cast<float>(eigen.eigenvectors()(d, dim - 1 - a));

    // Coarse-to-fine order: every S-th row first (S, a power of two, leaves about warmTarget_ rows), then the
    // rows halfway between, and so on. Each pass spreads over the whole bank, so the k-th best distances
    // fall early and the bound rules out more of every later pass.
    std::size_t coarsest = 1;
    while (coarsest * 2 <= count / std::max<std::size_t>(1, warmTarget_)) coarsest *= 2;
    order_.clear();
    order_.reserve(count);
    for (std::size_t row = 0; row < count; row += coarsest) order_.push_back(static_cast<std::int64_t>(row));
    warmCount_ = order_.size();
    for (std::size_t step = coarsest / 2; step >= 1; step /= 2)
        for (std::size_t row = step; row < count; row += 2 * step) order_.push_back(static_cast<std::int64_t>(row));

    const std::size_t width = static_cast<std::size_t>(rank_) + 1;
    std::vector<float> projected(count * width), projectedNorms(count);
    project(bank_, count, projected.data(), projectedNorms.data());
    projected_.resize(count * width);
    projectedNorms_.resize(count);
    orderedNorms_.resize(count);
    for (std::size_t pos = 0; pos < count; ++pos) {
        const std::size_t row = static_cast<std::size_t>(order_[pos]);
        std::copy_n(projected.data() + row * width, width, projected_.data() + pos * width);
        projectedNorms_[pos] = projectedNorms[row];
        orderedNorms_[pos] = bankNorms_[row];
    }
    warmRows_.resize(warmCount_ * D);
    for (std::size_t pos = 0; pos < warmCount_; ++pos)
        std::copy_n(bank_ + static_cast<std::size_t>(order_[pos]) * D, D, warmRows_.data() + pos * D);
    largestProjectedNorm_ = largestNorm_ = 0;
    for (float n : projectedNorms_) largestProjectedNorm_ = std::max(largestProjectedNorm_, std::sqrt(n));
    for (float n : bankNorms_) largestNorm_ = std::max(largestNorm_, std::sqrt(n));
}

void ProjectedBoundKnn::project(const float* vectors, std::size_t count, float* out, float* norms) const {
    const std::size_t D = static_cast<std::size_t>(dim_);
    const std::size_t width = static_cast<std::size_t>(rank_) + 1;
    std::vector<float> centred(std::min(count, kProjectionRows) * D);
    std::vector<float> coords(std::min(count, kProjectionRows) * rank_);
    for (std::size_t r0 = 0; r0 < count; r0 += kProjectionRows) {
        const std::size_t n = std::min(kProjectionRows, count - r0);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t d = 0; d < D; ++d) centred[i * D + d] = vectors[(r0 + i) * D + d] - mean_[d];
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, static_cast<int>(n), rank_, dim_, 1.0f, centred.data(),
                    dim_, axes_.data(), rank_, 0.0f, coords.data(), rank_);
        for (std::size_t i = 0; i < n; ++i) {
            double whole = 0, kept = 0;
            for (std::size_t d = 0; d < D; ++d) whole += static_cast<double>(centred[i * D + d]) * centred[i * D + d];
            float* row = out + (r0 + i) * width;
            for (int a = 0; a < rank_; ++a) {
                row[a] = coords[i * rank_ + a];
                kept += static_cast<double>(row[a]) * row[a];
            }
            const double rest = std::max(0.0, whole - kept);
            row[rank_] = static_cast<float>(std::sqrt(rest));
            norms[r0 + i] = static_cast<float>(kept + rest);
        }
    }
}

KnnResult ProjectedBoundKnn::search(const float* queries, std::size_t count, int k) const {
    knn::checkSearch(name(), count_, dim_, queries, count, k);
    KnnResult result = knn::makeResult(count, k);
    Stats stats;
    if (count == 0) {
        recordStats(stats);
        return result;
    }

    const std::size_t D = static_cast<std::size_t>(dim_);
    const std::size_t width = static_cast<std::size_t>(rank_) + 1;
    const std::size_t qChunk = knn::balancedChunk(count, queryChunk_);
    const std::size_t bChunk = knn::balancedChunk(count_, bankChunk_);
    std::vector<float> block(qChunk * bChunk);
    std::vector<float> queryProjected(qChunk * width), queryProjectedNorms(qChunk);
    std::vector<float> offset(qChunk);  // bound threshold = candidate threshold + offset
    const float depthFactor = std::max(1.0f, static_cast<float>(dim_) / 128.0f);
    std::vector<float> gathered;  // bank rows of a block searched in full, in visiting order
    if (warmCount_ < count_) gathered.resize(bChunk * D);
    const int threads = knn::workerThreads();
    // Each query's k best float values and the rows within their error margin (the same state as blas
    // and bf16), ranked by exact distances at the end of its chunk.
    std::vector<knn::QueryCandidates> states(qChunk);
    std::vector<float> heapValues(qChunk * k);
    std::vector<std::uint32_t> heapRows(qChunk * k);
    std::vector<char> overflowed(count, 0);

    for (std::size_t q0 = 0; q0 < count; q0 += qChunk) {
        const std::size_t qn = std::min(qChunk, count - q0);
        const float* q = queries + q0 * D;
        project(q, qn, queryProjected.data(), queryProjectedNorms.data());
        const std::vector<float> norms = knn::squaredNorms(q, qn, dim_);
        for (std::size_t i = 0; i < qn; ++i) {
            states[i].reset(heapValues.data() + i * k, heapRows.data() + i * k, k,
                            knn::productMargin(dim_, norms[i], largestNorm_));
            // bound^2 = ||q'||^2 + (||b'||^2 - 2 q'.b') and distance^2 = ||q||^2 + value; the slack covers the
            // bound's own rounding.
            const float centred = std::sqrt(queryProjectedNorms[i]) + largestProjectedNorm_;
            const float raw = std::sqrt(norms[i]) + largestNorm_;
            const float slack = kRoundingMargin * depthFactor * (centred * centred + raw * raw);
            offset[i] = norms[i] - queryProjectedNorms[i] + slack;
        }

        // Warm-up: the full product with the coarsest pass gives every query a k-th best distance close to
        // its final one, so the bound prunes from the next pass on.
        for (std::size_t w0 = 0; w0 < warmCount_; w0 += bChunk) {
            const std::size_t wn = std::min(bChunk, warmCount_ - w0);
            stats.pairs += qn * wn;
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, static_cast<int>(qn), static_cast<int>(wn), dim_,
                        -2.0f, q, dim_, warmRows_.data() + w0 * D, dim_, 0.0f, block.data(), static_cast<int>(wn));
            knn::parallelFor(qn, threads, [&](std::size_t begin, std::size_t end) {
                std::vector<std::uint32_t> positions(wn);
                for (std::size_t r = begin; r < end; ++r)
                    selectFull(block.data() + r * wn, orderedNorms_.data() + w0, wn, order_.data() + w0, states[r],
                               positions.data());
            });
        }

        bool bounded = true;
        for (std::size_t p0 = warmCount_; p0 < count_; p0 += bChunk) {
            const std::size_t bn = std::min(bChunk, count_ - p0);
            const std::int64_t* rows = order_.data() + p0;
            stats.pairs += qn * bn;
            if (!bounded) {
                for (std::size_t j = 0; j < bn; ++j)
                    std::copy_n(bank_ + static_cast<std::size_t>(rows[j]) * D, D, gathered.data() + j * D);
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, static_cast<int>(qn), static_cast<int>(bn), dim_,
                            -2.0f, q, dim_, gathered.data(), dim_, 0.0f, block.data(), static_cast<int>(bn));
                knn::parallelFor(qn, threads, [&](std::size_t begin, std::size_t end) {
                    std::vector<std::uint32_t> positions(bn);
                    for (std::size_t r = begin; r < end; ++r)
                        selectFull(block.data() + r * bn, orderedNorms_.data() + p0, bn, rows, states[r],
                                   positions.data());
                });
                continue;
            }
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, static_cast<int>(qn), static_cast<int>(bn),
                        static_cast<int>(width), -2.0f, queryProjected.data(), static_cast<int>(width),
                        projected_.data() + p0 * width, static_cast<int>(width), 0.0f, block.data(),
                        static_cast<int>(bn));
            std::atomic<std::size_t> exact{0};
            knn::parallelFor(qn, threads, [&](std::size_t begin, std::size_t end) {
                std::size_t checked = 0;
                std::vector<std::uint32_t> positions(bn);
                const float* pnorms = projectedNorms_.data() + p0;
                for (std::size_t r = begin; r < end; ++r) {
                    knn::QueryCandidates& state = states[r];
                    const float* c = block.data() + r * bn;
                    const float* query = q + r * D;
                    // The limit only falls while a row is visited: positions found with the older limit are
                    // tested again against the current one.
                    const std::size_t found =
                        knn::positionsBelow(c, pnorms, bn, state.threshold + offset[r], positions.data());
                    for (std::size_t f = 0; f < found; ++f) {
                        const std::size_t j = positions[f];
                        if (!(c[j] + pnorms[j] < state.threshold + offset[r])) continue;
                        ++checked;
                        const std::int64_t row = rows[j];
                        state.accept(orderedNorms_[p0 + j] - 2.0f * dot(query, bank_ + row * D, dim_),
                                     static_cast<std::uint32_t>(row));
                    }
                }
                exact += checked;
            });
            stats.boundedPairs += qn * bn;
            stats.exactDistances += exact;
            // Too little pruned: the full product is cheaper for the rest of this query chunk.
            if (static_cast<double>(exact) > kFallbackShare * static_cast<double>(qn * bn)) bounded = false;
        }

        knn::parallelFor(qn, threads, [&](std::size_t begin, std::size_t end) {
            std::vector<std::pair<double, std::uint32_t>> ranked;
            for (std::size_t r = begin; r < end; ++r) {
                const std::size_t query = q0 + r;
                if (!knn::rankCandidates(states[r], bank_, queries + query * D, dim_, k, ranked,
                                         result.distances.data() + query * k, result.indices.data() + query * k))
                    overflowed[query] = 1;
            }
        });
    }
    knn::scanOverflowed(overflowed, bank_, count_, dim_, queries, k, threads, result);
    recordStats(stats);
    return result;
}

ProjectedBoundKnn::Stats ProjectedBoundKnn::lastSearchStats() const {
    std::lock_guard<std::mutex> lock(statsMutex_);
    return stats_;
}

void ProjectedBoundKnn::recordStats(const Stats& stats) const {
    std::lock_guard<std::mutex> lock(statsMutex_);
    stats_ = stats;
}

}  // namespace pb
