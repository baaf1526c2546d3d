// The AMX kernel of the bf16 scan. Built with the AMX and AVX-512 flags (engine/CMakeLists.txt) and only
// entered when amxAvailable(); without compiler support it is left out and amxAvailable() is false.
#include "engine/knn/Bf16Scan.h"

#include <stdexcept>

#if defined(__AMX_TILE__) && defined(__AMX_BF16__) && defined(__AVX512F__)
#include <immintrin.h>

namespace pb::knn {

namespace {

// Tiles 0-3: the 2 x 2 blocks of 16 x 16 float products; 4-5: two blocks of 16 query rows; 6-7: two panels.
struct alignas(64) TileConfig {
    std::uint8_t palette = 1;
    std::uint8_t startRow = 0;
    std::uint8_t reserved[14] = {};
    std::uint16_t columnBytes[16] = {};
    std::uint8_t rows[16] = {};
};

// block[32][32] = (query rows a0, a1: 16 each) x (panels p0, p1: 16 bank rows each), float sums of the
// bfloat16 products over ksteps tiles of 32 dimensions.
inline void productBlock(const std::uint16_t* a0, const std::uint16_t* a1, const std::uint16_t* p0,
                         const std::uint16_t* p1, int ksteps, float* block) {
    _tile_zero(0);
    _tile_zero(1);
    _tile_zero(2);
    _tile_zero(3);
    for (int t = 0; t < ksteps; ++t) {
        _tile_loadd(4, a0 + t * 512, 64);
        _tile_loadd(5, a1 + t * 512, 64);
        _tile_loadd(6, p0 + t * 512, 64);
        _tile_loadd(7, p1 + t * 512, 64);
        _tile_dpbf16ps(0, 4, 6);
        _tile_dpbf16ps(1, 4, 7);
        _tile_dpbf16ps(2, 5, 6);
        _tile_dpbf16ps(3, 5, 7);
    }
    _tile_stored(0, block, 128);
    _tile_stored(1, block + 16, 128);
    _tile_stored(2, block + 16 * 32, 128);
    _tile_stored(3, block + 16 * 32 + 16, 128);
}

}  // namespace

bool amxKernelBuilt() { return true; }

AmxThreadScope::AmxThreadScope(bool active) : active_(active) {
    if (!active_) return;
    TileConfig config;
    for (int t = 0; t < 8; ++t) {
        config.columnBytes[t] = 64;
        config.rows[t] = 16;
    }
    // Not _tile_loadconfig: GCC 12's version tells the compiler it reads 8 bytes, so the stores of the
    // row and column counts are dropped as dead.
    asm volatile("ldtilecfg %0" ::"m"(config));
}

AmxThreadScope::~AmxThreadScope() {
    if (active_) _tile_release();
}

void scanBf16Amx(const Bf16Queries& queries, std::size_t queryBegin, std::size_t queryEnd, const Bf16Panels& bank,
                 std::size_t rowBegin, std::size_t rowEnd, Bf16QueryState* states) {
    const int ksteps = bank.ksteps;
    alignas(64) float block[32 * 32];
    const __m512 minusTwo = _mm512_set1_ps(-2.0f);
    for (std::size_t q0 = queryBegin; q0 < queryEnd; q0 += 32) {
        const std::uint16_t* a0 = queries.data.data() + queries.offset(q0, 0);
        const std::uint16_t* a1 = queries.data.data() + queries.offset(q0 + 16, 0);
        Bf16QueryState* rowStates = states + (q0 - queryBegin);
        for (std::size_t b0 = rowBegin; b0 < rowEnd; b0 += 32) {
            productBlock(a0, a1, bank.panel(b0 / 16), bank.panel(b0 / 16 + 1), ksteps, block);
            const __m512 n0 = _mm512_loadu_ps(bank.norms.data() + b0);
            const __m512 n1 = _mm512_loadu_ps(bank.norms.data() + b0 + 16);
            for (int r = 0; r < 32; ++r) {
                Bf16QueryState& s = rowStates[r];
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

void filterPairsBf16Amx(const Bf16Queries& centres, std::size_t centreRows, const Bf16Panels& bank, std::size_t rowBegin,
                        std::size_t rowEnd, const float* rowLimit, const float* rowNorm, const float* centreScale,
                        const float* centreNorm2, Bf16PairSink sink, void* context) {
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
            productBlock(a0, a1, p0, p1, ksteps, block);
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

}  // namespace pb::knn

#else

namespace pb::knn {

bool amxKernelBuilt() { return false; }
AmxThreadScope::AmxThreadScope([[maybe_unused]] bool active) : active_(false) {}
AmxThreadScope::~AmxThreadScope() = default;
void scanBf16Amx(const Bf16Queries&, std::size_t, std::size_t, const Bf16Panels&, std::size_t, std::size_t,
                 Bf16QueryState*) {
    throw std::logic_error("this build has no AMX kernel");
}
void filterPairsBf16Amx(const Bf16Queries&, std::size_t, const Bf16Panels&, std::size_t, std::size_t, const float*,
                        const float*, const float*, const float*, Bf16PairSink, void*) {
    throw std::logic_error("this build has no AMX kernel");
}

}  // namespace pb::knn

#endif
