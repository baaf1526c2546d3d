// End to end: a ViT-S/16-shaped DINOv3 model with random weights, written as HF model.safetensors +
// config.json, evaluated by patchbank-cli on a tiny MVTec-layout copy of the bottle category.
#include <gtest/gtest.h>

#include <fstream>

#include "engine/io/Safetensors.h"
#include "tests/engine/TestData.h"
#include "tests/engine/cli/CliRunner.h"

namespace {

namespace fs = std::filesystem;

// HF DINOv3ViTModel names and shapes of ViT-S/16 (384 wide, 12 blocks, 6 heads, MLP 1536, 4 registers),
// written out here independently of the engine, with small random values.
void writeVitS16(const fs::path& dir) {
    const int64_t C = 384, I = 1536, L = 12;
    pb::SafetensorsWriter w;
    std::uint32_t state = 12345;
    auto add = [&](const std::string& name, std::vector<int64_t> shape, float scale, float offset = 0.0f) {
        int64_t n = 1;
        for (auto d : shape) n *= d;
        std::vector<float> v(static_cast<std::size_t>(n));
        for (auto& x : v) {
            state = state * 1664525u + 1013904223u;  // LCG: fast enough for 22M values
            x = offset + scale * (static_cast<float>(state >> 8) / 16777216.0f * 2.0f - 1.0f);
        }
        w.addFloat32(name, shape, v.data());
    };
    add("embeddings.cls_token", {1, 1, C}, 1.0f);
    add("embeddings.mask_token", {1, 1, C}, 1.0f);
    add("embeddings.register_tokens", {1, 4, C}, 1.0f);
    add("embeddings.patch_embeddings.weight", {C, 3, 16, 16}, 0.05f);
    add("embeddings.patch_embeddings.bias", {C}, 0.02f);
    for (int64_t i = 0; i < L; ++i) {
        const std::string p = "layer." + std::to_string(i) + ".";
        add(p + "norm1.weight", {C}, 0.1f, 1.0f);
        add(p + "norm1.bias", {C}, 0.02f);
        add(p + "attention.q_proj.weight", {C, C}, 0.08f);
        add(p + "attention.q_proj.bias", {C}, 0.02f);
        add(p + "attention.k_proj.weight", {C, C}, 0.08f);
        add(p + "attention.v_proj.weight", {C, C}, 0.05f);
        add(p + "attention.v_proj.bias", {C}, 0.02f);
        add(p + "attention.o_proj.weight", {C, C}, 0.05f);
        add(p + "attention.o_proj.bias", {C}, 0.02f);
        add(p + "layer_scale1.lambda1", {C}, 0.05f, 0.1f);
        add(p + "norm2.weight", {C}, 0.1f, 1.0f);
        add(p + "norm2.bias", {C}, 0.02f);
        add(p + "mlp.up_proj.weight", {I, C}, 0.05f);
        add(p + "mlp.up_proj.bias", {I}, 0.02f);
        add(p + "mlp.down_proj.weight", {C, I}, 0.025f);
        add(p + "mlp.down_proj.bias", {C}, 0.02f);
        add(p + "layer_scale2.lambda1", {C}, 0.05f, 0.1f);
    }
    add("norm.weight", {C}, 0.1f, 1.0f);
    add("norm.bias", {C}, 0.02f);
    w.save(dir / "model.safetensors");
    std::ofstream(dir / "config.json") << R"({"architectures": ["DINOv3ViTModel"], "model_type": "dinov3_vit",
  "hidden_size": 384, "num_hidden_layers": 12, "num_attention_heads": 6, "intermediate_size": 1536,
  "patch_size": 16, "num_channels": 3, "image_size": 224, "num_register_tokens": 4, "rope_theta": 100.0,
  "layer_norm_eps": 1e-05, "layerscale_value": 1.0, "use_gated_mlp": false, "hidden_act": "gelu",
  "query_bias": true, "key_bias": false, "value_bias": true, "proj_bias": true, "mlp_bias": true})";
}

// bottle/{train/good: 3, test/good: 2, test/broken_large: 2 + masks} as symlinks to the real images.
fs::path tinyBottle(const fs::path& root) {
    const fs::path src = pb::test::sharedDir() / "data/mvtec_ad/bottle";
    const fs::path dst = root / "bottle";
    auto link = [&](const std::string& from, const std::string& to) {
        fs::create_directories((dst / to).parent_path());
        fs::create_symlink(src / from, dst / to);
    };
    for (const char* n : {"000", "001", "002"}) link(std::string("train/good/") + n + ".png", std::string("train/good/") + n + ".png");
    for (const char* n : {"000", "001"}) link(std::string("test/good/") + n + ".png", std::string("test/good/") + n + ".png");
    for (const char* n : {"000", "001"}) {
        link(std::string("test/broken_large/") + n + ".png", std::string("test/broken_large/") + n + ".png");
        link(std::string("ground_truth/broken_large/") + n + "_mask.png",
             std::string("ground_truth/broken_large/") + n + "_mask.png");
    }
    return root;
}

TEST(VitCli, EvaluatesWithADinov3VitS16) {
    PB_REQUIRE_SHARED();
    const fs::path dir = pb::test::scratchDir("vit-cli");
    fs::create_directories(dir / "model");
    writeVitS16(dir / "model");
    const fs::path data = tinyBottle(dir / "data");
    const fs::path out = dir / "out";
    const auto run = pb::test::runCli("evaluate --quiet --data " + data.string() + " --backbone dinov3 --weights " +
                                      (dir / "model/model.safetensors").string() +
                                      " --resolution 448 --layer -6 --no-images --no-cache --threads 2 --out " +
                                      out.string());
    ASSERT_EQ(run.exitCode, 0) << run.output;
    ASSERT_TRUE(fs::exists(out / "metrics.csv")) << run.output;
    const auto rows = pb::test::readSimpleCsv(out / "metrics.csv");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].at("n_train"), "3");
    EXPECT_EQ(rows[0].at("n_test"), "4");
    EXPECT_EQ(rows[0].at("eval_resolution"), "448x448");
    const auto scores = pb::test::readSimpleCsv(out / "scores.csv");
    EXPECT_EQ(scores.size(), 4u);

    // A preset, overridden by explicit options (a small input keeps this run short); flags without
    // values next to each other must not swallow one another.
    const auto meds = pb::test::runCli("evaluate --quiet --data " + data.string() + " --backbone dinov3 --weights " +
                                       (dir / "model/model.safetensors").string() +
                                       " --preset meds --resolution 64 --crop 48 --final-norm --l2-normalize "
                                       "--no-images --no-cache --out " + (dir / "out-meds").string());
    ASSERT_EQ(meds.exitCode, 0) << meds.output;
    const auto medsRows = pb::test::readSimpleCsv(dir / "out-meds" / "metrics.csv");
    ASSERT_EQ(medsRows.size(), 1u);
    EXPECT_NE(medsRows[0].at("backbone").find("block=11 norm=1 l2=1 precision=fp32"), std::string::npos)
        << medsRows[0].at("backbone");

    for (const std::string bad : {"--preset bogus", "--layer -6 --layers 3", "--resolution 448 --crop 500",
                                  "--precision fp8", "--final-norm=maybe"}) {
        const auto r = pb::test::runCli("evaluate --quiet --data " + data.string() + " --backbone dinov3 --weights " +
                                        (dir / "model/model.safetensors").string() + " " + bad +
                                        " --no-cache --out " + (dir / "out3").string());
        EXPECT_NE(r.exitCode, 0) << bad;
        EXPECT_NE(r.output.find("error"), std::string::npos) << bad << ": " << r.output;
    }

    // A wrong block index is reported with the model's size.
    const auto bad = pb::test::runCli("evaluate --quiet --data " + data.string() + " --backbone dinov3 --weights " +
                                      (dir / "model/model.safetensors").string() + " --layer -13 --no-cache --out " +
                                      (dir / "out2").string());
    EXPECT_NE(bad.exitCode, 0);
    EXPECT_NE(bad.output.find("12 blocks"), std::string::npos) << bad.output;
}

}  // namespace
