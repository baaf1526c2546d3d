#include "engine/bank/Compressor.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/bank/GreedyCoreset.h"
#include "engine/synth/Pcg32.h"
#include "engine/util/Error.h"

namespace pb {

namespace {

CompressedVectors gather(const float* vectors, int dim, const std::vector<std::int64_t>& rows) {
    CompressedVectors out;
    out.sourceIndex = rows;
    out.vectors.resize(rows.size() * static_cast<std::size_t>(dim));
    for (std::size_t i = 0; i < rows.size(); ++i)
        std::copy(vectors + rows[i] * dim, vectors + (rows[i] + 1) * dim, out.vectors.begin() + i * dim);
    return out;
}

// `budget` distinct rows by a partial Fisher-Yates shuffle (Pcg32), returned in ascending order.
std::vector<std::int64_t> randomRows(std::size_t count, std::size_t budget, std::uint64_t seed) {
    std::vector<std::int64_t> rows(count);
    std::iota(rows.begin(), rows.end(), 0);
    Pcg32 rng(seed, 0x72616e646f6dULL);
    for (std::size_t i = 0; i < budget; ++i) {
        const std::uint64_t r = (static_cast<std::uint64_t>(rng.next()) << 32) | rng.next();
        std::swap(rows[i], rows[i + r % (count - i)]);
    }
    rows.resize(budget);
    std::sort(rows.begin(), rows.end());
    return rows;
}

}  // namespace

std::vector<std::int64_t> selectResiduals(const KMeansResult& clusters, std::size_t count) {
    const std::size_t n = clusters.assignment.size();
    if (clusters.distance.size() != n) throw Error("residual selection: assignment and distance sizes differ");
    count = std::min(count, n);
    if (count == 0) return {};
    const std::size_t k = clusters.dim > 0 ? clusters.centroids.size() / clusters.dim : 0;
    std::vector<std::size_t> size(k, 0);
    for (const auto a : clusters.assignment) {
        if (a < 0 || static_cast<std::size_t>(a) >= k) throw Error("residual selection: assignment out of range");
        ++size[a];
    }
    std::vector<std::size_t> nonEmpty;
    for (const auto s : size)
        if (s > 0) nonEmpty.push_back(s);
    std::sort(nonEmpty.begin(), nonEmpty.end());
    const std::size_t h = nonEmpty.size() / 2;
    const double median = nonEmpty.size() % 2 ? static_cast<double>(nonEmpty[h])
                                               : 0.5 * (static_cast<double>(nonEmpty[h - 1]) + nonEmpty[h]);
    std::vector<double> score(n);
    for (std::size_t i = 0; i < n; ++i)
        score[i] = clusters.distance[i] * std::sqrt(median / static_cast<double>(size[clusters.assignment[i]]));
    std::vector<std::int64_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::partial_sort(order.begin(), order.begin() + count, order.end(), [&](std::int64_t a, std::int64_t b) {
        return score[a] != score[b] ? score[a] > score[b] : a < b;
    });
    order.resize(count);
    return order;
}

CompressedVectors compressVectors(const BankSpec& spec, const float* vectors, std::size_t count, int dim,
                                  std::size_t budget, std::uint64_t seed, const Progress& progress) {
    if (dim < 1) throw Error("compression: the dimension must be at least 1");
    if (spec.kind == BankKind::IvfPq) throw Error("compression: ivfpq is an index, not a compressor");
    budget = std::min(budget, count);
    if (budget == count || spec.kind == BankKind::Flat) {
        std::vector<std::int64_t> all(count);
        std::iota(all.begin(), all.end(), 0);
        return gather(vectors, dim, all);
    }
    switch (spec.kind) {
    case BankKind::Random: return gather(vectors, dim, randomRows(count, budget, seed));
    case BankKind::Coreset:
    case BankKind::VwCoreset: {
        CoresetOptions options;
        options.projection = spec.projection;
        options.seed = seed;
        options.device = spec.device;
        std::vector<float> weights;
        if (spec.kind == BankKind::VwCoreset) weights = varianceWeights(vectors, count, dim, spec.alpha);
        return gather(vectors, dim, greedyCoreset(vectors, count, dim, budget, options, weights, progress));
    }
    case BankKind::KMeans: {
        const KMeansResult km = kMeans(vectors, count, dim, budget, KMeansOptions{spec.iterations, seed, spec.device}, progress);
        CompressedVectors out;
        out.vectors = km.centroids;
        out.sourceIndex.assign(km.centroids.size() / dim, -1);
        return out;
    }
    case BankKind::KMeansResidual: {
        // K = round(0.8 B) centroids, then B - K originals chosen by selectResiduals.
        const std::size_t k = std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(0.8 * budget)));
        const KMeansResult km = kMeans(vectors, count, dim, k, KMeansOptions{spec.iterations, seed, spec.device}, progress);
        const CompressedVectors residuals = gather(vectors, dim, selectResiduals(km, budget - k));
        CompressedVectors out;
        out.vectors = km.centroids;
        out.sourceIndex.assign(km.centroids.size() / dim, -1);
        out.vectors.insert(out.vectors.end(), residuals.vectors.begin(), residuals.vectors.end());
        out.sourceIndex.insert(out.sourceIndex.end(), residuals.sourceIndex.begin(), residuals.sourceIndex.end());
        return out;
    }
    default: break;
    }
    throw Error("compression: unsupported bank kind " + bankKindName(spec.kind));
}

}  // namespace pb
