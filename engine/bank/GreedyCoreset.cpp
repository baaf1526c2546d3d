#include "engine/bank/GreedyCoreset.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/bank/CellPrunedSelection.h"
#include "engine/bank/LazyGreedySelection.h"
#include "engine/knn/Bf16Scan.h"
#include "engine/bank/SquaredDistance.h"
#include "engine/synth/Pcg32.h"
#include "engine/util/Error.h"
#include "engine/util/TorchDevice.h"

namespace pb {

namespace {

constexpr int kProgressEvery = 256;
// The automatic CPU algorithm leaves cell pruning for the lazy selection once the steps visit more
// than this fraction of the rows on average.
constexpr double kDenseStop = 0.5;
constexpr double kDenseStopWithTiles = 0.25;
constexpr std::int64_t kDenseWindowWithTiles = 32;

// Any device: one full pass per selected point, ||x||^2 - 2 x.c + ||c||^2 through addmv on the
// precomputed norms, an in-place minimum and an argmax, all on the device. The selected indices
// accumulate in a device tensor copied to the host once at the end.
std::vector<std::int64_t> torchSelection(const torch::Tensor& points, std::int64_t count, std::int64_t start,
                                         const torch::Tensor& w2, const Progress& progress) {
    const torch::Device device = points.device();
    const torch::Tensor norms = points.pow(2).sum(1);
    const auto longOptions = torch::TensorOptions().dtype(torch::kInt64).device(device);
    torch::Tensor selection = torch::empty({count}, longOptions);
    torch::Tensor index = torch::full({1}, start, longOptions);
    torch::Tensor mind = torch::full({points.size(0)}, std::numeric_limits<float>::infinity(),
                                     torch::TensorOptions().dtype(torch::kFloat32).device(device));
    torch::Tensor score;
    for (std::int64_t t = 0; t < count; ++t) {
        if (t > 0) {
            score = w2.defined() ? torch::where(mind.lt(0), mind, mind * w2) : mind;
            index = score.argmax().reshape({1});
        }
        selection.narrow(0, t, 1).copy_(index);
        const torch::Tensor c = points.index_select(0, index).squeeze(0);
        const torch::Tensor d = torch::addmv(norms, points, c, /*beta=*/1, /*alpha=*/-2).add_(c.dot(c)).clamp_min_(0);
        torch::minimum_out(mind, mind, d);
        mind.index_fill_(0, index, -1.0f);
        if (t % kProgressEvery == 0) progress.step("coreset", static_cast<std::size_t>(t), static_cast<std::size_t>(count));
    }
    const torch::Tensor host = selection.to(torch::kCPU).contiguous();
    return std::vector<std::int64_t>(host.data_ptr<std::int64_t>(), host.data_ptr<std::int64_t>() + count);
}

}  // namespace

std::size_t coresetStart(std::size_t n, std::uint64_t seed) {
    if (n == 0) throw Error("coreset: no points");
    Pcg32 rng(seed, 0x636f7265736574ULL);
    const std::uint64_t r = (static_cast<std::uint64_t>(rng.next()) << 32) | rng.next();
    return static_cast<std::size_t>(r % n);
}

std::vector<float> coresetProjection(int dim, int projection, std::uint64_t seed) {
    if (dim < 1 || projection < 1) throw Error("coreset: projection dims must be positive");
    Pcg32 rng(seed, 0x70726f6aULL);
    const double scale = 1.0 / std::sqrt(static_cast<double>(projection));
    std::vector<float> matrix(static_cast<std::size_t>(dim) * projection);
    for (auto& v : matrix) v = static_cast<float>(rng.normal() * scale);
    return matrix;
}

std::vector<float> varianceWeights(const float* data, std::size_t n, int dim, double alpha) {
    if (dim < 1) throw Error("coreset: the dimension must be positive");
    std::vector<double> variance(n);
    double total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const float* x = data + i * dim;
        double mean = 0;
        for (int c = 0; c < dim; ++c) mean += x[c];
        mean /= dim;
        double v = 0;
        for (int c = 0; c < dim; ++c) v += (x[c] - mean) * (x[c] - mean);
        variance[i] = v / dim;
        total += variance[i];
    }
    const double meanVariance = n ? total / static_cast<double>(n) : 0.0;
    std::vector<float> weights(n, 1.0f);
    if (meanVariance > 0)
        for (std::size_t i = 0; i < n; ++i) weights[i] = static_cast<float>(std::pow(variance[i] / meanVariance, alpha));
    return weights;
}

std::vector<std::int64_t> greedyCoreset(const float* data, std::size_t n, int dim, std::size_t count,
                                        const CoresetOptions& options, const std::vector<float>& weights,
                                        const Progress& progress) {
    if (dim < 1) throw Error("coreset: the dimension must be at least 1, got " + std::to_string(dim));
    if (options.projection < 0) throw Error("coreset: the projection dims must not be negative");
    if (!weights.empty() && weights.size() != n)
        throw Error("coreset: " + std::to_string(weights.size()) + " weights for " + std::to_string(n) + " points");
    for (const float w : weights)
        if (!(w >= 0) || !std::isfinite(w)) throw Error("coreset: weights must be finite and non-negative");
    for (std::size_t i = 0; i < n * static_cast<std::size_t>(dim); ++i)
        if (!std::isfinite(data[i]))
            throw Error("coreset: point " + std::to_string(i / dim) + " has a non-finite value");
    count = std::min(count, n);
    if (count == 0) return {};

    const torch::Device device = parseDevice(options.device, "coreset");
    std::string algorithm = options.algorithm;
    if (algorithm == "auto" && !device.is_cpu()) algorithm = "torch";

    if (algorithm != "auto" && algorithm != "pruned" && algorithm != "lazy" && algorithm != "full" &&
        algorithm != "torch")
        throw Error("coreset: unknown algorithm \"" + options.algorithm + "\" (auto, pruned, lazy, full, torch)");
    if (algorithm != "torch" && !device.is_cpu())
        throw Error("coreset: the " + algorithm + " algorithm runs on the CPU only, not on \"" + options.device + "\"");

    torch::NoGradGuard noGrad;
    const auto floatOptions = torch::TensorOptions().dtype(torch::kFloat32);
    const std::int64_t rows = static_cast<std::int64_t>(n);
    const torch::Tensor host = torch::from_blob(const_cast<float*>(data), {rows, dim}, floatOptions);
    torch::Tensor points;
    if (options.projection > 0 && options.projection < dim) {
        std::vector<float> values = coresetProjection(dim, options.projection, options.seed);
        const torch::Tensor matrix = torch::from_blob(values.data(), {dim, options.projection}, floatOptions).to(device);
        if (device.is_cpu()) {
            points = host.mm(matrix);
        } else {
            // Blocks of rows go to the device one at a time: its memory holds the projection only.
            constexpr std::int64_t kBlock = 65536;
            points = torch::empty({rows, options.projection}, floatOptions.device(device));
            for (std::int64_t a = 0; a < rows; a += kBlock) {
                const std::int64_t m = std::min(kBlock, rows - a);
                points.narrow(0, a, m).copy_(host.narrow(0, a, m).to(device).mm(matrix));
            }
        }
    } else {
        points = host.to(device);  // on the CPU a view of the caller's vectors, not a copy
    }
    points = points.contiguous();
    const std::int64_t start = static_cast<std::int64_t>(coresetStart(n, options.seed));

    std::vector<float> w2;
    for (const float w : weights) w2.push_back(w * w);  // the score compares squared distances
    const float* pointData = points.data_ptr<float>();
    const int p = static_cast<int>(points.size(1));
    const float* weights2 = w2.empty() ? nullptr : w2.data();
    if (algorithm == "lazy") {
        std::vector<float> mind(n);
        at::parallel_for(0, rows, 4096, [&](std::int64_t b, std::int64_t e) {
            for (std::int64_t i = b; i < e; ++i) mind[i] = squaredDistance(pointData + i * p, pointData + start * p, p);
        });
        mind[start] = -1.0f;
        return lazyGreedySelection(pointData, rows, p, static_cast<std::int64_t>(count), {start}, std::move(mind),
                                   weights2, "coreset", progress);
    }
    if (algorithm != "torch") {
        CellSelectionOptions selectionOptions;
        selectionOptions.weights2 = weights2;
        selectionOptions.prune = algorithm != "full";
        if (algorithm == "auto") {
            selectionOptions.denseStop = kDenseStop;
            // With a bf16 pair filter (AMX or AVX-512 BF16) the lazy selection's batch updates cost little more
            // than their block products: hand over as soon as pruning stops paying.
            if (knn::fastBf16Available()) {
                selectionOptions.denseStop = kDenseStopWithTiles;
                selectionOptions.denseWindow = kDenseWindowWithTiles;
                selectionOptions.denseFirstCheck = kDenseWindowWithTiles;
            }
        }
        CellSelection cells = cellPrunedSelection(pointData, rows, p, static_cast<std::int64_t>(count), start,
                                                  selectionOptions, progress);
        if (!cells.stoppedDense) return cells.selection;
        return lazyGreedySelection(pointData, rows, p, static_cast<std::int64_t>(count), std::move(cells.selection),
                                   std::move(cells.squaredDistance), weights2, "coreset", progress);
    }
    torch::Tensor w2Tensor;
    if (!w2.empty()) w2Tensor = torch::from_blob(w2.data(), {rows}, floatOptions).to(device, false, true);
    return torchSelection(points, static_cast<std::int64_t>(count), start, w2Tensor, progress);
}

}  // namespace pb
