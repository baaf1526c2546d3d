#include "engine/bank/BoundedLloyd.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "engine/bank/SquaredDistance.h"
#include "engine/knn/BlasKnn.h"

namespace pb {

namespace {

// Rows per BLAS search block: 16k x 128 floats (8 MB) of gathered points.
constexpr std::int64_t kSearchBlock = 16384;
// Relative error allowed for the squared distances of the BLAS product (norm expansion): a lower bound
// taken from it is lowered by this fraction of |x|^2 + max |c|^2 so that it stays a true lower bound.
constexpr double kExpansionError = 1e-5;
constexpr std::int64_t kGrain = 2048;
// Nearest centroids listed per centroid for the local search.
constexpr int kGraphNeighbours = 128;
// Nearest centroids a full search remembers per point, and centroids that moved most, checked explicitly
// so that the bound on every other centroid only gives up the largest movement among the rest.
constexpr int kPointCandidates = 16;
constexpr int kMovers = 64;
// What assign() did with a point.
constexpr std::uint8_t kUnchanged = 0, kMoved = 1, kSearchListed = 2, kSearchUnlisted = 3;

class Lloyd {
public:
    Lloyd(const float* data, std::int64_t n, int dim, std::vector<float> centroids, std::vector<std::int32_t> assignment,
          const std::vector<float>& distance)
        : x_(data), n_(n), dim_(dim), k_(static_cast<std::int64_t>(centroids.size()) / dim),
          centroids_(std::move(centroids)), assignment_(std::move(assignment)), upper_(distance),
          lower_(n, 0.0f), norms_(n), zero_(dim, 0.0f), state_(n, kUnchanged),
          candidates_(static_cast<int>(std::min<std::int64_t>(kPointCandidates, k_))), epoch_(n, -1),
          totalDrift_(k_, 0.0) {
        history_.push_back(totalDrift_);
        at::parallel_for(0, n_, kGrain, [&](std::int64_t b, std::int64_t e) {
            for (std::int64_t i = b; i < e; ++i) {
                double s = 0;
                for (int c = 0; c < dim_; ++c) s += static_cast<double>(x_[i * dim_ + c]) * x_[i * dim_ + c];
                norms_[i] = static_cast<float>(s);
            }
        });
    }

    // Re-assigns the points whose bounds overlap; returns how many changed centroid. A point that had a
    // full search checks the centroids that search found nearest plus the centroids that moved most since;
    // a point that had none checks its centroid's nearest centroids (the graph). Either settles it exactly
    // when the best checked centroid is closer than any unchecked one can be; only the rest go to a full
    // BLAS search, which also gives them their lists.
    std::int64_t assign() {
        maxCentroidNorm2_ = 0;
        for (std::int64_t j = 0; j < k_; ++j)
            maxCentroidNorm2_ = std::max(maxCentroidNorm2_, squaredDistance(centroid(j), zero_.data(), dim_));
        // The graph costs k x k distances, a full search k per point: it is rebuilt once the last pass
        // sent more than k points without a list to the full search.
        if (!graphBuilt_ || graphMisses_ > k_) buildGraph();
        // Since the graph was built every centroid moved by at most its drift: a listed distance may have
        // shrunk by its own drift plus the largest drift.
        std::vector<float> drift(k_);
        for (std::int64_t j = 0; j < k_; ++j) drift[j] = static_cast<float>(totalDrift_[j] - graphDrift_[j]);
        const float maxDrift = *std::max_element(drift.begin(), drift.end());
        const int listed = listed_;
        const std::vector<std::int32_t>& neighbours = neighbours_;
        std::vector<float> half(k_), beyond(k_);
        for (std::int64_t j = 0; j < k_; ++j) {
            half[j] = half_[j] - 0.5f * (drift[j] + maxDrift);
            beyond[j] = beyond_[j] - (drift[j] + maxDrift);
        }
        const Movers movers = moversSinceEachUpdate();
        const int perPoint = candidates_;
        const int moverCount = movers.count;

        std::fill(state_.begin(), state_.end(), kUnchanged);
        at::parallel_for(0, n_, kGrain, [&](std::int64_t b, std::int64_t e) {
            for (std::int64_t i = b; i < e; ++i) {
                if (upper_[i] <= lower_[i]) continue;
                const std::int32_t own = assignment_[i];
                const float d = std::sqrt(squaredDistance(row(i), centroid(own), dim_));
                upper_[i] = d;
                if (d <= lower_[i] || d <= half[own]) continue;  // no other centroid can be closer
                float best = d, second = std::numeric_limits<float>::infinity();
                std::int32_t arg = own;
                const auto consider = [&](std::int32_t c) {
                    if (c == own || c == arg) return;
                    const float dc = std::sqrt(squaredDistance(row(i), centroid(c), dim_));
                    if (dc < best || (dc == best && c < arg)) {
                        second = best;
                        best = dc;
                        arg = c;
                    } else if (dc < second) {
                        second = dc;
                    }
                };
                float unchecked;
                if (epoch_[i] >= 0) {
                    // Centroids off the point's list lay beyond radius_ at its last search; since then the
                    // movers may have come closer by anything, the others by at most movers.rest.
                    const std::int32_t epoch = epoch_[i];
                    unchecked = radius_[i] - movers.rest[epoch];
                    if (unchecked <= d) {
                        state_[i] = kSearchListed;
                        continue;
                    }
                    const std::int32_t* list = pointList_.data() + i * perPoint;
                    for (int t = 0; t < perPoint; ++t) consider(list[t]);
                    const std::int32_t* moved = movers.rows.data() + static_cast<std::size_t>(epoch) * moverCount;
                    for (int t = 0; t < moverCount; ++t) consider(moved[t]);
                } else {
                    for (int t = 0; t < listed; ++t) consider(neighbours[own * listed + t]);
                    // Unlisted centroids are at least beyond[own] - d away (triangle inequality).
                    unchecked = beyond[own] - d;
                }
                if (best > unchecked) {
                    state_[i] = epoch_[i] >= 0 ? kSearchListed : kSearchUnlisted;
                    continue;
                }
                if (arg != own) state_[i] = kMoved;
                assignment_[i] = arg;
                upper_[i] = best;
                lower_[i] = std::min(second, unchecked);
            }
        });
        std::int64_t changed = 0;
        std::vector<std::int64_t> rows;
        graphMisses_ = 0;
        for (std::int64_t i = 0; i < n_; ++i) {
            changed += state_[i] == kMoved;
            if (state_[i] >= kSearchListed) rows.push_back(i);
            graphMisses_ += state_[i] == kSearchUnlisted;
        }
        if (rows.empty()) return changed;

        BlasKnn knn;
        knn.setBankView(centroids_.data(), static_cast<std::size_t>(k_), dim_);
        if (pointList_.empty()) {
            pointList_.assign(static_cast<std::size_t>(n_) * perPoint, 0);
            radius_.assign(n_, 0.0f);
        }
        const auto epoch = static_cast<std::int32_t>(history_.size() - 1);
        std::vector<float> block;
        for (std::size_t a = 0; a < rows.size(); a += kSearchBlock) {
            const std::size_t m = std::min<std::size_t>(kSearchBlock, rows.size() - a);
            block.resize(m * dim_);
            for (std::size_t q = 0; q < m; ++q) std::copy(row(rows[a + q]), row(rows[a + q]) + dim_, block.data() + q * dim_);
            const KnnResult r = knn.search(block.data(), m, perPoint);
            std::vector<std::int64_t> blockMoved(m, 0);
            at::parallel_for(0, static_cast<std::int64_t>(m), kGrain, [&](std::int64_t b, std::int64_t e) {
                for (std::int64_t q = b; q < e; ++q) {
                    const std::int64_t i = rows[a + q];
                    const auto found = static_cast<std::int32_t>(r.index(q, 0));
                    blockMoved[q] = found != assignment_[i];
                    assignment_[i] = found;
                    upper_[i] = std::sqrt(squaredDistance(row(i), centroid(found), dim_));
                    // BLAS distances (norm expansion) are lowered by their error bound to stay true bounds.
                    const double slack = kExpansionError * (static_cast<double>(norms_[i]) + maxCentroidNorm2_);
                    const auto lowered = [&](float v) {
                        return static_cast<float>(std::sqrt(std::max(0.0, static_cast<double>(v) * v - slack)));
                    };
                    for (int t = 0; t < perPoint; ++t) pointList_[i * perPoint + t] = static_cast<std::int32_t>(r.index(q, t));
                    radius_[i] = perPoint >= k_ ? std::numeric_limits<float>::infinity() : lowered(r.distance(q, perPoint - 1));
                    epoch_[i] = epoch;
                    lower_[i] = perPoint < 2 ? std::numeric_limits<float>::infinity() : lowered(r.distance(q, 1));
                }
            });
            changed += std::accumulate(blockMoved.begin(), blockMoved.end(), std::int64_t{0});
        }
        return changed;
    }

    // For every update so far: the kMovers centroids that moved farthest since, and the farthest any other
    // centroid moved since (path lengths, so upper bounds on the displacements).
    struct Movers {
        int count = 0;
        std::vector<std::int32_t> rows;  // [updates][count]
        std::vector<float> rest;         // [updates]
    };
    Movers moversSinceEachUpdate() const {
        Movers out;
        out.count = static_cast<int>(std::min<std::int64_t>(kMovers, k_));
        out.rows.resize(history_.size() * out.count);
        out.rest.assign(history_.size(), 0.0f);
        std::vector<std::int32_t> order(k_);
        std::vector<double> since(k_);
        for (std::size_t e = 0; e < history_.size(); ++e) {
            for (std::int64_t j = 0; j < k_; ++j) since[j] = totalDrift_[j] - history_[e][j];
            std::iota(order.begin(), order.end(), 0);
            const auto farther = [&](std::int32_t a, std::int32_t b) { return since[a] > since[b]; };
            std::nth_element(order.begin(), order.begin() + out.count, order.end(), farther);
            std::copy(order.begin(), order.begin() + out.count, out.rows.begin() + static_cast<std::ptrdiff_t>(e * out.count));
            double rest = 0;
            for (std::int64_t t = out.count; t < k_; ++t) rest = std::max(rest, since[order[t]]);
            out.rest[e] = static_cast<float>(rest * (1.0 + 1e-6));
        }
        return out;
    }

    // Per centroid: its nearest other centroids, half the distance to the nearest one and the distance
    // beyond which every unlisted centroid lies (infinite when all are listed), both lowered for the
    // error of the BLAS distances.
    void buildGraph() {
        listed_ = static_cast<int>(std::min<std::int64_t>(kGraphNeighbours, k_ - 1));
        neighbours_.assign(static_cast<std::size_t>(k_) * std::max(listed_, 0), 0);
        half_.assign(k_, std::numeric_limits<float>::infinity());
        beyond_.assign(k_, std::numeric_limits<float>::infinity());
        graphDrift_ = totalDrift_;
        graphBuilt_ = true;
        if (listed_ <= 0) return;
        BlasKnn knn;
        knn.setBankView(centroids_.data(), static_cast<std::size_t>(k_), dim_);
        const KnnResult graph = knn.search(centroids_.data(), static_cast<std::size_t>(k_), listed_ + 1);
        const double slack = kExpansionError * 2.0 * maxCentroidNorm2_;
        const auto lowered = [&](float d) {
            return static_cast<float>(std::sqrt(std::max(0.0, static_cast<double>(d) * d - slack)));
        };
        for (std::int64_t j = 0; j < k_; ++j) {
            int w = 0;
            for (int t = 0; t <= listed_ && w < listed_; ++t)
                if (graph.index(j, t) != j) neighbours_[j * listed_ + w++] = static_cast<std::int32_t>(graph.index(j, t));
            half_[j] = 0.5f * lowered(graph.distance(j, 1));
            if (listed_ < k_ - 1) beyond_[j] = lowered(graph.distance(j, listed_));
        }
    }

    // New centroids = means of their points (in double); returns whether a cluster was empty.
    bool update() {
        std::vector<std::int64_t> start(k_ + 1, 0);
        for (std::int64_t i = 0; i < n_; ++i) ++start[assignment_[i] + 1];
        std::partial_sum(start.begin(), start.end(), start.begin());
        std::vector<std::int64_t> order(n_);
        {
            std::vector<std::int64_t> fill(start.begin(), start.end() - 1);
            for (std::int64_t i = 0; i < n_; ++i) order[fill[assignment_[i]]++] = i;
        }
        std::vector<float> next(centroids_.size());
        std::vector<std::int64_t> empty;
        at::parallel_for(0, k_, 64, [&](std::int64_t b, std::int64_t e) {
            std::vector<double> sum(dim_);
            for (std::int64_t j = b; j < e; ++j) {
                const std::int64_t count = start[j + 1] - start[j];
                if (count == 0) continue;
                std::fill(sum.begin(), sum.end(), 0.0);
                for (std::int64_t t = start[j]; t < start[j + 1]; ++t) {
                    const float* p = row(order[t]);
                    for (int c = 0; c < dim_; ++c) sum[c] += p[c];
                }
                for (int c = 0; c < dim_; ++c) next[j * dim_ + c] = static_cast<float>(sum[c] / static_cast<double>(count));
            }
        });
        for (std::int64_t j = 0; j < k_; ++j)
            if (start[j + 1] == start[j]) empty.push_back(j);
        if (!empty.empty()) {
            // The e-th empty cluster takes the e-th farthest point from its centroid (ties: smaller row).
            std::vector<float> exact(n_);
            at::parallel_for(0, n_, kGrain, [&](std::int64_t b, std::int64_t e) {
                for (std::int64_t i = b; i < e; ++i) exact[i] = squaredDistance(row(i), centroid(assignment_[i]), dim_);
            });
            std::vector<std::int64_t> rank(n_);
            std::iota(rank.begin(), rank.end(), 0);
            const auto farther = [&](std::int64_t a, std::int64_t b) { return exact[a] != exact[b] ? exact[a] > exact[b] : a < b; };
            const std::size_t e = std::min(empty.size(), static_cast<std::size_t>(n_));
            std::partial_sort(rank.begin(), rank.begin() + static_cast<std::ptrdiff_t>(e), rank.end(), farther);
            for (std::size_t t = 0; t < e; ++t) std::copy(row(rank[t]), row(rank[t]) + dim_, next.data() + empty[t] * dim_);
        }

        // Centroid movements widen the bounds: a point's own centroid moved by move[a] at most further
        // away, every other centroid by at most the largest movement among the others.
        std::vector<float> move(k_);
        for (std::int64_t j = 0; j < k_; ++j)
            move[j] = std::sqrt(squaredDistance(next.data() + j * dim_, centroid(j), dim_)) * (1.0f + 1e-6f);
        std::int64_t arg1 = 0;
        float max1 = 0, max2 = 0;
        for (std::int64_t j = 0; j < k_; ++j) {
            if (move[j] > max1) {
                max2 = max1;
                max1 = move[j];
                arg1 = j;
            } else if (move[j] > max2) {
                max2 = move[j];
            }
        }
        at::parallel_for(0, n_, kGrain, [&](std::int64_t b, std::int64_t e) {
            for (std::int64_t i = b; i < e; ++i) {
                const std::int32_t a = assignment_[i];
                upper_[i] += move[a];
                lower_[i] -= a == arg1 ? max2 : max1;
            }
        });
        for (std::int64_t j = 0; j < k_; ++j) totalDrift_[j] += move[j];
        history_.push_back(totalDrift_);
        centroids_.swap(next);
        return !empty.empty();
    }

    KMeansResult result() const {
        KMeansResult out;
        out.dim = dim_;
        out.centroids = centroids_;
        out.assignment = assignment_;
        out.distance.resize(n_);
        std::vector<double> squared(n_);
        at::parallel_for(0, n_, kGrain, [&](std::int64_t b, std::int64_t e) {
            for (std::int64_t i = b; i < e; ++i) {
                const float* p = row(i);
                const float* c = centroid(assignment_[i]);
                double s = 0;
                for (int d = 0; d < dim_; ++d) s += (static_cast<double>(p[d]) - c[d]) * (static_cast<double>(p[d]) - c[d]);
                squared[i] = s;
                out.distance[i] = static_cast<float>(std::sqrt(s));
            }
        });
        out.meanSquaredError = std::accumulate(squared.begin(), squared.end(), 0.0) / static_cast<double>(n_);
        return out;
    }

private:
    const float* row(std::int64_t i) const { return x_ + i * dim_; }
    const float* centroid(std::int64_t j) const { return centroids_.data() + j * dim_; }

    const float* x_;
    std::int64_t n_;
    int dim_;
    std::int64_t k_;
    std::vector<float> centroids_;
    std::vector<std::int32_t> assignment_;
    std::vector<float> upper_;
    std::vector<float> lower_;
    std::vector<float> norms_;
    std::vector<float> zero_;
    float maxCentroidNorm2_ = 0;
    // The centroid graph and the movement since it was built.
    bool graphBuilt_ = false;
    int listed_ = 0;
    std::vector<std::int32_t> neighbours_;
    std::vector<float> half_;
    std::vector<float> beyond_;
    std::vector<double> graphDrift_;  // totalDrift_ when the graph was built
    std::int64_t graphMisses_ = 0;
    std::vector<std::uint8_t> state_;
    // Per point, from its last full search: the nearest centroids, the radius beyond which every other
    // centroid lay and the update it followed; per centroid, its total movement after every update.
    int candidates_;
    std::vector<std::int32_t> pointList_;
    std::vector<float> radius_;
    std::vector<std::int32_t> epoch_;
    std::vector<double> totalDrift_;
    std::vector<std::vector<double>> history_;
};

}  // namespace

KMeansResult boundedLloyd(const float* data, std::size_t n, int dim, std::vector<float> centroids,
                          std::vector<std::int32_t> assignment, const std::vector<float>& distance, int iterations,
                          const Progress& progress) {
    Lloyd lloyd(data, static_cast<std::int64_t>(n), dim, std::move(centroids), std::move(assignment), distance);
    bool reseeded = false;
    for (int it = 0; it < iterations; ++it) {
        // The first assignment is the one given; afterwards an iteration that moves no point (and followed
        // no re-seeding) has reached the fixed point: the update would give the same centroids.
        if (it > 0 && lloyd.assign() == 0 && !reseeded) break;
        reseeded = lloyd.update();
        progress.step("k-means", static_cast<std::size_t>(it + 1), static_cast<std::size_t>(iterations));
    }
    lloyd.assign();
    return lloyd.result();
}

}  // namespace pb
