// Which BLAS runs the engine's matrix products, and which of its kernels.
//
// OpenBLAS built with DYNAMIC_ARCH picks its kernels from the CPU model when it loads. A release
// that does not know a newer CPU falls back to its oldest x86-64 kernels (SSE3 "Prescott"), several
// times slower on a CPU with AVX-512, and says nothing. It reads OPENBLAS_CORETYPE only when it
// initialises, so the kernel is chosen before that (see selectBlasKernel()), or the process
// re-executes itself once with the variable set. The kernel is chosen from the instruction sets
// the CPU and the OS report, never from model numbers, and is checked against a double-precision
// reference before it is used; an explicit OPENBLAS_CORETYPE always wins.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace pb {

// Instruction sets usable by this process (the CPU has them and the OS saves their registers).
struct CpuIsa {
    bool x86_64 = false;
    bool amd = false;
    bool ssse3 = false, sse42 = false, avx = false, avx2 = false, fma = false;
    bool avx512f = false, avx512cd = false, avx512bw = false, avx512dq = false, avx512vl = false;
    bool avx512bf16 = false;
    static CpuIsa detect();
    std::string describe() const;  // the widest set, e.g. "AVX-512 BF16", "AVX2"
};

// The widest vector instructions an OpenBLAS x86-64 kernel uses: 0 SSE, 1 AVX, 2 AVX2 (and FMA),
// 3 AVX-512; -1: a kernel not listed. The library's choice is corrected only when it falls a tier
// short of the CPU.
int blasKernelTier(const std::string& kernel);
// The kernel that uses the most of `cpu`'s instructions among `available` (names as OpenBLAS spells
// them); empty when none fits.
std::string blasKernelFor(const CpuIsa& cpu, const std::vector<std::string>& available);

// The BLAS this process runs, as the library reports it.
struct BlasLibrary {
    std::string name;          // "OpenBLAS", "Intel MKL", "BLIS", or "unknown BLAS"
    std::string version;       // "0.3.21"; empty when unknown
    std::string kernel;        // OpenBLAS's core name ("Prescott", "SkylakeX"); empty for others
    bool dynamicArch = false;  // the kernel can be chosen at load time (OPENBLAS_CORETYPE)
    std::vector<std::string> kernels;  // kernels this build offers (DYNAMIC_ARCH only)
    int threads = 0;
    static BlasLibrary current();
};

// The variables the decision reads, so that tests can state them.
struct BlasEnvironment {
    std::optional<std::string> coretype;       // OPENBLAS_CORETYPE
    std::optional<std::string> libraryChoice;  // PATCHBANK_BLAS_LIBRARY_KERNEL: set by the process that re-executed
    std::optional<std::string> rejected;       // PATCHBANK_BLAS_REJECTED: a kernel that failed the check
    static BlasEnvironment current();
};

struct BlasKernelPlan {
    enum class Action {
        Keep,    // nothing to do (the library's choice fits, or the user chose)
        Switch,  // re-execute with OPENBLAS_CORETYPE = kernel
        Verify,  // this process runs a kernel PatchBank chose: check it
        Warn,    // the kernel does not fit the CPU and cannot be changed
    };
    Action action = Action::Keep;
    std::string kernel;  // Switch/Verify: the kernel PatchBank chose
    std::string note;    // why, in words; empty when there is nothing to say
};

// The decision, free of side effects.
BlasKernelPlan planBlasKernel(const CpuIsa& cpu, const BlasLibrary& library, const BlasEnvironment& env);

// Single-precision GEMM against a double-precision reference on the shapes the engine uses (kNN
// distance products, ViT and CNN layers, odd sizes for the edge kernels).
struct GemmCheck {
    bool ok = false;
    double worstError = 0;  // largest |sgemm - reference| over its rounding-error bound (ok: <= 1)
    std::string worstShape;
};
// sgemm(transB, M, N, K, A (M x K row-major), B (K x N, or N x K when transB), C (M x N)).
using SgemmFunction = std::function<void(bool transB, int m, int n, int k, const float* a, const float* b, float* c)>;
GemmCheck checkGemm(const SgemmFunction& sgemm);
GemmCheck checkBlasGemm();  // the linked BLAS's cblas_sgemm

// Call first in main(), before threads start. In an executable that links this file the kernel is
// normally chosen before OpenBLAS initialises (a .preinit_array entry), and this only checks it.
// Otherwise it may re-execute the process (at most twice: once to switch kernels, once more to undo
// a switch that failed the check). Prints one line to stderr only when it cannot fix a mismatch or
// a switch fails.
void selectBlasKernel(char** argv);

// What was decided in this process, for reports.
struct BlasStatus {
    BlasLibrary library;
    std::string note;  // e.g. "chosen for AVX-512 BF16; OpenBLAS picked Prescott"
};
BlasStatus blasStatus();
// One line: "OpenBLAS 0.3.21, Cooperlake kernels (chosen for AVX-512 BF16; OpenBLAS picked
// Prescott), 2 threads".
std::string blasSummary();

}  // namespace pb
