// The tables of a suite's results: per experiment, the paper's aggregation of its kind. Contamination
// cells give the purification summary (seeds per product first, recovery, Wilcoxon, bootstrap CI, Holm);
// compression cells give image/pixel AUROC, AUPRO and size per bank spec, averaged over products, and the
// same per product.
#pragma once
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/io/Figure.h"
#include "engine/io/ResultTable.h"
#include "engine/suite/SuiteFile.h"

namespace pb::suite {

// rows: a results log (ResultsLog::read); rows of cells the suite does not have are ignored. An experiment
// without a finished cell gives no table.
std::vector<ResultTable> summariseSuite(const Suite& suite, const std::vector<nlohmann::json>& rows);

// The figures of the same rows (drawn by ui/figures): per experiment, its kind's plots. An experiment
// without a finished cell gives none.
std::vector<Figure> suiteFigures(const Suite& suite, const std::vector<nlohmann::json>& rows);

}  // namespace pb::suite
