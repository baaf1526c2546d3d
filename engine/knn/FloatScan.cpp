#include "engine/knn/FloatScan.h"

#include <immintrin.h>

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace pb::knn {

#if defined(__x86_64__) && defined(__GNUC__)
#define PB_FLOAT_SCAN_KERNELS 1

// Each set's code comes after every header, so that only it, and no shared inline function, is built for
// instructions the CPU may lack.
#pragma GCC push_options
#pragma GCC target("avx512f,fma")
namespace avx512 {
struct Ops {
    using Vec = __m512;
    static constexpr int kWidth = 16;
    static Vec zero() { return _mm512_setzero_ps(); }
    static Vec load(const float* p) { return _mm512_loadu_ps(p); }
    static Vec set1(float x) { return _mm512_set1_ps(x); }
    static Vec fmadd(Vec a, Vec b, Vec c) { return _mm512_fmadd_ps(a, b, c); }
    static void store(float* p, Vec v) { _mm512_store_ps(p, v); }
    static std::uint32_t below(Vec v, Vec t) { return _mm512_cmp_ps_mask(v, t, _CMP_LT_OQ); }
};
#include "engine/knn/FloatScanLoops.inc"
// 6 queries x 4 panels: 24 sums, 4 panel vectors and a broadcast in the 32 registers.
constexpr int kQueries = 6, kPanels = 4;
void scan(const float* queries, std::size_t queryCount, const FloatPanels& bank, std::size_t rowBegin,
          std::size_t rowEnd, QueryCandidates* states) {
    scanRows<kQueries, kPanels>(queries, queryCount, bank, rowBegin, rowEnd, states);
}
}  // namespace avx512
#pragma GCC pop_options

#pragma GCC push_options
#pragma GCC target("avx2,fma")
namespace avx2 {
struct Ops {
    using Vec = __m256;
    static constexpr int kWidth = 8;
    static Vec zero() { return _mm256_setzero_ps(); }
    static Vec load(const float* p) { return _mm256_loadu_ps(p); }
    static Vec set1(float x) { return _mm256_set1_ps(x); }
    static Vec fmadd(Vec a, Vec b, Vec c) { return _mm256_fmadd_ps(a, b, c); }
    static void store(float* p, Vec v) { _mm256_store_ps(p, v); }
    static std::uint32_t below(Vec v, Vec t) {
        return static_cast<std::uint32_t>(_mm256_movemask_ps(_mm256_cmp_ps(v, t, _CMP_LT_OQ)));
    }
};
#include "engine/knn/FloatScanLoops.inc"
// 4 queries x 3 panels: 12 sums, 3 panel vectors and a broadcast in the 16 registers.
constexpr int kQueries = 4, kPanels = 3;
void scan(const float* queries, std::size_t queryCount, const FloatPanels& bank, std::size_t rowBegin,
          std::size_t rowEnd, QueryCandidates* states) {
    scanRows<kQueries, kPanels>(queries, queryCount, bank, rowBegin, rowEnd, states);
}
}  // namespace avx2
#pragma GCC pop_options
#endif

const char* floatKernelName(FloatKernel kernel) {
    switch (kernel) {
    case FloatKernel::Avx512: return "avx512";
    case FloatKernel::Avx2: return "avx2";
    case FloatKernel::Sgemm: break;
    }
    return "sgemm";
}

bool floatKernelAvailable(FloatKernel kernel) {
#ifdef PB_FLOAT_SCAN_KERNELS
    // __builtin_cpu_supports also asks whether the OS saves the vector registers (XCR0).
    switch (kernel) {
    case FloatKernel::Avx512: return __builtin_cpu_supports("avx512f");
    case FloatKernel::Avx2: return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case FloatKernel::Sgemm: break;
    }
    return true;
#else
    return kernel == FloatKernel::Sgemm;
#endif
}

FloatKernel fastestFloatKernel() {
    static const FloatKernel fastest = [] {
        for (const FloatKernel k : {FloatKernel::Avx512, FloatKernel::Avx2})
            if (floatKernelAvailable(k)) return k;
        return FloatKernel::Sgemm;
    }();
    return fastest;
}

namespace {

// Rows per panel: the kernel's vector lanes.
std::size_t panelRows(FloatKernel kernel) {
#ifdef PB_FLOAT_SCAN_KERNELS
    if (kernel == FloatKernel::Avx512) return avx512::Ops::kWidth;
    if (kernel == FloatKernel::Avx2) return avx2::Ops::kWidth;
#endif
    throw std::logic_error(std::string("no panels for the ") + floatKernelName(kernel) + " kernel");
}

}  // namespace

std::size_t floatBlockRows(FloatKernel kernel) {
#ifdef PB_FLOAT_SCAN_KERNELS
    if (kernel == FloatKernel::Avx512) return avx512::Ops::kWidth * avx512::kPanels;
    if (kernel == FloatKernel::Avx2) return avx2::Ops::kWidth * avx2::kPanels;
#endif
    throw std::logic_error(std::string("no panels for the ") + floatKernelName(kernel) + " kernel");
}

FloatPanels packFloatPanels(const float* rows, const float* norms, std::size_t count, int dim, FloatKernel kernel) {
    const std::size_t block = floatBlockRows(kernel);
    FloatPanels panels;
    panels.kernel = kernel;
    panels.dim = dim;
    panels.rows = (count + block - 1) / block * block;
    const std::size_t width = panelRows(kernel);
    panels.data.assign(panels.rows * static_cast<std::size_t>(dim), 0.0f);
    panels.norms.assign(panels.rows, std::numeric_limits<float>::infinity());
    for (std::size_t r = 0; r < count; ++r) {
        float* panel = panels.data.data() + r / width * width * dim + r % width;
        const float* row = rows + r * dim;
        for (int d = 0; d < dim; ++d) panel[static_cast<std::size_t>(d) * width] = row[d];
        panels.norms[r] = norms[r];
    }
    return panels;
}

void scanFloat(const float* queries, std::size_t queryCount, const FloatPanels& bank, std::size_t rowBegin,
               std::size_t rowEnd, QueryCandidates* states) {
#ifdef PB_FLOAT_SCAN_KERNELS
    if (bank.kernel == FloatKernel::Avx512) return avx512::scan(queries, queryCount, bank, rowBegin, rowEnd, states);
    if (bank.kernel == FloatKernel::Avx2) return avx2::scan(queries, queryCount, bank, rowBegin, rowEnd, states);
#endif
    (void)queries, (void)queryCount, (void)rowBegin, (void)rowEnd, (void)states;
    throw std::logic_error(std::string("no fused float scan for the ") + floatKernelName(bank.kernel) + " kernel");
}

}  // namespace pb::knn
