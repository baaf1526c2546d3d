#include "bench/KnnBenchmark.h"

#include <omp.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>
#include <vector>

#include "engine/knn/ExactKnn.h"
#include "engine/util/BlasKernel.h"
#include "engine/util/Error.h"
#include "engine/util/Threads.h"

namespace pb {

namespace {

std::vector<float> randomVectors(std::size_t count, int dim, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
    std::vector<float> v(count * static_cast<std::size_t>(dim));
    for (auto& x : v) x = uniform(rng);
    return v;
}

double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

std::string knnThreadingInfo() {
    std::string s = "engine=" + std::to_string(engineThreads());
    s += " openmp=" + std::to_string(omp_get_max_threads());
    const int blasThreads = BlasLibrary::current().threads;
    s += " openblas=" + (blasThreads > 0 ? std::to_string(blasThreads) : std::string("n/a"));
    s += " torch-intraop=" + std::to_string(at::get_num_threads());
    s += " cores=" + std::to_string(std::thread::hardware_concurrency());
    return s;
}

KnnBenchmarkResult benchmarkExactKnn(const std::string& method, std::size_t bankSize, int dim, std::size_t queries,
                                     int k, int repeats) {
    if (bankSize == 0 || dim < 1 || queries == 0 || k < 1 || repeats < 1)
        throw Error("kNN benchmark: bank size, dim, queries, k and repeats must all be positive");
    const std::vector<float> bank = randomVectors(bankSize, dim, 1234);
    const std::vector<float> query = randomVectors(queries, dim, 5678);
    return benchmarkExactKnnOn(method, bank.data(), bankSize, dim, query.data(), queries, k, repeats);
}

KnnBenchmarkResult benchmarkExactKnnOn(const std::string& method, const float* bank, std::size_t bankSize, int dim,
                                       const float* queries, std::size_t queryCount, int k, int repeats,
                                       std::vector<std::int64_t>* indicesOut) {
    if (bankSize == 0 || dim < 1 || queryCount == 0 || k < 1 || repeats < 1)
        throw Error("kNN benchmark: bank size, dim, queries, k and repeats must all be positive");
    auto index = createExactKnn(method, bankSize, dim);  // "auto" as a bank of this size would choose
    KnnBenchmarkResult r;
    r.method = index->name();
    r.bankSize = bankSize;
    r.dim = dim;
    r.queries = queryCount;
    r.k = k;
    r.repeats = repeats;
    r.threads = knnThreadingInfo();

    auto t0 = std::chrono::steady_clock::now();
    index->setBankView(bank, bankSize, dim);
    r.setBankSeconds = secondsSince(t0);

    index->search(queries, queryCount, k);  // warm-up: thread pools, page faults
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        t0 = std::chrono::steady_clock::now();
        KnnResult result = index->search(queries, queryCount, k);
        times.push_back(secondsSince(t0));
        if (result.indices.size() != queryCount * static_cast<std::size_t>(k))
            throw Error("kNN benchmark: " + method + " returned a result of the wrong size");
        if (indicesOut && i + 1 == repeats) *indicesOut = std::move(result.indices);
    }
    std::sort(times.begin(), times.end());
    r.bestSeconds = times.front();
    r.medianSeconds = times.size() % 2 ? times[times.size() / 2]
                                       : 0.5 * (times[times.size() / 2 - 1] + times[times.size() / 2]);
    r.queriesPerSecond = static_cast<double>(queryCount) / r.medianSeconds;
    r.gflops = 2.0 * static_cast<double>(queryCount) * bankSize * dim / r.medianSeconds / 1e9;
    return r;
}

}  // namespace pb
