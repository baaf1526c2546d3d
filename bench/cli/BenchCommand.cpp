#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>

#include "bench/cli/BenchBank.h"
#include "bench/cli/BenchVit.h"
#include "bench/cli/BenchRecon.h"
#include "bench/cli/BenchPatchcore.h"
#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "engine/backbone/Backbone.h"
#include "engine/knn/ExactKnn.h"
#include "engine/io/SafetensorsFile.h"
#include "bench/KnnBenchmark.h"
#include "engine/util/Error.h"
#include "engine/util/BlasKernel.h"
#include "engine/util/Threads.h"

namespace pb::cli {

namespace {

std::vector<std::size_t> queryCountsOf(const CommandLine& cl, const std::string& fallback) {
    std::vector<std::size_t> counts;
    for (const int n : cl.intList("queries", fallback)) {
        if (n <= 0) throw Error("--queries: " + std::to_string(n) + " is not a positive count");
        counts.push_back(static_cast<std::size_t>(n));
    }
    return counts;
}

// Real patch features: the `vectors` of a bank file (patchbank-cli bank build --bank flat). The last rows,
// as many as the largest query count, are held out: the bank is the rows before them, and a count N
// searches the first N held-out rows. Every method's neighbours are compared with the first method's.
// GFLOP/s is that of the full product (2 * queries * bank * dim per second), also for methods that skip
// most of it: a speed in the same unit, not the work done.
int benchKnnOnBankFile(const CommandLine& cl) {
    const auto file = SafetensorsFile::open(cl.value("vectors"));
    if (!file.contains("vectors"))
        throw Error(cl.value("vectors") + ": no \"vectors\" tensor (not a flat or compressed bank file)");
    const auto& info = file.info("vectors");
    if (info.shape.size() != 2) throw Error(cl.value("vectors") + ": \"vectors\" is not a matrix");
    const std::vector<float> vectors = file.toFloat32("vectors");
    const std::size_t rows = static_cast<std::size_t>(info.shape[0]);
    const int dim = static_cast<int>(info.shape[1]);
    const int k = cl.intValue("k", 5);
    const int repeats = cl.intValue("repeats", 1);
    const auto methods = cl.list("methods", "blas,projected");
    const std::vector<std::size_t> queryCounts = queryCountsOf(cl, "6272");
    const std::size_t held = *std::max_element(queryCounts.begin(), queryCounts.end());
    if (held >= rows) throw Error(cl.value("vectors") + ": " + std::to_string(rows) + " rows leave no bank for " +
                                  std::to_string(held) + " queries");
    const std::size_t bank = rows - held;
    const float* queries = vectors.data() + bank * static_cast<std::size_t>(dim);
    std::printf("exact kNN on %s: bank %zu x %d (rows before the last %zu), k %d, %d threads\n",
                cl.value("vectors").c_str(), bank, dim, held, k, engineThreads());
    std::printf("%-10s %8s %12s %12s %12s %18s\n", "method", "queries", "seconds", "queries/s", "full GFLOP/s",
                "same neighbours");
    for (std::size_t count : queryCounts) {
        std::vector<std::int64_t> first;
        for (const auto& method : methods) {
            std::vector<std::int64_t> indices;
            const KnnBenchmarkResult r =
                benchmarkExactKnnOn(method, vectors.data(), bank, dim, queries, count, k, repeats, &indices);
            std::string agreement = "(reference)";
            if (first.empty()) {
                first = indices;
            } else {
                std::size_t same = 0;
                for (std::size_t i = 0; i < indices.size(); ++i) same += indices[i] == first[i];
                agreement = std::to_string(same) + "/" + std::to_string(indices.size());
            }
            std::printf("%-10s %8zu %12.2f %12.0f %12.1f %18s\n", r.method.c_str(), count, r.medianSeconds,
                        r.queriesPerSecond, r.gflops, agreement.c_str());
        }
    }
    return 0;
}

int benchKnn(const CommandLine& cl) {
    if (cl.has("vectors")) return benchKnnOnBankFile(cl);
    const std::size_t bank = static_cast<std::size_t>(cl.intValue("bank", 50000));
    const int dim = cl.intValue("dim", 1024);
    const int k = cl.intValue("k", 5);
    const int repeats = cl.intValue("repeats", 3);
    const auto methods = cl.list("methods", "torch,faiss,blas,projected");
    const auto queryCounts = queryCountsOf(cl, "784,3136");
    std::printf("exact kNN: bank %zu x %d, k %d, %d threads\n", bank, dim, k, engineThreads());
    std::printf("%-8s %8s %16s %12s\n", "method", "queries", "queries/s", "GFLOP/s");
    for (const std::size_t queries : queryCounts) {
        for (const auto& method : methods) {
            KnnBenchmarkResult r = benchmarkExactKnn(method, bank, dim, queries, k, repeats);
            const double gflops = r.queriesPerSecond * 2.0 * bank * dim / 1e9;
            std::printf("%-8s %8zu %16.0f %12.1f\n", method.c_str(), queries, r.queriesPerSecond, gflops);
        }
    }
    return 0;
}

int benchFeatures(const CommandLine& cl) {
    const auto backbones = cl.list("backbones", std::string(kDefaultBackbone) + ",wide_resnet50_2");
    const auto resolutions = cl.intList("resolutions", "224,448");
    const int batch = cl.intValue("batch", 8);
    const int repeats = cl.intValue("repeats", 2);
    std::printf("feature extraction, random weights, batch %d, %d threads\n", batch, engineThreads());
    std::printf("%-18s %6s %10s %14s\n", "backbone", "px", "images/s", "grid");
    for (const auto& name : backbones) {
        BackboneOptions options;
        options.name = name;
        options.weightsPath = cl.value("weights");
        options.batchSize = batch;
        auto backbone = createBackbone(options);
        for (const int px : resolutions) {
            std::mt19937 rng(1);
            std::normal_distribution<float> normal(0.f, 1.f);
            std::vector<FloatImage> images(batch);
            for (auto& img : images) {
                img.channels = 3;
                img.height = img.width = px;
                img.data.resize(3u * px * px);
                for (auto& v : img.data) v = normal(rng);
            }
            auto grids = backbone->extract(images);  // warm-up
            const auto t0 = std::chrono::steady_clock::now();
            for (int r = 0; r < repeats; ++r) grids = backbone->extract(images);
            const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            char grid[64];
            std::snprintf(grid, sizeof grid, "%dx%dx%d", grids[0].height, grids[0].width, grids[0].dim);
            std::printf("%-18s %6d %10.2f %14s\n", name.c_str(), px, batch * repeats / s, grid);
        }
    }
    return 0;
}

}  // namespace

int runBench(const CommandLine& cl) {
    // vit and the bank benchmarks set up their threads after checking their own options.
    if (cl.command() == "bench vit") return runBenchVit(cl);
    if (cl.command() == "bench recon") return runBenchRecon(cl);
    if (cl.command() == "bench patchcore") return runBenchPatchcore(cl);
    if (cl.command() != "bench knn" && cl.command() != "bench features") return runBenchBank(cl);
    setEngineThreads(cl.intValue("threads", 0));
    std::printf("BLAS: %s\n", blasSummary().c_str());
    return cl.command() == "bench knn" ? benchKnn(cl) : benchFeatures(cl);
}

}  // namespace pb::cli
