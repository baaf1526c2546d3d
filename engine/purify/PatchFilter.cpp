#include "engine/purify/PatchFilter.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "engine/knn/ExactKnn.h"
#include "engine/metrics/ImageMetrics.h"
#include "engine/purify/NumpyRandomState.h"
#include "engine/stats/LedoitWolf.h"
#include "engine/util/Error.h"

namespace pb::purify {

std::string toString(PatchScoreMethod method) {
    switch (method) {
        case PatchScoreMethod::Loo: return "loo";
        case PatchScoreMethod::LooCosine: return "loo_cosine";
        case PatchScoreMethod::Mahalanobis: return "mahalanobis";
        case PatchScoreMethod::Ensemble: return "ensemble";
        case PatchScoreMethod::Lof: return "lof";
        case PatchScoreMethod::Pca: return "pca";
        case PatchScoreMethod::IsolationForest: return "iforest";
    }
    return "loo";
}

const std::vector<PatchScoreMethod>& patchScoreMethods() {
    static const std::vector<PatchScoreMethod> all = {
        PatchScoreMethod::Loo, PatchScoreMethod::LooCosine, PatchScoreMethod::Mahalanobis,    PatchScoreMethod::Ensemble,
        PatchScoreMethod::Lof, PatchScoreMethod::Pca,       PatchScoreMethod::IsolationForest};
    return all;
}

PatchScoreMethod patchScoreMethodFromString(const std::string& name) {
    std::string names;
    for (auto m : patchScoreMethods()) {
        if (toString(m) == name) return m;
        names += (names.empty() ? "" : ", ") + toString(m);
    }
    throw Error("unknown patch score '" + name + "' (" + names + ")");
}

namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

Eigen::Map<const RowMatrix> asMatrix(const ReferencePatches& patches) {
    return {patches.data.data(), static_cast<Eigen::Index>(patches.patches()), patches.dim};
}

std::vector<float> mahalanobisScores(const ReferencePatches& patches) {
    const auto rows = asMatrix(patches);
    const stats::MahalanobisScorer scorer(stats::ledoitWolf(rows));
    const Eigen::VectorXd d = scorer.distances(rows);
    std::vector<float> out(patches.patches());
    for (std::size_t p = 0; p < out.size(); ++p) out[p] = static_cast<float>(d[static_cast<Eigen::Index>(p)]);
    return out;
}

// scikit-learn's LocalOutlierFactor(n_neighbors).negative_outlier_factor_, negated: the mean ratio of the
// neighbours' local reachability density to the patch's own.
std::vector<float> lofScores(const ReferencePatches& patches, const Progress& progress) {
    const std::size_t n = patches.patches();
    if (n < 2) throw Error("the local outlier factor needs at least two patches");
    const int k = static_cast<int>(std::min<std::size_t>(20, n - 1));
    auto knn = createExactKnn("blas");
    knn->setBankView(patches.data.data(), n, patches.dim);
    progress.step("local outlier factor", 0, 1);
    // k + 1: each patch finds itself first (distance 0); scikit-learn's fit leaves the point itself out.
    const KnnResult nn = knn->search(patches.data.data(), n, k + 1);
    std::vector<std::int64_t> neighbours(n * k);
    std::vector<double> distances(n * k), kDistance(n);
    for (std::size_t q = 0; q < n; ++q) {
        int taken = 0;
        for (int j = 0; j <= k && taken < k; ++j) {
            if (nn.index(q, j) == static_cast<std::int64_t>(q)) continue;
            neighbours[q * k + taken] = nn.index(q, j);
            distances[q * k + taken] = nn.distance(q, j);
            ++taken;
        }
        for (; taken < k; ++taken) {  // q was not among its own k + 1 (exact duplicates): the last one stands in
            neighbours[q * k + taken] = nn.index(q, k);
            distances[q * k + taken] = nn.distance(q, k);
        }
        kDistance[q] = distances[q * k + k - 1];
    }
    std::vector<double> lrd(n);
    for (std::size_t q = 0; q < n; ++q) {
        double reach = 0;
        for (int j = 0; j < k; ++j) reach += std::max(distances[q * k + j], kDistance[neighbours[q * k + j]]);
        lrd[q] = 1.0 / (reach / k + 1e-10);
    }
    std::vector<float> out(n);
    for (std::size_t q = 0; q < n; ++q) {
        double ratio = 0;
        for (int j = 0; j < k; ++j) ratio += lrd[neighbours[q * k + j]];
        out[q] = static_cast<float>(ratio / k / lrd[q]);
    }
    progress.step("local outlier factor", 1, 1);
    return out;
}

// Squared distance of each patch to its projection on the principal axes that explain 95% of the
// variance (scikit-learn's PCA(n_components=0.95): the fewest axes whose explained variance reaches it).
std::vector<float> pcaScores(const ReferencePatches& patches) {
    const Eigen::MatrixXd x = asMatrix(patches).cast<double>();
    if (x.rows() < 2) throw Error("PCA reconstruction needs at least two patches");
    const Eigen::RowVectorXd mean = x.colwise().mean();
    const Eigen::MatrixXd centred = x.rowwise() - mean;
    const Eigen::MatrixXd covariance = (centred.transpose() * centred) / static_cast<double>(x.rows() - 1);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(covariance);
    const Eigen::VectorXd values = eigen.eigenvalues().reverse().cwiseMax(0.0);
    const double total = values.sum();
    Eigen::Index axes = 0;
    for (double explained = 0; axes < values.size() && (total <= 0 || explained < 0.95 * total);)
        explained += values[axes++];
    axes = std::max<Eigen::Index>(axes, 1);
    const Eigen::MatrixXd basis = eigen.eigenvectors().rowwise().reverse().leftCols(axes);
    const Eigen::MatrixXd residual = centred - (centred * basis) * basis.transpose();
    std::vector<float> out(static_cast<std::size_t>(x.rows()));
    for (Eigen::Index r = 0; r < x.rows(); ++r) out[r] = static_cast<float>(residual.row(r).squaredNorm());
    return out;
}

// The average path length of an unsuccessful search in a binary search tree of n points (Liu et al.):
// the depth a leaf of n points stands for.
double averagePathLength(std::size_t n) {
    if (n <= 1) return 0.0;
    if (n == 2) return 1.0;
    const double h = std::log(static_cast<double>(n - 1)) + 0.5772156649015329;
    return 2.0 * h - 2.0 * static_cast<double>(n - 1) / static_cast<double>(n);
}

// scikit-learn's IsolationForest defaults (100 trees, max_samples = min(256, n), depth limit
// ceil(log2(max_samples))): the anomaly score 2^(-mean depth / c(max_samples)). Its draws come from
// numpy's RandomState(seed), not scikit-learn's sequence: the scores match in distribution.
std::vector<float> isolationForestScores(const ReferencePatches& patches, std::uint32_t seed) {
    const std::size_t n = patches.patches();
    const int dim = patches.dim;
    if (n < 2) throw Error("the isolation forest needs at least two patches");
    const std::size_t sampleSize = std::min<std::size_t>(256, n);
    const int depthLimit = static_cast<int>(std::ceil(std::log2(static_cast<double>(sampleSize))));
    constexpr int kTrees = 100;
    struct Node {
        int feature = -1;  // -1: a leaf
        float split = 0;
        int left = -1, right = -1;
        std::size_t size = 0;
    };
    NumpyRandomState rng(seed);
    std::vector<double> depth(n, 0.0);
    for (int t = 0; t < kTrees; ++t) {
        std::vector<std::int64_t> sample = rng.choice(static_cast<std::int64_t>(n), sampleSize, false);
        std::vector<Node> nodes;
        // Grows a subtree over sample[begin, end) and returns its node index.
        std::function<int(std::size_t, std::size_t, int)> grow = [&](std::size_t begin, std::size_t end, int level) {
            const int index = static_cast<int>(nodes.size());
            nodes.push_back({});
            nodes[index].size = end - begin;
            if (level >= depthLimit || end - begin <= 1) return index;
            const int feature = static_cast<int>(rng.randint(0, dim));
            float lo = std::numeric_limits<float>::max(), hi = std::numeric_limits<float>::lowest();
            for (std::size_t i = begin; i < end; ++i) {
                const float v = patches.patch(static_cast<std::size_t>(sample[i]))[feature];
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
            if (!(hi > lo)) return index;  // a constant feature here: a leaf
            const float split = lo + static_cast<float>(rng.randomSample()) * (hi - lo);
            const auto middle = std::partition(sample.begin() + begin, sample.begin() + end, [&](std::int64_t p) {
                return patches.patch(static_cast<std::size_t>(p))[feature] < split;
            }) - sample.begin();
            nodes[index].feature = feature;
            nodes[index].split = split;
            const int left = grow(begin, static_cast<std::size_t>(middle), level + 1);
            const int right = grow(static_cast<std::size_t>(middle), end, level + 1);
            nodes[index].left = left;
            nodes[index].right = right;
            return index;
        };
        grow(0, sample.size(), 0);
        for (std::size_t p = 0; p < n; ++p) {
            int node = 0, level = 0;
            while (nodes[node].feature >= 0) {
                node = patches.patch(p)[nodes[node].feature] < nodes[node].split ? nodes[node].left : nodes[node].right;
                ++level;
            }
            depth[p] += level + averagePathLength(nodes[node].size);
        }
    }
    std::vector<float> out(n);
    const double norm = averagePathLength(sampleSize);
    for (std::size_t p = 0; p < n; ++p) out[p] = static_cast<float>(std::pow(2.0, -depth[p] / kTrees / norm));
    return out;
}

}  // namespace

std::vector<float> minMaxNormalised(const std::vector<float>& scores) {
    if (scores.empty()) return {};
    const auto [lo, hi] = std::minmax_element(scores.begin(), scores.end());
    const double low = *lo, range = static_cast<double>(*hi) - low + 1e-8;
    std::vector<float> out(scores.size());
    for (std::size_t i = 0; i < scores.size(); ++i) out[i] = static_cast<float>((scores[i] - low) / range);
    return out;
}

std::vector<float> patchOutlierScores(const ReferencePatches& patches, PatchScoreMethod method, int k,
                                      const Progress& progress) {
    switch (method) {
        case PatchScoreMethod::Loo: return meanDistances(leaveOneImageOutKnn(patches, k, progress));
        case PatchScoreMethod::LooCosine:
            return meanDistances(leaveOneImageOutKnn(patches.normalised(), k, progress));
        case PatchScoreMethod::Mahalanobis: return mahalanobisScores(patches);
        case PatchScoreMethod::Ensemble: {
            const auto loo = minMaxNormalised(meanDistances(leaveOneImageOutKnn(patches, k, progress)));
            const auto mahalanobis = minMaxNormalised(mahalanobisScores(patches));
            std::vector<float> out(loo.size());
            for (std::size_t i = 0; i < out.size(); ++i) out[i] = 0.5f * loo[i] + 0.5f * mahalanobis[i];
            return out;
        }
        case PatchScoreMethod::Lof: return lofScores(patches, progress);
        case PatchScoreMethod::Pca: return pcaScores(patches);
        case PatchScoreMethod::IsolationForest: return isolationForestScores(patches, 0);
    }
    return {};
}

std::vector<bool> keepAtOrBelowPercentile(const std::vector<float>& scores, double percentile) {
    const double cut = numpyQuantile(std::vector<double>(scores.begin(), scores.end()), percentile / 100.0);
    std::vector<bool> keep(scores.size());
    for (std::size_t i = 0; i < scores.size(); ++i) keep[i] = scores[i] <= cut;
    return keep;
}

std::size_t removedAbovePercentile(std::size_t count, double percentile) {
    if (count == 0) return 0;
    // numpy's linear percentile sits at position q (n - 1); distinct values above it are those after floor(q (n - 1)).
    const double position = percentile / 100.0 * static_cast<double>(count - 1);
    return count - static_cast<std::size_t>(std::floor(position)) - 1;
}

}  // namespace pb::purify
