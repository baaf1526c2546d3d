// `patchbank-cli models list|fetch|path` as a user runs them, against the loopback hub.
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>

#include "LoopbackHttpServer.h"
#include "TestData.h"
#include "cli/CliRunner.h"
#include "engine/io/AtomicFile.h"
#include "engine/models/ModelCatalogue.h"

namespace pb {
namespace {

namespace fs = std::filesystem;

// The child process inherits the environment: point its models folder at scratch space and give
// it only the token a test sets.
class ModelsCommandTest : public ::testing::Test {
protected:
    void SetUp() override {
        save("PATCHBANK_MODELS_DIR");
        save("HF_TOKEN");
        save("HUGGING_FACE_HUB_TOKEN");
        save("HF_ENDPOINT");
        unsetenv("HF_TOKEN");
        unsetenv("HUGGING_FACE_HUB_TOKEN");
        unsetenv("HF_ENDPOINT");
        root_ = test::scratchDir("models-cli");
        setenv("PATCHBANK_MODELS_DIR", root_.c_str(), 1);
    }
    void TearDown() override {
        for (const auto& [name, value] : saved_) {
            if (value) setenv(name.c_str(), value->c_str(), 1);
            else unsetenv(name.c_str());
        }
    }
    void save(const std::string& name) {
        const char* v = std::getenv(name.c_str());
        saved_.emplace_back(name, v ? std::optional<std::string>(v) : std::nullopt);
    }

    fs::path root_;
    std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

TEST_F(ModelsCommandTest, ListShowsCatalogueAndLocalState) {
    const auto run = test::runCli("models list");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    for (const auto& m : ModelCatalogue::all()) {
        EXPECT_NE(run.output.find(m.name), std::string::npos) << m.name;
        EXPECT_NE(run.output.find(m.repo), std::string::npos) << m.repo;
    }
    EXPECT_NE(run.output.find("missing"), std::string::npos);
    EXPECT_EQ(run.output.find("present"), std::string::npos);
    EXPECT_NE(run.output.find(root_.string()), std::string::npos);
}

TEST_F(ModelsCommandTest, FetchDownloadsVerifiesAndPrintsFlags) {
    PB_REQUIRE_SHARED();
    const fs::path fixture = test::sharedDir() / "fixtures" / "dinov3_tiny";
    const ModelInfo& model = ModelCatalogue::get("dinov3-vits16");
    test::LoopbackHttpServer server;
    server.serveRepo(model.repo, fixture);
    server.requireToken("hf_cli_token");

    // Without a token: a clear refusal and nothing in place.
    auto run = test::runCli("models fetch dinov3-vits16 --endpoint " + server.endpoint());
    EXPECT_EQ(run.exitCode, 1) << run.output;
    EXPECT_NE(run.output.find("HF_TOKEN"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("gated"), std::string::npos) << run.output;

    // With it, through HF_ENDPOINT this time, into the default folder.
    setenv("HF_TOKEN", "hf_cli_token", 1);
    setenv("HF_ENDPOINT", server.endpoint().c_str(), 1);
    server.cutResponses(400000, 1);  // one drop, resumed by the CLI's retries
    run = test::runCli("models fetch dinov3-vits16");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const fs::path dir = root_ / "dinov3-vits16";
    EXPECT_EQ(readFileBytes(dir / "model.safetensors"), readFileBytes(fixture / "model.safetensors"));
    EXPECT_EQ(readFileBytes(dir / "config.json"), readFileBytes(fixture / "config.json"));
    EXPECT_NE(run.output.find("--backbone dinov3 --weights " + (dir / "model.safetensors").string()), std::string::npos)
        << run.output;
    EXPECT_NE(run.output.find("SHA-256 verified (resumed)"), std::string::npos) << run.output;
    bool sawRange = false;
    for (const auto& r : server.requests()) sawRange = sawRange || (r.range == "bytes=400000-" && r.status == 206);
    EXPECT_TRUE(sawRange);

    run = test::runCli("models list --verbose");
    EXPECT_NE(run.output.find("present"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("Memory-Distilled Selection"), std::string::npos);

    run = test::runCli("models path dinov3-vits16");
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_EQ(run.output, dir.string() + "\n");

    // --dir and --quiet: only the flags on stdout. The copy in the default folder is not looked at.
    const fs::path other = root_ / "elsewhere";
    run = test::runCli("models fetch dinov3-vits16 --quiet --dir " + other.string() + " --endpoint " + server.endpoint());
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_EQ(run.output, "--backbone dinov3 --weights " + (other / "model.safetensors").string() + "\n");
    EXPECT_EQ(readFileBytes(other / "model.safetensors"), readFileBytes(fixture / "model.safetensors"));
}

TEST_F(ModelsCommandTest, BadArguments) {
    auto run = test::runCli("models fetch no-such-model");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.output.find("unknown model 'no-such-model'"), std::string::npos) << run.output;
    run = test::runCli("models frobnicate");
    EXPECT_EQ(run.exitCode, 1);
    run = test::runCli("models fetch dinov2-vitb14 --endpoint http://127.0.0.1:9 --retries 0");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.output.find("cannot download http://127.0.0.1:9/facebook/dinov2-base/resolve/main/config.json"),
              std::string::npos)
        << run.output;
}

}  // namespace
}  // namespace pb
