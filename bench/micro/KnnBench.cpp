// Exact kNN throughput (query patches per second) of every method on the shapes that matter:
// DINO ViT-L features (D=1024) against a 50k bank for one 28x28 image (784 queries) and four
// (3136), and the PatchCore-like D=128 bank of 164k. All methods run in one process with the
// same thread settings, so the numbers compare directly.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "engine/knn/ExactKnn.h"
#include "bench/KnnBenchmark.h"
#include "engine/util/BlasKernel.h"
#include "engine/util/Threads.h"

namespace {

const std::vector<float>& randomVectors(std::size_t count, int dim, unsigned seed) {
    static std::map<std::tuple<std::size_t, int, unsigned>, std::vector<float>> cache;
    auto& v = cache[{count, dim, seed}];
    if (v.empty()) {
        std::mt19937 rng(seed);
        std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
        v.resize(count * static_cast<std::size_t>(dim));
        for (auto& x : v) x = uniform(rng);
    }
    return v;
}

// Args: bank size, dim, queries, k.
void knnSearch(benchmark::State& state, const std::string& method) {
    const auto bankSize = static_cast<std::size_t>(state.range(0));
    const int dim = static_cast<int>(state.range(1));
    const auto queries = static_cast<std::size_t>(state.range(2));
    const int k = static_cast<int>(state.range(3));
    const auto& bank = randomVectors(bankSize, dim, 1234);
    const auto& query = randomVectors(queries, dim, 5678);
    auto index = pb::createExactKnn(method);
    index->setBank(bank.data(), bankSize, dim);
    index->search(query.data(), queries, k);  // warm-up, not timed

    std::vector<double> seconds;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        auto result = index->search(query.data(), queries, k);
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        benchmark::DoNotOptimize(result.indices.data());
    }
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds[seconds.size() / 2];
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * queries));
    state.counters["queries_per_s"] = static_cast<double>(queries) / median;
    state.counters["GFLOPs"] = 2.0 * static_cast<double>(queries) * bankSize * dim / median / 1e9;
}

void shapes(benchmark::internal::Benchmark* b) {
    b->ArgNames({"bank", "dim", "queries", "k"});
    b->Args({50000, 1024, 784, 5});
    b->Args({50000, 1024, 3136, 5});
    b->Args({164000, 128, 784, 5});
    b->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
}

BENCHMARK_CAPTURE(knnSearch, blas, std::string("blas"))->Apply(shapes);
BENCHMARK_CAPTURE(knnSearch, faiss, std::string("faiss"))->Apply(shapes);
BENCHMARK_CAPTURE(knnSearch, torch, std::string("torch"))->Apply(shapes);

}  // namespace

int main(int argc, char** argv) {
    pb::selectBlasKernel(argv);  // first: it may restart the process with a better BLAS kernel
    // One thread count for LibTorch, OpenMP (FAISS) and OpenBLAS, before LibTorch initialises:
    // the machine's cores, or --threads=N (removed before Google Benchmark parses the rest).
    int threads = 0;
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("--threads=", 0) == 0)
            threads = std::stoi(arg.substr(10));
        else
            argv[kept++] = argv[i];
    }
    argc = kept;
    pb::setEngineThreads(threads);
    benchmark::AddCustomContext("knn_threads", pb::knnThreadingInfo());
    benchmark::AddCustomContext("blas", pb::blasSummary());
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
