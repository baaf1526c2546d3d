#include "engine/backbone/TorchScriptBackbone.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "engine/io/Safetensors.h"
#include "engine/util/Error.h"
#include "tests/engine/TestData.h"

namespace {

std::filesystem::path quantizedModel() { return pb::test::sharedDir() / "weights/mobilenet_v2_quantized_imagenet.pt"; }

std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const pb::Error& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

// The frozen int8 MobileNetV2 on QNNPACK reproduces the fixture's logits (README: bit-identical
// when QNNPACK's integer arithmetic is reproduced, which running the same archive does).
TEST(TorchScriptBackboneTest, QuantizedMobileNetV2LogitsMatchFixture) {
    PB_REQUIRE_SHARED();
    const auto fx = pb::SafetensorsFile::open(pb::test::sharedDir() / "fixtures/mobilenet_v2/expected.safetensors");
    pb::FloatImage input;
    input.channels = 3;
    input.height = input.width = 224;
    input.data = fx.toFloat32("input");

    pb::BackboneOptions o;
    o.name = "torchscript";
    o.weightsPath = quantizedModel().string();
    pb::TorchScriptBackbone model(o);
    EXPECT_TRUE(model.frozen());
    EXPECT_TRUE(model.tappableLayers().empty());

    const auto logits = model.runWholeModel(input);
    const auto expected = fx.toFloat32("logits");
    ASSERT_EQ(logits.size(), 1000u);
    double maxDiff = 0;
    std::size_t argmax = 0;
    for (std::size_t i = 0; i < logits.size(); ++i) {
        maxDiff = std::max(maxDiff, static_cast<double>(std::abs(logits[i] - expected[i])));
        if (logits[i] > logits[argmax]) argmax = i;
    }
    std::cout << "[ torchscript int8 mobilenet_v2 ] logits max abs diff " << maxDiff << "\n";
    EXPECT_EQ(maxDiff, 0.0);
    EXPECT_EQ(argmax, 632u);  // loudspeaker
    EXPECT_NE(model.identity().find("2778381c5eb7639a2229bc39567cf644226e5aa3d3a1d46dfcee70b373738498"),
              std::string::npos)
        << model.identity();
}

TEST(TorchScriptBackboneTest, FrozenArchiveCannotBeTapped) {
    PB_REQUIRE_SHARED();
    pb::BackboneOptions o;
    o.name = "torchscript";
    o.weightsPath = quantizedModel().string();
    o.layers = {"features.6", "features.13"};
    const std::string e = errorOf([&] { pb::createBackbone(o); });
    EXPECT_NE(e.find("frozen"), std::string::npos) << e;
    EXPECT_NE(e.find("features.6"), std::string::npos) << e;
    EXPECT_NE(e.find("classifier"), std::string::npos) << e;  // what the archive still lists
    EXPECT_NE(e.find(o.weightsPath), std::string::npos) << e;

    o.layers.clear();
    const std::string e2 = errorOf([&] { pb::createBackbone(o); });
    EXPECT_NE(e2.find("needs layers"), std::string::npos) << e2;
}

TEST(TorchScriptBackboneTest, BadArchivesGiveErrors) {
    const auto dir = pb::test::scratchDir("torchscript-bad");
    {
        std::ofstream(dir / "junk.pt") << "this is not a zip archive";
    }
    pb::BackboneOptions o;
    o.name = "torchscript";
    o.layers = {"features"};
    o.weightsPath = (dir / "junk.pt").string();
    const std::string e = errorOf([&] { pb::createBackbone(o); });
    EXPECT_NE(e.find("cannot load"), std::string::npos) << e;
    EXPECT_NE(e.find("junk.pt"), std::string::npos) << e;
    o.weightsPath = (dir / "absent.pt").string();
    EXPECT_NE(errorOf([&] { pb::createBackbone(o); }).find("absent.pt"), std::string::npos);
}
