// Multiple-testing correction over a grid of hyper-parameter values.
#pragma once
#include <vector>

namespace pb::stats {

// Holm's step-down adjusted p-values, in the input's order, as statsmodels'
// multipletests(p, method="holm")[1]: with p sorted ascending, (m - i) * p_(i) (i from 0), the running
// maximum of those, capped at 1. Equal p-values get equal adjusted ones whatever their order.
// Throws pb::Error on a p-value that is NaN or outside [0, 1].
std::vector<double> holmAdjust(const std::vector<double>& p);

}  // namespace pb::stats
