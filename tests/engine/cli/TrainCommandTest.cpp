// `train` and `evaluate --model / --noise-split` end to end on the small demo data set with the
// weights-free descriptors backbone: the model file and its curves, resuming, refusals, the noisy
// protocol's two test sets, and MeDS's selection rounds.
#include <gtest/gtest.h>

#include <fstream>

#include "CliRunner.h"
#include "SuiteTestData.h"
#include "TestData.h"

namespace fs = std::filesystem;
using pb::test::readSimpleCsv;
using pb::test::runCli;

namespace {

const std::string kTiny = " --backbone descriptors --blocks 2 --train-batch 4 --no-cache --threads 2";

// A MeDS-style list: every training image of wood plus its first three defective test images.
fs::path noisyList(const fs::path& data, const fs::path& file) {
    std::ofstream out(file);
    out << "filename,clsname\n";
    for (const auto& e : fs::directory_iterator(data / "wood/train/good"))
        out << "wood/train/good/" << e.path().filename().string() << ",wood\n";
    int added = 0;
    for (const auto& e : fs::directory_iterator(data / "wood/test"))
        if (e.path().filename() != "good" && added < 3)
            for (const auto& image : fs::directory_iterator(e.path()))
                if (added++ < 3) out << "wood/test/" << e.path().filename().string() << "/" << image.path().filename().string() << ",wood\n";
    return file;
}

}  // namespace

TEST(CliTrain, TrainsResumesScoresAndRefusesOtherFeatures) {
    const fs::path dir = pb::test::scratchDir("cli-train");
    const fs::path data = pb::test::generateSuiteDemo(dir);
    const fs::path model = dir / "wood.safetensors";
    auto run = runCli("train --data " + data.string() + " --product wood --iterations 6 --validate --validate-every 3 --out " +
                      model.string() + kTiny);
    ASSERT_EQ(run.exitCode, 0) << run.output;
    ASSERT_TRUE(fs::exists(model));
    const auto loss = readSimpleCsv(model.string() + ".loss.csv");
    ASSERT_EQ(loss.size(), 6u);
    EXPECT_EQ(loss.front().at("phase"), "reconstruct");
    const auto validation = readSimpleCsv(model.string() + ".validation.csv");
    ASSERT_EQ(validation.size(), 2u);  // at 3 and 6
    EXPECT_FALSE(validation.back().at("pixel_ap").empty());

    run = runCli("train --data " + data.string() + " --product wood --iterations 6 --out " + model.string() + kTiny);
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_NE(run.output.find("already trained"), std::string::npos) << run.output;
    // Other options on the same file: refused, saying why.
    run = runCli("train --data " + data.string() + " --product wood --iterations 7 --out " + model.string() + kTiny);
    EXPECT_NE(run.exitCode, 0);
    EXPECT_NE(run.output.find("other training options"), std::string::npos) << run.output;

    const fs::path report = dir / "report";
    run = runCli("evaluate --data " + data.string() + " --model " + model.string() + " --out " + report.string() +
                 " --backbone descriptors --no-cache --no-images");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const auto metrics = readSimpleCsv(report / "metrics.csv");
    ASSERT_EQ(metrics.size(), 1u);
    EXPECT_EQ(metrics[0].at("product"), "wood");
    EXPECT_EQ(metrics[0].at("bank_spec"), "recon");
    EXPECT_EQ(metrics[0].at("n_test"), "10");
    const double auroc = std::stod(metrics[0].at("image_auroc"));
    EXPECT_GE(auroc, 0.0);
    EXPECT_LE(auroc, 1.0);

    // A model of other features is refused, naming the file and what differs.
    run = runCli("evaluate --data " + data.string() + " --model " + model.string() + " --out " + report.string() +
                 " --backbone descriptors --resolution 192 --no-cache --no-images");
    EXPECT_NE(run.exitCode, 0);
    EXPECT_NE(run.output.find(model.string()), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("resolution"), std::string::npos) << run.output;
    // Not a model.
    run = runCli("evaluate --data " + data.string() + " --model " + (model.string() + ".loss.csv") + " --out " +
                 report.string() + " --backbone descriptors --no-cache");
    EXPECT_NE(run.exitCode, 0);
    EXPECT_NE(run.output.find(".loss.csv"), std::string::npos) << run.output;
}

TEST(CliTrain, MedsOnANoisyListAndBothTestProtocols) {
    const fs::path dir = pb::test::scratchDir("cli-train-meds");
    const fs::path data = pb::test::generateSuiteDemo(dir);
    const fs::path list = noisyList(data, dir / "noisy.csv");
    const fs::path model = dir / "meds.safetensors";
    auto run = runCli("train --data " + data.string() + " --product wood --noise-split " + list.string() +
                      " --meds --members 10 --iterations 4 --finetune-iterations 6 --out " + model.string() + kTiny);
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_NE(run.output.find("stage 1: the memory ensemble flags"), std::string::npos) << run.output;
    const auto loss = readSimpleCsv(model.string() + ".loss.csv");
    ASSERT_EQ(loss.size(), 10u);
    EXPECT_EQ(loss.front().at("phase"), "distill");
    EXPECT_EQ(loss.back().at("phase"), "finetune");
    const auto rounds = readSimpleCsv(model.string() + ".selection.csv");
    ASSERT_FALSE(rounds.empty());
    EXPECT_EQ(rounds[0].at("images"), "13");  // 10 training images + 3 injected defects
    EXPECT_EQ(rounds[0].at("iteration"), "0");

    // Disjoint: the 3 injected defects leave the test set; shared: all 10 test images stay.
    for (const auto& [protocol, tests] : {std::make_pair("disjoint", "7"), std::make_pair("shared", "10")}) {
        const fs::path report = dir / (std::string("report-") + protocol);
        run = runCli("evaluate --data " + data.string() + " --product wood --noise-split " + list.string() +
                     " --protocol " + protocol + " --model " + model.string() + " --out " + report.string() +
                     " --backbone descriptors --no-cache --no-images");
        ASSERT_EQ(run.exitCode, 0) << run.output;
        const auto metrics = readSimpleCsv(report / "metrics.csv");
        EXPECT_EQ(metrics.at(0).at("n_test"), tests) << protocol;
        EXPECT_EQ(metrics.at(0).at("n_train"), "13") << protocol;
        EXPECT_EQ(metrics.at(0).at("bank_spec"), "recon+meds") << protocol;
    }
    // The kNN bank on the noisy list screened by stage 1.
    const fs::path screened = dir / "report-screened";
    run = runCli("evaluate --data " + data.string() + " --product wood --noise-split " + list.string() +
                 " --meds --members 10 --out " + screened.string() + " --backbone descriptors --no-cache --no-images");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_NE(run.output.find("stage 1: the memory ensemble left out"), std::string::npos) << run.output;
    EXPECT_NE(readSimpleCsv(screened / "metrics.csv").at(0).at("bank_spec").find("MeDS-screened"), std::string::npos);
}
