// Patch anomaly scores from the k nearest bank distances of each patch (METHODS.md section 2).
#pragma once
#include <cstddef>
#include <vector>

namespace pb {

// distances: row-major [patches][k], each row the k nearest distances. Returns per patch
// the mean of its k Euclidean distances. squaredDistances: the input holds squared L2
// distances (as FAISS returns them); each is square-rooted (negatives from round-off -> 0)
// before averaging. Throws pb::Error if k < 1 or distances is null with patches > 0.
std::vector<float> patchScoresFromDistances(const float* distances, std::size_t patches, int k,
                                            bool squaredDistances = false);

}  // namespace pb
