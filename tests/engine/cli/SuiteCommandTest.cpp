// patchbank-cli suite: a small suite over the generated demo data set, run whole, killed and resumed,
// and run as two shards that merge to the same rows.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <set>

#include "CliRunner.h"
#include "TestData.h"
#include "engine/suite/ResultsLog.h"
#include "engine/suite/SuiteFile.h"
#include "engine/suite/SuiteSummary.h"
#include "engine/synth/DemoDatasetGenerator.h"

namespace fs = std::filesystem;
using pb::test::runCli;

namespace {

// The rows without what differs between runs (timings).
std::set<std::string> rows(const fs::path& log) {
    std::set<std::string> out;
    for (auto row : pb::suite::ResultsLog::read(log)) {
        row.erase("seconds");
        out.insert(row.dump());
    }
    return out;
}

}  // namespace

TEST(CliSuite, RunResumeShardAndMerge) {
    const fs::path dir = pb::test::scratchDir("cli-suite");
    pb::DemoDatasetOptions demo;
    demo.trainPerProduct = 10;
    demo.testGoodPerProduct = 4;
    demo.testDefectPerProduct = 6;
    pb::generateDemoDataset(dir / "demo", demo);
    const fs::path suite = pb::test::sourceDir() / "tests/data/suites/demo.json";
    const std::size_t cells = pb::suite::readSuite(suite).cells.size();
    const std::string common = " --data demo=" + (dir / "demo").string() + " --cache " + (dir / "cache").string();

    auto whole = runCli("suite run " + suite.string() + common + " --out " + (dir / "whole.jsonl").string());
    ASSERT_EQ(whole.exitCode, 0) << whole.output;
    ASSERT_EQ(pb::suite::ResultsLog::read(dir / "whole.jsonl").size(), cells);
    for (const auto& row : pb::suite::ResultsLog::read(dir / "whole.jsonl")) {
        if (row["kind"] == "compression") EXPECT_GT(row["image_auroc"].get<double>(), 0.5) << row.dump();
        if (row["kind"] == "contamination") EXPECT_EQ(row["n_test"].get<int>() > 0, true) << row.dump();
    }
    // A second run has nothing left to do.
    auto again = runCli("suite run " + suite.string() + common + " --out " + (dir / "whole.jsonl").string());
    ASSERT_EQ(again.exitCode, 0) << again.output;
    EXPECT_NE(again.output.find("0 cells run"), std::string::npos) << again.output;

    // Two shards, merged, give the same rows; the status of each shard counts its own cells.
    for (const char* shard : {"1/2", "2/2"}) {
        auto part = runCli("suite run " + suite.string() + common + " --shard " + shard + " --out " +
                           (dir / (std::string("shard") + shard[0] + ".jsonl")).string());
        ASSERT_EQ(part.exitCode, 0) << part.output;
    }
    auto status = runCli("suite status " + suite.string() + " --shard 1/2 --out " + (dir / "shard1.jsonl").string());
    EXPECT_NE(status.output.find("0 to run"), std::string::npos) << status.output;
    auto merged = runCli("suite merge " + suite.string() + " " + (dir / "shard1.jsonl").string() + " " +
                         (dir / "shard2.jsonl").string() + " --out " + (dir / "merged.jsonl").string());
    ASSERT_EQ(merged.exitCode, 0) << merged.output;
    EXPECT_EQ(rows(dir / "merged.jsonl"), rows(dir / "whole.jsonl"));
    auto incomplete = runCli("suite merge " + suite.string() + " " + (dir / "shard1.jsonl").string() + " --out " +
                             (dir / "half.jsonl").string());
    EXPECT_EQ(incomplete.exitCode, 4) << incomplete.output;
    EXPECT_NE(incomplete.output.find("missing: "), std::string::npos);

    // Killed three times at random moments, then resumed: the same rows, none twice.
    const fs::path killed = dir / "killed.jsonl";
    std::vector<std::size_t> killedCounts;
    for (int attempt = 0; attempt < 3; ++attempt) {
        const pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            const std::string command = std::string(PATCHBANK_CLI) + " suite run " + suite.string() + common +
                                        " --quiet --out " + killed.string();
            execl("/bin/sh", "sh", "-c", ("exec " + command).c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        usleep(300000 + 400000 * attempt);
        kill(child, SIGKILL);
        waitpid(child, nullptr, 0);
        if (fs::exists(killed)) killedCounts.push_back(pb::suite::ResultsLog::read(killed).size());
    }
    ASSERT_FALSE(killedCounts.empty());
    EXPECT_LT(killedCounts.front(), cells);  // the first kill stopped a run that had cells left
    auto resumed = runCli("suite run " + suite.string() + common + " --out " + killed.string());
    ASSERT_EQ(resumed.exitCode, 0) << resumed.output;
    EXPECT_EQ(rows(killed), rows(dir / "whole.jsonl"));
    EXPECT_EQ(pb::suite::ResultsLog::read(killed).size(), cells);

    // The tables: the purification summary and the compression tables, in three formats.
    auto summary = runCli("suite summarize " + suite.string() + " " + (dir / "whole.jsonl").string() + " --out " +
                          (dir / "tables").string());
    ASSERT_EQ(summary.exitCode, 0) << summary.output;
    for (const char* table : {"few-shot_summary", "compression_by_bank", "compression_by_product"})
        for (const char* ext : {".csv", ".md", ".tex"})
            EXPECT_TRUE(fs::exists(dir / "tables" / (std::string(table) + ext))) << table << ext;
    const auto byBank = pb::test::readSimpleCsv(dir / "tables/compression_by_bank.csv");
    ASSERT_EQ(byBank.size(), 3u);
    EXPECT_EQ(byBank[0].at("bank"), "flat");
    const auto purification = pb::test::readSimpleCsv(dir / "tables/few-shot_summary.csv");
    ASSERT_EQ(purification.size(), 2u * 2u);  // setups x (audit, oracle) at rate 0.3
    EXPECT_NE(summary.output.find("| setup | support |"), std::string::npos);
    // Its figures as PNG and SVG in a build with Qt; without, a note that names them.
    const auto figures =
        pb::suite::suiteFigures(pb::suite::readSuite(suite), pb::suite::ResultsLog::read(dir / "whole.jsonl"));
    EXPECT_EQ(figures.size(), 3u);  // recovery per setup (A, B), AUROC vs bank size
    for (const auto& figure : figures) {
#ifdef PATCHBANK_HAVE_FIGURES
        for (const char* ext : {".png", ".svg"}) {
            const fs::path file = dir / "tables" / (figure.name + ext);
            EXPECT_GT(fs::exists(file) ? fs::file_size(file) : 0u, 1000u) << file;
        }
#else
        EXPECT_NE(summary.output.find(figure.name), std::string::npos) << summary.output;
#endif
    }

    auto missingData = runCli("suite run " + suite.string() + " --out " + (dir / "x.jsonl").string());
    EXPECT_NE(missingData.exitCode, 0);
    EXPECT_NE(missingData.output.find("give its folder (demo=DIR)"), std::string::npos) << missingData.output;
}
