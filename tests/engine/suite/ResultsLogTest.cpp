// The suite's raw results log: resume after kill -9 with nothing lost, torn lines cut, shards and merges.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <set>

#include "TestData.h"
#include "engine/suite/ResultsLog.h"
#include "engine/util/Error.h"

using namespace pb::suite;
namespace fs = std::filesystem;

namespace {

std::string cellName(int i) { return "cell-" + std::to_string(i); }

// What a run of cells writes: deterministic per cell, with some bulk so that a kill can land mid-write.
nlohmann::json rowFor(int i) { return {{"auroc", 0.5 + i / 1000.0}, {"note", std::string(2000 + i % 7, 'x')}}; }

// Runs cells [0, count) into the log, skipping finished ones, as a resumed suite does; each cell takes
// `cellMicroseconds` of work first.
void runCells(const fs::path& log, int count, int cellMicroseconds = 0) {
    ResultsLog results(log);
    for (int i = 0; i < count; ++i)
        if (!results.has(cellName(i))) {
            if (cellMicroseconds > 0) usleep(cellMicroseconds);
            results.append(cellName(i), rowFor(i));
        }
}

std::set<std::string> rowsAsSet(const fs::path& log) {
    std::set<std::string> out;
    for (const auto& row : ResultsLog::read(log)) out.insert(row.dump());
    return out;
}

}  // namespace

TEST(ResultsLog, KilledThreeTimesResumesToTheUninterruptedLog) {
    const fs::path dir = pb::test::scratchDir("results-log-kill");
    constexpr int kCells = 400;
    runCells(dir / "clean.jsonl", kCells);

    std::mt19937 rng(11);
    std::size_t repaired = 0, interrupted = 0;
    for (int attempt = 0; attempt < 3; ++attempt) {
        const pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            try {
                runCells(dir / "killed.jsonl", kCells, 500);  // 400 cells take at least 0.2 s
            } catch (...) {
                _exit(2);
            }
            _exit(0);
        }
        usleep(std::uniform_int_distribution<int>(10000, 50000)(rng));
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        ResultsLog reopened(dir / "killed.jsonl");  // cuts a torn tail, if the kill left one
        repaired += reopened.repairedBytes() > 0 ? 1 : 0;
        interrupted += reopened.finished().size() < static_cast<std::size_t>(kCells) ? 1 : 0;
    }
    runCells(dir / "killed.jsonl", kCells);
    EXPECT_EQ(rowsAsSet(dir / "killed.jsonl"), rowsAsSet(dir / "clean.jsonl"));
    EXPECT_EQ(ResultsLog::read(dir / "killed.jsonl").size(), static_cast<std::size_t>(kCells));  // no duplicates
    EXPECT_EQ(interrupted, 3u);  // every kill landed mid-run
    std::cout << "torn tails cut: " << repaired << " of 3 kills\n";
}

TEST(ResultsLog, TornLineIsCutAndItsCellRunsAgain) {
    const fs::path dir = pb::test::scratchDir("results-log-torn");
    {
        ResultsLog log(dir / "r.jsonl");
        log.append("a", {{"x", 1}});
    }
    std::ofstream(dir / "r.jsonl", std::ios::app) << "{\"cell\":\"b\",\"x\":";  // killed mid-write
    ResultsLog log(dir / "r.jsonl");
    EXPECT_GT(log.repairedBytes(), 0u);
    EXPECT_TRUE(log.has("a"));
    EXPECT_FALSE(log.has("b"));
    log.append("b", {{"x", 2}});
    EXPECT_EQ(ResultsLog::read(dir / "r.jsonl").size(), 2u);
    EXPECT_THROW(log.append("a", {{"x", 3}}), pb::Error);  // a cell runs once
    std::ofstream(dir / "bad.jsonl") << "not json\n";
    EXPECT_THROW(ResultsLog{dir / "bad.jsonl"}, pb::Error);
}

TEST(ResultsLog, ShardsPartitionTheCellsAndMergeChecksThem) {
    EXPECT_EQ(parseShard("2/4"), std::make_pair(2, 4));
    for (const char* bad : {"0/4", "5/4", "2", "a/b", "2/4x"}) EXPECT_THROW(parseShard(bad), pb::Error) << bad;
    const fs::path dir = pb::test::scratchDir("results-log-merge");
    std::vector<std::string> cells;
    for (int i = 0; i < 10; ++i) cells.push_back(cellName(i));
    for (int shard = 1; shard <= 2; ++shard) {
        ResultsLog log(dir / ("shard" + std::to_string(shard) + ".jsonl"));
        for (std::size_t i = 0; i < cells.size(); ++i)
            if (inShard(i, shard, 2)) log.append(cells[i], rowFor(static_cast<int>(i)));
    }
    runCells(dir / "single.jsonl", 10);
    MergeReport merged = mergeLogs({dir / "shard1.jsonl", dir / "shard2.jsonl"}, cells, dir / "merged.jsonl");
    EXPECT_EQ(merged.rows, 10u);
    EXPECT_TRUE(merged.missing.empty());
    EXPECT_TRUE(merged.duplicates.empty());
    EXPECT_EQ(rowsAsSet(dir / "merged.jsonl"), rowsAsSet(dir / "single.jsonl"));
    // A shard run twice, and one never run: both are reported.
    merged = mergeLogs({dir / "shard1.jsonl", dir / "shard1.jsonl"}, cells, dir / "merged2.jsonl");
    EXPECT_EQ(merged.duplicates.size(), 5u);
    EXPECT_EQ(merged.missing.size(), 5u);
}
