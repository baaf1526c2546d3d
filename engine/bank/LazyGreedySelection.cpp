#include "engine/bank/LazyGreedySelection.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <limits>

#include "engine/bank/SquaredDistance.h"
#include "engine/util/Error.h"

namespace pb {

namespace {

// Rows kept up to date between batches: each step costs this many distances, and a batch is applied
// roughly every few thousand steps when the features do not cluster.
constexpr std::int64_t kKept = 4096;
// Rows per cache block of a batch update (64 KB of 128-d rows).
constexpr std::int64_t kRowBlock = 128;
constexpr int kProgressEvery = 256;

struct Candidate {
    float score = -std::numeric_limits<float>::infinity();
    std::int64_t row = std::numeric_limits<std::int64_t>::max();
};

// The selection order: higher score first, then the smaller row.
inline bool before(const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score > b.score : a.row < b.row;
}

}  // namespace

std::vector<std::int64_t> lazyGreedySelection(const float* points, std::int64_t n, int p, std::int64_t count,
                                              std::vector<std::int64_t> selection, std::vector<float> mind,
                                              const float* w2, const std::string& stage, const Progress& progress) {
    if (selection.empty()) throw Error(stage + ": the lazy selection needs a first row");
    if (static_cast<std::int64_t>(mind.size()) != n) throw Error(stage + ": one distance per row expected");
    count = std::min(count, n);
    const auto score = [&](std::int64_t i) { return mind[i] < 0 ? -1.0f : (w2 ? w2[i] * mind[i] : mind[i]); };
    std::vector<std::int64_t> pending;  // centres not yet applied to the rows outside `kept`
    std::vector<Candidate> all;
    std::vector<std::int64_t> kept;
    Candidate outside;  // the best bound outside `kept` when the batch was applied

    while (static_cast<std::int64_t>(selection.size()) < count) {
        // Apply the pending centres to every row, a cache block of rows at a time.
        if (!pending.empty()) {
            at::parallel_for(0, (n + kRowBlock - 1) / kRowBlock, 1, [&](std::int64_t b, std::int64_t e) {
                for (std::int64_t block = b; block < e; ++block) {
                    const std::int64_t first = block * kRowBlock;
                    const std::int64_t last = std::min(n, first + kRowBlock);
                    for (const std::int64_t c : pending) {
                        const float* centre = points + c * p;
                        for (std::int64_t i = first; i < last; ++i) {
                            if (mind[i] <= 0) continue;  // selected, or cannot get closer
                            const float d = squaredDistance(points + i * p, centre, p);
                            if (d < mind[i]) mind[i] = d;
                        }
                    }
                }
            });
            pending.clear();
        }
        // Keep the best rows; remember the best one left outside.
        all.clear();
        for (std::int64_t i = 0; i < n; ++i)
            if (mind[i] >= 0) all.push_back(Candidate{score(i), i});
        if (all.empty()) break;
        const std::size_t keep = std::min<std::size_t>(all.size(), static_cast<std::size_t>(kKept));
        std::nth_element(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(keep) - 1, all.end(), before);
        outside = Candidate{};
        for (std::size_t k = keep; k < all.size(); ++k)
            if (before(all[k], outside)) outside = all[k];
        kept.clear();
        for (std::size_t k = 0; k < keep; ++k) kept.push_back(all[k].row);

        // Select from the kept rows while their best beats every bound outside.
        while (static_cast<std::int64_t>(selection.size()) < count && !kept.empty()) {
            std::size_t bestAt = 0;
            Candidate best{score(kept[0]), kept[0]};
            for (std::size_t k = 1; k < kept.size(); ++k) {
                const Candidate c{score(kept[k]), kept[k]};
                if (before(c, best)) {
                    best = c;
                    bestAt = k;
                }
            }
            if (!before(best, outside)) break;
            const std::int64_t s = best.row;
            selection.push_back(s);
            mind[s] = -1.0f;
            kept[bestAt] = kept.back();
            kept.pop_back();
            pending.push_back(s);
            const float* centre = points + s * p;
            for (const std::int64_t i : kept) {
                if (mind[i] <= 0) continue;
                const float d = squaredDistance(points + i * p, centre, p);
                if (d < mind[i]) mind[i] = d;
            }
            if (selection.size() % kProgressEvery == 0)
                progress.step(stage, selection.size(), static_cast<std::size_t>(count));
        }
    }
    return selection;
}

}  // namespace pb
