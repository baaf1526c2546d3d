// The MeDS suite's "distilled" cells on the demo data set: the reconstruction detector trained alone
// and with MeDS stages 1-3 on a noisy list, scored on both test protocols, its checkpoints kept
// beside the log (a re-run resumes, here: finds them finished), and the two tables summarise it.
#include <gtest/gtest.h>

#include <fstream>

#include "TestData.h"
#include "engine/suite/ResultsLog.h"
#include "engine/suite/SuiteFile.h"
#include "engine/suite/SuiteRunner.h"
#include "engine/suite/SuiteSummary.h"
#include "engine/synth/DemoDatasetGenerator.h"

namespace fs = std::filesystem;

TEST(SuiteDistilled, TrainsBothDetectorsAndScoresBothProtocols) {
    const fs::path dir = pb::test::scratchDir("suite-distilled");
    pb::DemoDatasetOptions demo;
    demo.trainPerProduct = 8;
    demo.testGoodPerProduct = 3;
    demo.testDefectPerProduct = 4;
    pb::generateDemoDataset(dir / "demo", demo);
    // A list: wood's training images and two of its defective test images.
    fs::create_directories(dir / "lists");
    {
        std::ofstream list(dir / "lists/noisy_nr20_seed_0.csv");
        list << "filename,clsname\n";
        for (const auto& e : fs::directory_iterator(dir / "demo/wood/train/good"))
            list << "wood/train/good/" << e.path().filename().string() << ",wood\n";
        int added = 0;
        for (const auto& d : fs::directory_iterator(dir / "demo/wood/test"))
            if (d.path().filename() != "good")
                for (const auto& e : fs::directory_iterator(d.path()))
                    if (added++ < 2) list << "wood/test/" << d.path().filename().string() << "/" << e.path().filename().string() << ",wood\n";
    }
    const nlohmann::json document = {
        {"suite", "meds-demo"},
        {"source", "test"},
        {"experiments",
         {{{"name", "noisy"},
           {"kind", "noisy_training"},
           {"products", {"demo/wood"}},
           {"features", {{"backbone", "descriptors"}, {"resolution", 224}}},
           {"fixed",
            {{"lists", "lists"}, {"list", "noisy_nr{noise_ratio}_seed_{seed}.csv"}, {"stage", "distilled"},
             {"iterations", 3}, {"finetune_iterations", 4}, {"batch", 4}, {"blocks", 2}}},
           {"grid", {{{"noise_ratio", {20}}, {"seed", {0}}}}}}}}};
    const pb::suite::Suite suite = pb::suite::parseSuite(document, "test");
    ASSERT_EQ(suite.cells.size(), 1u);
    pb::suite::SuiteRunOptions options;
    options.datasets = {{"demo", (dir / "demo").string()}, {"lists", (dir / "lists").string()}};
    options.modelsDir = (dir / "log.jsonl.models").string();
    nlohmann::json row;
    {
        pb::suite::ResultsLog log(dir / "log.jsonl");
        pb::suite::SuiteRunner runner(suite, options);
        row = runner.runCell(0, log, {});
    }
    EXPECT_EQ(row.value("n_train", 0), 10);
    EXPECT_EQ(row.value("n_defective", 0), 2);
    EXPECT_EQ(row.value("n_test_disjoint", 0), 5);
    EXPECT_EQ(row.value("n_test_shared", 0), 7);
    for (const std::string key : {"image_auroc_recon_disjoint", "image_auroc_meds_disjoint", "image_auroc_recon_shared",
                                  "image_auroc_meds_shared", "pixel_ap_meds_shared", "aupro_30_recon_disjoint"}) {
        ASSERT_TRUE(row.contains(key) && row[key].is_number()) << key << " in " << row.dump();
        EXPECT_GE(row[key].get<double>(), 0.0);
        EXPECT_LE(row[key].get<double>(), 1.0);
    }
    EXPECT_GE(row.value("rounds", 0), 1);
    // Both checkpoints are beside the log, finished; the same cell again finds them and gives the same row.
    std::size_t models = 0;
    for (const auto& e : fs::directory_iterator(dir / "log.jsonl.models")) models += e.path().extension() == ".safetensors";
    EXPECT_EQ(models, 2u);
    {
        pb::suite::ResultsLog again(dir / "again.jsonl");
        pb::suite::SuiteRunner runner(suite, options);
        EXPECT_EQ(pb::suite::withoutTimings(runner.runCell(0, again, {})), pb::suite::withoutTimings(row));
    }
    const auto tables = pb::suite::summariseSuite(suite, pb::suite::ResultsLog::read(dir / "log.jsonl"));
    std::vector<std::string> names;
    for (const auto& t : tables) names.push_back(t.name);
    ASSERT_NE(std::find(names.begin(), names.end(), "noisy_distilled_disjoint"), names.end());
    ASSERT_NE(std::find(names.begin(), names.end(), "noisy_distilled_shared"), names.end());
    EXPECT_EQ(std::find(names.begin(), names.end(), "noisy_screening"), names.end());  // no stage-1 cell here
}
