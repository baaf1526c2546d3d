// Candidate rows of one query for the exact kNN methods that compute approximate values first.
#pragma once
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "engine/knn/KnnResult.h"

namespace pb::knn {

struct Candidate {
    float value;  // approximate ||b||^2 - 2 q.b
    std::uint32_t row;
};

// One query's running state while approximate values of ||b||^2 - 2 q.b stream past (the bf16 scan,
// the blas method's float products). The heap keeps the k smallest (root: the largest of them); every
// value below heap root + margin, margin at least twice the values' error bound, is kept as a candidate,
// so that after the scan the candidates hold every row whose exact distance can rank among the k
// nearest, ties included.
struct QueryCandidates {
    float* heapValue = nullptr;
    std::uint32_t* heapRow = nullptr;
    int k = 0;
    float margin = 0;
    float threshold = 0;  // heap root + margin; -inf once the query has overflowed
    std::vector<Candidate> candidates;
    std::size_t capacity = 0;
    std::size_t maxCandidates = 0;  // more and the query overflows
    bool overflow = false;

    // Starts a query: an empty heap of k values at heapValues/heapRows (filled with +inf here).
    void reset(float* heapValues, std::uint32_t* heapRows, int heapSize, float valueMargin);
    // Starts a query that keeps every value below a fixed `limit` and no heap (a lower bound tested against
    // a known upper bound of the k-th distance); it overflows past `maxRows` candidates.
    void resetFixed(float limit, std::size_t maxRows);

    void accept(float value, std::uint32_t row) {
        if (!(value < threshold)) return;
        candidates.push_back({value, row});
        if (value < heapValue[0]) {
            replaceRoot(value, row);
            threshold = heapValue[0] + margin;
        }
        if (candidates.size() >= capacity) compact();
    }

private:
    void replaceRoot(float v, std::uint32_t row) {
        int i = 0;
        for (;;) {
            int child = 2 * i + 1;
            if (child >= k) break;
            if (child + 1 < k && heapValue[child + 1] > heapValue[child]) ++child;
            if (heapValue[child] <= v) break;
            heapValue[i] = heapValue[child];
            heapRow[i] = heapRow[child];
            i = child;
        }
        heapValue[i] = v;
        heapRow[i] = row;
    }
    void compact();
    float noRoot_ = -std::numeric_limits<float>::infinity();  // resetFixed's heap: nothing is below it
    std::uint32_t noRow_ = 0;
};

// The k nearest bank rows of one query from its candidates: those within the margin of the k-th, ranked
// by exact distance (`scratch` is reused between calls). False when the query overflowed; it is then left
// to scanOverflowed.
bool rankCandidates(const QueryCandidates& query, const float* bank, const float* queryVector, int dim, int k,
                    std::vector<std::pair<double, std::uint32_t>>& scratch, float* distances, std::int64_t* indices);

// Every query marked in `overflowed` (a bank of near-copies): the k nearest from every row's exact
// distance, written to `result`, on `threads` threads.
void scanOverflowed(const std::vector<char>& overflowed, const float* bank, std::size_t count, int dim,
                    const float* queries, int k, int threads, KnnResult& result);

}  // namespace pb::knn
