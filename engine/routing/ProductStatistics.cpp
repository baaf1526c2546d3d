#include "engine/routing/ProductStatistics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/bank/KMeans.h"
#include "engine/knn/ExactKnn.h"
#include "engine/synth/Pcg32.h"
#include "engine/util/Error.h"

namespace pb {

namespace {

std::vector<float> gatherRows(const float* data, int dim, const std::vector<std::size_t>& rows) {
    std::vector<float> out(rows.size() * static_cast<std::size_t>(dim));
    for (std::size_t i = 0; i < rows.size(); ++i)
        std::copy_n(data + rows[i] * dim, dim, out.data() + i * dim);
    return out;
}

void checkPatches(const float* patches, std::size_t n, int dim, const char* what) {
    if (dim <= 0) throw Error(std::string(what) + ": dimension must be positive");
    if (n > 0 && patches == nullptr) throw Error(std::string(what) + ": no patch data");
}

}  // namespace

std::vector<std::size_t> subsampleRows(std::size_t n, std::size_t count, std::uint64_t seed) {
    std::vector<std::size_t> rows(n);
    std::iota(rows.begin(), rows.end(), 0);
    if (count == 0 || count >= n) return rows;
    // Partial Fisher-Yates with PCG32: the same rows for a seed on every platform.
    Pcg32 rng(seed, 0x5ca1ab1eULL);
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint64_t r = (static_cast<std::uint64_t>(rng.next()) << 32) | rng.next();
        const std::size_t j = i + static_cast<std::size_t>(r % (n - i));
        std::swap(rows[i], rows[j]);
    }
    rows.resize(count);
    std::sort(rows.begin(), rows.end());
    return rows;
}

double productDispersion(const float* patches, std::size_t n, int dim, const DispersionOptions& options) {
    checkPatches(patches, n, dim, "dispersion");
    if (n < 2) throw Error("dispersion needs at least 2 patches, got " + std::to_string(n));
    const std::vector<std::size_t> rows = subsampleRows(n, options.maxQueries, options.seed);
    const std::vector<float> queries = gatherRows(patches, dim, rows);

    auto knn = createExactKnn(options.knnMethod);
    knn->setBank(patches, n, dim);
    const KnnResult result = knn->search(queries.data(), rows.size(), 2);
    double sum = 0;
    for (std::size_t q = 0; q < rows.size(); ++q) {
        // The query is itself a bank row: skip that row, wherever ties put it.
        const int j = result.index(q, 0) == static_cast<std::int64_t>(rows[q]) ? 1 : 0;
        sum += result.distance(q, j);
    }
    return sum / static_cast<double>(rows.size());
}

ComplexityResult productComplexity(const float* patches, std::size_t n, int dim, const ComplexityOptions& options) {
    checkPatches(patches, n, dim, "complexity");
    if (n == 0) throw Error("complexity needs at least 1 patch");
    if (options.firstClusters == 0 || options.maxClusters < options.firstClusters)
        throw Error("complexity: the cluster grid needs 0 < firstClusters <= maxClusters");
    if (options.absoluteThreshold <= 0 && !(options.thresholdFraction > 0))
        throw Error("complexity: thresholdFraction must be > 0 when no absoluteThreshold is given");
    if (options.kmeansIterations < 1) throw Error("complexity: kmeansIterations must be >= 1");

    const std::vector<std::size_t> rows = subsampleRows(n, options.maxPoints, options.seed);
    const std::vector<float> points = gatherRows(patches, dim, rows);
    const std::size_t m = rows.size();

    ComplexityResult result;
    result.points = m;
    // MSE at K = 1 is exact without k-means: the mean squared distance to the mean.
    std::vector<double> mean(dim, 0.0);
    for (std::size_t i = 0; i < m; ++i)
        for (int d = 0; d < dim; ++d) mean[d] += points[i * dim + d];
    for (int d = 0; d < dim; ++d) mean[d] /= static_cast<double>(m);
    double total = 0;
    for (std::size_t i = 0; i < m; ++i)
        for (int d = 0; d < dim; ++d) {
            const double diff = points[i * dim + d] - mean[d];
            total += diff * diff;
        }
    result.totalVariance = total / static_cast<double>(m);
    result.threshold =
        options.absoluteThreshold > 0 ? options.absoluteThreshold : options.thresholdFraction * result.totalVariance;

    KMeansOptions km;
    km.iterations = options.kmeansIterations;
    km.seed = options.seed;
    km.device = options.device;
    for (std::size_t k = options.firstClusters; k <= options.maxClusters; k *= 2) {
        const std::size_t used = std::min(k, m);
        // With a centroid per point the error is 0: no need to run k-means.
        const double mse = used >= m ? 0.0 : kMeans(points.data(), m, dim, used, km).meanSquaredError;
        result.curve.emplace_back(used, mse);
        result.clusters = used;
        if (mse <= result.threshold) {
            result.reached = true;
            break;
        }
        if (k > options.maxClusters / 2) break;  // the next doubling would pass the cap (or overflow)
    }
    return result;
}

}  // namespace pb
