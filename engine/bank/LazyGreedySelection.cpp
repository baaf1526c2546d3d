#include "engine/bank/LazyGreedySelection.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

#include "engine/bank/RowFenwick.h"
#include "engine/bank/SquaredDistance.h"
#include "engine/knn/Bf16Scan.h"
#include "engine/synth/Pcg32.h"
#include "engine/util/Error.h"

namespace pb {

namespace {

// Rows kept up to date between batches: each step costs this many distances, and a batch is applied
// roughly every few thousand steps when the features do not cluster.
constexpr std::int64_t kKept = 4096;
// Rows from which the batch updates use the AMX pre-filter (packing the rows costs one pass).
constexpr std::int64_t kTileMinRows = 4096;
// Rows per cache block of a batch update (64 KB of 128-d rows).
constexpr std::int64_t kRowBlock = 128;
constexpr int kProgressEvery = 256;
// k-means++: draws rejected in a row before every row is brought up to date.
constexpr int kMaxTries = 16;

// The pending centres applied to rows [first, last): centre-major, so that the rows stay in cache. Built
// for the widest vectors the CPU has; squaredDistance has no fused multiply-add in any of them, so every
// build gives the same distances.
__attribute__((target_clones("avx512f", "avx2", "default"))) void applyCentres(const float* points, int p,
                                                                                const std::int64_t* centres,
                                                                                std::size_t centreCount,
                                                                                std::int64_t first, std::int64_t last,
                                                                                float* mind) {
    for (std::size_t j = 0; j < centreCount; ++j) {
        const float* centre = points + centres[j] * p;
        for (std::int64_t i = first; i < last; ++i) {
            if (mind[i] <= 0) continue;  // selected, or cannot get closer
            const float d = squaredDistance(points + i * p, centre, p);
            if (d < mind[i]) mind[i] = d;
        }
    }
}

// The batch update with a bfloat16 pre-filter (AMX tiles or AVX-512 BF16): every (centre, row) product
// comes from the block kernel,
// and only the pairs whose value the error bound cannot rule out as lowering the row's minimum get the
// exact squaredDistance. The rows' minima are those of the plain update, bit for bit.
class TileFilteredUpdate {
public:
    TileFilteredUpdate(const float* points, std::int64_t n, int p) : points_(points), n_(n), p_(p) {
        mean_ = knn::columnMeans(points, static_cast<std::size_t>(n), p);
        panels_ = knn::packBank(points, static_cast<std::size_t>(n), p, mean_, rowNorms_);
        rowNorms_.resize(panels_.rows, 0.0f);
        for (float r : rowNorms_) maxNorm_ = std::max(maxNorm_, r);
        factor_ = knn::bf16ErrorFactor(p);
        // squaredDistance (16 float lanes) is within floatError of the exact distance of its arguments.
        floatError_ = std::ldexp(1.0, -24) * (p / 16.0 + 8.0);
        limits_.resize(panels_.rows);
    }

    void apply(const std::vector<std::int64_t>& centres, std::vector<float>& mind) {
        std::vector<float> rows(centres.size() * static_cast<std::size_t>(p_));
        for (std::size_t j = 0; j < centres.size(); ++j)
            std::copy_n(points_ + centres[j] * p_, p_, rows.data() + j * p_);
        std::vector<double> norms;
        const knn::Bf16Queries packed = knn::packQueries(rows.data(), centres.size(), p_, mean_, norms);
        std::vector<float> scale(packed.rows, 0.0f), norm2(packed.rows, std::numeric_limits<float>::infinity());
        double maxCentre = 0;
        for (std::size_t j = 0; j < centres.size(); ++j) {
            scale[j] = static_cast<float>(factor_ * norms[j] * (1.0 + 1e-6));
            norm2[j] = static_cast<float>(norms[j] * norms[j]);
            maxCentre = std::max(maxCentre, norms[j]);
        }
        // Room for the rounding of the norms, of the mean's subtraction and of the float distance itself.
        const double slack = std::ldexp(1.0, -18) * (maxCentre + maxNorm_) * (maxCentre + maxNorm_) + 1e-30;
        for (std::int64_t i = 0; i < n_; ++i)
            limits_[i] = mind[i] > 0 ? static_cast<float>(mind[i] * (1.0 + 3.0 * floatError_) + slack)
                                     : -std::numeric_limits<float>::infinity();
        std::fill(limits_.begin() + n_, limits_.end(), -std::numeric_limits<float>::infinity());
        Sink sink{points_, p_, centres.data(), mind.data()};
        const std::int64_t blocks = static_cast<std::int64_t>((panels_.rows + kTileRows - 1) / kTileRows);
        at::parallel_for(0, blocks, 1, [&](std::int64_t b, std::int64_t e) {
            knn::AmxThreadScope tiles(kernel_);
            knn::filterPairsBf16(kernel_, packed, packed.rows, panels_, static_cast<std::size_t>(b) * kTileRows,
                                 std::min(panels_.rows, static_cast<std::size_t>(e) * kTileRows), limits_.data(),
                                 rowNorms_.data(), scale.data(), norm2.data(), &Sink::update, &sink);
        });
    }

private:
    static constexpr std::size_t kTileRows = 256;  // rows per task (a multiple of 32)
    struct Sink {
        const float* points;
        int p;
        const std::int64_t* centres;
        float* mind;
        static void update(void* context, std::uint32_t centre, std::uint32_t row) {
            auto& s = *static_cast<Sink*>(context);
            if (s.mind[row] <= 0) return;
            const float d = squaredDistance(s.points + static_cast<std::int64_t>(row) * s.p,
                                            s.points + s.centres[centre] * s.p, s.p);
            if (d < s.mind[row]) s.mind[row] = d;
        }
    };
    const knn::Bf16Kernel kernel_ = knn::fastestBf16Kernel();
    const float* points_;
    std::int64_t n_;
    int p_;
    std::vector<float> mean_, rowNorms_, limits_;
    knn::Bf16Panels panels_;
    float maxNorm_ = 0;
    double factor_ = 0, floatError_ = 0;
};

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
    std::unique_ptr<TileFilteredUpdate> tiles;
    if (knn::fastBf16Available() && n >= kTileMinRows && n <= std::numeric_limits<std::uint32_t>::max() / 2)
        tiles = std::make_unique<TileFilteredUpdate>(points, n, p);

    while (static_cast<std::int64_t>(selection.size()) < count) {
        // Apply the pending centres to every row, a cache block of rows at a time.
        if (!pending.empty() && tiles) {
            tiles->apply(pending, mind);
            pending.clear();
        }
        if (!pending.empty()) {
            at::parallel_for(0, (n + kRowBlock - 1) / kRowBlock, 1, [&](std::int64_t b, std::int64_t e) {
                for (std::int64_t block = b; block < e; ++block) {
                    const std::int64_t first = block * kRowBlock;
                    applyCentres(points, p, pending.data(), pending.size(), first, std::min(n, first + kRowBlock),
                                 mind.data());
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

CellSelection lazyKMeansPlusPlus(const float* points, std::int64_t n, int p, std::int64_t count, CellSelection state,
                                 std::uint64_t seed, const Progress& progress) {
    std::vector<std::int64_t>& selection = state.selection;
    std::vector<float>& mind = state.squaredDistance;
    std::vector<std::int32_t>& owner = state.owner;
    if (selection.empty() || static_cast<std::int64_t>(mind.size()) != n || static_cast<std::int64_t>(owner.size()) != n)
        throw Error("k-means++: the lazy draws need a selection and every row's owner and distance");
    count = std::min(count, n);
    // Row i is up to date with the first applied[i] centres; all rows with the first `batch`.
    std::vector<std::int32_t> applied(n, static_cast<std::int32_t>(selection.size()));
    std::int64_t batch = static_cast<std::int64_t>(selection.size());
    RowFenwick bounds(mind);
    Pcg32 rng(seed, 0x6c617a79ULL);

    const auto refresh = [&](std::int64_t i, std::int64_t upTo) {
        for (std::int64_t j = applied[i]; j < upTo; ++j) {
            if (mind[i] <= 0) break;
            const float d = squaredDistance(points + i * p, points + selection[j] * p, p);
            if (d < mind[i]) {
                mind[i] = d;
                owner[i] = static_cast<std::int32_t>(j);
            }
        }
        applied[i] = static_cast<std::int32_t>(upTo);
    };
    const auto applyBatch = [&]() {
        const std::int64_t upTo = static_cast<std::int64_t>(selection.size());
        if (batch == upTo) return;
        at::parallel_for(0, (n + kRowBlock - 1) / kRowBlock, 1, [&](std::int64_t b, std::int64_t e) {
            for (std::int64_t block = b; block < e; ++block) {
                const std::int64_t first = block * kRowBlock;
                const std::int64_t last = std::min(n, first + kRowBlock);
                // Centre-major within the block, so that the block's rows stay in cache.
                for (std::int64_t j = batch; j < upTo; ++j) {
                    const float* centre = points + selection[j] * p;
                    for (std::int64_t i = first; i < last; ++i) {
                        if (applied[i] > j || mind[i] <= 0) continue;
                        const float d = squaredDistance(points + i * p, centre, p);
                        if (d < mind[i]) {
                            mind[i] = d;
                            owner[i] = static_cast<std::int32_t>(j);
                        }
                    }
                }
                for (std::int64_t i = first; i < last; ++i) applied[i] = static_cast<std::int32_t>(upTo);
            }
        });
        batch = upTo;
        bounds = RowFenwick(mind);
    };

    while (static_cast<std::int64_t>(selection.size()) < count) {
        const std::int64_t t = static_cast<std::int64_t>(selection.size());
        std::int64_t chosen = -1;
        for (int tries = 0; chosen < 0; ++tries) {
            // Many rejections mean the bounds are far above the distances: bring every row up to date.
            if (tries == kMaxTries || t - batch >= kKept) applyBatch();
            const double total = bounds.total();
            if (!(total > 0)) break;
            const std::int64_t i = bounds.find(rng.uniform() * total);
            const double bound = bounds.weight(static_cast<std::size_t>(i));
            if (!(bound > 0)) continue;  // rounding at a segment edge: draw again
            refresh(i, t);
            bounds.set(static_cast<std::size_t>(i), mind[i]);
            if (rng.uniform() * bound < mind[i]) chosen = i;
        }
        if (chosen < 0) {  // every remaining row duplicates a centre: take the first unselected row
            for (std::int64_t i = 0; i < n && chosen < 0; ++i)
                if (mind[i] >= 0) chosen = i;
            if (chosen < 0) break;
        }
        selection.push_back(chosen);
        owner[chosen] = static_cast<std::int32_t>(t);
        mind[chosen] = -1.0f;
        bounds.set(static_cast<std::size_t>(chosen), 0.0f);
        applied[chosen] = static_cast<std::int32_t>(t + 1);
        if (selection.size() % kProgressEvery == 0)
            progress.step("k-means++", selection.size(), static_cast<std::size_t>(count));
    }
    applyBatch();
    for (std::size_t j = 0; j < selection.size(); ++j) {
        owner[selection[j]] = static_cast<std::int32_t>(j);
        mind[selection[j]] = 0.0f;
    }
    state.stoppedDense = false;
    return state;
}

}  // namespace pb
