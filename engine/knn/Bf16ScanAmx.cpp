// The AMX kernel of the bf16 scan. Its own code is built for AMX and AVX-512 (engine/CMakeLists.txt: when
// the compiler has them) and only entered when amxAvailable(); without compiler support it is left out
// and amxAvailable() is false.
#include "engine/knn/Bf16Scan.h"

#include <stdexcept>

#ifdef PB_BUILD_AMX_KERNEL
#include <immintrin.h>

// After every header, as in Bf16ScanAvx512.cpp: shared inline functions stay built for the baseline.
#pragma GCC push_options
#pragma GCC target("amx-tile,amx-bf16,avx512f")

#include "engine/knn/Bf16BlockLoops.h"

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
    // As ldtilecfg above: the destructor was declared before this file's target pragma, so it cannot
    // inline the intrinsic.
    if (active_) asm volatile("tilerelease" ::);
}

void scanBf16Amx(const Bf16Queries& queries, std::size_t queryBegin, std::size_t queryEnd, const Bf16Panels& bank,
                 std::size_t rowBegin, std::size_t rowEnd, QueryCandidates* states) {
    blocks::scan(productBlock, queries, queryBegin, queryEnd, bank, rowBegin, rowEnd, states);
}

void filterPairsBf16Amx(const Bf16Queries& centres, std::size_t centreRows, const Bf16Panels& bank, std::size_t rowBegin,
                        std::size_t rowEnd, const float* rowLimit, const float* rowNorm, const float* centreScale,
                        const float* centreNorm2, Bf16PairSink sink, void* context) {
    blocks::filterPairs(productBlock, centres, centreRows, bank, rowBegin, rowEnd, rowLimit, rowNorm, centreScale,
                        centreNorm2, sink, context);
}

}  // namespace pb::knn

#pragma GCC pop_options

#else

namespace pb::knn {

bool amxKernelBuilt() { return false; }
AmxThreadScope::AmxThreadScope([[maybe_unused]] bool active) : active_(false) {}
AmxThreadScope::~AmxThreadScope() = default;
void scanBf16Amx(const Bf16Queries&, std::size_t, std::size_t, const Bf16Panels&, std::size_t, std::size_t,
                 QueryCandidates*) {
    throw std::logic_error("this build has no AMX kernel");
}
void filterPairsBf16Amx(const Bf16Queries&, std::size_t, const Bf16Panels&, std::size_t, std::size_t, const float*,
                        const float*, const float*, const float*, Bf16PairSink, void*) {
    throw std::logic_error("this build has no AMX kernel");
}

}  // namespace pb::knn

#endif
