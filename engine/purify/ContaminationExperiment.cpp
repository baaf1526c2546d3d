#include "engine/purify/ContaminationExperiment.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>

#include "engine/io/CsvWriter.h"
#include "engine/knn/ExactKnn.h"
#include "engine/metrics/ImageMetrics.h"
#include "engine/purify/NumpyRandomState.h"
#include "engine/scoring/ImageScoreRule.h"
#include "engine/scoring/PatchScorer.h"
#include "engine/util/Error.h"

namespace pb::purify {

std::string PurificationMethod::name() const {
    switch (kind) {
        case Kind::None: return "none";
        case Kind::Audit: return "audit";
        case Kind::Recapture: return "recapture";
        case Kind::Patches: return toString(patchScore);
        case Kind::RandomPatches: return "random";
        case Kind::OracleImages: return "oracle";
        case Kind::KnownCount: return knownCountScore == AuditScore::Max ? "imgmax_known_c" : "image_known_c";
    }
    return "none";
}

std::vector<std::string> PurificationMethod::names() {
    std::vector<std::string> out = {"none", "audit", "recapture"};
    for (auto m : patchScoreMethods()) out.push_back(toString(m));
    out.insert(out.end(), {"random", "oracle", "image_known_c", "imgmax_known_c"});
    return out;
}

PurificationMethod PurificationMethod::fromString(const std::string& name) {
    PurificationMethod m;
    if (name == "none") return m;
    if (name == "audit") m.kind = Kind::Audit;
    else if (name == "recapture") m.kind = Kind::Recapture;
    else if (name == "random") m.kind = Kind::RandomPatches;
    else if (name == "oracle") m.kind = Kind::OracleImages;
    else if (name == "image_known_c" || name == "imgmax_known_c") {
        m.kind = Kind::KnownCount;
        m.knownCountScore = name == "imgmax_known_c" ? AuditScore::Max : AuditScore::Mean;
    } else {
        for (auto s : patchScoreMethods())
            if (toString(s) == name) {
                m.kind = Kind::Patches;
                m.patchScore = s;
                return m;
            }
        std::string all;
        for (const auto& n : names()) all += (all.empty() ? "" : ", ") + n;
        throw Error("unknown purification method '" + name + "' (" + all + ")");
    }
    return m;
}

ProductFeatureStore::ProductFeatureStore(FeatureExtractor& extractor, const Dataset& dataset, const std::string& product)
    : extractor_(extractor),
      product_(product),
      train_(dataset.select(product, Split::Train)),
      test_(dataset.select(product, Split::Test)) {
    if (train_.empty()) throw Error("product '" + product + "' has no training images", dataset.root);
    if (test_.empty()) throw Error("product '" + product + "' has no test images", dataset.root);
}

void ProductFeatureStore::require(const std::vector<std::size_t>& train, const std::vector<std::size_t>& test,
                                  const Progress& progress, StageTimes& times) {
    auto fetch = [&](const std::vector<std::size_t>& wanted, const std::vector<Sample>& samples,
                     std::map<std::size_t, FeatureGrid>& held, const std::string& stage) {
        std::vector<std::size_t> missing;
        std::vector<std::string> paths;
        for (std::size_t i : std::set<std::size_t>(wanted.begin(), wanted.end())) {
            if (i >= samples.size()) throw Error(stage + ": image index " + std::to_string(i) + " is out of range");
            if (held.count(i)) continue;
            missing.push_back(i);
            paths.push_back(samples[i].path);
        }
        if (paths.empty()) return;
        auto extracted = extractor_.extract(paths, stage, progress, times);
        for (std::size_t j = 0; j < missing.size(); ++j) {
            if (!extracted[j].grid)
                throw Error("the image cannot be read, and the protocol counts every image", paths[j]);
            held.emplace(missing[j], std::move(*extracted[j].grid));
        }
    };
    fetch(train, train_, trainGrids_, product_ + ": train features");
    fetch(test, test_, testGrids_, product_ + ": test features");
}

const FeatureGrid& ProductFeatureStore::train(std::size_t i) const {
    auto it = trainGrids_.find(i);
    if (it == trainGrids_.end()) throw Error("train image " + std::to_string(i) + " has not been extracted");
    return it->second;
}

const FeatureGrid& ProductFeatureStore::test(std::size_t i) const {
    auto it = testGrids_.find(i);
    if (it == testGrids_.end()) throw Error("test image " + std::to_string(i) + " has not been extracted");
    return it->second;
}

std::vector<int> ProductFeatureStore::testLabels() const {
    std::vector<int> labels;
    for (const auto& s : test_) {
        if (s.label != 0 && s.label != 1)
            throw Error("the contamination protocol needs labelled test images; this one has none", s.path);
        labels.push_back(s.label);
    }
    return labels;
}

ContaminationExperiment::ContaminationExperiment(ProductFeatureStore& features, int k) : features_(features), k_(k) {
    if (k < 1) throw Error("k must be at least 1, got " + std::to_string(k));
}

namespace {

// Mean-distance or max leave-one-out image scores; returns the images to remove, highest first.
std::vector<std::size_t> highestImages(const std::vector<float>& patchScores, std::size_t perImage, AuditScore score,
                                       std::size_t count) {
    const std::size_t n = patchScores.size() / perImage;
    std::vector<double> scores(n);
    for (std::size_t i = 0; i < n; ++i) scores[i] = auditScore(patchScores.data() + i * perImage, perImage, score);
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    order.resize(std::min(count, n));
    return order;
}

}  // namespace

PurificationRun ContaminationExperiment::run(const ContaminationSpec& spec, const PurificationMethod& method,
                                             const AuditRule& audit, const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<int> labels = features_.testLabels();
    const ContaminatedSplit split = contaminate(features_.trainSamples().size(), labels, spec);
    StageTimes times;
    {
        std::vector<std::size_t> train, test = split.test;
        for (const auto& r : split.support) (r.contaminant ? test : train).push_back(r.index);
        if (method.kind == PurificationMethod::Kind::Recapture) {
            const std::size_t most = static_cast<std::size_t>(audit.maxFraction * spec.support);
            train.insert(train.end(), split.recapture.begin(),
                         split.recapture.begin() + std::min(most, split.recapture.size()));
        }
        features_.require(train, test, progress, times);
    }
    auto gridOf = [&](const ReferenceImage& r) -> const FeatureGrid& {
        return r.contaminant ? features_.test(r.index) : features_.train(r.index);
    };

    PurificationRun row;
    row.product = features_.product();
    row.spec = spec;
    row.method = method.name();
    row.audit = audit;
    row.k = k_;
    row.contaminated = split.contaminants();

    std::vector<ReferenceImage> references = split.support;
    ReferencePatches patches;
    for (const auto& r : references) patches.append(gridOf(r));
    const std::size_t perImage = patches.patchesPerImage();
    std::vector<bool> keepPatch;  // empty: keep every patch
    auto removeImages = [&](const std::vector<std::size_t>& removed) {
        std::vector<std::size_t> kept;
        for (std::size_t i = 0; i < references.size(); ++i)
            if (std::find(removed.begin(), removed.end(), i) == removed.end()) kept.push_back(i);
        row.removedImages = removed.size();
        for (std::size_t i : removed) row.removedContaminants += references[i].contaminant ? 1 : 0;
        std::vector<ReferenceImage> next;
        for (std::size_t i : kept) next.push_back(references[i]);
        references = std::move(next);
        patches = patches.subset(kept);
    };

    using Kind = PurificationMethod::Kind;
    switch (method.kind) {
        case Kind::None: break;
        case Kind::Audit:
        case Kind::Recapture: {
            const auto scores = meanDistances(leaveOneImageOutKnn(patches, k_, progress, row.product + ": audit"));
            const ImageAuditResult result = auditImages(scores, perImage, audit);
            removeImages(result.flagged);
            if (method.kind == Kind::Recapture) {
                const std::size_t take = std::min(result.flagged.size(), split.recapture.size());
                for (std::size_t j = 0; j < take; ++j) {
                    const ReferenceImage r{false, split.recapture[j]};
                    references.push_back(r);
                    patches.append(gridOf(r));
                }
                row.recaptured = take;
            }
            break;
        }
        case Kind::Patches: {
            const auto scores = patchOutlierScores(patches, method.patchScore, k_, progress);
            keepPatch = keepAtOrBelowPercentile(scores, row.percentile);
            break;
        }
        case Kind::RandomPatches: {
            const std::size_t total = patches.patches();
            keepPatch.assign(total, true);
            NumpyRandomState rng(static_cast<std::uint32_t>(spec.seed + kPoolSeedOffset));
            for (std::int64_t p : rng.choice(static_cast<std::int64_t>(total), removedAbovePercentile(total, row.percentile), false))
                keepPatch[static_cast<std::size_t>(p)] = false;
            break;
        }
        case Kind::OracleImages: {
            std::vector<std::size_t> removed;
            for (std::size_t i = 0; i < references.size(); ++i)
                if (references[i].contaminant) removed.push_back(i);
            removeImages(removed);
            break;
        }
        case Kind::KnownCount: {
            const auto scores = meanDistances(leaveOneImageOutKnn(patches, k_, progress, row.product + ": leave-one-out"));
            removeImages(highestImages(scores, perImage, method.knownCountScore, row.contaminated));
            break;
        }
    }
    row.trainAfter = references.size();

    // The bank: the kept patches of what is left.
    std::vector<float> bank;
    if (keepPatch.empty()) {
        bank = patches.data;
    } else {
        bank.reserve(patches.data.size());
        for (std::size_t p = 0; p < keepPatch.size(); ++p)
            if (keepPatch[p]) bank.insert(bank.end(), patches.patch(p), patches.patch(p) + patches.dim);
            else ++row.patchesRemoved;
    }
    const std::size_t bankRows = bank.size() / patches.dim;
    if (bankRows < static_cast<std::size_t>(k_))
        throw Error("purification left " + std::to_string(bankRows) + " bank patches, fewer than k = " + std::to_string(k_));

    // Methods often leave the same bank (nothing flagged, the same images flagged at several k): a test
    // image scored against it once keeps its score.
    std::vector<std::string> parts;
    for (const auto& r : references) parts.push_back((r.contaminant ? "t" : "r") + std::to_string(r.index));
    if (keepPatch.empty()) std::sort(parts.begin(), parts.end());
    std::string bankKey;
    for (const auto& part : parts) bankKey += part + ",";
    if (!keepPatch.empty()) bankKey += "mask:" + std::to_string(std::hash<std::vector<bool>>{}(keepPatch));
    std::map<std::size_t, double>& known = scoreCache_[bankKey];

    std::unique_ptr<ExactKnn> knn;
    std::vector<double> scores;
    std::vector<int> testLabels;
    const std::string stage = row.product + ": scoring";
    for (std::size_t j = 0; j < split.test.size(); ++j) {
        progress.step(stage, j, split.test.size());
        testLabels.push_back(labels[split.test[j]]);
        if (auto it = known.find(split.test[j]); it != known.end()) {
            scores.push_back(it->second);
            continue;
        }
        if (!knn) {
            knn = createExactKnn("auto", bankRows, patches.dim);
            knn->setBankView(bank.data(), bankRows, patches.dim);
        }
        const FeatureGrid& grid = features_.test(split.test[j]);
        if (grid.dim != patches.dim) throw Error("test features differ in dimension from the bank's", features_.testSamples()[split.test[j]].path);
        const KnnResult nn = knn->search(grid.data.data(), grid.patches(), k_);
        scores.push_back(imageScore(patchScoresFromDistances(nn.distances.data(), grid.patches(), k_), ImageScoreRule::P95));
        known[split.test[j]] = scores.back();
    }
    progress.step(stage, split.test.size(), split.test.size());
    row.test = testLabels.size();
    row.anomalyTest = static_cast<std::size_t>(std::count(testLabels.begin(), testLabels.end(), 1));
    row.normalTest = row.test - row.anomalyTest;
    row.imageAuroc = rocAuc(scores, testLabels);
    row.imageAp = averagePrecision(scores, testLabels);
    row.imageF1Max = f1Max(scores, testLabels).f1;
    row.tprAt1Fpr = tprAtFpr(scores, testLabels, 0.01);
    row.tprAt5Fpr = tprAtFpr(scores, testLabels, 0.05);
    row.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return row;
}

void writePurificationCsv(const std::filesystem::path& path, const std::string& dataset,
                          const std::vector<PurificationRun>& runs) {
    CsvWriter csv({"dataset", "product", "setup", "train_limit", "contamination_rate", "seed", "purification_method",
                   "audit_score", "audit_k", "n_train_original", "n_train_after_purification", "n_contaminated",
                   "n_removed", "n_cont_removed", "n_recaptured", "n_patches_removed", "n_test", "n_normal_test",
                   "n_anomaly_test", "knn_k", "percentile_threshold", "img_auroc", "img_aupr", "img_f1max", "tpr_fpr1",
                   "tpr_fpr5", "seconds"});
    for (const auto& r : runs)
        csv.addRow({dataset, r.product, toString(r.spec.setup), std::to_string(r.spec.support),
                    CsvWriter::number(r.spec.rate), std::to_string(r.spec.seed), r.method, toString(r.audit.score),
                    CsvWriter::number(r.audit.k), std::to_string(r.spec.support), std::to_string(r.trainAfter),
                    std::to_string(r.contaminated), std::to_string(r.removedImages), std::to_string(r.removedContaminants),
                    std::to_string(r.recaptured), std::to_string(r.patchesRemoved), std::to_string(r.test),
                    std::to_string(r.normalTest), std::to_string(r.anomalyTest), std::to_string(r.k),
                    CsvWriter::number(r.percentile), CsvWriter::number(r.imageAuroc), CsvWriter::number(r.imageAp),
                    CsvWriter::number(r.imageF1Max), CsvWriter::number(r.tprAt1Fpr), CsvWriter::number(r.tprAt5Fpr),
                    CsvWriter::number(r.seconds, 3)});
    csv.save(path);
}

}  // namespace pb::purify
