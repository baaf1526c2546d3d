// The inner scan of the "bf16" exact kNN (Bf16FilteredKnn): bfloat16 products of 32 queries x 32 bank
// rows at a time, each value tested against its query's running threshold as soon as it is computed.
// Three kernels share this contract: Intel AMX tiles where the CPU and the OS allow them, AVX-512-BF16
// (vdpbf16ps) where the CPU has that but no tiles, plain C++ everywhere else (same values up to the order
// of the float sums, which the error bound covers).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/knn/QueryCandidates.h"

namespace pb::knn {

// Round to nearest even; the inputs are finite.
inline std::uint16_t toBf16(float x) {
    std::uint32_t u;
    __builtin_memcpy(&u, &x, sizeof u);
    u += 0x7FFFu + ((u >> 16) & 1u);
    return static_cast<std::uint16_t>(u >> 16);
}
inline float fromBf16(std::uint16_t h) {
    const std::uint32_t u = static_cast<std::uint32_t>(h) << 16;
    float x;
    __builtin_memcpy(&x, &u, sizeof x);
    return x;
}

// Bank rows packed for the scan: panels of 16 rows, each a run of `ksteps` tiles of 32 dimensions in the
// pair-interleaved ("VNNI") order AMX reads: tile t, row r, column c holds dimensions 32t+2r and
// 32t+2r+1 of bank row 16p+c. Rows past the bank are zero and their norm is +inf.
struct Bf16Panels {
    std::vector<std::uint16_t> data;
    std::vector<float> norms;  // squared norms of the float rows, one per packed row
    std::size_t rows = 0;      // packed rows: the bank rounded up to 32
    int ksteps = 0;            // padded dimension / 32
    const std::uint16_t* panel(std::size_t p) const { return data.data() + p * static_cast<std::size_t>(ksteps) * 512; }
};

// Queries in bf16, the dimension zero-padded to 32 * ksteps, the count to a multiple of 32.
struct Bf16Queries {
    std::vector<std::uint16_t> data;
    std::size_t rows = 0;
    int ksteps = 0;
    // Where dimension d of query q lies: tile by tile (16 queries x 32 dimensions, 1 KB contiguous), so
    // that a tile load reads one block instead of 16 rows a whole padded row apart (at 1024 dimensions
    // those rows fall into the same few cache sets).
    std::size_t offset(std::size_t q, std::size_t d) const {
        return ((q / 16) * static_cast<std::size_t>(ksteps) + d / 32) * 512 + (q % 16) * 32 + d % 32;
    }
};

// The mean of every column, in double sums: both sides of a bfloat16 product are moved by it, which
// leaves distances unchanged and makes the vectors, and the error bound, short.
std::vector<float> columnMeans(const float* rows, std::size_t count, int dim);

// Rows less `mean` packed into panels (norms: squared norms of the float differences, double sums);
// rowNorms receives their square roots. With `residuals`, also each row's rounding residual: the norm
// of (packed bfloat16 row) - (row - mean), the difference taken exactly (double sums).
Bf16Panels packBank(const float* rows, std::size_t count, int dim, const std::vector<float>& mean,
                    std::vector<float>& rowNorms, std::vector<float>* residuals = nullptr);

// Rows less `mean` packed as queries; norms receives each row's norm (double sums), `residuals` (if
// given) each row's rounding residual as for packBank.
Bf16Queries packQueries(const float* rows, std::size_t count, int dim, const std::vector<float>& mean,
                        std::vector<double>& norms, std::vector<double>* residuals = nullptr);

// |approximate - exact| of ||b||^2 - 2 q.b is at most bf16ErrorFactor(dim) ||q|| ||b|| for q and b less
// the mean: bfloat16 rounding of both vectors after the float subtraction, float sums of dim products.
double bf16ErrorFactor(int dim);

// Scans bank rows [rowBegin, rowEnd) (multiples of 32) for the query rows [queryBegin, queryEnd)
// (multiples of 32); states[i] belongs to query row queryBegin + i.
using Bf16ScanKernel = void (*)(const Bf16Queries& queries, std::size_t queryBegin, std::size_t queryEnd,
                                const Bf16Panels& bank, std::size_t rowBegin, std::size_t rowEnd,
                                QueryCandidates* states);

void scanBf16Portable(const Bf16Queries& queries, std::size_t queryBegin, std::size_t queryEnd, const Bf16Panels& bank,
                      std::size_t rowBegin, std::size_t rowEnd, QueryCandidates* states);

// The vector kernels; only call one that bf16KernelAvailable() reports. The AMX kernel needs the calling
// thread's tile state set up by AmxThreadScope.
void scanBf16Amx(const Bf16Queries& queries, std::size_t queryBegin, std::size_t queryEnd, const Bf16Panels& bank,
                 std::size_t rowBegin, std::size_t rowEnd, QueryCandidates* states);
void scanBf16Avx512(const Bf16Queries& queries, std::size_t queryBegin, std::size_t queryEnd, const Bf16Panels& bank,
                    std::size_t rowBegin, std::size_t rowEnd, QueryCandidates* states);

// The coreset's batch filter: for centres [0, centreRows) packed like queries and bank rows [rowBegin, rowEnd)
// (multiples of 32), calls sink(context, centre, row) for every pair whose approximate value
// v = ||x||^2 - 2 c.x is below rowLimit[row] + rowNorm[row] * centreScale[centre] - centreNorm2[centre]
// (rows past the bank have an infinite norm; centres past the batch an infinite centreNorm2).
using Bf16PairSink = void (*)(void* context, std::uint32_t centre, std::uint32_t row);
void filterPairsBf16Amx(const Bf16Queries& centres, std::size_t centreRows, const Bf16Panels& bank, std::size_t rowBegin,
                        std::size_t rowEnd, const float* rowLimit, const float* rowNorm, const float* centreScale,
                        const float* centreNorm2, Bf16PairSink sink, void* context);
void filterPairsBf16Avx512(const Bf16Queries& centres, std::size_t centreRows, const Bf16Panels& bank,
                           std::size_t rowBegin, std::size_t rowEnd, const float* rowLimit, const float* rowNorm,
                           const float* centreScale, const float* centreNorm2, Bf16PairSink sink, void* context);

enum class Bf16Kernel { Portable, Avx512, Amx };
const char* bf16KernelName(Bf16Kernel kernel);  // "portable", "avx512", "amx"

// True when this build has the AMX kernel, the CPU has AMX-BF16 and the kernel lets this process use
// the tile registers (asked once).
bool amxAvailable();
// True when this build has the AVX-512-BF16 kernel and the CPU (and OS) run it.
bool avx512Bf16Available();
bool bf16KernelAvailable(Bf16Kernel kernel);
// AMX, else AVX-512-BF16, else the portable kernel.
Bf16Kernel fastestBf16Kernel();
// Whether a vector kernel (AMX or AVX-512-BF16) runs here: then the bf16 scan beats the full product.
bool fastBf16Available();

Bf16ScanKernel scanKernel(Bf16Kernel kernel);
// The pair filter on a vector kernel (not the portable one).
void filterPairsBf16(Bf16Kernel kernel, const Bf16Queries& centres, std::size_t centreRows, const Bf16Panels& bank,
                     std::size_t rowBegin, std::size_t rowEnd, const float* rowLimit, const float* rowNorm,
                     const float* centreScale, const float* centreNorm2, Bf16PairSink sink, void* context);

// Loads the tile configuration on construction and releases the tiles on destruction (per thread); does
// nothing for the other kernels.
class AmxThreadScope {
public:
    explicit AmxThreadScope(bool active);
    explicit AmxThreadScope(Bf16Kernel kernel) : AmxThreadScope(kernel == Bf16Kernel::Amx) {}
    ~AmxThreadScope();
    AmxThreadScope(const AmxThreadScope&) = delete;
    AmxThreadScope& operator=(const AmxThreadScope&) = delete;

private:
    bool active_;
};

}  // namespace pb::knn
