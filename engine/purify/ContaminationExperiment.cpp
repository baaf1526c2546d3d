#include "engine/purify/ContaminationExperiment.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
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
      dataset_(dataset.root),
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

namespace {

// Per test patch: how many neighbours each image keeps in its list (k plus a margin, so that a patch
// filter removing a few of them rarely needs the image's other patches).
constexpr int kListMargin = 3;

}  // namespace

const ContaminationExperiment::NeighbourList& ContaminationExperiment::neighbours(
    std::size_t test, const ReferenceImage& image, const std::function<const FeatureGrid&(const ReferenceImage&)>& gridOf) {
    const std::string key = std::to_string(test) + (image.contaminant ? "t" : "r") + std::to_string(image.index);
    auto it = neighbourLists_.find(key);
    if (it != neighbourLists_.end()) return it->second;
    const FeatureGrid& reference = gridOf(image);
    const FeatureGrid& query = features_.test(test);
    if (query.dim != reference.dim)
        throw Error("test features differ in dimension from the bank's", features_.testSamples()[test].path);
    auto knn = createExactKnn("blas");
    knn->setBankView(reference.data.data(), reference.patches(), reference.dim);
    const int depth = std::min<int>(k_ + kListMargin, static_cast<int>(reference.patches()));
    KnnResult nn = knn->search(query.data.data(), query.patches(), depth);
    NeighbourList list{depth, std::move(nn.distances), {}};
    list.patch.assign(nn.indices.begin(), nn.indices.end());
    return neighbourLists_.emplace(key, std::move(list)).first->second;
}

double ContaminationExperiment::scoreTestImage(
    std::size_t test, const std::vector<BankImage>& bank,
    const std::function<const FeatureGrid&(const ReferenceImage&)>& gridOf) {
    const FeatureGrid& query = features_.test(test);
    std::vector<const NeighbourList*> lists;
    for (const auto& b : bank) lists.push_back(&neighbours(test, b.image, gridOf));
    std::vector<float> patchScores(query.patches());
    std::vector<float> best;
    for (std::size_t p = 0; p < query.patches(); ++p) {
        // The k nearest kept patches of the bank, merged from each image's list. An image whose list lost
        // entries to the filter may hide closer kept patches beyond its list: then its patches are searched.
        best.clear();
        std::vector<std::size_t> unsure;
        for (std::size_t b = 0; b < bank.size(); ++b) {
            const NeighbourList& list = *lists[b];
            int taken = 0;
            for (int j = 0; j < list.depth && taken < k_; ++j) {
                const std::size_t at = p * list.depth + j;
                if (!bank[b].keep.empty() && !bank[b].keep[list.patch[at]]) continue;
                best.push_back(list.distance[at]);
                ++taken;
            }
            if (taken < k_ && static_cast<std::size_t>(list.depth) < gridOf(bank[b].image).patches()) unsure.push_back(b);
        }
        std::sort(best.begin(), best.end());
        for (std::size_t b : unsure) {
            const NeighbourList& list = *lists[b];
            const float bound = list.distance[p * list.depth + list.depth - 1];
            if (best.size() >= static_cast<std::size_t>(k_) && best[k_ - 1] <= bound) continue;
            const FeatureGrid& reference = gridOf(bank[b].image);
            // Exact: the kept patches of this image beyond its list.
            std::vector<bool> listed(reference.patches(), false);
            for (int j = 0; j < list.depth; ++j) listed[list.patch[p * list.depth + j]] = true;
            const float* q = query.patch(p);
            for (std::size_t r = 0; r < reference.patches(); ++r) {
                if (listed[r] || (!bank[b].keep.empty() && !bank[b].keep[r])) continue;
                double d = 0;
                for (int c = 0; c < reference.dim; ++c) {
                    const double diff = static_cast<double>(q[c]) - reference.patch(r)[c];
                    d += diff * diff;
                }
                best.push_back(static_cast<float>(std::sqrt(d)));
            }
            std::sort(best.begin(), best.end());
        }
        double sum = 0;
        for (int j = 0; j < k_; ++j) sum += best[j];
        patchScores[p] = static_cast<float>(sum / k_);
    }
    return imageScore(patchScores, ImageScoreRule::P95);
}

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
    const std::function<const FeatureGrid&(const ReferenceImage&)> gridOf = [this](const ReferenceImage& r) -> const FeatureGrid& {
        return r.contaminant ? features_.test(r.index) : features_.train(r.index);
    };

    PurificationRun row;
    row.dataset = features_.dataset();
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

    // The bank: the kept patches of what is left, image by image.
    std::vector<BankImage> bank;
    std::size_t bankRows = 0;
    for (std::size_t i = 0; i < references.size(); ++i) {
        BankImage b{references[i], {}};
        if (!keepPatch.empty()) {
            b.keep.assign(keepPatch.begin() + i * perImage, keepPatch.begin() + (i + 1) * perImage);
            const auto kept = static_cast<std::size_t>(std::count(b.keep.begin(), b.keep.end(), true));
            row.patchesRemoved += perImage - kept;
            bankRows += kept;
        } else {
            bankRows += perImage;
        }
        bank.push_back(std::move(b));
    }
    if (bankRows < static_cast<std::size_t>(k_))
        throw Error("purification left " + std::to_string(bankRows) + " bank patches, fewer than k = " + std::to_string(k_));

    // Methods often leave the same bank (nothing flagged, the same images flagged at several k): a test
    // image scored against it once keeps its score.
    std::vector<std::string> parts;
    for (const auto& r : references) parts.push_back((r.contaminant ? "t" : "r") + std::to_string(r.index));
    if (keepPatch.empty()) std::sort(parts.begin(), parts.end());
    std::string bankKey = std::to_string(spec.support) + "/" + std::to_string(spec.seed) + ":";
    for (const auto& part : parts) bankKey += part + ",";
    if (!keepPatch.empty()) bankKey += "mask:" + std::to_string(std::hash<std::vector<bool>>{}(keepPatch));
    std::map<std::size_t, double>& known = scoreCache_[bankKey];
    if (neighbourKey_ != std::make_pair(spec.support, spec.seed)) {
        neighbourLists_.clear();  // other support images from here on
        neighbourKey_ = {spec.support, spec.seed};
    }

    std::vector<double> scores;
    std::vector<int> testLabels;
    const std::string stage = row.product + ": scoring";
    for (std::size_t j = 0; j < split.test.size(); ++j) {
        progress.step(stage, j, split.test.size());
        testLabels.push_back(labels[split.test[j]]);
        if (auto it = known.find(split.test[j]); it != known.end()) {
            scores.push_back(it->second);
        } else {
            scores.push_back(scoreTestImage(split.test[j], bank, gridOf));
            known[split.test[j]] = scores.back();
        }
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

namespace {

// The fields of a run, in the order of purification.csv. NaN becomes null in JSON.
const std::vector<std::string> kRunFields = {
    "dataset", "product", "setup", "train_limit", "contamination_rate", "seed", "purification_method", "audit_score",
    "audit_k", "n_train_original", "n_train_after_purification", "n_contaminated", "n_removed", "n_cont_removed",
    "n_recaptured", "n_patches_removed", "n_test", "n_normal_test", "n_anomaly_test", "knn_k", "percentile_threshold",
    "img_auroc", "img_aupr", "img_f1max", "tpr_fpr1", "tpr_fpr5", "seconds"};

nlohmann::json finite(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

double numberOf(const nlohmann::json& row, const char* key, double fallback) {
    if (!row.contains(key)) return fallback;
    return row[key].is_number() ? row[key].get<double>() : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

nlohmann::json toJson(const PurificationRun& r) {
    return {{"dataset", r.dataset},
            {"product", r.product},
            {"setup", toString(r.spec.setup)},
            {"train_limit", r.spec.support},
            {"contamination_rate", r.spec.rate},
            {"seed", r.spec.seed},
            {"purification_method", r.method},
            {"audit_score", toString(r.audit.score)},
            {"audit_k", r.audit.k},
            {"n_train_original", r.spec.support},
            {"n_train_after_purification", r.trainAfter},
            {"n_contaminated", r.contaminated},
            {"n_removed", r.removedImages},
            {"n_cont_removed", r.removedContaminants},
            {"n_recaptured", r.recaptured},
            {"n_patches_removed", r.patchesRemoved},
            {"n_test", r.test},
            {"n_normal_test", r.normalTest},
            {"n_anomaly_test", r.anomalyTest},
            {"knn_k", r.k},
            {"percentile_threshold", r.percentile},
            {"img_auroc", finite(r.imageAuroc)},
            {"img_aupr", finite(r.imageAp)},
            {"img_f1max", finite(r.imageF1Max)},
            {"tpr_fpr1", finite(r.tprAt1Fpr)},
            {"tpr_fpr5", finite(r.tprAt5Fpr)},
            {"seconds", r.seconds}};
}

PurificationRun purificationRunFromJson(const nlohmann::json& row) {
    PurificationRun r;
    r.dataset = row.value("dataset", "");
    r.product = row.value("product", "");
    r.spec.setup = contaminationSetupFromString(row.value("setup", "B"));
    r.spec.support = row.value("train_limit", 10);
    r.spec.rate = numberOf(row, "contamination_rate", 0.0);
    r.spec.seed = row.value("seed", 0);
    r.method = row.value("purification_method", "none");
    r.audit.score = auditScoreFromString(row.value("audit_score", "imgmax"));
    r.audit.k = numberOf(row, "audit_k", r.audit.k);
    r.trainAfter = row.value("n_train_after_purification", std::size_t{0});
    r.contaminated = row.value("n_contaminated", std::size_t{0});
    r.removedImages = row.value("n_removed", std::size_t{0});
    r.removedContaminants = row.value("n_cont_removed", std::size_t{0});
    r.recaptured = row.value("n_recaptured", std::size_t{0});
    r.patchesRemoved = row.value("n_patches_removed", std::size_t{0});
    r.test = row.value("n_test", std::size_t{0});
    r.normalTest = row.value("n_normal_test", std::size_t{0});
    r.anomalyTest = row.value("n_anomaly_test", std::size_t{0});
    r.k = row.value("knn_k", 5);
    r.percentile = numberOf(row, "percentile_threshold", r.percentile);
    r.imageAuroc = numberOf(row, "img_auroc", std::numeric_limits<double>::quiet_NaN());
    r.imageAp = numberOf(row, "img_aupr", std::numeric_limits<double>::quiet_NaN());
    r.imageF1Max = numberOf(row, "img_f1max", std::numeric_limits<double>::quiet_NaN());
    r.tprAt1Fpr = numberOf(row, "tpr_fpr1", std::numeric_limits<double>::quiet_NaN());
    r.tprAt5Fpr = numberOf(row, "tpr_fpr5", std::numeric_limits<double>::quiet_NaN());
    r.seconds = numberOf(row, "seconds", 0.0);
    return r;
}

void writePurificationCsv(const std::filesystem::path& path, const std::vector<PurificationRun>& runs) {
    CsvWriter csv(kRunFields);
    for (const auto& r : runs) {
        const nlohmann::json row = toJson(r);
        std::vector<std::string> cells;
        for (const auto& field : kRunFields) {
            const nlohmann::json& v = row[field];
            if (v.is_string()) cells.push_back(v.get<std::string>());
            else if (v.is_number_integer() || v.is_number_unsigned()) cells.push_back(v.dump());
            else cells.push_back(CsvWriter::number(v.is_null() ? std::numeric_limits<double>::quiet_NaN() : v.get<double>(),
                                                   field == "seconds" ? 3 : 6));
        }
        csv.addRow(cells);
    }
    csv.save(path);
}

}  // namespace pb::purify
