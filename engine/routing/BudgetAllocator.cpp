#include "engine/routing/BudgetAllocator.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "engine/util/Error.h"

namespace pb {

namespace {

constexpr double kBytesPerMegabyte = 1024.0 * 1024.0;

struct CurvePoint {
    std::size_t budget;
    double auroc;
};

}  // namespace

std::string toString(AllocatorKind kind) {
    switch (kind) {
        case AllocatorKind::Uniform: return "uniform";
        case AllocatorKind::Proportional: return "proportional";
        case AllocatorKind::Oracle: return "oracle";
        case AllocatorKind::Dispersion: return "dispersion";
        case AllocatorKind::Complexity: return "complexity";
    }
    return "unknown";
}

bool parseAllocatorKind(const std::string& text, AllocatorKind& kind) {
    for (AllocatorKind k : allAllocatorKinds()) {
        if (toString(k) == text) {
            kind = k;
            return true;
        }
    }
    return false;
}

std::vector<AllocatorKind> allAllocatorKinds() {
    return {AllocatorKind::Uniform, AllocatorKind::Proportional, AllocatorKind::Oracle, AllocatorKind::Dispersion,
            AllocatorKind::Complexity};
}

BudgetAllocator::BudgetAllocator(std::vector<ProductBudgetInput> products) : products_(std::move(products)) {
    if (products_.empty()) throw Error("budget allocation needs at least one product");
    std::set<std::string> seen;
    for (const auto& p : products_) {
        if (p.name.empty()) throw Error("budget allocation: a product has an empty name");
        if (!seen.insert(p.name).second) throw Error("budget allocation: product " + p.name + " is listed twice");
        if (p.trainPatches == 0) throw Error("budget allocation: product " + p.name + " has no training patch");
    }
}

std::size_t BudgetAllocator::maxTotal() const {
    std::size_t sum = 0;
    for (const auto& p : products_) sum += p.trainPatches;
    return sum;
}

std::size_t BudgetAllocator::bytesPerVector(int dim) {
    if (dim <= 0) throw Error("vector dimension must be positive, got " + std::to_string(dim));
    return 4 * static_cast<std::size_t>(dim);
}

std::size_t BudgetAllocator::vectorsForMegabytes(double megabytes, int dim) {
    if (!std::isfinite(megabytes) || megabytes < 0) throw Error("budget in MB must be finite and >= 0");
    const double vectors = megabytes * kBytesPerMegabyte / static_cast<double>(bytesPerVector(dim));
    // The relative nudge keeps a decimal budget that is an exact multiple (e.g. 0.0625 MB) from
    // losing one vector to binary rounding.
    return static_cast<std::size_t>(std::floor(vectors * (1.0 + 1e-12)));
}

double BudgetAllocator::megabytesForVectors(std::size_t vectors, int dim) {
    return static_cast<double>(vectors) * static_cast<double>(bytesPerVector(dim)) / kBytesPerMegabyte;
}

std::vector<std::size_t> BudgetAllocator::split(const std::vector<double>& weights, const std::vector<std::size_t>& lower,
                                                const std::vector<std::size_t>& upper, std::size_t total) {
    const std::size_t n = weights.size();
    if (n == 0 || lower.size() != n || upper.size() != n)
        throw Error("budget split: weights and bounds must be non-empty and of one length");
    std::size_t sumLower = 0, maxReach = 0;
    bool anyPositive = false;
    double lambdaMax = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(weights[i]) || weights[i] < 0)
            throw Error("budget split: weight " + std::to_string(i) + " is negative or not finite");
        if (lower[i] > upper[i]) throw Error("budget split: lower bound above upper bound for item " + std::to_string(i));
        sumLower += lower[i];
        if (weights[i] > 0) {
            anyPositive = true;
            maxReach += upper[i];
            lambdaMax = std::max(lambdaMax, static_cast<double>(upper[i]) / weights[i]);
        } else {
            maxReach += lower[i];  // a zero weight never grows past its lower bound
        }
    }
    if (total < sumLower)
        throw Error("budget of " + std::to_string(total) + " vectors is below the minimum " + std::to_string(sumLower));
    if (total > maxReach)
        throw Error(std::string("budget of ") + std::to_string(total) + " vectors exceeds the " +
                    std::to_string(maxReach) + " that can be placed" +
                    (anyPositive ? "" : " (every weight is zero)"));

    auto share = [&](double lambda, std::size_t i) {
        if (weights[i] <= 0) return static_cast<double>(lower[i]);
        return std::clamp(lambda * weights[i], static_cast<double>(lower[i]), static_cast<double>(upper[i]));
    };
    auto sumAt = [&](double lambda) {
        double s = 0;
        for (std::size_t i = 0; i < n; ++i) s += share(lambda, i);
        return s;
    };

    std::vector<double> x(n);
    for (std::size_t i = 0; i < n; ++i) x[i] = static_cast<double>(lower[i]);
    if (anyPositive && total > sumLower) {
        // The sum is continuous and non-decreasing in lambda: bisect for the level that places the total.
        double lo = 0, hi = lambdaMax;
        const double target = static_cast<double>(total);
        for (int it = 0; it < 200 && hi > lo; ++it) {
            const double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            (sumAt(mid) < target ? lo : hi) = mid;
        }
        const double lambda = hi;
        // Re-solve exactly on the products strictly inside their bounds, so that their shares
        // are exactly proportional to their weights.
        double fixedSum = 0, freeWeight = 0;
        std::vector<bool> isFree(n, false);
        for (std::size_t i = 0; i < n; ++i) {
            const double v = lambda * weights[i];
            isFree[i] = weights[i] > 0 && v > static_cast<double>(lower[i]) && v < static_cast<double>(upper[i]);
            if (isFree[i])
                freeWeight += weights[i];
            else
                fixedSum += share(lambda, i);
        }
        // remaining * w / W rather than (remaining / W) * w: exact for integer inputs such as 10 * 1000 / 4000.
        for (std::size_t i = 0; i < n; ++i)
            x[i] = isFree[i] ? std::clamp((target - fixedSum) * weights[i] / freeWeight, static_cast<double>(lower[i]),
                                          static_cast<double>(upper[i]))
                             : share(lambda, i);
    }

    // Largest-remainder rounding within the bounds.
    std::vector<std::size_t> out(n);
    std::vector<double> remainder(n);
    long long left = static_cast<long long>(total);
    for (std::size_t i = 0; i < n; ++i) {
        const double f = std::floor(x[i]);
        out[i] = std::clamp(static_cast<std::size_t>(std::max(0.0, f)), lower[i], upper[i]);
        // Quantised so that remainders equal up to rounding noise tie, and ties go to the smaller index.
        remainder[i] = std::round((x[i] - f) * 1e9);
        left -= static_cast<long long>(out[i]);
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
    while (left > 0) {
        bool moved = false;
        for (std::size_t i : order) {
            if (left == 0) break;
            if (out[i] < upper[i]) {
                ++out[i];
                --left;
                moved = true;
            }
        }
        if (!moved) throw Error("budget split: cannot place the remaining vectors within the bounds");
    }
    while (left < 0) {
        bool moved = false;
        for (auto it = order.rbegin(); it != order.rend() && left < 0; ++it) {
            if (out[*it] > lower[*it]) {
                --out[*it];
                ++left;
                moved = true;
            }
        }
        if (!moved) throw Error("budget split: cannot remove the excess vectors within the bounds");
    }
    return out;
}

std::vector<std::size_t> BudgetAllocator::allocate(AllocatorKind kind, std::size_t totalVectors) const {
    const std::size_t n = products_.size();
    if (totalVectors < n)
        throw Error("budget of " + std::to_string(totalVectors) + " vectors is below one vector for each of the " +
                    std::to_string(n) + " products");
    if (totalVectors > maxTotal())
        throw Error("budget of " + std::to_string(totalVectors) + " vectors exceeds the " +
                    std::to_string(maxTotal()) + " training patches of all products");
    if (kind == AllocatorKind::Oracle) return allocateOracle(totalVectors);

    std::vector<double> weights(n);
    std::vector<std::size_t> lower(n, 1), upper(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& p = products_[i];
        upper[i] = p.trainPatches;
        switch (kind) {
            case AllocatorKind::Uniform: weights[i] = 1.0; break;
            case AllocatorKind::Proportional: weights[i] = static_cast<double>(p.trainPatches); break;
            case AllocatorKind::Dispersion: weights[i] = p.dispersion; break;
            case AllocatorKind::Complexity: weights[i] = p.complexity; break;
            case AllocatorKind::Oracle: break;
        }
        if (!std::isfinite(weights[i]) || weights[i] < 0)
            throw Error(toString(kind) + " allocator: product " + p.name + " has a negative or non-finite weight");
    }
    if (std::all_of(weights.begin(), weights.end(), [](double w) { return w == 0; }))
        throw Error(toString(kind) + " allocator: every product has weight 0 (inputs not computed?)");
    return split(weights, lower, upper, totalVectors);
}

std::vector<std::size_t> BudgetAllocator::allocateOracle(std::size_t totalVectors) const {
    const std::size_t n = products_.size();
    std::vector<std::vector<CurvePoint>> curves(n);
    std::vector<std::size_t> alloc(n), next(n, 1);
    std::size_t used = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto& p = products_[i];
        if (p.oracleCurve.empty()) throw Error("oracle allocator: product " + p.name + " has no AUROC-vs-budget curve");
        std::vector<CurvePoint> pts;
        for (const auto& q : p.oracleCurve) {
            if (q.budgetVectors == 0 || !std::isfinite(q.auroc))
                throw Error("oracle allocator: product " + p.name + " has a curve point with budget 0 or a non-finite AUROC");
            pts.push_back({std::min(q.budgetVectors, p.trainPatches), q.auroc});
        }
        std::stable_sort(pts.begin(), pts.end(), [](const CurvePoint& a, const CurvePoint& b) { return a.budget < b.budget; });
        for (const auto& q : pts)
            if (curves[i].empty() || curves[i].back().budget != q.budget) curves[i].push_back(q);
        alloc[i] = curves[i].front().budget;
        used += alloc[i];
    }
    if (used > totalVectors)
        throw Error("oracle allocator: the curves' smallest budgets need " + std::to_string(used) +
                    " vectors, more than the total of " + std::to_string(totalVectors) +
                    " (sweep smaller budgets)");
    std::size_t remaining = totalVectors - used;

    // Greedy on marginal gain per vector; curve segments are linear, so advancing partway
    // through the best segment is the same as taking its vectors one by one.
    while (remaining > 0) {
        int best = -1;
        double bestSlope = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (next[i] >= curves[i].size()) continue;
            const CurvePoint& a = curves[i][next[i] - 1];
            const CurvePoint& b = curves[i][next[i]];
            const double slope = (b.auroc - a.auroc) / static_cast<double>(b.budget - a.budget);
            if (slope > bestSlope) {
                bestSlope = slope;
                best = static_cast<int>(i);
            }
        }
        if (best < 0) break;
        const std::size_t target = curves[best][next[best]].budget;
        const std::size_t step = std::min(target - alloc[best], remaining);
        alloc[best] += step;
        remaining -= step;
        if (alloc[best] == target) ++next[best];
    }
    if (remaining > 0) {
        std::vector<double> ones(n, 1.0);
        std::vector<std::size_t> zero(n, 0), room(n);
        for (std::size_t i = 0; i < n; ++i) room[i] = products_[i].trainPatches - alloc[i];
        const auto extra = split(ones, zero, room, remaining);
        for (std::size_t i = 0; i < n; ++i) alloc[i] += extra[i];
    }
    return alloc;
}

}  // namespace pb
