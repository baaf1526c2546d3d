#include "engine/suite/SuiteRunner.h"

#include <chrono>
#include <filesystem>

#include "engine/dataset/DatasetReader.h"
#include "engine/experiments/ProductModel.h"
#include "engine/experiments/SharedBankEvaluator.h"
#include "engine/experiments/ScoredImagesSummary.h"
#include "engine/purify/ContaminationExperiment.h"
#include "engine/purify/NoisyTrainingSplit.h"
#include "engine/purify/ReferenceAudit.h"
#include "engine/recon/ReconstructionDetector.h"
#include "engine/recon/ReconstructionJob.h"
#include "engine/stats/FiniteMean.h"
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

nlohmann::json metricsJson(const ProductEvaluation& e) {
    const auto& m = e.metrics;
    return {{"image_auroc", value(m.imageAuroc)},
            {"image_ap", value(m.imageAp)},
            {"pixel_auroc", value(m.pixelAuroc)},
            {"aupro_30", value(m.aupro30)}};
}

bool flag(const nlohmann::json& params, const char* key, bool fallback) {
    if (!params.contains(key)) return fallback;
    if (!params[key].is_boolean()) throw Error(std::string("parameter \"") + key + "\" must be true or false");
    return params[key].get<bool>();
}

}  // namespace

nlohmann::json withoutTimings(nlohmann::json row) {
    row.erase("seconds");
    row.erase("timing");
    return row;
}

const std::vector<std::string>& runnableKinds() {
    static const std::vector<std::string> kinds = {"contamination", "compression", "shared_bank", "routing",
                                                   "noisy_training"};
    return kinds;
}

// What the cells share: data sets (read once), backbones and features per feature options.
struct SuiteRunner::Workspace {
    std::map<std::string, Dataset> datasets;
    struct Features {
        EvaluationOptions options;
        std::shared_ptr<Backbone> backbone;
        std::unique_ptr<FeatureExtractor> extractor;
        std::map<std::string, std::unique_ptr<purify::ProductFeatureStore>> stores;  // per data set/product
        std::map<std::string, std::unique_ptr<purify::ContaminationExperiment>> experiments;
        // Every training patch and test grid of a product, for compression, shared-bank and routing cells.
        std::map<std::string, std::shared_ptr<const SharedBankFeatures::Product>> products;
        int dim = 0;
        FeatureIdentity identity;
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
        const std::string what = "cell " + cell.id + " (" + cell.experiment + ", " + cell.label() +
                                 ", " + cell.params.dump() + "): " + e.what();
        failures_[cell.id] = e.what();
        throw Error(what);
    }
    row["suite"] = suite_.name;
    row["experiment"] = cell.experiment;
    row["kind"] = cell.kind;
    if (cell.pooled()) row["products"] = cell.products;
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

// MeDS (METHODS.md section 6) on a published noisy training list. Stage "memory_ensemble": stage 1 screens
// the training images; PatchCore is then trained on the noisy list, on what the screen keeps, and on the
// list without its defective images (the oracle), and scored on the test images left out of the list.
// Stage "distilled": the reconstruction detector trained on the noisy list alone and with MeDS stages 1-3,
// each scored on the disjoint and the shared-pool test sets.
nlohmann::json SuiteRunner::noisyTraining(const SuiteCell& cell, const EvaluationOptions& options, Backbone& backbone,
                                          FeatureExtractor& extractor, const Progress& progress) {
    const std::string stage = text(cell.params, "stage", "memory_ensemble");
    if (stage != "memory_ensemble" && stage != "distilled")
        throw Error("stage must be memory_ensemble or distilled, not '" + stage + "'");
    const std::string folder = text(cell.params, "lists", "");
    if (folder.empty() || !options_.datasets.count(folder))
        throw Error("parameter \"lists\" names the folder of the noisy training lists: give it (" +
                    (folder.empty() ? std::string("lists") : folder) + "=DIR)");
    const int ratio = static_cast<int>(number(cell.params, "noise_ratio", 0));
    const int seed = static_cast<int>(number(cell.params, "seed", 0));
    std::string list = text(cell.params, "list", "");
    for (const auto& [key, value] : {std::make_pair(std::string("{noise_ratio}"), std::to_string(ratio)),
                                     std::make_pair(std::string("{seed}"), std::to_string(seed))})
        for (auto at = list.find(key); at != std::string::npos; at = list.find(key)) list.replace(at, key.size(), value);
    const std::filesystem::path file = std::filesystem::path(options_.datasets.at(folder)) / list;
    const purify::NoisyTrainingSet noisy = purify::readNoisyTrainingSplit(file, dataset(cell.dataset), cell.product);
    if (stage == "distilled") return distilled(cell, options, backbone, extractor, noisy, seed, progress);

    purify::ReferenceAuditOptions audit;
    audit.k = options.k;
    audit.memoryEnsemble = true;
    audit.ensemble.seed = seed;
    StageTimes times;
    const purify::ReferenceAuditReport report =
        purify::auditReferences(extractor, cell.product, noisy.train, audit, progress, times);
    std::vector<Sample> screened, oracle;
    std::size_t flagged = 0, flaggedDefective = 0, defective = 0;
    for (const auto& image : report.images) {
        const bool bad = image.sample.label == 1;
        defective += bad;
        if (image.ensembleFlagged) {
            ++flagged;
            flaggedDefective += bad;
        } else {
            screened.push_back(image.sample);
        }
        if (!bad) oracle.push_back(image.sample);
    }
    auto auroc = [&](const std::vector<Sample>& train) {
        EvaluationOptions o = options;
        o.bankSpec = text(cell.params, "bank", "coreset:1/16");
        ProductModel model(backbone, o);
        StageTimes t;
        model.build(cell.product, train, progress, t);
        ProductEvaluation e = model.describe();
        e.images = model.score(noisy.test, progress, t);
        applySummary(e, summariseScoredImages(e.images));
        return e.metrics;
    };
    const EvaluationMetrics onNoisy = auroc(noisy.train), onScreened = auroc(screened), onOracle = auroc(oracle);
    const double nan = std::nan("");
    return {{"list", list},
            {"n_train", noisy.train.size()},
            {"n_defective", defective},
            {"n_test", noisy.test.size()},
            {"flagged", flagged},
            {"flagged_defective", flaggedDefective},
            {"precision", value(flagged ? static_cast<double>(flaggedDefective) / flagged : nan)},
            {"recall", value(defective ? static_cast<double>(flaggedDefective) / defective : nan)},
            {"ensemble_threshold", value(report.ensembleThreshold)},
            {"image_auroc_noisy", value(onNoisy.imageAuroc)},
            {"image_auroc_screened", value(onScreened.imageAuroc)},
            {"image_auroc_oracle", value(onOracle.imageAuroc)},
            {"image_ap_noisy", value(onNoisy.imageAp)},
            {"image_ap_screened", value(onScreened.imageAp)},
            {"aupro_30_noisy", value(onNoisy.aupro30)},
            {"aupro_30_screened", value(onScreened.aupro30)}};
}

nlohmann::json SuiteRunner::distilled(const SuiteCell& cell, const EvaluationOptions& options, Backbone& backbone,
                                      FeatureExtractor& extractor, const purify::NoisyTrainingSet& noisy, int seed,
                                      const Progress& progress) {
    std::filesystem::path models = options_.modelsDir.empty()
                                       ? std::filesystem::temp_directory_path() / "patchbank-suite-models"
                                       : std::filesystem::path(options_.modelsDir);
    std::filesystem::create_directories(models);
    std::string name = suite_.name + "_" + cell.label();
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') c = '_';
    // Each test set's features once, for both detectors.
    std::map<std::string, std::vector<ExtractedFeatures>> testFeatures;
    StageTimes times;
    for (const std::string protocol : {"disjoint", "shared"}) {
        std::vector<std::string> paths;
        for (const auto& s : noisy.testSet(protocol)) paths.push_back(s.path);
        testFeatures[protocol] = extractor.extract(paths, "test features", progress, times);
    }
    nlohmann::json row = {{"n_train", noisy.train.size()}, {"n_defective", noisy.defective()},
                          {"n_test_disjoint", noisy.test.size()}, {"n_test_shared", noisy.sharedPoolTest.size()}};
    for (const std::string method : {"recon", "meds"}) {
        ReconstructionJob job;
        job.features = options;
        job.product = cell.product;
        job.train = noisy.train;
        job.blocks = static_cast<int>(number(cell.params, "blocks", 8));
        job.training.method = method;
        job.training.iterations = static_cast<int>(number(cell.params, "iterations", 10000));
        job.training.finetuneIterations = static_cast<int>(number(cell.params, "finetune_iterations", 10000));
        job.training.batchSize = static_cast<int>(number(cell.params, "batch", 16));
        job.training.seed = seed;
        job.training.ensemble.seed = seed;
        job.training.validateEvery = 0;
        job.training.device = options.backbone.device;
        job.out = models / (name + "_" + method + ".safetensors");
        const ReconstructionTrainingResult trained = runReconstructionJob(backbone, job, {}, progress, times);
        for (const std::string protocol : {"disjoint", "shared"}) {
            const std::vector<ScoredImage> scored = scoreWithReconstruction(
                trained.checkpoint.model, noisy.testSet(protocol), testFeatures[protocol], options, progress);
            const EvaluationMetrics m = summariseScoredImages(scored).metrics;
            const std::string suffix = "_" + method + "_" + protocol;
            row["image_auroc" + suffix] = value(m.imageAuroc);
            row["image_ap" + suffix] = value(m.imageAp);
            row["aupro_30" + suffix] = value(m.aupro30);
            row["pixel_ap" + suffix] = value(m.pixelAp);
        }
        if (method == "meds" && !trained.rounds.empty()) {
            row["rounds"] = trained.rounds.size();
            row["kept_last_round"] = trained.rounds.back().keptCount();
            row["precision_last_round"] = value(trained.rounds.back().precision);
            row["recall_last_round"] = value(trained.rounds.back().recall);
        }
    }
    return row;
}

const Dataset& SuiteRunner::dataset(const std::string& name) {
    auto ds = workspace_->datasets.find(name);
    if (ds == workspace_->datasets.end())
        ds = workspace_->datasets.emplace(name, openDataset(options_.datasets.at(name))).first;
    return ds->second;
}

nlohmann::json SuiteRunner::compute(const SuiteCell& cell, const Progress& progress) {
    // The backbone and extractor of these feature options, created once.
    auto& f = workspace_->features[cell.features.dump()];
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
        f.backbone = std::shared_ptr<Backbone>(createBackbone(o.backbone));
        if (const std::string warning = randomWeightsWarning(o.backbone); !warning.empty())
            progress.problem(o.backbone.name, warning);
        f.extractor = createFeatureExtractor(*f.backbone, o);
    }

    // The cell's products' features, each extracted once per feature options.
    auto productFeatures = [&]() {
        SharedBankFeatures features;
        for (const auto& full : cell.products) {
            auto& product = f.products[full];
            if (!product) {
                const auto slash = full.find('/');
                SharedBankOptions plain;
                plain.method = "flat";
                SharedBankEvaluator extractor(f.options, plain, f.backbone);
                SharedBankFeatures one = extractor.extract({{&dataset(full.substr(0, slash)), full.substr(slash + 1)}},
                                                           progress);
                product = one.products.front();
                f.dim = one.dim;
                f.identity = one.features;
            }
            features.products.push_back(product);
        }
        features.dim = f.dim;
        features.features = f.identity;
        return features;
    };

    nlohmann::json row;
    if (cell.kind == "contamination") {
        const std::string productKey = cell.dataset + "/" + cell.product;
        auto& store = f.stores[productKey];
        if (!store) store = std::make_unique<purify::ProductFeatureStore>(*f.extractor, dataset(cell.dataset), cell.product);
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
    } else if (cell.kind == "compression") {
        const SharedBankFeatures features = productFeatures();
        const ProductEvaluation e = evaluateOwnBank(features, 0, text(cell.params, "bank", "flat"), f.options, progress);
        const auto& product = *features.products.front();
        const double images = static_cast<double>(std::max<std::size_t>(1, e.images.size()));
        const double search = e.times.get("kNN"), scoring = search + e.times.get("maps");
        row = metricsJson(e);
        row.update({{"bank", e.bankSpec},
                    {"backbone", f.options.backbone.name},
                    // Which weights: a comparison of backbones is only one when every backbone has its own.
                    {"weights", f.options.backbone.weightsPath.empty()
                                    ? (randomWeightsWarning(f.options.backbone).empty() ? "none needed" : "random")
                                    : std::filesystem::path(f.options.backbone.weightsPath).filename().string()},
                    {"feature_dim", e.featureDim},
                    {"bank_vectors", e.bankPatches},
                    {"source_patches", e.sourcePatches},
                    {"bank_bytes", e.bankBytes},
                    {"compression_ratio", e.compressionRatio},
                    {"knn_k", e.neighbours},
                    {"n_train", e.trainImages},
                    {"n_test", e.images.size()},
                    // Timings vary from run to run: kept apart from the results.
                    {"timing",
                     {{"build_seconds", e.times.get("bank")},
                      {"search_seconds", search},
                      {"search_ms_per_image", 1000.0 * search / images},
                      // The test image's features (as extracted for this run: from the cache when it held
                      // them) plus its search and maps.
                      {"inference_ms_per_image", 1000.0 * (product.testSeconds + scoring) / images}}}});
        std::vector<double> scores;
        std::vector<int> labels;
        for (const auto& image : e.images) {
            scores.push_back(image.score);
            labels.push_back(image.sample.label);
        }
        row["scores"] = scores;
        row["labels"] = labels;
    } else if (cell.kind == "shared_bank") {
        SharedBankOptions shared;
        shared.method = text(cell.params, "method", "coreset");
        shared.methodOptions = text(cell.params, "method_options", "");
        shared.budgetMB = number(cell.params, "budget_mb", 18.0);
        const SharedBankFeatures features = productFeatures();
        // A budget in vectors compares across feature dimensions (the paper's 18 MB are 4,608 1024-d
        // vectors); half a vector more so that the MiB figure rounds back to exactly that many.
        if (cell.params.contains("budget_vectors")) {
            if (cell.params.contains("budget_mb")) throw Error("give budget_mb or budget_vectors, not both");
            shared.budgetMB = (number(cell.params, "budget_vectors", 0) + 0.5) *
                              BudgetAllocator::bytesPerVector(features.dim) / (1024.0 * 1024.0);
        }
        if (!parseAllocatorKind(text(cell.params, "allocator", "uniform"), shared.allocator))
            throw Error("unknown allocator '" + text(cell.params, "allocator", "") + "'");
        shared.route = flag(cell.params, "route", false);
        if (!parseRouterMetric(text(cell.params, "router_metric", "l2"), shared.routerMetric))
            throw Error("router_metric must be l2 or cosine");
        const int trainImages = static_cast<int>(number(cell.params, "train_images", 0));
        SharedBankEvaluator evaluator(f.options, shared, f.backbone);
        const SharedBankEvaluation e = evaluator.evaluate(features, progress, trainImages);
        nlohmann::json products = nlohmann::json::array();
        std::vector<double> image, pixel, aupro;
        for (std::size_t p = 0; p < e.products.size(); ++p) {
            const ProductEvaluation& pe = e.products[p];
            nlohmann::json one = metricsJson(pe);
            one.update({{"product", cell.products[p]},
                        {"bank_vectors", pe.bankPatches},
                        {"train_images", pe.trainImages},
                        {"wnr", value(pe.wrongNeighbourRate)},
                        {"routing_accuracy", value(pe.routingAccuracy)}});
            products.push_back(std::move(one));
            image.push_back(pe.metrics.imageAuroc);
            pixel.push_back(pe.metrics.pixelAuroc);
            aupro.push_back(pe.metrics.aupro30);
        }
        nlohmann::json shares = nlohmann::json::array();
        for (const auto& r : e.neighbourShares) {
            nlohmann::json line = nlohmann::json::array();
            for (double v : r) line.push_back(value(v));
            shares.push_back(std::move(line));
        }
        row = {{"budget_mb", shared.budgetMB},
               {"budget_vectors", BudgetAllocator::vectorsForMegabytes(shared.budgetMB, features.dim)},
               {"mean_image_auroc", value(finiteMean(image))},
               {"mean_pixel_auroc", value(finiteMean(pixel))},
               {"mean_aupro_30", value(finiteMean(aupro))},
               {"wnr", value(e.averageWrongNeighbourRate)},
               {"routing_accuracy", value(e.routing ? e.routing->accuracy() : std::nan(""))},
               {"bank_vectors", e.bankVectors},
               {"bank_bytes", e.bankBytes},
               {"router_bytes", e.routerBytes},
               {"source_patches", e.sourcePatches},
               {"feature_dim", features.dim},
               {"allocation", e.allocation},
               {"per_product", products},
               {"neighbour_shares", shares}};
    } else if (cell.kind == "noisy_training") {
        row = noisyTraining(cell, f.options, *f.backbone, *f.extractor, progress);
    } else {  // routing
        RouterMetric metric;
        if (!parseRouterMetric(text(cell.params, "router_metric", "l2"), metric))
            throw Error("router_metric must be l2 or cosine");
        const int trainImages = static_cast<int>(number(cell.params, "train_images", 0));
        const SharedBankFeatures features = productFeatures();
        std::vector<RouteDecision> decisions;
        const RouterEvaluation e = routeTestImages(features, metric, trainImages, &decisions);
        nlohmann::json products = nlohmann::json::array();
        for (std::size_t p = 0; p < features.products.size(); ++p) {
            const MarginStatistics m = e.margins(static_cast<int>(p));
            products.push_back({{"product", cell.products[p]},
                                {"images", e.images(static_cast<int>(p))},
                                {"accuracy", value(e.accuracy(static_cast<int>(p)))},
                                {"margin_min", value(m.min)},
                                {"margin_median", value(m.median)},
                                {"margin_mean", value(m.mean)}});
        }
        std::vector<double> margins;
        std::vector<int> truth, routed;
        for (std::size_t p = 0, i = 0; p < features.products.size(); ++p)
            for (std::size_t t = 0; t < features.products[p]->test.size(); ++t, ++i) {
                margins.push_back(decisions[i].margin);
                truth.push_back(static_cast<int>(p));
                routed.push_back(decisions[i].product);
            }
        const MarginStatistics all = e.margins();
        // One float32 prototype per product.
        const std::size_t routerBytes = features.products.size() * static_cast<std::size_t>(features.dim) * sizeof(float);
        row = {{"accuracy", value(e.accuracy())},
               {"images", e.images()},
               {"router_bytes", routerBytes},
               {"margin_min", value(all.min)},
               {"margin_median", value(all.median)},
               {"per_product", products},
               {"margins", margins},
               {"true_product", truth},
               {"routed_product", routed}};
    }
    return row;
}

}  // namespace pb::suite
