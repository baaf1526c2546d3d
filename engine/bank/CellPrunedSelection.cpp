#include "engine/bank/CellPrunedSelection.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

#include "engine/bank/RowFenwick.h"
#include "engine/bank/SquaredDistance.h"
#include "engine/util/Error.h"

namespace pb {

namespace {

// Relative safety margin of the pruning test, far above the float error of the squared distances
// (at most ~ dims x 2^-24, about 1e-5 for 128 dims), so that a skipped cell provably holds no point
// whose minimum distance would have changed.
constexpr float kPruneMargin = 1e-3f;
constexpr int kProgressEvery = 256;
// A pass is split over threads only when it has at least this many float values to read: smaller
// passes take about a millisecond or less, which waking threads and a barrier can cost on a busy machine.
constexpr std::int64_t kParallelValues = 1 << 22;
// The per-centre pruning test costs a few ns per cell; it is split over threads only from this many cells.
constexpr std::int64_t kParallelCells = 1 << 18;
// Leading coordinates of every centre kept in a compact array for the first, streaming pruning test.
constexpr int kHead = 32;

// Running statistics over some rows of one cell: the largest minimum distance (for the pruning bound),
// the best selection score with its row (ties to the smaller row) and the row count.
struct CellStats {
    float maxMind = -std::numeric_limits<float>::infinity();
    float best = -std::numeric_limits<float>::infinity();
    std::int64_t arg = std::numeric_limits<std::int64_t>::max();
    std::int64_t size = 0;

    void add(std::int64_t row, float m, const float* w2) {
        ++size;
        if (m > maxMind) maxMind = m;
        const float score = m < 0 ? -1.0f : (w2 ? w2[row] * m : m);  // selected rows hold m = -1
        if (score > best || (score == best && row < arg)) {
            best = score;
            arg = row;
        }
    }
    void merge(const CellStats& o) {
        size += o.size;
        maxMind = std::max(maxMind, o.maxMind);
        if (o.best > best || (o.best == best && o.arg < arg)) {
            best = o.best;
            arg = o.arg;
        }
    }
};

// A slice of one active cell's member list, processed by one task.
struct Segment {
    std::int64_t cell = 0;
    std::int64_t begin = 0;     // in the cell's member list
    std::int64_t end = 0;
    std::int64_t scratch = 0;   // where its moved rows go in the scratch list
    std::int64_t kept = 0;
    std::int64_t moved = 0;
    CellStats keptStats;
    CellStats movedStats;
};

// The rows of one segment get their distance to the new centre c; a row whose minimum drops moves
// to the new cell (written to `moved`), the others are compacted to the front of the segment.
// Compiled for AVX-512, AVX2 and the baseline ISA (no FMA in any, so all give bit-identical distances).
__attribute__((target_clones("avx512f", "avx2", "default"))) void updateSegment(const float* points, int p, const float* c,
                                                                     std::int32_t* rows, float* mind, const float* w2,
                                                                     std::int32_t* moved, Segment& seg) {
    std::int64_t kept = seg.begin;
    constexpr std::int64_t kAhead = 4;  // member rows are scattered: fetch a few rows ahead
    for (std::int64_t k = seg.begin; k < seg.end; ++k) {
        if (k + kAhead < seg.end) {
            const char* ahead = reinterpret_cast<const char*>(points + static_cast<std::int64_t>(rows[k + kAhead]) * p);
            for (int line = 0; line < p * 4; line += 64) __builtin_prefetch(ahead + line);
        }
        const std::int32_t i = rows[k];
        const float m = mind[i];
        if (m > 0) {
            const float dn = squaredDistance(points + static_cast<std::int64_t>(i) * p, c, p);
            if (dn < m) {
                mind[i] = dn;
                moved[seg.moved++] = i;
                seg.movedStats.add(i, dn, w2);
                continue;
            }
        }
        rows[kept++] = i;
        seg.keptStats.add(i, m, w2);
    }
    seg.kept = kept - seg.begin;
}

// Marks the cells whose rows may get closer to c: not those with |C_j - c|^2 >= bound_j = 4 r_j^2
// (1 + margin). Cheap lower bounds of |C_j - c|^2 decide most cells without the full distance: the
// norm difference (|C_j| - |c|)^2, the partial sum over the first kHead coordinates (read from `heads`, a
// compact copy, so that the scan streams through memory), then partial sums 16 coordinates at a time.
__attribute__((target_clones("avx512f", "avx2", "default"))) void markActiveCells(const float* centres, const float* heads,
                                                                       const double* centreNorms, int p,
                                                                       const float* c, double cNorm,
                                                                       const float* bounds, std::int64_t begin,
                                                                       std::int64_t end, std::uint8_t* active) {
    for (std::int64_t j = begin; j < end; ++j) {
        active[j] = 0;
        const float bound = bounds[j];
        if (!(bound > 0)) continue;  // nothing left to lower in this cell
        const double normGap = centreNorms[j] - cNorm;
        if (normGap * normGap >= bound) continue;
        float partial = 0.0f;
        int k = 0;
        if (p >= kHead) {
            const float* h = heads + j * kHead;
            float acc[16];
            for (int l = 0; l < 16; ++l) {
                const float d = h[l] - c[l];
                acc[l] = d * d;
            }
            for (int b = 16; b < kHead; b += 16)
                for (int l = 0; l < 16; ++l) {
                    const float d = h[b + l] - c[b + l];
                    acc[l] += d * d;
                }
            for (int width = 8; width >= 1; width /= 2)
                for (int l = 0; l < width; ++l) acc[l] += acc[l + width];
            partial = acc[0];
            k = kHead;
        }
        const float* a = centres + j * p;
        for (; k + 16 <= p && partial < bound; k += 16) {
            float acc[16];
            for (int l = 0; l < 16; ++l) {
                const float d = a[k + l] - c[k + l];
                acc[l] = d * d;
            }
            for (int width = 8; width >= 1; width /= 2)
                for (int l = 0; l < width; ++l) acc[l] += acc[l + width];
            partial += acc[0];
        }
        for (; k < p && partial < bound; ++k) partial += (a[k] - c[k]) * (a[k] - c[k]);
        active[j] = partial < bound;
    }
}

// Winner tree over the cells: (best score desc, row asc), O(log cells) per changed cell.
class CellTree {
public:
    explicit CellTree(const std::vector<CellStats>& stats) : stats_(stats) {
        while (leaves_ < stats.size()) leaves_ *= 2;
        nodes_.assign(2 * leaves_, -1);
    }
    void update(std::int64_t cell) {
        std::size_t node = leaves_ + static_cast<std::size_t>(cell);
        nodes_[node] = cell;
        for (node /= 2; node >= 1; node /= 2) nodes_[node] = better(nodes_[2 * node], nodes_[2 * node + 1]);
    }
    std::int64_t winner() const { return nodes_[1]; }

private:
    std::int64_t better(std::int64_t a, std::int64_t b) const {
        if (a < 0) return b;
        if (b < 0) return a;
        const CellStats& x = stats_[a];
        const CellStats& y = stats_[b];
        if (x.best != y.best) return x.best > y.best ? a : b;
        return x.arg <= y.arg ? a : b;
    }
    const std::vector<CellStats>& stats_;
    std::size_t leaves_ = 1;
    std::vector<std::int64_t> nodes_;
};


}  // namespace

CellSelection cellPrunedSelection(const float* points, std::int64_t n, int p, std::int64_t count, std::int64_t start,
                                  const CellSelectionOptions& options, const Progress& progress) {
    if (n > std::numeric_limits<std::int32_t>::max()) throw Error(options.stage + ": more than 2^31 points");
    count = std::min(count, n);
    if (count <= 0) return {};
    if (start < 0 || start >= n) throw Error(options.stage + ": start row out of range");
    const bool sampling = options.rule == SelectionRule::SquaredDistance;
    if (sampling && count > 1 && !options.uniforms) throw Error(options.stage + ": k-means++ draws need uniforms");
    const float* w2 = sampling ? nullptr : options.weights2;
    const bool prune = options.prune;
    const int threads = std::max(1, at::get_num_threads());
    std::vector<float> mind(n);
    std::vector<std::int32_t> owner(n, 0);
    std::vector<float> centres(static_cast<std::size_t>(count) * p);
    std::vector<double> centreNorms(count, 0.0);
    std::vector<float> heads(static_cast<std::size_t>(count) * kHead, 0.0f);
    std::vector<float> bounds(count, 0.0f);  // 4 r_j^2 (1 + margin), 0 when the cell has nothing to lower
    std::vector<CellStats> stats(count);
    std::vector<std::vector<std::int32_t>> members(count);
    std::vector<std::uint8_t> active(count, 0);
    std::vector<std::int32_t> scratch(n);
    std::vector<std::int64_t> changed;
    std::vector<Segment> segments;
    CellTree tree(stats);
    std::unique_ptr<RowFenwick> weights;  // k-means++ only

    std::vector<std::int64_t> selection;
    selection.reserve(count);
    std::int64_t windowVisited = 0;  // rows visited over the last options.denseWindow steps
    // k-means++: when every remaining distance is 0 (all rows duplicate the selection), or rounding
    // lands on a selected row, the farthest row is taken instead.
    const auto drawRow = [&](std::int64_t t) -> std::int64_t {
        const double total = weights->total();
        if (total > 0) {
            const std::int64_t row = weights->find(options.uniforms[t - 1] * total);
            if (mind[row] >= 0) return row;
        }
        return stats[tree.winner()].arg;
    };
    const std::int64_t centreGrain = kParallelCells;
    for (std::int64_t t = 0; t < count; ++t) {
        const std::int64_t s = t == 0 ? start : sampling ? drawRow(t) : stats[tree.winner()].arg;
        selection.push_back(s);
        float* c = centres.data() + t * p;
        std::copy(points + s * p, points + (s + 1) * p, c);
        double norm2 = 0;
        for (int k = 0; k < p; ++k) norm2 += static_cast<double>(c[k]) * c[k];
        centreNorms[t] = std::sqrt(norm2);
        if (p >= kHead) std::copy(c, c + kHead, heads.begin() + t * kHead);

        if (t == 0) {
            // Every row starts in the first cell.
            members[0].resize(n);
            at::parallel_for(0, n, std::max<std::int64_t>(4096, kParallelValues / p), [&](std::int64_t b, std::int64_t e) {
                for (std::int64_t i = b; i < e; ++i) {
                    members[0][i] = static_cast<std::int32_t>(i);
                    mind[i] = squaredDistance(points + i * p, c, p);
                }
            });
            mind[s] = -1.0f;  // selected: never again a candidate, never updated
            for (std::int64_t i = 0; i < n; ++i) stats[0].add(i, mind[i], w2);
            bounds[0] = std::max(0.0f, 4.0f * stats[0].maxMind * (1.0f + kPruneMargin));
            tree.update(0);
            if (sampling) weights = std::make_unique<RowFenwick>(mind);
            continue;
        }
        const std::int32_t sOwner = owner[s];
        mind[s] = -1.0f;

        // Cells to visit: those the bound cannot exclude, and always the selected row's own cell (its
        // best row is gone).
        if (prune) {
            at::parallel_for(0, t, centreGrain, [&](std::int64_t b, std::int64_t e) {
                markActiveCells(centres.data(), heads.data(), centreNorms.data(), p, c, centreNorms[t],
                                bounds.data(), b, e, active.data());
            });
        }
        changed.clear();
        std::int64_t activeRows = 0;
        for (std::int64_t j = 0; j < t; ++j)
            if (!prune || active[j] || j == sOwner) {
                changed.push_back(j);
                activeRows += static_cast<std::int64_t>(members[j].size());
            }

        // Cut the visited member lists into segments of balanced size.
        const bool parallel = threads > 1 && activeRows * p >= kParallelValues;
        const std::int64_t piece = parallel ? std::max<std::int64_t>(1024, activeRows / (4 * threads) + 1)
                                            : std::numeric_limits<std::int64_t>::max();
        segments.clear();
        std::int64_t offset = 0;
        for (const std::int64_t j : changed) {
            const std::int64_t size = static_cast<std::int64_t>(members[j].size());
            for (std::int64_t b = 0; b < size || (b == 0 && size == 0); b += piece) {
                Segment seg;
                seg.cell = j;
                seg.begin = b;
                seg.end = std::min(size, b + piece);
                seg.scratch = offset;
                offset += seg.end - seg.begin;
                segments.push_back(seg);
                if (size == 0) break;
            }
        }
        const auto run = [&](std::int64_t b, std::int64_t e) {
            for (std::int64_t k = b; k < e; ++k) {
                Segment& seg = segments[k];
                updateSegment(points, p, c, members[seg.cell].data(), mind.data(), w2, scratch.data() + seg.scratch, seg);
            }
        };
        if (parallel)
            at::parallel_for(0, static_cast<std::int64_t>(segments.size()), 1, run);
        else
            run(0, static_cast<std::int64_t>(segments.size()));

        // Close the gaps the moved rows left, gather the new cell, update the statistics.
        std::vector<std::int32_t>& fresh = members[t];
        CellStats freshStats;
        std::size_t k = 0;
        while (k < segments.size()) {
            const std::int64_t j = segments[k].cell;
            std::vector<std::int32_t>& list = members[j];
            CellStats cell;
            std::int64_t write = 0;
            for (; k < segments.size() && segments[k].cell == j; ++k) {
                const Segment& seg = segments[k];
                if (write != seg.begin)
                    std::copy(list.begin() + seg.begin, list.begin() + seg.begin + seg.kept, list.begin() + write);
                write += seg.kept;
                cell.merge(seg.keptStats);
                freshStats.merge(seg.movedStats);
                fresh.insert(fresh.end(), scratch.begin() + seg.scratch, scratch.begin() + seg.scratch + seg.moved);
            }
            list.resize(static_cast<std::size_t>(write));
            stats[j] = cell;
            bounds[j] = std::max(0.0f, 4.0f * cell.maxMind * (1.0f + kPruneMargin));
            tree.update(j);
        }
        for (const std::int32_t i : fresh) owner[i] = static_cast<std::int32_t>(t);
        stats[t] = freshStats;
        bounds[t] = std::max(0.0f, 4.0f * freshStats.maxMind * (1.0f + kPruneMargin));
        tree.update(t);
        if (sampling) {
            weights->set(static_cast<std::size_t>(s), 0.0f);
            for (const std::int32_t i : fresh) weights->set(static_cast<std::size_t>(i), mind[i]);
        }
        if (t % kProgressEvery == 0) progress.step(options.stage, static_cast<std::size_t>(t), static_cast<std::size_t>(count));
        windowVisited += activeRows;
        if (t % options.denseWindow == 0) {
            // The first steps visit most rows whatever the data; clustered features drop far below the
            // threshold within a few hundred steps (bottle: 6% by step 512), unclustered ones stay near 1.
            if (options.denseStop > 0 && t >= options.denseFirstCheck && t + 1 < count &&
                static_cast<double>(windowVisited) > options.denseStop * static_cast<double>(n) * options.denseWindow) {
                CellSelection partial;
                for (std::int64_t j = 0; j <= t; ++j) owner[selection[j]] = static_cast<std::int32_t>(j);
                partial.selection = std::move(selection);
                partial.owner = std::move(owner);
                partial.squaredDistance = std::move(mind);
                partial.stoppedDense = true;
                return partial;
            }
            windowVisited = 0;
        }
    }
    CellSelection result;
    result.selection = std::move(selection);
    if (options.keepAssignment) {
        for (std::int64_t t = 0; t < count; ++t) {
            owner[result.selection[t]] = static_cast<std::int32_t>(t);
            mind[result.selection[t]] = 0.0f;
        }
        result.owner = std::move(owner);
        result.squaredDistance = std::move(mind);
    }
    return result;
}

}  // namespace pb

