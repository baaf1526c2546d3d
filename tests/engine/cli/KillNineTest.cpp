// kill -9 at random moments while patchbank-cli writes the feature cache and an evaluation report, a bank
// file and a model download: after every kill whatever files are in place read back whole, and the run
// after the last kill gives what an uninterrupted run gives.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "models/LoopbackHttpServer.h"
#include "TestData.h"
#include "cli/CliRunner.h"
#include "engine/image/ImageDecoder.h"
#include "engine/io/AtomicFile.h"
#include "engine/io/TableReader.h"
#include "engine/models/ModelCatalogue.h"
#include "engine/synth/DemoDatasetGenerator.h"

extern char** environ;

namespace pb {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// PATCHBANK_KILLS=N for a longer run.
const int kKillsPerWriter = [] {
    const char* n = std::getenv("PATCHBANK_KILLS");
    return n && std::atoi(n) > 0 ? std::atoi(n) : 6;
}();

// patchbank-cli with `args`, its output discarded; returns its pid.
pid_t spawnCli(const std::vector<std::string>& args) {
    std::vector<std::string> all = {PATCHBANK_CLI};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -1;
}

// Seconds an uninterrupted run takes; it must succeed.
double timedRun(const std::vector<std::string>& args) {
    const auto t0 = Clock::now();
    const pid_t pid = spawnCli(args);
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Starts the command and kills it with SIGKILL after a random share of `seconds`; true when the kill
// landed before the command finished on its own.
bool killAtRandom(const std::vector<std::string>& args, double seconds, std::mt19937& rng) {
    std::uniform_real_distribution<double> at(0.05, 0.95);
    const pid_t pid = spawnCli(args);
    std::this_thread::sleep_for(std::chrono::duration<double>(at(rng) * seconds));
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) return false;
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status);
}

// Every report file in place reads back whole: tables with one row per product / test image, PNGs decode.
void expectWholeReport(const fs::path& report, std::size_t testImages) {
    if (!fs::exists(report)) return;
    for (const auto& e : fs::recursive_directory_iterator(report)) {
        if (!e.is_regular_file() || e.path().filename().string().front() == '.') continue;  // temporaries
        const std::string ext = e.path().extension().string();
        if (ext == ".csv") {
            const ResultTable t = readCsvTable(e.path());
            if (e.path().filename() == "scores.csv") EXPECT_EQ(t.rows.size(), testImages) << e.path();
            if (e.path().filename() == "metrics.csv") EXPECT_EQ(t.rows.size(), 1u) << e.path();
        } else if (ext == ".png") {
            EXPECT_NO_THROW(decodeImageRgb(e.path().string())) << e.path();
        }
    }
}

std::size_t countTemporaries(const fs::path& dir) {
    std::size_t n = 0;
    if (!fs::exists(dir)) return 0;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        n += e.is_regular_file() && e.path().filename().string().find(".tmp.") != std::string::npos;
    return n;
}

std::size_t testImagesOf(const fs::path& product) {
    std::size_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(product / "test")) n += e.is_regular_file();
    return n;
}

TEST(KillNine, EvaluationCacheAndReportSurviveKills) {
    const fs::path dir = test::scratchDir("kill9-evaluate");
    generateDemoDataset(dir / "data");
    auto args = [&](const std::string& tag) {
        return std::vector<std::string>{"evaluate", "--data", (dir / "data").string(), "--product", "wood",
                                        "--backbone", "descriptors", "--quiet", "--cache", (dir / ("cache-" + tag)).string(),
                                        "--out", (dir / ("report-" + tag)).string()};
    };
    const double seconds = timedRun(args("clean"));
    const std::size_t images = testImagesOf(dir / "data" / "wood");
    std::mt19937 rng(9);
    int landed = 0;
    for (int i = 0; i < kKillsPerWriter; ++i) {
        landed += killAtRandom(args("killed"), seconds, rng);
        expectWholeReport(dir / "report-killed", images);
    }
    EXPECT_GE(landed, kKillsPerWriter / 2);
    // The run after the kills reads whatever cache they left and must give the uninterrupted run's numbers.
    timedRun(args("killed"));
    EXPECT_EQ(readFileBytes(dir / "report-killed" / "scores.csv"), readFileBytes(dir / "report-clean" / "scores.csv"));
    const ResultTable clean = readCsvTable(dir / "report-clean" / "metrics.csv");
    const ResultTable killed = readCsvTable(dir / "report-killed" / "metrics.csv");
    ASSERT_EQ(clean.columns, killed.columns);
    for (std::size_t c = 0; c < clean.columns.size(); ++c)
        if (clean.columns[c] != "seconds") EXPECT_EQ(clean.rows[0][c], killed.rows[0][c]) << clean.columns[c];
    std::printf("evaluate: %d of %d kills landed mid-run; %zu temporary files left behind\n", landed,
                kKillsPerWriter, countTemporaries(dir / "cache-killed") + countTemporaries(dir / "report-killed"));
}

TEST(KillNine, BankFileSurvivesKills) {
    const fs::path dir = test::scratchDir("kill9-bank");
    generateDemoDataset(dir / "data");
    auto args = [&](const std::string& out) {
        return std::vector<std::string>{"bank", "build", "--data", (dir / "data").string(), "--product", "carpet",
                                        "--backbone", "descriptors", "--quiet", "--no-cache", "--bank", "coreset:1/16",
                                        "--out", (dir / out).string()};
    };
    const double seconds = timedRun(args("clean.pbbank"));
    std::mt19937 rng(10);
    int landed = 0;
    for (int i = 0; i < kKillsPerWriter; ++i) {
        landed += killAtRandom(args("killed.pbbank"), seconds, rng);
        if (fs::exists(dir / "killed.pbbank")) {
            // A bank in place is whole: the one an uninterrupted build writes.
            EXPECT_EQ(readFileBytes(dir / "killed.pbbank"), readFileBytes(dir / "clean.pbbank"));
        }
    }
    EXPECT_GE(landed, kKillsPerWriter / 2);
    timedRun(args("killed.pbbank"));
    EXPECT_EQ(readFileBytes(dir / "killed.pbbank"), readFileBytes(dir / "clean.pbbank"));
    std::printf("bank build: %d of %d kills landed mid-run\n", landed, kKillsPerWriter);
}

TEST(KillNine, ModelDownloadSurvivesKills) {
    PB_REQUIRE_SHARED();
    const fs::path fixture = test::sharedDir() / "fixtures" / "dinov3_tiny";
    const fs::path dir = test::scratchDir("kill9-download");
    const ModelInfo& model = ModelCatalogue::get("dinov3-vits16");
    test::LoopbackHttpServer server;
    server.serveRepo(model.repo, fixture);
    server.setRateLimit(1 << 20);  // about a second for the weights, so that kills land mid-transfer
    const std::vector<std::string> args = {"models",     "fetch", "dinov3-vits16",      "--quiet", "--dir",
                                           dir.string(), "--endpoint", server.endpoint()};
    const std::string weights = readFileBytes(fixture / "model.safetensors");
    const double seconds = 1.2 * static_cast<double>(weights.size()) / (1 << 20) + 0.5;
    std::mt19937 rng(11);
    int landed = 0;
    for (int i = 0; i < kKillsPerWriter; ++i) {
        // Each attempt starts from what the killed one left (a partial download is resumed, not trusted).
        landed += killAtRandom(args, seconds, rng);
        if (fs::exists(dir / "model.safetensors")) EXPECT_EQ(readFileBytes(dir / "model.safetensors"), weights);
        if (fs::exists(dir / "config.json"))
            EXPECT_EQ(readFileBytes(dir / "config.json"), readFileBytes(fixture / "config.json"));
        if (fs::exists(dir / "model.safetensors")) fs::remove(dir / "model.safetensors");  // kill the next one too
    }
    EXPECT_GE(landed, kKillsPerWriter / 2);
    const auto run = test::runCli("models fetch dinov3-vits16 --quiet --dir " + dir.string() + " --endpoint " +
                                  server.endpoint());
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_EQ(readFileBytes(dir / "model.safetensors"), weights);
    std::printf("models fetch: %d of %d kills landed mid-download\n", landed, kKillsPerWriter);
}

}  // namespace
}  // namespace pb
