// ModelDownloader against the loopback hub: full, resumed, retried, cancelled, gated, redirected
// and corrupted downloads of the tiny DINOv3 fixture.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "LoopbackHttpServer.h"
#include "TestData.h"
#include "engine/io/AtomicFile.h"
#include "engine/models/ModelCatalogue.h"
#include "engine/models/ModelDownloader.h"
#include "engine/util/Error.h"
#include "engine/util/Sha256.h"

namespace pb {
namespace {

namespace fs = std::filesystem;

// Sets or clears an environment variable for one scope and puts the old value back.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old, had_ = true;
        if (value) setenv(name, value, 1);
        else unsetenv(name);
    }
    ~ScopedEnv() {
        if (had_) setenv(name_.c_str(), old_.c_str(), 1);
        else unsetenv(name_.c_str());
    }

private:
    std::string name_, old_;
    bool had_ = false;
};

class ModelDownloaderTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (test::sharedDir().empty()) GTEST_SKIP() << "../shared (data, weights, fixtures) is not beside the project";
        fixture_ = test::sharedDir() / "fixtures" / "dinov3_tiny";
        ASSERT_TRUE(fs::exists(fixture_ / "model.safetensors"));
        model_ = &ModelCatalogue::get("dinov3-vits16");
        server_ = std::make_unique<test::LoopbackHttpServer>();
        server_->serveRepo(model_->repo, fixture_);
        options_.endpoint = server_->endpoint();
        options_.retryDelayMs = 0;
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = test::scratchDir(std::string("models-") + info->name());
    }

    std::string fixtureSha(const std::string& file) const { return sha256File(fixture_ / file); }
    std::uint64_t fixtureSize(const std::string& file) const { return fs::file_size(fixture_ / file); }
    bool sameBytes(const fs::path& a, const fs::path& b) const { return readFileBytes(a) == readFileBytes(b); }

    FileDownload fetchWeights(const DownloadOptions& options, const Progress& progress = {}) const {
        return ModelDownloader(options).downloadFile(model_->repo, "main", "model.safetensors",
                                                     dir_ / "model.safetensors", progress);
    }

    // Tokens from the environment of whoever runs the tests must not leak into them.
    ScopedEnv noToken_{"HF_TOKEN", nullptr};
    ScopedEnv noHubToken_{"HUGGING_FACE_HUB_TOKEN", nullptr};
    fs::path fixture_;
    const ModelInfo* model_ = nullptr;
    std::unique_ptr<test::LoopbackHttpServer> server_;
    DownloadOptions options_;
    fs::path dir_;
};

TEST_F(ModelDownloaderTest, FullDownloadIsByteIdenticalVerifiedAndThenSkipped) {
    const ModelDownload result = ModelDownloader(options_).download(*model_, dir_);
    ASSERT_EQ(result.files.size(), 2u);
    EXPECT_EQ(result.weights, dir_ / "model.safetensors");
    for (const auto& f : result.files) {
        SCOPED_TRACE(f.file);
        EXPECT_TRUE(sameBytes(dir_ / f.file, fixture_ / f.file));
        EXPECT_EQ(f.bytes, fixtureSize(f.file));
        EXPECT_EQ(f.transferred, f.bytes);
        EXPECT_EQ(f.sha256, fixtureSha(f.file));
        EXPECT_TRUE(f.digestVerified);
        EXPECT_FALSE(f.skipped);
        EXPECT_FALSE(f.resumed);
        EXPECT_FALSE(fs::exists(ModelDownloader::partPath(dir_ / f.file)));
        EXPECT_EQ(ModelDownloader::readDigestRecord(dir_ / f.file), fixtureSha(f.file));
    }
    EXPECT_EQ(readFileBytes(ModelDownloader::digestRecordPath(dir_ / "config.json")),
              fixtureSha("config.json") + "  config.json\n");
    EXPECT_EQ(ModelCatalogue::state(*model_, dir_), ModelState::Present);

    server_->clearRequests();
    const ModelDownload again = ModelDownloader(options_).download(*model_, dir_);
    for (const auto& f : again.files) {
        EXPECT_TRUE(f.skipped);
        EXPECT_EQ(f.transferred, 0u);
    }
    EXPECT_TRUE(server_->requests().empty());
}

TEST_F(ModelDownloaderTest, DroppedConnectionLeavesPartAndNextCallResumesWithRange) {
    const std::uint64_t cut = 300000;
    const std::uint64_t size = fixtureSize("model.safetensors");
    server_->cutResponses(cut, 1);
    DownloadOptions noRetry = options_;
    noRetry.maxRetries = 0;
    try {
        fetchWeights(noRetry);
        FAIL() << "a dropped connection must fail without retries";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("run again to resume"), std::string::npos) << e.what();
    }
    const fs::path part = ModelDownloader::partPath(dir_ / "model.safetensors");
    ASSERT_TRUE(fs::exists(part));
    EXPECT_EQ(fs::file_size(part), cut);
    EXPECT_FALSE(fs::exists(dir_ / "model.safetensors"));
    EXPECT_EQ(ModelCatalogue::state(*model_, dir_), ModelState::Partial);

    server_->clearRequests();
    const FileDownload f = fetchWeights(noRetry);
    EXPECT_TRUE(f.resumed);
    EXPECT_TRUE(f.digestVerified);
    EXPECT_EQ(f.transferred, size - cut);
    EXPECT_EQ(f.sha256, fixtureSha("model.safetensors"));
    EXPECT_TRUE(sameBytes(dir_ / "model.safetensors", fixture_ / "model.safetensors"));
    EXPECT_FALSE(fs::exists(part));
    const auto requests = server_->requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].range, "bytes=300000-");
    EXPECT_EQ(requests[0].status, 206);
    EXPECT_EQ(requests[0].bodyBytes, size - cut);
}

TEST_F(ModelDownloaderTest, RetriesResumeWithinOneCall) {
    server_->cutResponses(250000, 2);
    const FileDownload f = fetchWeights(options_);
    EXPECT_TRUE(f.resumed);
    EXPECT_EQ(f.transferred, fixtureSize("model.safetensors"));
    EXPECT_TRUE(sameBytes(dir_ / "model.safetensors", fixture_ / "model.safetensors"));
    const auto requests = server_->requests();
    ASSERT_EQ(requests.size(), 3u);
    EXPECT_EQ(requests[0].range, "");
    EXPECT_EQ(requests[1].range, "bytes=250000-");
    EXPECT_EQ(requests[2].range, "bytes=500000-");
    EXPECT_EQ(requests[2].status, 206);
}

TEST_F(ModelDownloaderTest, WrongDigestDeletesDownloadAndNamesBothDigests) {
    server_->setWrongDigest(true);
    const std::string announced = sha256Hex("not the file", 12);
    try {
        fetchWeights(options_);
        FAIL() << "a digest mismatch must throw";
    } catch (const Error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("SHA-256 mismatch"), std::string::npos) << what;
        EXPECT_NE(what.find("model.safetensors"), std::string::npos) << what;
        EXPECT_NE(what.find(announced), std::string::npos) << what;
        EXPECT_NE(what.find(fixtureSha("model.safetensors")), std::string::npos) << what;
    }
    EXPECT_FALSE(fs::exists(dir_ / "model.safetensors"));
    EXPECT_FALSE(fs::exists(ModelDownloader::partPath(dir_ / "model.safetensors")));
    EXPECT_FALSE(fs::exists(ModelDownloader::digestRecordPath(dir_ / "model.safetensors")));
}

TEST_F(ModelDownloaderTest, GatedRepoNeedsTokenFromEnvironment) {
    server_->requireToken("hf_loopback_secret");
    try {
        fetchWeights(options_);
        FAIL() << "a gated repo without a token must throw";
    } catch (const Error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("401"), std::string::npos) << what;
        EXPECT_NE(what.find("HF_TOKEN"), std::string::npos) << what;
        EXPECT_NE(what.find("gated"), std::string::npos) << what;
        EXPECT_NE(what.find(server_->endpoint() + "/" + model_->repo), std::string::npos) << what;
    }
    EXPECT_FALSE(fs::exists(ModelDownloader::partPath(dir_ / "model.safetensors")));
    {
        ScopedEnv token("HF_TOKEN", "wrong");
        try {
            fetchWeights(options_);
            FAIL() << "a wrong token must throw";
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find("refused"), std::string::npos) << e.what();
        }
    }
    ScopedEnv token("HF_TOKEN", "hf_loopback_secret");
    const FileDownload f = fetchWeights(options_);
    EXPECT_TRUE(f.digestVerified);
    EXPECT_TRUE(sameBytes(dir_ / "model.safetensors", fixture_ / "model.safetensors"));
    EXPECT_EQ(server_->requests().back().authorization, "Bearer hf_loopback_secret");
}

TEST_F(ModelDownloaderTest, LegacyTokenVariableAndExplicitOption) {
    server_->requireToken("hf_other");
    {
        ScopedEnv token("HUGGING_FACE_HUB_TOKEN", "hf_other");
        EXPECT_TRUE(ModelDownloader(options_).hasToken());
        EXPECT_NO_THROW(fetchWeights(options_));
    }
    fs::remove(dir_ / "model.safetensors");
    fs::remove(ModelDownloader::digestRecordPath(dir_ / "model.safetensors"));
    DownloadOptions withToken = options_;
    withToken.token = "hf_other";
    EXPECT_NO_THROW(fetchWeights(withToken));
}

TEST_F(ModelDownloaderTest, NotFoundNamesTheUrl) {
    ModelDownloader downloader(options_);
    const std::string url = downloader.url(model_->repo, "main", "pytorch_model.bin");
    EXPECT_EQ(url, server_->endpoint() + "/" + model_->repo + "/resolve/main/pytorch_model.bin");
    try {
        downloader.downloadFile(model_->repo, "main", "pytorch_model.bin", dir_ / "pytorch_model.bin");
        FAIL() << "a missing file must throw";
    } catch (const Error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("404"), std::string::npos) << what;
        EXPECT_NE(what.find(url), std::string::npos) << what;
    }
    EXPECT_FALSE(fs::exists(dir_ / "pytorch_model.bin"));
    EXPECT_FALSE(fs::exists(ModelDownloader::partPath(dir_ / "pytorch_model.bin")));
}

TEST_F(ModelDownloaderTest, CancelKeepsPartForResume) {
    server_->setRateLimit(2 * 1024 * 1024);  // ~0.5 s for the 1 MB fixture
    Progress progress;
    std::size_t cancelledAt = 0;
    progress.onStep = [&](const std::string& stage, std::size_t done, std::size_t total) {
        EXPECT_EQ(stage, "Fetching model.safetensors");
        EXPECT_EQ(total, fixtureSize("model.safetensors"));
        if (done > 100000 && !progress.cancel.cancelled()) {
            cancelledAt = done;
            progress.cancel.cancel();
        }
    };
    EXPECT_THROW(fetchWeights(options_, progress), Cancelled);
    const fs::path part = ModelDownloader::partPath(dir_ / "model.safetensors");
    ASSERT_TRUE(fs::exists(part));
    EXPECT_GE(fs::file_size(part), cancelledAt);
    EXPECT_LT(fs::file_size(part), fixtureSize("model.safetensors"));
    EXPECT_FALSE(fs::exists(dir_ / "model.safetensors"));

    server_->setRateLimit(0);
    const std::uint64_t kept = fs::file_size(part);
    const FileDownload f = fetchWeights(options_);
    EXPECT_TRUE(f.resumed);
    EXPECT_EQ(f.transferred, fixtureSize("model.safetensors") - kept);
    EXPECT_TRUE(sameBytes(dir_ / "model.safetensors", fixture_ / "model.safetensors"));
}

TEST_F(ModelDownloaderTest, HubStyleRedirectKeepsDigestAndDropsTokenOnOtherHost) {
    // Digest headers only on the 302 from the hub host; the bytes come from "localhost", another
    // host name for libcurl, which must not receive the token.
    server_->setRedirectHost("localhost");
    server_->requireToken("hf_redirect");
    DownloadOptions withToken = options_;
    withToken.token = "hf_redirect";
    const FileDownload f = fetchWeights(withToken);
    EXPECT_TRUE(f.digestVerified);
    EXPECT_TRUE(sameBytes(dir_ / "model.safetensors", fixture_ / "model.safetensors"));
    const auto requests = server_->requests();
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(requests[0].status, 302);
    EXPECT_EQ(requests[0].authorization, "Bearer hf_redirect");
    EXPECT_EQ(requests[1].target.rfind("/cdn/", 0), 0u);
    EXPECT_EQ(requests[1].authorization, "");

    // A resume through the redirect: the Range goes to the CDN.
    fs::remove(dir_ / "model.safetensors");
    fs::remove(ModelDownloader::digestRecordPath(dir_ / "model.safetensors"));
    server_->clearRequests();
    server_->cutResponses(123456, 1);
    const FileDownload resumed = fetchWeights(withToken);
    EXPECT_TRUE(resumed.resumed);
    EXPECT_TRUE(resumed.digestVerified);
    const auto again = server_->requests();
    ASSERT_EQ(again.size(), 4u);
    EXPECT_EQ(again[3].range, "bytes=123456-");
    EXPECT_EQ(again[3].status, 206);
}

TEST_F(ModelDownloaderTest, SmallGitFileIsCheckedBySizeOnly) {
    server_->setLfsThreshold(4096);
    const ModelDownload result = ModelDownloader(options_).download(*model_, dir_);
    ASSERT_EQ(result.files.size(), 2u);
    EXPECT_EQ(result.files[0].file, "config.json");
    EXPECT_FALSE(result.files[0].digestVerified);  // its ETag is not a SHA-256
    EXPECT_EQ(result.files[0].sha256, fixtureSha("config.json"));
    EXPECT_TRUE(result.files[1].digestVerified);
    EXPECT_EQ(ModelCatalogue::state(*model_, dir_), ModelState::Present);
}

TEST_F(ModelDownloaderTest, ServerIgnoringRangeRestartsFromZero) {
    server_->setIgnoreRange(true);
    writeFileAtomic(ModelDownloader::partPath(dir_ / "model.safetensors"), std::string(5000, 'x'));
    const FileDownload f = fetchWeights(options_);
    EXPECT_FALSE(f.resumed);
    EXPECT_EQ(server_->requests().at(0).range, "bytes=5000-");
    EXPECT_EQ(server_->requests().at(0).status, 200);
    EXPECT_TRUE(sameBytes(dir_ / "model.safetensors", fixture_ / "model.safetensors"));
}

TEST_F(ModelDownloaderTest, CompletePartIsVerifiedAfter416) {
    fs::copy_file(fixture_ / "model.safetensors", ModelDownloader::partPath(dir_ / "model.safetensors"));
    const FileDownload f = fetchWeights(options_);
    EXPECT_EQ(f.transferred, 0u);
    EXPECT_TRUE(f.digestVerified);
    EXPECT_EQ(server_->requests().at(0).status, 416);
    EXPECT_TRUE(sameBytes(dir_ / "model.safetensors", fixture_ / "model.safetensors"));
}

TEST_F(ModelDownloaderTest, ForeignPartWithWrongBytesFailsDigest) {
    // A .part whose first bytes are not the file's: resume appends the rest, the digest catches it.
    std::string wrong = readFileBytes(fixture_ / "model.safetensors").substr(0, 4096);
    wrong[100] ^= 1;
    writeFileAtomic(ModelDownloader::partPath(dir_ / "model.safetensors"), wrong);
    EXPECT_THROW(fetchWeights(options_), Error);
    EXPECT_FALSE(fs::exists(dir_ / "model.safetensors"));
    EXPECT_FALSE(fs::exists(ModelDownloader::partPath(dir_ / "model.safetensors")));
    // ... and the next call starts over and succeeds.
    EXPECT_EQ(fetchWeights(options_).sha256, fixtureSha("model.safetensors"));
}

TEST_F(ModelDownloaderTest, ProgressReportsBytesOfBothStages) {
    std::vector<std::string> stages;
    std::size_t lastDone = 0, lastTotal = 0;
    Progress progress;
    progress.onStep = [&](const std::string& stage, std::size_t done, std::size_t total) {
        if (stages.empty() || stages.back() != stage) stages.push_back(stage);
        lastDone = done;
        lastTotal = total;
    };
    fetchWeights(options_, progress);
    ASSERT_EQ(stages.size(), 2u);
    EXPECT_EQ(stages[0], "Fetching model.safetensors");
    EXPECT_EQ(stages[1], "Verifying model.safetensors");
    EXPECT_EQ(lastDone, fixtureSize("model.safetensors"));
    EXPECT_EQ(lastTotal, fixtureSize("model.safetensors"));
}

TEST(ModelDownloaderStatics, EndpointTokenAndEtag) {
    {
        ScopedEnv endpoint("HF_ENDPOINT", nullptr);
        EXPECT_EQ(ModelDownloader::resolveEndpoint(""), "https://huggingface.co");
        EXPECT_EQ(ModelDownloader::resolveEndpoint("http://mirror.local/"), "http://mirror.local");
    }
    {
        ScopedEnv endpoint("HF_ENDPOINT", "https://hf-mirror.example");
        EXPECT_EQ(ModelDownloader::resolveEndpoint(""), "https://hf-mirror.example");
        EXPECT_EQ(ModelDownloader::resolveEndpoint("http://x"), "http://x");
        EXPECT_EQ(ModelDownloader().url("org/m", "refs/pr/1", "sub dir/model.safetensors"),
                  "https://hf-mirror.example/org/m/resolve/refs%2Fpr%2F1/sub%20dir/model.safetensors");
    }
    {
        ScopedEnv a("HF_TOKEN", nullptr);
        ScopedEnv b("HUGGING_FACE_HUB_TOKEN", "legacy");
        EXPECT_EQ(ModelDownloader::resolveToken(""), "legacy");
        ScopedEnv c("HF_TOKEN", "hf_new\n");
        EXPECT_EQ(ModelDownloader::resolveToken(""), "hf_new");
        EXPECT_EQ(ModelDownloader::resolveToken("explicit"), "explicit");
    }
    const std::string sha = sha256Hex("x", 1);
    EXPECT_EQ(ModelDownloader::sha256FromEtag("\"" + sha + "\""), sha);
    EXPECT_EQ(ModelDownloader::sha256FromEtag("W/\"" + sha + "\""), sha);
    std::string upper = sha;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_EQ(ModelDownloader::sha256FromEtag(upper), sha);
    EXPECT_EQ(ModelDownloader::sha256FromEtag("\"" + sha.substr(0, 40) + "\""), "");  // a git blob sha1
    EXPECT_EQ(ModelDownloader::sha256FromEtag(""), "");
}

}  // namespace
}  // namespace pb
