#include "engine/knn/KnnSupport.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <thread>
#include <utility>
#include <vector>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "engine/util/Error.h"
#include "engine/util/Threads.h"

extern "C" int openblas_get_num_threads() __attribute__((weak));
extern "C" void openblas_set_num_threads(int) __attribute__((weak));

namespace pb::knn {

void checkVectors(const std::string& method, const char* what, const float* vectors, std::size_t count, int dim) {
    if (dim < 1) throw Error(method + " kNN: " + what + " dimension must be at least 1, got " + std::to_string(dim));
    if (count > 0 && vectors == nullptr) throw Error(method + " kNN: " + what + " pointer is null");
    const std::size_t n = count * static_cast<std::size_t>(dim);
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(vectors[i]))
            throw Error(method + " kNN: " + what + " vector " + std::to_string(i / dim) + " has a non-finite value at component " +
                        std::to_string(i % dim));
    }
}

void checkSearch(const std::string& method, std::size_t bankSize, int dim, const float* queries, std::size_t count,
                 int k) {
    if (bankSize == 0) throw Error(method + " kNN: search before setBank (the bank is empty)");
    if (k < 1) throw Error(method + " kNN: k must be at least 1, got " + std::to_string(k));
    if (static_cast<std::size_t>(k) > bankSize)
        throw Error(method + " kNN: k=" + std::to_string(k) + " exceeds the bank size " + std::to_string(bankSize));
    checkVectors(method, "queries", queries, count, dim);
}

std::vector<float> squaredNorms(const float* vectors, std::size_t count, int dim) {
    std::vector<float> norms(count);
    const int threads = count * static_cast<std::size_t>(dim) < (1u << 16) ? 1 : workerThreads();
    parallelFor(count, threads, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            const float* v = vectors + i * dim;
            double s = 0.0;
            for (int d = 0; d < dim; ++d) s += static_cast<double>(v[d]) * v[d];
            norms[i] = static_cast<float>(s);
        }
    });
    return norms;
}

namespace {

// squaredDistance keeps eight double lanes (lane t sums the dimensions d with d % 8 == t, in order), which
// keeps the sum off the add-latency chain. The lanes and the final sum's order are the same in every build
// below, and no product is fused into its sum: each gives the same bits as the baseline loop, so ties rank
// the same on every CPU.

// The dimensions past the last multiple of 8 go to lane 0, then the lanes are summed in one fixed order.
double finishLanes(double* acc, const float* a, const float* b, int d, int dim) {
    for (; d < dim; ++d) {
        const double diff = a[d] - b[d];
        acc[0] += diff * diff;
    }
    return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
}

double squaredDistanceBaseline(const float* a, const float* b, int dim) {
    double acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    int d = 0;
    for (; d + 8 <= dim; d += 8)
        for (int t = 0; t < 8; ++t) {
            const double diff = a[d + t] - b[d + t];
            acc[t] += diff * diff;
        }
    return finishLanes(acc, a, b, d, dim);
}

#if defined(__x86_64__)
__attribute__((target("avx512f"))) double squaredDistanceAvx512(const float* a, const float* b, int dim) {
    __m512d lanes = _mm512_setzero_pd();
    int d = 0;
    for (; d + 8 <= dim; d += 8) {
        // maskz with every lane set: _mm512_cvtps_pd reads an undefined register, which GCC 12 warns about.
        const __m512d diff =
            _mm512_maskz_cvtps_pd(0xFF, _mm256_sub_ps(_mm256_loadu_ps(a + d), _mm256_loadu_ps(b + d)));
        lanes = _mm512_add_pd(lanes, _mm512_mul_pd(diff, diff));
    }
    alignas(64) double acc[8];
    _mm512_store_pd(acc, lanes);
    return finishLanes(acc, a, b, d, dim);
}

__attribute__((target("avx2"))) double squaredDistanceAvx2(const float* a, const float* b, int dim) {
    __m256d low = _mm256_setzero_pd(), high = _mm256_setzero_pd();
    int d = 0;
    for (; d + 8 <= dim; d += 8) {
        const __m256 diff = _mm256_sub_ps(_mm256_loadu_ps(a + d), _mm256_loadu_ps(b + d));
        const __m256d dl = _mm256_cvtps_pd(_mm256_castps256_ps128(diff));
        const __m256d dh = _mm256_cvtps_pd(_mm256_extractf128_ps(diff, 1));
        low = _mm256_add_pd(low, _mm256_mul_pd(dl, dl));
        high = _mm256_add_pd(high, _mm256_mul_pd(dh, dh));
    }
    alignas(32) double acc[8];
    _mm256_store_pd(acc, low);
    _mm256_store_pd(acc + 4, high);
    return finishLanes(acc, a, b, d, dim);
}

using SquaredDistanceFn = double (*)(const float*, const float*, int);

SquaredDistanceFn squaredDistanceKernel() {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return squaredDistanceAvx512;
    if (__builtin_cpu_supports("avx2")) return squaredDistanceAvx2;
    return squaredDistanceBaseline;
}
#endif

}  // namespace

double squaredDistance(const float* a, const float* b, int dim) {
#if defined(__x86_64__)
    static const SquaredDistanceFn kernel = squaredDistanceKernel();
    return kernel(a, b, dim);
#else
    return squaredDistanceBaseline(a, b, dim);
#endif
}

void refineExact(const float* bank, const float* queries, int dim, KnnResult& result) {
    const int k = result.k;
    const std::size_t work = result.queries * static_cast<std::size_t>(k) * dim;
    parallelFor(result.queries, work < (1u << 16) ? 1 : workerThreads(), [&](std::size_t begin, std::size_t end) {
        std::vector<std::pair<double, std::int64_t>> items(k);
        for (std::size_t q = begin; q < end; ++q) {
            const float* query = queries + q * dim;
            float* distances = result.distances.data() + q * k;
            std::int64_t* indices = result.indices.data() + q * k;
            for (int j = 0; j < k; ++j)
                items[j] = {squaredDistance(query, bank + static_cast<std::size_t>(indices[j]) * dim, dim), indices[j]};
            std::sort(items.begin(), items.end());
            for (int j = 0; j < k; ++j) {
                distances[j] = static_cast<float>(std::sqrt(items[j].first));
                indices[j] = items[j].second;
            }
        }
    });
}

void rankExactly(std::vector<std::pair<double, std::uint32_t>>& rows, int k, float* distances, std::int64_t* indices) {
    std::partial_sort(rows.begin(), rows.begin() + k, rows.end());
    for (int j = 0; j < k; ++j) {
        distances[j] = static_cast<float>(std::sqrt(rows[j].first));
        indices[j] = rows[j].second;
    }
}

void scanExactly(const float* bank, std::size_t count, int dim, const float* query, int k, float* distances,
                 std::int64_t* indices) {
    // A max-heap of the k best (distance, row) pairs: a row enters only when strictly better, so of equal
    // distances the earlier (smaller) row stays.
    std::vector<std::pair<double, std::int64_t>> best;
    best.reserve(static_cast<std::size_t>(k));
    for (std::size_t i = 0; i < count; ++i) {
        keepSmallest(best, {squaredDistance(query, bank + i * dim, dim), static_cast<std::int64_t>(i)},
                     static_cast<std::size_t>(k));
    }
    std::sort_heap(best.begin(), best.end());
    for (int j = 0; j < k; ++j) {
        distances[j] = static_cast<float>(std::sqrt(best[j].first));
        indices[j] = best[j].second;
    }
}

// Not omp_get_max_threads(): LibTorch's first parallel op lowers the calling thread's OpenMP
// count to its own default (1 on the 2-core development VM) unless setEngineThreads ran first.
namespace {

// positionsBelow for each instruction set: a compare mask per vector, then one position per set bit.
#if defined(__x86_64__)
// Four vectors per step and one branch on their joint mask: once a heap has settled almost no step holds
// a position, and the step is limited by loads rather than by the compare-to-branch chain.
__attribute__((target("avx512f"))) std::size_t positionsBelowAvx512(const float* c, const float* norms, std::size_t n,
                                                                     float limit, std::uint32_t* out) {
    const __m512 bound = _mm512_set1_ps(limit);
#define PB_BELOW(j)                                                                                        \
    static_cast<unsigned>(                                                                                 \
        _mm512_cmp_ps_mask(_mm512_add_ps(_mm512_loadu_ps(c + (j)), _mm512_loadu_ps(norms + (j))), bound, _CMP_LT_OQ))
    std::size_t found = 0, j = 0;
    auto emit = [&](unsigned m, std::size_t base) {
        for (; m; m &= m - 1) out[found++] = static_cast<std::uint32_t>(base + __builtin_ctz(m));
    };
    for (; j + 64 <= n; j += 64) {
        const unsigned m0 = PB_BELOW(j), m1 = PB_BELOW(j + 16), m2 = PB_BELOW(j + 32), m3 = PB_BELOW(j + 48);
        if (!(m0 | m1 | m2 | m3)) continue;
        emit(m0, j);
        emit(m1, j + 16);
        emit(m2, j + 32);
        emit(m3, j + 48);
    }
    for (; j + 16 <= n; j += 16) emit(PB_BELOW(j), j);
    for (; j < n; ++j)
        if (c[j] + norms[j] < limit) out[found++] = static_cast<std::uint32_t>(j);
    return found;
}
#undef PB_BELOW

__attribute__((target("avx2"))) std::size_t positionsBelowAvx2(const float* c, const float* norms, std::size_t n,
                                                               float limit, std::uint32_t* out) {
    const __m256 bound = _mm256_set1_ps(limit);
#define PB_BELOW(j)                                                                                        \
    static_cast<unsigned>(_mm256_movemask_ps(                                                              \
        _mm256_cmp_ps(_mm256_add_ps(_mm256_loadu_ps(c + (j)), _mm256_loadu_ps(norms + (j))), bound, _CMP_LT_OQ)))
    std::size_t found = 0, j = 0;
    auto emit = [&](unsigned m, std::size_t base) {
        for (; m; m &= m - 1) out[found++] = static_cast<std::uint32_t>(base + __builtin_ctz(m));
    };
    for (; j + 32 <= n; j += 32) {
        const unsigned m0 = PB_BELOW(j), m1 = PB_BELOW(j + 8), m2 = PB_BELOW(j + 16), m3 = PB_BELOW(j + 24);
        if (!(m0 | m1 | m2 | m3)) continue;
        emit(m0, j);
        emit(m1, j + 8);
        emit(m2, j + 16);
        emit(m3, j + 24);
    }
    for (; j + 8 <= n; j += 8) emit(PB_BELOW(j), j);
    for (; j < n; ++j)
        if (c[j] + norms[j] < limit) out[found++] = static_cast<std::uint32_t>(j);
    return found;
}
#undef PB_BELOW

std::size_t positionsBelowSse2(const float* c, const float* norms, std::size_t n, float limit, std::uint32_t* out) {
    const __m128 bound = _mm_set1_ps(limit);
    std::size_t found = 0, j = 0;
    for (; j + 4 <= n; j += 4) {
        const __m128 v = _mm_add_ps(_mm_loadu_ps(c + j), _mm_loadu_ps(norms + j));
        for (unsigned m = static_cast<unsigned>(_mm_movemask_ps(_mm_cmplt_ps(v, bound))); m; m &= m - 1)
            out[found++] = static_cast<std::uint32_t>(j + __builtin_ctz(m));
    }
    for (; j < n; ++j)
        if (c[j] + norms[j] < limit) out[found++] = static_cast<std::uint32_t>(j);
    return found;
}

using PositionsBelowFn = std::size_t (*)(const float*, const float*, std::size_t, float, std::uint32_t*);

PositionsBelowFn positionsBelowKernel() {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return positionsBelowAvx512;
    if (__builtin_cpu_supports("avx2")) return positionsBelowAvx2;
    return positionsBelowSse2;
}
#endif

}  // namespace

std::size_t positionsBelow(const float* c, const float* norms, std::size_t n, float limit, std::uint32_t* out) {
#if defined(__x86_64__)
    static const PositionsBelowFn kernel = positionsBelowKernel();
    return kernel(c, norms, n, limit, out);
#else
    std::size_t found = 0;
    for (std::size_t j = 0; j < n; ++j)
        if (c[j] + norms[j] < limit) out[found++] = static_cast<std::uint32_t>(j);
    return found;
#endif
}

float productMargin(int dim, float queryNorm2, double largestBankNorm) {
    const double u = std::ldexp(1.0, -24);
    const double g = dim * u / (1.0 - dim * u);
    // Both norms passed through float before their roots.
    const double q = std::sqrt(static_cast<double>(queryNorm2)) * (1.0 + 1e-6);
    const double m = largestBankNorm * (1.0 + 1e-6);
    const double error = 2.0 * g * q * m + u * (2.0 * q * m * (1.0 + 2.0 * g) + 2.0 * m * m);
    return static_cast<float>(3.0 * error) + 1e-30f;
}

int workerThreads() { return std::max(1, engineThreads()); }

void parallelFor(std::size_t n, int threads, const std::function<void(std::size_t, std::size_t)>& fn) {
    const std::size_t parts = std::min<std::size_t>(n, static_cast<std::size_t>(std::max(1, threads)));
    if (parts <= 1) {
        if (n > 0) fn(0, n);
        return;
    }
    std::vector<std::thread> pool;
    std::vector<std::exception_ptr> errors(parts);
    auto run = [&](std::size_t part) {
        try {
            fn(n * part / parts, n * (part + 1) / parts);
        } catch (...) {
            errors[part] = std::current_exception();
        }
    };
    for (std::size_t part = 0; part + 1 < parts; ++part) pool.emplace_back(run, part);
    run(parts - 1);
    for (auto& t : pool) t.join();
    for (auto& e : errors)
        if (e) std::rethrow_exception(e);
}

SingleThreadedBlas::SingleThreadedBlas(bool active) {
    if (active && openblas_get_num_threads && openblas_set_num_threads) {
        previous_ = openblas_get_num_threads();
        if (previous_ > 1) openblas_set_num_threads(1);
    }
}

SingleThreadedBlas::~SingleThreadedBlas() {
    if (previous_ > 1) openblas_set_num_threads(previous_);
}

std::size_t balancedChunk(std::size_t n, std::size_t maxChunk) {
    if (n == 0 || maxChunk == 0) return std::max<std::size_t>(1, maxChunk);
    const std::size_t chunks = (n + maxChunk - 1) / maxChunk;
    return (n + chunks - 1) / chunks;
}

KnnResult makeResult(std::size_t queries, int k) {
    KnnResult r;
    r.queries = queries;
    r.k = k;
    r.distances.assign(queries * static_cast<std::size_t>(k), 0.0f);
    r.indices.assign(queries * static_cast<std::size_t>(k), -1);
    return r;
}

}  // namespace pb::knn
