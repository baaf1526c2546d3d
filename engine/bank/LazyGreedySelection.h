// Greedy k-centre selection (take the farthest row) for features that do not cluster, where every
// step would touch most rows and a pass per step is bound by memory bandwidth. The rows with the
// highest scores are kept up to date at every step; all other rows only hold upper bounds (distances
// never grow), so as long as the best kept row beats the best bound outside, it is the exact argmax.
// The new centres are applied to all rows in batches, blocked so that the rows stay in cache: the same
// distances as one pass per step, computed at arithmetic rather than memory speed.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/bank/CellPrunedSelection.h"
#include "engine/util/Progress.h"

namespace pb {

// points [n][p]; continues `selection` (at least one row) up to min(count, n) rows. `mind` holds every
// row's squared distance to the selection (-1 for selected rows), as left by cellPrunedSelection, and
// weights2 (or null) the squared weights of the variance-weighted variant. The result is the selection
// of the one-pass-per-step algorithm with the same distance function: argmax of weights2 * mind, ties
// to the smaller row.
std::vector<std::int64_t> lazyGreedySelection(const float* points, std::int64_t n, int p, std::int64_t count,
                                              std::vector<std::int64_t> selection, std::vector<float> mind,
                                              const float* weights2, const std::string& stage,
                                              const Progress& progress = Progress{});

// k-means++ draws continued from a partial state of cellPrunedSelection (selection, owner, squared
// distances with -1 for selected rows) up to min(count, n) rows. Rows hold upper bounds of their
// distances; a draw proposes a row in proportion to its bound, brings it up to date and accepts it
// with probability (distance / bound), which is exactly the k-means++ distribution (rejection
// sampling); the new centres reach all rows in cache-blocked batches. The draws come from Pcg32(seed),
// so they differ from the inverse-CDF draws of the pruned and LibTorch passes. Returns the selection
// with every row's owner and squared distance (0 for selected rows).
CellSelection lazyKMeansPlusPlus(const float* points, std::int64_t n, int p, std::int64_t count, CellSelection state,
                                 std::uint64_t seed, const Progress& progress = Progress{});

}  // namespace pb
