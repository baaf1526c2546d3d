#include "engine/knn/Bf16Scan.h"

#include "engine/knn/KnnSupport.h"

#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <stdexcept>

#if defined(__x86_64__)
#include <cpuid.h>
#endif

namespace pb::knn {

bool amxKernelBuilt();         // Bf16ScanAmx.cpp
bool avx512Bf16KernelBuilt();  // Bf16ScanAvx512.cpp

void scanBf16Portable(const Bf16Queries& queries, std::size_t queryBegin, std::size_t queryEnd, const Bf16Panels& bank,
                      std::size_t rowBegin, std::size_t rowEnd, QueryCandidates* states) {
    const int dim = bank.ksteps * 32;
    std::vector<float> q(static_cast<std::size_t>(dim) * 32), b(static_cast<std::size_t>(dim) * 32);
    for (std::size_t q0 = queryBegin; q0 < queryEnd; q0 += 32) {
        for (std::size_t r = 0; r < 32; ++r)
            for (int d = 0; d < dim; ++d) q[r * dim + d] = fromBf16(queries.data[queries.offset(q0 + r, d)]);
        for (std::size_t b0 = rowBegin; b0 < rowEnd; b0 += 32) {
            // Unpack two panels to rows of floats.
            for (int half = 0; half < 2; ++half) {
                const std::uint16_t* panel = bank.panel(b0 / 16 + half);
                for (int t = 0; t < bank.ksteps; ++t)
                    for (int r = 0; r < 16; ++r)
                        for (int c = 0; c < 16; ++c)
                            for (int e = 0; e < 2; ++e)
                                b[static_cast<std::size_t>(half * 16 + c) * dim + t * 32 + 2 * r + e] =
                                    fromBf16(panel[t * 512 + r * 32 + c * 2 + e]);
            }
            for (int r = 0; r < 32; ++r) {
                const float* qr = q.data() + static_cast<std::size_t>(r) * dim;
                for (int c = 0; c < 32; ++c) {
                    const float* bc = b.data() + static_cast<std::size_t>(c) * dim;
                    float dot = 0.0f;
                    for (int d = 0; d < dim; ++d) dot += qr[d] * bc[d];
                    const float value = bank.norms[b0 + c] - 2.0f * dot;
                    states[q0 - queryBegin + r].accept(value, static_cast<std::uint32_t>(b0 + c));
                }
            }
        }
    }
}

std::vector<float> columnMeans(const float* rows, std::size_t count, int dim) {
    const std::size_t n = static_cast<std::size_t>(dim);
    std::vector<double> sum(n, 0.0);
    for (std::size_t i = 0; i < count; ++i)
        for (std::size_t d = 0; d < n; ++d) sum[d] += rows[i * n + d];
    std::vector<float> mean(n);
    for (std::size_t d = 0; d < n; ++d) mean[d] = count ? static_cast<float>(sum[d] / static_cast<double>(count)) : 0.0f;
    return mean;
}

Bf16Panels packBank(const float* rows, std::size_t count, int dim, const std::vector<float>& mean,
                    std::vector<float>& rowNorms, std::vector<float>* residuals) {
    Bf16Panels panels;
    const int ksteps = (dim + 31) / 32;
    const std::size_t padded = (count + 31) / 32 * 32;
    const std::size_t n = static_cast<std::size_t>(dim);
    panels.ksteps = ksteps;
    panels.rows = padded;
    panels.data.assign(padded * static_cast<std::size_t>(ksteps) * 32, 0);
    panels.norms.assign(padded, std::numeric_limits<float>::infinity());
    rowNorms.assign(count, 0.0f);
    if (residuals) residuals->assign(count, 0.0f);
    parallelFor(padded / 16, workerThreads(), [&](std::size_t begin, std::size_t end) {
        for (std::size_t p = begin; p < end; ++p) {
            std::uint16_t* panel = panels.data.data() + p * static_cast<std::size_t>(ksteps) * 512;
            for (std::size_t c = 0; c < 16 && p * 16 + c < count; ++c) {
                const float* row = rows + (p * 16 + c) * n;
                double norm = 0, residual = 0;
                for (std::size_t d = 0; d < n; ++d) {
                    const float x = row[d] - mean[d];
                    norm += static_cast<double>(x) * x;
                    const std::uint16_t h = toBf16(x);
                    panel[(d / 32) * 512 + ((d % 32) / 2) * 32 + c * 2 + d % 2] = h;
                    if (residuals) {
                        const double r = static_cast<double>(fromBf16(h)) - (static_cast<double>(row[d]) - mean[d]);
                        residual += r * r;
                    }
                }
                panels.norms[p * 16 + c] = static_cast<float>(norm);
                rowNorms[p * 16 + c] = static_cast<float>(std::sqrt(norm));
                if (residuals) (*residuals)[p * 16 + c] = static_cast<float>(std::sqrt(residual));
            }
        }
    });
    return panels;
}

Bf16Queries packQueries(const float* rows, std::size_t count, int dim, const std::vector<float>& mean,
                        std::vector<double>& norms, std::vector<double>* residuals) {
    Bf16Queries packed;
    packed.ksteps = (dim + 31) / 32;
    packed.rows = (count + 31) / 32 * 32;
    packed.data.assign(packed.rows * static_cast<std::size_t>(packed.ksteps) * 32, 0);
    norms.assign(count, 0.0);
    if (residuals) residuals->assign(count, 0.0);
    const std::size_t n = static_cast<std::size_t>(dim);
    parallelFor(count, count * n < (1u << 16) ? 1 : workerThreads(), [&](std::size_t begin, std::size_t end) {
        for (std::size_t q = begin; q < end; ++q) {
            double norm = 0, residual = 0;
            for (std::size_t d = 0; d < n; ++d) {
                const float x = rows[q * n + d] - mean[d];
                const std::uint16_t h = toBf16(x);
                packed.data[packed.offset(q, d)] = h;
                norm += static_cast<double>(x) * x;
                if (residuals) {
                    const double r =
                        static_cast<double>(fromBf16(h)) - (static_cast<double>(rows[q * n + d]) - mean[d]);
                    residual += r * r;
                }
            }
            norms[q] = std::sqrt(norm);
            if (residuals) (*residuals)[q] = std::sqrt(residual);
        }
    });
    return packed;
}

double bf16ErrorFactor(int dim) {
    // Rounding each factor to bfloat16 (unit roundoff 2^-8, plus 2^-23 for the float subtraction of the
    // mean before it: u) changes a product by at most (2u + u^2) of its size; summing dim float products
    // adds gamma_dim = dim 2^-24 / (1 - dim 2^-24) of the sum of their sizes. Both sums of sizes are at
    // most ||q|| ||b|| (Cauchy-Schwarz); the value holds -2 q.b.
    const double u = std::ldexp(1.0, -8) + std::ldexp(1.0, -23);
    const double unit = std::ldexp(1.0, -24) * dim;
    const double gamma = unit / (1.0 - unit);
    return 2.0 * ((2.0 * u + u * u) + (1.0 + u) * (1.0 + u) * gamma);
}

bool amxAvailable() {
    static const bool available = [] {
#if defined(__x86_64__)
        if (!amxKernelBuilt()) return false;
        unsigned a = 0, b = 0, c = 0, d = 0;
        if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
        const bool amxBf16 = d & (1u << 22), amxTile = d & (1u << 24);
        if (!amxBf16 || !amxTile) return false;
        // Linux hands out the tile data state only on request (ARCH_REQ_XCOMP_PERM, XFEATURE_XTILEDATA).
        constexpr long kArchReqXcompPerm = 0x1023;
        constexpr long kXfeatureXtiledata = 18;
        return syscall(SYS_arch_prctl, kArchReqXcompPerm, kXfeatureXtiledata) == 0;
#else
        return false;
#endif
    }();
    return available;
}

bool avx512Bf16Available() {
    static const bool available = [] {
#if defined(__x86_64__)
        if (!avx512Bf16KernelBuilt()) return false;
        // AVX512F (leaf 7 EBX bit 16) with the OS saving the ZMM state (XCR0 bits 1, 2, 5-7), and
        // AVX512_BF16 (leaf 7 sub-leaf 1 EAX bit 5).
        if (!__builtin_cpu_supports("avx512f")) return false;
        unsigned a = 0, b = 0, c = 0, d = 0;
        if (!__get_cpuid_count(7, 1, &a, &b, &c, &d)) return false;
        return (a & (1u << 5)) != 0;
#else
        return false;
#endif
    }();
    return available;
}

const char* bf16KernelName(Bf16Kernel kernel) {
    switch (kernel) {
    case Bf16Kernel::Amx: return "amx";
    case Bf16Kernel::Avx512: return "avx512";
    case Bf16Kernel::Portable: break;
    }
    return "portable";
}

bool bf16KernelAvailable(Bf16Kernel kernel) {
    switch (kernel) {
    case Bf16Kernel::Amx: return amxAvailable();
    case Bf16Kernel::Avx512: return avx512Bf16Available();
    case Bf16Kernel::Portable: break;
    }
    return true;
}

Bf16Kernel fastestBf16Kernel() {
    if (amxAvailable()) return Bf16Kernel::Amx;
    if (avx512Bf16Available()) return Bf16Kernel::Avx512;
    return Bf16Kernel::Portable;
}

bool fastBf16Available() { return fastestBf16Kernel() != Bf16Kernel::Portable; }

Bf16ScanKernel scanKernel(Bf16Kernel kernel) {
    switch (kernel) {
    case Bf16Kernel::Amx: return scanBf16Amx;
    case Bf16Kernel::Avx512: return scanBf16Avx512;
    case Bf16Kernel::Portable: break;
    }
    return scanBf16Portable;
}

void filterPairsBf16(Bf16Kernel kernel, const Bf16Queries& centres, std::size_t centreRows, const Bf16Panels& bank,
                     std::size_t rowBegin, std::size_t rowEnd, const float* rowLimit, const float* rowNorm,
                     const float* centreScale, const float* centreNorm2, Bf16PairSink sink, void* context) {
    switch (kernel) {
    case Bf16Kernel::Amx:
        filterPairsBf16Amx(centres, centreRows, bank, rowBegin, rowEnd, rowLimit, rowNorm, centreScale, centreNorm2,
                           sink, context);
        return;
    case Bf16Kernel::Avx512:
        filterPairsBf16Avx512(centres, centreRows, bank, rowBegin, rowEnd, rowLimit, rowNorm, centreScale,
                              centreNorm2, sink, context);
        return;
    case Bf16Kernel::Portable: break;
    }
    throw std::logic_error("the bf16 pair filter needs a vector kernel");
}

}  // namespace pb::knn
