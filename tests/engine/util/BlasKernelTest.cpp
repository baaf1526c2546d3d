#include "engine/util/BlasKernel.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>
#include <string>

#include "cli/CliRunner.h"

namespace pb {
namespace {

using Action = BlasKernelPlan::Action;

CpuIsa avx512Bf16Cpu() {  // a 5th-generation Xeon as the OS reports it
    CpuIsa c;
    c.x86_64 = true;
    c.ssse3 = c.sse42 = c.avx = c.avx2 = c.fma = true;
    c.avx512f = c.avx512cd = c.avx512bw = c.avx512dq = c.avx512vl = c.avx512bf16 = true;
    return c;
}

CpuIsa zen3Cpu() {
    CpuIsa c;
    c.x86_64 = c.amd = true;
    c.ssse3 = c.sse42 = c.avx = c.avx2 = c.fma = true;
    return c;
}

BlasLibrary openBlas(const std::string& kernel, bool dynamicArch = true) {
    BlasLibrary lib;
    lib.name = "OpenBLAS";
    lib.version = "0.3.21";
    lib.kernel = kernel;
    lib.dynamicArch = dynamicArch;
    if (dynamicArch) lib.kernels = {"Prescott", "Core2", "Nehalem", "Sandybridge", "Haswell", "Zen", "SkylakeX", "Cooperlake"};
    lib.threads = 2;
    return lib;
}

TEST(BlasKernel, KernelsTierByTheirWidestInstructions) {
    EXPECT_LT(blasKernelTier("Prescott"), blasKernelTier("Sandybridge"));
    EXPECT_LT(blasKernelTier("Sandybridge"), blasKernelTier("Haswell"));
    EXPECT_EQ(blasKernelTier("Haswell"), blasKernelTier("ZEN"));  // names compare case-blind
    EXPECT_LT(blasKernelTier("Haswell"), blasKernelTier("SkylakeX"));
    EXPECT_EQ(blasKernelTier("SkylakeX"), blasKernelTier("Cooperlake"));
    EXPECT_EQ(blasKernelTier("NEOVERSEN1"), -1);
}

TEST(BlasKernel, KernelComesFromTheCpuFeatures) {
    const auto all = openBlas("Prescott").kernels;
    EXPECT_EQ(blasKernelFor(avx512Bf16Cpu(), all), "Cooperlake");
    CpuIsa skylake = avx512Bf16Cpu();
    skylake.avx512bf16 = false;
    EXPECT_EQ(blasKernelFor(skylake, all), "SkylakeX");
    // AVX-512 the OS does not save is not AVX-512 (CpuIsa::detect clears it): AVX2 kernels.
    CpuIsa noZmmState = skylake;
    noZmmState.avx512f = noZmmState.avx512bw = false;
    EXPECT_EQ(blasKernelFor(noZmmState, all), "Haswell");
    EXPECT_EQ(blasKernelFor(zen3Cpu(), all), "Zen");
    // A library without Cooperlake: the best kernel it has.
    EXPECT_EQ(blasKernelFor(avx512Bf16Cpu(), {"Prescott", "Haswell", "SkylakeX"}), "SkylakeX");
    CpuIsa old;
    old.x86_64 = true;
    old.ssse3 = true;
    EXPECT_EQ(blasKernelFor(old, all), "Core2");
}

TEST(BlasKernel, UnknownCpuGetsTheKernelItsFeaturesAllow) {
    // OpenBLAS 0.3.21 on a CPU model it does not know: Prescott on an AVX-512 BF16 CPU.
    const BlasKernelPlan plan = planBlasKernel(avx512Bf16Cpu(), openBlas("Prescott"), {});
    EXPECT_EQ(plan.action, Action::Switch);
    EXPECT_EQ(plan.kernel, "Cooperlake");
    EXPECT_NE(plan.note.find("OpenBLAS picked Prescott"), std::string::npos) << plan.note;
    EXPECT_EQ(planBlasKernel(zen3Cpu(), openBlas("Prescott"), {}).kernel, "Zen");
    CpuIsa avx2Intel = zen3Cpu();
    avx2Intel.amd = false;
    EXPECT_EQ(planBlasKernel(avx2Intel, openBlas("Sandybridge"), {}).kernel, "Haswell");
}

TEST(BlasKernel, KnownCpuChangesNothing) {
    for (const char* kernel : {"SkylakeX", "Cooperlake"}) {
        const BlasKernelPlan plan = planBlasKernel(avx512Bf16Cpu(), openBlas(kernel), {});
        EXPECT_EQ(plan.action, Action::Keep) << kernel;
        EXPECT_TRUE(plan.note.empty()) << plan.note;
    }
    EXPECT_EQ(planBlasKernel(zen3Cpu(), openBlas("Zen"), {}).action, Action::Keep);
    EXPECT_EQ(planBlasKernel(zen3Cpu(), openBlas("Haswell"), {}).action, Action::Keep);
    EXPECT_EQ(planBlasKernel(avx512Bf16Cpu(), openBlas("SapphireRapids"), {}).action, Action::Keep);
    EXPECT_EQ(planBlasKernel(avx512Bf16Cpu(), openBlas("SomeFutureCore"), {}).action, Action::Keep);
    CpuIsa arm;  // not x86-64: nothing to decide
    EXPECT_EQ(planBlasKernel(arm, openBlas("Prescott"), {}).action, Action::Keep);
    BlasLibrary mkl;
    mkl.name = "Intel MKL";
    EXPECT_EQ(planBlasKernel(avx512Bf16Cpu(), mkl, {}).action, Action::Keep);
}

TEST(BlasKernel, ExplicitSettingWins) {
    BlasEnvironment env;
    env.coretype = "Prescott";
    const BlasKernelPlan plan = planBlasKernel(avx512Bf16Cpu(), openBlas("Prescott"), env);
    EXPECT_EQ(plan.action, Action::Keep);
    EXPECT_EQ(plan.note, "set by OPENBLAS_CORETYPE");
}

TEST(BlasKernel, RestartedProcessChecksTheKernelOnce) {
    BlasEnvironment env;
    env.coretype = "Cooperlake";
    env.libraryChoice = "Prescott";
    const BlasKernelPlan verify = planBlasKernel(avx512Bf16Cpu(), openBlas("Cooperlake"), env);
    EXPECT_EQ(verify.action, Action::Verify);
    EXPECT_EQ(verify.kernel, "Cooperlake");
    // After a failed check the library's own choice stays, and the process does not try again.
    BlasEnvironment rejected;
    rejected.rejected = "Cooperlake";
    const BlasKernelPlan keep = planBlasKernel(avx512Bf16Cpu(), openBlas("Prescott"), rejected);
    EXPECT_EQ(keep.action, Action::Keep);
    EXPECT_NE(keep.note.find("failed the check"), std::string::npos) << keep.note;
}

TEST(BlasKernel, UnfixableMismatchWarnsNamingTheVariable) {
    const BlasKernelPlan fixedBuild = planBlasKernel(avx512Bf16Cpu(), openBlas("Prescott", false), {});
    EXPECT_EQ(fixedBuild.action, Action::Warn);
    EXPECT_NE(fixedBuild.note.find("OPENBLAS_CORETYPE"), std::string::npos) << fixedBuild.note;
    EXPECT_EQ(planBlasKernel(avx512Bf16Cpu(), openBlas("SkylakeX", false), {}).action, Action::Keep);
    BlasLibrary other;
    other.name = "unknown BLAS";
    const BlasKernelPlan otherBlas = planBlasKernel(avx512Bf16Cpu(), other, {});
    EXPECT_EQ(otherBlas.action, Action::Warn);
    EXPECT_NE(otherBlas.note.find("OPENBLAS_CORETYPE"), std::string::npos) << otherBlas.note;
}

void naiveSgemm(bool transB, int m, int n, int k, const float* a, const float* b, float* c) {
    for (int i = 0; i < m; ++i)
        for (int j = 0; j < n; ++j) {
            float sum = 0;
            for (int p = 0; p < k; ++p) sum += a[i * k + p] * (transB ? b[j * k + p] : b[p * n + j]);
            c[i * n + j] = sum;
        }
}

TEST(BlasKernel, GemmCheckAcceptsCorrectProductsAndCatchesWrongOnes) {
    const GemmCheck exact = checkGemm(naiveSgemm);
    EXPECT_TRUE(exact.ok) << exact.worstError << " " << exact.worstShape;
    // One term short in the last column of the last row: an edge-kernel bug.
    const GemmCheck edge = checkGemm([](bool transB, int m, int n, int k, const float* a, const float* b, float* c) {
        naiveSgemm(transB, m, n, k, a, b, c);
        if (k > 1) c[m * n - 1] -= a[m * k - 1] * (transB ? b[n * k - 1] : b[k * n - 1]);
    });
    EXPECT_FALSE(edge.ok);
    EXPECT_GT(edge.worstError, 10.0);
    // Half precision would be far outside single-precision rounding.
    const GemmCheck coarse = checkGemm([](bool transB, int m, int n, int k, const float* a, const float* b, float* c) {
        naiveSgemm(transB, m, n, k, a, b, c);
        for (int i = 0; i < m * n; ++i) c[i] = static_cast<float>(static_cast<int>(c[i] * 1024.0f)) / 1024.0f;
    });
    EXPECT_FALSE(coarse.ok);
    // Unwritten output (NaN) fails.
    EXPECT_FALSE(checkGemm([](bool, int, int, int, const float*, const float*, float*) {}).ok);
}

TEST(BlasKernel, LinkedBlasPassesTheCheck) {
    const GemmCheck r = checkBlasGemm();
    EXPECT_TRUE(r.ok) << r.worstError << " at " << r.worstShape << " with " << blasSummary();
    EXPECT_LT(r.worstError, 1.0);
}

// This binary ran selectBlasKernel() from main(): unless the user chose a kernel, it now runs the
// best kernel the CPU and the library allow.
TEST(BlasKernel, TestProcessRunsTheKernelItsCpuDeserves) {
    const BlasLibrary lib = BlasLibrary::current();
    if (lib.name != "OpenBLAS" || !lib.dynamicArch) GTEST_SKIP() << "linked BLAS: " << blasSummary();
    const CpuIsa cpu = CpuIsa::detect();
    const BlasEnvironment env = BlasEnvironment::current();
    if (env.coretype && !env.libraryChoice) GTEST_SKIP() << "OPENBLAS_CORETYPE=" << *env.coretype << " set by the user";
    const std::string best = blasKernelFor(cpu, lib.kernels);
    ASSERT_FALSE(best.empty());
    EXPECT_GE(blasKernelTier(lib.kernel), blasKernelTier(best))
        << "CPU " << cpu.describe() << ", running " << lib.kernel << ": " << blasSummary();
    EXPECT_NE(blasSummary().find(lib.kernel + " kernels"), std::string::npos) << blasSummary();
}

// The CLI end to end: `version` reports the kernel; an explicit choice wins; a kernel that fails
// the check is undone with one warning.
TEST(BlasKernel, CliReportsAndCorrectsTheKernel) {
    const BlasLibrary lib = BlasLibrary::current();
    if (lib.name != "OpenBLAS" || !lib.dynamicArch) GTEST_SKIP() << "linked BLAS: " << blasSummary();
    const std::string clean =
        "env -u OPENBLAS_CORETYPE -u PATCHBANK_BLAS_LIBRARY_KERNEL -u PATCHBANK_BLAS_REJECTED -u PATCHBANK_BLAS_RESTARTS ";
    const std::string cli = PATCHBANK_CLI;
    auto run = [](const std::string& command) {
        test::CliRun r;
        FILE* pipe = popen((command + " 2>&1").c_str(), "r");
        char buffer[4096];
        while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) r.output.append(buffer, n);
        const int status = pclose(pipe);
        r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return r;
    };
    const test::CliRun plain = run(clean + cli + " version");
    ASSERT_EQ(plain.exitCode, 0) << plain.output;
    const std::string best = blasKernelFor(CpuIsa::detect(), lib.kernels);
    std::smatch running;
    ASSERT_TRUE(std::regex_search(plain.output, running, std::regex("BLAS OpenBLAS [0-9.]+, ([A-Za-z0-9]+) kernels")))
        << plain.output;
    EXPECT_GE(blasKernelTier(running[1]), blasKernelTier(best)) << plain.output;
    EXPECT_EQ(plain.output.find("warning"), std::string::npos) << plain.output;

    const test::CliRun chosen = run(clean + "OPENBLAS_CORETYPE=Prescott " + cli + " version");
    ASSERT_EQ(chosen.exitCode, 0) << chosen.output;
    EXPECT_NE(chosen.output.find("Prescott kernels (set by OPENBLAS_CORETYPE)"), std::string::npos) << chosen.output;

    // As if a PatchBank process had switched to a kernel this library does not run as asked.
    const test::CliRun failed =
        run(clean + "OPENBLAS_CORETYPE=NoSuchCore PATCHBANK_BLAS_LIBRARY_KERNEL=Prescott " + cli + " version");
    ASSERT_EQ(failed.exitCode, 0) << failed.output;
    EXPECT_NE(failed.output.find("warning: BLAS: the NoSuchCore kernels are not used"), std::string::npos)
        << failed.output;
    // A process that already restarted twice never restarts again: it says what to set instead.
    const test::CliRun own = run(clean + "PATCHBANK_BLAS_REJECTED=none " + cli + " version");  // never switches
    std::smatch ownKernel;
    ASSERT_TRUE(std::regex_search(own.output, ownKernel, std::regex("BLAS OpenBLAS [0-9.]+, ([A-Za-z0-9]+) kernels")))
        << own.output;
    if (blasKernelTier(best) > blasKernelTier(ownKernel[1])) {
        const test::CliRun looping = run(clean + "PATCHBANK_BLAS_RESTARTS=2 " + cli + " version");
        ASSERT_EQ(looping.exitCode, 0) << looping.output;
        EXPECT_NE(looping.output.find("could not restart itself (it restarted twice already); set OPENBLAS_CORETYPE="),
                  std::string::npos)
            << looping.output;
    }
    EXPECT_NE(failed.output.find(" kernels (OpenBLAS's choice: the NoSuchCore kernels failed the check)"),
              std::string::npos)
        << failed.output;

}

}  // namespace
}  // namespace pb
