// The answer of an exact k-nearest-neighbour search: for every query its k nearest bank
// vectors, nearest first. Plain data so that it can cross from the engine to the CLI and GUI.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace pb {

struct KnnResult {
    std::size_t queries = 0;
    int k = 0;
    std::vector<float> distances;      // [queries][k] Euclidean (not squared), ascending
    std::vector<std::int64_t> indices; // [queries][k] rows of the bank

    float distance(std::size_t query, int j) const { return distances[query * k + j]; }
    std::int64_t index(std::size_t query, int j) const { return indices[query * k + j]; }
};

}  // namespace pb
