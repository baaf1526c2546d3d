// The model catalogue: names, hub ids, licences, the models folder and what counts as downloaded.
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

#include "TestData.h"
#include "engine/io/AtomicFile.h"
#include "engine/models/ModelCatalogue.h"
#include "engine/models/ModelDownloader.h"
#include "engine/util/Error.h"

namespace pb {
namespace {

namespace fs = std::filesystem;

TEST(ModelCatalogue, KnowsTheModelsOfThePapers) {
    const std::set<std::string> wanted = {"dinov3-vits16",     "dinov3-vits16plus", "dinov3-vitb16",
                                          "dinov3-vitl16",     "dinov3-vith16plus", "dinov2-vits14-reg",
                                          "dinov2-vitb14-reg", "dinov2-vitl14-reg", "dinov2-vitb14",
                                          "dinov2-vitl14",     "clip-vit-l14"};
    std::set<std::string> names;
    for (const auto& m : ModelCatalogue::all()) {
        SCOPED_TRACE(m.name);
        EXPECT_TRUE(names.insert(m.name).second) << "duplicate name";
        EXPECT_TRUE(m.backbone == "dinov3" || m.backbone == "dinov2" || m.backbone == "clip_vit");
        EXPECT_EQ(m.revision, "main");
        EXPECT_EQ(m.files, (std::vector<std::string>{"config.json", "model.safetensors"}));
        EXPECT_NE(m.repo.find('/'), std::string::npos);
        EXPECT_FALSE(m.description.empty());
        EXPECT_EQ(m.gated, m.backbone == "dinov3");
        if (m.gated) EXPECT_NE(m.licence.find("HF_TOKEN"), std::string::npos);
    }
    EXPECT_EQ(names, wanted);
    EXPECT_EQ(ModelCatalogue::get("dinov3-vitl16").repo, "facebook/dinov3-vitl16-pretrain-lvd1689m");
    EXPECT_EQ(ModelCatalogue::get("dinov2-vitb14-reg").repo, "facebook/dinov2-with-registers-base");
    EXPECT_EQ(ModelCatalogue::get("dinov2-vitl14").repo, "facebook/dinov2-large");
    EXPECT_EQ(ModelCatalogue::get("clip-vit-l14").repo, "openai/clip-vit-large-patch14");
    EXPECT_EQ(ModelCatalogue::get("clip-vit-l14").licence, "MIT");
    EXPECT_EQ(ModelCatalogue::get("dinov2-vitb14").licence, "Apache-2.0");
    EXPECT_FALSE(ModelCatalogue::get("dinov3-vitl16").paper.empty());
    EXPECT_FALSE(ModelCatalogue::get("dinov2-vitb14-reg").paper.empty());
}

TEST(ModelCatalogue, UnknownNameListsKnownOnes) {
    EXPECT_EQ(ModelCatalogue::find("resnet-9000"), nullptr);
    try {
        ModelCatalogue::get("resnet-9000");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("resnet-9000"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("dinov3-vitl16"), std::string::npos);
    }
}

TEST(ModelCatalogue, ModelsRootFollowsEnvironment) {
    const auto save = [](const char* n) { const char* v = std::getenv(n); return v ? std::string(v) : std::string("\x01"); };
    const auto restore = [](const char* n, const std::string& v) {
        if (v == "\x01") unsetenv(n);
        else setenv(n, v.c_str(), 1);
    };
    const std::string models = save("PATCHBANK_MODELS_DIR"), xdg = save("XDG_CACHE_HOME"), home = save("HOME");
    unsetenv("PATCHBANK_MODELS_DIR");
    unsetenv("XDG_CACHE_HOME");
    setenv("HOME", "/home/someone", 1);
    EXPECT_EQ(ModelCatalogue::modelsRoot(), fs::path("/home/someone/.cache/patchbank/models"));
    setenv("XDG_CACHE_HOME", "/var/cache/x", 1);
    EXPECT_EQ(ModelCatalogue::modelsRoot(), fs::path("/var/cache/x/patchbank/models"));
    setenv("PATCHBANK_MODELS_DIR", "/models", 1);
    EXPECT_EQ(ModelCatalogue::modelsRoot(), fs::path("/models"));
    const ModelInfo& m = ModelCatalogue::get("dinov2-vitb14");
    EXPECT_EQ(ModelCatalogue::defaultDir(m), fs::path("/models/dinov2-vitb14"));
    EXPECT_EQ(ModelCatalogue::cliFlags(m, "/models/dinov2-vitb14"),
              "--backbone dinov2 --weights /models/dinov2-vitb14/model.safetensors");
    EXPECT_EQ(ModelCatalogue::cliFlags(m, "/my models/it's"),
              "--backbone dinov2 --weights '/my models/it'\\''s/model.safetensors'");
    restore("PATCHBANK_MODELS_DIR", models);
    restore("XDG_CACHE_HOME", xdg);
    restore("HOME", home);
}

TEST(ModelCatalogue, StateOfAFolder) {
    const ModelInfo& m = ModelCatalogue::get("dinov3-vits16");
    const fs::path dir = test::scratchDir("models-state");
    EXPECT_EQ(ModelCatalogue::state(m, dir), ModelState::Missing);
    EXPECT_EQ(ModelCatalogue::state(m, dir / "absent"), ModelState::Missing);
    writeFileAtomic(ModelDownloader::partPath(dir / "model.safetensors"), std::string("abc"));
    EXPECT_EQ(ModelCatalogue::state(m, dir), ModelState::Partial);
    writeFileAtomic(dir / "model.safetensors", std::string("abc"));
    EXPECT_EQ(ModelCatalogue::state(m, dir), ModelState::Partial);  // config.json missing
    writeFileAtomic(dir / "config.json", std::string("{}"));
    EXPECT_EQ(ModelCatalogue::state(m, dir), ModelState::Unverified);
    const std::string digest(64, 'a');
    writeFileAtomic(ModelDownloader::digestRecordPath(dir / "model.safetensors"), digest + "  model.safetensors\n");
    EXPECT_EQ(ModelCatalogue::state(m, dir), ModelState::Unverified);
    writeFileAtomic(ModelDownloader::digestRecordPath(dir / "config.json"), std::string("not a digest\n"));
    EXPECT_EQ(ModelCatalogue::state(m, dir), ModelState::Unverified);
    writeFileAtomic(ModelDownloader::digestRecordPath(dir / "config.json"), digest + "  config.json\n");
    EXPECT_EQ(ModelCatalogue::state(m, dir), ModelState::Present);
    EXPECT_EQ(ModelCatalogue::stateName(ModelState::Present), "present");
    EXPECT_EQ(ModelDownloader::readDigestRecord(dir / "config.json"), digest);
}

}  // namespace
}  // namespace pb
