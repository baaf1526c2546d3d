// Splits a total memory budget (in bank vectors) over the products of a shared bank
// (METHODS.md section 4, "Allocators", marked [ours]). Five allocators:
//   uniform       equal shares;
//   proportional  shares proportional to the product's training patch count;
//   oracle        greedy marginal-gain allocation on per-product AUROC-vs-budget curves
//                 measured by a budget sweep. Those curves are computed WITH THE TEST LABELS,
//                 which is why it is called the oracle: it is an upper reference, not a
//                 deployable allocator;
//   dispersion    shares proportional to the mean 1-NN distance inside the product's
//                 training patches (ProductStatistics: productDispersion);
//   complexity    shares proportional to the number of k-means clusters the product needs
//                 to reach a fixed quantisation error (ProductStatistics: productComplexity).
// Every allocation is a vector of integers that sums EXACTLY to the total, with each product
// between 1 vector and its training patch count: real-valued shares are clamped to those
// bounds with the excess redistributed proportionally to the others (x_i = clamp(l*w_i, 1,
// patches_i) with l chosen so that the sum is the total), then rounded by largest remainder
// (ties: the smaller product index).
//
// Budget unit: one vector is dim float32 values = 4*dim bytes; a megabyte is a MiB
// (1,048,576 bytes), so 18 MB at dim 1024 is 4,608 vectors, as in the paper.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace pb {

enum class AllocatorKind { Uniform, Proportional, Oracle, Dispersion, Complexity };

// "uniform", "proportional", "oracle", "dispersion", "complexity".
std::string toString(AllocatorKind kind);
bool parseAllocatorKind(const std::string& text, AllocatorKind& kind);
std::vector<AllocatorKind> allAllocatorKinds();

// One point of a product's AUROC-vs-budget curve (budget in vectors of that product's bank).
struct OraclePoint {
    std::size_t budgetVectors = 0;
    double auroc = 0;
};

struct ProductBudgetInput {
    std::string name;
    std::size_t trainPatches = 0;  // upper bound of the product's share; proportional weight
    double dispersion = 0;         // used only by the dispersion allocator
    double complexity = 0;         // used only by the complexity allocator
    std::vector<OraclePoint> oracleCurve;  // used only by the oracle allocator
};

class BudgetAllocator {
public:
    // Throws pb::Error for no product, an empty or repeated name, or a product without patches.
    explicit BudgetAllocator(std::vector<ProductBudgetInput> products);

    // Vectors per product, in input order, summing to totalVectors. Throws pb::Error when
    // totalVectors is below the number of products or above the sum of patch counts, when
    // the allocator's inputs are invalid (negative or non-finite weights, all weights zero,
    // an empty or malformed oracle curve) or when the oracle curves' smallest budgets do not
    // fit in the total.
    //
    // Oracle, exactly: each product's curve is sorted by budget (budgets above the patch count
    // are clamped to it; of equal budgets the first point is kept) and read as piecewise
    // linear. Every product starts at its curve's smallest budget. Then, while budget remains,
    // the product whose next curve segment has the largest AUROC gain per vector (ties: the
    // smaller index) advances along it, possibly partway when the budget runs out. Once no
    // segment gains AUROC (all remaining slopes <= 0, or every curve is exhausted) the rest is
    // spread evenly over the products still below their patch count, since the curves give
    // no reason to prefer one of them.
    std::vector<std::size_t> allocate(AllocatorKind kind, std::size_t totalVectors) const;

    const std::vector<ProductBudgetInput>& products() const { return products_; }
    // The largest total any allocator can place: the sum of the patch counts.
    std::size_t maxTotal() const;

    // 4 * dim.
    static std::size_t bytesPerVector(int dim);
    // Whole vectors that fit in `megabytes` MiB (rounded down: a budget is never exceeded).
    static std::size_t vectorsForMegabytes(double megabytes, int dim);
    static double megabytesForVectors(std::size_t vectors, int dim);

    // The bounded proportional split every weighted allocator uses: x_i = clamp(l*w_i, lower_i,
    // upper_i) with the sum equal to total, then largest-remainder rounding within the bounds.
    // Weights must be finite and >= 0 with at least one positive; lower_i <= upper_i;
    // sum(lower) <= total <= the most the weights can reach. Throws pb::Error otherwise.
    static std::vector<std::size_t> split(const std::vector<double>& weights, const std::vector<std::size_t>& lower,
                                          const std::vector<std::size_t>& upper, std::size_t total);

private:
    std::vector<std::size_t> allocateOracle(std::size_t totalVectors) const;

    std::vector<ProductBudgetInput> products_;
};

}  // namespace pb
