#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace pb {

// Fenwick tree over per-row weights (negative values count as 0), in row order: a draw is the first row
// whose cumulative weight exceeds u * total, exactly the inverse-CDF draw of a dense pass over the rows,
// which keeps the pruned k-means++ seeding equal to the LibTorch one for the same uniforms. O(log n)
// per changed row and per draw.
class RowFenwick {
public:
    explicit RowFenwick(const std::vector<float>& weights) : n_(weights.size()), weight_(n_), tree_(n_ + 1, 0.0) {
        for (std::size_t i = 0; i < n_; ++i) {
            weight_[i] = weights[i] > 0 ? weights[i] : 0.0;
            tree_[i + 1] += weight_[i];
            const std::size_t parent = (i + 1) + ((i + 1) & (~(i + 1) + 1));
            if (parent <= n_) tree_[parent] += tree_[i + 1];
        }
        while (high_ * 2 <= n_) high_ *= 2;
    }
    void set(std::size_t row, float value) {
        const double w = value > 0 ? value : 0.0;
        const double delta = w - weight_[row];
        if (delta == 0) return;
        weight_[row] = w;
        for (std::size_t i = row + 1; i <= n_; i += i & (~i + 1)) tree_[i] += delta;
    }
    double weight(std::size_t row) const { return weight_[row]; }
    double total() const {
        double sum = 0;
        for (std::size_t i = n_; i > 0; i -= i & (~i + 1)) sum += tree_[i];
        return sum;
    }
    // The first row whose cumulative weight exceeds target (the last row when none does).
    std::int64_t find(double target) const {
        std::size_t pos = 0;
        for (std::size_t step = high_; step > 0; step /= 2)
            if (pos + step <= n_ && tree_[pos + step] <= target) {
                pos += step;
                target -= tree_[pos];
            }
        return static_cast<std::int64_t>(std::min(pos, n_ - 1));
    }

private:
    std::size_t n_;
    std::vector<double> weight_;
    std::vector<double> tree_;
    std::size_t high_ = 1;
};

}  // namespace pb
