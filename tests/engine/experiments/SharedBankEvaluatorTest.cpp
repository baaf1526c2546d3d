// The shared bank on features extracted once: evaluations of one product set reuse them, a training-set
// limit takes each product's first images, and a routed share smaller than k is searched with fewer
// neighbours instead of failing.
#include <gtest/gtest.h>

#include "TestData.h"
#include "engine/dataset/DatasetReader.h"
#include "engine/experiments/SharedBankEvaluator.h"
#include "engine/synth/DemoDatasetGenerator.h"

TEST(SharedBankEvaluator, ReusesExtractedFeaturesAndRoutesToSharesSmallerThanK) {
    const auto dir = pb::test::scratchDir("shared-bank-evaluator");
    pb::DemoDatasetOptions demo;
    demo.trainPerProduct = 8;
    demo.testGoodPerProduct = 3;
    demo.testDefectPerProduct = 3;
    pb::generateDemoDataset(dir / "demo", demo);
    const pb::Dataset dataset = pb::openDataset(dir / "demo");
    pb::EvaluationOptions options;
    options.backbone.name = "descriptors";
    options.resolution = 128;
    options.k = 5;
    pb::SharedBankOptions shared;
    shared.method = "coreset";
    shared.route = true;
    const std::vector<pb::ProductSource> products = {{&dataset, "carpet"}, {&dataset, "wood"}};

    pb::SharedBankEvaluator first(options, shared);
    const pb::SharedBankFeatures features = first.extract(products, {});
    ASSERT_EQ(features.products.size(), 2u);
    EXPECT_EQ(features.trainImages(0, 0), 8u);
    EXPECT_EQ(features.trainImages(0, 3), 3u);
    EXPECT_LT(features.trainPatches(0, 3), features.trainPatches(0, 0));

    // Six vectors of budget: three per product, fewer than k.
    shared.budgetMB = (6 + 0.5) * 4.0 * features.dim / (1024.0 * 1024.0);
    pb::SharedBankEvaluator tiny(options, shared, std::shared_ptr<pb::Backbone>(pb::createBackbone(options.backbone)));
    const pb::SharedBankEvaluation e = tiny.evaluate(features, {});
    EXPECT_EQ(e.allocation, (std::vector<std::size_t>{3, 3}));
    ASSERT_EQ(e.products.size(), 2u);
    for (const auto& p : e.products) {
        EXPECT_EQ(p.images.size(), 6u);
        EXPECT_TRUE(std::isfinite(p.metrics.imageAuroc));
        EXPECT_DOUBLE_EQ(p.routingAccuracy, 1.0);
        EXPECT_DOUBLE_EQ(p.wrongNeighbourRate, 0.0);  // routed: only its own share is searched
    }

    // The same features with the first three training images of each product.
    shared.budgetMB = 1.0;
    pb::SharedBankEvaluator limited(options, shared, std::shared_ptr<pb::Backbone>(pb::createBackbone(options.backbone)));
    const pb::SharedBankEvaluation few = limited.evaluate(features, {}, 3);
    EXPECT_EQ(few.products[0].trainImages, 3u);
    EXPECT_EQ(few.sourcePatches, features.trainPatches(0, 3) + features.trainPatches(1, 3));
}
