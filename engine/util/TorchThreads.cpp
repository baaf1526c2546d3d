#include <omp.h>
#include <torch/torch.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "engine/util/Threads.h"

extern "C" void openblas_set_num_threads(int) __attribute__((weak));

namespace pb {

namespace {

int gThreads = 0;

constexpr const char* kWaitPolicy = "OMP_WAIT_POLICY";
constexpr const char* kRestartMarker = "PATCHBANK_OPENMP_RESTARTED";

bool inEnvironment(char** envp, const char* name) {
    const std::size_t n = std::strlen(name);
    for (char** e = envp; e && *e; ++e)
        if (std::strncmp(*e, name, n) == 0 && (*e)[n] == '=') return true;
    return false;
}

// Runs after every library's initialiser (libgomp has read the policy) and before main(): the
// variables leave the environment, so that child processes, such as the Python reference of `bench`,
// start with their own defaults.
__attribute__((constructor)) void forgetOpenMpWaitPolicy() {
    if (!std::getenv(kRestartMarker)) return;
    unsetenv(kWaitPolicy);
    unsetenv(kRestartMarker);
}

}  // namespace

void restartWithPassiveOpenMp(int, char** argv, char** envp) {
    if (!argv || inEnvironment(envp, kWaitPolicy) || inEnvironment(envp, "GOMP_SPINCOUNT") ||
        inEnvironment(envp, kRestartMarker))
        return;
    std::string policy = std::string(kWaitPolicy) + "=PASSIVE";
    std::string marker = std::string(kRestartMarker) + "=1";
    std::vector<char*> environment;
    for (char** e = envp; e && *e; ++e) environment.push_back(*e);
    environment.push_back(policy.data());
    environment.push_back(marker.data());
    environment.push_back(nullptr);
    std::fflush(nullptr);
    execve("/proc/self/exe", argv, environment.data());
    // Still here (no /proc): libgomp's default policy.
}

void setEngineThreads(int threads) {
    if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    gThreads = threads;
    at::set_num_threads(threads);
    omp_set_num_threads(threads);
    if (openblas_set_num_threads) openblas_set_num_threads(threads);
}

int engineThreads() {
    return gThreads > 0 ? gThreads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace pb
