// Checks and finishing steps shared by every ExactKnn implementation, so that all methods
// reject the same inputs with the same messages and report distances the same way.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "engine/knn/KnnResult.h"

namespace pb::knn {

// Throws pb::Error when dim < 1 or a value is NaN/inf; `what` names the array ("bank", "queries").
void checkVectors(const std::string& method, const char* what, const float* vectors, std::size_t count, int dim);

// Throws pb::Error unless 1 <= k <= bankSize (and the bank is set) and the queries are finite.
void checkSearch(const std::string& method, std::size_t bankSize, int dim, const float* queries, std::size_t count,
                 int k);

// Squared L2 norm of every row, accumulated in double then stored as float.
std::vector<float> squaredNorms(const float* vectors, std::size_t count, int dim);

// The squared Euclidean distance the way every method reports it: float differences, double sums.
double squaredDistance(const float* a, const float* b, int dim);

// Replaces the distances of `result` (whose indices were ranked with the float expansion)
// by Euclidean distances computed directly (float differences, double sums) and re-sorts
// each row by (distance, index). Cheap: k * dim work per query.
void refineExact(const float* bank, const float* queries, int dim, KnnResult& result);

// The k nearest of `rows` (exact squared distance, row) by distance then row, nearest first, as
// Euclidean distances; `rows` holds at least k and is reordered.
void rankExactly(std::vector<std::pair<double, std::uint32_t>>& rows, int k, float* distances, std::int64_t* indices);

// Offers `item` to `heap`, a max-heap of the k smallest items offered so far (front: the largest kept).
// When the heap is full an item enters only if strictly smaller, so of equal items the first stays.
template <typename T>
void keepSmallest(std::vector<T>& heap, const T& item, std::size_t k) {
    if (heap.size() < k) {
        heap.push_back(item);
        std::push_heap(heap.begin(), heap.end());
    } else if (item < heap.front()) {
        std::pop_heap(heap.begin(), heap.end());
        heap.back() = item;
        std::push_heap(heap.begin(), heap.end());
    }
}

// The k nearest bank rows of one query from exact distances of every row (the last resort of the methods
// whose approximate values cannot tell a query's rows apart: a bank of near-copies).
void scanExactly(const float* bank, std::size_t count, int dim, const float* query, int k, float* distances,
                 std::int64_t* indices);

// Positions j of one block row whose value c[j] + norms[j] is below `limit`, written to `out` (room for
// n); returns how many. Vectorised (AVX-512, AVX2 or SSE2, picked once at run time) and called once per
// row, so that the dispatch costs nothing next to the scan.
std::size_t positionsBelow(const float* c, const float* norms, std::size_t n, float limit, std::uint32_t* out);

// The candidate margin of a query for values ||b||^2 - 2 q.b computed in float (a float product of depth
// dim in any summation order, bank norms rounded to float, their sum rounded): 3 E with
//   E = 2 g |q| M + u (2 |q| M (1 + 2 g) + 2 M^2),   u = 2^-24, g = gamma_dim = dim u / (1 - dim u),
// M the largest bank norm. Each value lies within E of the exact one, so a row among the k nearest lies
// within 2 E of the running k-th; the third E covers the rounding of heap root + margin.
float productMargin(int dim, float queryNorm2, double largestBankNorm);

// Asks for every cache line of a bank row that is summed next, while the current one is summed: the
// exact re-checks fetch rows one at a time from all over the bank.
inline void prefetchRow(const float* row, std::size_t dim) {
    const char* p = reinterpret_cast<const char*>(row);
    for (std::size_t offset = 0; offset < dim * sizeof(float); offset += 64) __builtin_prefetch(p + offset);
}

// Threads the kNN methods may use: the engine's setting (pb::setEngineThreads, default all cores).
int workerThreads();

// Runs fn(begin, end) over `threads` contiguous slices of [0, n) on short-lived std::threads
// (the caller takes the last slice). Unlike an OpenMP region it leaves no pool spinning
// afterwards, which on a small machine would steal cores from the next sgemm's OpenBLAS threads.
void parallelFor(std::size_t n, int threads, const std::function<void(std::size_t, std::size_t)>& fn);

// While alive, OpenBLAS runs every call on the calling thread (when `active`), so that several engine
// threads can each run their own products; the previous thread count is restored afterwards.
class SingleThreadedBlas {
public:
    explicit SingleThreadedBlas(bool active);
    ~SingleThreadedBlas();
    SingleThreadedBlas(const SingleThreadedBlas&) = delete;
    SingleThreadedBlas& operator=(const SingleThreadedBlas&) = delete;

private:
    int previous_ = 0;
};

// Rows per chunk when n rows are cut into pieces of at most maxChunk rows of near-equal size
// (3136 queries with at most 1024 per chunk: 4 x 784, not 3 x 1024 + 64).
std::size_t balancedChunk(std::size_t n, std::size_t maxChunk);

// An empty result of the right shape.
KnnResult makeResult(std::size_t queries, int k);

}  // namespace pb::knn
