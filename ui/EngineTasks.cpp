#include "ui/EngineTasks.h"

#include <QElapsedTimer>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <limits>
#include <set>

#include "engine/dataset/DatasetReader.h"
#include "engine/experiments/ScoredImagesSummary.h"
#include "engine/image/Preprocessor.h"
#include "engine/metrics/ImageMetrics.h"
#include "engine/recon/ReconstructionDetector.h"
#include "engine/suite/SuiteSummary.h"
#include "engine/util/Error.h"

namespace pb::ui {

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

BankSummary summarise(const ProductModel& model) {
    BankSummary s;
    s.spec = model.bankSpec();
    s.trainImages = model.trainImages();
    s.vectors = model.bankPatches();
    s.sourcePatches = model.sourcePatches();
    s.bytes = model.bankBytes();
    s.compressionRatio = model.compressionRatio();
    s.featureDim = model.featureDim();
    s.neighbours = model.neighbours();
    return s;
}

const TrainedBank& requireBank(const EngineState& state, const std::string& missing) {
    if (!state.bank()) throw Error(missing);
    return *state.bank();
}

// Reports every problem as usual and remembers the first, for the error when nothing could be read.
struct FirstProblem {
    explicit FirstProblem(const Progress& base) : progress(base) {
        progress.onProblem = [this, report = base.onProblem](const Problem& p) {
            if (first.empty()) first = p.file + ": " + p.reason;
            if (report) report(p);
        };
    }
    FirstProblem(const FirstProblem&) = delete;
    FirstProblem& operator=(const FirstProblem&) = delete;
    std::string orNone() const { return first.empty() ? std::string("none of the images could be read") : first; }
    Progress progress;
    std::string first;
};

std::vector<Sample> filesAsSamples(const QStringList& paths, const std::string& product, Split split) {
    std::vector<Sample> samples;
    for (const QString& path : paths) {
        Sample s;
        s.path = path.toStdString();
        s.product = product;
        s.split = split;
        if (split == Split::Train) {
            s.label = 0;
            s.defect = "good";
        }
        samples.push_back(std::move(s));
    }
    return samples;
}

std::vector<Sample> trainingImages(const Dataset& dataset, const std::string& product, const EvaluationOptions& options) {
    std::vector<Sample> train = dataset.select(product, Split::Train);
    if (train.empty()) throw Error("product '" + product + "' has no training images", dataset.root);
    if (options.maxTrainImages > 0 && train.size() > static_cast<std::size_t>(options.maxTrainImages))
        train.resize(static_cast<std::size_t>(options.maxTrainImages));
    return train;
}

std::shared_ptr<Backbone> loadBackbone(EngineState& state, const BackboneOptions& options, const Progress& progress,
                                       int* patchStride = nullptr) {
    progress.step("loading the backbone", 0, 1);
    auto backbone = state.backboneFor(options, patchStride);
    progress.step("loading the backbone", 1, 1);
    return backbone;
}

// A feature extractor with the options' preprocessing and cache, on the engine's loaded backbone (which
// it keeps alive while it is used).
struct LoadedExtractor {
    std::shared_ptr<Backbone> backbone;
    std::unique_ptr<FeatureExtractor> extractor;
};

LoadedExtractor loadExtractor(EngineState& state, const EvaluationOptions& options, const Progress& progress) {
    LoadedExtractor out;
    out.backbone = loadBackbone(state, options.backbone, progress, nullptr);
    PreprocessSpec spec;
    spec.resizeWidth = spec.resizeHeight = options.resolution;
    spec.cropWidth = spec.cropHeight = options.crop;
    out.extractor = std::make_unique<FeatureExtractor>(
        *out.backbone, Preprocessor(spec),
        FeatureCache(options.cacheDir.empty() ? std::filesystem::path{} : std::filesystem::path(options.cacheDir)),
        options.backbone.batchSize);
    return out;
}

// Metrics, default thresholds and the test-set colour scale of scored images, by the engine's one producer.
void summariseForView(ScoreResult& result, const Progress& progress) {
    const std::string stage = result.product + ": metrics";
    progress.step(stage, 0, 1);
    {
        ScopedStageTimer timer(result.times, "metrics");
        applySummary(result, summariseScoredImages(result.images));
        result.mapRange = mapRangeOfImages(result.images);
    }
    progress.step(stage, 1, 1);
}

ScoreResultPtr scoreAgainstBank(const TrainedBankPtr& bank, const std::vector<Sample>& samples, bool testSet,
                                const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    auto result = std::make_shared<ScoreResult>();
    static_cast<ProductEvaluation&>(*result) = bank->model->describe();
    result->bank = bank;
    result->testSet = testSet;
    result->images = bank->model->score(samples, progress, result->times);
    summariseForView(*result, progress);
    result->seconds = secondsSince(start);
    return result;
}

// A model file read on the engine thread's backbone for these options; refused for other features.
struct LoadedDetector {
    std::shared_ptr<Backbone> backbone;  // kept alive with the detector
    std::unique_ptr<ReconstructionDetector> detector;
};

LoadedDetector loadDetector(EngineState& state, const std::string& file, const EvaluationOptions& options,
                            const Progress& progress) {
    LoadedDetector out;
    out.backbone = loadBackbone(state, options.backbone, progress);
    out.detector = std::make_unique<ReconstructionDetector>(*out.backbone, options);
    progress.step("reading the model", 0, 1);
    out.detector->load(file);
    progress.step("reading the model", 1, 1);
    return out;
}

// Images scored by a trained model, summarised as a bank's are (metrics, thresholds, colour scale).
std::shared_ptr<ScoreResult> scoreByDetector(const ReconstructionDetector& detector, DetectorModelPtr model,
                                             const std::vector<Sample>& samples, bool testSet, const Progress& progress) {
    auto result = std::make_shared<ScoreResult>();
    static_cast<ProductEvaluation&>(*result) = detector.describe();
    result->detector = std::move(model);
    result->testSet = testSet;
    result->images = detector.score(samples, progress, result->times);
    summariseForView(*result, progress);
    return result;
}

bool contains(const std::vector<std::string>& paths, const std::string& path) {
    return std::find(paths.begin(), paths.end(), path) != paths.end();
}

}  // namespace

std::vector<Sample> referenceImages(const Dataset& dataset, const std::string& product,
                                    const EvaluationOptions& options, const ReferenceEdits& edits) {
    std::vector<Sample> references;
    for (Sample& s : trainingImages(dataset, product, options))
        if (!contains(edits.excluded, s.path)) references.push_back(std::move(s));
    for (const Sample& s : dataset.select(product, Split::Train))
        if (contains(edits.added, s.path) && !contains(edits.excluded, s.path) &&
            std::none_of(references.begin(), references.end(), [&](const Sample& r) { return r.path == s.path; }))
            references.push_back(s);
    if (references.empty())
        throw Error("every reference image of '" + product + "' has been removed; restore the reference set first");
    return references;
}

std::vector<Sample> unusedTrainingImages(const Dataset& dataset, const std::string& product,
                                         const EvaluationOptions& options, const ReferenceEdits& edits) {
    std::vector<std::string> used;
    for (const Sample& s : trainingImages(dataset, product, options)) used.push_back(s.path);
    std::vector<Sample> unused;
    for (Sample& s : dataset.select(product, Split::Train))
        if (!contains(used, s.path) && !contains(edits.added, s.path) && !contains(edits.excluded, s.path))
            unused.push_back(std::move(s));
    return unused;
}

std::shared_ptr<Backbone> EngineState::backboneFor(const BackboneOptions& options, int* patchStride) {
    if (!backbone_ || options != backboneOptions_) {
        backbone_.reset();  // free the old weights before loading new ones
        backbone_ = std::shared_ptr<Backbone>(createBackbone(options));
        backboneOptions_ = options;
    }
    if (patchStride) *patchStride = backbone_->patchStride();
    return backbone_;
}

std::vector<RequestKind> OpenDatasetTask::supersedes() const {
    return {RequestKind::BuildBank,     RequestKind::ScoreTestSet,  RequestKind::ScoreFiles,
            RequestKind::LeaveOneOut,   RequestKind::BudgetSweep,   RequestKind::AuditReferences,
            RequestKind::PurifyPatches, RequestKind::PurifiedAuroc, RequestKind::ScreenTrainingFolder};
}

QVariant OpenDatasetTask::run(EngineState&, const Progress& progress) {
    DatasetPtr dataset = std::make_shared<const Dataset>(pb::openDataset(path_.toStdString(), &progress));
    return QVariant::fromValue(dataset);
}

QVariant ValidateBackboneTask::run(EngineState& state, const Progress&) {
    BackboneCheck check;
    auto backbone = state.backboneFor(options_, &check.patchStride);
    check.identity = QString::fromStdString(backbone->identity());
    return QVariant::fromValue(check);
}

std::vector<RequestKind> BuildBankTask::supersedes() const {
    return {RequestKind::ScoreTestSet, RequestKind::LeaveOneOut};
}

QVariant BuildBankTask::run(EngineState& state, const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    if (!dataset_) throw Error("no data set is open");
    const std::string name = product_.toStdString();
    const std::vector<Sample> train = referenceImages(*dataset_, name, options_, references_);
    auto bank = std::make_shared<TrainedBank>();
    bank->backbone = loadBackbone(state, options_.backbone, progress, &bank->patchStride);
    bank->options = options_;
    bank->product = name;
    bank->references = references_;
    bank->features = FeatureIdentity::loaded(*bank->backbone, bank->options.resolution, bank->options.crop);
    auto model = std::make_shared<ProductModel>(*bank->backbone, options_);
    model->build(name, train, progress, bank->times);
    bank->model = model;
    bank->seconds = secondsSince(start);
    bank->summary = summarise(*bank->model);
    state.setBank(bank);
    return QVariant::fromValue(state.bank());
}

QVariant ScoreTestSetTask::run(EngineState& state, const Progress& progress) {
    const std::string name = product_.toStdString();
    const TrainedBank& bank = requireBank(state, "no bank has been built yet; build the bank of '" + name + "' first");
    if (bank.product != name)
        throw Error("the current bank belongs to '" + bank.product + "'; build the bank of '" + name + "' first");
    if (!dataset_) throw Error("no data set is open");
    const std::vector<Sample> test = dataset_->select(name, Split::Test);
    if (test.empty()) throw Error("product '" + name + "' has no test images", dataset_->root);
    return QVariant::fromValue(scoreAgainstBank(state.bank(), test, true, progress));
}

QVariant ScoreFilesTask::run(EngineState& state, const Progress& progress) {
    FirstProblem problems(progress);
    if (detector_) {
        const auto start = std::chrono::steady_clock::now();
        LoadedDetector loaded = loadDetector(state, detector_->file, detector_->options, progress);
        auto result = scoreByDetector(*loaded.detector, detector_, filesAsSamples(paths_, product_, Split::Test), false,
                                      problems.progress);
        if (result->images.empty()) throw Error(problems.orNone());
        result->seconds = secondsSince(start);
        return QVariant::fromValue(ScoreResultPtr(result));
    }
    const TrainedBank& bank = requireBank(state, "no bank has been built yet; build a bank before scoring images");
    ScoreResultPtr result =
        scoreAgainstBank(state.bank(), filesAsSamples(paths_, bank.product, Split::Test), false, problems.progress);
    if (result->images.empty()) throw Error(problems.orNone());
    return QVariant::fromValue(result);
}

QVariant LeaveOneOutTask::run(EngineState& state, const Progress& progress) {
    const TrainedBank& bank = requireBank(state, "no bank has been built yet");
    StageTimes times;
    return QVariant::fromValue(LeaveOneOutPtr(std::make_shared<const LeaveOneOutScores>(bank.model->leaveOneOut(progress, times))));
}

QVariant ProbeFeaturesTask::run(EngineState& state, const Progress& progress) {
    auto backbone = state.backboneFor(options_.backbone);
    PreprocessSpec spec;
    spec.resizeWidth = spec.resizeHeight = options_.resolution;
    spec.cropWidth = spec.cropHeight = options_.crop;
    const Preprocessor preprocess(spec);
    // Every image is resized to the same square, so one blank image gives every image's grid.
    const cv::Mat grey(options_.resolution, options_.resolution, CV_8UC3, cv::Scalar(128, 128, 128));
    progress.cancel.throwIfCancelled();
    const std::vector<FeatureGrid> grids = backbone->extract({preprocess(grey)});
    if (grids.empty()) throw Error("the backbone returned no features");
    FeatureShape shape;
    shape.dim = grids.front().dim;
    shape.gridHeight = grids.front().height;
    shape.gridWidth = grids.front().width;
    return QVariant::fromValue(shape);
}

QVariant AddImagesTask::run(EngineState& state, const Progress& progress) {
    FirstProblem problems(progress);
    const TrainedBank& bank =
        requireBank(state, "no bank has been built yet; build or open a bank before adding images to it");
    const std::vector<Sample> samples = filesAsSamples(paths_, bank.product, Split::Train);
    StageTimes times;
    // The published bank never changes: the images go into a copy, published as a new bank.
    auto model = std::make_shared<ProductModel>(bank.model->clone());
    const std::size_t added = model->addImages(samples, problems.progress, times);
    if (added == 0) throw Error(problems.orNone());
    auto updated = std::make_shared<TrainedBank>(bank);
    updated->model = model;
    updated->summary = summarise(*model);
    updated->times.merge(times);
    state.setBank(updated);
    return QVariant::fromValue(state.bank());
}

QVariant SaveBankTask::run(EngineState& state, const Progress&) {
    const TrainedBank& bank = requireBank(state, "no bank has been built yet; there is nothing to save");
    bank.model->save(path_.toStdString());
    return QVariant::fromValue(path_);
}

std::vector<RequestKind> LoadBankTask::supersedes() const {
    return {RequestKind::ScoreTestSet, RequestKind::LeaveOneOut};
}

QVariant LoadBankTask::run(EngineState& state, const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    auto bank = std::make_shared<TrainedBank>();
    bank->backbone = loadBackbone(state, options_.backbone, progress, &bank->patchStride);
    bank->options = options_;
    bank->features = FeatureIdentity::loaded(*bank->backbone, bank->options.resolution, bank->options.crop);
    auto model = std::make_shared<ProductModel>(*bank->backbone, options_);
    progress.step("reading the bank", 0, 1);
    model->load(path_.toStdString());
    bank->model = model;
    progress.step("reading the bank", 1, 1);
    bank->product = bank->model->product();
    bank->options.bankSpec = bank->model->bankSpec();
    bank->file = path_.toStdString();
    bank->summary = summarise(*bank->model);
    bank->seconds = secondsSince(start);
    state.setBank(bank);
    return QVariant::fromValue(state.bank());
}

QVariant BudgetSweepTask::run(EngineState& state, const Progress& progress) {
    if (!dataset_) throw Error("no data set is open");
    const std::string name = product_.toStdString();
    const std::vector<Sample> train = trainingImages(*dataset_, name, options_);
    const std::vector<Sample> test = dataset_->select(name, Split::Test);
    if (test.empty()) throw Error("product '" + name + "' has no test images", dataset_->root);
    auto backbone = loadBackbone(state, options_.backbone, progress);
    BudgetSweep runner(*backbone, options_, sweep_);
    BudgetSweepResultPtr result = std::make_shared<const BudgetSweepResult>(runner.run(name, train, test, progress));
    return QVariant::fromValue(result);
}

QVariant SharedBankTask::run(EngineState& state, const Progress& progress) {
    std::vector<ProductSource> sources;
    for (const auto& [dataset, product] : request_.products) {
        if (!dataset) throw Error("product '" + product + "' has no data set");
        sources.push_back(ProductSource{dataset.get(), product});
    }
    SharedBankEvaluator evaluator(request_.options, request_.shared, loadBackbone(state, request_.options.backbone, progress));
    auto outcome = std::make_shared<SharedRun>();
    outcome->shared = request_.shared;
    outcome->options = request_.options;
    outcome->evaluation = evaluator.evaluate(sources, progress);
    for (auto& pe : outcome->evaluation.products) {
        auto result = std::make_shared<ScoreResult>();
        // Its metrics, thresholds and colour scale; the images move, the rest stays for the run's tables.
        std::vector<ScoredImage> images = std::move(pe.images);
        pe.images.clear();
        static_cast<ProductEvaluation&>(*result) = pe;
        result->images = std::move(images);
        result->testSet = true;
        result->shared = true;
        result->tagNames = outcome->evaluation.names;
        outcome->results.push_back(result);
    }
    return QVariant::fromValue(SharedRunPtr(outcome));
}

std::vector<Sample> ReferenceSetRequest::images() const {
    if (!dataset) throw Error("no data set is open");
    return referenceImages(*dataset, product.toStdString(), options, references);
}

QVariant AuditReferencesTask::run(EngineState& state, const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<Sample> references = request_.images();
    LoadedExtractor loaded = loadExtractor(state, request_.options, progress);
    auto audit = std::make_shared<ReferenceAudit>();
    StageTimes times;
    audit->report =
        purify::auditReferences(*loaded.extractor, request_.product.toStdString(), references, audit_, progress, times);
    audit->options = request_.options;
    audit->references = request_.references;
    audit->seconds = secondsSince(start);
    return QVariant::fromValue(ReferenceAuditPtr(audit));
}

QVariant PurifyPatchesTask::run(EngineState& state, const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<Sample> references = request_.images();
    const std::string name = request_.product.toStdString();
    LoadedExtractor loaded = loadExtractor(state, request_.options, progress);
    StageTimes times;
    purify::ReferenceFeatures features =
        purify::extractReferenceFeatures(*loaded.extractor, references, name + ": reference features", progress, times);
    auto out = std::make_shared<PatchPurification>();
    out->product = name;
    out->method = method_;
    out->options = request_.options;
    out->scores = purify::patchOutlierScores(features.patches, method_, request_.options.k, progress);
    out->keep = purify::keepAtOrBelowPercentile(out->scores, 95.0);
    out->cut = numpyQuantile(std::vector<double>(out->scores.begin(), out->scores.end()), 0.95);
    out->removed = static_cast<std::size_t>(std::count(out->keep.begin(), out->keep.end(), false));
    out->references = std::move(features.samples);
    out->patches = std::make_shared<const purify::ReferencePatches>(std::move(features.patches));
    out->seconds = secondsSince(start);
    return QVariant::fromValue(PatchPurificationPtr(out));
}

QVariant PurifiedAurocTask::run(EngineState& state, const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    if (!dataset_) throw Error("no data set is open");
    if (!purification_ || !purification_->patches) throw Error("score the reference patches first");
    const PatchPurification& p = *purification_;
    const std::vector<Sample> test = dataset_->select(p.product, Split::Test);
    if (test.empty()) throw Error("product '" + p.product + "' has no test images", dataset_->root);
    LoadedExtractor loaded = loadExtractor(state, p.options, progress);
    StageTimes times;
    std::vector<std::string> paths;
    for (const Sample& s : test) paths.push_back(s.path);
    auto extracted = loaded.extractor->extract(paths, p.product + ": test features", progress, times);
    std::vector<FeatureGrid> grids;
    std::vector<int> labels;
    for (std::size_t i = 0; i < test.size(); ++i) {
        if (!extracted[i].grid) continue;  // reported as a problem by the extractor
        grids.push_back(std::move(*extracted[i].grid));
        labels.push_back(test[i].label);
    }
    auto out = std::make_shared<PurifiedAuroc>();
    out->product = p.product;
    out->method = p.method;
    out->comparison = purify::compareKeptPatches(*p.patches, p.keep, grids, labels, p.options.k, progress);
    out->seconds = secondsSince(start);
    return QVariant::fromValue(PurifiedAurocPtr(out));
}

QVariant ScreenTrainingFolderTask::run(EngineState& state, const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    if (!dataset_) throw Error("no data set is open");
    const std::string name = product_.toStdString();
    const std::vector<Sample> train = dataset_->select(name, Split::Train);
    if (train.empty()) throw Error("product '" + name + "' has no training images", dataset_->root);
    LoadedExtractor loaded = loadExtractor(state, options_, progress);
    StageTimes times;
    purify::ReferenceFeatures features =
        purify::extractReferenceFeatures(*loaded.extractor, train, name + ": training features", progress, times);
    auto out = std::make_shared<TrainingScreen>();
    out->product = name;
    out->options = ensemble_;
    out->result = purify::screenWithMemoryEnsemble(features.patches, ensemble_, progress);
    out->result.members.clear();  // the draws are not shown; the patch scores are
    out->gridHeight = features.patches.gridHeight;
    out->gridWidth = features.patches.gridWidth;
    out->images = std::move(features.samples);
    out->problems = std::move(features.problems);
    out->seconds = secondsSince(start);
    return QVariant::fromValue(TrainingScreenPtr(out));
}

void SuiteSession::open() {
    if (runner_) return;
    auto runner = std::make_unique<suite::SuiteRunner>(suite_, options_);
    log_ = std::make_unique<suite::ResultsLog>(logPath_);
    runner_ = std::move(runner);
}

QVariant RunSuiteCellTask::run(EngineState&, const Progress& progress) {
    SuiteSession& session = *session_;
    SuiteCellOutcome outcome;
    outcome.run = session.run();
    if (!session.isOpen()) {
        progress.step("opening the results log", 0, 1);
        session.open();
        const auto& finished = session.log().finished();
        outcome.opened = true;
        outcome.logCells.assign(finished.begin(), finished.end());
        outcome.repairedBytes = session.log().repairedBytes();
    } else if (const auto index = session.runner().nextCell(session.log())) {
        outcome.index = index;
        try {
            const nlohmann::json row = session.runner().runCell(*index, session.log(), progress);
            outcome.seconds = row.value("seconds", 0.0);
        } catch (const Error& e) {
            // One failed cell does not stop the run: the runner remembers it and goes on with the next.
            outcome.failed = true;
            outcome.error = QString::fromStdString(e.what());
        }
    }
    outcome.status = session.runner().status(session.log());
    outcome.next = session.runner().nextCell(session.log());
    return QVariant::fromValue(outcome);
}

QVariant SummariseSuiteTask::run(EngineState&, const Progress& progress) {
    auto snapshot = std::make_shared<SuiteSnapshot>();
    snapshot->run = run_;
    const std::filesystem::path log = log_.toStdString();
    if (!std::filesystem::exists(log)) return QVariant::fromValue(SuiteSnapshotPtr(snapshot));
    progress.step("reading the results log", 0, 1);
    const std::vector<nlohmann::json> rows = suite::ResultsLog::read(log);
    progress.step("summarising", 0, 1);
    snapshot->rows = rows.size();
    for (const auto& row : rows) snapshot->cellSeconds[row.value("cell", "")] = row.value("seconds", 0.0);
    snapshot->tables = suite::summariseSuite(*suite_, rows);
    snapshot->figures = suite::suiteFigures(*suite_, rows);
    return QVariant::fromValue(SuiteSnapshotPtr(snapshot));
}

TrainingHistory TrainingHistory::fromCheckpoint(const std::string& file, const std::string& product,
                                                const nlohmann::json& training) {
    TrainingHistory h;
    h.file = file;
    h.product = product;
    try {
        if (training.contains("options")) h.options = ReconstructionTrainingOptions::fromJson(training.at("options"));
        h.images = training.value("images", std::size_t{0});
        h.samples = trainedSamples(training);
        const nlohmann::json state = training.value("state", nlohmann::json::object());
        h.complete = state.value("complete", false);
        h.steps = state.value("steps", 0);
        h.phase = state.value("phase", std::string());
        h.losses = lossHistory(training);
        h.validation = validationHistory(training);
        h.rounds = selectionHistory(training);
        if (training.contains("screen")) {
            const nlohmann::json& screen = training.at("screen");
            h.screenScores = screen.value("image_scores", std::vector<double>{});
            if (screen.contains("threshold") && screen.at("threshold").is_number())
                h.screenThreshold = screen.at("threshold").get<double>();
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("the training record is malformed: ") + e.what(), file);
    }
    return h;
}

namespace {

// Loss points go to the feed in batches, at most every 50 ms, so that a run of millisecond
// iterations does not queue thousands of events on the GUI thread.
class LossBatcher {
public:
    explicit LossBatcher(TrainingFeed* feed) : feed_(feed) {}
    void add(const LossPoint& point) {
        pending_.append(point);
        if (!clock_.isValid()) clock_.start();
        if (clock_.elapsed() >= 50) flush();
    }
    void flush() {
        if (pending_.isEmpty()) return;
        emit feed_->losses(pending_);
        pending_.clear();
        clock_.restart();
    }

private:
    TrainingFeed* feed_;
    QVector<LossPoint> pending_;
    QElapsedTimer clock_;
};

}  // namespace

QVariant TrainDetectorTask::run(EngineState& state, const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    TrainingFeed* feed = feed_.get();
    auto backbone = loadBackbone(state, job_.features.backbone, progress);

    // The trainer says what it trains on, and the curves so far when it resumes a checkpoint it accepted.
    std::vector<Sample> trained;
    ReconstructionTrainingObserver observer;
    observer.onStart = [&](const std::vector<Sample>& images, int resumedAt, const nlohmann::json& training) {
        trained = images;
        emit feed->trainingSet(std::make_shared<const std::vector<Sample>>(images));
        if (resumedAt > 0) {
            TrainingHistory h = TrainingHistory::fromCheckpoint(job_.out.string(), job_.product, training);
            if (!h.complete) emit feed->resumed(std::make_shared<const TrainingHistory>(std::move(h)));
        }
    };

    LossBatcher losses(feed);
    observer.onLoss = [&](const LossPoint& point) { losses.add(point); };
    observer.onValidation = [&](const ValidationPoint& point) {
        losses.flush();
        emit feed->validation(point);
    };
    observer.onSelection = [&](const SelectionRound& round) {
        losses.flush();
        emit feed->selection(round);
    };
    observer.onScreened = [&](const purify::MemoryEnsembleResult& screen) {
        emit feed->screened(QVector<double>(screen.imageScores.begin(), screen.imageScores.end()), screen.threshold);
    };
    observer.onCheckpoint = [&](const std::filesystem::path& file) {
        losses.flush();
        emit feed->checkpointWritten(QString::fromStdString(file.string()));
    };

    auto outcome = std::make_shared<TrainingOutcome>();
    ReconstructionTrainingResult result;
    try {
        result = runReconstructionJob(*backbone, job_, observer, progress, outcome->times);
    } catch (...) {
        losses.flush();  // the points up to the cancel are in the checkpoint: the curve shows them too
        throw;
    }
    losses.flush();
    outcome->history = TrainingHistory::fromCheckpoint(job_.out.string(), job_.product, result.checkpoint.training);
    outcome->images = trained;
    outcome->features = job_.features;
    outcome->resumedAt = result.resumedAt;
    outcome->alreadyComplete = result.alreadyComplete;
    outcome->seconds = secondsSince(start);
    return QVariant::fromValue(TrainingOutcomePtr(outcome));
}

QVariant ScoreWithDetectorTask::run(EngineState& state, const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    if (!dataset_) throw Error("no data set is open");
    LoadedDetector loaded = loadDetector(state, file_.toStdString(), options_, progress);
    auto model = std::make_shared<DetectorModel>();
    model->file = file_.toStdString();
    model->options = options_;
    model->method = loaded.detector->describe().bankSpec == "recon+meds" ? "meds" : "recon";
    model->seconds = secondsSince(start);

    const std::string product = loaded.detector->provenance().product;
    std::vector<Sample> test = test_;
    if (test.empty()) {
        if (std::find(dataset_->products.begin(), dataset_->products.end(), product) == dataset_->products.end())
            throw Error("the model was trained on product '" + product + "', which the open data set does not have",
                        model->file);
        test = dataset_->select(product, Split::Test);
        if (test.empty()) throw Error("product '" + product + "' has no test images", dataset_->root);
    }
    auto result = scoreByDetector(*loaded.detector, model, test, true, progress);
    if (result->images.empty()) throw Error("none of the test images of '" + product + "' could be read");
    result->seconds = secondsSince(start);
    return QVariant::fromValue(ScoreResultPtr(result));
}

QVariant ReadTrainingHistoryTask::run(EngineState&, const Progress& progress) {
    progress.step("reading the model", 0, 1);
    const ReconstructionCheckpoint checkpoint = readReconstructionCheckpoint(file_.toStdString());
    progress.step("reading the model", 1, 1);
    return QVariant::fromValue(TrainingHistoryPtr(std::make_shared<const TrainingHistory>(
        TrainingHistory::fromCheckpoint(file_.toStdString(), checkpoint.provenance.product, checkpoint.training))));
}

}  // namespace pb::ui
