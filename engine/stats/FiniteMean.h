// The mean of the finite values of a list: NaN marks "not measured" in result rows (a product without
// masks has no pixel AUROC), and an average over products leaves those out.
#pragma once
#include <cmath>
#include <vector>

namespace pb {

// NaN when no value is finite.
inline double finiteMean(const std::vector<double>& values) {
    double sum = 0;
    std::size_t n = 0;
    for (double x : values)
        if (std::isfinite(x)) {
            sum += x;
            ++n;
        }
    return n ? sum / static_cast<double>(n) : std::nan("");
}

}  // namespace pb
