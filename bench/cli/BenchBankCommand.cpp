#include <chrono>
#include <cstdio>

#include "bench/cli/BenchBank.h"
#include "app/cli/CommandLine.h"
#include "bench/CoresetBaseline.h"
#include "bench/BankBenchmark.h"
#include "engine/bank/KMeans.h"
#include "bench/KnnBenchmark.h"
#include "engine/util/Error.h"
#include "engine/util/BlasKernel.h"
#include "engine/util/Threads.h"

namespace pb::cli {

namespace {

double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

int benchCoreset(const CommandLine& cl) {
    const std::size_t n = static_cast<std::size_t>(cl.intValue("n", 200000));
    const int dim = cl.intValue("dim", 1024);
    const double ratio = cl.doubleValue("ratio", 0.1);
    const std::string data = cl.value("data", "clustered");
    const int clusters = cl.intValue("clusters", 200);
    CoresetOptions options;
    options.projection = cl.intValue("proj", 128);
    options.seed = static_cast<std::uint64_t>(cl.intValue("seed", 0));
    // PatchCore's int(n * percentage).
    const std::size_t count = static_cast<std::size_t>(static_cast<double>(n) * ratio);
    if (n == 0 || dim < 1 || count == 0) throw Error("bench coreset: --n, --dim and --ratio must give a selection");

    std::printf("greedy coreset: %zu x %d %s features (%d clusters), select %zu (%.4g), projection %d, %d threads\n", n,
                dim, data.c_str(), clusters, count, ratio, options.projection, engineThreads());
    std::printf("threads: %s\n", knnThreadingInfo().c_str());
    auto t0 = std::chrono::steady_clock::now();
    const std::vector<float> x = syntheticPatchFeatures(n, dim, clusters, options.seed + 1, data);
    std::printf("data generated in %.1f s\n", secondsSince(t0));
    std::fflush(stdout);

    std::vector<CoresetTiming> timings;
    options.algorithm = "auto";
    timings.push_back(timeGreedyCoreset(x.data(), n, dim, count, options));
    std::printf("%-34s %10.2f s\n", "ours (auto: pruned, then lazy)", timings.back().seconds);
    std::fflush(stdout);
    for (const char* algorithm : {"pruned", "lazy"}) {
        if (!cl.flag(algorithm)) continue;
        options.algorithm = algorithm;
        timings.push_back(timeGreedyCoreset(x.data(), n, dim, count, options));
        std::printf("%-34s %10.2f s\n", (std::string("ours, ") + algorithm + " only").c_str(), timings.back().seconds);
        std::fflush(stdout);
    }
    if (cl.flag("full")) {
        options.algorithm = "full";
        timings.push_back(timeGreedyCoreset(x.data(), n, dim, count, options));
        std::printf("%-34s %10.2f s\n", "ours without pruning (full pass)", timings.back().seconds);
        std::fflush(stdout);
    }
    if (cl.flag("torch")) {
        options.algorithm = "torch";
        timings.push_back(timeGreedyCoreset(x.data(), n, dim, count, options));
        std::printf("%-34s %10.2f s\n", "ours, LibTorch full pass", timings.back().seconds);
        std::fflush(stdout);
    }
    options.algorithm = "auto";
    if (!cl.flag("no-baseline")) {
        t0 = std::chrono::steady_clock::now();
        CoresetTiming baseline;
        baseline.method = "PatchCore baseline";
        baseline.selection = patchcoreGreedyCoreset(x.data(), n, dim, count, options.projection, options.seed);
        baseline.seconds = secondsSince(t0);
        std::printf("%-34s %10.2f s   (ours is %.1fx faster)\n", "PatchCore baseline (LibTorch)", baseline.seconds,
                    baseline.seconds / timings.front().seconds);
        timings.push_back(baseline);
    }
    for (std::size_t i = 1; i < timings.size(); ++i) {
        const SelectionComparison c =
            compareSelections(timings.front().selection, timings[i].selection, x.data(), n, dim, options);
        if (c.identical) {
            std::printf("selection of %s: identical to ours (%zu indices)\n", timings[i].method.c_str(), c.count);
        } else {
            std::printf("selection of %s: first %zu of %zu identical, %zu indices in common; at step %zu the choices are "
                        "at distance %.9g (ours) and %.9g (theirs) from the selection, relative gap %.2g\n",
                        timings[i].method.c_str(), c.identicalPrefix, c.count, c.common, c.identicalPrefix,
                        c.distanceA, c.distanceB, c.relativeGap);
        }
    }
    return 0;
}

// k-means as the kmeans banks run it (auto, and the cell-pruned draws on request) against dense LibTorch
// Lloyd, the straightforward implementation: the same seeding draws as "pruned" and plain Lloyd passes.
int benchKMeans(const CommandLine& cl) {
    const std::size_t n = static_cast<std::size_t>(cl.intValue("n", 100000));
    const int dim = cl.intValue("dim", 128);
    const std::size_t k = static_cast<std::size_t>(cl.intValue("k", static_cast<int>(n / 16)));
    const std::string data = cl.value("data", "clustered");
    const int clusters = cl.intValue("clusters", 200);
    KMeansOptions options;
    options.iterations = cl.intValue("iterations", 25);
    options.seed = static_cast<std::uint64_t>(cl.intValue("seed", 0));
    if (n == 0 || dim < 1 || k == 0 || k >= n || options.iterations < 0)
        throw Error("bench kmeans: --n, --dim and --k must give 0 < k < n, and --iterations must be >= 0");

    std::printf("k-means: %zu x %d %s features (%d clusters), k %zu, up to %d Lloyd iterations, %d threads\n", n, dim,
                data.c_str(), clusters, k, options.iterations, engineThreads());
    auto t0 = std::chrono::steady_clock::now();
    const std::vector<float> x = syntheticPatchFeatures(n, dim, clusters, options.seed + 1, data);
    std::printf("data generated in %.1f s\n", secondsSince(t0));
    std::printf("%-40s %10s %16s\n", "method", "seconds", "mean sq. error");
    std::fflush(stdout);
    struct Run {
        std::string label;
        KMeansResult result;
    };
    std::vector<Run> runs;
    std::vector<std::pair<std::string, std::string>> methods{{"ours (auto)", "auto"}};
    if (cl.flag("pruned")) methods.emplace_back("ours, cell-pruned draws", "pruned");
    if (!cl.flag("no-baseline")) methods.emplace_back("dense LibTorch Lloyd (baseline)", "torch");
    for (const auto& [label, algorithm] : methods) {
        options.algorithm = algorithm;
        t0 = std::chrono::steady_clock::now();
        runs.push_back({label, kMeans(x.data(), n, dim, k, options)});
        const double seconds = secondsSince(t0);
        std::printf("%-40s %10.2f %16.6g\n", label.c_str(), seconds, runs.back().result.meanSquaredError);
        std::fflush(stdout);
    }
    // The pruned draws equal the baseline's, so the clusterings must be identical; auto draws lazily once
    // the data does not cluster (same distribution, other draws), so only its error is comparable.
    if (cl.flag("no-baseline")) return 0;
    const KMeansResult& baseline = runs.back().result;
    for (std::size_t r = 0; r + 1 < runs.size(); ++r) {
        const Run& run = runs[r];
        std::size_t same = 0;
        for (std::size_t i = 0; i < n; ++i) same += run.result.assignment[i] == baseline.assignment[i];
        std::printf("%s: %zu of %zu assignments as the baseline's, error %.4f of the baseline's\n", run.label.c_str(),
                    same, n, run.result.meanSquaredError / baseline.meanSquaredError);
    }
    return 0;
}

int benchIvfPq(const CommandLine& cl) {
    const std::size_t bank = static_cast<std::size_t>(cl.intValue("bank", 164000));
    const int dim = cl.intValue("dim", 128);
    const std::size_t queries = static_cast<std::size_t>(cl.intValue("queries", 3136));
    const int k = cl.intValue("k", 1);
    const int nlist = cl.intValue("nlist", 100);
    const int m = cl.intValue("m", 8);
    const int repeats = cl.intValue("repeats", 3);
    const std::vector<int> nbits = cl.intList("nbits", "4,8");
    const std::vector<int> nprobes = cl.intList("nprobe", "1,4,8,16");
    const std::string data = cl.value("data", "clustered");
    std::printf("kNN on a bank of %zu x %d %s features, %zu queries, k %d, %d threads\n", bank, dim, data.c_str(),
                queries, k, engineThreads());
    std::printf("%-38s %9s %12s %9s %9s %11s %9s\n", "method", "build s", "queries/s", "speedup", "recall@1", "MB",
                "memory/");
    benchmarkIvfPq(bank, dim, queries, k, nlist, m, nbits, nprobes, repeats, data, [&](const IvfPqBenchmarkRow& r) {
        const double mb = static_cast<double>(r.bytes) / (1024.0 * 1024.0);
        const double exactMb = static_cast<double>(bank) * dim * 4 / (1024.0 * 1024.0);
        std::printf("%-38s %9.2f %12.0f %9.2f %9.4f %11.2f %8.1fx\n", r.method.c_str(), r.buildSeconds,
                    r.queriesPerSecond, r.speedup, r.recallAt1, mb, exactMb / mb);
        std::fflush(stdout);
    });
    return 0;
}

}  // namespace

int runBenchBank(const CommandLine& cl) {
    setEngineThreads(cl.intValue("threads", 0));
    std::printf("BLAS: %s\n", blasSummary().c_str());
    if (cl.command() == "bench coreset") return benchCoreset(cl);
    if (cl.command() == "bench kmeans") return benchKMeans(cl);
    return benchIvfPq(cl);
}

}  // namespace pb::cli
