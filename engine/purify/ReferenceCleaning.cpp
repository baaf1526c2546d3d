#include "engine/purify/ReferenceCleaning.h"

#include <algorithm>

#include "engine/knn/ExactKnn.h"
#include "engine/metrics/ImageMetrics.h"
#include "engine/scoring/ImageScoreRule.h"
#include "engine/scoring/PatchScorer.h"
#include "engine/util/Error.h"

namespace pb::purify {

ReferenceFeatures extractReferenceFeatures(FeatureExtractor& extractor, const std::vector<Sample>& images,
                                           const std::string& stage, const Progress& progress, StageTimes& times,
                                           std::size_t minimum) {
    std::vector<std::string> paths;
    for (const auto& s : images) paths.push_back(s.path);
    auto features = extractor.extract(paths, stage, progress, times);
    ReferenceFeatures out;
    for (std::size_t i = 0; i < images.size(); ++i) {
        if (!features[i].grid) {
            out.problems.push_back({images[i].path, "cannot be read; left out"});
            continue;
        }
        out.patches.append(*features[i].grid);
        out.samples.push_back(images[i]);
        out.originalSizes.emplace_back(features[i].originalWidth, features[i].originalHeight);
    }
    if (out.samples.size() < minimum)
        throw Error(stage + ": needs at least " + std::to_string(minimum) + " readable images, got " +
                    std::to_string(out.samples.size()) + " of " + std::to_string(images.size()));
    return out;
}

ReferenceAuditReport withAuditRule(ReferenceAuditReport report, const AuditRule& rule) {
    if (report.images.empty()) throw Error("an audit without images cannot be re-ruled");
    const std::size_t per = report.images.front().patchScores.size();
    std::vector<float> scores;
    scores.reserve(per * report.images.size());
    for (const AuditedImage& image : report.images) {
        if (image.patchScores.size() != per)
            throw Error("audited images differ in their patch counts", image.sample.path);
        scores.insert(scores.end(), image.patchScores.begin(), image.patchScores.end());
    }
    const ImageAuditResult audit = auditImages(scores, per, rule);
    report.rule = rule;
    report.median = audit.median;
    report.mad = audit.mad;
    report.threshold = audit.threshold;
    report.maxFlagged = static_cast<std::size_t>(rule.maxFraction * static_cast<double>(report.images.size()));
    for (std::size_t i = 0; i < report.images.size(); ++i) {
        report.images[i].score = audit.scores[i];
        report.images[i].flagged = audit.isFlagged(i);
    }
    for (std::size_t r = 0; r < audit.ranking.size(); ++r)
        report.images[audit.ranking[r]].rank = static_cast<int>(r) + 1;
    return report;
}

std::vector<float> keptPatchVectors(const ReferencePatches& patches, const std::vector<bool>& keep) {
    if (keep.size() != patches.patches())
        throw Error("keep flags: " + std::to_string(keep.size()) + " for " + std::to_string(patches.patches()) +
                    " patches");
    std::vector<float> out;
    out.reserve(patches.data.size());
    for (std::size_t p = 0; p < keep.size(); ++p)
        if (keep[p]) out.insert(out.end(), patches.patch(p), patches.patch(p) + patches.dim);
    return out;
}

std::vector<double> imageScoresAgainstPatches(const std::vector<float>& bank, int dim,
                                              const std::vector<FeatureGrid>& test, int k, const Progress& progress,
                                              const std::string& stage) {
    if (dim < 1) throw Error("the bank's dimension must be at least 1");
    const std::size_t rows = bank.size() / static_cast<std::size_t>(dim);
    if (rows < static_cast<std::size_t>(std::max(k, 1)))
        throw Error("the bank holds " + std::to_string(rows) + " patches, fewer than k = " + std::to_string(k));
    auto knn = createExactKnn("auto", rows, dim);
    knn->setBankView(bank.data(), rows, dim);
    std::vector<double> scores;
    scores.reserve(test.size());
    for (std::size_t j = 0; j < test.size(); ++j) {
        progress.step(stage, j, test.size());
        const FeatureGrid& grid = test[j];
        if (grid.dim != dim)
            throw Error("test features of dimension " + std::to_string(grid.dim) + " differ from the bank's " +
                        std::to_string(dim));
        const KnnResult nn = knn->search(grid.data.data(), grid.patches(), k);
        scores.push_back(
            imageScore(patchScoresFromDistances(nn.distances.data(), grid.patches(), k), ImageScoreRule::P95));
    }
    progress.step(stage, test.size(), test.size());
    return scores;
}

KeptPatchComparison compareKeptPatches(const ReferencePatches& patches, const std::vector<bool>& keep,
                                       const std::vector<FeatureGrid>& test, const std::vector<int>& labels, int k,
                                       const Progress& progress) {
    if (labels.size() != test.size())
        throw Error("labels: " + std::to_string(labels.size()) + " for " + std::to_string(test.size()) +
                    " test images");
    if (patches.patches() == 0) throw Error("there are no reference patches to compare");
    KeptPatchComparison out;
    for (int label : labels) {
        if (label != 0 && label != 1)
            throw Error("the comparison needs a label (normal or anomalous) for every test image");
        (label == 1 ? out.anomalousTest : out.normalTest) += 1;
    }
    if (out.normalTest == 0 || out.anomalousTest == 0)
        throw Error("the comparison needs normal and anomalous test images, got " + std::to_string(out.normalTest) +
                    " normal and " + std::to_string(out.anomalousTest) + " anomalous");
    const std::vector<float> kept = keptPatchVectors(patches, keep);
    out.allPatches = patches.patches();
    out.keptPatches = kept.size() / static_cast<std::size_t>(patches.dim);
    out.allScores = imageScoresAgainstPatches(patches.data, patches.dim, test, k, progress, "scoring: every patch");
    out.keptScores = imageScoresAgainstPatches(kept, patches.dim, test, k, progress, "scoring: kept patches");
    out.allAuroc = rocAuc(out.allScores, labels);
    out.keptAuroc = rocAuc(out.keptScores, labels);
    return out;
}

}  // namespace pb::purify
