// The loops around a 32 x 32 block product in memory: the AMX kernel's kNN scan tests each value
// against its query's running threshold (Bf16ScanAmx.cpp; the AVX-512-BF16 scan keeps its values in
// registers instead), and both kernels' coreset pair filter tests it against its row's limit. Only for
// files built with AVX-512F.
#pragma once
#include <immintrin.h>

#include "engine/knn/Bf16Scan.h"

namespace pb::knn::blocks {

// product(a0, a1, p0, p1, ksteps, block) writes block[32][32]: query rows a0, a1 (16 each, Bf16Queries
// tiles) times panels p0, p1 (16 bank rows each), float sums of the bfloat16 products.
template <class Product>
void scan(Product product, const Bf16Queries& queries, std::size_t queryBegin, std::size_t queryEnd,
          const Bf16Panels& bank, std::size_t rowBegin, std::size_t rowEnd, QueryCandidates* states) {
    const int ksteps = bank.ksteps;
    alignas(64) float block[32 * 32];
    const __m512 minusTwo = _mm512_set1_ps(-2.0f);
    for (std::size_t q0 = queryBegin; q0 < queryEnd; q0 += 32) {
        const std::uint16_t* a0 = queries.data.data() + queries.offset(q0, 0);
        const std::uint16_t* a1 = queries.data.data() + queries.offset(q0 + 16, 0);
        QueryCandidates* rowStates = states + (q0 - queryBegin);
        for (std::size_t b0 = rowBegin; b0 < rowEnd; b0 += 32) {
            product(a0, a1, bank.panel(b0 / 16), bank.panel(b0 / 16 + 1), ksteps, block);
            const __m512 n0 = _mm512_loadu_ps(bank.norms.data() + b0);
            const __m512 n1 = _mm512_loadu_ps(bank.norms.data() + b0 + 16);
            for (int r = 0; r < 32; ++r) {
                QueryCandidates& s = rowStates[r];
                const __m512 threshold = _mm512_set1_ps(s.threshold);
                const __m512 v0 = _mm512_fmadd_ps(_mm512_load_ps(block + r * 32), minusTwo, n0);
                const __m512 v1 = _mm512_fmadd_ps(_mm512_load_ps(block + r * 32 + 16), minusTwo, n1);
                const __mmask16 m0 = _mm512_cmp_ps_mask(v0, threshold, _CMP_LT_OQ);
                const __mmask16 m1 = _mm512_cmp_ps_mask(v1, threshold, _CMP_LT_OQ);
                if (!(m0 | m1)) continue;
                alignas(64) float values[32];
                _mm512_store_ps(values, v0);
                _mm512_store_ps(values + 16, v1);
                std::uint32_t mask = m0 | (static_cast<std::uint32_t>(m1) << 16);
                while (mask) {
                    const int j = __builtin_ctz(mask);
                    mask &= mask - 1;
                    s.accept(values[j], static_cast<std::uint32_t>(b0 + j));
                }
            }
        }
    }
}

template <class Product>
void filterPairs(Product product, const Bf16Queries& centres, std::size_t centreRows, const Bf16Panels& bank,
                 std::size_t rowBegin, std::size_t rowEnd, const float* rowLimit, const float* rowNorm,
                 const float* centreScale, const float* centreNorm2, Bf16PairSink sink, void* context) {
    const int ksteps = bank.ksteps;
    alignas(64) float block[32 * 32];
    const __m512 minusTwo = _mm512_set1_ps(-2.0f);
    for (std::size_t b0 = rowBegin; b0 < rowEnd; b0 += 32) {
        const std::uint16_t* p0 = bank.panel(b0 / 16);
        const std::uint16_t* p1 = bank.panel(b0 / 16 + 1);
        const __m512 n0 = _mm512_loadu_ps(bank.norms.data() + b0);
        const __m512 n1 = _mm512_loadu_ps(bank.norms.data() + b0 + 16);
        const __m512 l0 = _mm512_loadu_ps(rowLimit + b0), l1 = _mm512_loadu_ps(rowLimit + b0 + 16);
        const __m512 r0 = _mm512_loadu_ps(rowNorm + b0), r1 = _mm512_loadu_ps(rowNorm + b0 + 16);
        for (std::size_t c0 = 0; c0 < centreRows; c0 += 32) {
            const std::uint16_t* a0 = centres.data.data() + centres.offset(c0, 0);
            const std::uint16_t* a1 = centres.data.data() + centres.offset(c0 + 16, 0);
            product(a0, a1, p0, p1, ksteps, block);
            for (int r = 0; r < 32; ++r) {
                const std::size_t c = c0 + r;
                const __m512 scale = _mm512_set1_ps(centreScale[c]);
                const __m512 norm2 = _mm512_set1_ps(centreNorm2[c]);
                const __m512 v0 = _mm512_fmadd_ps(_mm512_load_ps(block + r * 32), minusTwo, n0);
                const __m512 v1 = _mm512_fmadd_ps(_mm512_load_ps(block + r * 32 + 16), minusTwo, n1);
                const __m512 limit0 = _mm512_sub_ps(_mm512_fmadd_ps(r0, scale, l0), norm2);
                const __m512 limit1 = _mm512_sub_ps(_mm512_fmadd_ps(r1, scale, l1), norm2);
                std::uint32_t mask = _mm512_cmp_ps_mask(v0, limit0, _CMP_LT_OQ) |
                                     (static_cast<std::uint32_t>(_mm512_cmp_ps_mask(v1, limit1, _CMP_LT_OQ)) << 16);
                while (mask) {
                    const int j = __builtin_ctz(mask);
                    mask &= mask - 1;
                    sink(context, static_cast<std::uint32_t>(c), static_cast<std::uint32_t>(b0 + j));
                }
            }
        }
    }
}

}  // namespace pb::knn::blocks
