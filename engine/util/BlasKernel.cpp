#include "engine/util/BlasKernel.h"

#include <cblas.h>
#include <dlfcn.h>
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <mutex>
#include <random>
#include <sstream>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

namespace pb {

namespace {

constexpr const char* kCoretypeVar = "OPENBLAS_CORETYPE";
constexpr const char* kLibraryChoiceVar = "PATCHBANK_BLAS_LIBRARY_KERNEL";
constexpr const char* kRejectedVar = "PATCHBANK_BLAS_REJECTED";
// Restarts of this process chain so far: a guard, so that the process never restarts in a loop.
constexpr const char* kRestartedVar = "PATCHBANK_BLAS_RESTARTS";

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

bool sameKernel(const std::string& a, const std::string& b) { return lower(a) == lower(b); }

// OpenBLAS's x86-64 kernel names with the widest vector instructions they use.
struct KernelTier {
    const char* name;
    int tier;
};
constexpr KernelTier kKernelTiers[] = {
    {"Prescott", 0},  {"Barcelona", 0}, {"Core2", 0},     {"Penryn", 0},     {"Dunnington", 0},
    {"Nehalem", 0},   {"Sandybridge", 1}, {"Bulldozer", 1}, {"Piledriver", 1}, {"Steamroller", 1},
    {"Excavator", 2}, {"Haswell", 2},   {"Zen", 2},       {"SkylakeX", 3},   {"Cooperlake", 3},
    {"SapphireRapids", 3},
};

// The kernels PatchBank may choose, best first, with what each needs.
struct KernelTarget {
    const char* name;
    bool (*fits)(const CpuIsa&);
};
bool hasAvx512(const CpuIsa& c) { return c.avx512f && c.avx512cd && c.avx512bw && c.avx512dq && c.avx512vl; }
constexpr KernelTarget kTargets[] = {
    {"Cooperlake", [](const CpuIsa& c) { return hasAvx512(c) && c.avx512bf16; }},
    {"SkylakeX", [](const CpuIsa& c) { return hasAvx512(c); }},
    {"Zen", [](const CpuIsa& c) { return c.amd && c.avx2 && c.fma; }},
    {"Haswell", [](const CpuIsa& c) { return c.avx2 && c.fma; }},
    {"Sandybridge", [](const CpuIsa& c) { return c.avx; }},
    {"Nehalem", [](const CpuIsa& c) { return c.sse42; }},
    {"Core2", [](const CpuIsa& c) { return c.ssse3; }},
    {"Prescott", [](const CpuIsa& c) { return c.x86_64; }},
};

// The kernels PatchBank may choose, best first: what a library without per-kernel tables offers.
std::vector<std::string> targetNames() {
    std::vector<std::string> names;
    for (const auto& t : kTargets) names.push_back(t.name);
    return names;
}

template <typename F>
F symbol(const char* name) {
    return reinterpret_cast<F>(dlsym(RTLD_DEFAULT, name));
}

std::optional<std::string> env(const char* name) {
    const char* v = std::getenv(name);
    if (!v || !*v) return std::nullopt;
    return std::string(v);
}

const char* programName() {
#ifdef __GLIBC__
    return program_invocation_short_name;
#else
    return "patchbank";
#endif
}

}  // namespace

CpuIsa CpuIsa::detect() {
    CpuIsa c;
#if defined(__x86_64__)
    c.x86_64 = true;
    unsigned a = 0, b = 0, cx = 0, d = 0;
    if (!__get_cpuid(0, &a, &b, &cx, &d)) return c;
    const unsigned maxLeaf = a;
    char vendor[13] = {};
    std::memcpy(vendor, &b, 4);
    std::memcpy(vendor + 4, &d, 4);
    std::memcpy(vendor + 8, &cx, 4);
    c.amd = std::strcmp(vendor, "AuthenticAMD") == 0 || std::strcmp(vendor, "HygonGenuine") == 0;
    __get_cpuid(1, &a, &b, &cx, &d);
    c.ssse3 = cx & bit_SSSE3;
    c.sse42 = cx & bit_SSE4_2;
    const bool osxsave = cx & bit_OSXSAVE;
    const bool cpuAvx = cx & bit_AVX;
    const bool cpuFma = cx & bit_FMA;
    // The OS must save the wider registers too (XCR0), or the instructions fault.
    unsigned long long xcr0 = 0;
    if (osxsave) {
        unsigned lo = 0, hi = 0;
        __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
        xcr0 = (static_cast<unsigned long long>(hi) << 32) | lo;
    }
    const bool osAvx = (xcr0 & 0x6) == 0x6;             // XMM and YMM state
    const bool osAvx512 = osAvx && (xcr0 & 0xe0) == 0xe0;  // opmask, ZMM0-15 upper halves, ZMM16-31
    c.avx = cpuAvx && osAvx;
    c.fma = cpuFma && osAvx;
    if (maxLeaf >= 7) {
        __get_cpuid_count(7, 0, &a, &b, &cx, &d);
        c.avx2 = osAvx && (b & bit_AVX2);
        c.avx512f = osAvx512 && (b & bit_AVX512F);
        c.avx512cd = osAvx512 && (b & bit_AVX512CD);
        c.avx512bw = osAvx512 && (b & bit_AVX512BW);
        c.avx512dq = osAvx512 && (b & bit_AVX512DQ);
        c.avx512vl = osAvx512 && (b & bit_AVX512VL);
        if (a >= 1) {
            __get_cpuid_count(7, 1, &a, &b, &cx, &d);
            c.avx512bf16 = osAvx512 && (a & (1u << 5));
        }
    }
#endif
    return c;
}

std::string CpuIsa::describe() const {
    if (!x86_64) return "a non-x86-64 CPU";
    if (hasAvx512(*this)) return avx512bf16 ? "AVX-512 BF16" : "AVX-512";
    if (avx2 && fma) return "AVX2";
    if (avx) return "AVX";
    if (sse42) return "SSE4.2";
    if (ssse3) return "SSSE3";
    return "SSE3";
}

int blasKernelTier(const std::string& kernel) {
    for (const auto& k : kKernelTiers)
        if (sameKernel(kernel, k.name)) return k.tier;
    return -1;
}

std::string blasKernelFor(const CpuIsa& cpu, const std::vector<std::string>& available) {
    for (const auto& t : kTargets) {
        if (!t.fits(cpu)) continue;
        for (const auto& a : available)
            if (sameKernel(a, t.name)) return a;
    }
    return {};
}

BlasLibrary BlasLibrary::current() {
    BlasLibrary lib;
    using ConfigFn = char* (*)();
    using ThreadsFn = int (*)();
    if (auto config = symbol<ConfigFn>("openblas_get_config")) {
        lib.name = "OpenBLAS";
        std::istringstream words(config());
        std::string word;
        words >> word >> lib.version;  // "OpenBLAS 0.3.21 DYNAMIC_ARCH ..."
        while (words >> word)
            if (word == "DYNAMIC_ARCH") lib.dynamicArch = true;
        if (auto corename = symbol<ConfigFn>("openblas_get_corename")) lib.kernel = corename();
        if (lib.dynamicArch) {
            // A DYNAMIC_ARCH build exports one table per kernel it carries.
            for (const auto& k : kKernelTiers)
                if (dlsym(RTLD_DEFAULT, ("gotoblas_" + upper(k.name)).c_str())) lib.kernels.push_back(k.name);
            if (lib.kernels.empty()) lib.kernels = targetNames();
        }
        if (auto threads = symbol<ThreadsFn>("openblas_get_num_threads")) lib.threads = threads();
    } else if (auto mkl = symbol<void (*)(char*, int)>("mkl_get_version_string")) {
        lib.name = "Intel MKL";
        char buffer[256] = {};
        mkl(buffer, sizeof buffer);
        lib.version = buffer;
        if (auto threads = symbol<ThreadsFn>("mkl_get_max_threads")) lib.threads = threads();
    } else if (auto blis = symbol<const char* (*)()>("bli_info_get_version_str")) {
        lib.name = "BLIS";
        lib.version = blis();
    } else {
        lib.name = "unknown BLAS";
    }
    return lib;
}

BlasEnvironment BlasEnvironment::current() {
    return BlasEnvironment{env(kCoretypeVar), env(kLibraryChoiceVar), env(kRejectedVar)};
}

BlasKernelPlan planBlasKernel(const CpuIsa& cpu, const BlasLibrary& library, const BlasEnvironment& environment) {
    using Action = BlasKernelPlan::Action;
    if (!cpu.x86_64) return {};
    if (library.name == "unknown BLAS")
        return {Action::Warn, {},
                "the BLAS is not OpenBLAS, MKL or BLIS: PatchBank cannot check its kernels, and OPENBLAS_CORETYPE "
                "has no effect (Debian: update-alternatives --config libblas.so.3-x86_64-linux-gnu)"};
    if (library.name != "OpenBLAS") return {};  // MKL and BLIS pick their kernels from the CPU's features

    if (environment.coretype) {
        if (environment.libraryChoice)
            return {Action::Verify, *environment.coretype,
                    "chosen for " + cpu.describe() + "; OpenBLAS picked " + *environment.libraryChoice};
        return {Action::Keep, {}, "set by OPENBLAS_CORETYPE"};
    }
    if (environment.rejected)
        return {Action::Keep, {}, "OpenBLAS's choice: the " + *environment.rejected + " kernels failed the check"};

    const int chosen = blasKernelTier(library.kernel);
    if (chosen < 0) return {};  // a kernel PatchBank does not know: leave it
    const std::string best = blasKernelFor(cpu, library.dynamicArch ? library.kernels : targetNames());
    // Within a tier the library's choice stands (SkylakeX on a CPU that would also run Cooperlake).
    if (best.empty() || blasKernelTier(best) <= chosen) return {};
    if (!library.dynamicArch)
        return {Action::Warn, {},
                "OpenBLAS " + library.version + " was built for " + library.kernel + " only: it runs " +
                    library.kernel + " kernels on a CPU with " + cpu.describe() +
                    ", and OPENBLAS_CORETYPE cannot change that (install an OpenBLAS built with DYNAMIC_ARCH)"};
    return {Action::Switch, best, "chosen for " + cpu.describe() + "; OpenBLAS picked " + library.kernel};
}

GemmCheck checkGemm(const SgemmFunction& sgemm) {
    struct Shape {
        bool transB;
        int m, n, k;
        const char* what;
    };
    // The kNN distance product (queries x bank rows, depth D), a ViT projection, a 1x1 convolution,
    // and sizes that are not multiples of any register block.
    const Shape shapes[] = {
        {true, 784, 1024, 128, "kNN 784x1024x128"},
        {false, 197, 384, 384, "ViT 197x384x384"},
        {false, 96, 3136, 24, "conv 96x3136x24"},
        {true, 61, 131, 1031, "odd 61x131x1031"},
        {false, 7, 33, 5, "odd 7x33x5"},
    };
    GemmCheck result;
    std::mt19937 rng(20260612);
    std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
    for (const auto& s : shapes) {
        std::vector<float> a(static_cast<std::size_t>(s.m) * s.k), b(static_cast<std::size_t>(s.k) * s.n),
            c(static_cast<std::size_t>(s.m) * s.n, std::nanf(""));
        for (auto& v : a) v = uniform(rng);
        for (auto& v : b) v = uniform(rng);
        sgemm(s.transB, s.m, s.n, s.k, a.data(), b.data(), c.data());
        auto bAt = [&](int p, int j) { return s.transB ? b[static_cast<std::size_t>(j) * s.k + p] : b[static_cast<std::size_t>(p) * s.n + j]; };
        // Rounding bound for any summation order: |error| <= gamma_(k+2) * sum |a b|.
        const double gamma = (s.k + 2) * std::ldexp(1.0, -24);
        auto check = [&](int i, int j) {
            double exact = 0, magnitude = 0;
            for (int p = 0; p < s.k; ++p) {
                const double term = static_cast<double>(a[static_cast<std::size_t>(i) * s.k + p]) * bAt(p, j);
                exact += term;
                magnitude += std::abs(term);
            }
            const double got = c[static_cast<std::size_t>(i) * s.n + j];
            const double ratio = std::isfinite(got) ? std::abs(got - exact) / (gamma * magnitude + 1e-30)
                                                    : std::numeric_limits<double>::infinity();
            if (!(ratio <= result.worstError)) {
                result.worstError = ratio;
                result.worstShape = s.what;
            }
        };
        // Edge tiles (last rows and columns), then a spread of the interior.
        for (int i = std::max(0, s.m - 4); i < s.m; ++i)
            for (int j = 0; j < s.n; ++j) check(i, j);
        for (int i = 0; i < s.m; ++i)
            for (int j = std::max(0, s.n - 8); j < s.n; ++j) check(i, j);
        std::uniform_int_distribution<int> row(0, s.m - 1), col(0, s.n - 1);
        for (int t = 0; t < 256; ++t) check(row(rng), col(rng));
    }
    result.ok = result.worstError <= 1.0;
    return result;
}

GemmCheck checkBlasGemm() {
    return checkGemm([](bool transB, int m, int n, int k, const float* a, const float* b, float* c) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, transB ? CblasTrans : CblasNoTrans, m, n, k, 1.0f, a, k, b,
                    transB ? k : n, 0.0f, c, n);
    });
}

namespace {

std::mutex gStatusMutex;
std::optional<std::string> gNote;  // set by selectBlasKernel

// The check runs on one thread under a fault guard, so that a kernel that faults (an instruction
// the CPU lacks after all) costs a restart with the library's choice, not the user's command.
sigjmp_buf gFaultJump;
volatile sig_atomic_t gFaultSignal = 0;

void onFault(int signal) {
    gFaultSignal = signal;
    siglongjmp(gFaultJump, 1);
}

GemmCheck checkBlasGemmGuarded() {
    using ThreadsFn = int (*)();
    using SetThreadsFn = void (*)(int);
    const auto getThreads = symbol<ThreadsFn>("openblas_get_num_threads");
    const auto setThreads = symbol<SetThreadsFn>("openblas_set_num_threads");
    const int threads = getThreads ? getThreads() : 0;
    if (setThreads) setThreads(1);
    const int signals[] = {SIGILL, SIGSEGV, SIGBUS, SIGFPE};
    struct sigaction guard {}, previous[4];
    guard.sa_handler = onFault;
    sigemptyset(&guard.sa_mask);
    for (int i = 0; i < 4; ++i) sigaction(signals[i], &guard, &previous[i]);
    GemmCheck r;
    if (sigsetjmp(gFaultJump, 1) == 0) {
        r = checkBlasGemm();
    } else {
        // The library's state is unknown now; the caller restarts the process.
        r.ok = false;
        r.worstError = std::numeric_limits<double>::infinity();
        r.worstShape = std::string("a product that raised ") + strsignal(gFaultSignal);
    }
    for (int i = 0; i < 4; ++i) sigaction(signals[i], &previous[i], nullptr);
    if (setThreads && threads > 0) setThreads(threads);
    return r;
}

void warn(const std::string& line) { std::fprintf(stderr, "%s: warning: %s\n", programName(), line.c_str()); }

// Returns only when the process could not restart, saying why.
std::string reexecute(char** argv) {
    const int restarts = std::atoi(env(kRestartedVar).value_or("0").c_str());
    if (restarts >= 2) return "it restarted twice already";
    setenv(kRestartedVar, std::to_string(restarts + 1).c_str(), 1);
    std::fflush(nullptr);
    execv("/proc/self/exe", argv);
    return std::strerror(errno);
}

const char* lookup(char** envp, const char* name) {
    const std::size_t n = std::strlen(name);
    for (char** e = envp; e && *e; ++e)
        if (std::strncmp(*e, name, n) == 0 && (*e)[n] == '=') return *e + n + 1;
    return nullptr;
}

// Before any library initialises (the executable's .preinit_array runs first; the C library has
// not published the environment yet, hence envp): ask OpenBLAS which kernel it would choose and,
// when that falls short, restart at once with OPENBLAS_CORETYPE set. A restart here costs little:
// no library initialiser (LibTorch's are slow) has run. Only OpenBLAS's exported DYNAMIC_ARCH entry
// points are used; where they are missing nothing happens here, and selectBlasKernel() restarts
// the process later instead.
void chooseKernelBeforeLibrariesInitialise(int, char** argv, char** envp) {
    for (const char* name : {kCoretypeVar, kRejectedVar, kRestartedVar}) {
        const char* value = lookup(envp, name);
        if (value && *value) return;
    }
    using VoidFn = void (*)();
    using NameFn = char* (*)();
    const auto dynamicInit = symbol<VoidFn>("gotoblas_dynamic_init");
    const auto dynamicQuit = symbol<VoidFn>("gotoblas_dynamic_quit");
    const auto corename = symbol<NameFn>("openblas_get_corename");
    const auto config = symbol<NameFn>("openblas_get_config");
    if (!argv || !dynamicInit || !dynamicQuit || !corename || !config || !std::strstr(config(), "DYNAMIC_ARCH")) return;
    dynamicInit();  // OpenBLAS's own choice
    char chosen[64];
    std::snprintf(chosen, sizeof chosen, "%s", corename());
    dynamicQuit();  // forgotten again: its initialiser chooses afresh
    BlasLibrary library = BlasLibrary::current();
    library.kernel = chosen;
    const BlasKernelPlan plan = planBlasKernel(CpuIsa::detect(), library, BlasEnvironment{});
    if (plan.action != BlasKernelPlan::Action::Switch) return;
    std::vector<std::string> added = {std::string(kCoretypeVar) + "=" + plan.kernel,
                                      std::string(kLibraryChoiceVar) + "=" + chosen,
                                      std::string(kRestartedVar) + "=1"};
    std::vector<char*> environment;
    for (char** e = envp; e && *e; ++e) environment.push_back(*e);
    for (auto& a : added) environment.push_back(a.data());
    environment.push_back(nullptr);
    std::fflush(nullptr);
    execve("/proc/self/exe", argv, environment.data());
    // Still here: selectBlasKernel() decides again in main().
}

#if defined(__linux__) && !defined(PATCHBANK_NO_PREINIT)
__attribute__((section(".preinit_array"), used)) void (*const kChooseKernelEarly)(int, char**, char**) =
    &chooseKernelBeforeLibrariesInitialise;
#endif

}  // namespace

void selectBlasKernel(char** argv) {
    const CpuIsa cpu = CpuIsa::detect();
    const BlasLibrary library = BlasLibrary::current();
    const BlasKernelPlan plan = planBlasKernel(cpu, library, BlasEnvironment::current());
    using Action = BlasKernelPlan::Action;
    switch (plan.action) {
    case Action::Keep:
        break;
    case Action::Warn:
        warn("BLAS: " + plan.note);
        break;
    case Action::Switch:
        setenv(kCoretypeVar, plan.kernel.c_str(), 1);
        setenv(kLibraryChoiceVar, library.kernel.c_str(), 1);
        {
            const std::string why = reexecute(argv);
            // Only reached when the process cannot re-execute itself.
            unsetenv(kCoretypeVar);
            unsetenv(kLibraryChoiceVar);
            warn("BLAS: OpenBLAS runs " + library.kernel + " kernels on a CPU with " + cpu.describe() +
                 " and PatchBank could not restart itself (" + why + "); set OPENBLAS_CORETYPE=" + plan.kernel +
                 " before starting it");
        }
        {
            std::lock_guard<std::mutex> lock(gStatusMutex);
            gNote = "OpenBLAS's choice; " + plan.kernel + " would fit the CPU: set OPENBLAS_CORETYPE";
        }
        return;
    case Action::Verify: {
        std::string failure;
        if (!sameKernel(library.kernel, plan.kernel)) {
            failure = "OpenBLAS runs " + library.kernel + " when asked for it";
        } else {
            const GemmCheck check = checkBlasGemmGuarded();
            if (!check.ok) {
                char error[64];
                std::snprintf(error, sizeof error, "%.3g", check.worstError);
                failure = "the GEMM check failed on " + check.worstShape + ", error " + error + " x the rounding bound";
            }
        }
        if (!failure.empty()) {
            const std::string previous = env(kLibraryChoiceVar).value_or("its default");
            warn("BLAS: the " + plan.kernel + " kernels are not used: " + failure + "; OpenBLAS's own choice, " +
                 previous + ", runs instead (set OPENBLAS_CORETYPE to choose a kernel)");
            setenv(kRejectedVar, plan.kernel.c_str(), 1);
            unsetenv(kCoretypeVar);
            unsetenv(kLibraryChoiceVar);
            reexecute(argv);
            // Without a restart the checked kernel is the one that runs: say so in reports.
            std::lock_guard<std::mutex> lock(gStatusMutex);
            gNote = plan.kernel + " failed the check and PatchBank could not restart itself";
            return;
        }
        break;
    }
    }
    std::lock_guard<std::mutex> lock(gStatusMutex);
    gNote = plan.note;
}

BlasStatus blasStatus() {
    BlasStatus status{BlasLibrary::current(), {}};
    {
        std::lock_guard<std::mutex> lock(gStatusMutex);
        if (gNote) {
            status.note = *gNote;
            return status;
        }
    }
    // selectBlasKernel() did not run in this process (a library user's own main): describe, change nothing.
    const CpuIsa cpu = CpuIsa::detect();
    const BlasKernelPlan plan = planBlasKernel(cpu, status.library, BlasEnvironment::current());
    status.note = plan.action == BlasKernelPlan::Action::Switch
                      ? "OpenBLAS's choice for a CPU with " + cpu.describe() + "; " + plan.kernel +
                            " would fit: set OPENBLAS_CORETYPE=" + plan.kernel
                      : plan.note;
    return status;
}

std::string blasSummary() {
    const BlasStatus s = blasStatus();
    std::string line = s.library.name;
    if (!s.library.version.empty()) line += " " + s.library.version;
    if (!s.library.kernel.empty()) line += ", " + s.library.kernel + " kernels";
    if (!s.note.empty()) line += " (" + s.note + ")";
    if (s.library.threads > 0) line += ", " + std::to_string(s.library.threads) + " threads";
    return line;
}

}  // namespace pb
