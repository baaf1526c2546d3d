#include <omp.h>
#include <torch/torch.h>

#include <thread>

#include "engine/util/Threads.h"

extern "C" void openblas_set_num_threads(int) __attribute__((weak));

namespace pb {

namespace {
int gThreads = 0;
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
