#include "engine/knn/KnnSupport.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <thread>
#include <utility>
#include <vector>

#include "engine/util/Error.h"
#include "engine/util/Threads.h"

extern "C" int openblas_get_num_threads() __attribute__((weak));
extern "C" void openblas_set_num_threads(int) __attribute__((weak));

namespace pb::knn {

void checkVectors(const std::string& method, const char* what, const float* vectors, std::size_t count, int dim) {
    if (dim < 1) throw Error(method + " kNN: " + what + " dimension must be at least 1, got " + std::to_string(dim));
    if (count > 0 && vectors == nullptr) throw Error(method + " kNN: " + what + " pointer is null");
    const std::size_t n = count * static_cast<std::size_t>(dim);
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(vectors[i]))
            throw Error(method + " kNN: " + what + " vector " + std::to_string(i / dim) + " has a non-finite value at component " +
                        std::to_string(i % dim));
    }
}

void checkSearch(const std::string& method, std::size_t bankSize, int dim, const float* queries, std::size_t count,
                 int k) {
    if (bankSize == 0) throw Error(method + " kNN: search before setBank (the bank is empty)");
    if (k < 1) throw Error(method + " kNN: k must be at least 1, got " + std::to_string(k));
    if (static_cast<std::size_t>(k) > bankSize)
        throw Error(method + " kNN: k=" + std::to_string(k) + " exceeds the bank size " + std::to_string(bankSize));
    checkVectors(method, "queries", queries, count, dim);
}

std::vector<float> squaredNorms(const float* vectors, std::size_t count, int dim) {
    std::vector<float> norms(count);
    const int threads = count * static_cast<std::size_t>(dim) < (1u << 16) ? 1 : workerThreads();
    parallelFor(count, threads, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            const float* v = vectors + i * dim;
            double s = 0.0;
            for (int d = 0; d < dim; ++d) s += static_cast<double>(v[d]) * v[d];
            norms[i] = static_cast<float>(s);
        }
    });
    return norms;
}

// Eight independent accumulators keep the double sum off the add-latency chain.
double squaredDistance(const float* a, const float* b, int dim) {
    double acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    int d = 0;
    for (; d + 8 <= dim; d += 8)
        for (int t = 0; t < 8; ++t) {
            const double diff = a[d + t] - b[d + t];
            acc[t] += diff * diff;
        }
    for (; d < dim; ++d) {
        const double diff = a[d] - b[d];
        acc[0] += diff * diff;
    }
    return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
}

void refineExact(const float* bank, const float* queries, int dim, KnnResult& result) {
    const int k = result.k;
    const std::size_t work = result.queries * static_cast<std::size_t>(k) * dim;
    parallelFor(result.queries, work < (1u << 16) ? 1 : workerThreads(), [&](std::size_t begin, std::size_t end) {
        std::vector<std::pair<double, std::int64_t>> items(k);
        for (std::size_t q = begin; q < end; ++q) {
            const float* query = queries + q * dim;
            float* distances = result.distances.data() + q * k;
            std::int64_t* indices = result.indices.data() + q * k;
            for (int j = 0; j < k; ++j)
                items[j] = {squaredDistance(query, bank + static_cast<std::size_t>(indices[j]) * dim, dim), indices[j]};
            std::sort(items.begin(), items.end());
            for (int j = 0; j < k; ++j) {
                distances[j] = static_cast<float>(std::sqrt(items[j].first));
                indices[j] = items[j].second;
            }
        }
    });
}

void rankExactly(std::vector<std::pair<double, std::uint32_t>>& rows, int k, float* distances, std::int64_t* indices) {
    std::partial_sort(rows.begin(), rows.begin() + k, rows.end());
    for (int j = 0; j < k; ++j) {
        distances[j] = static_cast<float>(std::sqrt(rows[j].first));
        indices[j] = rows[j].second;
    }
}

void scanExactly(const float* bank, std::size_t count, int dim, const float* query, int k, float* distances,
                 std::int64_t* indices) {
    // A max-heap of the k best (distance, row) pairs: a row enters only when strictly better, so of equal
    // distances the earlier (smaller) row stays.
    std::vector<std::pair<double, std::int64_t>> best;
    best.reserve(static_cast<std::size_t>(k));
    for (std::size_t i = 0; i < count; ++i) {
        const std::pair<double, std::int64_t> item{squaredDistance(query, bank + i * dim, dim),
                                                   static_cast<std::int64_t>(i)};
        if (best.size() < static_cast<std::size_t>(k)) {
            best.push_back(item);
            std::push_heap(best.begin(), best.end());
        } else if (item < best.front()) {
            std::pop_heap(best.begin(), best.end());
            best.back() = item;
            std::push_heap(best.begin(), best.end());
        }
    }
    std::sort_heap(best.begin(), best.end());
    for (int j = 0; j < k; ++j) {
        distances[j] = static_cast<float>(std::sqrt(best[j].first));
        indices[j] = best[j].second;
    }
}

// Not omp_get_max_threads(): LibTorch's first parallel op lowers the calling thread's OpenMP
// count to its own default (1 on the 2-core development VM) unless setEngineThreads ran first.
int workerThreads() { return std::max(1, engineThreads()); }

void parallelFor(std::size_t n, int threads, const std::function<void(std::size_t, std::size_t)>& fn) {
    const std::size_t parts = std::min<std::size_t>(n, static_cast<std::size_t>(std::max(1, threads)));
    if (parts <= 1) {
        if (n > 0) fn(0, n);
        return;
    }
    std::vector<std::thread> pool;
    std::vector<std::exception_ptr> errors(parts);
    auto run = [&](std::size_t part) {
        try {
            fn(n * part / parts, n * (part + 1) / parts);
        } catch (...) {
            errors[part] = std::current_exception();
        }
    };
    for (std::size_t part = 0; part + 1 < parts; ++part) pool.emplace_back(run, part);
    run(parts - 1);
    for (auto& t : pool) t.join();
    for (auto& e : errors)
        if (e) std::rethrow_exception(e);
}

SingleThreadedBlas::SingleThreadedBlas(bool active) {
    if (active && openblas_get_num_threads && openblas_set_num_threads) {
        previous_ = openblas_get_num_threads();
        if (previous_ > 1) openblas_set_num_threads(1);
    }
}

SingleThreadedBlas::~SingleThreadedBlas() {
    if (previous_ > 1) openblas_set_num_threads(previous_);
}

std::size_t balancedChunk(std::size_t n, std::size_t maxChunk) {
    if (n == 0 || maxChunk == 0) return std::max<std::size_t>(1, maxChunk);
    const std::size_t chunks = (n + maxChunk - 1) / maxChunk;
    return (n + chunks - 1) / chunks;
}

KnnResult makeResult(std::size_t queries, int k) {
    KnnResult r;
    r.queries = queries;
    r.k = k;
    r.distances.assign(queries * static_cast<std::size_t>(k), 0.0f);
    r.indices.assign(queries * static_cast<std::size_t>(k), -1);
    return r;
}

}  // namespace pb::knn
