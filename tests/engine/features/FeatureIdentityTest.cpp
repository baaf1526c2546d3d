// One feature identity: what changes the features changes it, what does not (device, batch size,
// scoring options) leaves it alone; options that change results are all compared.
#include <gtest/gtest.h>

#include "engine/backbone/DescriptorBackbone.h"
#include "engine/experiments/EvaluationOptions.h"
#include "engine/features/FeatureIdentity.h"

TEST(FeatureIdentity, RequestedIdentityNamesEverythingThatChangesTheFeatures) {
    pb::EvaluationOptions a;
    a.backbone.name = "dinov3";
    a.backbone.weightsPath = "/models/model.safetensors";
    const pb::FeatureIdentity base = a.requestedFeatures();
    auto changed = [&](auto&& change) {
        pb::EvaluationOptions b = a;
        change(b);
        return b.requestedFeatures() != base;
    };
    EXPECT_TRUE(changed([](pb::EvaluationOptions& o) { o.backbone.name = "dinov2"; }));
    EXPECT_TRUE(changed([](pb::EvaluationOptions& o) { o.backbone.weightsPath = "/other.safetensors"; }));
    EXPECT_TRUE(changed([](pb::EvaluationOptions& o) { o.backbone.configPath = "config.json"; }));
    EXPECT_TRUE(changed([](pb::EvaluationOptions& o) { o.backbone.layers = {"-6"}; }));
    EXPECT_TRUE(changed([](pb::EvaluationOptions& o) { o.backbone.finalNorm = true; }));
    EXPECT_TRUE(changed([](pb::EvaluationOptions& o) { o.backbone.l2Normalize = true; }));
    EXPECT_TRUE(changed([](pb::EvaluationOptions& o) { o.backbone.precision = "bf16"; }));
    EXPECT_TRUE(changed([](pb::EvaluationOptions& o) { o.resolution = 448; }));
    EXPECT_TRUE(changed([](pb::EvaluationOptions& o) { o.crop = 192; }));
    // Not the features: where the backbone runs, how many images per batch, how patches are scored.
    EXPECT_FALSE(changed([](pb::EvaluationOptions& o) { o.backbone.batchSize = 32; }));
    EXPECT_FALSE(changed([](pb::EvaluationOptions& o) { o.backbone.device = "cuda"; }));
    EXPECT_FALSE(changed([](pb::EvaluationOptions& o) { o.k = 1; }));
    EXPECT_FALSE(changed([](pb::EvaluationOptions& o) { o.bankSpec = "coreset:0.1"; }));
}

TEST(FeatureIdentity, SameResultsComparesEveryOptionThatChangesABankOrAScore) {
    const pb::EvaluationOptions a;
    auto same = [&](auto&& change) {
        pb::EvaluationOptions b = a;
        change(b);
        return a.sameResultsAs(b);
    };
    EXPECT_TRUE(same([](pb::EvaluationOptions& o) { o.cacheDir = "/tmp/elsewhere"; }));
    EXPECT_FALSE(same([](pb::EvaluationOptions& o) { o.scaleKWithCompression = true; }));
    EXPECT_FALSE(same([](pb::EvaluationOptions& o) { o.k = 3; }));
    EXPECT_FALSE(same([](pb::EvaluationOptions& o) { o.bankSpec = "coreset:0.1"; }));
    EXPECT_FALSE(same([](pb::EvaluationOptions& o) { o.maxTrainImages = 10; }));
    EXPECT_FALSE(same([](pb::EvaluationOptions& o) { o.imageScore = pb::ImageScoreRule::Max; }));
    EXPECT_FALSE(same([](pb::EvaluationOptions& o) { o.backbone.device = "cuda"; }));
    EXPECT_FALSE(same([](pb::EvaluationOptions& o) { o.crop = 100; }));
}

TEST(FeatureIdentity, LoadedIdentityIsTheBackbonesAndTheGeometry) {
    pb::DescriptorBackbone backbone;
    const auto id = pb::FeatureIdentity::loaded(backbone, 448, 392);
    EXPECT_EQ(id.backbone, backbone.identity());
    EXPECT_EQ(id.geometry(), "448 px, centre crop 392");
    EXPECT_EQ(id, pb::FeatureIdentity::loaded(backbone, 448, 392));
    EXPECT_NE(id, pb::FeatureIdentity::loaded(backbone, 448, 0));
    pb::BackboneOptions x, y;
    EXPECT_EQ(x, y);
    y.batchSize = 2;  // another backbone object, the same features
    EXPECT_NE(x, y);
}
