#include "engine/knn/QueryCandidates.h"

#include <algorithm>
#include <limits>

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
    overflow = false;
}

void QueryCandidates::compact() {
    // Values above the current threshold can no longer rank; keep the rest. A query whose candidates
    // keep growing (a bank of near-copies) stops collecting and is searched another way afterwards.
    constexpr std::size_t kMaxCandidates = std::size_t(1) << 12;
    const float limit = threshold;
    candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                    [limit](const Candidate& c) { return !(c.value <= limit); }),
                     candidates.end());
    if (candidates.size() * 2 > capacity) capacity *= 2;
    if (capacity > kMaxCandidates) {
        overflow = true;
        threshold = -std::numeric_limits<float>::infinity();
        candidates.clear();
        candidates.shrink_to_fit();
    }
}

}  // namespace pb::knn
