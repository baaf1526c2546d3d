// The AVX-512-BF16 kernel of the bf16 scan (vdpbf16ps: AMD Zen 4 and later, Intel Cooper Lake and
// Sapphire Rapids). Its own code is built for those instructions (engine/CMakeLists.txt: when the
// compiler has them) and only entered when avx512Bf16Available(); without compiler support it is left
// out.
#include "engine/knn/Bf16Scan.h"

#include <stdexcept>

#ifdef PB_BUILD_AVX512BF16_KERNEL
#include <immintrin.h>

#include <cstring>

// After every header: the inline functions this file shares with others (a std::vector's growth,
// QueryCandidates) stay built for the baseline, so that the copy the linker keeps runs on every CPU.
#pragma GCC push_options
#pragma GCC target("avx512f,avx512bf16")

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

// The coreset pair filter's block, the same as the AMX kernel's: 32 query rows (a0, a1) x 32 bank rows (p0, p1).
inline void productBlock(const std::uint16_t* a0, const std::uint16_t* a1, const std::uint16_t* p0,
                         const std::uint16_t* p1, int ksteps, float* block) {
    productEight(a0, p0, p1, ksteps, block);
    productEight(a0 + 8 * 32, p0, p1, ksteps, block + 8 * 32);
    productEight(a1, p0, p1, ksteps, block + 16 * 32);
    productEight(a1 + 8 * 32, p0, p1, ksteps, block + 24 * 32);
}

// Queries q[0..QN) (each a pointer to its first tile row, Bf16Queries::offset(q, 0)) times PN panels from
// `panels` (panelElems apart): QN x PN vectors of sums held in registers through every dimension pair,
// then each value ||b||^2 - 2 q.b tested against its query's threshold; the rows below it go to that
// query's candidates. No block of values goes through memory, unlike the AMX kernel's tiles.
template <int QN, int PN>
inline void scanRegisterBlock(const std::uint16_t* const* q, int ksteps, const std::uint16_t* panels,
                              std::size_t panelElems, const float* norms, QueryCandidates* const* st,
                              std::uint32_t row0) {
    __m512 acc[QN][PN];
#pragma GCC unroll 8
    for (int i = 0; i < QN; ++i)
#pragma GCC unroll 8
        for (int j = 0; j < PN; ++j) acc[i][j] = _mm512_setzero_ps();
    for (int t = 0; t < ksteps; ++t) {
        const std::size_t tile = static_cast<std::size_t>(t) * 512;
        for (int r = 0; r < 16; ++r) {
            __m512bh x[PN];
#pragma GCC unroll 8
            for (int j = 0; j < PN; ++j)
                x[j] = (__m512bh)_mm512_loadu_si512(panels + j * panelElems + tile + r * 32);
#pragma GCC unroll 8
            for (int i = 0; i < QN; ++i) {
                std::int32_t pair;
                std::memcpy(&pair, q[i] + tile + 2 * r, sizeof pair);
                const __m512bh a = (__m512bh)_mm512_set1_epi32(pair);
#pragma GCC unroll 8
                for (int j = 0; j < PN; ++j) acc[i][j] = _mm512_dpbf16_ps(acc[i][j], a, x[j]);
            }
        }
    }
    const __m512 minusTwo = _mm512_set1_ps(-2.0f);
#pragma GCC unroll 8
    for (int i = 0; i < QN; ++i) {
        const __m512 threshold = _mm512_set1_ps(st[i]->threshold);
        __m512 v[PN];
        std::uint64_t mask = 0;
#pragma GCC unroll 8
        for (int j = 0; j < PN; ++j) {
            v[j] = _mm512_fmadd_ps(acc[i][j], minusTwo, _mm512_loadu_ps(norms + j * 16));
            mask |= static_cast<std::uint64_t>(_mm512_cmp_ps_mask(v[j], threshold, _CMP_LT_OQ)) << (j * 16);
        }
        if (!mask) continue;
        alignas(64) float values[PN * 16];
        for (int j = 0; j < PN; ++j) _mm512_store_ps(values + j * 16, v[j]);
        while (mask) {
            const int lane = __builtin_ctzll(mask);
            mask &= mask - 1;
            st[i]->accept(values[lane], row0 + static_cast<std::uint32_t>(lane));
        }
    }
}

// QN queries from `first` against bank rows [rowBegin, rowEnd) (multiples of 32): four panels (64 rows) at
// a time, two for a last 32. The bank's first values meet an infinite threshold and all go to the
// candidates, so its first 64 rows are taken as one panel and then three: the k-th of the first 16 values
// bounds the rest.
template <int QN>
void scanGroup(const Bf16Queries& queries, std::size_t first, const Bf16Panels& bank, std::size_t rowBegin,
               std::size_t rowEnd, QueryCandidates* states) {
    const std::uint16_t* q[QN];
    QueryCandidates* st[QN];
    for (int i = 0; i < QN; ++i) {
        q[i] = queries.data.data() + queries.offset(first + i, 0);
        st[i] = states + i;
    }
    const int ksteps = bank.ksteps;
    const std::size_t panelElems = static_cast<std::size_t>(ksteps) * 512;
    const float* norms = bank.norms.data();
    std::size_t r = rowBegin;
    if (r == 0 && rowEnd >= 64) {
        scanRegisterBlock<QN, 1>(q, ksteps, bank.panel(0), panelElems, norms, st, 0);
        scanRegisterBlock<QN, 3>(q, ksteps, bank.panel(1), panelElems, norms + 16, st, 16);
        r = 64;
    }
    for (; r + 64 <= rowEnd; r += 64)
        scanRegisterBlock<QN, 4>(q, ksteps, bank.panel(r / 16), panelElems, norms + r, st,
                                 static_cast<std::uint32_t>(r));
    if (r < rowEnd)
        scanRegisterBlock<QN, 2>(q, ksteps, bank.panel(r / 16), panelElems, norms + r, st,
                                 static_cast<std::uint32_t>(r));
}

}  // namespace

bool avx512Bf16KernelBuilt() { return true; }

// Groups of 6 queries (24 sums, 4 panel vectors and a broadcast in the 32 registers); a last group of
// fewer when the count is not a multiple of 6.
void scanBf16Avx512(const Bf16Queries& queries, std::size_t queryBegin, std::size_t queryEnd, const Bf16Panels& bank,
                    std::size_t rowBegin, std::size_t rowEnd, QueryCandidates* states) {
    std::size_t g = queryBegin;
    for (; g + 6 <= queryEnd; g += 6) scanGroup<6>(queries, g, bank, rowBegin, rowEnd, states + (g - queryBegin));
    QueryCandidates* rest = states + (g - queryBegin);
    switch (queryEnd - g) {
    case 5: scanGroup<5>(queries, g, bank, rowBegin, rowEnd, rest); break;
    case 4: scanGroup<4>(queries, g, bank, rowBegin, rowEnd, rest); break;
    case 3: scanGroup<3>(queries, g, bank, rowBegin, rowEnd, rest); break;
    case 2: scanGroup<2>(queries, g, bank, rowBegin, rowEnd, rest); break;
    case 1: scanGroup<1>(queries, g, bank, rowBegin, rowEnd, rest); break;
    default: break;
    }
}

void filterPairsBf16Avx512(const Bf16Queries& centres, std::size_t centreRows, const Bf16Panels& bank,
                           std::size_t rowBegin, std::size_t rowEnd, const float* rowLimit, const float* rowNorm,
                           const float* centreScale, const float* centreNorm2, Bf16PairSink sink, void* context) {
    blocks::filterPairs(productBlock, centres, centreRows, bank, rowBegin, rowEnd, rowLimit, rowNorm, centreScale,
                        centreNorm2, sink, context);
}

}  // namespace pb::knn

#pragma GCC pop_options

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
