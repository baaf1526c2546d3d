// End-to-end runs of the reference-set audit and the contaminated few-shot protocol on real MVTec AD
// bottle images with the pretrained MobileNetV2 (skipped, saying so, without ../shared).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "CliRunner.h"
#include "TestData.h"

namespace fs = std::filesystem;
using pb::test::readSimpleCsv;
using pb::test::runCli;

namespace {

std::string mobilenet() {
    return " --backbone mobilenetv2_100 --weights " +
           (pb::test::sharedDir() / "weights/mobilenetv2_100_imagenet_from_int8.safetensors").string();
}

// An MVTec-layout product whose train/good holds `good` bottle training images (from `first` on) and
// the given bottle test defects, named 9xx.png so that they sort last.
fs::path referenceFolder(const std::string& name, std::size_t first, std::size_t good,
                         const std::vector<std::string>& defects) {
    const fs::path bottle = pb::test::sharedDir() / "data/mvtec_ad/bottle";
    const fs::path root = pb::test::scratchDir(name);
    const fs::path train = root / "bottle/train/good";
    fs::create_directories(train);
    std::vector<fs::path> images;
    for (const auto& e : fs::directory_iterator(bottle / "train/good")) images.push_back(e.path());
    std::sort(images.begin(), images.end());
    for (std::size_t i = first; i < first + good; ++i) fs::copy_file(images.at(i), train / images[i].filename());
    for (std::size_t j = 0; j < defects.size(); ++j)
        fs::copy_file(bottle / "test" / defects[j], train / ("9" + std::to_string(j).insert(0, 2 - std::to_string(j).size(), '0') + ".png"));
    return root;
}

}  // namespace

TEST(CliAudit, FlagsTheThreeDefectiveReferencesOfThirty) {
    PB_REQUIRE_SHARED();
    const fs::path data = referenceFolder(
        "cli-audit-dirty", 0, 27, {"broken_large/000.png", "broken_small/000.png", "contamination/000.png"});
    const fs::path out = data / "report";
    auto run = runCli("audit --data " + data.string() + " --product bottle --meds --members 50 --out " + out.string() +
                      " --cache " + (data / "cache").string() + mobilenet());
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const auto rows = readSimpleCsv(out / "audit.csv");
    ASSERT_EQ(rows.size(), 30u);
    // The three defects rank first, all flagged, each with its reason and PNGs.
    std::set<std::string> top;
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(rows[i].at("rank"), std::to_string(i + 1));
        EXPECT_EQ(rows[i].at("flagged"), "1");
        EXPECT_EQ(rows[i].at("ensemble_flagged"), "1");
        EXPECT_NE(rows[i].at("reason").find("worst patch"), std::string::npos);
        top.insert(fs::path(rows[i].at("image")).filename().string());
        const std::string stem = rows[i].at("rank") + "_" + fs::path(rows[i].at("image")).stem().string();
        EXPECT_TRUE(fs::exists(out / "flagged" / (stem + "_worst.png")));
        EXPECT_TRUE(fs::exists(out / "flagged" / (stem + "_heatmap.png")));
    }
    EXPECT_EQ(top, (std::set<std::string>{"900.png", "901.png", "902.png"}));
    std::size_t flagged = 0;
    for (const auto& row : rows) flagged += row.at("flagged") == "1" ? 1 : 0;
    EXPECT_LE(flagged, 12u);  // the int(0.4 N) cap
    EXPECT_NE(run.output.find("900.png"), std::string::npos);  // the terminal summary names them
}

TEST(CliAudit, CleanFolderCostsFewFalseAlarms) {
    PB_REQUIRE_SHARED();
    const fs::path data = referenceFolder("cli-audit-clean", 30, 30, {});
    const fs::path out = data / "report";
    auto run = runCli("audit --quiet --no-images --data " + data.string() + " --product bottle --out " + out.string() +
                      " --cache " + (data / "cache").string() + mobilenet());
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const auto rows = readSimpleCsv(out / "audit.csv");
    ASSERT_EQ(rows.size(), 30u);
    std::size_t flagged = 0;
    for (const auto& row : rows) flagged += row.at("flagged") == "1" ? 1 : 0;
    // The robust rule flags the tail of a clean set too (the paper: 1.2 of 10 at k = 1.5); far fewer than the cap.
    EXPECT_LE(flagged, 5u);
    EXPECT_FALSE(fs::exists(out / "flagged"));
}

TEST(CliPurify, ProtocolRowsFollowTheSetupAndTheMethod) {
    PB_REQUIRE_SHARED();
    const fs::path out = pb::test::scratchDir("cli-purify");
    auto run = runCli("evaluate --data " + (pb::test::sharedDir() / "data/mvtec_ad").string() +
                      " --product bottle --support 10 --contamination 0.3 --seed 0 --setup A,B"
                      " --purify audit,recapture,oracle,loo,random --out " + out.string() + " --cache " +
                      (out / "cache").string() + mobilenet());
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const auto rows = readSimpleCsv(out / "purification.csv");
    ASSERT_EQ(rows.size(), 2u * 2u * 6u);  // setups x rates (0 always) x methods (none always)
    for (const auto& r : rows) {
        const std::string setup = r.at("setup"), method = r.at("purification_method");
        const bool dirty = r.at("contamination_rate") == "0.3";
        EXPECT_EQ(r.at("n_test"), setup == "A" ? "83" : "52");  // B: half the 63 anomalies form the pool
        EXPECT_EQ(r.at("n_contaminated"), dirty ? "3" : "0");
        EXPECT_GT(std::stod(r.at("img_auroc")), 0.8);
        if (method == "oracle") {
            EXPECT_EQ(r.at("n_removed"), r.at("n_contaminated"));
            EXPECT_EQ(r.at("n_cont_removed"), r.at("n_contaminated"));
        }
        if (method == "recapture") EXPECT_EQ(r.at("n_train_after_purification"), "10");
        if (method == "loo" || method == "random") EXPECT_EQ(r.at("n_patches_removed"), "392");
    }
    const auto summary = readSimpleCsv(out / "purification_summary.csv");
    ASSERT_EQ(summary.size(), 2u * 5u);  // per setup, every method but none
    for (const auto& s : summary)
        if (s.at("setup") == "A" && s.at("method") == "oracle") {
            EXPECT_GT(std::stod(s.at("damage")), 0.0);  // Setup A: contaminants are in the test set
            EXPECT_GT(std::stod(s.at("recovery")), 0.5);
            EXPECT_EQ(s.at("removal_precision"), "1");
        }
    EXPECT_NE(run.output.find("recov%"), std::string::npos);

    auto bad = runCli("evaluate --data " + (pb::test::sharedDir() / "data/mvtec_ad").string() +
                      " --out " + out.string() + " --support 10 --purify scrub" + mobilenet());
    EXPECT_NE(bad.exitCode, 0);
    EXPECT_NE(bad.output.find("unknown purification method 'scrub'"), std::string::npos) << bad.output;
    auto noSupport = runCli("evaluate --data " + (pb::test::sharedDir() / "data/mvtec_ad").string() + " --out " +
                            out.string() + " --contamination 0.3" + mobilenet());
    EXPECT_NE(noSupport.exitCode, 0);
    EXPECT_NE(noSupport.output.find("--contamination needs --support"), std::string::npos) << noSupport.output;
}
