// The budget sweep on a small generated demo data set: the points it builds (specs, sizes, byte counts),
// that its AUROC is the one the product pipeline gets for the same bank, the CSV, cancellation and the
// options it refuses.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "engine/backbone/DescriptorBackbone.h"
#include "engine/dataset/DatasetReader.h"
#include "engine/experiments/BudgetSweep.h"
#include "engine/experiments/ProductModel.h"
#include "engine/io/CsvWriter.h"
#include "engine/metrics/ImageMetrics.h"
#include "engine/synth/DemoDatasetGenerator.h"
#include "engine/util/Error.h"
#include "tests/engine/TestData.h"

namespace {

struct DemoProduct {
    pb::Dataset dataset;
    std::vector<pb::Sample> train;
    std::vector<pb::Sample> test;
};

// carpet of a demo data set small enough for a sub-second sweep: 6 train, 3 good + 3 defective test images.
const DemoProduct& demo() {
    static const DemoProduct product = [] {
        const auto root = pb::test::scratchDir("budget-sweep");
        pb::DemoDatasetOptions options;
        options.imageSize = 128;
        options.trainPerProduct = 6;
        options.testGoodPerProduct = 3;
        options.testDefectPerProduct = 3;
        pb::generateDemoDataset(root, options);
        DemoProduct d;
        d.dataset = pb::openDataset(root);
        d.train = d.dataset.select("carpet", pb::Split::Train);
        d.test = d.dataset.select("carpet", pb::Split::Test);
        return d;
    }();
    return product;
}

pb::EvaluationOptions demoOptions() {
    pb::EvaluationOptions o;
    o.resolution = 128;  // 16 x 16 patches of the stride-8 descriptors
    o.k = 3;
    return o;
}

// Image AUROC of the product pipeline (ProductModel) with the given bank spec.
double modelAuroc(const std::string& spec) {
    pb::DescriptorBackbone backbone;
    pb::EvaluationOptions options = demoOptions();
    options.bankSpec = spec;
    pb::ProductModel model(backbone, options);
    pb::StageTimes times;
    model.build("carpet", demo().train, pb::Progress{}, times);
    const auto scored = model.score(demo().test, pb::Progress{}, times);
    std::vector<double> scores;
    std::vector<int> labels;
    for (const auto& s : scored) {
        scores.push_back(s.score);
        labels.push_back(s.sample.label);
    }
    return pb::rocAuc(scores, labels);
}

}  // namespace

TEST(BudgetSweep, BuildsEveryPointAndMatchesTheProductPipeline) {
    ASSERT_EQ(demo().train.size(), 6u);
    ASSERT_EQ(demo().test.size(), 6u);
    pb::DescriptorBackbone backbone;
    pb::BudgetSweepOptions options;
    options.methods = {"random", "coreset", "kmeans", "ivfpq"};
    options.fractions = {0.25, 1.0 / 16};  // given out of order: swept by increasing budget
    options.pixelAuroc = true;
    options.ivfSubquantisers = {1, 7};  // 7 does not divide 71: left out (m = 71 trains for seconds)
    pb::BudgetSweep sweep(backbone, demoOptions(), options);
    std::vector<std::string> stages;
    pb::Progress progress;
    progress.onStep = [&](const std::string& stage, std::size_t, std::size_t) {
        if (stages.empty() || stages.back() != stage) stages.push_back(stage);
    };
    const pb::BudgetSweepResult r = sweep.run("carpet", demo().train, demo().test, progress);

    const int dim = pb::DescriptorBackbone::dim();
    EXPECT_EQ(r.featureDim, dim);
    EXPECT_EQ(r.trainImages, 6u);
    EXPECT_EQ(r.testImages, 6u);
    EXPECT_EQ(r.sourcePatches, 6u * 16 * 16);
    EXPECT_EQ(r.sourceBytes, r.sourcePatches * dim * sizeof(float));
    EXPECT_TRUE(r.problems.empty()) << r.problems.front();
    // Features once: one train and one test feature stage, then the sweep.
    EXPECT_EQ(stages, (std::vector<std::string>{"carpet: train features", "carpet: test features", "carpet: budget sweep"}));

    // flat, 3 compressors x 2 budgets, IVF-PQ at m = 1.
    EXPECT_EQ(sweep.ivfSubquantisers(dim), (std::vector<int>{1}));
    ASSERT_EQ(r.points.size(), 1u + 3 * 2 + 1);
    const std::vector<std::string> specs{"flat",
                                         "random:0.0625",
                                         "random:0.25",
                                         "coreset:0.0625",
                                         "coreset:0.25",
                                         "kmeans:0.0625",
                                         "kmeans:0.25",
                                         "ivfpq:nlist=39,m=1,nbits=8,nprobe=4"};
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const auto& p = r.points[i];
        EXPECT_EQ(p.spec, specs[i]);
        EXPECT_EQ(p.megabytes, static_cast<double>(p.bytes) / (1024.0 * 1024.0));
        EXPECT_DOUBLE_EQ(p.compressionRatio, static_cast<double>(r.sourceBytes) / static_cast<double>(p.bytes));
        EXPECT_GE(p.imageAuroc, 0.0);
        EXPECT_LE(p.imageAuroc, 1.0);
        EXPECT_TRUE(std::isfinite(p.pixelAuroc)) << p.spec;
        EXPECT_GT(p.searchSeconds, 0.0);
        if (p.method != "ivfpq") {
            // Exact-search banks store float32 vectors: int(n * fraction) of them.
            const auto expected = static_cast<std::size_t>(p.fraction * static_cast<double>(r.sourcePatches));
            EXPECT_EQ(p.vectors, expected) << p.spec;
            EXPECT_EQ(p.bytes, p.vectors * dim * sizeof(float)) << p.spec;
        } else {
            // Codes (m = 1 byte at 8 bits) + 8-byte ids per vector, 39 coarse centroids, 256 x dim codebook floats.
            EXPECT_EQ(p.vectors, r.sourcePatches);
            EXPECT_EQ(p.bytes, r.sourcePatches * (1 + 8) + 39 * dim * 4 + 256 * dim * 4) << p.spec;
        }
    }
    EXPECT_EQ(r.points[0].compressionRatio, 1.0);
    EXPECT_EQ(r.points[0].vectors, r.sourcePatches);

    // The sweep scores as the product pipeline does: same features, same bank, same AUROC.
    EXPECT_NEAR(r.points[0].imageAuroc, modelAuroc("flat"), 1e-12);
    EXPECT_NEAR(r.points[4].imageAuroc, modelAuroc("coreset:0.25"), 1e-12);
}

TEST(BudgetSweep, WritesCsv) {
    pb::DescriptorBackbone backbone;
    pb::BudgetSweepOptions options;
    options.methods = {"random"};
    options.fractions = {0.5};
    const auto r = pb::BudgetSweep(backbone, demoOptions(), options).run("carpet", demo().train, demo().test, {});
    ASSERT_EQ(r.points.size(), 2u);
    const auto file = pb::test::scratchDir("budget-sweep-csv") / "sweep.csv";
    pb::BudgetSweep::writeCsv(r, file);
    std::ifstream in(file);
    std::string header, flat, random, extra;
    std::getline(in, header);
    std::getline(in, flat);
    std::getline(in, random);
    EXPECT_FALSE(std::getline(in, extra));
    EXPECT_EQ(header,
              "product,method,spec,fraction,vectors,bytes,megabytes,compression_ratio,image_auroc,pixel_auroc,"
              "build_seconds,search_seconds");
    std::stringstream expected;
    expected << "carpet,random,random:0.5,0.5," << r.points[1].vectors << "," << r.points[1].bytes << ",";
    EXPECT_EQ(random.rfind(expected.str(), 0), 0u) << random;
    EXPECT_NE(random.find("," + pb::CsvWriter::number(r.points[1].imageAuroc, 6) + ",nan,"), std::string::npos)
        << random;
    EXPECT_EQ(flat.rfind("carpet,flat,flat,1," + std::to_string(r.sourcePatches) + ",", 0), 0u) << flat;
}

TEST(BudgetSweep, StopsWhenCancelled) {
    pb::DescriptorBackbone backbone;
    pb::BudgetSweepOptions options;
    options.methods = {"coreset", "kmeans"};
    pb::BudgetSweep sweep(backbone, demoOptions(), options);
    pb::Progress progress;
    std::size_t built = 0;
    progress.onStep = [&](const std::string& stage, std::size_t done, std::size_t) {
        if (stage == "carpet: budget sweep" && done == 2) progress.cancel.cancel();
        if (stage == "carpet: budget sweep") built = done;
    };
    EXPECT_THROW(sweep.run("carpet", demo().train, demo().test, progress), pb::Cancelled);
    EXPECT_EQ(built, 2u);
}

TEST(BudgetSweep, RefusesBadOptionsAndSkipsImpossiblePoints) {
    pb::DescriptorBackbone backbone;
    pb::BudgetSweepOptions options;
    options.methods = {"coreset", "hnsw"};
    EXPECT_THROW(pb::BudgetSweep(backbone, demoOptions(), options), pb::Error);
    options.methods = {"coreset"};
    options.fractions = {1.0};
    EXPECT_THROW(pb::BudgetSweep(backbone, demoOptions(), options), pb::Error);
    options.fractions = {0.5};
    options.methodOptions = "colour=red";
    EXPECT_THROW(pb::BudgetSweep(backbone, demoOptions(), options), pb::Error);

    // 16 bits need 65,536 training vectors per sub-quantiser codebook: FAISS cannot train on 1,536.
    options.methods = {"ivfpq"};
    options.methodOptions.clear();
    options.includeFlat = false;
    options.ivfNbits = 16;
    options.ivfSubquantisers = {1};
    std::vector<pb::Problem> problems;
    pb::Progress progress;
    progress.onProblem = [&](const pb::Problem& p) { problems.push_back(p); };
    const auto r = pb::BudgetSweep(backbone, demoOptions(), options).run("carpet", demo().train, demo().test, progress);
    EXPECT_TRUE(r.points.empty());
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].rfind("ivfpq:nlist=39,m=1,nbits=16,nprobe=4: ", 0), 0u) << r.problems[0];
    ASSERT_EQ(problems.size(), 1u);

    // Sub-quantiser counts: the largest divisors up to 4..64, and the dimension itself up to 128.
    options.ivfSubquantisers.clear();
    pb::BudgetSweep automatic(backbone, demoOptions(), options);
    EXPECT_EQ(automatic.ivfSubquantisers(1536), (std::vector<int>{4, 8, 16, 32, 64}));
    EXPECT_EQ(automatic.ivfSubquantisers(71), (std::vector<int>{1, 71}));  // a prime: 1 and itself
    EXPECT_EQ(automatic.ivfSubquantisers(96), (std::vector<int>{4, 8, 16, 32, 48, 96}));
    options.ivfSubquantisers = {8, 7, 8};
    EXPECT_EQ(pb::BudgetSweep(backbone, demoOptions(), options).ivfSubquantisers(64), (std::vector<int>{8}));
}

TEST(BudgetSweepFractions, ParsesFractionsAndNamesTheBadItem) {
    const std::vector<double> f = pb::BudgetSweep::parseFractions(" 1/64, 1 / 32; 0.125 ,");
    ASSERT_EQ(f.size(), 3u);
    EXPECT_DOUBLE_EQ(f[0], 1.0 / 64);
    EXPECT_DOUBLE_EQ(f[1], 1.0 / 32);
    EXPECT_DOUBLE_EQ(f[2], 0.125);
    for (const std::string bad : {"1", "0", "1/0", "2/1", "abc", "0.5x", "-0.1"}) {
        try {
            pb::BudgetSweep::parseFractions("1/8," + bad);
            ADD_FAILURE() << bad << " was accepted";
        } catch (const pb::Error& e) {
            EXPECT_NE(std::string(e.what()).find("\"" + bad + "\""), std::string::npos) << e.what();
        }
    }
    EXPECT_THROW(pb::BudgetSweep::parseFractions(" , "), pb::Error);
}
