#include "engine/knn/ProjectedBoundKnn.h"

#include <cblas.h>

#include <Eigen/Eigenvalues>
#include <Eigen/QR>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "engine/knn/BlasKnn.h"
#include "engine/knn/KnnSupport.h"
#include "engine/knn/QueryCandidates.h"
#include "engine/util/Error.h"

namespace pb {

namespace {

constexpr std::size_t kDefaultQueryChunk = 256;
// A fused kernel's block of projected rows, read from L2 by each group of queries (as blas's).
constexpr std::size_t kFusedBankBlockBytes = std::size_t(768) << 10;
constexpr std::size_t kSgemmBankChunk = 2048;     // without a fused kernel: sgemm blocks of the bound
constexpr std::size_t kMaxCovarianceRows = 16384;  // a strided sample is plenty for the axes
// Wider features take their leading axes from a subspace iteration: a full eigensolver of a 1024 x 1024
// covariance took longer than the search.
constexpr int kFullEigenMaxDim = 256;
constexpr int kSubspaceExtra = 16;      // columns beyond the largest rank, for the iteration to converge
constexpr int kSubspaceIterations = 4;
constexpr std::size_t kProjectionRows = 4096;       // rows centred and projected at a time
// A query whose bound lets more than this share of the bank through is searched with the full product:
// an exact distance of a row fetched alone costs several times its share of a fused product.
constexpr std::size_t kFullProductShare = 16;  // 1 / 16 of the bank
// The chosen rank: the fewest leading axes (of these) that leave at most kResidualVariance of the variance
// out. Each axis costs every pair a multiply-add in both scans; each row the bound lets through costs an
// exact distance, and a query it lets too many through costs the full product. On bottle (D = 128 and
// 1024, full and coreset banks) 16 to 20 axes were fastest; 48 to 64 were 1.3 to 1.6 times slower.
constexpr int kRanks[] = {16, 20, 24, 32, 48, 64};
constexpr double kResidualVariance = 0.1;
// The bounds are float expansions whose rounding error grows with the norms (centred for the projected
// part, raw for the query's norm). A row is pruned only when its bound exceeds the threshold by more than
// this share of [(||q'|| + max ||b'||)^2 + (||q|| + max ||b||)^2] * max(1, D / 128): several times the
// worst-case error of a depth-D float dot product in 16 partial sums.
constexpr float kRoundingMargin = 1e-5f;

int chooseRank(const std::vector<double>& leading, double total, int dim) {
    int best = std::clamp(dim / 4, 1, 64);
    double kept = 0;
    int taken = 0;
    for (const int r : kRanks) {
        if (r > dim / 2) break;
        for (; taken < r && taken < static_cast<int>(leading.size()); ++taken) kept += std::max(leading[taken], 0.0);
        best = r;
        if (total - kept <= kResidualVariance * total) break;
    }
    return best;
}

// The `count` largest of eigenvalues given in ascending order, largest first.
std::vector<double> largestFirst(const Eigen::VectorXd& ascending, int count) {
    std::vector<double> out(static_cast<std::size_t>(count));
    for (int a = 0; a < count; ++a) out[a] = ascending(ascending.size() - 1 - a);
    return out;
}

// The leading principal axes of `cov` (columns, variance descending) and their variances.
void leadingAxes(const Eigen::MatrixXd& cov, int wanted, Eigen::MatrixXd& axes, std::vector<double>& variances) {
    const int dim = static_cast<int>(cov.rows());
    if (dim <= kFullEigenMaxDim) {
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(cov);  // ascending
        axes = eigen.eigenvectors().rowwise().reverse().leftCols(wanted);
        variances = largestFirst(eigen.eigenvalues(), wanted);
        return;
    }
    // Subspace iteration from a fixed start, then Rayleigh-Ritz in the subspace: orthonormal columns
    // whatever the convergence (any orthonormal axes give a valid bound).
    const int m = std::min(dim, wanted + kSubspaceExtra);
    Eigen::MatrixXd q = Eigen::MatrixXd::Zero(dim, m);
    for (int j = 0; j < m; ++j)
        for (int i = 0; i < dim; ++i) q(i, j) = std::sin(1.0 + i * 0.7548776662 + j * 0.5698402910);
    for (int it = 0; it < kSubspaceIterations; ++it) {
        Eigen::MatrixXd y = cov * q;
        Eigen::HouseholderQR<Eigen::MatrixXd> qr(y);
        q = qr.householderQ() * Eigen::MatrixXd::Identity(dim, m);
    }
    const Eigen::MatrixXd small = q.transpose() * cov * q;
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(small);  // ascending
    axes = (q * eigen.eigenvectors().rowwise().reverse()).leftCols(wanted);
    variances = largestFirst(eigen.eigenvalues(), wanted);
}

}  // namespace

ProjectedBoundKnn::ProjectedBoundKnn(int projectedDims, std::size_t queryChunk, std::size_t bankChunk)
    : requestedDims_(projectedDims),
      queryChunk_(queryChunk ? queryChunk : kDefaultQueryChunk),
      bankChunk_(bankChunk) {}

ProjectedBoundKnn::~ProjectedBoundKnn() = default;

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
    full_.reset();
    if (count == 0) return;  // searches refuse an empty bank; nothing to prepare
    if (count >= std::numeric_limits<std::uint32_t>::max())
        throw Error("projected kNN: a bank of " + std::to_string(count) + " rows is too large");
    const std::size_t D = static_cast<std::size_t>(dim);
    // The queries the bound cannot help go to the full product; sgemm reads the bank in place.
    full_ = std::make_unique<BlasKnn>(0, 0, "sgemm");
    full_->setBankView(bank_, count, dim);

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
    const int largest = requestedDims_ > 0 ? std::min(requestedDims_, dim) : std::min(dim, 64);
    Eigen::MatrixXd axes;
    std::vector<double> variances;
    leadingAxes(cov, largest, axes, variances);
    rank_ = requestedDims_ > 0 ? largest : chooseRank(variances, cov.trace(), dim);
    double kept = 0;
    for (int a = 0; a < rank_; ++a) kept += std::max(variances[a], 0.0);
    residualVariance_ = cov.trace() > 0 ? std::max(0.0, 1.0 - kept / cov.trace()) : 0.0;
    axes_.resize(D * static_cast<std::size_t>(rank_));
    for (std::size_t d = 0; d < D; ++d)
        for (int a = 0; a < rank_; ++a) axes_[d * rank_ + a] = static_cast<float>(axes(d, a));

    const std::size_t width = static_cast<std::size_t>(rank_) + 1;
    std::vector<float> projected(count * width), norms(count);
    project(bank_, count, projected.data(), norms.data());
    largestProjectedNorm_ = largestNorm_ = 0;
    for (float n : norms) largestProjectedNorm_ = std::max(largestProjectedNorm_, std::sqrt(n));
    for (float n : knn::squaredNorms(bank_, count, dim)) largestNorm_ = std::max(largestNorm_, std::sqrt(n));
    coarseRank_ = std::max(1, rank_ / 2);
    std::vector<float> coarse(count * coarseRank_), coarseNorms(count);
    for (std::size_t i = 0; i < count; ++i) {
        double sum = 0;
        for (int a = 0; a < coarseRank_; ++a) {
            const float x = projected[i * width + a];
            coarse[i * coarseRank_ + a] = x;
            sum += static_cast<double>(x) * x;
        }
        coarseNorms[i] = static_cast<float>(sum);
    }
    coarse_.set(std::move(coarse), std::move(coarseNorms), count, coarseRank_);
    bound_.set(std::move(projected), std::move(norms), count, static_cast<int>(width));
}

void ProjectedBoundKnn::Scanned::set(std::vector<float> values, std::vector<float> squaredNorms, std::size_t count,
                                     int columns) {
    width = columns;
    panels = {};
    const knn::FloatKernel kernel = knn::fastestFloatKernel();
    if (kernel != knn::FloatKernel::Sgemm) {
        panels = knn::packFloatPanels(values.data(), squaredNorms.data(), count, columns, kernel);
        values = {};
    }
    rows = std::move(values);
    norms = std::move(squaredNorms);
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

void ProjectedBoundKnn::scan(const Scanned& bank, const float* queries, std::size_t count,
                             knn::QueryCandidates* states, std::vector<float>& block) const {
    const std::size_t width = static_cast<std::size_t>(bank.width);
    if (!bank.panels.data.empty()) {
        const std::size_t unit = knn::floatBlockRows(bank.panels.kernel);
        const std::size_t wanted = bankChunk_ ? bankChunk_ : kFusedBankBlockBytes / (width * sizeof(float));
        const std::size_t rows = std::max<std::size_t>(1, (wanted + unit - 1) / unit) * unit;
        for (std::size_t b0 = 0; b0 < bank.panels.rows; b0 += rows)
            knn::scanFloat(queries, count, bank.panels, b0, std::min(bank.panels.rows, b0 + rows), states);
        return;
    }
    const std::size_t rows = knn::balancedChunk(count_, bankChunk_ ? bankChunk_ : kSgemmBankChunk);
    block.resize(count * rows);
    std::vector<std::uint32_t> positions(rows);
    for (std::size_t b0 = 0; b0 < count_; b0 += rows) {
        const std::size_t bn = std::min(rows, count_ - b0);
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, static_cast<int>(count), static_cast<int>(bn),
                    static_cast<int>(width), -2.0f, queries, static_cast<int>(width), bank.rows.data() + b0 * width,
                    static_cast<int>(width), 0.0f, block.data(), static_cast<int>(bn));
        const float* norms = bank.norms.data() + b0;
        for (std::size_t r = 0; r < count; ++r) {
            const float* c = block.data() + r * bn;
            const std::size_t found = knn::positionsBelow(c, norms, bn, states[r].threshold, positions.data());
            for (std::size_t f = 0; f < found; ++f) {
                const std::uint32_t j = positions[f];
                states[r].accept(c[j] + norms[j], static_cast<std::uint32_t>(b0 + j));
            }
        }
    }
}

KnnResult ProjectedBoundKnn::search(const float* queries, std::size_t count, int k) const {
    knn::checkSearch(name(), count_, dim_, queries, count, k);
    KnnResult result = knn::makeResult(count, k);
    Stats stats;
    stats.pairs = count * count_;
    if (count == 0) {
        recordStats(stats);
        return result;
    }

    const std::size_t D = static_cast<std::size_t>(dim_);
    const std::size_t width = static_cast<std::size_t>(rank_) + 1;
    const int threads = static_cast<int>(std::min<std::size_t>(knn::workerThreads(), (count + 31) / 32));
    const std::size_t qChunk = knn::balancedChunk((count + threads - 1) / threads, queryChunk_);
    const float depthFactor = std::max(1.0f, static_cast<float>(dim_) / 128.0f);
    const std::size_t maxThrough = std::max<std::size_t>(count_ / kFullProductShare, static_cast<std::size_t>(k));
    const std::vector<float> queryNorms = knn::squaredNorms(queries, count, dim_);
    // Rows the first scan finds: a few more than k make T close to the k-th nearest distance.
    const std::size_t near = std::min(count_, std::max<std::size_t>(16, 2 * static_cast<std::size_t>(k)));
    const knn::SingleThreadedBlas singleThreaded(threads > 1);
    std::vector<char> full(count, 0);
    std::atomic<std::size_t> exactTotal{0};
    knn::parallelFor(count, threads, [&](std::size_t begin, std::size_t end) {
        std::vector<float> projected(qChunk * width), projectedNorms(qChunk), slack(qChunk), block;
        std::vector<float> coarse(qChunk * static_cast<std::size_t>(coarseRank_));
        std::vector<knn::QueryCandidates> states(qChunk);
        std::vector<float> heapValues(qChunk * near);
        std::vector<std::uint32_t> heapRows(qChunk * near);
        std::vector<double> nearDistances(near);
        std::vector<std::pair<double, std::uint32_t>> nearest;
        std::size_t exact = 0;
        for (std::size_t q0 = begin; q0 < end; q0 += qChunk) {
            const std::size_t qn = std::min(qChunk, end - q0);
            project(queries + q0 * D, qn, projected.data(), projectedNorms.data());
            // The 2k rows nearest on the leading axes, then the k-th of their exact distances: an upper bound T
            // of the query's k-th nearest distance.
            for (std::size_t r = 0; r < qn; ++r) {
                std::copy_n(projected.data() + r * width, coarseRank_, coarse.data() + r * coarseRank_);
                states[r].reset(heapValues.data() + r * near, heapRows.data() + r * near, static_cast<int>(near), 0.0f);
                const float centred = std::sqrt(projectedNorms[r]) + largestProjectedNorm_;
                const float raw = std::sqrt(queryNorms[q0 + r]) + largestNorm_;
                slack[r] = kRoundingMargin * depthFactor * (centred * centred + raw * raw);
            }
            scan(coarse_, coarse.data(), qn, states.data(), block);
            for (std::size_t r = 0; r < qn; ++r) {
                if (states[r].overflow) {  // ties beyond counting: bounds that cannot tell the rows apart
                    full[q0 + r] = 1;
                    states[r].resetFixed(-std::numeric_limits<float>::infinity(), maxThrough);
                    continue;
                }
                const float* query = queries + (q0 + r) * D;
                const std::uint32_t* nearRows = heapRows.data() + r * near;
                for (std::size_t j = 0; j < near; ++j) {
                    if (j + 1 < near) knn::prefetchRow(bank_ + std::size_t(nearRows[j + 1]) * D, D);
                    nearDistances[j] = knn::squaredDistance(query, bank_ + std::size_t(nearRows[j]) * D, dim_);
                }
                std::nth_element(nearDistances.begin(), nearDistances.begin() + (k - 1), nearDistances.end());
                const double worst = nearDistances[k - 1];
                exact += near;
                // bound^2 = ||q'||^2 + (||b'||^2 - 2 q'.b'): the second scan keeps the rows whose bound, less
                // its rounding, is below T.
                const float limit = static_cast<float>(worst * (1 + 1e-6)) - projectedNorms[r] + slack[r];
                states[r].resetFixed(limit, maxThrough);
            }
            scan(bound_, projected.data(), qn, states.data(), block);
            for (std::size_t r = 0; r < qn; ++r) {
                const std::size_t q = q0 + r;
                knn::QueryCandidates& state = states[r];
                if (full[q] || state.overflow) {
                    full[q] = 1;
                    continue;
                }
                // Exact distances for the rows whose bound is still below the k-th found. T is close to the k-th
                // nearest distance, so few rows through are left out by taking them in the order of their
                // bounds, and sorting them cost more than it saved.
                const std::vector<knn::Candidate>& through = state.candidates;
                nearest.clear();
                const float* query = queries + q * D;
                for (std::size_t i = 0; i < through.size(); ++i) {
                    const knn::Candidate& c = through[i];
                    const double lower = static_cast<double>(c.value) + projectedNorms[r] - slack[r];
                    if (nearest.size() == static_cast<std::size_t>(k) && lower > nearest.front().first) continue;
                    if (i + 1 < through.size()) knn::prefetchRow(bank_ + std::size_t(through[i + 1].row) * D, D);
                    knn::keepSmallest(nearest, {knn::squaredDistance(query, bank_ + std::size_t(c.row) * D, dim_), c.row},
                                      static_cast<std::size_t>(k));
                    ++exact;
                }
                if (nearest.size() < static_cast<std::size_t>(k)) {  // cannot happen unless rounding defeats T
                    full[q] = 1;
                    continue;
                }
                knn::rankExactly(nearest, k, result.distances.data() + q * k, result.indices.data() + q * k);
            }
        }
        exactTotal += exact;
    });

    std::vector<std::size_t> rest;
    for (std::size_t q = 0; q < count; ++q)
        if (full[q]) rest.push_back(q);
    if (!rest.empty()) {
        std::vector<float> gathered(rest.size() * D);
        for (std::size_t i = 0; i < rest.size(); ++i) std::copy_n(queries + rest[i] * D, D, gathered.data() + i * D);
        const KnnResult part = full_->search(gathered.data(), rest.size(), k);
        for (std::size_t i = 0; i < rest.size(); ++i) {
            std::copy_n(part.distances.data() + i * k, k, result.distances.data() + rest[i] * k);
            std::copy_n(part.indices.data() + i * k, k, result.indices.data() + rest[i] * k);
        }
    }
    stats.fullQueries = rest.size();
    stats.boundedPairs = (count - rest.size()) * count_;
    stats.exactDistances = exactTotal;
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
