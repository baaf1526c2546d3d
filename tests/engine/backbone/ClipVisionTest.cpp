// The CLIP vision tower against reference numbers computed once with PyTorch 1.13 from the HF
// CLIPVisionModel definition (embeddings without patch bias, class embedding + position embedding,
// bicubic position interpolation for other grids, pre_layrnorm, quick-GELU, post_layernorm), on a
// tiny model whose weights both sides compute from the same formula.
#include "engine/backbone/VisionTransformer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "engine/io/Safetensors.h"
#include "engine/util/Error.h"
#include "tests/engine/TestData.h"

namespace {

namespace fs = std::filesystem;

constexpr int kC = 32, kLayers = 2, kI = 64, kP = 8, kImage = 24, kM = kImage / kP;

// The reference script's weight formula, in the same operation order (double, then float).
std::vector<float> formula(const std::string& name, const std::vector<int64_t>& shape) {
    std::size_t n = 1;
    for (auto d : shape) n *= static_cast<std::size_t>(d);
    const double L = static_cast<double>(name.size());
    auto has = [&](const char* s) { return name.find(s) != std::string::npos; };
    auto ends = [&](const std::string& s) { return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0; };
    std::vector<float> v(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double di = static_cast<double>(i);
        const double b = std::sin(1.7 * di + 0.3 * L) * std::cos(0.013 * di + 0.7);
        double x;
        if (shape.size() == 1 && ends(".weight")) x = 1 + 0.2 * b;
        else if (ends("class_embedding") || has("position_embedding")) x = 0.8 * b;
        else if (shape.size() == 1) x = 0.1 * b;
        else {
            const double fanIn = static_cast<double>(n / static_cast<std::size_t>(shape[0]));
            const double gain = (has("q_proj") || has("k_proj")) ? 4.0 : (has("fc1") || has("patch")) ? 2.5 : 1.0;
            x = gain * b / std::sqrt(fanIn);
        }
        v[i] = static_cast<float>(x);
    }
    return v;
}

pb::FloatImage image(int h, int w, double seed) {
    pb::FloatImage im;
    im.channels = 3;
    im.height = h;
    im.width = w;
    im.data.resize(static_cast<std::size_t>(3 * h * w));
    for (std::size_t i = 0; i < im.data.size(); ++i) {
        const double di = static_cast<double>(i);
        im.data[i] = static_cast<float>(std::sin(0.9 * di + 0.0007 * di * di + seed) * 1.2);
    }
    return im;
}

// A full CLIPModel-style file: the vision tower under "vision_model.", plus text-side tensors
// and an int64 position_ids buffer that the backbone must ignore.
fs::path writeTinyClip() {
    const fs::path dir = pb::test::scratchDir("vit-clip");
    pb::SafetensorsWriter w;
    auto add = [&](const std::string& leaf, std::vector<int64_t> shape) {
        const std::string name = "vision_model." + leaf;
        const auto v = formula(name, shape);
        w.addFloat32(name, shape, v.data());
    };
    add("embeddings.class_embedding", {kC});
    add("embeddings.patch_embedding.weight", {kC, 3, kP, kP});
    add("embeddings.position_embedding.weight", {kM * kM + 1, kC});
    std::vector<int64_t> ids(kM * kM + 1);
    for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<int64_t>(i);
    w.add("vision_model.embeddings.position_ids", pb::DType::I64, {1, kM * kM + 1}, ids.data(), ids.size() * 8);
    add("pre_layrnorm.weight", {kC});
    add("pre_layrnorm.bias", {kC});
    for (int l = 0; l < kLayers; ++l) {
        const std::string p = "encoder.layers." + std::to_string(l) + ".";
        for (const char* proj : {"q_proj", "k_proj", "v_proj", "out_proj"}) {
            add(p + "self_attn." + proj + ".weight", {kC, kC});
            add(p + "self_attn." + proj + ".bias", {kC});
        }
        for (const char* norm : {"layer_norm1", "layer_norm2"}) {
            add(p + norm + ".weight", {kC});
            add(p + norm + ".bias", {kC});
        }
        add(p + "mlp.fc1.weight", {kI, kC});
        add(p + "mlp.fc1.bias", {kI});
        add(p + "mlp.fc2.weight", {kC, kI});
        add(p + "mlp.fc2.bias", {kC});
    }
    add("post_layernorm.weight", {kC});
    add("post_layernorm.bias", {kC});
    const std::vector<float> text(10 * 16, 0.5f), projection(16 * kC, 0.25f);
    const float logitScale = 2.6592f;
    w.addFloat32("text_model.embeddings.token_embedding.weight", {10, 16}, text.data());
    w.addFloat32("visual_projection.weight", {16, kC}, projection.data());
    w.addFloat32("logit_scale", {}, &logitScale);
    w.save(dir / "model.safetensors");
    std::ofstream(dir / "config.json") << R"({"architectures": ["CLIPModel"], "model_type": "clip", "projection_dim": 16,
  "text_config": {"hidden_size": 16, "model_type": "clip_text_model"},
  "vision_config": {"hidden_size": 32, "intermediate_size": 64, "num_attention_heads": 4, "num_hidden_layers": 2,
                    "patch_size": 8, "image_size": 24, "hidden_act": "quick_gelu", "layer_norm_eps": 1e-05,
                    "model_type": "clip_vision_model", "num_channels": 3}})";
    return dir;
}

// kPosA: [21, 32], every 7th value of the flattened tensor
const std::vector<float> kPosA = {0.517490268, 0.55949533, 0.365080535, 0.0603850856, -0.196920618, -0.400927663, -0.330958635, -0.138473377, 0.0336925723, 0.0847340748, -0.146297768, -0.0607199408, 0.01435374, 0.0761237293, 0.0580142401, -0.0140833911, -0.00064372574, 0.106632359, 0.234638929, 0.142326728, 0.078430526, -0.0321180895, -0.16745469, 0.161955357, -0.0408286937, -0.323543996, -0.526323915, -0.501783609, -0.138314322, 0.0825067908, 0.351665139, 0.519748986, 0.244321838, 0.22287561, 0.111322969, -0.0663298219, -0.248251691, -0.177887797, -0.47868216, -0.603273809, -0.463093489, -0.0933802649, -0.0422172099, 0.195715129, 0.37360236, 0.412345618, 0.695792675, 0.796442926, 0.544712067, 0.0382628404, -0.499857843, -0.742847919, -0.841757715, -0.572874725, -0.0534663647, -0.244343564, 0.0131335631, 0.265892327, 0.411575109, 0.39403376, 0.710553169, 0.426264137, -0.0237079896, -0.433626413, -0.156292215, -0.336121023, -0.377129614, -0.276420772, -0.0878170207, -0.359080374, 0.102484554, 0.461378634, 0.574778795, 0.431903034, 0.351666123, -0.146029204, -0.509051085, -0.596030951, -0.219061792, -0.327855021, -0.307434797, -0.189164504, -0.0352885127, 0.127969265, 0.309420109, 0.306391209, 0.173189938, 0.224321485, 0.192867443, 0.1277107, 0.0568595827, -0.0092143286, -0.161582127, -0.0728303045, 0.0325177014, 0.0452818386};
// kLastA: [1, 20, 32], every 11th value of the flattened tensor
const std::vector<float> kLastA = {-2.7588439, -1.55863118, -5.01948071, -2.84035063, -1.78793216, -0.674907804, -4.23189783, 0.268827409, -1.47524238, -4.25619316, -3.0565629, -3.17872715, 0.040638119, -0.11109221, -2.83349776, 1.34169042, 1.71439469, 1.29739213, -8.9294405, -10.0088282, -4.22209597, 7.57889032, 6.03045559, 5.48189163, -3.42471647, 0.754193962, -1.6864351, 0.213598073, 2.14430857, 1.42485619, 9.25631332, 7.75797081, -1.60443687, 1.49117744, 1.54494619, -2.33739829, -1.53206587, -0.248535573, -2.48378944, -6.85577393, -3.4626801, -7.66051102, -7.70367813, -6.10963917, -2.08968091, 2.32957006, 2.48202753, -0.641064405, 0.0140743852, -0.396820635, -7.48523474, -7.81884003, -4.28610897, 6.75397205, 3.76925111, 3.56887698, -0.110407189, -3.17481804, 0.735155582};
const std::vector<float> kLastSumsA = {-1.4164474, -0.253764749, -4.27814436, 6.30581427, 6.74579334, -3.73781347, -2.19255114, -2.00666046, 1.61351299, 6.30584431, -4.10903931, -4.08016682, -2.07845068, -2.59490061, 6.70374203, -4.88819695, -3.78410673, -2.32184982, -2.59019327, -4.25307655};
// kLastB: [1, 9, 32], every 5th value of the flattened tensor
const std::vector<float> kLastB = {-1.52554691, -3.04963875, -1.11035049, -5.79914379, -3.9209044, 9.37535858, -0.273195267, 7.05740643, -1.65109456, -6.29628897, 2.09510183, -1.07500625, -1.42897177, 2.97553968, 6.29169655, -0.760428429, -0.407328099, 3.55712724, 2.12058711, -2.08478236, -1.95163059, -3.74808407, -0.652337134, -0.411837697, -2.79123855, -7.62051678, -2.25522041, 6.96554422, -2.80663657, -8.02727032, -5.89264822, -5.78514576, 5.03328514, -1.48395944, -6.84005737, 1.57385802, 2.19312716, -6.6680932, -4.38424349, 2.29915953, -0.528489947, -1.02891231, -3.10961246, -0.071418494, 4.16690159, -3.38324475, -9.55846691, 0.576471329, 3.36322784, 5.97951746, -1.83494282, 1.82092977, 0.0505116582, 0.400615871, -2.33018541, -0.215893567, 1.75494778, 4.49102116};
const std::vector<float> kLastSumsB = {-2.66508174, -2.86545372, -2.53773832, -3.96758914, -2.14832115, 5.89120674, -4.47320747, -2.57039738, 3.90908194};
// kNormL2Block0A: [1, 20, 32], every 11th value of the flattened tensor
const std::vector<float> kNormL2Block0A = {-0.00979007501, -0.0200854037, -0.00521687651, -0.147785291, 0.0049489243, -0.0893828124, -0.326231211, -0.0650331602, -0.138159752, -0.183291748, -0.20276165, -0.211085275, -0.0375011489, -0.0170256924, -0.117921278, 0.0202179085, 0.131786436, -0.00657230942, -0.371469945, -0.32987532, -0.223244593, 0.283231795, 0.184695154, 0.280999511, -0.106600814, 0.049565874, -0.0645607412, -0.0229721367, 0.11588566, 0.0772769079, 0.394535869, 0.425644994, -0.119211137, 0.088261798, -0.0374921113, -0.0688967109, 0.0172116067, -0.0446955785, 0.00435104687, -0.306969851, -0.0848908275, -0.337449312, -0.439564109, -0.319927573, -0.0587773249, 0.0278557036, 0.0854583457, -0.100123264, 0.0206123069, -0.101563856, -0.298491716, -0.22468321, -0.224218845, 0.332321525, 0.142755032, 0.281774223, -0.0663920641, -0.141732022, 0.0390151739};

// Every `stride`-th value of a flattened [tokens][dim] block, skipping the CLS token.
std::vector<float> strided(const pb::TokenTensor& t, int stride, bool patchesOnly) {
    std::vector<float> out;
    const int first = patchesOnly ? 1 : 0;
    std::size_t k = 0;
    for (int tok = first; tok < t.tokens; ++tok)
        for (int c = 0; c < t.dim; ++c, ++k)
            if (k % static_cast<std::size_t>(stride) == 0) out.push_back(t.at(0, tok, c));
    return out;
}

std::vector<float> tokenSums(const pb::TokenTensor& t) {
    std::vector<float> out;
    for (int tok = 1; tok < t.tokens; ++tok) {
        double s = 0;
        for (int c = 0; c < t.dim; ++c) s += t.at(0, tok, c);
        out.push_back(static_cast<float>(s));
    }
    return out;
}

void expectClose(const std::vector<float>& got, const std::vector<float>& want, double tolerance, const char* what) {
    ASSERT_EQ(got.size(), want.size()) << what;
    double m = 0;
    for (std::size_t i = 0; i < got.size(); ++i) m = std::max(m, std::abs(double(got[i]) - want[i]));
    std::printf("[parity] tiny CLIP %s: max abs %.3g\n", what, m);
    EXPECT_LT(m, tolerance) << what;
}

class ClipVision : public ::testing::TestWithParam<bool> {
protected:
    void SetUp() override { pb::VisionTransformer::setFastCpuGemmEnabled(GetParam()); }
    void TearDown() override { pb::VisionTransformer::setFastCpuGemmEnabled(true); }
};

// Both matrix-product paths (oneDNN sgemm where available, LibTorch ops).
INSTANTIATE_TEST_SUITE_P(VisionTransformer, ClipVision, ::testing::Bool());

TEST_P(ClipVision, MatchesTheReference) {
    const fs::path dir = writeTinyClip();
    pb::BackboneOptions options;
    options.name = "clip_vit";
    options.weightsPath = (dir / "model.safetensors").string();
    pb::VisionTransformer vit(options);
    EXPECT_EQ(vit.name(), "clip_vit");
    EXPECT_EQ(vit.patchStride(), kP);

    // 32 x 40 -> a 4 x 5 grid: the stored 3 x 3 position grid is resized bicubically.
    expectClose(strided(vit.positionEmbedding(4, 5), 7, false), kPosA, 1e-5, "position embedding 4x5");
    const pb::VitTrace a = vit.trace({image(32, 40, 0.1)});
    ASSERT_EQ(a.blocks.size(), 2u);
    expectClose(strided(a.blocks[1], 11, true), kLastA, 1e-4, "A last block");
    expectClose(tokenSums(a.blocks[1]), kLastSumsA, 1e-3, "A last block token sums");
    // 24 x 24: the stored grid as it is.
    const pb::VitTrace b = vit.trace({image(24, 24, 0.4)});
    expectClose(strided(b.blocks[1], 5, true), kLastB, 1e-4, "B last block");
    expectClose(tokenSums(b.blocks[1]), kLastSumsB, 1e-3, "B last block token sums");

    // extract(): block 0 through post_layernorm, L2-normalised, as a 4 x 5 grid.
    options.layers = {"-2"};
    options.finalNorm = true;
    options.l2Normalize = true;
    pb::VisionTransformer normed(options);
    const auto grids = normed.extract({image(32, 40, 0.1)});
    ASSERT_EQ(grids.size(), 1u);
    ASSERT_EQ(grids[0].height, 4);
    ASSERT_EQ(grids[0].width, 5);
    ASSERT_EQ(grids[0].dim, kC);
    std::vector<float> sampled;
    for (std::size_t k = 0; k < grids[0].data.size(); k += 11) sampled.push_back(grids[0].data[k]);
    expectClose(sampled, kNormL2Block0A, 1e-5, "A block 0, post_layernorm + L2");
}

TEST(VisionTransformer, ClipConfigMismatchNamesTheTensor) {
    const fs::path dir = writeTinyClip();
    std::ofstream(dir / "config.json") << R"({"model_type": "clip_vision_model", "hidden_size": 32,
        "intermediate_size": 64, "num_attention_heads": 4, "num_hidden_layers": 2, "patch_size": 8, "image_size": 32})";
    pb::BackboneOptions options;
    options.name = "clip_vit";
    options.weightsPath = (dir / "model.safetensors").string();
    try {
        pb::VisionTransformer vit(options);
        ADD_FAILURE() << "a 4x4 position grid config was accepted for a 3x3 file";
    } catch (const pb::Error& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("vision_model.embeddings.position_embedding.weight"), std::string::npos) << m;
        EXPECT_NE(m.find("[10, 32]"), std::string::npos) << m;
        EXPECT_NE(m.find("[17, 32]"), std::string::npos) << m;
    }
}

}  // namespace
