// Suite files: expansion into cells with stable ids, and clear errors for what a suite must not say.
#include <gtest/gtest.h>

#include <functional>

#include "engine/suite/SuiteFile.h"
#include "engine/util/Error.h"

using namespace pb::suite;

namespace {

nlohmann::json example() {
    return nlohmann::json::parse(R"json({
      "suite": "purification", "source": "Patch purification (seed 001)",
      "experiments": [{
        "name": "few-shot", "kind": "contamination",
        "products": ["mvtec_ad/bottle", "tiles/magnetic_tile"],
        "features": {"backbone": "mobilenetv2_100", "resolution": 224},
        "fixed": {"support": 10},
        "grid": [{"setup": ["A", "B"], "seed": [0, 1, 2], "method": ["none", "oracle"]},
                 {"setup": ["A", "B"], "seed": [0, 1, 2], "method": ["audit"], "audit_k": [1.0, 1.5]}]
      }, {
        "name": "compression", "kind": "compression", "products": ["mvtec_ad/bottle"],
        "grid": {"method": ["coreset", "kmeans"], "fraction": [0.0625]}
      }]})json");
}

}  // namespace

TEST(SuiteFile, ExpandsGridsIntoCellsWithStableIds) {
    const Suite suite = parseSuite(example(), "example");
    EXPECT_EQ(suite.name, "purification");
    // 2 products x (2*3*2 + 2*3*1*2) + 1 x 2
    EXPECT_EQ(suite.cells.size(), 2u * (12u + 12u) + 2u);
    EXPECT_EQ(suite.datasets, (std::vector<std::string>{"mvtec_ad", "tiles"}));
    EXPECT_EQ(suite.kinds, (std::vector<std::string>{"contamination", "compression"}));
    const SuiteCell& first = suite.cells.front();
    EXPECT_EQ(first.dataset, "mvtec_ad");
    EXPECT_EQ(first.product, "bottle");
    EXPECT_EQ(first.params["support"], 10);
    EXPECT_EQ(first.id.size(), 16u);
    // The same parameters give the same id, whatever the key order of the file.
    nlohmann::json reordered = example();
    reordered["experiments"][0]["features"] = {{"resolution", 224}, {"backbone", "mobilenetv2_100"}};
    EXPECT_EQ(parseSuite(reordered, "reordered").cellIds(), suite.cellIds());
    // Another value, another id.
    reordered["experiments"][0]["fixed"]["support"] = 20;
    EXPECT_NE(parseSuite(reordered, "changed").cells.front().id, first.id);
}

TEST(SuiteFile, RefusesWhatASuiteMustNotSay) {
    auto fails = [](const std::function<void(nlohmann::json&)>& edit, const std::string& expected) {
        nlohmann::json doc = example();
        edit(doc);
        try {
            parseSuite(doc, "edited.json");
            ADD_FAILURE() << "accepted: " << expected;
        } catch (const pb::Error& e) {
            EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find("edited.json"), std::string::npos) << e.what();
        }
    };
    fails([](auto& d) { d["experiments"][0]["products"][0] = "bottle"; }, "<data set>/<product>");
    fails([](auto& d) { d["experiments"][0]["features"]["weights"] = "/home/me/model.safetensors"; }, "holds a path");
    fails([](auto& d) { d["experiments"][1]["grid"]["method"] = nlohmann::json::array(); }, "non-empty list");
    fails([](auto& d) { d["experiments"][0]["grid"][1] = d["experiments"][0]["grid"][0]; }, "same parameters");
    fails([](auto& d) { d.erase("experiments"); }, "\"experiments\" is missing");
    fails([](auto& d) { d["experiments"][0]["kind"] = 3; }, "wrong type");
}

TEST(SuiteFile, PooledKindsMakeOneCellOverAllProductsAndFeatureListsCross) {
    const nlohmann::json doc = nlohmann::json::parse(R"json({
      "suite": "pollution", "experiments": [{
        "name": "shared", "kind": "shared_bank",
        "products": ["mvtec_ad/bottle", "tiles/magnetic_tile", "demo/wood"],
        "grid": {"budget_vectors": [100, 500], "route": [false, true]}
      }, {
        "name": "backbones", "kind": "compression", "products": ["mvtec_ad/bottle", "demo/wood"],
        "features": [{"backbone": "mobilenetv2_100"}, {"backbone": "resnet50"}],
        "grid": {"bank": ["coreset:0.05"]}
      }]})json");
    const Suite suite = parseSuite(doc, "pooled");
    ASSERT_EQ(suite.cells.size(), 4u + 2u * 2u);
    const SuiteCell& pooled = suite.cells.front();
    EXPECT_TRUE(pooled.pooled());
    EXPECT_EQ(pooled.products, (std::vector<std::string>{"mvtec_ad/bottle", "tiles/magnetic_tile", "demo/wood"}));
    EXPECT_EQ(pooled.label(), "3 products");
    EXPECT_EQ(suite.datasets, (std::vector<std::string>{"demo", "mvtec_ad", "tiles"}));
    const SuiteCell& single = suite.cells[4];
    EXPECT_FALSE(single.pooled());
    EXPECT_EQ(single.label(), "mvtec_ad/bottle");
    EXPECT_EQ(single.features["backbone"], "mobilenetv2_100");
    EXPECT_EQ(suite.cells[5].features["backbone"], "resnet50");
    EXPECT_NE(suite.cells[4].id, suite.cells[5].id);
    // The product list is part of a pooled cell's identity.
    nlohmann::json fewer = doc;
    fewer["experiments"][0]["products"].erase(2);
    EXPECT_NE(parseSuite(fewer, "fewer").cells.front().id, pooled.id);
}
