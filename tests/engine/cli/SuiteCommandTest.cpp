// patchbank-cli suite: a small suite over the generated demo data set, run whole, killed and resumed,
// and run as two shards that merge to the same rows.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <set>

#include "CliRunner.h"
#include "SuiteTestData.h"
#include "TestData.h"
#include "engine/suite/ResultsLog.h"
#include "engine/suite/SuiteFile.h"
#include "engine/suite/SuiteRunner.h"
#include "engine/suite/SuiteSummary.h"
#include "engine/synth/DemoDatasetGenerator.h"

namespace fs = std::filesystem;
using pb::test::runCli;

TEST(CliSuite, RunResumeShardAndMerge) {
    const fs::path dir = pb::test::scratchDir("cli-suite");
    pb::test::generateSuiteDemo(dir);
    const fs::path suite = pb::test::sourceDir() / "tests/data/suites/demo.json";
    const std::size_t cells = pb::suite::readSuite(suite).cells.size();
    const std::string common = " --data demo=" + (dir / "demo").string() + " --cache " + (dir / "cache").string();

    auto whole = runCli("suite run " + suite.string() + common + " --out " + (dir / "whole.jsonl").string());
    ASSERT_EQ(whole.exitCode, 0) << whole.output;
    ASSERT_EQ(pb::suite::ResultsLog::read(dir / "whole.jsonl").size(), cells);
    for (const auto& row : pb::suite::ResultsLog::read(dir / "whole.jsonl")) {
        if (row["kind"] == "compression") EXPECT_GT(row["image_auroc"].get<double>(), 0.5) << row.dump();
        if (row["kind"] == "contamination") EXPECT_EQ(row["n_test"].get<int>() > 0, true) << row.dump();
        if (row["kind"] == "shared_bank") EXPECT_EQ(row["products"].size(), 2u) << row.dump();
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
    EXPECT_EQ(pb::test::suiteRows(dir / "merged.jsonl"), pb::test::suiteRows(dir / "whole.jsonl"));
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
        // Killed at a random moment after this run has added a row, so that each run makes progress
        // whatever the machine's load.
        const std::size_t before = fs::exists(killed) ? pb::suite::ResultsLog::read(killed).size() : 0;
        for (int wait = 0; wait < 1200; ++wait) {
            if (fs::exists(killed) && pb::suite::ResultsLog::read(killed).size() > before) break;
            usleep(50000);
        }
        usleep(static_cast<useconds_t>(random() % 400000));
        kill(child, SIGKILL);
        waitpid(child, nullptr, 0);
        if (fs::exists(killed)) killedCounts.push_back(pb::suite::ResultsLog::read(killed).size());
    }
    ASSERT_FALSE(killedCounts.empty());
    EXPECT_LT(killedCounts.front(), cells);  // the first kill stopped a run that had cells left
    auto resumed = runCli("suite run " + suite.string() + common + " --out " + killed.string());
    ASSERT_EQ(resumed.exitCode, 0) << resumed.output;
    EXPECT_EQ(pb::test::suiteRows(killed), pb::test::suiteRows(dir / "whole.jsonl"));
    EXPECT_EQ(pb::suite::ResultsLog::read(killed).size(), cells);

    // The tables: the purification summary and the compression tables, in three formats.
    auto summary = runCli("suite summarize " + suite.string() + " " + (dir / "whole.jsonl").string() + " --out " +
                          (dir / "tables").string());
    ASSERT_EQ(summary.exitCode, 0) << summary.output;
    for (const char* table : {"few-shot_summary", "compression_by_bank", "compression_by_product", "shared_summary",
                              "shared_by_product", "shared_allocators", "router_accuracy"})
        for (const char* ext : {".csv", ".md", ".tex"})
            EXPECT_TRUE(fs::exists(dir / "tables" / (std::string(table) + ext))) << table << ext;
    const auto byBank = pb::test::readSimpleCsv(dir / "tables/compression_by_bank.csv");
    ASSERT_EQ(byBank.size(), 3u);
    EXPECT_EQ(byBank[0].at("bank"), "flat");
    const auto purification = pb::test::readSimpleCsv(dir / "tables/few-shot_summary.csv");
    ASSERT_EQ(purification.size(), 2u * 2u);  // setups x (audit, oracle) at rate 0.3
    EXPECT_NE(summary.output.find("| setup | support |"), std::string::npos);
    const auto shared = pb::test::readSimpleCsv(dir / "tables/shared_summary.csv");
    ASSERT_EQ(shared.size(), 8u);
    for (const auto& r : shared) {
        EXPECT_EQ(r.at("products"), "2");
        EXPECT_GT(std::stod(r.at("mean_image_auroc")), 0.5);
        const double wnr = std::stod(r.at("wnr"));
        EXPECT_TRUE(wnr >= 0 && wnr <= 1) << wnr;
    }
    const auto router = pb::test::readSimpleCsv(dir / "tables/router_accuracy.csv");
    ASSERT_EQ(router.size(), 3u);
    EXPECT_EQ(router.back().at("product"), "all");

    // The tables verify against themselves, and a changed number is reported with exit code 5.
    auto self = runCli("suite verify " + (dir / "tables").string() + " --reference " + (dir / "tables").string() + " --quiet");
    EXPECT_EQ(self.exitCode, 0) << self.output;
    EXPECT_NE(self.output.find("0 outside, 0 missing"), std::string::npos) << self.output;

    // Its figures as PNG and SVG in a build with Qt; without, a note that names them.
    const auto figures =
        pb::suite::suiteFigures(pb::suite::readSuite(suite), pb::suite::ResultsLog::read(dir / "whole.jsonl"));
    EXPECT_GE(figures.size(), 8u);  // recovery per setup, compression, shared bank and router figures
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
