#include "engine/knn/Bf16FilteredKnn.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

#include "engine/bank/SquaredDistance.h"
#include "engine/knn/BlasKnn.h"
#include "engine/knn/KnnSupport.h"
#include "engine/util/Error.h"

namespace pb {

namespace {

// Query and bank rows per block, so that a block of each (bfloat16) stays in the core's L2 cache.
std::size_t blockRows(int paddedDim, std::size_t most) {
    const std::size_t rows = (std::size_t(256) << 10) / (static_cast<std::size_t>(paddedDim) * 2) / 32 * 32;
    return std::clamp<std::size_t>(rows, 32, most);
}

// pb::squaredDistance built for the widest vectors the CPU has: the candidates' float distances are
// checked against an error bound, not against other loops' bits.
__attribute__((target_clones("avx512f", "avx2", "default"))) float floatDistance(const float* a, const float* b,
                                                                                  int dim) {
    return pb::squaredDistance(a, b, dim);
}


}  // namespace

Bf16FilteredKnn::Bf16FilteredKnn(const std::string& kernel) {
    if (kernel == "auto") {
        kernel_ = knn::fastestBf16Kernel();
        return;
    }
    for (const knn::Bf16Kernel k : {knn::Bf16Kernel::Amx, knn::Bf16Kernel::Avx512, knn::Bf16Kernel::Portable}) {
        if (kernel != knn::bf16KernelName(k)) continue;
        if (!knn::bf16KernelAvailable(k))
            throw Error("bf16 kNN: this CPU, kernel or build cannot run the " + kernel + " kernel");
        kernel_ = k;
        return;
    }
    throw Error("bf16 kNN: unknown kernel \"" + kernel + "\" (auto, amx, avx512, portable)");
}

void Bf16FilteredKnn::setBank(const float* vectors, std::size_t count, int dim) {
    knn::checkVectors(name(), "bank", vectors, count, dim);
    owned_.assign(vectors, vectors + count * static_cast<std::size_t>(dim));
    bank_ = owned_.data();
    count_ = count;
    dim_ = dim;
    pack();
}

void Bf16FilteredKnn::setBankView(const float* vectors, std::size_t count, int dim) {
    knn::checkVectors(name(), "bank", vectors, count, dim);
    owned_.clear();
    owned_.shrink_to_fit();
    bank_ = vectors;
    count_ = count;
    dim_ = dim;
    pack();
}

void Bf16FilteredKnn::pack() {
    if (count_ >= std::numeric_limits<std::uint32_t>::max())
        throw Error("bf16 kNN: a bank of " + std::to_string(count_) + " rows is too large");
    mean_ = knn::columnMeans(bank_, count_, dim_);
    panels_ = knn::packBank(bank_, count_, dim_, mean_, rowNorms_, &rowResiduals_);
    maxNorm_ = 0;
    for (float n : rowNorms_) maxNorm_ = std::max(maxNorm_, n);
    maxResidual_ = 0;
    for (float r : rowResiduals_) maxResidual_ = std::max(maxResidual_, r);
}

KnnResult Bf16FilteredKnn::search(const float* queries, std::size_t count, int k) const {
    knn::checkSearch(name(), count_, dim_, queries, count, k);
    KnnResult result = knn::makeResult(count, k);
    floatRowsPerQuery_ = 0;
    exactRowsPerQuery_ = 0;
    overflowed_ = 0;
    if (count == 0) return result;

    const std::size_t dim = static_cast<std::size_t>(dim_);
    const int ksteps = panels_.ksteps;
    std::vector<double> queryNorms, queryResiduals;
    const knn::Bf16Queries packed = knn::packQueries(queries, count, dim_, mean_, queryNorms, &queryResiduals);
    // The bound of |approximate - exact| for ||b||^2 - 2 q.b, q and b less the mean, from the vectors' own
    // rounding residuals: with q' = q + r and b' = b + s their bfloat16 copies,
    //   |q'.b' - q.b| <= |q| |s| + |r| |b| + |r| |s|   (Cauchy-Schwarz),
    // plus the float sums of the dim products, gamma_dim |q'| |b'| <= gamma_dim (|q| + |r|)(|b| + |s|).
    // Twice that (the value holds -2 q.b), and a millionth more for the float rounding of the norms.
    const double unit = std::ldexp(1.0, -24) * dim_;
    const double gamma = unit / (1.0 - unit);
    auto bound = [gamma](double q, double r, double b, double s) {
        return 2.0 * (q * s + r * b + r * s + gamma * (q + r) * (b + s)) * (1.0 + 1e-6);
    };
    std::vector<float> margins(count);
    std::vector<double> slacks(count);
    const int threads = knn::workerThreads();
    for (std::size_t q = 0; q < count; ++q) {
        const double norm = queryNorms[q];
        // Twice the bound (the candidate's error and the k-th best's) for the bank's largest norm and
        // residual, plus room for the float rounding of the norms and of the exact distances the
        // candidates are ranked by.
        slacks[q] = std::ldexp(1.0, -18) * (norm + maxNorm_) * (norm + maxNorm_) + 1e-30;
        margins[q] = static_cast<float>((2.0 * bound(norm, queryResiduals[q], maxNorm_, maxResidual_) + slacks[q]) *
                                        (1.0 + 1e-6));
    }

    // pb::squaredDistance (float sums in 16 lanes) against the double sums of the same float differences:
    // each lane adds dim/16 rounded squares, then four levels of pairs; three times that, to cover both
    // the k-th row's error and the candidate's.
    const float floatSumError = static_cast<float>(3.0 * std::ldexp(1.0, -24) * (dim_ / 16.0 + 8.0));
    const knn::Bf16ScanKernel kernel = knn::scanKernel(kernel_);
    const std::size_t queryBlock = blockRows(ksteps * 32, 1024);
    const std::size_t bankBlock = blockRows(ksteps * 32, 2048);
    std::atomic<std::size_t> floatRows{0}, exactRows{0};
    std::vector<char> overflowed(count, 0);
    const std::size_t blocks = packed.rows / 32;
    knn::parallelFor(blocks, std::min<int>(threads, static_cast<int>(blocks)), [&](std::size_t begin, std::size_t end) {
        knn::AmxThreadScope tiles(kernel_);
        std::vector<knn::QueryCandidates> states(queryBlock);
        std::vector<float> heapValues(queryBlock * k);
        std::vector<std::uint32_t> heapRows(queryBlock * k);
        std::vector<std::pair<double, std::uint32_t>> ranked;
        std::vector<std::pair<double, std::uint32_t>> lower;
        std::vector<std::pair<float, std::uint32_t>> close;
        std::vector<float> kthFloats;  // the k smallest float distances so far, a max-heap
        std::size_t localFloat = 0, localExact = 0;
        for (std::size_t q0 = begin * 32; q0 < end * 32; q0 += queryBlock) {
            const std::size_t q1 = std::min(end * 32, q0 + queryBlock);
            for (std::size_t i = 0; i < q1 - q0; ++i)
                states[i].reset(heapValues.data() + i * k, heapRows.data() + i * k, k,
                                q0 + i < count ? margins[q0 + i] : 0.0f);
            for (std::size_t b0 = 0; b0 < panels_.rows; b0 += bankBlock)
                kernel(packed, q0, q1, panels_, b0, std::min(panels_.rows, b0 + bankBlock), states.data());
            for (std::size_t i = 0; i < q1 - q0 && q0 + i < count; ++i) {
                const std::size_t q = q0 + i;
                const float* query = queries + q * dim;
                knn::QueryCandidates& s = states[i];
                // The heap's rows are always among the candidates; fewer than k would be a bug, not data.
                if (s.overflow || s.candidates.size() < static_cast<std::size_t>(k)) {
                    overflowed[q] = 1;
                    continue;
                }
                // With every row seen, each row's own bound replaces the scan's worst case: the k-th exact
                // value is at most the largest of (approximate + bound) over the heap's rows, and a row can
                // only rank if its approximate value less its bound lies below that.
                const double qn = queryNorms[q], qr = queryResiduals[q];
                auto rowBound = [&](std::uint32_t row) { return bound(qn, qr, rowNorms_[row], rowResiduals_[row]); };
                double upper = -std::numeric_limits<double>::infinity();
                for (int j = 0; j < k; ++j) upper = std::max(upper, s.heapValue[j] + rowBound(s.heapRow[j]));
                upper += slacks[q];
                // Float distances of those rows next, in the order of their lower bounds: a row's distance
                // is at least |q|^2 + approximate - bound (less the slack), so once that passes the k-th
                // float distance so far (plus the float sums' error) no later row can rank. Each row fetched
                // costs a full row from memory (4 KB at 1024 dimensions), and most stop there.
                lower.clear();
                for (const knn::Candidate& c : s.candidates) {
                    const double low = c.value - rowBound(c.row);
                    if (low <= upper) lower.emplace_back(low, c.row);
                }
                std::sort(lower.begin(), lower.end());
                const double qn2 = qn * qn * (1.0 - 1e-6) - slacks[q];
                close.clear();
                kthFloats.clear();
                for (std::size_t i = 0; i < lower.size(); ++i) {
                    const auto [low, row] = lower[i];
                    if (kthFloats.size() == static_cast<std::size_t>(k) &&
                        qn2 + low > kthFloats.front() * (1.0 + floatSumError) + 1e-30)
                        break;
                    // The next row's lines are requested while this one is summed: the rows lie anywhere
                    // in the bank, and the hardware prefetcher only follows a row once it is under way.
                    if (i + 1 < lower.size()) knn::prefetchRow(bank_ + lower[i + 1].second * dim, dim);
                    const float d = floatDistance(query, bank_ + row * dim, dim_);
                    close.emplace_back(d, row);
                    knn::keepSmallest(kthFloats, d, static_cast<std::size_t>(k));
                }
                // Double sums only for the rows within the float sums' error of the k-th float distance.
                std::nth_element(close.begin(), close.begin() + (k - 1), close.end());
                const float kth = close[k - 1].first;
                const float limit = kth + kth * floatSumError + 1e-30f;
                ranked.clear();
                for (const auto& [d, row] : close)
                    if (d <= limit) ranked.emplace_back(knn::squaredDistance(query, bank_ + row * dim, dim_), row);
                localFloat += close.size();
                localExact += ranked.size();
                knn::rankExactly(ranked, k, result.distances.data() + q * k, result.indices.data() + q * k);
            }
        }
        floatRows += localFloat;
        exactRows += localExact;
    });
    floatRowsPerQuery_ = static_cast<double>(floatRows) / static_cast<double>(count);
    exactRowsPerQuery_ = static_cast<double>(exactRows) / static_cast<double>(count);

    // Queries whose candidates overflowed (banks of near-copies, features far from the origin): the full
    // product decides them.
    std::vector<std::size_t> rest;
    for (std::size_t q = 0; q < count; ++q)
        if (overflowed[q]) rest.push_back(q);
    overflowed_ = rest.size();
    if (!rest.empty()) {
        std::vector<float> restQueries(rest.size() * dim);
        for (std::size_t i = 0; i < rest.size(); ++i)
            std::copy_n(queries + rest[i] * dim, dim, restQueries.data() + i * dim);
        // The sgemm kernel: a fused one would first pack a copy of the whole bank for these few queries.
        BlasKnn full(0, 0, "sgemm");
        full.setBankView(bank_, count_, dim_);
        const KnnResult restResult = full.search(restQueries.data(), rest.size(), k);
        for (std::size_t i = 0; i < rest.size(); ++i) {
            std::copy_n(restResult.distances.data() + i * k, k, result.distances.data() + rest[i] * k);
            std::copy_n(restResult.indices.data() + i * k, k, result.indices.data() + rest[i] * k);
        }
    }
    return result;
}

}  // namespace pb
