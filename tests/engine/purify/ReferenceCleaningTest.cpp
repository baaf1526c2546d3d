// The purification panel's engine side: reference features held in memory (unreadable images left
// out), test scores against a bank of patch vectors (k nearest mean, P95) checked by brute force, and
// the all-patches versus kept-patches comparison on a contaminated synthetic set.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>

#include "engine/backbone/DescriptorBackbone.h"
#include "engine/dataset/DatasetReader.h"
#include "engine/purify/PatchFilter.h"
#include "engine/purify/ReferenceCleaning.h"
#include "engine/synth/DemoDatasetGenerator.h"
#include "engine/util/Error.h"
#include "tests/engine/TestData.h"

using namespace pb::purify;

namespace {

// A 4x4 grid of dim-8 patches around a shared normal pattern; `defect` shifts patch (1, 1) far away.
pb::FeatureGrid makeGrid(std::mt19937& rng, bool defect) {
    std::normal_distribution<float> noise(0.0f, 0.05f);
    pb::FeatureGrid grid;
    grid.height = grid.width = 4;
    grid.dim = 8;
    for (int p = 0; p < 16; ++p)
        for (int d = 0; d < 8; ++d) grid.data.push_back(static_cast<float>((p + d) % 5) + noise(rng));
    if (defect)
        for (int d = 0; d < 8; ++d) grid.data[5 * 8 + d] += 6.0f;
    return grid;
}

double bruteForceScore(const std::vector<float>& bank, int dim, const pb::FeatureGrid& grid, int k) {
    const std::size_t rows = bank.size() / dim;
    std::vector<double> patchScores;
    for (std::size_t p = 0; p < grid.patches(); ++p) {
        std::vector<double> d;
        for (std::size_t r = 0; r < rows; ++r) {
            double s = 0;
            for (int j = 0; j < dim; ++j) s += std::pow(double(grid.patch(p)[j]) - bank[r * dim + j], 2);
            d.push_back(std::sqrt(s));
        }
        std::sort(d.begin(), d.end());
        double mean = 0;
        for (int j = 0; j < k; ++j) mean += d[j];
        patchScores.push_back(mean / k);
    }
    std::sort(patchScores.begin(), patchScores.end());
    // P95 order statistic: index ceil(0.95 P) - 1.
    return patchScores[static_cast<std::size_t>(std::ceil(0.95 * patchScores.size())) - 1];
}

}  // namespace

TEST(ReferenceCleaning, ScoresAgainstPatchVectorsAsTheBruteForceDoes) {
    std::mt19937 rng(7);
    ReferencePatches refs;
    for (int i = 0; i < 4; ++i) refs.append(makeGrid(rng, false));
    std::vector<pb::FeatureGrid> test = {makeGrid(rng, false), makeGrid(rng, true)};
    const int k = 3;
    const std::vector<double> scores = imageScoresAgainstPatches(refs.data, refs.dim, test, k, {});
    ASSERT_EQ(scores.size(), 2u);
    for (std::size_t j = 0; j < test.size(); ++j)
        EXPECT_NEAR(scores[j], bruteForceScore(refs.data, refs.dim, test[j], k), 1e-4);
    EXPECT_GT(scores[1], scores[0]);

    EXPECT_THROW(imageScoresAgainstPatches(std::vector<float>(16, 0.0f), 8, test, 3, {}), pb::Error);  // 2 rows < k
    test[0].dim = 4;
    EXPECT_THROW(imageScoresAgainstPatches(refs.data, refs.dim, test, k, {}), pb::Error);
}

TEST(ReferenceCleaning, KeptPatchesOfAContaminatedSetScoreTheTestSetBetter) {
    // Ten references, two carrying the same defect as the anomalous test images: with every patch in
    // the bank the defects find a near twin; the LOO filter removes those patches.
    std::mt19937 rng(3);
    ReferencePatches refs;
    for (int i = 0; i < 10; ++i) refs.append(makeGrid(rng, i == 2 || i == 6));
    std::vector<pb::FeatureGrid> test;
    std::vector<int> labels;
    for (int i = 0; i < 6; ++i) {
        test.push_back(makeGrid(rng, i >= 3));
        labels.push_back(i >= 3 ? 1 : 0);
    }
    // Two references share the defect, so each finds the other: k must reach past one twin.
    const std::vector<float> scores = patchOutlierScores(refs, PatchScoreMethod::Loo, 5, {});
    const std::vector<bool> keep = keepAtOrBelowPercentile(scores, 95.0);
    EXPECT_FALSE(keep[2 * 16 + 5]);
    EXPECT_FALSE(keep[6 * 16 + 5]);

    const KeptPatchComparison c = compareKeptPatches(refs, keep, test, labels, 1, {});
    EXPECT_EQ(c.allPatches, 160u);
    EXPECT_EQ(c.keptPatches, static_cast<std::size_t>(std::count(keep.begin(), keep.end(), true)));
    EXPECT_LT(c.keptPatches, c.allPatches);
    EXPECT_EQ(c.normalTest, 3u);
    EXPECT_EQ(c.anomalousTest, 3u);
    // With its twins in the bank a defect scores like a normal patch; without them it stands far out.
    for (std::size_t j = 3; j < 6; ++j) {
        EXPECT_LT(c.allScores[j], 1.0) << j;
        EXPECT_GT(c.keptScores[j], 5.0) << j;
    }
    for (std::size_t j = 0; j < 3; ++j) EXPECT_LT(c.keptScores[j], 1.0) << j;
    EXPECT_DOUBLE_EQ(c.keptAuroc, 1.0);
    EXPECT_LE(c.allAuroc, c.keptAuroc);

    // Keeping everything scores as the whole bank.
    const KeptPatchComparison same = compareKeptPatches(refs, std::vector<bool>(160, true), test, labels, 1, {});
    EXPECT_EQ(same.allScores, same.keptScores);

    EXPECT_THROW(keptPatchVectors(refs, std::vector<bool>(3, true)), pb::Error);
    EXPECT_THROW(compareKeptPatches(refs, keep, test, std::vector<int>(6, 0), 1, {}), pb::Error);  // one class only
}

TEST(ReferenceCleaning, ExtractsReadableReferencesAndNamesTheOthers) {
    const auto root = pb::test::scratchDir("reference-cleaning");
    pb::DemoDatasetOptions options;
    options.imageSize = 128;
    options.trainPerProduct = 3;
    options.testGoodPerProduct = 1;
    options.testDefectPerProduct = 1;
    pb::generateDemoDataset(root, options);
    std::vector<pb::Sample> train = pb::openDataset(root).select("carpet", pb::Split::Train);
    ASSERT_EQ(train.size(), 3u);
    const auto broken = root / "broken.png";
    std::ofstream(broken) << "not an image";
    pb::Sample bad = train.front();
    bad.path = broken.string();
    train.insert(train.begin() + 1, bad);

    pb::DescriptorBackbone backbone;
    pb::PreprocessSpec spec;
    spec.resizeWidth = spec.resizeHeight = 128;
    pb::FeatureExtractor extractor(backbone, pb::Preprocessor(spec), pb::FeatureCache());
    pb::StageTimes times;
    std::vector<pb::Problem> reported;
    pb::Progress progress;
    progress.onProblem = [&](const pb::Problem& p) { reported.push_back(p); };
    const ReferenceFeatures f = extractReferenceFeatures(extractor, train, "references", progress, times);
    ASSERT_EQ(f.samples.size(), 3u);
    EXPECT_EQ(f.samples[1].path, train[2].path);
    EXPECT_EQ(f.patches.images(), 3u);
    ASSERT_EQ(f.originalSizes.size(), 3u);
    EXPECT_EQ(f.originalSizes[0], std::make_pair(128, 128));
    ASSERT_EQ(f.problems.size(), 1u);
    EXPECT_EQ(f.problems[0].file, broken.string());
    EXPECT_FALSE(reported.empty());
    EXPECT_THROW(extractReferenceFeatures(extractor, {bad}, "references", {}, times), pb::Error);
}

TEST(ReferenceCleaning, AnotherAuditRuleRescoresFlagsAndRanks) {
    // Ten images of four patch scores: image i's worst patch is i / 2, image 9's is far out, image 8's a bit.
    ReferenceAuditReport report;
    std::vector<float> all;
    for (int i = 0; i < 10; ++i) {
        AuditedImage image;
        image.sample.path = "ref" + std::to_string(i) + ".png";
        image.patchScores = {1.0f, 1.0f + 0.01f * i, 1.0f, 1.0f + 0.5f * i / 9.0f};
        if (i == 8) image.patchScores[0] = 2.0f;
        if (i == 9) image.patchScores[2] = 6.0f;
        all.insert(all.end(), image.patchScores.begin(), image.patchScores.end());
        report.images.push_back(image);
    }
    for (const AuditRule& rule : {AuditRule{AuditScore::Max, 1.5, 0.4}, AuditRule{AuditScore::Max, 3.0, 0.4},
                                  AuditRule{AuditScore::Mean, 1.0, 0.4}, AuditRule{AuditScore::Q99, 2.0, 0.1}}) {
        const ReferenceAuditReport r = withAuditRule(report, rule);
        const ImageAuditResult expected = auditImages(all, 4, rule);
        EXPECT_EQ(r.rule.score, rule.score);
        EXPECT_DOUBLE_EQ(r.threshold, expected.threshold);
        EXPECT_DOUBLE_EQ(r.median, expected.median);
        EXPECT_EQ(r.maxFlagged, static_cast<std::size_t>(rule.maxFraction * 10));
        EXPECT_EQ(r.flagged(), expected.flagged);
        EXPECT_EQ(r.ranking(), expected.ranking);
        for (std::size_t i = 0; i < 10; ++i) EXPECT_DOUBLE_EQ(r.images[i].score, expected.scores[i]);
    }
    EXPECT_EQ(withAuditRule(report, AuditRule{AuditScore::Max, 1.5, 0.4}).flagged(), (std::vector<std::size_t>{9, 8}));
    EXPECT_EQ(withAuditRule(report, AuditRule{AuditScore::Max, 1.5, 0.1}).flagged(), (std::vector<std::size_t>{9}));
    report.images[3].patchScores.pop_back();
    EXPECT_THROW(withAuditRule(report, AuditRule{}), pb::Error);
    EXPECT_THROW(withAuditRule(ReferenceAuditReport{}, AuditRule{}), pb::Error);
}
