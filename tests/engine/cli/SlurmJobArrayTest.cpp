// packaging/slurm on a real Slurm: a one-node cluster started for the test (tests/slurm/run-job-array.sh)
// runs the small test suite as a two-task job array with patchbank-suite.sbatch, then
// patchbank-suite-merge.sbatch, then one task again after its log lost all but one cell; the merged
// shards hold the rows of one run of the whole suite, each once.
// Needs root and Debian's slurm-wlm and munge (setup.sh installs them); fails, saying so, without them.
#include <gtest/gtest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <random>
#include <set>

#include "CliRunner.h"
#include "SuiteTestData.h"
#include "TestData.h"
#include "engine/suite/ResultsLog.h"
#include "engine/suite/SuiteFile.h"
#include "engine/suite/SuiteRunner.h"
#include "engine/synth/DemoDatasetGenerator.h"

namespace fs = std::filesystem;
using pb::test::runCli;

namespace {

bool portFree(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_ANY);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
    ::close(fd);
    return bound;
}

// Two ports nobody listens on, below the kernel's ephemeral range (32768 and up), so that no outgoing
// connection takes one before the daemons bind it; random, so that concurrent runs pick different ones.
std::pair<int, int> freePorts() {
    std::mt19937 random(std::random_device{}() ^ static_cast<unsigned>(::getpid()));
    std::uniform_int_distribution<int> pick(20000, 32000);
    for (int attempt = 0; attempt < 1000; ++attempt) {
        const int port = pick(random);
        if (portFree(port) && portFree(port + 1)) return {port, port + 1};
    }
    return {0, 0};
}

std::string quoted(const std::string& text) { return "'" + text + "'"; }

}  // namespace

TEST(CliSlurm, JobArrayMergesToOneRun) {
    const fs::path dir = pb::test::scratchDir("cli-slurm");
    pb::test::generateSuiteDemo(dir);
    const fs::path suite = pb::test::sourceDir() / "tests/data/suites/demo.json";
    const std::size_t cells = pb::suite::readSuite(suite).cells.size();
    const std::string data = "demo=" + (dir / "demo").string();

    // The reference: the whole suite in one process, with a cache of its own.
    auto whole = runCli("suite run " + suite.string() + " --data " + data + " --cache " + (dir / "cache").string() +
                        " --quiet --out " + (dir / "whole.jsonl").string());
    ASSERT_EQ(whole.exitCode, 0) << whole.output;
    ASSERT_EQ(pb::suite::ResultsLog::read(dir / "whole.jsonl").size(), cells);

    const auto [controllerPort, nodePort] = freePorts();
    ASSERT_GT(controllerPort, 0) << "no two free ports in 20000-32000";
    const fs::path results = dir / "results";
    auto cluster = pb::test::runShell(
        "SUITE=" + quoted(suite.string()) + " DATA=" + quoted(data) + " RESULTS=" + quoted(results.string()) +
        " PATCHBANK_CLI=" + quoted(PATCHBANK_CLI) + " " +
        quoted((pb::test::sourceDir() / "tests/slurm/run-job-array.sh").string()) + " " +
        std::to_string(controllerPort) + " " + std::to_string(nodePort) + " 2");
    ASSERT_EQ(cluster.exitCode, 0) << cluster.output;

    // Each task wrote its own shard (the second one resumed); together they hold every cell once and the
    // rows of the single run.
    const fs::path shard1 = results / "shard-1.jsonl", shard2 = results / "shard-2.jsonl";
    ASSERT_TRUE(fs::exists(shard1) && fs::exists(shard2)) << cluster.output;
    EXPECT_GT(pb::suite::ResultsLog::read(shard1).size(), 0u);
    EXPECT_GT(pb::suite::ResultsLog::read(shard2).size(), 0u);
    auto merged = runCli("suite merge " + suite.string() + " " + shard1.string() + " " + shard2.string() +
                         " --out " + (dir / "merged.jsonl").string());
    ASSERT_EQ(merged.exitCode, 0) << merged.output;
    EXPECT_NE(merged.output.find("0 missing, 0 duplicate, 0 not in the suite"), std::string::npos) << merged.output;
    EXPECT_EQ(pb::suite::ResultsLog::read(dir / "merged.jsonl").size(), cells);
    EXPECT_EQ(pb::test::suiteRows(dir / "merged.jsonl"), pb::test::suiteRows(dir / "whole.jsonl"));

    // The merge job: the same merged log and the suite's tables.
    ASSERT_TRUE(fs::exists(results / "merged.jsonl")) << cluster.output;
    EXPECT_EQ(pb::test::suiteRows(results / "merged.jsonl"), pb::test::suiteRows(dir / "whole.jsonl"));
    for (const char* table : {"few-shot_summary", "compression_by_bank", "compression_by_product"})
        for (const char* ext : {".csv", ".md", ".tex"})
            EXPECT_TRUE(fs::exists(results / "tables" / (std::string(table) + ext))) << table << ext;
    // Both tasks filled the one feature cache on the shared folder.
    EXPECT_FALSE(fs::is_empty(results / "cache"));
}
