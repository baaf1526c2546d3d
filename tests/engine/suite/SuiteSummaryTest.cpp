// The summaries of a suite's rows: the PatchCore source's IVF-PQ and coreset tables relative to the exact
// bank, the shared bank's allocator spread, the router table, and the figures each kind draws.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "engine/suite/SuiteFile.h"
#include "engine/suite/SuiteSummary.h"

using namespace pb::suite;

namespace {

const pb::ResultTable* find(const std::vector<pb::ResultTable>& tables, const std::string& name) {
    for (const auto& t : tables)
        if (t.name == name) return &t;
    return nullptr;
}

const pb::Figure* findFigure(const std::vector<pb::Figure>& figures, const std::string& name) {
    for (const auto& f : figures)
        if (f.name == name) return &f;
    return nullptr;
}

std::string cell(const pb::ResultTable& t, std::size_t row, const std::string& column) {
    const auto c = std::find(t.columns.begin(), t.columns.end(), column) - t.columns.begin();
    return t.rows.at(row).at(c);
}

Suite suite() {
    return parseSuite(nlohmann::json::parse(R"json({
      "suite": "s", "experiments": [{
        "name": "ivf", "kind": "compression", "products": ["d/a"], "features": {"backbone": "b"},
        "grid": {"bank": ["flat", "ivfpq:nlist=100,m=8,nbits=4,nprobe=4", "coreset:0.01", "vwcoreset:0.01"]}
      }, {
        "name": "shared", "kind": "shared_bank", "products": ["d/a", "d/b"], "features": {"backbone": "b"},
        "grid": {"budget_vectors": [10, 100], "allocator": ["uniform", "oracle"]}
      }, {
        "name": "router", "kind": "routing", "products": ["d/a", "d/b"], "features": {"backbone": "b"}
      }]})json"),
                      "test");
}

// A finished cell's row as the runner writes it.
nlohmann::json row(const SuiteCell& c, nlohmann::json fields) {
    fields["cell"] = c.id;
    fields["experiment"] = c.experiment;
    fields["kind"] = c.kind;
    fields["dataset"] = c.dataset;
    fields["product"] = c.product;
    fields["features"] = c.features;
    fields["params"] = c.params;
    return fields;
}

}  // namespace

TEST(SuiteSummary, PatchCoreTablesAreRelativeToTheExactBank) {
    const Suite s = suite();
    std::vector<nlohmann::json> rows;
    rows.push_back(row(s.cells[0], {{"image_auroc", 0.98}, {"bank_bytes", 8 * 1048576.0}, {"timing", {{"search_ms_per_image", 40.0}}},
                                    {"source_patches", 1000}, {"bank_vectors", 1000}, {"scores", {0.1, 0.2, 0.9}},
                                    {"labels", {0, 0, 1}}}));
    rows.push_back(row(s.cells[1], {{"image_auroc", 0.96}, {"bank_bytes", 1048576.0}, {"timing", {{"search_ms_per_image", 4.0}}}}));
    rows.push_back(row(s.cells[2], {{"image_auroc", 0.95}, {"source_patches", 1000}, {"bank_vectors", 10}}));
    rows.push_back(row(s.cells[3], {{"image_auroc", 0.97}, {"source_patches", 1000}, {"bank_vectors", 10}}));
    const auto tables = summariseSuite(s, rows);
    const pb::ResultTable* ivf = find(tables, "ivf_ivfpq");
    ASSERT_NE(ivf, nullptr);
    ASSERT_EQ(ivf->rows.size(), 2u);  // the exact row and the IVF-PQ row
    EXPECT_EQ(cell(*ivf, 1, "search_method"), "faiss_ivfpq");
    EXPECT_EQ(cell(*ivf, 1, "pq_bits"), "4");
    EXPECT_EQ(cell(*ivf, 1, "speedup"), "10");
    EXPECT_EQ(cell(*ivf, 1, "memory_reduction"), "8");
    EXPECT_EQ(cell(*ivf, 1, "accuracy_loss_percent"), "2.04");
    const pb::ResultTable* coreset = find(tables, "ivf_coreset");
    ASSERT_NE(coreset, nullptr);
    ASSERT_EQ(coreset->rows.size(), 2u);
    EXPECT_EQ(cell(*coreset, 1, "method"), "v2_variance");
    EXPECT_EQ(cell(*coreset, 1, "memory_reduction"), "100");
    const auto figures = suiteFigures(s, rows);
    const pb::Figure* speed = findFigure(figures, "ivf_ivfpq");
    ASSERT_NE(speed, nullptr);
    ASSERT_EQ(speed->series.size(), 1u);
    EXPECT_DOUBLE_EQ(speed->series[0].x[0], 10.0);
    const pb::Figure* scores = findFigure(figures, "ivf_scores_a");
    ASSERT_NE(scores, nullptr);
    EXPECT_EQ(scores->kind, pb::FigureKind::Histogram);
    double good = 0, bad = 0;
    for (double y : scores->series[0].y) good += y;
    for (double y : scores->series[1].y) bad += y;
    EXPECT_EQ(good, 2.0);
    EXPECT_EQ(bad, 1.0);
}

TEST(SuiteSummary, SharedBankAllocatorsAndRouter) {
    const Suite s = suite();
    std::vector<nlohmann::json> rows;
    const std::map<std::pair<std::string, int>, double> auroc = {
        {{"uniform", 10}, 0.90}, {{"oracle", 10}, 0.88}, {{"uniform", 100}, 0.95}, {{"oracle", 100}, 0.96}};
    double aurocs[4];
    for (int i = 0; i < 4; ++i) {
        const SuiteCell& c = s.cells[4 + i];
        aurocs[i] = auroc.at({c.params["allocator"].get<std::string>(), c.params["budget_vectors"].get<int>()});
        const double budget = c.params["budget_vectors"].get<int>() * 4.0 * 64 / 1048576.0;
        rows.push_back(row(c, {{"budget_mb", budget},
                               {"budget_vectors", c.params["budget_vectors"]},
                               {"mean_image_auroc", aurocs[i]},
                               {"wnr", 0.1 * (i + 1)},
                               {"per_product",
                                {{{"product", "d/a"}, {"image_auroc", aurocs[i]}}, {{"product", "d/b"}, {"image_auroc", 1.0}}}},
                               {"neighbour_shares", {{0.9, 0.1}, {0.2, 0.8}}}}));
    }
    rows.push_back(row(s.cells[8], {{"accuracy", 1.0},
                                    {"images", 3},
                                    {"per_product", {{{"product", "d/a"}, {"accuracy", 1.0}}, {{"product", "d/b"}, {"accuracy", 1.0}}}},
                                    {"margins", {0.5, 0.7, 0.2}},
                                    {"true_product", {0, 0, 1}}}));
    const auto tables = summariseSuite(s, rows);
    const pb::ResultTable* spread = find(tables, "shared_allocators");
    ASSERT_NE(spread, nullptr);
    ASSERT_EQ(spread->rows.size(), 2u);
    EXPECT_EQ(cell(*spread, 0, "uniform_minus_oracle_pts"), "2");   // uniform beats the oracle at the small budget
    EXPECT_EQ(cell(*spread, 1, "uniform_minus_oracle_pts"), "-1");
    ASSERT_NE(find(tables, "shared_summary"), nullptr);
    EXPECT_EQ(find(tables, "shared_summary")->rows.size(), 4u);
    EXPECT_EQ(find(tables, "shared_by_product")->rows.size(), 8u);
    const pb::ResultTable* router = find(tables, "router_accuracy");
    ASSERT_NE(router, nullptr);
    EXPECT_EQ(router->rows.size(), 3u);  // two products and "all"
    const auto figures = suiteFigures(s, rows);
    const pb::Figure* wnr = findFigure(figures, "shared_wnr_vs_budget");
    ASSERT_NE(wnr, nullptr);
    EXPECT_EQ(wnr->series.size(), 2u);  // uniform, oracle
    const pb::Figure* shares = findFigure(figures, "shared_neighbour_shares");
    ASSERT_NE(shares, nullptr);
    EXPECT_EQ(shares->kind, pb::FigureKind::Matrix);
    EXPECT_EQ(shares->matrix[1][0], 0.2);
    const pb::Figure* margins = findFigure(figures, "router_margins_l2");
    ASSERT_NE(margins, nullptr);
    ASSERT_EQ(margins->series.size(), 2u);
    double first = 0;
    for (double y : margins->series[0].y) first += y;
    EXPECT_EQ(first, 2.0);
}
