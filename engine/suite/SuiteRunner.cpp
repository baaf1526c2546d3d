#include "engine/suite/SuiteRunner.h"

#include <chrono>

#include "engine/dataset/DatasetReader.h"
#include "engine/experiments/ProductModel.h"
#include "engine/experiments/ScoredImagesSummary.h"
#include "engine/purify/ContaminationExperiment.h"
#include "engine/util/Error.h"

namespace pb::suite {

namespace {

double number(const nlohmann::json& params, const char* key, double fallback) {
    if (!params.contains(key)) return fallback;
    if (!params[key].is_number()) throw Error(std::string("parameter \"") + key + "\" must be a number");
    return params[key].get<double>();
}

std::string text(const nlohmann::json& params, const char* key, const std::string& fallback) {
    if (!params.contains(key)) return fallback;
    if (!params[key].is_string()) throw Error(std::string("parameter \"") + key + "\" must be a string");
    return params[key].get<std::string>();
}

// NaN is not JSON: it becomes null.
nlohmann::json value(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

}  // namespace

const std::vector<std::string>& runnableKinds() {
    static const std::vector<std::string> kinds = {"contamination", "compression"};
    return kinds;
}

// What the cells share: data sets (read once), backbones and feature stores per feature options.
struct SuiteRunner::Workspace {
    std::map<std::string, Dataset> datasets;
    struct Features {
        EvaluationOptions options;
        std::unique_ptr<Backbone> backbone;
        std::unique_ptr<FeatureExtractor> extractor;
        std::map<std::string, std::unique_ptr<purify::ProductFeatureStore>> stores;  // per data set/product
        std::map<std::string, std::unique_ptr<purify::ContaminationExperiment>> experiments;
    };
    std::map<std::string, Features> features;  // per feature options (their JSON)
};

SuiteRunner::SuiteRunner(Suite suite, SuiteRunOptions options)
    : suite_(std::move(suite)), options_(std::move(options)), workspace_(std::make_unique<Workspace>()) {
    for (const auto& kind : suite_.kinds)
        if (std::find(runnableKinds().begin(), runnableKinds().end(), kind) == runnableKinds().end())
            throw Error("suite '" + suite_.name + "': no runner for experiments of kind '" + kind + "'");
    for (const auto& name : suite_.datasets)
        if (!options_.datasets.count(name))
            throw Error("suite '" + suite_.name + "' uses the data set '" + name + "': give its folder (" + name + "=DIR)");
    if (options_.shards < 1 || options_.shard < 1 || options_.shard > options_.shards)
        throw Error("the shard must be I/N with 1 <= I <= N");
}

SuiteRunner::~SuiteRunner() = default;

SuiteStatus SuiteRunner::status(const ResultsLog& log) const {
    SuiteStatus s;
    s.cells = suite_.cells.size();
    for (std::size_t i = 0; i < suite_.cells.size(); ++i)
        if (inShard(i, options_.shard, options_.shards)) {
            ++s.inShard;
            s.done += log.has(suite_.cells[i].id) ? 1 : 0;
        }
    return s;
}

std::optional<std::size_t> SuiteRunner::nextCell(const ResultsLog& log) const {
    for (std::size_t i = 0; i < suite_.cells.size(); ++i) {
        const SuiteCell& cell = suite_.cells[i];
        if (inShard(i, options_.shard, options_.shards) && !log.has(cell.id) && !failures_.count(cell.id)) return i;
    }
    return std::nullopt;
}

nlohmann::json SuiteRunner::runCell(std::size_t index, ResultsLog& log, const Progress& progress) {
    const SuiteCell& cell = suite_.cells.at(index);
    const auto began = std::chrono::steady_clock::now();
    nlohmann::json row;
    try {
        row = compute(cell, progress);
    } catch (const Error& e) {
        const std::string what = "cell " + cell.id + " (" + cell.experiment + ", " + cell.dataset + "/" + cell.product +
                                 ", " + cell.params.dump() + "): " + e.what();
        failures_[cell.id] = e.what();
        throw Error(what);
    }
    row["suite"] = suite_.name;
    row["experiment"] = cell.experiment;
    row["kind"] = cell.kind;
    row["dataset"] = cell.dataset;
    row["product"] = cell.product;
    row["features"] = cell.features;
    row["params"] = cell.params;
    row["seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    log.append(cell.id, row);
    return row;
}

std::size_t SuiteRunner::run(ResultsLog& log, const Progress& progress,
                             const std::function<void(const SuiteCell&, const nlohmann::json&)>& onCell) {
    const SuiteStatus start = status(log);
    std::size_t done = start.done, ran = 0;
    while (const auto next = nextCell(log)) {
        progress.step("suite " + suite_.name, done, start.inShard);
        try {
            const nlohmann::json row = runCell(*next, log, progress);
            ++ran;
            if (onCell) onCell(suite_.cells[*next], row);
        } catch (const Error& e) {
            progress.problem(suite_.cells[*next].id, e.what());
        }
        ++done;
    }
    progress.step("suite " + suite_.name, done, start.inShard);
    return ran;
}

nlohmann::json SuiteRunner::compute(const SuiteCell& cell, const Progress& progress) {
    // The data set, read once.
    auto ds = workspace_->datasets.find(cell.dataset);
    if (ds == workspace_->datasets.end())
        ds = workspace_->datasets.emplace(cell.dataset, openDataset(options_.datasets.at(cell.dataset))).first;
    const Dataset& dataset = ds->second;

    // The backbone and extractor of these feature options, created once.
    const std::string featuresKey = cell.features.dump();
    auto& f = workspace_->features[featuresKey];
    if (!f.backbone) {
        EvaluationOptions o;
        o.backbone.name = text(cell.features, "backbone", o.backbone.name);
        o.resolution = static_cast<int>(number(cell.features, "resolution", o.resolution));
        o.crop = static_cast<int>(number(cell.features, "crop", o.crop));
        o.k = static_cast<int>(number(cell.features, "k", o.k));
        if (cell.features.contains("layers")) o.backbone.layers = cell.features["layers"].get<std::vector<std::string>>();
        auto w = options_.weights.find(o.backbone.name);
        if (w == options_.weights.end()) w = options_.weights.find("");
        if (w != options_.weights.end()) o.backbone.weightsPath = w->second;
        o.cacheDir = options_.cacheDir;
        f.options = o;
        f.backbone = createBackbone(o.backbone);
        f.extractor = createFeatureExtractor(*f.backbone, o);
    }

    nlohmann::json row;
    const std::string productKey = cell.dataset + "/" + cell.product;
    if (cell.kind == "contamination") {
        auto& store = f.stores[productKey];
        if (!store) store = std::make_unique<purify::ProductFeatureStore>(*f.extractor, dataset, cell.product);
        auto& experiment = f.experiments[productKey];
        if (!experiment) experiment = std::make_unique<purify::ContaminationExperiment>(*store, f.options.k);
        purify::ContaminationSpec spec;
        spec.support = static_cast<int>(number(cell.params, "support", 10));
        spec.rate = number(cell.params, "contamination", 0.0);
        spec.seed = static_cast<int>(number(cell.params, "seed", 0));
        spec.setup = purify::contaminationSetupFromString(text(cell.params, "setup", "B"));
        purify::AuditRule rule;
        rule.k = number(cell.params, "audit_k", rule.k);
        rule.score = purify::auditScoreFromString(text(cell.params, "audit_score", "imgmax"));
        const auto method = purify::PurificationMethod::fromString(text(cell.params, "method", "none"));
        row = purify::toJson(experiment->run(spec, method, rule, progress));
        row.erase("dataset");  // the suite's name of the data set and product are set by run()
        row.erase("product");
    } else {  // compression
        EvaluationOptions o = f.options;
        o.bankSpec = text(cell.params, "bank", "flat");
        std::vector<Sample> train = dataset.select(cell.product, Split::Train);
        const std::vector<Sample> test = dataset.select(cell.product, Split::Test);
        if (train.empty() || test.empty())
            throw Error("product '" + cell.product + "' needs training and test images", dataset.root);
        ProductModel model(*f.backbone, o);
        StageTimes times;
        model.build(cell.product, train, progress, times);
        ProductEvaluation e = model.describe();
        e.images = model.score(test, progress, times);
        applySummary(e, summariseScoredImages(e.images));
        const auto& m = e.metrics;
        row = {{"bank", e.bankSpec},
               {"bank_vectors", e.bankPatches},
               {"source_patches", e.sourcePatches},
               {"bank_bytes", e.bankBytes},
               {"compression_ratio", e.compressionRatio},
               {"knn_k", e.neighbours},
               {"image_auroc", value(m.imageAuroc)},
               {"image_ap", value(m.imageAp)},
               {"pixel_auroc", value(m.pixelAuroc)},
               {"aupro_30", value(m.aupro30)},
               {"n_train", e.trainImages},
               {"n_test", e.images.size()}};
    }
    return row;
}

}  // namespace pb::suite
