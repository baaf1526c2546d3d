#include <cblas.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <numeric>

#include <unistd.h>

#include "app/cli/CommandLine.h"
#include "app/cli/EvaluationOptionsParser.h"
#include "bench/BankBenchmark.h"
#include "bench/cli/BenchPatchcore.h"
#include "bench/cli/PythonReference.h"
#include "engine/backbone/Backbone.h"
#include "engine/bank/GreedyCoreset.h"
#include "engine/dataset/DatasetReader.h"
#include "engine/experiments/ProductModel.h"
#include "engine/knn/Bf16FilteredKnn.h"
#include "engine/knn/ProjectedBoundKnn.h"
#include "engine/knn/BlasKnn.h"
#include "engine/knn/ExactKnn.h"
#include "engine/knn/KnnSupport.h"
#include "engine/util/BlasKernel.h"
#include "engine/util/Error.h"
#include "engine/util/Threads.h"

namespace pb::cli {

namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

struct ProductPatches {
    int dim = 0;
    std::vector<float> train, test;
    std::size_t trainRows() const { return dim ? train.size() / dim : 0; }
    std::size_t testRows() const { return dim ? test.size() / dim : 0; }
};

// Every patch of a product's readable train and test images, through the feature cache.
ProductPatches loadPatches(const CommandLine& cl, const std::string& product) {
    const EvaluationOptions options = parseEvaluationOptions(cl);
    const Dataset dataset = openDataset(cl.value("data"));
    auto backbone = createBackbone(options.backbone);
    auto extractor = createFeatureExtractor(*backbone, options);
    ProductPatches p;
    StageTimes times;
    for (const Split split : {Split::Train, Split::Test}) {
        std::vector<std::string> paths;
        for (const auto& s : dataset.select(product, split)) paths.push_back(s.path);
        if (paths.empty()) throw Error("no " + toString(split) + " images of '" + product + "'", cl.value("data"));
        auto& out = split == Split::Train ? p.train : p.test;
        for (auto& f : extractor->extract(paths, product + ": " + toString(split) + " features", Progress{}, times)) {
            if (!f.grid) continue;
            if (p.dim == 0) p.dim = f.grid->dim;
            out.insert(out.end(), f.grid->data.begin(), f.grid->data.end());
        }
    }
    if (p.train.empty() || p.test.empty()) throw Error("no readable images of '" + product + "'", cl.value("data"));
    return p;
}

void writeRaw(const std::filesystem::path& path, const void* data, std::size_t bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(bytes));
    if (!out) throw Error("cannot write", path.string());
}

std::vector<std::int64_t> readIndices(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) throw Error("the reference wrote no indices", path.string());
    std::vector<std::int64_t> v(static_cast<std::size_t>(in.tellg()) / sizeof(std::int64_t));
    in.seekg(0);
    in.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(std::int64_t)));
    return v;
}

// Runs the Python reference, or says why not; the numbers it printed otherwise.
struct Reference {
    std::string python;
    std::filesystem::path script;
    std::filesystem::path folder;
    int threads = 1;
    bool enabled() const { return !python.empty(); }
    nlohmann::json run(const std::string& arguments) const { return runPythonReference(python, script, arguments, threads); }
};

// The exact k nearest by (float differences, double sums), ties by the smaller row, of evenly spread
// sample queries: what "identical to brute force" is checked against.
std::vector<std::int64_t> bruteForce(const float* bank, std::size_t rows, int dim, const float* queries,
                                     const std::vector<std::size_t>& sample, int k) {
    std::vector<std::int64_t> out(sample.size() * k);
    knn::parallelFor(sample.size(), engineThreads(), [&](std::size_t begin, std::size_t end) {
        std::vector<std::pair<double, std::int64_t>> all(rows);
        for (std::size_t s = begin; s < end; ++s) {
            const float* q = queries + sample[s] * dim;
            for (std::size_t b = 0; b < rows; ++b)
                all[b] = {knn::squaredDistance(q, bank + b * dim, dim), static_cast<std::int64_t>(b)};
            std::partial_sort(all.begin(), all.begin() + k, all.end());
            for (int j = 0; j < k; ++j) out[s * k + j] = all[j].second;
        }
    });
    return out;
}

// The machine's own sgemm rate on the kNN product (GFLOP/s), the best of plain products over the whole
// bank laid out two ways: OpenBLAS's pool on blocks of 1024 queries x 2048 bank rows, and each engine
// thread running single-threaded sgemm on its own queries (blocks of 256 x 1024 and 1024 x 512). The
// median of `repeats` runs per layout, as for the methods.
struct SgemmRate {
    double gflops = 0;
    std::string layout;
};

SgemmRate sgemmRate(const float* bank, std::size_t rows, int dim, const float* queries, std::size_t count,
                    int repeats) {
    auto product = [&](std::size_t begin, std::size_t end, std::size_t qMax, std::size_t bMax) {
        const std::size_t qChunk = knn::balancedChunk(end - begin, qMax), bChunk = knn::balancedChunk(rows, bMax);
        std::vector<float> block(qChunk * bChunk);
        for (std::size_t q0 = begin; q0 < end; q0 += qChunk)
            for (std::size_t b0 = 0; b0 < rows; b0 += bChunk) {
                const int qn = static_cast<int>(std::min(qChunk, end - q0)), bn = static_cast<int>(std::min(bChunk, rows - b0));
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, qn, bn, dim, -2.0f, queries + q0 * dim, dim,
                            bank + b0 * dim, dim, 0.0f, block.data(), bn);
            }
    };
    const int threads = knn::workerThreads();
    struct Layout {
        std::string name;
        std::function<void()> run;
    };
    const std::vector<Layout> layouts{
        {"OpenBLAS pool, 1024 x 2048 blocks", [&] { product(0, count, 1024, 2048); }},
        {"one sgemm per thread, 256 x 1024 blocks",
         [&] {
             const knn::SingleThreadedBlas single(threads > 1);
             knn::parallelFor(count, threads, [&](std::size_t b, std::size_t e) { product(b, e, 256, 1024); });
         }},
        {"one sgemm per thread, 1024 x 512 blocks",
         [&] {
             const knn::SingleThreadedBlas single(threads > 1);
             knn::parallelFor(count, threads, [&](std::size_t b, std::size_t e) { product(b, e, 1024, 512); });
         }},
    };
    SgemmRate best;
    for (const Layout& layout : layouts) {
        std::vector<double> times;
        for (int r = 0; r < std::max(1, repeats); ++r) {
            const auto t0 = Clock::now();
            layout.run();
            times.push_back(secondsSince(t0));
        }
        std::sort(times.begin(), times.end());
        const double gflops = 2.0 * count * rows * dim / times[times.size() / 2] / 1e9;
        if (gflops > best.gflops) best = {gflops, layout.name};
    }
    return best;
}

// A --methods entry: a method name, or blas or bf16 with a kernel after a colon (blas:sgemm, bf16:portable).
std::unique_ptr<ExactKnn> createMethod(const std::string& spec) {
    const auto colon = spec.find(':');
    if (colon == std::string::npos) return createExactKnn(spec);
    const std::string method = spec.substr(0, colon), kernel = spec.substr(colon + 1);
    if (method == "blas") return std::make_unique<BlasKnn>(0, 0, kernel);
    if (method == "bf16") return std::make_unique<Bf16FilteredKnn>(kernel);
    throw Error("--methods " + spec + ": only blas and bf16 take a kernel (blas:sgemm, bf16:portable, ...)");
}

// One bank: the Python reference (k=1), then each of our methods (k), side by side.
void benchBank(const std::string& label, const float* bank, std::size_t rows, const ProductPatches& p,
               const std::vector<std::string>& methods, int k, int repeats, const Reference& ref) {
    const int dim = p.dim;
    const std::size_t count = p.testRows();
    std::printf("\n%s: bank %zu x %d, %zu queries\n", label.c_str(), rows, dim, count);
    std::printf("  %-28s %10s %10s %14s %20s\n", "method", "seconds", "vs Python", "GFLOP/s (full)", "same as brute force");
    std::fflush(stdout);
    const double flops = 2.0 * count * rows * dim;
    double pythonSeconds = 0;
    std::vector<std::int64_t> pythonFirst;
    if (ref.enabled()) {
        const auto bankFile = ref.folder / "bank.f32", queryFile = ref.folder / "queries.f32",
                   indexFile = ref.folder / "indices.i64";
        writeRaw(bankFile, bank, rows * dim * sizeof(float));
        writeRaw(queryFile, p.test.data(), p.test.size() * sizeof(float));
        const auto j = ref.run("knn --bank " + shellQuote(bankFile) + " --bank-rows " + std::to_string(rows) +
                               " --queries " + shellQuote(queryFile) + " --query-rows " + std::to_string(count) +
                               " --dim " + std::to_string(dim) + " --k 1 --repeats " + std::to_string(repeats) +
                               " --indices-out " + shellQuote(indexFile));
        pythonSeconds = j.at("seconds").get<double>();
        pythonFirst = readIndices(indexFile);
        std::printf("  %-28s %10.2f %10s %14.1f %20s\n", "Python numpy GEMM+argmin k=1", pythonSeconds, "1.00x",
                    flops / pythonSeconds / 1e9, "(k=1)");
        std::fflush(stdout);
    }
    std::vector<std::size_t> sample;
    for (std::size_t i = 0; i < 64; ++i) sample.push_back(i * count / 64);
    const auto truth = bruteForce(bank, rows, dim, p.test.data(), sample, k);
    for (const auto& method : methods) {
        auto index = createMethod(method);
        const auto setUpStart = Clock::now();
        index->setBankView(bank, rows, dim);
        const double setUp = secondsSince(setUpStart);
        KnnResult result = index->search(p.test.data(), std::min<std::size_t>(count, 512), k);  // warm-up
        std::vector<double> times;
        for (int r = 0; r < repeats; ++r) {
            const auto t0 = Clock::now();
            result = index->search(p.test.data(), count, k);
            times.push_back(secondsSince(t0));
        }
        std::sort(times.begin(), times.end());
        const double seconds = times[times.size() / 2];
        std::size_t same = 0;
        for (std::size_t s = 0; s < sample.size(); ++s)
            for (int j = 0; j < k; ++j) same += result.indices[sample[s] * k + j] == truth[s * k + j];
        std::string name = index->name() + " k=" + std::to_string(k);
        const auto* blas = dynamic_cast<const BlasKnn*>(index.get());
        if (blas) name += std::string(" (") + knn::floatKernelName(blas->kernel()) + ")";
        if (const auto* bf16 = dynamic_cast<const Bf16FilteredKnn*>(index.get()))
            name += std::string(" (") + knn::bf16KernelName(bf16->kernel()) + ")";
        char vs[32] = "-";
        if (pythonSeconds > 0) std::snprintf(vs, sizeof vs, "%.2fx", pythonSeconds / seconds);
        std::printf("  %-28s %10.2f %10s %14.1f %14zu/%zu\n", name.c_str(), seconds, vs, flops / seconds / 1e9, same,
                    sample.size() * k);
        if (const auto* bf16 = dynamic_cast<const Bf16FilteredKnn*>(index.get()))
            std::printf("  %-28s rows per query given a float distance: %.1f, a double-precision one: %.1f, of %zu; "
                        "queries left to the full product: %zu\n",
                        "", bf16->floatRowsPerQuery(), bf16->exactRowsPerQuery(), rows, bf16->overflowedQueries());
        if (const auto* projected = dynamic_cast<const ProjectedBoundKnn*>(index.get())) {
            const auto st = projected->lastSearchStats();
            std::printf("  %-28s set-up %.2f s, %d axes (%.1f%% of the variance left out); exact distances per "
                        "query: %.1f, of %zu; queries left to the full product: %zu\n",
                        "", setUp, projected->projectedDims(), 100.0 * projected->residualVariance(),
                        static_cast<double>(st.exactDistances) / std::max<std::size_t>(1, count - st.fullQueries), rows,
                        st.fullQueries);
        }
        if (!pythonFirst.empty()) {
            std::size_t agree = 0;
            for (std::size_t q = 0; q < count; ++q) agree += result.indices[q * k] == pythonFirst[q];
            std::printf("  %-28s first neighbour as Python's: %zu/%zu\n", "", agree, count);
        }
        if (blas) {
            const SgemmRate rate = sgemmRate(bank, rows, dim, p.test.data(), count, repeats);
            std::printf("  %-28s sgemm alone, best layout (%s): %.1f GFLOP/s; blas runs at %.0f%% of it\n", "",
                        rate.layout.c_str(), rate.gflops, 100.0 * (flops / seconds / 1e9) / rate.gflops);
        }
        std::fflush(stdout);
    }
}

}  // namespace

int runBenchPatchcore(const CommandLine& cl) {
    setEngineThreads(cl.intValue("threads", 0));
    const int threads = engineThreads();
    const std::string product = cl.value("product", "bottle");
    if (!cl.has("data")) throw Error("bench patchcore needs --data (an MVTec-layout data set folder)");
    const int k = cl.intValue("k", 5);
    const int repeats = cl.intValue("repeats", 1);
    const double ratio = cl.doubleValue("ratio", 0.1);
    const auto methods = cl.list("methods", "blas,bf16");
    std::vector<std::size_t> bankSizes;
    for (const int n : cl.intList("bank-sizes", "5000,16000,50000")) {
        if (n <= 0) throw Error("--bank-sizes: " + std::to_string(n) + " is not a positive size");
        bankSizes.push_back(static_cast<std::size_t>(n));
    }
    if (k < 1 || repeats < 1 || !(ratio > 0 && ratio <= 1))
        throw Error("--k and --repeats must be positive and --ratio in (0, 1]");
    std::printf("BLAS: %s\n", blasSummary().c_str());
    std::printf("threads: %d; bf16 kernel: %s\n", threads, knn::bf16KernelName(knn::fastestBf16Kernel()));

    auto t0 = Clock::now();
    const ProductPatches p = loadPatches(cl, product);
    std::printf("%s features: %zu train and %zu test patches of %d values (%.1f s, cache: %s)\n", product.c_str(),
                p.trainRows(), p.testRows(), p.dim, secondsSince(t0), cl.value("cache", "default").c_str());

    Reference ref;
    ref.threads = threads;
    char folder[] = "/tmp/patchbank-bench-XXXXXX";
    if (!cl.flag("no-python")) {
        ref.script = cl.has("script") ? std::filesystem::path(cl.value("script")) : findBenchScript("patchcore_reference.py");
        ref.python = pythonWithTorch(cl.value("python", "python3"), cl.has("python"));
        if (ref.script.empty() || ref.python.empty()) {
            std::printf("Python reference: not run (%s)\n",
                        ref.script.empty() ? "bench/patchcore_reference.py not found" : "no python3 with torch and numpy");
            ref.python.clear();
        } else if (!mkdtemp(folder)) {
            throw Error("cannot create a temporary folder", folder);
        } else {
            ref.folder = folder;
            std::printf("Python reference: %s %s, BLAS kernel %s\n", ref.python.c_str(), ref.script.c_str(),
                        pythonBlasKernel().c_str());
        }
    }

    try {
        // Greedy coreset at --ratio against PatchCore's loop, then the compressed banks as prefixes of one
        // greedy selection (a greedy selection's first m picks are its selection of m).
        const std::size_t n = p.trainRows();
        const std::size_t coresetCount = static_cast<std::size_t>(static_cast<double>(n) * ratio);
        CoresetOptions options;
        options.projection = cl.intValue("proj", 128);
        options.seed = static_cast<std::uint64_t>(cl.intValue("seed", 0));
        const std::size_t largest = std::min(n, std::max(coresetCount, bankSizes.empty() ? 0 : *std::max_element(
                                                                                          bankSizes.begin(), bankSizes.end())));
        std::printf("\ngreedy coreset of %zu train patches to %zu (%.3g), projection %d\n", n, coresetCount, ratio,
                    options.projection);
        std::fflush(stdout);
        t0 = Clock::now();
        const std::vector<std::int64_t> ours = greedyCoreset(p.train.data(), n, p.dim, coresetCount, options);
        const double oursSeconds = secondsSince(t0);
        std::printf("  %-34s %10.2f s\n", "ours", oursSeconds);
        std::fflush(stdout);
        if (ref.enabled()) {
            const auto featureFile = ref.folder / "train.f32", projectionFile = ref.folder / "projection.f32",
                       indexFile = ref.folder / "coreset.i64";
            writeRaw(featureFile, p.train.data(), p.train.size() * sizeof(float));
            const std::vector<float> projection = coresetProjection(p.dim, options.projection, options.seed);
            writeRaw(projectionFile, projection.data(), projection.size() * sizeof(float));
            std::vector<std::pair<std::string, std::string>> loops{{"tuned", "PatchCore, tuned loop (torch)"}};
            if (cl.flag("patchcore-loop")) loops.push_back({"patchcore", "PatchCore's loop verbatim (torch)"});
            for (const auto& [loop, label] : loops) {
                const auto j = ref.run("coreset --loop " + loop + " --features " + shellQuote(featureFile) + " --rows " +
                                       std::to_string(n) + " --dim " + std::to_string(p.dim) + " --count " +
                                       std::to_string(coresetCount) + " --projection " + shellQuote(projectionFile) +
                                       " --proj " + std::to_string(options.projection) + " --start " +
                                       std::to_string(coresetStart(n, options.seed)) + " --indices-out " +
                                       shellQuote(indexFile));
                const double seconds = j.at("seconds").get<double>();
                std::printf("  %-34s %10.2f s   (ours is %.1fx faster)\n", label.c_str(), seconds, seconds / oursSeconds);
                const SelectionComparison c =
                    compareSelections(ours, readIndices(indexFile), p.train.data(), n, p.dim, options);
                std::printf("  %-34s first %zu of %zu picks identical, %zu in common", "", c.identicalPrefix, c.count,
                            c.common);
                if (!c.identical)
                    std::printf("; at the first difference the picks lie %.9g and %.9g from the selection (relative gap %.2g)",
                                c.distanceA, c.distanceB, c.relativeGap);
                std::printf("\n");
                std::fflush(stdout);
            }
        }

        if (cl.flag("coreset-only")) bankSizes.clear();
        if (!cl.flag("coreset-only")) benchBank("full bank (every train patch)", p.train.data(), n, p, methods, k, repeats, ref);
        if (largest > 0 && !bankSizes.empty()) {
            const std::vector<std::int64_t> selection =
                largest <= ours.size() ? ours : greedyCoreset(p.train.data(), n, p.dim, largest, options);
            for (const std::size_t size : bankSizes) {
                if (size >= n) continue;
                std::vector<float> bank(size * p.dim);
                for (std::size_t i = 0; i < size; ++i)
                    std::copy_n(p.train.data() + selection[i] * p.dim, p.dim, bank.data() + i * p.dim);
                benchBank("coreset bank of " + std::to_string(size), bank.data(), size, p, methods, k, repeats, ref);
            }
        }
    } catch (...) {
        if (!ref.folder.empty()) std::filesystem::remove_all(ref.folder);
        throw;
    }
    if (!ref.folder.empty()) std::filesystem::remove_all(ref.folder);
    return 0;
}

}  // namespace pb::cli
