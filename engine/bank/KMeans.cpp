#include "engine/bank/KMeans.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/bank/BoundedLloyd.h"
#include "engine/bank/CellPrunedSelection.h"
#include "engine/bank/LazyGreedySelection.h"
#include "engine/synth/Pcg32.h"
#include "engine/util/Error.h"
#include "engine/util/TorchDevice.h"

namespace pb {

namespace {

// Distance blocks hold at most this many floats (chunk x k): 64 MB.
constexpr std::int64_t kBlockFloats = 16 * 1024 * 1024;
// The automatic CPU algorithm leaves the cell-pruned draws for the lazy ones once the draws visit more
// than this fraction of the rows on average.
constexpr double kDenseStop = 0.5;
// The convergence test costs a host synchronisation, so it runs only every few iterations.
constexpr int kCheckEvery = 5;

// Nearest centroid of every point, by ||x||^2 - 2 x.c + ||c||^2 over blocks of points so that
// the distance block stays chunk x k. Writes the index and the (clamped) squared distance.
void assignPoints(const torch::Tensor& x, const torch::Tensor& norms, const torch::Tensor& centroids,
                  torch::Tensor& assignment, torch::Tensor& distance2) {
    const std::int64_t n = x.size(0);
    const std::int64_t k = centroids.size(0);
    const std::int64_t chunk = std::max<std::int64_t>(256, kBlockFloats / std::max<std::int64_t>(1, k));
    const torch::Tensor cNorms = centroids.pow(2).sum(1).unsqueeze(0);  // [1][k]
    for (std::int64_t a = 0; a < n; a += chunk) {
        const std::int64_t m = std::min(chunk, n - a);
        // ||x||^2 is constant along a row: leave it out of the argmin, add it to the minimum only.
        const torch::Tensor block = torch::addmm(cNorms, x.narrow(0, a, m), centroids.t(), /*beta=*/1, /*alpha=*/-2);
        auto [values, indices] = block.min(1);
        assignment.narrow(0, a, m).copy_(indices);
        distance2.narrow(0, a, m).copy_((values + norms.narrow(0, a, m)).clamp_min(0));
    }
}

// The CPU algorithm: k-means++ through the exact cell-pruned selection, whose final cells are the
// assignment to the seeds, then bounded Lloyd. With `lazy`, features that do not cluster (where every
// draw would visit most rows) continue with the lazy draws.
KMeansResult prunedKMeans(const float* data, std::size_t n, int dim, std::size_t k, std::uint64_t first,
                          const std::vector<double>& uniforms, bool lazy, std::uint64_t seed, int iterations,
                          const Progress& progress) {
    CellSelectionOptions options;
    options.rule = SelectionRule::SquaredDistance;
    options.uniforms = uniforms.data();
    options.keepAssignment = true;
    options.stage = "k-means++";
    if (lazy) options.denseStop = kDenseStop;
    CellSelection seeds = cellPrunedSelection(data, static_cast<std::int64_t>(n), dim, static_cast<std::int64_t>(k),
                                              static_cast<std::int64_t>(first), options, progress);
    if (seeds.stoppedDense)
        seeds = lazyKMeansPlusPlus(data, static_cast<std::int64_t>(n), dim, static_cast<std::int64_t>(k),
                                   std::move(seeds), seed, progress);
    std::vector<float> centroids(k * static_cast<std::size_t>(dim));
    for (std::size_t j = 0; j < k; ++j)
        std::copy(data + seeds.selection[j] * dim, data + (seeds.selection[j] + 1) * dim, centroids.begin() + j * dim);
    std::vector<float> distance(n);
    for (std::size_t i = 0; i < n; ++i) distance[i] = std::sqrt(seeds.squaredDistance[i]);
    return boundedLloyd(data, n, dim, std::move(centroids), std::move(seeds.owner), distance, iterations, progress);
}

}  // namespace

KMeansResult kMeans(const float* data, std::size_t n, int dim, std::size_t k, const KMeansOptions& options,
                    const Progress& progress) {
    if (dim < 1) throw Error("k-means: the dimension must be at least 1, got " + std::to_string(dim));
    if (k == 0) throw Error("k-means: k must be at least 1");
    if (options.iterations < 0) throw Error("k-means: the iteration count must not be negative");
    for (std::size_t i = 0; i < n * static_cast<std::size_t>(dim); ++i)
        if (!std::isfinite(data[i]))
            throw Error("k-means: point " + std::to_string(i / dim) + " has a non-finite value");

    const torch::Device device = parseDevice(options.device, "k-means");
    std::string algorithm = options.algorithm;
    if (algorithm == "auto" && !device.is_cpu()) algorithm = "torch";
    if (algorithm != "auto" && algorithm != "pruned" && algorithm != "torch")
        throw Error("k-means: unknown algorithm \"" + options.algorithm + "\" (auto, pruned, torch)");
    if (algorithm != "torch" && !device.is_cpu())
        throw Error("k-means: the " + algorithm + " algorithm runs on the CPU only, not on \"" + options.device + "\"");
    KMeansResult result;
    result.dim = dim;
    if (n == 0) return result;
    if (k >= n) {
        result.centroids.assign(data, data + n * static_cast<std::size_t>(dim));
        result.assignment.resize(n);
        std::iota(result.assignment.begin(), result.assignment.end(), 0);
        result.distance.assign(n, 0.0f);
        return result;
    }

    // k-means++ seeding. The uniform draws come from Pcg32 on the host, all at once, so the seeding
    // is the same on every device and needs no synchronisation: the next centroid is the point whose
    // cumulative D^2 weight first exceeds u * total (inverse-CDF sampling, in double precision).
    Pcg32 rng(options.seed, 0x6b6d65616e73ULL);
    const std::uint64_t first = ((static_cast<std::uint64_t>(rng.next()) << 32) | rng.next()) % n;
    std::vector<double> uniforms(k - 1);
    for (auto& u : uniforms) u = rng.uniform();
    if (algorithm != "torch")
        return prunedKMeans(data, n, dim, k, first, uniforms, algorithm == "auto", options.seed, options.iterations,
                            progress);

    torch::NoGradGuard noGrad;
    const auto floatOptions = torch::TensorOptions().dtype(torch::kFloat32);
    const std::int64_t rows = static_cast<std::int64_t>(n);
    const std::int64_t clusters = static_cast<std::int64_t>(k);
    // On the CPU the tensor views the caller's points (never written); on a GPU it is a copy.
    const torch::Tensor x = torch::from_blob(const_cast<float*>(data), {rows, dim}, floatOptions).to(device);
    const torch::Tensor norms = x.pow(2).sum(1);

    const torch::Tensor draws =
        torch::from_blob(uniforms.data(), {clusters - 1}, torch::TensorOptions().dtype(torch::kFloat64))
            .to(device, /*non_blocking=*/false, /*copy=*/true);

    torch::Tensor centroids = torch::empty({clusters, dim}, floatOptions.device(device));
    centroids.select(0, 0).copy_(x.select(0, static_cast<std::int64_t>(first)));
    auto squaredDistanceTo = [&](const torch::Tensor& c) {  // c: [dim]
        return torch::addmv(norms, x, c, /*beta=*/1, /*alpha=*/-2).add_(c.dot(c)).clamp_min_(0);
    };
    torch::Tensor d2 = squaredDistanceTo(centroids.select(0, 0));
    for (std::int64_t j = 1; j < clusters; ++j) {
        const torch::Tensor cumulative = d2.to(torch::kFloat64).cumsum(0);
        const torch::Tensor target = (draws.narrow(0, j - 1, 1) * cumulative.narrow(0, rows - 1, 1));
        const torch::Tensor index =
            torch::searchsorted(cumulative, target, /*out_int32=*/false, /*right=*/true).clamp_max_(rows - 1);
        const torch::Tensor c = x.index_select(0, index).squeeze(0);
        centroids.select(0, j).copy_(c);
        d2 = torch::minimum(d2, squaredDistanceTo(c));
    }

    // Lloyd iterations.
    const auto longOptions = torch::TensorOptions().dtype(torch::kInt64).device(device);
    torch::Tensor assignment = torch::empty({rows}, longOptions);
    torch::Tensor previous = torch::full({rows}, -1, longOptions);
    torch::Tensor distance2 = torch::empty({rows}, floatOptions.device(device));
    const std::int64_t chunk = std::max<std::int64_t>(256, kBlockFloats / dim);
    for (int it = 0; it < options.iterations; ++it) {
        assignPoints(x, norms, centroids, assignment, distance2);
        // Means in double so that large clusters do not lose precision.
        torch::Tensor sums = torch::zeros({clusters, dim}, torch::TensorOptions().dtype(torch::kFloat64).device(device));
        for (std::int64_t a = 0; a < rows; a += chunk) {
            const std::int64_t m = std::min(chunk, rows - a);
            sums.index_add_(0, assignment.narrow(0, a, m), x.narrow(0, a, m).to(torch::kFloat64));
        }
        const torch::Tensor counts = torch::bincount(assignment, {}, clusters);
        const torch::Tensor empty = counts.eq(0);
        const torch::Tensor means = (sums / counts.clamp_min(1).unsqueeze(1).to(torch::kFloat64)).to(torch::kFloat32);
        // Empty clusters are re-seeded from the points farthest from their centroid: the j-th empty
        // cluster takes the j-th farthest point. Done with tensors so that it needs no host decision.
        const torch::Tensor farthest = std::get<1>(distance2.topk(std::min(clusters, rows)));
        const torch::Tensor rank = (empty.cumsum(0) - 1).clamp_min(0);
        const torch::Tensor reseeds = x.index_select(0, farthest.index_select(0, rank));
        centroids = torch::where(empty.unsqueeze(1), reseeds, means);

        // Converged when no point changed cluster and no cluster was empty: the next update would
        // give the same centroids. Checked every kCheckEvery iterations (one host sync each).
        if ((it + 1) % kCheckEvery == 0 && it + 1 < options.iterations) {
            const bool moved = (assignment.ne(previous).any() | empty.any()).item<bool>();
            if (!moved) break;
        }
        previous.copy_(assignment);
    }

    // Final assignment against the returned centroids; the distances are then recomputed directly
    // (not by the norm expansion) so that a point on its centroid gets exactly 0.
    assignPoints(x, norms, centroids, assignment, distance2);
    torch::Tensor exact2 = torch::empty({rows}, torch::TensorOptions().dtype(torch::kFloat64).device(device));
    for (std::int64_t a = 0; a < rows; a += chunk) {
        const std::int64_t m = std::min(chunk, rows - a);
        const torch::Tensor diff = x.narrow(0, a, m) - centroids.index_select(0, assignment.narrow(0, a, m));
        exact2.narrow(0, a, m).copy_(diff.to(torch::kFloat64).pow(2).sum(1));
    }

    const torch::Tensor hostCentroids = centroids.to(torch::kCPU).contiguous();
    const torch::Tensor hostAssignment = assignment.to(torch::kInt32).to(torch::kCPU).contiguous();
    const torch::Tensor hostDistance2 = exact2.to(torch::kCPU).contiguous();
    result.centroids.assign(hostCentroids.data_ptr<float>(), hostCentroids.data_ptr<float>() + clusters * dim);
    result.assignment.assign(hostAssignment.data_ptr<std::int32_t>(), hostAssignment.data_ptr<std::int32_t>() + rows);
    result.distance.resize(n);
    double total = 0;
    const double* d2Host = hostDistance2.data_ptr<double>();
    for (std::size_t i = 0; i < n; ++i) {
        total += d2Host[i];
        result.distance[i] = static_cast<float>(std::sqrt(d2Host[i]));
    }
    result.meanSquaredError = total / static_cast<double>(n);
    return result;
}

}  // namespace pb
