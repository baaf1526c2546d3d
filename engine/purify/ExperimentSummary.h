// The purification paper's aggregation (METHODS.md section 5): seeds averaged per product first, then
// products; damage = clean - dirty, gain = method - dirty, recovery = mean(gain) / mean(damage); a
// paired Wilcoxon signed-rank test of method vs dirty over products, a 10,000-sample bootstrap CI of
// the mean gain, Holm's correction over the audit's k grid; removal precision and recall of the images
// a method took out. The rows FINAL_ANALYSIS.txt prints, from the runs of ContaminationExperiment.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "engine/io/ResultTable.h"
#include "engine/purify/ContaminationExperiment.h"

namespace pb::purify {

struct MethodSummary {
    ContaminationSetup setup = ContaminationSetup::B;
    int support = 10;
    double rate = 0;
    std::string method;        // "audit imgmax k=1.5" for the audit and recapture, else the method's name
    std::size_t products = 0;
    std::size_t seeds = 0;     // per product (the smallest count when products differ)
    double clean = 0;          // mean image AUROC of the uncontaminated support, no purification
    double dirty = 0;          // the contaminated support, no purification
    double auroc = 0;          // the contaminated support, this method
    double damage = 0, gain = 0, recovery = 0;
    double pValue = 0;         // Wilcoxon, method vs dirty over products (NaN with fewer than 1 non-zero pair)
    double holmP = 0;          // Holm over the k grid of the same audit score (the p-value itself otherwise)
    double ciLow = 0, ciHigh = 0;  // bootstrap 95% CI of the mean gain over products
    std::size_t wins = 0;      // products where the method beats dirty
    double cleanPenalty = 0;   // method - none on the clean support (NaN when rate 0 was not run)
    double removalPrecision = 0, removalRecall = 0;  // NaN when the method removes no images
};

// Rows for every (setup, support, rate > 0, method) with its clean (rate 0, none) and dirty (none) runs
// present; others are left out.
std::vector<MethodSummary> summarisePurification(const std::vector<PurificationRun>& runs);

// The method's label in the summary ("audit imgmax k=1.5").
std::string summaryLabel(const PurificationRun& run);

// The summary as a table (purification_summary: CSV, Markdown, LaTeX).
ResultTable purificationSummaryTable(const std::vector<MethodSummary>& rows);
void writePurificationSummaryCsv(const std::filesystem::path& path, const std::vector<MethodSummary>& rows);

}  // namespace pb::purify
