#include "engine/knn/QueryCandidates.h"

#include <algorithm>
#include <limits>

#include "engine/knn/KnnSupport.h"

namespace pb::knn {

void QueryCandidates::reset(float* heapValues, std::uint32_t* heapRows, int heapSize, float valueMargin) {
    heapValue = heapValues;
    heapRow = heapRows;
    k = heapSize;
    std::fill(heapValue, heapValue + k, std::numeric_limits<float>::infinity());
    margin = valueMargin;
    threshold = std::numeric_limits<float>::infinity();
    candidates.clear();
    capacity = 256 + 8 * static_cast<std::size_t>(k);
    maxCandidates = std::size_t(1) << 12;
    overflow = false;
}

void QueryCandidates::resetFixed(float limit, std::size_t maxRows) {
    heapValue = &noRoot_;
    heapRow = &noRow_;
    k = 1;
    margin = 0;
    threshold = limit;
    candidates.clear();
    capacity = 256;
    maxCandidates = maxRows;
    overflow = false;
}

void QueryCandidates::compact() {
    // Values above the current threshold can no longer rank; keep the rest. A query whose candidates
    // keep growing (a bank of near-copies) stops collecting and is searched another way afterwards.
    const float limit = threshold;
    candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                    [limit](const Candidate& c) { return !(c.value <= limit); }),
                     candidates.end());
    if (candidates.size() * 2 > capacity) capacity *= 2;
    if (capacity > maxCandidates) {
        overflow = true;
        threshold = -std::numeric_limits<float>::infinity();
        candidates.clear();
        candidates.shrink_to_fit();
    }
}

bool rankCandidates(const QueryCandidates& query, const float* bank, const float* queryVector, int dim, int k,
                    std::vector<std::pair<double, std::uint32_t>>& scratch, float* distances, std::int64_t* indices) {
    if (query.overflow) return false;
    const float limit = query.heapValue[0] + query.margin;
    scratch.clear();
    for (const Candidate& c : query.candidates) {
        if (!(c.value <= limit)) continue;
        const float* row = bank + static_cast<std::size_t>(c.row) * dim;
        scratch.emplace_back(squaredDistance(queryVector, row, dim), c.row);
    }
    rankExactly(scratch, k, distances, indices);
    return true;
}

void scanOverflowed(const std::vector<char>& overflowed, const float* bank, std::size_t count, int dim,
                    const float* queries, int k, int threads, KnnResult& result) {
    std::vector<std::size_t> rest;
    for (std::size_t q = 0; q < overflowed.size(); ++q)
        if (overflowed[q]) rest.push_back(q);
    parallelFor(rest.size(), threads, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            const std::size_t q = rest[i];
            scanExactly(bank, count, dim, queries + q * static_cast<std::size_t>(dim), k,
                        result.distances.data() + q * k, result.indices.data() + q * k);
        }
    });
}

}  // namespace pb::knn
