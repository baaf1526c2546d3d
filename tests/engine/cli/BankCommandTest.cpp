// End-to-end runs of the bank, route and shared-bank commands of patchbank-cli on the embedded demo data.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "CliRunner.h"
#include "TestData.h"
#include "engine/synth/DemoDatasetGenerator.h"

namespace fs = std::filesystem;
using pb::test::readSimpleCsv;
using pb::test::runCli;

namespace {

// One demo data set shared by the tests of this file (generated once, a few seconds).
const fs::path& demoData() {
    static const fs::path dir = [] {
        fs::path d = pb::test::scratchDir("cli-bank-demo");
        pb::generateDemoDataset(d / "data");
        return d;
    }();
    return dir;
}

std::string common() {
    return " --backbone descriptors --quiet --cache " + (demoData() / "cache").string() + " ";
}

std::string data() { return " --data " + (demoData() / "data").string() + " "; }

}  // namespace

TEST(CliBank, BuildInfoScoreAndRefuseOtherFeatures) {
    const fs::path dir = pb::test::scratchDir("cli-bank-build");
    const fs::path bank = dir / "banks" / "carpet.pbbank";
    auto build = runCli("bank build" + data() + "--product carpet --bank coreset:1/8 --out " + bank.string() + common());
    ASSERT_EQ(build.exitCode, 0) << build.output;
    ASSERT_TRUE(fs::exists(bank));

    auto info = runCli("bank info " + bank.string());
    ASSERT_EQ(info.exitCode, 0) << info.output;
    EXPECT_NE(info.output.find("coreset"), std::string::npos) << info.output;
    EXPECT_NE(info.output.find("carpet"), std::string::npos) << info.output;
    EXPECT_NE(info.output.find("descriptors"), std::string::npos) << info.output;

    auto score = runCli("bank score --bank " + bank.string() + data() +
                        "--product carpet --no-images --scale-k --out " + (dir / "report").string() + common());
    ASSERT_EQ(score.exitCode, 0) << score.output;
    auto rows = readSimpleCsv(dir / "report" / "metrics.csv");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_GE(std::stod(rows[0].at("image_auroc")), 0.95);
    EXPECT_NE(rows[0].at("bank_spec").find("coreset"), std::string::npos);
    // 1/8 of the patches: a compression ratio of 8 up to rounding of the vector count.
    EXPECT_NEAR(std::stod(rows[0].at("compression_ratio")), 8.0, 0.05);
    // k is the number actually averaged: with --scale-k, k = 5 in the full bank is max(1, round(5 / 8)) = 1 here.
    EXPECT_EQ(rows[0].at("k"), "1");
    EXPECT_GT(std::stod(rows[0].at("seconds")), 0.0);
    EXPECT_EQ(std::stoul(rows[0].at("bank_bytes")),
              std::stoul(rows[0].at("bank_patches")) * std::stoul(rows[0].at("feature_dim")) * 4);

    // Verdicts from the labels; a normal-data band needs the training images a bank file does not keep.
    auto labelled = runCli("bank score --bank " + bank.string() + data() + "--product carpet --no-images " +
                           "--review-band labels:0.05 --out " + (dir / "labelled").string() + common());
    ASSERT_EQ(labelled.exitCode, 0) << labelled.output;
    std::map<std::string, int> verdicts;
    for (const auto& row : readSimpleCsv(dir / "labelled" / "scores.csv")) {
        const double score = std::stod(row.at("score")), low = std::stod(row.at("review_low")),
                     high = std::stod(row.at("review_high"));
        ASSERT_LE(low, high);
        EXPECT_EQ(row.at("verdict"), score >= high ? "bad" : score >= low ? "review" : "good") << row.at("image");
        ++verdicts[row.at("verdict")];
    }
    EXPECT_GT(verdicts["good"], 0);
    EXPECT_GT(verdicts["bad"], 0);
    auto normalBand = runCli("bank score --bank " + bank.string() + data() + "--product carpet --review-band normal " +
                             "--out " + (dir / "normal").string() + common());
    EXPECT_NE(normalBand.exitCode, 0);
    EXPECT_NE(normalBand.output.find("leave-one-out"), std::string::npos) << normalBand.output;
    EXPECT_FALSE(fs::exists(dir / "normal" / "scores.csv"));
    auto badRule = runCli("bank score --bank " + bank.string() + data() + "--product carpet --review-band 3,1 " +
                          "--out " + (dir / "bad").string() + common());
    EXPECT_NE(badRule.exitCode, 0);
    EXPECT_NE(badRule.output.find("3,1"), std::string::npos) << badRule.output;

    // A bank built at 224 px is refused for features at 256 px, naming what differs.
    auto other = runCli("bank score --bank " + bank.string() + data() + "--product carpet --resolution 256 --out " +
                        (dir / "other").string() + common());
    EXPECT_NE(other.exitCode, 0);
    EXPECT_NE(other.output.find("resolution"), std::string::npos) << other.output;

    auto corrupt = dir / "corrupt.pbbank";
    { std::ofstream(corrupt) << "not a bank"; }
    auto bad = runCli("bank info " + corrupt.string());
    EXPECT_NE(bad.exitCode, 0);
    EXPECT_NE(bad.output.find("corrupt.pbbank"), std::string::npos) << bad.output;
}

TEST(CliBank, EvaluateWithNormalReviewBandAndNormalHeatmapScale) {
    // Both from the leave-one-out scores of the training images: no labels needed.
    const fs::path dir = pb::test::scratchDir("cli-review-band");
    auto run = runCli("evaluate" + data() + "--product wood --review-band normal:1.2 --heatmap-scale normal --out " +
                      dir.string() + common());
    ASSERT_EQ(run.exitCode, 0) << run.output;
    auto rows = readSimpleCsv(dir / "scores.csv");
    ASSERT_FALSE(rows.empty());
    std::map<std::string, int> normalVerdicts;
    for (const auto& row : rows) {
        const double score = std::stod(row.at("score")), low = std::stod(row.at("review_low")),
                     high = std::stod(row.at("review_high"));
        ASSERT_LT(low, high);  // T2 = max x 1.2 > p99
        EXPECT_EQ(row.at("verdict"), score >= high ? "bad" : score >= low ? "review" : "good") << row.at("image");
        if (row.at("label") == "0") ++normalVerdicts[row.at("verdict")];
    }
    EXPECT_GT(normalVerdicts["good"], 0);
    EXPECT_TRUE(fs::exists(dir / "images"));
}

TEST(CliBank, AddGrowsTheBankWithoutRebuilding) {
    const fs::path dir = pb::test::scratchDir("cli-bank-add");
    const fs::path bank = dir / "wood.pbbank";
    ASSERT_EQ(runCli("bank build" + data() + "--product wood --bank flat --max-train 10 --out " + bank.string() + common())
                  .exitCode,
              0);
    std::string images;
    int added = 0;
    for (const auto& e : fs::directory_iterator(demoData() / "data" / "wood" / "train" / "good")) {
        const std::string name = e.path().filename().string();
        if (added < 3 && name >= "020.png") {
            images += " " + e.path().string();
            ++added;
        }
    }
    ASSERT_EQ(added, 3);
    auto add = runCli("bank add --bank " + bank.string() + " --out " + (dir / "wood2.pbbank").string() + common() + images);
    ASSERT_EQ(add.exitCode, 0) << add.output;
    auto before = runCli("bank info " + bank.string());
    auto after = runCli("bank info " + (dir / "wood2.pbbank").string());
    // Ten images, then thirteen: 784 patches each at 224 px and stride 8.
    EXPECT_NE(before.output.find("7840 of 7840"), std::string::npos) << before.output;
    EXPECT_NE(after.output.find("10192 of 10192"), std::string::npos) << after.output;
}

TEST(CliBank, SharedBankRoutesEveryDemoProduct) {
    const fs::path dir = pb::test::scratchDir("cli-bank-shared");
    auto run = runCli("evaluate --shared --route --no-images --bank coreset --budget-mb 2 --allocator proportional" + data() +
                      "--out " + dir.string() + common());
    ASSERT_EQ(run.exitCode, 0) << run.output;
    auto alloc = readSimpleCsv(dir / "allocation.csv");
    ASSERT_EQ(alloc.size(), 3u);
    std::size_t vectors = 0;
    for (const auto& row : alloc) {
        vectors += std::stoul(row.at("vectors"));
        EXPECT_EQ(row.at("routing_accuracy"), "1") << row.at("product");
    }
    // 2 MiB of 71-dimensional float32 vectors, split exactly.
    EXPECT_EQ(vectors, static_cast<std::size_t>(2 * 1024 * 1024 / (71 * 4)));
    auto metrics = readSimpleCsv(dir / "metrics.csv");
    ASSERT_EQ(metrics.size(), 3u);
    for (const auto& row : metrics) {
        EXPECT_GE(std::stod(row.at("image_auroc")), 0.9) << row.at("product");
        // Routed search only sees the product's own share.
        EXPECT_EQ(std::stod(row.at("wrong_neighbor_rate")), 0.0) << row.at("product");
    }
    EXPECT_TRUE(fs::exists(dir / "routing_confusion.csv"));

    auto unrouted = runCli("evaluate --shared --no-images --bank random --budget-mb 1" + data() + "--out " +
                           (dir / "unrouted").string() + common());
    ASSERT_EQ(unrouted.exitCode, 0) << unrouted.output;
    for (const auto& row : readSimpleCsv(dir / "unrouted" / "metrics.csv")) {
        const double wnr = std::stod(row.at("wrong_neighbor_rate"));
        EXPECT_GE(wnr, 0.0);
        EXPECT_LT(wnr, 0.5) << row.at("product");
    }

    auto badBudget = runCli("evaluate --shared --bank coreset:0.1" + data() + "--out " + (dir / "bad").string() + common());
    EXPECT_NE(badBudget.exitCode, 0);
    EXPECT_NE(badBudget.output.find("--budget-mb"), std::string::npos) << badBudget.output;
}

TEST(CliBank, RouteReportsAccuracyConfusionAndMargins) {
    const fs::path dir = pb::test::scratchDir("cli-route");
    auto run = runCli("route" + data() + "--out " + dir.string() + " --save-router " + (dir / "router.pbrouter").string() +
                      common());
    ASSERT_EQ(run.exitCode, 0) << run.output;
    auto confusion = readSimpleCsv(dir / "routing_confusion.csv");
    ASSERT_EQ(confusion.size(), 3u);
    for (const auto& row : confusion) {
        EXPECT_EQ(row.at("accuracy"), "1") << row.at("true_product");
        EXPECT_EQ(row.at(row.at("true_product")), "26");
    }
    auto rows = readSimpleCsv(dir / "routing.csv");
    ASSERT_EQ(rows.size(), 3u * 26u);
    for (const auto& row : rows) {
        EXPECT_EQ(row.at("correct"), "1") << row.at("image");
        EXPECT_GT(std::stod(row.at("margin")), 0.0);
    }
    EXPECT_TRUE(fs::exists(dir / "router.pbrouter"));
}

TEST(CliBank, SweepWritesTheBudgetSweepCsv) {
    const fs::path dir = pb::test::scratchDir("cli-sweep");
    const fs::path csv = dir / "sweep.csv";
    auto run = runCli("sweep" + data() + "--product carpet --methods random,coreset --fractions 1/8,0.25 --out " +
                      csv.string() + common());
    ASSERT_EQ(run.exitCode, 0) << run.output;
    auto rows = readSimpleCsv(csv);
    ASSERT_EQ(rows.size(), 5u);  // flat, then each method at each budget
    EXPECT_EQ(rows[0].at("method"), "flat");
    EXPECT_EQ(rows[0].at("fraction"), "1");
    double flatAuroc = std::stod(rows[0].at("image_auroc"));
    EXPECT_GE(flatAuroc, 0.95);
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"random", "0.125"}, {"random", "0.25"}, {"coreset", "0.125"}, {"coreset", "0.25"}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& row = rows[i + 1];
        EXPECT_EQ(row.at("product"), "carpet");
        EXPECT_EQ(row.at("method"), expected[i].first);
        EXPECT_EQ(row.at("fraction"), expected[i].second);
        EXPECT_NEAR(std::stod(row.at("compression_ratio")), 1.0 / std::stod(expected[i].second), 0.05);
        EXPECT_LT(std::stoul(row.at("vectors")), std::stoul(rows[0].at("vectors")));
        EXPECT_GE(std::stod(row.at("image_auroc")), 0.5);
    }

    auto bad = runCli("sweep" + data() + "--product carpet --fractions 1/8,2 --out " + csv.string() + common());
    EXPECT_NE(bad.exitCode, 0);
    EXPECT_NE(bad.output.find("\"2\" is not a fraction"), std::string::npos) << bad.output;
    auto missing = runCli("sweep" + data() + "--product nosuch --out " + csv.string() + common());
    EXPECT_NE(missing.exitCode, 0);
    EXPECT_NE(missing.output.find("nosuch"), std::string::npos) << missing.output;
}
