// Download throughput over loopback, run by hand (disabled in ctest: it writes 400 MB to /tmp):
//   patchbank_engine_tests --gtest_also_run_disabled_tests --gtest_filter='ModelDownloadThroughput.*'
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>

#include "LoopbackHttpServer.h"
#include "TestData.h"
#include "engine/models/ModelDownloader.h"
#include "engine/util/Sha256.h"

namespace pb {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

TEST(ModelDownloadThroughput, DISABLED_FixtureAndGenerated200MB) {
    const fs::path root = test::scratchDir("models-throughput");
    test::LoopbackHttpServer server;
    DownloadOptions options;
    options.endpoint = server.endpoint();
    options.token = "unused";
    options.retryDelayMs = 0;
    ModelDownloader downloader(options);

    if (!test::sharedDir().empty()) {
        const fs::path fixture = test::sharedDir() / "fixtures" / "dinov3_tiny";
        server.serveRepo("org/tiny", fixture);
        const int runs = 20;
        const auto t0 = Clock::now();
        for (int i = 0; i < runs; ++i) {
            const fs::path dest = root / ("tiny" + std::to_string(i)) / "model.safetensors";
            const FileDownload f = downloader.downloadFile("org/tiny", "main", "model.safetensors", dest);
            ASSERT_TRUE(f.digestVerified);
        }
        const double s = secondsSince(t0);
        const double bytes = static_cast<double>(fs::file_size(fixture / "model.safetensors")) * runs;
        std::printf("fixture model.safetensors x%d: %.3f s, %.1f MiB/s, %.1f ms per file (request + verify + rename)\n",
                    runs, s, bytes / 1048576.0 / s, 1000.0 * s / runs);
    }

    // A 200 MB file of random bytes.
    const fs::path served = root / "served";
    fs::create_directories(served);
    const std::uint64_t size = 200ull * 1000 * 1000;
    {
        std::ofstream out(served / "model.safetensors", std::ios::binary);
        std::mt19937_64 rng(7);
        std::vector<std::uint64_t> block(1 << 17);
        for (std::uint64_t written = 0; written < size;) {
            for (auto& v : block) v = rng();
            const std::uint64_t n = std::min<std::uint64_t>(block.size() * 8, size - written);
            out.write(reinterpret_cast<const char*>(block.data()), static_cast<std::streamsize>(n));
            written += n;
        }
    }
    server.serveRepo("org/big", served);
    auto t0 = Clock::now();
    const std::string expected = sha256File(served / "model.safetensors");  // also warms the server's digest cache
    const double hashS = secondsSince(t0);
    std::printf("sha256 of 200 MB: %.2f s (%.0f MB/s)\n", hashS, size / 1e6 / hashS);

    // The moment the verification stage starts splits transfer time from hashing time.
    Progress progress;
    double transferS = 0;
    progress.onStep = [&](const std::string& stage, std::size_t, std::size_t) {
        if (transferS == 0 && stage.rfind("Verifying", 0) == 0) transferS = secondsSince(t0);
    };
    t0 = Clock::now();
    FileDownload f =
        downloader.downloadFile("org/big", "main", "model.safetensors", root / "big" / "model.safetensors", progress);
    double s = secondsSince(t0);
    ASSERT_EQ(f.sha256, expected);
    ASSERT_TRUE(f.digestVerified);
    std::printf("200 MB full: %.2f s total, %.0f MB/s end to end; transfer %.2f s (%.0f MB/s), verify %.2f s\n", s,
                size / 1e6 / s, transferS, size / 1e6 / transferS, s - transferS);

    // Dropped at 100 MB (no retries), then resumed by a second call.
    server.cutResponses(100ull * 1000 * 1000, 1);
    DownloadOptions noRetry = options;
    noRetry.maxRetries = 0;
    const fs::path dest = root / "resumed" / "model.safetensors";
    t0 = Clock::now();
    EXPECT_THROW(ModelDownloader(noRetry).downloadFile("org/big", "main", "model.safetensors", dest), Error);
    const double firstS = secondsSince(t0);
    EXPECT_EQ(fs::file_size(ModelDownloader::partPath(dest)), 100ull * 1000 * 1000);
    server.clearRequests();
    t0 = Clock::now();
    f = ModelDownloader(noRetry).downloadFile("org/big", "main", "model.safetensors", dest);
    s = secondsSince(t0);
    EXPECT_TRUE(f.resumed);
    EXPECT_EQ(f.transferred, size - 100ull * 1000 * 1000);
    EXPECT_EQ(f.sha256, expected);
    EXPECT_EQ(server.requests().at(0).range, "bytes=100000000-");
    std::printf("200 MB cut at 100 MB: first call %.2f s (kept %llu bytes), resume %.2f s, sha256 ok: %s\n", firstS,
                100000000ull, s, f.sha256 == expected ? "yes" : "no");
    fs::remove_all(root);
}

}  // namespace
}  // namespace pb
