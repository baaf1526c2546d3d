// FAISS parallelises with OpenMP using the calling thread's thread count, which LibTorch may have
// lowered (see knn::workerThreads). Sets a count for one scope, then restores it; the setting is per
// calling thread, so concurrent callers do not see each other's.
#pragma once
#include <omp.h>

namespace pb {

class OmpThreadsScope {
public:
    explicit OmpThreadsScope(int threads) : previous_(omp_get_max_threads()) { omp_set_num_threads(threads); }
    ~OmpThreadsScope() { omp_set_num_threads(previous_); }
    OmpThreadsScope(const OmpThreadsScope&) = delete;
    OmpThreadsScope& operator=(const OmpThreadsScope&) = delete;

private:
    int previous_;
};

}  // namespace pb
