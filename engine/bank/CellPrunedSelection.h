// Exact, cell-pruned incremental selection on the CPU, shared by the greedy k-centre coreset (take the
// point farthest from the selection) and k-means++ seeding (draw a point with probability proportional
// to its squared distance to the selection). Both keep every point's squared distance to its nearest
// selected point; adding a point only touches the cells it can change (see the .cpp).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/util/Progress.h"

namespace pb {

enum class SelectionRule {
    Farthest,         // next = argmax weights2[i] * d2(i) (weights2 all 1 when null), ties to the smaller row
    SquaredDistance,  // next = inverse-CDF draw over d2 with uniforms[t - 1] (k-means++)
};

struct CellSelectionOptions {
    SelectionRule rule = SelectionRule::Farthest;
    const float* weights2 = nullptr;  // Farthest: [n] squared weights, or null
    const double* uniforms = nullptr; // SquaredDistance: count - 1 draws in [0, 1)
    bool prune = true;                // false visits every point at every step (the reference pass)
    bool keepAssignment = false;      // fill CellSelection::owner and squaredDistance
    std::string stage = "coreset";    // progress stage name
    // Stop early once the steps visit on average more than this fraction of the rows (the features do
    // not cluster, so pruning no longer pays); 0 never stops. The result then holds the selection so
    // far, every row's owner and current squared distance (-1 for selected rows), for
    // lazyGreedySelection or lazyKMeansPlusPlus to continue from.
    double denseStop = 0;
    // Steps over which the visited fraction is averaged, and the first step at which it is checked: the
    // first steps visit most rows whatever the data.
    std::int64_t denseWindow = 128;
    std::int64_t denseFirstCheck = 512;
};

struct CellSelection {
    std::vector<std::int64_t> selection;   // rows, in selection order; the first is `start`
    std::vector<std::int32_t> owner;       // [n] position in `selection` of the nearest selected row
    std::vector<float> squaredDistance;    // [n] to that row (0 for selected rows)
    bool stoppedDense = false;             // see CellSelectionOptions::denseStop
};

// points [n][p] row-major; selects min(count, n) distinct rows starting with `start`.
CellSelection cellPrunedSelection(const float* points, std::int64_t n, int p, std::int64_t count, std::int64_t start,
                                  const CellSelectionOptions& options, const Progress& progress = Progress{});

}  // namespace pb
