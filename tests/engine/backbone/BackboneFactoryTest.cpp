#include <gtest/gtest.h>

#include <algorithm>

#include "engine/backbone/Backbone.h"
#include "engine/util/Error.h"

TEST(BackboneFactoryTest, KnowsTheBackbones) {
    const auto names = pb::knownBackbones();
    for (const char* n : {"descriptors", "mobilenetv2_100", "resnet18", "resnet50", "wide_resnet50_2", "torchscript"})
        EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
}

TEST(BackboneFactoryTest, CreatesCnnsAndRejectsUnknownNames) {
    pb::BackboneOptions o;
    o.name = "mobilenetv2_100";
    const auto b = pb::createBackbone(o);
    EXPECT_EQ(b->name(), "mobilenetv2_100");
    EXPECT_EQ(b->patchStride(), 8);
    EXPECT_NE(b->identity().find("random"), std::string::npos);
    pb::FloatImage im;
    im.channels = 3;
    im.height = im.width = 64;
    im.data.assign(3 * 64 * 64, 0.1f);
    const auto g = b->extract({im});
    ASSERT_EQ(g.size(), 1u);
    EXPECT_EQ(g[0].height, 8);
    EXPECT_EQ(g[0].dim, 128);

    o.name = "vgg16";
    try {
        pb::createBackbone(o);
        FAIL();
    } catch (const pb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("vgg16"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("resnet50"), std::string::npos);  // lists the known ones
    }
}
