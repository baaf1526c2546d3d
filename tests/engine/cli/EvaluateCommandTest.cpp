// End-to-end runs of patchbank-cli: the embedded demo and the real MVTec AD bottle category.
#include <gtest/gtest.h>

#include "CliRunner.h"
#include "TestData.h"
#include "engine/util/BlasKernel.h"

namespace fs = std::filesystem;
using pb::test::readSimpleCsv;
using pb::test::runCli;

TEST(CliEvaluate, DemoSeparatesDefectsOnEveryProduct) {
    const fs::path out = pb::test::scratchDir("cli-demo");
    auto run = runCli("demo --quiet --out " + out.string() + " --cache " + (out / "cache").string());
    ASSERT_EQ(run.exitCode, 0) << run.output;
    auto rows = readSimpleCsv(out / "metrics.csv");
    ASSERT_GE(rows.size(), 2u);
    for (const auto& row : rows) {
        EXPECT_GE(std::stod(row.at("image_auroc")), 0.95) << row.at("product");
        EXPECT_GT(std::stod(row.at("pixel_auroc")), 0.80) << row.at("product");
        EXPECT_NE(row.at("aupro_variant").find("fpr<=0.3"), std::string::npos);
        EXPECT_EQ(row.at("eval_resolution"), "224x224");
    }
    EXPECT_TRUE(fs::exists(out / "scores.csv"));
    // Every results row names the BLAS, its kernel and its threads (the ones this machine runs).
    const pb::BlasLibrary blas = pb::BlasLibrary::current();
    auto timings = readSimpleCsv(out / "timings.csv");
    ASSERT_FALSE(timings.empty());
    for (const auto* table : {&rows, &timings})
        for (const auto& row : *table) {
            EXPECT_EQ(row.at("blas").rfind(blas.name, 0), 0u) << row.at("blas");
            if (!blas.kernel.empty()) EXPECT_EQ(row.at("blas_kernel").rfind(blas.kernel, 0), 0u) << row.at("blas_kernel");
            EXPECT_GT(std::stoi(row.at("blas_threads")), 0);
        }
    // Every test image gets its three PNGs.
    std::size_t overlays = 0;
    for (const auto& e : fs::recursive_directory_iterator(out / "images"))
        if (e.path().filename().string().find("_overlay.png") != std::string::npos) ++overlays;
    std::size_t tested = 0;
    for (const auto& row : rows) tested += std::stoul(row.at("n_test"));
    EXPECT_EQ(overlays, tested);
}

TEST(CliEvaluate, RandomWeightsAreNeverSilent) {
    // The warning comes with the options, before the (here missing) data set is read.
    auto random = runCli("evaluate --data /nonexistent/folder --backbone mobilenetv2_100 --out /tmp/x --quiet");
    EXPECT_NE(random.output.find("warning: mobilenetv2_100 has no weights file and runs on random weights"),
              std::string::npos)
        << random.output;
    EXPECT_NE(random.output.find("--weights"), std::string::npos) << random.output;
    EXPECT_NE(random.output.find("models fetch"), std::string::npos) << random.output;
    for (const std::string other : {"--backbone descriptors", "--backbone mobilenetv2_100 --weights model.safetensors"}) {
        auto quiet = runCli("evaluate --data /nonexistent/folder " + other + " --out /tmp/x --quiet");
        EXPECT_EQ(quiet.output.find("random weights"), std::string::npos) << quiet.output;
    }
}

TEST(CliEvaluate, BadInputsGiveClearErrors) {
    auto missing = runCli("evaluate --data /nonexistent/folder --out /tmp/x --quiet");
    EXPECT_NE(missing.exitCode, 0);
    EXPECT_NE(missing.output.find("/nonexistent/folder"), std::string::npos) << missing.output;

    auto unknown = runCli("evaluate --data . --out /tmp/x --frobnicate 3");
    EXPECT_NE(unknown.exitCode, 0);
    EXPECT_NE(unknown.output.find("--frobnicate"), std::string::npos) << unknown.output;

    const fs::path dir = pb::test::scratchDir("cli-badweights");
    { std::ofstream(dir / "model.safetensors") << "not a safetensors file"; }
    auto badWeights = runCli("evaluate --data . --out " + (dir / "out").string() + " --backbone mobilenetv2_100 --weights " +
                             (dir / "model.safetensors").string());
    EXPECT_NE(badWeights.exitCode, 0);
    EXPECT_NE(badWeights.output.find("model.safetensors"), std::string::npos) << badWeights.output;
}

TEST(CliEvaluate, BottleWithMobileNetV2MatchesPatchCoreQuality) {
    PB_REQUIRE_SHARED();
    const fs::path shared = pb::test::sharedDir();
    const fs::path out = pb::test::scratchDir("cli-bottle");
    auto run = runCli("evaluate --quiet --data " + (shared / "data/mvtec_ad").string() +
                      " --product bottle --backbone mobilenetv2_100 --weights " +
                      (shared / "weights/mobilenetv2_100_imagenet_from_int8.safetensors").string() +
                      " --resolution 224 --out " + out.string() + " --cache " + (out / "cache").string());
    ASSERT_EQ(run.exitCode, 0) << run.output;
    auto rows = readSimpleCsv(out / "metrics.csv");
    ASSERT_EQ(rows.size(), 1u);
    const auto& row = rows[0];
    EXPECT_EQ(row.at("n_train"), "209");
    EXPECT_EQ(row.at("n_test"), "83");
    EXPECT_GE(std::stod(row.at("image_auroc")), 0.99);
    EXPECT_GE(std::stod(row.at("pixel_auroc")), 0.97);
    EXPECT_GE(std::stod(row.at("aupro_30")), 0.90);
    EXPECT_TRUE(fs::exists(out / "images/bottle/broken_large/000_overlay.png"));
    EXPECT_TRUE(fs::exists(out / "images/bottle/good/000_heatmap.png"));
}
