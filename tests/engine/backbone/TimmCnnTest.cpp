#include "engine/backbone/TimmCnn.h"

#include <gtest/gtest.h>

#include <cmath>

#include "engine/io/Safetensors.h"
#include "engine/util/Error.h"
#include "tests/engine/TestData.h"

namespace {

struct Spec {
    std::string name;
    std::vector<int64_t> shape;
};

void convBn(std::vector<Spec>& s, const std::string& conv, const std::string& bn, int64_t out, int64_t in, int64_t k) {
    s.push_back({conv + ".weight", {out, in, k, k}});
    for (const char* p : {".weight", ".bias", ".running_mean", ".running_var"}) s.push_back({bn + p, {out}});
}

// timm / torchvision resnet18 state_dict names and shapes, written out here independently of the engine.
std::vector<Spec> resnet18Specs() {
    std::vector<Spec> s;
    convBn(s, "conv1", "bn1", 64, 3, 7);
    int64_t in = 64;
    for (int l = 1; l <= 4; ++l) {
        const int64_t planes = int64_t{32} << l;
        for (int b = 0; b < 2; ++b) {
            const std::string p = "layer" + std::to_string(l) + "." + std::to_string(b) + ".";
            convBn(s, p + "conv1", p + "bn1", planes, in, 3);
            convBn(s, p + "conv2", p + "bn2", planes, planes, 3);
            if (b == 0 && l > 1) convBn(s, p + "downsample.0", p + "downsample.1", planes, in, 1);
            in = planes;
        }
    }
    s.push_back({"fc.weight", {1000, 512}});
    s.push_back({"fc.bias", {1000}});
    return s;
}

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Deterministic weights that a few lines of numpy reproduce (see the reference values below).
std::vector<float> formulaValues(const Spec& spec) {
    std::size_t n = 1;
    for (auto d : spec.shape) n *= static_cast<std::size_t>(d);
    std::vector<float> v(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double base = std::sin(0.731 * static_cast<double>(i) + 0.17 * static_cast<double>(spec.name.size()));
        double x;
        if (spec.shape.size() == 4)
            x = base * std::sqrt(4.0 / static_cast<double>(n / spec.shape[0]));
        else if (spec.shape.size() == 2)
            x = base / std::sqrt(static_cast<double>(spec.shape[1]));
        else if (endsWith(spec.name, "running_var"))
            x = 1 + 0.5 * base;
        else if (endsWith(spec.name, ".weight"))
            x = 1 + 0.2 * base;
        else
            x = 0.1 * base;
        v[i] = static_cast<float>(x);
    }
    return v;
}

void writeWeights(const std::filesystem::path& path, const std::vector<Spec>& specs) {
    pb::SafetensorsWriter w;
    for (const auto& s : specs) {
        const auto v = formulaValues(s);
        w.addFloat32(s.name, s.shape, v.data());
        if (endsWith(s.name, "running_var")) {  // timm files carry these; the loader must skip them
            const int64_t zero = 0;
            w.add(s.name.substr(0, s.name.size() - 11) + "num_batches_tracked", pb::DType::I64, {}, &zero, 8);
        }
    }
    w.setMetadata("format", "pt");
    w.save(path);
}

pb::FloatImage formulaImage(int size) {
    pb::FloatImage im;
    im.channels = 3;
    im.height = im.width = size;
    im.data.resize(3u * size * size);
    for (std::size_t i = 0; i < im.data.size(); ++i)
        im.data[i] = static_cast<float>(std::sin(0.013 * static_cast<double>(i)) * 1.5);
    return im;
}

pb::FloatImage imageFrom(const pb::SafetensorsFile& f, const std::string& name) {
    const auto& info = f.info(name);
    pb::FloatImage im;
    im.channels = static_cast<int>(info.shape[1]);
    im.height = static_cast<int>(info.shape[2]);
    im.width = static_cast<int>(info.shape[3]);
    im.data = f.toFloat32(name);
    return im;
}

// Max |grid - reference| where the reference is NCHW with N = 1.
double maxDiffNchw(const pb::FeatureGrid& g, const std::vector<float>& ref, const std::vector<int64_t>& shape) {
    EXPECT_EQ(g.dim, shape[1]);
    EXPECT_EQ(g.height, shape[2]);
    EXPECT_EQ(g.width, shape[3]);
    if (g.dim != shape[1] || g.height != shape[2] || g.width != shape[3]) return INFINITY;
    double m = 0;
    for (int c = 0; c < g.dim; ++c)
        for (int y = 0; y < g.height; ++y)
            for (int x = 0; x < g.width; ++x) {
                const float a = g.patch(static_cast<std::size_t>(y) * g.width + x)[c];
                const float b = ref[(static_cast<std::size_t>(c) * g.height + y) * g.width + x];
                m = std::max(m, static_cast<double>(std::abs(a - b)));
            }
    return m;
}

std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const pb::Error& e) {
        return e.what();
    }
    return "(no error)";
}

pb::BackboneOptions options(const std::string& name, const std::string& weights = {},
                            std::vector<std::string> layers = {}) {
    pb::BackboneOptions o;
    o.name = name;
    o.weightsPath = weights;
    o.layers = std::move(layers);
    return o;
}

}  // namespace

TEST(TimmCnnTest, MobileNetV2ReproducesTimmFixture) {
    PB_REQUIRE_SHARED();
    const auto shared = pb::test::sharedDir();
    const auto weights = shared / "weights/mobilenetv2_100_imagenet_from_int8.safetensors";
    const auto fx = pb::SafetensorsFile::open(shared / "fixtures/mobilenetv2_timm/expected.safetensors");
    pb::TimmCnn net(options("mobilenetv2_100", weights.string()));
    const pb::FloatImage input = imageFrom(fx, "input");

    const auto logits = net.logits(input);
    const auto expected = fx.toFloat32("logits");
    ASSERT_EQ(logits.size(), expected.size());
    double maxLogit = 0;
    for (std::size_t i = 0; i < logits.size(); ++i)
        maxLogit = std::max(maxLogit, static_cast<double>(std::abs(logits[i] - expected[i])));
    EXPECT_LT(maxLogit, 1e-4);
    std::cout << "[ mobilenetv2_100 ] logits max abs diff " << maxLogit << "\n";

    const auto stages = net.stages(input);
    ASSERT_EQ(stages.size(), 5u);
    for (int s = 0; s < 5; ++s) {
        const std::string name = "stage." + std::to_string(s);
        const double d = maxDiffNchw(stages[s], fx.toFloat32(name), fx.info(name).shape);
        EXPECT_LT(d, 1e-4) << name;
        std::cout << "[ mobilenetv2_100 ] " << name << " max abs diff " << d << "\n";
    }
    EXPECT_NE(net.identity().find("cfc01253259580aafffb6ddc984a8e9385f4c0b9bb27b4e3b539ae24b02bd82b"), std::string::npos)
        << net.identity();
    EXPECT_NE(net.identity().find("blocks.2,blocks.4"), std::string::npos);
}

TEST(TimmCnnTest, MobileNetV2GridShapeAndAggregation) {
    PB_REQUIRE_SHARED();
    const auto weights = pb::test::sharedDir() / "weights/mobilenetv2_100_imagenet_from_int8.safetensors";
    pb::TimmCnn net(options("mobilenetv2_100", weights.string()));
    EXPECT_EQ(net.patchStride(), 8);
    EXPECT_EQ(net.dim(), 128);

    const auto g224 = net.extract({formulaImage(224)});
    ASSERT_EQ(g224.size(), 1u);
    EXPECT_EQ(g224[0].height, 28);
    EXPECT_EQ(g224[0].width, 28);
    EXPECT_EQ(g224[0].dim, 128);
    const auto batch = net.extract({formulaImage(448), formulaImage(448)});
    ASSERT_EQ(batch.size(), 2u);
    EXPECT_EQ(batch[0].height, 56);
    EXPECT_EQ(batch[0].width, 56);
    EXPECT_EQ(batch[0].dim, 128);
    EXPECT_EQ(batch[0].data.size(), 56u * 56 * 128);

    // Recompute the aggregation by hand from the raw taps: blocks.4 (14x14) bilinearly upsampled
    // x2 (align_corners=false) to 28x28, concatenated after blocks.2, then 3x3 mean with zero padding / 9.
    const auto taps = net.taps(formulaImage(224), {"blocks.2", "blocks.4"});
    ASSERT_EQ(taps[0].height, 28);
    ASSERT_EQ(taps[1].height, 14);
    auto up = [&](int y, int x, int c) {
        auto coord = [](int o) {  // source coordinate and weight for a x2 upsample
            const double s = std::max(0.0, (o + 0.5) / 2.0 - 0.5);
            const int i0 = static_cast<int>(s);
            return std::make_tuple(i0, std::min(i0 + 1, 13), s - i0);
        };
        const auto [y0, y1, wy] = coord(y);
        const auto [x0, x1, wx] = coord(x);
        auto at = [&](int yy, int xx) { return static_cast<double>(taps[1].patch(yy * 14 + xx)[c]); };
        return (1 - wy) * ((1 - wx) * at(y0, x0) + wx * at(y0, x1)) + wy * ((1 - wx) * at(y1, x0) + wx * at(y1, x1));
    };
    auto concat = [&](int y, int x, int c) {
        return c < 32 ? static_cast<double>(taps[0].patch(y * 28 + x)[c]) : up(y, x, c - 32);
    };
    double maxDiff = 0;
    for (int y : {0, 1, 13, 27})
        for (int x : {0, 5, 26, 27})
            for (int c : {0, 17, 31, 32, 77, 127}) {
                double sum = 0;
                for (int dy = -1; dy <= 1; ++dy)
                    for (int dx = -1; dx <= 1; ++dx)
                        if (y + dy >= 0 && y + dy < 28 && x + dx >= 0 && x + dx < 28) sum += concat(y + dy, x + dx, c);
                maxDiff = std::max(maxDiff, std::abs(sum / 9.0 - g224[0].patch(y * 28 + x)[c]));
            }
    EXPECT_LT(maxDiff, 1e-4);
}

TEST(TimmCnnTest, ResNet18FromSafetensorsMatchesReference) {
    const auto dir = pb::test::scratchDir("timm-resnet18");
    const auto path = dir / "model.safetensors";
    writeWeights(path, resnet18Specs());
    pb::TimmCnn net(options("resnet18", path.string()));
    EXPECT_EQ(net.dim(), 128 + 256);
    EXPECT_EQ(net.patchStride(), 8);

    // Reference: a torchvision-layout ResNet-18 in PyTorch 1.13 (float32, nn.Conv2d / BatchNorm2d in eval)
    // with the same formula weights and input; features = cat(layer2, bilinear(layer3)) -> AvgPool2d(3, 1, 1).
    const auto logits = net.logits(formulaImage(64));
    const std::vector<float> refLogits = {1.56793f, -3.51379f, 5.15298f, -5.73023f, 5.22064f, -4.06677f};
    for (std::size_t i = 0; i < refLogits.size(); ++i) EXPECT_NEAR(logits[i], refLogits[i], 2e-4) << i;

    const auto grid = net.extract({formulaImage(64)});
    ASSERT_EQ(grid.size(), 1u);
    ASSERT_EQ(grid[0].height, 8);
    ASSERT_EQ(grid[0].width, 8);
    ASSERT_EQ(grid[0].dim, 384);
    auto at = [&](int y, int x, int c) { return grid[0].patch(y * 8 + x)[c]; };
    EXPECT_NEAR(at(0, 0, 0), 0.08824037f, 5e-5);
    EXPECT_NEAR(at(3, 5, 200), 0.6895933f, 5e-5);
    EXPECT_NEAR(at(7, 7, 383), 0.03907045f, 5e-5);
    EXPECT_NEAR(at(4, 1, 127), 0.155753f, 5e-5);
    EXPECT_NEAR(at(6, 2, 128), 1.147956f, 5e-5);
    double sum = 0;
    for (float v : grid[0].data) sum += v;
    EXPECT_NEAR(sum, 36543.92, 0.05);

    const auto g224 = net.extract({formulaImage(224)});
    EXPECT_EQ(g224[0].height, 28);
    EXPECT_EQ(g224[0].width, 28);
    EXPECT_EQ(g224[0].dim, 384);
    EXPECT_NE(net.identity().find("sha256:"), std::string::npos);
    EXPECT_EQ(net.identity().find("random"), std::string::npos);
    std::filesystem::remove_all(dir);  // 45 MB of weights
}

TEST(TimmCnnTest, WrongTensorNameOrShapeIsNamed) {
    const auto dir = pb::test::scratchDir("timm-wrong");
    auto specs = resnet18Specs();

    auto renamed = specs;
    ASSERT_EQ(renamed[5].name, "layer1.0.conv1.weight");
    renamed[5].name = "layer1.0.conv_1.weight";  // was layer1.0.conv1.weight
    writeWeights(dir / "renamed.safetensors", renamed);
    const std::string e1 = errorOf([&] { pb::TimmCnn(options("resnet18", (dir / "renamed.safetensors").string())); });
    EXPECT_NE(e1.find("layer1.0.conv1.weight"), std::string::npos) << e1;
    EXPECT_NE(e1.find("renamed.safetensors"), std::string::npos) << e1;

    auto reshaped = specs;
    for (auto& s : reshaped)
        if (s.name == "layer3.1.bn2.running_var") s.shape = {128};
    writeWeights(dir / "reshaped.safetensors", reshaped);
    const std::string e2 = errorOf([&] { pb::TimmCnn(options("resnet18", (dir / "reshaped.safetensors").string())); });
    EXPECT_NE(e2.find("layer3.1.bn2.running_var"), std::string::npos) << e2;
    EXPECT_NE(e2.find("[128]"), std::string::npos) << e2;
    EXPECT_NE(e2.find("reshaped.safetensors"), std::string::npos) << e2;

    auto extra = specs;
    extra.push_back({"layer1.2.conv1.weight", {64, 64, 3, 3}});  // a resnet34 tensor
    writeWeights(dir / "extra.safetensors", extra);
    const std::string e3 = errorOf([&] { pb::TimmCnn(options("resnet18", (dir / "extra.safetensors").string())); });
    EXPECT_NE(e3.find("layer1.2.conv1.weight"), std::string::npos) << e3;

    // A features-only export (no fc) still extracts; logits say why they are unavailable.
    auto featuresOnly = specs;
    featuresOnly.resize(featuresOnly.size() - 2);
    writeWeights(dir / "features.safetensors", featuresOnly);
    pb::TimmCnn net(options("resnet18", (dir / "features.safetensors").string()));
    EXPECT_EQ(net.extract({formulaImage(64)})[0].dim, 384);
    EXPECT_NE(errorOf([&] { net.logits(formulaImage(64)); }).find("no classifier"), std::string::npos);

    // The mobilenet file is no resnet18.
    if (!pb::test::sharedDir().empty()) {
        const auto mnv2 = pb::test::sharedDir() / "weights/mobilenetv2_100_imagenet_from_int8.safetensors";
        const std::string e4 = errorOf([&] { pb::TimmCnn(options("resnet18", mnv2.string())); });
        EXPECT_NE(e4.find("conv1.weight"), std::string::npos) << e4;
    }
    EXPECT_NE(errorOf([&] { pb::TimmCnn(options("resnet18", (dir / "missing.safetensors").string())); })
                  .find("missing.safetensors"),
              std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST(TimmCnnTest, RandomWeightsResNetsGiveStride8Grids) {
    for (const auto& [name, dim] : std::vector<std::pair<std::string, int>>{
             {"resnet18", 128 + 256}, {"resnet50", 512 + 1024}, {"wide_resnet50_2", 512 + 1024}}) {
        pb::TimmCnn net(options(name));
        EXPECT_NE(net.identity().find("random"), std::string::npos) << net.identity();
        EXPECT_EQ(net.dim(), dim);
        const auto grids = net.extract({formulaImage(224)});
        ASSERT_EQ(grids.size(), 1u);
        EXPECT_EQ(grids[0].height, 28) << name;
        EXPECT_EQ(grids[0].width, 28) << name;
        EXPECT_EQ(grids[0].dim, dim) << name;
        for (float v : grids[0].data) ASSERT_TRUE(std::isfinite(v)) << name;
    }
    // Same seed, same weights: two random nets agree bit for bit.
    pb::TimmCnn a(options("resnet18")), b(options("resnet18"));
    EXPECT_EQ(a.extract({formulaImage(64)})[0].data, b.extract({formulaImage(64)})[0].data);
}

TEST(TimmCnnTest, LayersOptionAndErrors) {
    pb::TimmCnn net(options("mobilenetv2_100", {}, {"blocks.1", "blocks.2", "blocks.4"}));
    EXPECT_EQ(net.dim(), 24 + 32 + 96);
    EXPECT_EQ(net.patchStride(), 4);
    const auto g = net.extract({formulaImage(64)});
    EXPECT_EQ(g[0].height, 16);
    EXPECT_EQ(g[0].dim, 152);
    EXPECT_NE(net.identity().find("blocks.1,blocks.2,blocks.4"), std::string::npos);

    pb::TimmCnn deep(options("resnet18", {}, {"layer3", "layer4"}));
    EXPECT_EQ(deep.patchStride(), 16);
    EXPECT_EQ(deep.extract({formulaImage(64)})[0].height, 4);

    EXPECT_NE(errorOf([] { pb::TimmCnn(options("resnet18", {}, {"layer5"})); }).find("layer5"), std::string::npos);
    EXPECT_NE(errorOf([] { pb::TimmCnn(options("resnet18", {}, {"layer2", "layer2"})); }).find("twice"),
              std::string::npos);
    EXPECT_NE(errorOf([] { pb::TimmCnn(options("resnet19")); }).find("resnet19"), std::string::npos);
    EXPECT_NE(errorOf([] {
                  auto o = options("resnet18");
                  o.device = "tpu";
                  pb::TimmCnn n(o);
              }).find("tpu"),
              std::string::npos);
    // "cuda" works when LibTorch sees a GPU, and otherwise says so.
    auto o = options("resnet18");
    o.device = "cuda";
    const std::string cuda = errorOf([&] {
        pb::TimmCnn n(o);
        EXPECT_EQ(n.extract({formulaImage(64)})[0].dim, 384);
    });
    if (cuda != "(no error)") EXPECT_NE(cuda.find("CUDA"), std::string::npos) << cuda;

    // Ragged batches and wrong channel counts are errors, not crashes.
    EXPECT_THROW(net.extract({formulaImage(64), formulaImage(32)}), pb::Error);
    pb::FloatImage grey;
    grey.channels = 1;
    grey.height = grey.width = 32;
    grey.data.assign(32 * 32, 0.0f);
    EXPECT_THROW(net.extract({grey}), pb::Error);
    EXPECT_TRUE(net.extract({}).empty());
}

TEST(TimmCnnTest, BatchedEqualsOneByOne) {
    auto o = options("mobilenetv2_100");
    o.batchSize = 2;  // three images: chunks of 2 and 1
    pb::TimmCnn net(o);
    std::vector<pb::FloatImage> images = {formulaImage(96), formulaImage(96), formulaImage(96)};
    for (std::size_t i = 0; i < images[1].data.size(); ++i) images[1].data[i] *= -0.5f;
    for (std::size_t i = 0; i < images[2].data.size(); ++i) images[2].data[i] += 0.25f;
    const auto batched = net.extract(images);
    ASSERT_EQ(batched.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        const auto single = net.extract({images[i]});
        double m = 0;
        for (std::size_t k = 0; k < single[0].data.size(); ++k)
            m = std::max(m, static_cast<double>(std::abs(single[0].data[k] - batched[i].data[k])));
        EXPECT_LT(m, 1e-4) << i;
    }
    EXPECT_GT(std::abs(batched[0].data[5] - batched[1].data[5]), 0.0f);
}
