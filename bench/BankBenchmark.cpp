#include "bench/BankBenchmark.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>

#include "engine/bank/IvfPqBank.h"
#include "engine/bank/MemoryBank.h"
#include "engine/knn/ExactKnn.h"
#include "engine/synth/Pcg32.h"
#include "engine/util/Error.h"

namespace pb {

namespace {

double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

// Median wall time of `repeats` runs after one untimed warm-up.
template <typename F>
double medianTime(int repeats, F&& run) {
    run();
    std::vector<double> times;
    for (int r = 0; r < repeats; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        run();
        times.push_back(secondsSince(t0));
    }
    return median(times);
}

}  // namespace

std::vector<float> syntheticPatchFeatures(std::size_t n, int dim, int clusters, std::uint64_t seed,
                                          const std::string& kind) {
    if (dim < 1 || clusters < 1) throw Error("synthetic features: dim and clusters must be positive");
    std::vector<float> v(n * static_cast<std::size_t>(dim));
    Pcg32 rng(seed, 0x62656e6368ULL);
    if (kind == "uniform") {
        for (auto& x : v) x = static_cast<float>(rng.uniform(-1.0, 1.0));
        return v;
    }
    if (kind != "clustered") throw Error("synthetic features: unknown kind \"" + kind + "\" (clustered, uniform)");
    // Each cluster: centre N(0, 1), a random basis of kLatent directions and latent spread 0.2..1.0 along
    // them, plus isotropic noise 0.02: low intrinsic dimension, like CNN patch features, so that nearest
    // neighbours are well defined (in isotropic high-dimensional blobs every point is about equally far).
    constexpr int kLatent = 8;
    std::vector<float> centres(static_cast<std::size_t>(clusters) * dim);
    std::vector<float> bases(static_cast<std::size_t>(clusters) * kLatent * dim);
    for (auto& c : centres) c = static_cast<float>(rng.normal());
    const double basisScale = 1.0 / std::sqrt(static_cast<double>(dim));
    for (auto& b : bases) b = static_cast<float>(rng.normal() * basisScale);
    std::vector<double> spread(clusters), cumulative(clusters);
    double total = 0;
    for (int c = 0; c < clusters; ++c) {
        spread[c] = rng.uniform(0.2, 1.0);
        total += 0.2 + rng.uniform();  // uneven cluster sizes
        cumulative[c] = total;
    }
    double z[kLatent];
    for (std::size_t i = 0; i < n; ++i) {
        const double u = rng.uniform() * total;
        const int c = static_cast<int>(std::min<std::ptrdiff_t>(
            std::upper_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin(), clusters - 1));
        for (auto& l : z) l = spread[c] * rng.normal();
        const float* centre = centres.data() + static_cast<std::size_t>(c) * dim;
        const float* basis = bases.data() + static_cast<std::size_t>(c) * kLatent * dim;
        float* x = v.data() + i * dim;
        for (int d = 0; d < dim; ++d) {
            double value = centre[d] + 0.02 * rng.normal();
            for (int l = 0; l < kLatent; ++l) value += z[l] * basis[l * dim + d];
            x[d] = static_cast<float>(value);
        }
    }
    return v;
}

SelectionComparison compareSelections(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& b,
                                      const float* data, std::size_t n, int dim, const CoresetOptions& options) {
    SelectionComparison c;
    c.count = std::min(a.size(), b.size());
    const std::set<std::int64_t> inA(a.begin(), a.end());
    for (const auto i : b) c.common += inA.count(i);
    while (c.identicalPrefix < c.count && a[c.identicalPrefix] == b[c.identicalPrefix]) ++c.identicalPrefix;
    c.identical = a.size() == b.size() && c.identicalPrefix == a.size();
    if (c.identical || c.identicalPrefix >= c.count) return c;

    // Distances of the two choices to the common prefix, in the projected space the selection used.
    torch::NoGradGuard noGrad;
    const auto floatOptions = torch::TensorOptions().dtype(torch::kFloat32);
    torch::Tensor points = torch::from_blob(const_cast<float*>(data), {static_cast<int64_t>(n), dim}, floatOptions);
    if (options.projection > 0 && options.projection < dim) {
        std::vector<float> matrix = coresetProjection(dim, options.projection, options.seed);
        points = points.mm(torch::from_blob(matrix.data(), {dim, options.projection}, floatOptions));
    }
    const torch::Tensor p = points.to(torch::kFloat64);
    const torch::Tensor prefix = p.index_select(
        0, torch::tensor(std::vector<int64_t>(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(c.identicalPrefix))));
    const auto minDistance = [&](std::int64_t row) {
        return (prefix - p.select(0, row)).pow(2).sum(1).min().sqrt().item<double>();
    };
    c.distanceA = minDistance(a[c.identicalPrefix]);
    c.distanceB = minDistance(b[c.identicalPrefix]);
    c.relativeGap = std::abs(c.distanceA - c.distanceB) / std::max(c.distanceA, c.distanceB);
    return c;
}

CoresetTiming timeGreedyCoreset(const float* data, std::size_t n, int dim, std::size_t count,
                                const CoresetOptions& options) {
    CoresetTiming t;
    t.method = "greedyCoreset(" + options.algorithm + ")";
    const auto t0 = std::chrono::steady_clock::now();
    t.selection = greedyCoreset(data, n, dim, count, options);
    t.seconds = secondsSince(t0);
    return t;
}

std::vector<IvfPqBenchmarkRow> benchmarkIvfPq(std::size_t bankSize, int dim, std::size_t queries, int k, int nlist,
                                              int m, const std::vector<int>& nbits, const std::vector<int>& nprobes,
                                              int repeats, const std::string& dataKind,
                                              const std::function<void(const IvfPqBenchmarkRow&)>& onRow) {
    if (bankSize == 0 || queries == 0 || k < 1 || repeats < 1)
        throw Error("IVF-PQ benchmark: bank size, queries, k and repeats must be positive");
    // One draw split into bank and queries, so that the queries follow the bank's distribution.
    const int clusters = 100;
    const std::vector<float> all = syntheticPatchFeatures(bankSize + queries, dim, clusters, 42, dataKind);
    const float* bank = all.data();
    const float* query = all.data() + bankSize * static_cast<std::size_t>(dim);

    std::vector<IvfPqBenchmarkRow> rows;
    IvfPqBenchmarkRow exactRow;
    exactRow.method = "exact (blas)";
    auto exact = createExactKnn("blas");
    auto t0 = std::chrono::steady_clock::now();
    exact->setBank(bank, bankSize, dim);
    exactRow.buildSeconds = secondsSince(t0);
    KnnResult truth;
    exactRow.medianSeconds = medianTime(repeats, [&] { truth = exact->search(query, queries, k); });
    exactRow.queriesPerSecond = static_cast<double>(queries) / exactRow.medianSeconds;
    exactRow.speedup = 1.0;
    exactRow.recallAt1 = 1.0;
    exactRow.bytes = bankSize * static_cast<std::size_t>(dim) * sizeof(float);
    rows.push_back(exactRow);
    if (onRow) onRow(exactRow);

    for (const int bits : nbits) {
        const std::string spec = "ivfpq:nlist=" + std::to_string(nlist) + ",m=" + std::to_string(m) +
                                 ",nbits=" + std::to_string(bits) + ",nprobe=1";
        IvfPqBank ivf(parseBankSpec(spec));
        t0 = std::chrono::steady_clock::now();
        ivf.build(bank, bankSize, dim, 0, Progress{});
        const double buildSeconds = secondsSince(t0);
        for (const int probes : nprobes) {
            ivf.setNprobe(std::min(probes, nlist));
            IvfPqBenchmarkRow row;
            row.method = ivf.spec();
            row.nbits = bits;
            row.nprobe = ivf.nprobe();
            row.buildSeconds = buildSeconds;
            KnnResult approx;
            row.medianSeconds = medianTime(repeats, [&] { approx = ivf.search(query, queries, k); });
            row.queriesPerSecond = static_cast<double>(queries) / row.medianSeconds;
            row.speedup = exactRow.medianSeconds / row.medianSeconds;
            std::size_t hits = 0;
            for (std::size_t q = 0; q < queries; ++q) hits += approx.index(q, 0) == truth.index(q, 0);
            row.recallAt1 = static_cast<double>(hits) / static_cast<double>(queries);
            row.bytes = ivf.bytes();
            rows.push_back(row);
            if (onRow) onRow(row);
        }
    }
    return rows;
}

}  // namespace pb
