// suite verify: tables read back (libcsv, cmark-gfm), an earlier run's folder compared cell by cell, and
// expectations citing published Markdown tables.
#include <gtest/gtest.h>

#include <fstream>

#include "TestData.h"
#include "engine/io/TableReader.h"
#include "engine/suite/SuiteVerify.h"
#include "engine/util/Error.h"

namespace fs = std::filesystem;
using namespace pb::suite;

namespace {

void write(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

pb::ResultTable summary() {
    pb::ResultTable t;
    t.name = "few-shot_summary";
    t.columns = {"setup", "contamination_rate", "method", "auroc", "recovery"};
    t.add({"B", "0.1", "audit imgmax k=1.5", "0.91", "0.5"});
    t.add({"B", "0.3", "audit imgmax k=1.5", "0.85", "0.4"});
    t.add({"B", "0.3", "recapture, \"k=1.5\"", "0.86", "nan"});
    return t;
}

}  // namespace

TEST(TableReader, CsvRoundTripAndMarkdownTables) {
    const fs::path dir = pb::test::scratchDir("table-reader");
    summary().save(dir);
    const pb::ResultTable back = pb::readCsvTable(dir / "few-shot_summary.csv");
    EXPECT_EQ(back.columns, summary().columns);
    EXPECT_EQ(back.rows, summary().rows);  // quotes and commas survive
    write(dir / "bad.csv", "a,b\n1,2,3\n");
    EXPECT_THROW(pb::readCsvTable(dir / "bad.csv"), pb::Error);

    write(dir / "paper.md", "# Paper\n\n## Results\n\n| Method | Mean AUROC | Recovered |\n|---|---|---|\n"
                             "| Clean | 0.8591 | 100% |\n| Recapture | 0.8517 | 58% |\n\ntext\n\n| x | y |\n|---|---|\n| 1 | 2 |\n");
    const auto tables = pb::readMarkdownTables(dir / "paper.md");
    ASSERT_EQ(tables.size(), 2u);
    EXPECT_EQ(tables[0].caption, "Results");
    EXPECT_EQ(tables[0].columns, (std::vector<std::string>{"Method", "Mean AUROC", "Recovered"}));
    ASSERT_EQ(tables[0].rows.size(), 2u);
    EXPECT_EQ(tables[0].rows[1][2], "58%");
    double v = 0;
    ASSERT_TRUE(parseReferenceNumber("58%", v));
    EXPECT_DOUBLE_EQ(v, 0.58);
    ASSERT_TRUE(parseReferenceNumber("2.0e-3", v));
    EXPECT_DOUBLE_EQ(v, 0.002);
    EXPECT_FALSE(parseReferenceNumber("reference", v));
}

TEST(SuiteVerify, EarlierRunFolderIsComparedCellByCell) {
    const fs::path dir = pb::test::scratchDir("suite-verify-folder");
    summary().save(dir / "earlier");
    // Against itself: every number within.
    for (const auto& c : verifyTables(dir / "earlier", dir / "earlier", {}, 0.005))
        EXPECT_EQ(c.verdict, VerifyCheck::Verdict::Within) << c.row << " " << c.column;
    // A changed number is outside; the row is found by its text and parameters.
    pb::ResultTable changed = summary();
    changed.rows[1][3] = "0.80";
    changed.rows.erase(changed.rows.begin());  // the rate 0.1 row is missing
    changed.save(dir / "now");
    const auto checks = verifyTables(dir / "now", dir / "earlier", {}, 0.005);
    std::size_t outside = 0, missing = 0;
    for (const auto& c : checks) {
        outside += c.verdict == VerifyCheck::Verdict::Outside;
        missing += c.verdict == VerifyCheck::Verdict::Missing;
        if (c.verdict == VerifyCheck::Verdict::Outside) {
            EXPECT_EQ(c.column, "auroc");
            EXPECT_DOUBLE_EQ(c.produced, 0.80);
            EXPECT_DOUBLE_EQ(c.expected, 0.85);
        }
    }
    EXPECT_EQ(outside, 1u);
    EXPECT_GE(missing, 1u);
}

TEST(SuiteVerify, ExpectationsReadPublishedTables) {
    const fs::path dir = pb::test::scratchDir("suite-verify-expectations");
    summary().save(dir / "tables");
    write(dir / "reference/paper/TABLES.md", "| Intervention | Mean AUROC | Damage recovered |\n|---|---|---|\n"
                                             "| Remove flagged | 0.8480 | 37% |\n");
    write(dir / "expect.json", R"json({"checks": [
      {"table": "few-shot_summary", "where": {"setup": "B", "contamination_rate": 0.3, "method": "audit imgmax k=1.5"},
       "column": "auroc", "tolerance": 0.01,
       "expected_from": {"file": "paper/TABLES.md", "table": 1, "row": "Remove flagged", "column": "Mean AUROC"}},
      {"table": "few-shot_summary", "where": {"setup": "B", "contamination_rate": 0.3, "method": "audit imgmax k=1.5"},
       "column": "recovery", "tolerance": 0.01,
       "expected_from": {"file": "paper/TABLES.md", "table": 1, "row": "Remove flagged", "column": "Damage recovered"}},
      {"table": "few-shot_summary", "where": {"setup": "A"}, "column": "auroc", "expected": 0.9, "tolerance": 0.1},
      {"table": "absent", "column": "auroc", "expected": 0.9, "tolerance": 0.1}]})json");
    const auto checks = verifyTables(dir / "tables", dir / "expect.json", dir / "reference", 0);
    ASSERT_EQ(checks.size(), 4u);
    EXPECT_EQ(checks[0].verdict, VerifyCheck::Verdict::Within);  // 0.85 vs 0.848
    EXPECT_DOUBLE_EQ(checks[0].expected, 0.848);
    EXPECT_NE(checks[0].reference.find("Remove flagged"), std::string::npos);
    EXPECT_EQ(checks[1].verdict, VerifyCheck::Verdict::Outside);  // 0.4 vs 0.37
    EXPECT_EQ(checks[2].verdict, VerifyCheck::Verdict::Missing);  // no setup A row
    EXPECT_EQ(checks[3].verdict, VerifyCheck::Verdict::Missing);
    // A check naming a row the published table lacks fails naming the file.
    write(dir / "bad.json", R"json({"checks": [{"table": "few-shot_summary", "column": "auroc", "tolerance": 0.1,
       "expected_from": {"file": "paper/TABLES.md", "table": 1, "row": "Nope", "column": "Mean AUROC"}}]})json");
    try {
        verifyTables(dir / "tables", dir / "bad.json", dir / "reference", 0);
        ADD_FAILURE() << "accepted an unknown row";
    } catch (const pb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("no row 'Nope'"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("bad.json"), std::string::npos) << e.what();
    }
}
