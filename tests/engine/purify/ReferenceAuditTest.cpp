// Leave-one-image-out neighbours, the image audit's robust rule, patch filters and the memory ensemble,
// on small synthetic reference sets whose answers are known.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "engine/purify/ImageAudit.h"
#include "engine/purify/ImageDistances.h"
#include "engine/purify/MemoryEnsemble.h"
#include "engine/purify/PatchFilter.h"
#include "engine/purify/ReferencePatches.h"
#include "engine/util/Error.h"

using namespace pb::purify;

namespace {

// n images of a 4x4 grid of dim-8 patches around a shared normal pattern; `defective` images get one
// patch far away from everything.
ReferencePatches makeReferences(std::size_t n, const std::vector<std::size_t>& defective, unsigned seed = 1) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> noise(0.0f, 0.05f);
    ReferencePatches refs;
    for (std::size_t i = 0; i < n; ++i) {
        pb::FeatureGrid grid;
        grid.height = grid.width = 4;
        grid.dim = 8;
        for (int p = 0; p < 16; ++p)
            for (int d = 0; d < 8; ++d) grid.data.push_back(static_cast<float>((p + d) % 5) + noise(rng));
        if (std::find(defective.begin(), defective.end(), i) != defective.end())
            for (int d = 0; d < 8; ++d) grid.data[5 * 8 + d] += 6.0f;  // patch (1, 1)
        refs.append(grid);
    }
    return refs;
}

double distance(const float* a, const float* b, int dim) {
    double s = 0;
    for (int d = 0; d < dim; ++d) s += (double(a[d]) - b[d]) * (double(a[d]) - b[d]);
    return std::sqrt(s);
}

}  // namespace

TEST(LeaveOneImageOut, NeighboursAreTheBruteForceOnesFromOtherImages) {
    const ReferencePatches refs = makeReferences(5, {2});
    const int k = 3;
    const pb::KnnResult knn = leaveOneImageOutKnn(refs, k, {});
    ASSERT_EQ(knn.queries, refs.patches());
    const std::size_t per = refs.patchesPerImage();
    for (std::size_t q = 0; q < refs.patches(); ++q) {
        std::vector<double> all;
        for (std::size_t b = 0; b < refs.patches(); ++b)
            if (b / per != q / per) all.push_back(distance(refs.patch(q), refs.patch(b), refs.dim));
        std::sort(all.begin(), all.end());
        for (int j = 0; j < k; ++j) {
            EXPECT_NEAR(knn.distance(q, j), all[j], 1e-4);
            EXPECT_NE(static_cast<std::size_t>(knn.index(q, j)) / per, q / per) << "a neighbour from its own image";
        }
    }
    EXPECT_THROW(leaveOneImageOutKnn(makeReferences(1, {}), 1, {}), pb::Error);
}

TEST(ImageAudit, FlagsTheDefectiveImagesWithTheirWorstPatch) {
    const ReferencePatches refs = makeReferences(12, {3, 8});
    const auto scores = meanDistances(leaveOneImageOutKnn(refs, 5, {}));
    const ImageAuditResult audit = auditImages(scores, refs.patchesPerImage(), AuditRule{});
    ASSERT_EQ(audit.flagged.size(), 2u);
    EXPECT_EQ(std::vector<std::size_t>({audit.flagged[0], audit.flagged[1]}).size(), 2u);
    EXPECT_TRUE(audit.isFlagged(3));
    EXPECT_TRUE(audit.isFlagged(8));
    EXPECT_EQ(audit.worstPatch[3], 5u);
    EXPECT_EQ(audit.worstPatch[8], 5u);
    EXPECT_NEAR(audit.threshold, audit.median + 1.5 * 1.4826 * audit.mad, 1e-12);
    EXPECT_EQ(audit.kept().size(), 10u);
}

TEST(ImageAudit, MadRuleCapAndZeroMad) {
    // Scores 1..10 per image (one patch each): median 5.5, MAD 2.5, threshold 5.5 + 1.4826 * 2.5 * k.
    std::vector<float> scores;
    for (int i = 1; i <= 10; ++i) scores.push_back(static_cast<float>(i));
    AuditRule rule;
    rule.k = 1.0;
    ImageAuditResult audit = auditImages(scores, 1, rule);
    EXPECT_DOUBLE_EQ(audit.median, 5.5);
    EXPECT_DOUBLE_EQ(audit.mad, 2.5);
    EXPECT_EQ(audit.flagged, (std::vector<std::size_t>{9}));  // 10 > 9.2065; 9 is not
    rule.k = 0.0;  // everything above 5.5 (6 images) is over the rule, but int(0.4 * 10) = 4 are flagged
    audit = auditImages(scores, 1, rule);
    EXPECT_EQ(audit.flagged, (std::vector<std::size_t>{9, 8, 7, 6}));
    // Identical scores: MAD 0, nothing flagged whatever k.
    audit = auditImages(std::vector<float>(10, 2.0f), 1, rule);
    EXPECT_TRUE(audit.flagged.empty());
    EXPECT_TRUE(std::isinf(audit.threshold));
    EXPECT_THROW(auditImages(std::vector<float>(7, 1.0f), 2, rule), pb::Error);
    EXPECT_THROW(auditScoreFromString("median"), pb::Error);
}

TEST(ImageAudit, ScoreVariants) {
    std::vector<float> s;
    for (int i = 0; i < 100; ++i) s.push_back(static_cast<float>(i));
    EXPECT_DOUBLE_EQ(auditScore(s.data(), s.size(), AuditScore::Max), 99.0);
    EXPECT_NEAR(auditScore(s.data(), s.size(), AuditScore::Q99), 98.01, 1e-9);  // numpy: 0.99 * 99
    EXPECT_DOUBLE_EQ(auditScore(s.data(), s.size(), AuditScore::Top5Mean), 97.0);  // 95..99
    EXPECT_DOUBLE_EQ(auditScore(s.data(), s.size(), AuditScore::Mean), 49.5);
}

TEST(PatchFilter, EveryScoreRanksTheDefectPatchesHighest) {
    const ReferencePatches refs = makeReferences(10, {2, 7});
    const std::size_t per = refs.patchesPerImage();
    for (auto method : {PatchScoreMethod::Loo, PatchScoreMethod::LooCosine, PatchScoreMethod::Mahalanobis,
                        PatchScoreMethod::Ensemble, PatchScoreMethod::Lof, PatchScoreMethod::IsolationForest}) {
        const auto scores = patchOutlierScores(refs, method, 5, {});
        ASSERT_EQ(scores.size(), refs.patches());
        std::vector<std::size_t> order(scores.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](auto a, auto b) { return scores[a] > scores[b]; });
        const std::vector<std::size_t> top = {std::min(order[0], order[1]), std::max(order[0], order[1])};
        EXPECT_EQ(top, (std::vector<std::size_t>{2 * per + 5, 7 * per + 5})) << toString(method);
        EXPECT_EQ(patchScoreMethodFromString(toString(method)), method);
    }
}

TEST(PatchFilter, PcaScoresTheDistanceOffThePrincipalSubspace) {
    // Normal patches span a plane in 8-d; one patch leaves it a little. A large defect would itself become
    // a principal axis (which is why PCA is only a control), so this one is small.
    ReferencePatches refs;
    std::mt19937 rng(5);
    std::normal_distribution<float> coordinate(0.0f, 3.0f);
    for (int i = 0; i < 4; ++i) {
        pb::FeatureGrid grid;
        grid.height = grid.width = 4;
        grid.dim = 8;
        for (int p = 0; p < 16; ++p) {
            const float a = coordinate(rng), b = coordinate(rng);
            for (int d = 0; d < 8; ++d) grid.data.push_back(d < 4 ? a : b);
        }
        refs.append(grid);
    }
    refs.data[(2 * 16 + 9) * 8 + 0] += 0.5f;
    const auto scores = patchOutlierScores(refs, PatchScoreMethod::Pca, 5, {});
    EXPECT_EQ(std::max_element(scores.begin(), scores.end()) - scores.begin(), 2 * 16 + 9);
    EXPECT_LT(scores[0], 0.01 * scores[2 * 16 + 9]);
}

TEST(PatchFilter, PercentileRuleRemovesWhatTheRandomControlRemoves) {
    for (std::size_t n : {10u, 100u, 784u, 7840u, 7841u}) {
        std::vector<float> scores(n);
        for (std::size_t i = 0; i < n; ++i) scores[i] = static_cast<float>((i * 7919) % n);
        const auto keep = keepAtOrBelowPercentile(scores);
        const auto removed = static_cast<std::size_t>(std::count(keep.begin(), keep.end(), false));
        EXPECT_EQ(removed, removedAbovePercentile(n)) << n;
    }
    EXPECT_EQ(removedAbovePercentile(7840), 392u);  // the paper's n_patches_removed for N = 10 at 28x28
    const auto normalised = minMaxNormalised({2.0f, 4.0f, 6.0f});
    EXPECT_NEAR(normalised[0], 0.0, 1e-6);
    EXPECT_NEAR(normalised[2], 1.0, 1e-6);
}

TEST(MemoryEnsemble, FlagsDefectiveImagesOfAFolder) {
    const ReferencePatches refs = makeReferences(40, {5, 17, 33}, 3);
    MemoryEnsembleOptions options;
    options.members = 30;
    const MemoryEnsembleResult r = screenWithMemoryEnsemble(refs, options, {});
    ASSERT_EQ(r.imageScores.size(), 40u);
    ASSERT_EQ(r.members.size(), 30u);
    for (const auto& m : r.members) EXPECT_EQ(m.size(), 4u);  // ceil(0.1 * 40)
    std::vector<std::size_t> top(r.ranking.begin(), r.ranking.begin() + 3);
    std::sort(top.begin(), top.end());
    EXPECT_EQ(top, (std::vector<std::size_t>{5, 17, 33}));
    for (std::size_t i : {5u, 17u, 33u}) EXPECT_NE(std::find(r.flagged.begin(), r.flagged.end(), i), r.flagged.end());
    EXPECT_LE(r.flagged.size(), 6u);

    // Patch scores are the member-averaged 1-NN cosine distances, checked by brute force on one patch.
    const ReferencePatches unit = refs.normalised();
    const std::size_t per = refs.patchesPerImage(), p = 17 * per + 5;
    double expected = 0;
    for (const auto& member : r.members) {
        double best = 1e9;
        for (std::size_t j : member)
            for (std::size_t b = j * per; b < (j + 1) * per; ++b) {
                double dot = 0;
                for (int d = 0; d < unit.dim; ++d) dot += double(unit.patch(p)[d]) * unit.patch(b)[d];
                best = std::min(best, std::max(0.0, 1.0 - dot));
            }
        expected += best;
    }
    EXPECT_NEAR(r.patchScores[p], expected / r.members.size(), 1e-5);
    EXPECT_THROW(screenWithMemoryEnsemble(makeReferences(1, {}), options, {}), pb::Error);
}

TEST(MemoryEnsemble, LibTorchAndBlasShareTheSameDistances) {
    const ReferencePatches unit = makeReferences(9, {4}, 7).normalised();
    const auto blas = nearestImageDistances(unit, {});
    const auto torch = nearestImageDistancesTorch(unit, "cpu", {});
    ASSERT_EQ(blas.size(), unit.patches() * unit.images());
    ASSERT_EQ(torch.size(), blas.size());
    for (std::size_t i = 0; i < blas.size(); ++i) ASSERT_NEAR(torch[i], blas[i], 1e-5) << i;
    // A patch is at distance 0 from its own image.
    const std::size_t per = unit.patchesPerImage();
    for (std::size_t p = 0; p < unit.patches(); ++p) EXPECT_NEAR(blas[p * unit.images() + p / per], 0.0, 1e-5);
    MemoryEnsembleOptions options;
    options.members = 10;
    options.device = "cuda:99";
    EXPECT_THROW(screenWithMemoryEnsemble(unit, options, {}), pb::Error);  // no such device: a clear error
}
