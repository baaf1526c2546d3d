// The paper's aggregation on hand-made runs whose summary is known.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/purify/ExperimentSummary.h"

using namespace pb::purify;

namespace {

PurificationRun run(const std::string& product, double rate, int seed, const std::string& method, double auroc,
                    double k = 1.5, std::size_t removed = 0, std::size_t removedContaminants = 0) {
    PurificationRun r;
    r.product = product;
    r.spec.rate = rate;
    r.spec.seed = seed;
    r.method = method;
    r.audit.k = k;
    r.imageAuroc = auroc;
    r.contaminated = rate > 0 ? 3 : 0;
    r.removedImages = removed;
    r.removedContaminants = removedContaminants;
    return r;
}

}  // namespace

TEST(PurificationSummary, SeedsFirstThenProductsAndTheRatios) {
    std::vector<PurificationRun> runs;
    // Product p: clean 0.90 and 0.92 (mean 0.91); dirty 0.80, 0.84 (0.82); oracle 0.88, 0.90 (0.89).
    // Product q: clean 0.95 (one seed); dirty 0.91; oracle 0.94.
    runs.push_back(run("p", 0.0, 0, "none", 0.90));
    runs.push_back(run("p", 0.0, 1, "none", 0.92));
    runs.push_back(run("p", 0.3, 0, "none", 0.80));
    runs.push_back(run("p", 0.3, 1, "none", 0.84));
    runs.push_back(run("p", 0.3, 0, "oracle", 0.88, 1.5, 3, 3));
    runs.push_back(run("p", 0.3, 1, "oracle", 0.90, 1.5, 3, 3));
    runs.push_back(run("q", 0.0, 0, "none", 0.95));
    runs.push_back(run("q", 0.3, 0, "none", 0.91));
    runs.push_back(run("q", 0.3, 0, "oracle", 0.94, 1.5, 3, 3));
    // The audit at two k: one flag of two is a contaminant.
    for (double k : {1.0, 2.0}) {
        runs.push_back(run("p", 0.3, 0, "audit", 0.83, k, 2, 1));
        runs.push_back(run("q", 0.3, 0, "audit", 0.92, k, 2, 1));
    }
    const auto rows = summarisePurification(runs);
    ASSERT_EQ(rows.size(), 3u);
    const MethodSummary* oracle = nullptr;
    for (const auto& r : rows)
        if (r.method == "oracle") oracle = &r;
    ASSERT_NE(oracle, nullptr);
    EXPECT_EQ(oracle->products, 2u);
    EXPECT_EQ(oracle->seeds, 1u);  // the smallest per product
    EXPECT_NEAR(oracle->clean, (0.91 + 0.95) / 2, 1e-12);
    EXPECT_NEAR(oracle->dirty, (0.82 + 0.91) / 2, 1e-12);
    EXPECT_NEAR(oracle->auroc, (0.89 + 0.94) / 2, 1e-12);
    EXPECT_NEAR(oracle->damage, oracle->clean - oracle->dirty, 1e-12);
    EXPECT_NEAR(oracle->gain, ((0.89 - 0.82) + (0.94 - 0.91)) / 2, 1e-12);
    EXPECT_NEAR(oracle->recovery, oracle->gain / oracle->damage, 1e-12);
    EXPECT_EQ(oracle->wins, 2u);
    EXPECT_DOUBLE_EQ(oracle->removalPrecision, 1.0);
    EXPECT_DOUBLE_EQ(oracle->removalRecall, 1.0);
    EXPECT_TRUE(std::isnan(oracle->cleanPenalty));  // no oracle run on the clean support
    // Two exact Wilcoxon pairs, both positive: p = 0.5; the audit's k grid is one Holm family of two.
    EXPECT_NEAR(oracle->pValue, 0.5, 1e-12);
    for (const auto& r : rows)
        if (r.method.rfind("audit imgmax k=", 0) == 0) {
            EXPECT_DOUBLE_EQ(r.removalPrecision, 0.5);
            EXPECT_NEAR(r.removalRecall, 2.0 / 6.0, 1e-12);
            EXPECT_NEAR(r.holmP, std::min(1.0, 2 * r.pValue), 1e-12);
        }
    EXPECT_EQ(summaryLabel(runs[9]), "audit imgmax k=1");
}
