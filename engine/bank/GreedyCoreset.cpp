#include "engine/bank/GreedyCoreset.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/synth/Pcg32.h"
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

torch::Device parseDevice(const std::string& name) {
    torch::Device device(torch::kCPU);
    try {
        device = torch::Device(name);
    } catch (const std::exception&) {
        throw Error("coreset: unknown device \"" + name + "\" (cpu or cuda)");
    }
    if (device.is_cuda() && !torch::cuda::is_available())
        throw Error("coreset: device \"" + name + "\" requested but LibTorch sees no CUDA device");
    return device;
}

// Squared Euclidean distance with 16 independent float lanes and a fixed reduction order: the value
// depends only on the two vectors, never on which loop, thread or block computes it, which is what
// makes the pruned selection identical to the unpruned one.
inline __attribute__((always_inline)) float squaredDistance(const float* a, const float* b, int p) {
    float acc[16] = {0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f};
    int k = 0;
    for (; k + 16 <= p; k += 16)
        for (int l = 0; l < 16; ++l) {
            const float d = a[k + l] - b[k + l];
            acc[l] += d * d;
        }
    for (int l = 0; k + l < p; ++l) {
        const float d = a[k + l] - b[k + l];
        acc[l] += d * d;
    }
    for (int width = 8; width >= 1; width /= 2)
        for (int l = 0; l < width; ++l) acc[l] += acc[l + width];
    return acc[0];
}

// Running maxima over some rows of one cell: the largest minimum distance (for the pruning bound), the
// best selection score with its row (ties to the smaller row) and the row count.
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
// Compiled for AVX2 and the baseline ISA (no FMA in either, so both give bit-identical distances).
__attribute__((target_clones("avx2", "default"))) void updateSegment(const float* points, int p, const float* c,
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
__attribute__((target_clones("avx2", "default"))) void markActiveCells(const float* centres, const float* heads,
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

// The CPU selection. Every selected centre owns a cell: the rows whose current minimum distance came
// from it, kept as a member list. When centre c is added, a row x of cell j (centre C_j, cell radius
// r_j = max over the cell of sqrt(mind)) satisfies |x - c| >= |C_j - c| - |x - C_j| >= |C_j - c| - r_j,
// so if |C_j - c| >= 2 r_j no row of the cell can get closer to c than to C_j and the cell is skipped
// without touching its rows. The test carries a relative margin (1e-3) far above the float error of the
// distances, so it only skips rows whose minimum would not have changed: the selection is exactly that
// of the full pass with the same distance function (prune = false, the "full" algorithm). Late in the
// selection most cells are small and far away, and only ~1% of the rows are visited per step.
std::vector<std::int64_t> prunedSelection(const float* points, std::int64_t n, int p, std::int64_t count,
                                          std::int64_t start, const float* w2, bool prune, const Progress& progress) {
    if (n > std::numeric_limits<std::int32_t>::max()) throw Error("coreset: more than 2^31 points");
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

    std::vector<std::int64_t> selection;
    selection.reserve(count);
    const std::int64_t centreGrain = kParallelCells;
    for (std::int64_t t = 0; t < count; ++t) {
        const std::int64_t s = t == 0 ? start : stats[tree.winner()].arg;
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
        if (t % kProgressEvery == 0) progress.step("coreset", static_cast<std::size_t>(t), static_cast<std::size_t>(count));
    }
    return selection;
}

// Any device: one full pass per selected point, ||x||^2 - 2 x.c + ||c||^2 through addmv on the
// precomputed norms, an in-place minimum and an argmax, all on the device. The selected indices
// accumulate in a device tensor copied to the host once at the end.
std::vector<std::int64_t> torchSelection(const torch::Tensor& points, std::int64_t count, std::int64_t start,
                                         const torch::Tensor& w2, const Progress& progress) {
    const torch::Device device = points.device();
    const torch::Tensor norms = points.pow(2).sum(1);
    const auto longOptions = torch::TensorOptions().dtype(torch::kInt64).device(device);
    torch::Tensor selection = torch::empty({count}, longOptions);
    torch::Tensor index = torch::full({1}, start, longOptions);
    torch::Tensor mind = torch::full({points.size(0)}, std::numeric_limits<float>::infinity(),
                                     torch::TensorOptions().dtype(torch::kFloat32).device(device));
    torch::Tensor score;
    for (std::int64_t t = 0; t < count; ++t) {
        if (t > 0) {
            score = w2.defined() ? torch::where(mind.lt(0), mind, mind * w2) : mind;
            index = score.argmax().reshape({1});
        }
        selection.narrow(0, t, 1).copy_(index);
        const torch::Tensor c = points.index_select(0, index).squeeze(0);
        const torch::Tensor d = torch::addmv(norms, points, c, /*beta=*/1, /*alpha=*/-2).add_(c.dot(c)).clamp_min_(0);
        torch::minimum_out(mind, mind, d);
        mind.index_fill_(0, index, -1.0f);
        if (t % kProgressEvery == 0) progress.step("coreset", static_cast<std::size_t>(t), static_cast<std::size_t>(count));
    }
    const torch::Tensor host = selection.to(torch::kCPU).contiguous();
    return std::vector<std::int64_t>(host.data_ptr<std::int64_t>(), host.data_ptr<std::int64_t>() + count);
}

}  // namespace

std::size_t coresetStart(std::size_t n, std::uint64_t seed) {
    if (n == 0) throw Error("coreset: no points");
    Pcg32 rng(seed, 0x636f7265736574ULL);
    const std::uint64_t r = (static_cast<std::uint64_t>(rng.next()) << 32) | rng.next();
    return static_cast<std::size_t>(r % n);
}

std::vector<float> coresetProjection(int dim, int projection, std::uint64_t seed) {
    if (dim < 1 || projection < 1) throw Error("coreset: projection dims must be positive");
    Pcg32 rng(seed, 0x70726f6aULL);
    const double scale = 1.0 / std::sqrt(static_cast<double>(projection));
    std::vector<float> matrix(static_cast<std::size_t>(dim) * projection);
    for (auto& v : matrix) v = static_cast<float>(rng.normal() * scale);
    return matrix;
}

std::vector<float> varianceWeights(const float* data, std::size_t n, int dim, double alpha) {
    if (dim < 1) throw Error("coreset: the dimension must be positive");
    std::vector<double> variance(n);
    double total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const float* x = data + i * dim;
        double mean = 0;
        for (int c = 0; c < dim; ++c) mean += x[c];
        mean /= dim;
        double v = 0;
        for (int c = 0; c < dim; ++c) v += (x[c] - mean) * (x[c] - mean);
        variance[i] = v / dim;
        total += variance[i];
    }
    const double meanVariance = n ? total / static_cast<double>(n) : 0.0;
    std::vector<float> weights(n, 1.0f);
    if (meanVariance > 0)
        for (std::size_t i = 0; i < n; ++i) weights[i] = static_cast<float>(std::pow(variance[i] / meanVariance, alpha));
    return weights;
}

std::vector<std::int64_t> greedyCoreset(const float* data, std::size_t n, int dim, std::size_t count,
                                        const CoresetOptions& options, const std::vector<float>& weights,
                                        const Progress& progress) {
    if (dim < 1) throw Error("coreset: the dimension must be at least 1, got " + std::to_string(dim));
    if (options.projection < 0) throw Error("coreset: the projection dims must not be negative");
    if (!weights.empty() && weights.size() != n)
        throw Error("coreset: " + std::to_string(weights.size()) + " weights for " + std::to_string(n) + " points");
    for (const float w : weights)
        if (!(w >= 0) || !std::isfinite(w)) throw Error("coreset: weights must be finite and non-negative");
    for (std::size_t i = 0; i < n * static_cast<std::size_t>(dim); ++i)
        if (!std::isfinite(data[i]))
            throw Error("coreset: point " + std::to_string(i / dim) + " has a non-finite value");
    count = std::min(count, n);
    if (count == 0) return {};

    const torch::Device device = parseDevice(options.device);
    std::string algorithm = options.algorithm;
    if (algorithm == "auto") algorithm = device.is_cpu() ? "pruned" : "torch";
    if (algorithm != "pruned" && algorithm != "full" && algorithm != "torch")
        throw Error("coreset: unknown algorithm \"" + options.algorithm + "\" (auto, pruned, full, torch)");
    if (algorithm != "torch" && !device.is_cpu())
        throw Error("coreset: the " + algorithm + " algorithm runs on the CPU only, not on \"" + options.device + "\"");

    torch::NoGradGuard noGrad;
    const auto floatOptions = torch::TensorOptions().dtype(torch::kFloat32);
    const std::int64_t rows = static_cast<std::int64_t>(n);
    const torch::Tensor host = torch::from_blob(const_cast<float*>(data), {rows, dim}, floatOptions);
    torch::Tensor points;
    if (options.projection > 0 && options.projection < dim) {
        std::vector<float> values = coresetProjection(dim, options.projection, options.seed);
        const torch::Tensor matrix = torch::from_blob(values.data(), {dim, options.projection}, floatOptions).to(device);
        if (device.is_cpu()) {
            points = host.mm(matrix);
        } else {
            // Blocks of rows go to the device one at a time: its memory holds the projection only.
            constexpr std::int64_t kBlock = 65536;
            points = torch::empty({rows, options.projection}, floatOptions.device(device));
            for (std::int64_t a = 0; a < rows; a += kBlock) {
                const std::int64_t m = std::min(kBlock, rows - a);
                points.narrow(0, a, m).copy_(host.narrow(0, a, m).to(device).mm(matrix));
            }
        }
    } else {
        points = host.to(device);  // on the CPU a view of the caller's vectors, not a copy
    }
    points = points.contiguous();
    const std::int64_t start = static_cast<std::int64_t>(coresetStart(n, options.seed));

    std::vector<float> w2;
    for (const float w : weights) w2.push_back(w * w);  // the score compares squared distances
    if (algorithm != "torch")
        return prunedSelection(points.data_ptr<float>(), rows, static_cast<int>(points.size(1)),
                               static_cast<std::int64_t>(count), start, w2.empty() ? nullptr : w2.data(),
                               algorithm == "pruned", progress);
    torch::Tensor w2Tensor;
    if (!w2.empty()) w2Tensor = torch::from_blob(w2.data(), {rows}, floatOptions).to(device, false, true);
    return torchSelection(points, static_cast<std::int64_t>(count), start, w2Tensor, progress);
}

}  // namespace pb
