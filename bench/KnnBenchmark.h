// Throughput measurement of the exact kNN methods on random data, for `patchbank-cli bench knn`
// and the Google Benchmark suite, plus a report of the thread pools that compete for the cores.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>
#include <string>

namespace pb {

struct KnnBenchmarkResult {
    std::string method;
    std::size_t bankSize = 0;
    int dim = 0;
    std::size_t queries = 0;
    int k = 0;
    int repeats = 0;
    double setBankSeconds = 0.0;
    double medianSeconds = 0.0;      // one search of all queries, after one untimed warm-up
    double bestSeconds = 0.0;
    double queriesPerSecond = 0.0;   // queries / medianSeconds
    double gflops = 0.0;             // 2 * queries * bank * dim / medianSeconds, the matrix product's work
    std::string threads;             // knnThreadingInfo() at the time of the run
};

// Times `repeats` searches of `queries` random vectors against a random bank (fixed seed,
// uniform in [-1, 1)). Throws pb::Error on an unknown method or invalid sizes.
KnnBenchmarkResult benchmarkExactKnn(const std::string& method, std::size_t bankSize, int dim, std::size_t queries,
                                     int k, int repeats);

// The same timing on given vectors (patch features of real images): `queries` rows searched against
// `bankSize` rows. When `indicesOut` is given it receives the neighbours of the last search, so callers
// can check that methods agree.
KnnBenchmarkResult benchmarkExactKnnOn(const std::string& method, const float* bank, std::size_t bankSize, int dim,
                                       const float* queries, std::size_t queryCount, int k, int repeats,
                                       std::vector<std::int64_t>* indicesOut = nullptr);

// Threads each pool would use now, e.g. "engine=2 openmp=2 openblas=2 torch-intraop=2 cores=2".
// FAISS and LibTorch share the OpenMP pool; OpenBLAS (pthreads build) has its own, used only inside
// sgemm; the blas method's selection uses `engine` plain threads. Call it after pb::setEngineThreads:
// asking LibTorch for its count initialises LibTorch, which otherwise lowers this thread's OpenMP
// count to LibTorch's default.
std::string knnThreadingInfo();

}  // namespace pb
