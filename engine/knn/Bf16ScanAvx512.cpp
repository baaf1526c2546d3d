// The AVX-512-BF16 kernel of the bf16 scan (vdpbf16ps: AMD Zen 4 and later, Intel Cooper Lake and
// Sapphire Rapids). Built with those flags (engine/CMakeLists.txt) and only entered when
// avx512Bf16Available(); without compiler support it is left out.
#include "engine/knn/Bf16Scan.h"

#include <stdexcept>

#if defined(__AVX512BF16__) && defined(__AVX512F__)
#include <immintrin.h>

#include <cstring>

#include "engine/knn/Bf16BlockLoops.h"

namespace pb::knn {

namespace {

// Eight query rows against two panels: sixteen accumulators of 16 floats. Each panel row of a tile holds
// one pair of dimensions for its 16 bank rows, so a query's pair, broadcast, meets all 16 in one vdpbf16ps.
inline void productEight(const std::uint16_t* a, const std::uint16_t* p0, const std::uint16_t* p1, int ksteps,
                         float* block) {
    __m512 acc0[8], acc1[8];
    for (int i = 0; i < 8; ++i) acc0[i] = acc1[i] = _mm512_setzero_ps();
    for (int t = 0; t < ksteps; ++t) {
        const std::uint16_t* at = a + t * 512;
        const std::uint16_t* b0 = p0 + t * 512;
        const std::uint16_t* b1 = p1 + t * 512;
        for (int r = 0; r < 16; ++r) {
            const __m512bh x0 = (__m512bh)_mm512_loadu_si512(b0 + r * 32);
            const __m512bh x1 = (__m512bh)_mm512_loadu_si512(b1 + r * 32);
            for (int i = 0; i < 8; ++i) {
                std::int32_t pair;
                std::memcpy(&pair, at + i * 32 + 2 * r, sizeof pair);
                const __m512bh q = (__m512bh)_mm512_set1_epi32(pair);
                acc0[i] = _mm512_dpbf16_ps(acc0[i], q, x0);
                acc1[i] = _mm512_dpbf16_ps(acc1[i], q, x1);
            }
        }
    }
    for (int i = 0; i < 8; ++i) {
        _mm512_store_ps(block + i * 32, acc0[i]);
        _mm512_store_ps(block + i * 32 + 16, acc1[i]);
    }
}

// The same block as the AMX kernel's: 32 query rows (a0, a1) x 32 bank rows (p0, p1).
inline void productBlock(const std::uint16_t* a0, const std::uint16_t* a1, const std::uint16_t* p0,
                         const std::uint16_t* p1, int ksteps, float* block) {
    productEight(a0, p0, p1, ksteps, block);
    productEight(a0 + 8 * 32, p0, p1, ksteps, block + 8 * 32);
    productEight(a1, p0, p1, ksteps, block + 16 * 32);
    productEight(a1 + 8 * 32, p0, p1, ksteps, block + 24 * 32);
}

}  // namespace

bool avx512Bf16KernelBuilt() { return true; }

void scanBf16Avx512(const Bf16Queries& queries, std::size_t queryBegin, std::size_t queryEnd, const Bf16Panels& bank,
                    std::size_t rowBegin, std::size_t rowEnd, QueryCandidates* states) {
    blocks::scan(productBlock, queries, queryBegin, queryEnd, bank, rowBegin, rowEnd, states);
}

void filterPairsBf16Avx512(const Bf16Queries& centres, std::size_t centreRows, const Bf16Panels& bank,
                           std::size_t rowBegin, std::size_t rowEnd, const float* rowLimit, const float* rowNorm,
                           const float* centreScale, const float* centreNorm2, Bf16PairSink sink, void* context) {
    blocks::filterPairs(productBlock, centres, centreRows, bank, rowBegin, rowEnd, rowLimit, rowNorm, centreScale,
                        centreNorm2, sink, context);
}

}  // namespace pb::knn

#else

namespace pb::knn {

bool avx512Bf16KernelBuilt() { return false; }
void scanBf16Avx512(const Bf16Queries&, std::size_t, std::size_t, const Bf16Panels&, std::size_t, std::size_t,
                    QueryCandidates*) {
    throw std::logic_error("this build has no AVX-512-BF16 kernel");
}
void filterPairsBf16Avx512(const Bf16Queries&, std::size_t, const Bf16Panels&, std::size_t, std::size_t, const float*,
                           const float*, const float*, const float*, Bf16PairSink, void*) {
    throw std::logic_error("this build has no AVX-512-BF16 kernel");
}

}  // namespace pb::knn

#endif
