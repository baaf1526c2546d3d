#include "engine/knn/Bf16Scan.h"

#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <limits>
#include <mutex>

#if defined(__x86_64__)
#include <cpuid.h>
#endif

namespace pb::knn {

bool amxKernelBuilt();  // Bf16ScanAmx.cpp

void Bf16QueryState::compact() {
    // Values above the current threshold can no longer rank; keep the rest. A query whose candidates
    // keep growing (a bank of near-copies) stops collecting and is searched by the full product afterwards.
    constexpr std::size_t kMaxCandidates = std::size_t(1) << 12;
    const float limit = threshold;
    candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                    [limit](const Bf16Candidate& c) { return !(c.value <= limit); }),
                     candidates.end());
    if (candidates.size() * 2 > capacity) capacity *= 2;
    if (capacity > kMaxCandidates) {
        overflow = true;
        threshold = -std::numeric_limits<float>::infinity();
        candidates.clear();
        candidates.shrink_to_fit();
    }
}

void scanBf16Portable(const Bf16Queries& queries, std::size_t queryBegin, std::size_t queryEnd, const Bf16Panels& bank,
                      std::size_t rowBegin, std::size_t rowEnd, Bf16QueryState* states) {
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

}  // namespace pb::knn
