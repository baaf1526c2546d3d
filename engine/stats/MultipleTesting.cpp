#include "engine/stats/MultipleTesting.h"

#include <algorithm>
#include <numeric>
#include <string>

#include "engine/util/Error.h"

namespace pb::stats {

std::vector<double> holmAdjust(const std::vector<double>& p) {
    for (double v : p)
        if (!(v >= 0.0 && v <= 1.0)) throw Error("Holm adjustment: p-value " + std::to_string(v) + " is not in [0, 1]");
    const std::size_t m = p.size();
    std::vector<std::size_t> order(m);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
    std::vector<double> adjusted(m);
    double runningMax = 0;
    for (std::size_t i = 0; i < m; ++i) {
        runningMax = std::max(runningMax, p[order[i]] * static_cast<double>(m - i));
        adjusted[order[i]] = std::min(runningMax, 1.0);
    }
    return adjusted;
}

}  // namespace pb::stats
