#include "engine/backbone/VisionTransformer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>

#include "engine/io/Safetensors.h"
#include "engine/util/Error.h"
#include "engine/util/Threads.h"
#include "tests/engine/TestData.h"

namespace {

namespace fs = std::filesystem;

fs::path fixture(const std::string& name) { return pb::test::sharedDir() / "fixtures" / name; }

// An NCHW float32 tensor of a safetensors file as one FloatImage per batch item.
std::vector<pb::FloatImage> imagesOf(const pb::SafetensorsFile& file, const std::string& name) {
    const pb::TensorInfo& info = file.info(name);
    const std::vector<float> v = file.toFloat32(name);
    const int n = static_cast<int>(info.shape[0]);
    std::vector<pb::FloatImage> images(static_cast<std::size_t>(n));
    const std::size_t per = v.size() / static_cast<std::size_t>(n);
    for (int i = 0; i < n; ++i) {
        pb::FloatImage& im = images[static_cast<std::size_t>(i)];
        im.channels = static_cast<int>(info.shape[1]);
        im.height = static_cast<int>(info.shape[2]);
        im.width = static_cast<int>(info.shape[3]);
        im.data.assign(v.begin() + static_cast<std::ptrdiff_t>(i * per), v.begin() + static_cast<std::ptrdiff_t>((i + 1) * per));
    }
    return images;
}

// Max |a - b| after checking that the shapes agree.
double maxDiff(const pb::TokenTensor& got, const pb::SafetensorsFile& expected, const std::string& name) {
    const pb::TensorInfo& info = expected.info(name);
    EXPECT_EQ(info.shape, (std::vector<int64_t>{got.batch, got.tokens, got.dim})) << name;
    const std::vector<float> want = expected.toFloat32(name);
    if (want.size() != got.data.size()) return INFINITY;
    double m = 0;
    for (std::size_t i = 0; i < want.size(); ++i) m = std::max(m, std::abs(double(want[i]) - double(got.data[i])));
    return m;
}

double maxDiff(const std::vector<float>& got, const std::vector<float>& want) {
    EXPECT_EQ(got.size(), want.size());
    if (got.size() != want.size()) return INFINITY;
    double m = 0;
    for (std::size_t i = 0; i < got.size(); ++i) m = std::max(m, std::abs(double(want[i]) - double(got[i])));
    return m;
}

pb::BackboneOptions optionsFor(const fs::path& dir, const std::string& name) {
    pb::BackboneOptions o;
    o.name = name;
    o.weightsPath = (dir / "model.safetensors").string();
    return o;
}

constexpr double kTolerance = 1e-4;  // the fixtures' README: every known mistake is >= 4.7x above it

// Runs both inputs of a fixture through trace() and compares every hidden state.
void checkParity(const std::string& fixtureName, const std::string& backbone, bool fastGemm) {
    pb::VisionTransformer::setFastCpuGemmEnabled(fastGemm);
    const fs::path dir = fixture(fixtureName);
    pb::VisionTransformer vit(optionsFor(dir, backbone));
    const auto expected = pb::SafetensorsFile::open(dir / "expected.safetensors");
    for (const std::string input : {"a", "b"}) {
        const pb::VitTrace t = vit.trace(imagesOf(expected, input + ".input"));
        double worstBlock = 0;
        const double emb = maxDiff(t.embeddings, expected, input + ".embeddings");
        ASSERT_EQ(t.blocks.size(), 4u);
        for (int i = 0; i < 4; ++i) {
            const double d = maxDiff(t.blocks[static_cast<std::size_t>(i)], expected, input + ".block." + std::to_string(i));
            EXPECT_LT(d, kTolerance) << fixtureName << " " << input << " block " << i;
            worstBlock = std::max(worstBlock, d);
        }
        const double last = maxDiff(t.finalNorm, expected, input + ".last_hidden_state");
        EXPECT_LT(emb, kTolerance) << fixtureName << " " << input << " embeddings";
        EXPECT_LT(last, kTolerance) << fixtureName << " " << input << " last_hidden_state";
        std::printf("[parity] %s input %s (%s): embeddings %.3g, blocks %.3g, last_hidden_state %.3g\n",
                    fixtureName.c_str(), input.c_str(), fastGemm ? "oneDNN sgemm" : "LibTorch ops", emb, worstBlock, last);
    }
    pb::VisionTransformer::setFastCpuGemmEnabled(true);
}

TEST(VisionTransformer, Dinov3FixtureParity) {
    PB_REQUIRE_SHARED();
    checkParity("dinov3_tiny", "dinov3", true);
    if (pb::VisionTransformer::fastCpuGemmAvailable()) checkParity("dinov3_tiny", "dinov3", false);
}

TEST(VisionTransformer, Dinov2RegFixtureParity) {
    PB_REQUIRE_SHARED();
    checkParity("dinov2_reg_tiny", "dinov2", true);
    if (pb::VisionTransformer::fastCpuGemmAvailable()) checkParity("dinov2_reg_tiny", "dinov2", false);
}

// Heads run in parallel on the engine's threads (each with its own scratch buffers) or one after
// the other with threaded products: both give the reference, also when called again (buffers reused).
TEST(VisionTransformer, ThreadCountsDoNotChangeTheResult) {
    PB_REQUIRE_SHARED();
    const fs::path dir = fixture("dinov3_tiny");
    pb::VisionTransformer vit(optionsFor(dir, "dinov3"));
    const auto expected = pb::SafetensorsFile::open(dir / "expected.safetensors");
    const auto images = imagesOf(expected, "b.input");  // 2 images x 2 heads = 4 attention jobs
    for (int threads : {2, 1, 3, 2}) {
        pb::setEngineThreads(threads);
        const pb::VitTrace t = vit.trace(images);
        EXPECT_LT(maxDiff(t.finalNorm, expected, "b.last_hidden_state"), kTolerance) << threads << " threads";
        EXPECT_LT(maxDiff(t.blocks[1], expected, "b.block.1"), kTolerance) << threads << " threads";
    }
    pb::setEngineThreads(0);
}

TEST(VisionTransformer, Dinov3RopeTablesMatchTheOriginal) {
    PB_REQUIRE_SHARED();
    const fs::path dir = fixture("dinov3_tiny");
    pb::VisionTransformer vit(optionsFor(dir, "dinov3"));
    const auto expected = pb::SafetensorsFile::open(dir / "expected.safetensors");
    std::vector<float> cosT, sinT;
    vit.ropeTables(6, 8, cosT, sinT);  // input A: 96 x 128
    const double ca = maxDiff(cosT, expected.toFloat32("a.rope_cos")), sa = maxDiff(sinT, expected.toFloat32("a.rope_sin"));
    vit.ropeTables(4, 4, cosT, sinT);  // input B: 64 x 64
    const double cb = maxDiff(cosT, expected.toFloat32("b.rope_cos")), sb = maxDiff(sinT, expected.toFloat32("b.rope_sin"));
    std::printf("[parity] dinov3_tiny rope: cos/sin A %.3g / %.3g, B %.3g / %.3g\n", ca, sa, cb, sb);
    EXPECT_LT(std::max({ca, sa, cb, sb}), 1e-6);
    EXPECT_THROW(vit.positionEmbedding(4, 4), pb::Error);
}

TEST(VisionTransformer, Dinov2PositionEmbeddingInterpolation) {
    PB_REQUIRE_SHARED();
    const fs::path dir = fixture("dinov2_reg_tiny");
    pb::VisionTransformer vit(optionsFor(dir, "dinov2"));
    const auto expected = pb::SafetensorsFile::open(dir / "expected.safetensors");
    const double a = maxDiff(vit.positionEmbedding(6, 5), expected, "a.position_embeddings");  // antialiased bicubic
    const double b = maxDiff(vit.positionEmbedding(4, 4), expected, "b.position_embeddings");  // stored grid
    std::printf("[parity] dinov2_reg_tiny position_embeddings: A (6x5, interpolated) %.3g, B (4x4, stored) %.3g\n", a, b);
    EXPECT_LT(a, 1e-5);
    EXPECT_EQ(b, 0.0);
    std::vector<float> c, s;
    EXPECT_THROW(vit.ropeTables(4, 4, c, s), pb::Error);
}

// The same weights read as a non-register "dinov2" model: the original's interpolate_offset 0.1
// (scale_factor (n + 0.1) / M, plain bicubic), values from torch.nn.functional.interpolate (every 31st).
const std::vector<float> kNonRegPos6x5 = {-0.56924808, 0.710086584, 0.92337352, 0.36791721, 0.813163757, 0.512422681, 1.56109262, 1.73758268, -0.59207809, -0.351131827, -0.146097422, -0.591945946, 0.53825593, -0.874398887, -0.992352307, -0.779514015, 0.057494469, 1.25637329, 0.300191134, -0.19297342, 1.31941462, -1.19034994, 0.125262588, 4.30878162, -1.01626277, 1.6821034, 1.596071, -0.269814759, -0.387363046, 0.776091933, -0.224165484, 0.064587988, 0.364505023, -1.38692224, 0.682504594, -2.52090001, 0.350234866, -0.853074074, 0.987049043, -0.836235821, 0.250425607, -0.437294245, -1.17705679, 1.07009614, -0.425355345, -0.492680848, -0.173049897, 0.422296435, 0.443991691, 0.142030716, -0.0980221108, 0.261804909, -0.69338572, -0.78158319, 1.32501483, 0.66003567, -0.445883363, 0.302138537, 1.29924643, 0.85890311, 0.328034997, 0.796371877, -0.908273816, 0.285886019};

TEST(VisionTransformer, Dinov2WithoutRegistersInterpolatesWithTheOffset) {
    PB_REQUIRE_SHARED();
    const fs::path dir = pb::test::scratchDir("vit-dinov2-noreg");
    fs::copy_file(fixture("dinov2_reg_tiny") / "model.safetensors", dir / "model.safetensors");
    std::ifstream in(fixture("dinov2_reg_tiny") / "config.json");
    std::string config(std::istreambuf_iterator<char>(in), {});
    config.replace(config.find("\"dinov2_with_registers\""), 23, "\"dinov2\"");
    std::ofstream(dir / "config.json") << config;
    pb::VisionTransformer vit(optionsFor(dir, "dinov2"));
    EXPECT_EQ(vit.config().numRegisters, 0);
    const pb::TokenTensor pos = vit.positionEmbedding(6, 5);
    std::vector<float> sampled;
    for (std::size_t i = 0; i < pos.data.size(); i += 31) sampled.push_back(pos.data[i]);
    const double d = maxDiff(sampled, kNonRegPos6x5);
    std::printf("[parity] dinov2 (no registers) position_embeddings 6x5 with offset 0.1: %.3g\n", d);
    EXPECT_LT(d, 1e-5);
    // The stored grid is used as it is, and without registers there are 1 + 16 tokens.
    const auto expected = pb::SafetensorsFile::open(fixture("dinov2_reg_tiny") / "expected.safetensors");
    EXPECT_EQ(maxDiff(vit.positionEmbedding(4, 4), expected, "b.position_embeddings"), 0.0);
    EXPECT_EQ(vit.trace(imagesOf(expected, "b.input")).embeddings.tokens, 17);
}

// extract(): patch tokens of the chosen block, Python-style negative indices, final norm, L2, several blocks.
TEST(VisionTransformer, ExtractTapsTheRequestedBlock) {
    PB_REQUIRE_SHARED();
    const fs::path dir = fixture("dinov3_tiny");
    const auto expected = pb::SafetensorsFile::open(dir / "expected.safetensors");
    const auto images = imagesOf(expected, "b.input");  // 2 images, 4 x 4 patches, 21 tokens
    auto expectTokens = [&](const std::vector<pb::FeatureGrid>& grids, const std::string& name, int offset, int dim) {
        const std::vector<float> want = expected.toFloat32(name);
        ASSERT_EQ(grids.size(), 2u);
        double m = 0;
        for (int b = 0; b < 2; ++b) {
            const pb::FeatureGrid& g = grids[static_cast<std::size_t>(b)];
            ASSERT_EQ(g.height, 4);
            ASSERT_EQ(g.width, 4);
            for (int p = 0; p < 16; ++p)
                for (int c = 0; c < 64; ++c)
                    m = std::max(m, std::abs(double(g.patch(static_cast<std::size_t>(p))[offset + c]) -
                                             want[(static_cast<std::size_t>(b) * 21 + 5 + p) * 64 + c]));
            EXPECT_EQ(g.dim, dim);
        }
        EXPECT_LT(m, kTolerance) << name;
    };
    auto options = optionsFor(dir, "dinov3");
    for (const std::string layer : {"-2", "2"}) {
        options.layers = {layer};
        pb::VisionTransformer vit(options);
        EXPECT_EQ(vit.blocks(), std::vector<int>{2});
        EXPECT_EQ(vit.patchStride(), 16);
        expectTokens(vit.extract(images), "b.block.2", 0, 64);
    }
    options.layers = {};  // default: the last block
    expectTokens(pb::VisionTransformer(options).extract(images), "b.block.3", 0, 64);
    options.layers = {"-1"};
    options.finalNorm = true;
    options.batchSize = 1;  // chunking must not change anything
    expectTokens(pb::VisionTransformer(options).extract(images), "b.last_hidden_state", 0, 64);
    options.finalNorm = false;
    options.layers = {"-4", "-1"};
    const auto both = pb::VisionTransformer(options).extract(images);
    expectTokens(both, "b.block.0", 0, 128);
    expectTokens(both, "b.block.3", 64, 128);

    options.l2Normalize = true;
    options.layers = {"1"};
    pb::VisionTransformer l2(options);
    for (const auto& g : l2.extract(images))
        for (std::size_t p = 0; p < g.patches(); ++p) {
            double n = 0;
            for (int c = 0; c < g.dim; ++c) n += double(g.patch(p)[c]) * g.patch(p)[c];
            EXPECT_NEAR(std::sqrt(n), 1.0, 1e-5);
        }
    // The identity follows the resolved block, so "-3" and "1" share cached features.
    options.layers = {"-3"};
    EXPECT_EQ(pb::VisionTransformer(options).identity(), l2.identity());
    EXPECT_NE(l2.identity().find("weights=sha256:"), std::string::npos);
}

TEST(VisionTransformer, BlockIndicesOutOfRangeAreRejected) {
    PB_REQUIRE_SHARED();
    auto options = optionsFor(fixture("dinov3_tiny"), "dinov3");
    for (const std::string bad : {"-5", "4", "x", "1.5", ""}) {
        options.layers = {bad};
        try {
            pb::VisionTransformer vit(options);
            ADD_FAILURE() << "layer '" << bad << "' was accepted";
        } catch (const pb::Error& e) {
            EXPECT_NE(std::string(e.what()).find("layer"), std::string::npos) << e.what();
        }
    }
    options.layers = {"-1", "3"};
    EXPECT_THROW(pb::VisionTransformer{options}, pb::Error);  // the same block twice
}

TEST(VisionTransformer, Bf16StaysCloseToFloat32) {
    PB_REQUIRE_SHARED();
    const fs::path dir = fixture("dinov3_tiny");
    const auto expected = pb::SafetensorsFile::open(dir / "expected.safetensors");
    auto options = optionsFor(dir, "dinov3");
    options.precision = "bf16";
    pb::VisionTransformer vit(options);
    const pb::VitTrace t = vit.trace(imagesOf(expected, "a.input"));
    const double d = maxDiff(t.finalNorm, expected, "a.last_hidden_state");
    std::printf("[precision] dinov3_tiny bf16 vs float32 reference, last_hidden_state max abs %.3g (values up to ~3.8)\n", d);
    EXPECT_LT(d, 0.05);  // measured 0.015; the README lists attention/RoPE mistakes at >= 0.12
    EXPECT_GT(d, 0.0);  // it really ran in bf16
    options.precision = "fp16";
    EXPECT_THROW(pb::VisionTransformer{options}, pb::Error);  // no fp16 products on the CPU
    options.precision = "fp8";
    EXPECT_THROW(pb::VisionTransformer{options}, pb::Error);
}

TEST(VisionTransformer, FactoryCreatesVitsFromTheirConfig) {
    PB_REQUIRE_SHARED();
    const auto names = pb::knownBackbones();
    for (const char* n : {"dinov3", "dinov2", "clip_vit"})
        EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
    auto options = optionsFor(fixture("dinov2_reg_tiny"), "dinov2");
    const auto b = pb::createBackbone(options);
    EXPECT_EQ(b->name(), "dinov2");
    EXPECT_EQ(b->patchStride(), 14);
    // The name must agree with config.json's model_type.
    options.name = "dinov3";
    try {
        pb::createBackbone(options);
        ADD_FAILURE() << "a dinov2 config was accepted as dinov3";
    } catch (const pb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("config.json"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("dinov2"), std::string::npos) << e.what();
    }
    options.weightsPath.clear();
    EXPECT_THROW(pb::createBackbone(options), pb::Error);  // no weights, no config
}

// ------------------------------------------------------------------ bad files

// Copies a fixture's model into `dir`, letting `edit` drop (return false) or replace tensors.
void copyModel(const fs::path& from, const fs::path& dir,
               const std::function<bool(const std::string&, std::vector<int64_t>&, std::vector<float>&)>& edit) {
    const auto file = pb::SafetensorsFile::open(from / "model.safetensors");
    pb::SafetensorsWriter w;
    for (const auto& t : file.tensors()) {
        std::vector<int64_t> shape = t.shape;
        std::vector<float> v = file.toFloat32(t.name);
        if (!edit(t.name, shape, v)) continue;
        w.addFloat32(t.name, shape, v.data());
    }
    w.save(dir / "model.safetensors");
    fs::copy_file(from / "config.json", dir / "config.json", fs::copy_options::overwrite_existing);
}

std::string errorOf(const pb::BackboneOptions& options) {
    try {
        pb::VisionTransformer vit(options);
    } catch (const pb::Error& e) {
        return e.what();
    }
    return "(no error)";
}

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream out(path);
    out << text;
}

std::string readText(const fs::path& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(VisionTransformer, MissingOrMisshapenTensorsAreNamed) {
    PB_REQUIRE_SHARED();
    const fs::path dir = pb::test::scratchDir("vit-bad-tensors");
    const auto options = optionsFor(dir, "dinov3");
    copyModel(fixture("dinov3_tiny"), dir, [](const std::string& name, auto&, auto&) {
        return name != "layer.2.attention.v_proj.weight";
    });
    std::string e = errorOf(options);
    EXPECT_NE(e.find("layer.2.attention.v_proj.weight"), std::string::npos) << e;
    EXPECT_NE(e.find("missing"), std::string::npos) << e;
    EXPECT_NE(e.find((dir / "model.safetensors").string()), std::string::npos) << e;

    copyModel(fixture("dinov3_tiny"), dir, [](const std::string& name, std::vector<int64_t>& shape, std::vector<float>& v) {
        if (name == "layer.1.mlp.up_proj.weight") {
            shape = {255, 64};
            v.resize(255 * 64);
        }
        return true;
    });
    e = errorOf(options);
    EXPECT_NE(e.find("layer.1.mlp.up_proj.weight"), std::string::npos) << e;
    EXPECT_NE(e.find("[255, 64]"), std::string::npos) << e;
    EXPECT_NE(e.find("[256, 64]"), std::string::npos) << e;

    // A config with fewer blocks than the file: the surplus block is named.
    copyModel(fixture("dinov3_tiny"), dir, [](auto&, auto&, auto&) { return true; });
    std::string config = readText(dir / "config.json");
    const auto at = config.find("\"num_hidden_layers\": 4");
    ASSERT_NE(at, std::string::npos);
    config.replace(at, 22, "\"num_hidden_layers\": 3");
    writeText(dir / "config.json", config);
    e = errorOf(options);
    EXPECT_NE(e.find("unexpected tensor \"layer.3."), std::string::npos) << e;
}

TEST(VisionTransformer, BadConfigsAreNamed) {
    PB_REQUIRE_SHARED();
    const fs::path dir = pb::test::scratchDir("vit-bad-config");
    copyModel(fixture("dinov2_reg_tiny"), dir, [](auto&, auto&, auto&) { return true; });
    const auto options = optionsFor(dir, "dinov2");
    const std::string good = readText(dir / "config.json");
    const std::string where = (dir / "config.json").string();

    writeText(dir / "config.json", good.substr(0, good.size() / 2));
    std::string e = errorOf(options);
    EXPECT_NE(e.find(where), std::string::npos) << e;
    EXPECT_NE(e.find("malformed JSON"), std::string::npos) << e;

    std::string missing = good;
    missing.replace(missing.find("\"hidden_size\""), 13, "\"hidden_sizes\"");
    writeText(dir / "config.json", missing);
    e = errorOf(options);
    EXPECT_NE(e.find(where), std::string::npos) << e;
    EXPECT_NE(e.find("\"hidden_size\""), std::string::npos) << e;

    std::string unknown = good;
    unknown.replace(unknown.find("\"dinov2_with_registers\""), 23, "\"swin\"");
    writeText(dir / "config.json", unknown);
    e = errorOf(options);
    EXPECT_NE(e.find("model_type"), std::string::npos) << e;
    EXPECT_NE(e.find("swin"), std::string::npos) << e;

    std::string wrongType = good;
    wrongType.replace(wrongType.find("\"patch_size\": 14"), 16, "\"patch_size\": \"14\"");
    writeText(dir / "config.json", wrongType);
    e = errorOf(options);
    EXPECT_NE(e.find("\"patch_size\""), std::string::npos) << e;

    // A config that disagrees with the file: the first tensor whose shape differs is named.
    std::string wrongSize = good;
    wrongSize.replace(wrongSize.find("\"mlp_ratio\": 4"), 14, "\"mlp_ratio\": 2");
    writeText(dir / "config.json", wrongSize);
    e = errorOf(options);
    EXPECT_NE(e.find("encoder.layer.0.mlp.fc1.weight"), std::string::npos) << e;
    EXPECT_NE(e.find("[128, 64]"), std::string::npos) << e;

    fs::remove(dir / "config.json");
    e = errorOf(options);
    EXPECT_NE(e.find("config.json"), std::string::npos) << e;

    // An explicit --config path is used instead of the one beside the weights.
    writeText(dir / "other.json", good);
    auto explicitConfig = options;
    explicitConfig.configPath = (dir / "other.json").string();
    EXPECT_NO_THROW(pb::VisionTransformer{explicitConfig});
}

// ------------------------------------------------------------------ configs

TEST(VitConfig, ReadsTheReleasedConfigs) {
    // facebook/dinov3-vitl16-pretrain-lvd1689m
    const auto l = pb::VitConfig::fromJson(R"({"architectures": ["DINOv3ViTModel"], "attention_dropout": 0.0,
        "drop_path_rate": 0.0, "hidden_act": "gelu", "hidden_size": 1024, "image_size": 224, "initializer_range": 0.02,
        "intermediate_size": 4096, "key_bias": false, "layer_norm_eps": 1e-05, "layerscale_value": 1.0,
        "mlp_bias": true, "model_type": "dinov3_vit", "num_attention_heads": 16, "num_channels": 3,
        "num_hidden_layers": 24, "num_register_tokens": 4, "patch_size": 16, "pos_embed_jitter": null,
        "pos_embed_rescale": 2.0, "pos_embed_shift": null, "proj_bias": true, "query_bias": true,
        "rope_theta": 100.0, "torch_dtype": "float32", "use_gated_mlp": false, "value_bias": true})", "config.json");
    EXPECT_EQ(l.family, pb::VitFamily::DinoV3);
    EXPECT_EQ(l.hiddenSize, 1024);
    EXPECT_EQ(l.headDim(), 64);
    EXPECT_EQ(l.numRegisters, 4);
    EXPECT_FALSE(l.keyBias);
    EXPECT_EQ(l.blockIndex("-6", "x"), 18);
    EXPECT_EQ(l.blockIndex("-1", "x"), 23);
    EXPECT_EQ(l.blockIndex("0", "x"), 0);
    EXPECT_THROW(l.blockIndex("24", "x"), pb::Error);
    EXPECT_THROW(l.blockIndex("-25", "x"), pb::Error);
    EXPECT_EQ(l.summary(), pb::VitConfig::dinov3(1024, 24, 16, 4096).summary());

    // A gated (SwiGLU) DINOv3 ViT-S+/16.
    const auto splus = pb::VitConfig::fromJson(R"({"model_type": "dinov3_vit", "hidden_size": 384,
        "num_hidden_layers": 12, "num_attention_heads": 6, "intermediate_size": 1536, "patch_size": 16,
        "num_register_tokens": 4, "use_gated_mlp": true, "hidden_act": "silu"})", "config.json");
    EXPECT_TRUE(splus.gatedMlp);
    EXPECT_EQ(splus.activation, pb::VitActivation::Silu);

    // facebook/dinov2-large (no registers) and dinov2-giant (SwiGLU).
    const auto d2 = pb::VitConfig::fromJson(R"({"model_type": "dinov2", "hidden_size": 1024, "num_hidden_layers": 24,
        "num_attention_heads": 16, "mlp_ratio": 4, "patch_size": 14, "image_size": 518, "layer_norm_eps": 1e-06,
        "qkv_bias": true, "use_swiglu_ffn": false, "hidden_act": "gelu"})", "config.json");
    EXPECT_EQ(d2.intermediateSize, 4096);
    EXPECT_EQ(d2.positionGrid(), 37);
    EXPECT_EQ(d2.numRegisters, 0);
    EXPECT_EQ(d2.posEmbedResize, pb::PosEmbedResize::BicubicOffset);
    const auto giant = pb::VitConfig::fromJson(R"({"model_type": "dinov2", "hidden_size": 1536, "num_hidden_layers": 40,
        "num_attention_heads": 24, "mlp_ratio": 4, "patch_size": 14, "image_size": 518, "use_swiglu_ffn": true})",
                                               "config.json");
    EXPECT_EQ(giant.intermediateSize, 4096);
    EXPECT_TRUE(giant.gatedMlp);

    // openai/clip-vit-large-patch14 (a full CLIPModel config).
    const auto clip = pb::VitConfig::fromJson(R"({"model_type": "clip", "projection_dim": 768,
        "text_config": {"hidden_size": 768}, "vision_config": {"hidden_size": 1024, "intermediate_size": 4096,
        "num_attention_heads": 16, "num_hidden_layers": 24, "patch_size": 14, "image_size": 224,
        "hidden_act": "quick_gelu", "layer_norm_eps": 1e-05, "model_type": "clip_vision_model"}})", "config.json");
    EXPECT_EQ(clip.family, pb::VitFamily::Clip);
    EXPECT_EQ(clip.positionGrid(), 16);
    EXPECT_EQ(clip.activation, pb::VitActivation::QuickGelu);
    EXPECT_FALSE(clip.layerScale);

    try {
        pb::VitConfig::fromJson(R"({"model_type": "clip", "vision_config": {"hidden_size": 64}})", "/x/config.json");
        ADD_FAILURE();
    } catch (const pb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("vision_config.num_hidden_layers"), std::string::npos) << e.what();
        EXPECT_EQ(e.file(), "/x/config.json");
    }
    EXPECT_THROW(pb::VitConfig::fromJson(R"({"hidden_size": 64})", "c"), pb::Error);  // no model_type
    EXPECT_THROW(pb::VitConfig::fromJson(R"([1, 2])", "c"), pb::Error);
    EXPECT_THROW(pb::VitConfig::fromJson(R"({"model_type": "dinov3_vit", "hidden_size": 64, "num_hidden_layers": 2,
        "num_attention_heads": 3, "intermediate_size": 8, "patch_size": 16})", "c"), pb::Error);  // 64 % 3
    EXPECT_THROW(pb::VitConfig::fromJson(R"({"model_type": "dinov3_vit", "hidden_size": 64, "num_hidden_layers": 2,
        "num_attention_heads": 2, "intermediate_size": 8, "patch_size": 16, "hidden_act": "relu6"})", "c"), pb::Error);
}

}  // namespace
