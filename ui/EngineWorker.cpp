#include "ui/EngineWorker.h"

#include <QElapsedTimer>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <new>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "engine/dataset/DatasetReader.h"
#include "engine/image/Preprocessor.h"
#include "engine/experiments/ScoredImagesSummary.h"
#include "engine/metrics/MetricsSummary.h"
#include "engine/util/Error.h"

namespace pb::ui {

namespace {

bool sameBackbone(const BackboneOptions& a, const BackboneOptions& b) {
    return a.name == b.name && a.weightsPath == b.weightsPath && a.layers == b.layers && a.device == b.device &&
           a.batchSize == b.batchSize && a.configPath == b.configPath && a.finalNorm == b.finalNorm &&
           a.l2Normalize == b.l2Normalize && a.precision == b.precision;
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

EngineWorker::EngineWorker(QObject* parent) : QObject(parent) {}

EngineWorker::~EngineWorker() = default;

void EngineWorker::lowerThreadPriority() {
#ifdef __linux__
    // Linux nice values are per thread and inherited by the threads this one creates (OpenMP,
    // LibTorch pools), so on a small machine the GUI thread wins the CPU when it wakes up.
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 5);
#endif
}

template <class Body>
void EngineWorker::run(quint64 id, RequestKind kind, const CancelToken& token, Body&& body) {
    if (token.cancelled()) {
        // Superseded while it waited in the queue: never started.
        emit cancelled(id, kind);
        emit finished(id, kind);
        return;
    }
    emit started(id, kind);
    try {
        body();
    } catch (const Cancelled&) {
        emit cancelled(id, kind);
    } catch (const Error& e) {
        emit failed(id, kind, QString::fromStdString(e.what()));
    } catch (const std::bad_alloc&) {
        emit failed(id, kind, EngineWorker::tr("out of memory"));
    } catch (const std::exception& e) {
        emit failed(id, kind, QString::fromStdString(e.what()));
    }
    emit finished(id, kind);
}

Progress EngineWorker::makeProgress(quint64 id, RequestKind kind, const CancelToken& token) {
    Progress p;
    p.cancel = token;
    // Rate-limited so that a fast stage cannot flood the GUI thread with queued events.
    auto clock = std::make_shared<QElapsedTimer>();
    auto lastStage = std::make_shared<std::string>();
    p.onStep = [this, id, kind, clock, lastStage](const std::string& stage, std::size_t done, std::size_t total) {
        if (clock->isValid() && stage == *lastStage && done != total && done != 0 && clock->elapsed() < 40) return;
        clock->start();
        *lastStage = stage;
        emit progress(id, kind, QString::fromStdString(stage), static_cast<qint64>(done), static_cast<qint64>(total));
    };
    p.onProblem = [this, id, kind](const Problem& problem) {
        emit this->problem(id, kind, QString::fromStdString(problem.file), QString::fromStdString(problem.reason));
    };
    return p;
}

std::shared_ptr<Backbone> EngineWorker::backboneFor(const BackboneOptions& options, int* patchStride) {
    if (!backbone_ || !sameBackbone(options, backboneOptions_)) {
        backbone_.reset();  // free the old weights before loading new ones
        backbone_ = std::shared_ptr<Backbone>(createBackbone(options));
        backboneOptions_ = options;
    }
    if (patchStride) *patchStride = backbone_->patchStride();
    return backbone_;
}

void EngineWorker::openDataset(quint64 id, const QString& path, const CancelToken& token) {
    run(id, RequestKind::OpenDataset, token, [&] {
        Progress progress = makeProgress(id, RequestKind::OpenDataset, token);
        auto dataset = std::make_shared<Dataset>(pb::openDataset(path.toStdString(), &progress));
        emit datasetOpened(id, std::const_pointer_cast<const Dataset>(dataset));
    });
}

void EngineWorker::validateBackbone(quint64 id, const BackboneOptions& options, const CancelToken& token) {
    run(id, RequestKind::ValidateBackbone, token, [&] {
        int stride = 0;
        auto backbone = backboneFor(options, &stride);
        emit backboneValidated(id, QString::fromStdString(backbone->identity()), stride);
    });
}

void EngineWorker::buildBank(quint64 id, const DatasetPtr& dataset, const QString& product,
                             const EvaluationOptions& options, const CancelToken& token) {
    run(id, RequestKind::BuildBank, token, [&] {
        const auto start = std::chrono::steady_clock::now();
        Progress progress = makeProgress(id, RequestKind::BuildBank, token);
        if (!dataset) throw Error("no data set is open");
        const std::string name = product.toStdString();
        std::vector<Sample> train = dataset->select(name, Split::Train);
        if (train.empty()) throw Error("product '" + name + "' has no training images", dataset->root);
        if (options.maxTrainImages > 0 && train.size() > static_cast<std::size_t>(options.maxTrainImages))
            train.resize(static_cast<std::size_t>(options.maxTrainImages));

        progress.step("loading the backbone", 0, 1);
        auto bank = std::make_shared<TrainedBank>();
        bank->backbone = backboneFor(options.backbone, &bank->patchStride);
        progress.step("loading the backbone", 1, 1);
        bank->options = options;
        bank->product = name;
        bank->backboneIdentity = bank->backbone->identity();
        bank->model = std::make_shared<ProductModel>(*bank->backbone, options);
        bank->model->build(name, train, progress, bank->times);
        bank->seconds = secondsSince(start);
        bank->summary = summarise(*bank->model);
        bank_ = bank;
        emit bankBuilt(id, bank_);
    });
}

ScoreResultPtr EngineWorker::scoreAgainstBank(const std::vector<Sample>& samples, bool testSet,
                                              const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    auto result = std::make_shared<ScoreResult>();
    result->bank = bank_;
    result->product = bank_->product;
    result->testSet = testSet;
    result->images = bank_->model->score(samples, progress, result->times);

    const std::string stage = bank_->product + ": metrics";
    progress.step(stage, 0, 1);
    {
        ScopedStageTimer timer(result->times, "metrics");
        const ScoredImagesSummary summary = summariseScoredImages(result->images);
        result->metrics = summary.metrics;
        result->hasMasks = summary.hasMasks;
        result->pixelThreshold = summary.pixelThreshold;
        result->mapLow = summary.mapLow;
        result->mapHigh = summary.mapHigh;
    }
    progress.step(stage, 1, 1);
    result->seconds = secondsSince(start);
    return result;
}

void EngineWorker::scoreTestSet(quint64 id, const DatasetPtr& dataset, const QString& product,
                                const CancelToken& token) {
    run(id, RequestKind::ScoreTestSet, token, [&] {
        Progress progress = makeProgress(id, RequestKind::ScoreTestSet, token);
        const std::string name = product.toStdString();
        if (!bank_) throw Error("no bank has been built yet; build the bank of '" + name + "' first");
        if (bank_->product != name)
            throw Error("the current bank belongs to '" + bank_->product + "'; build the bank of '" + name + "' first");
        if (!dataset) throw Error("no data set is open");
        std::vector<Sample> test = dataset->select(name, Split::Test);
        if (test.empty()) throw Error("product '" + name + "' has no test images", dataset->root);
        emit scored(id, scoreAgainstBank(test, true, progress));
    });
}

void EngineWorker::scoreFiles(quint64 id, const QStringList& paths, const CancelToken& token) {
    run(id, RequestKind::ScoreFiles, token, [&] {
        Progress progress = makeProgress(id, RequestKind::ScoreFiles, token);
        std::string firstProblem;
        auto report = progress.onProblem;
        progress.onProblem = [&firstProblem, report](const Problem& p) {
            if (firstProblem.empty()) firstProblem = p.file + ": " + p.reason;
            if (report) report(p);
        };
        if (!bank_) throw Error("no bank has been built yet; build a bank before scoring images");
        std::vector<Sample> samples;
        for (const QString& path : paths) {
            Sample s;
            s.path = path.toStdString();
            s.product = bank_->product;
            s.split = Split::Test;
            samples.push_back(std::move(s));
        }
        ScoreResultPtr result = scoreAgainstBank(samples, false, progress);
        if (result->images.empty())
            throw Error(firstProblem.empty() ? std::string("none of the images could be read") : firstProblem);
        emit scored(id, result);
    });
}

void EngineWorker::leaveOneOut(quint64 id, const CancelToken& token) {
    run(id, RequestKind::LeaveOneOut, token, [&] {
        Progress progress = makeProgress(id, RequestKind::LeaveOneOut, token);
        if (!bank_) throw Error("no bank has been built yet");
        StageTimes times;
        std::vector<double> scores = bank_->model->leaveOneOutScores(progress, times);
        emit leaveOneOutScored(id, QVector<double>(scores.begin(), scores.end()));
    });
}

BankSummary EngineWorker::summarise(const ProductModel& model) {
    BankSummary s;
    s.spec = model.bankSpec();
    s.trainImages = model.trainImages();
    s.vectors = model.bankPatches();
    s.sourcePatches = model.sourcePatches();
    s.bytes = model.bankBytes();
    s.compressionRatio = model.compressionRatio();
    s.featureDim = model.featureDim();
    return s;
}

void EngineWorker::probeFeatures(quint64 id, const EvaluationOptions& options, const CancelToken& token) {
    run(id, RequestKind::ProbeFeatures, token, [&] {
        auto backbone = backboneFor(options.backbone, nullptr);
        PreprocessSpec spec;
        spec.resizeWidth = spec.resizeHeight = options.resolution;
        spec.cropWidth = spec.cropHeight = options.crop;
        const Preprocessor preprocess(spec);
        // Every image is resized to the same square, so one blank image gives every image's grid.
        const cv::Mat grey(options.resolution, options.resolution, CV_8UC3, cv::Scalar(128, 128, 128));
        token.throwIfCancelled();
        const std::vector<FeatureGrid> grids = backbone->extract({preprocess(grey)});
        if (grids.empty()) throw Error("the backbone returned no features");
        FeatureShape shape;
        shape.dim = grids.front().dim;
        shape.gridHeight = grids.front().height;
        shape.gridWidth = grids.front().width;
        emit featuresProbed(id, shape);
    });
}

void EngineWorker::addImages(quint64 id, const QStringList& paths, const CancelToken& token) {
    run(id, RequestKind::AddImages, token, [&] {
        Progress progress = makeProgress(id, RequestKind::AddImages, token);
        std::string firstProblem;
        auto report = progress.onProblem;
        progress.onProblem = [&firstProblem, report](const Problem& p) {
            if (firstProblem.empty()) firstProblem = p.file + ": " + p.reason;
            if (report) report(p);
        };
        if (!bank_) throw Error("no bank has been built yet; build or open a bank before adding images to it");
        std::vector<Sample> samples;
        for (const QString& path : paths) {
            Sample s;
            s.path = path.toStdString();
            s.product = bank_->product;
            s.split = Split::Train;
            s.label = 0;
            s.defect = "good";
            samples.push_back(std::move(s));
        }
        StageTimes times;
        std::size_t added = 0;
        {
            // The GUI reads the model (nearest patches) only when it gets this lock without waiting.
            std::unique_lock<std::shared_mutex> lock(*bank_->modelLock);
            added = bank_->model->addImages(samples, progress, times);
        }
        if (added == 0)
            throw Error(firstProblem.empty() ? std::string("none of the images could be read") : firstProblem);
        auto updated = std::make_shared<TrainedBank>(*bank_);  // the same model and lock, new sizes
        updated->summary = summarise(*updated->model);
        updated->times.merge(times);
        bank_ = updated;
        emit bankChanged(id, RequestKind::AddImages, bank_);
    });
}

void EngineWorker::saveBank(quint64 id, const QString& path, const CancelToken& token) {
    run(id, RequestKind::SaveBank, token, [&] {
        if (!bank_) throw Error("no bank has been built yet; there is nothing to save", path.toStdString());
        bank_->model->save(path.toStdString());
        emit bankSaved(id, path);
    });
}

void EngineWorker::loadBank(quint64 id, const QString& path, const EvaluationOptions& options,
                            const CancelToken& token) {
    run(id, RequestKind::LoadBank, token, [&] {
        const auto start = std::chrono::steady_clock::now();
        Progress progress = makeProgress(id, RequestKind::LoadBank, token);
        progress.step("loading the backbone", 0, 1);
        auto bank = std::make_shared<TrainedBank>();
        bank->backbone = backboneFor(options.backbone, &bank->patchStride);
        progress.step("loading the backbone", 1, 1);
        bank->options = options;
        bank->backboneIdentity = bank->backbone->identity();
        bank->model = std::make_shared<ProductModel>(*bank->backbone, options);
        progress.step("reading the bank", 0, 1);
        bank->model->load(path.toStdString());
        progress.step("reading the bank", 1, 1);
        bank->product = bank->model->product();
        bank->options.bankSpec = bank->model->bankSpec();
        bank->file = path.toStdString();
        bank->summary = summarise(*bank->model);
        bank->seconds = secondsSince(start);
        bank_ = bank;
        emit bankChanged(id, RequestKind::LoadBank, bank_);
    });
}

void EngineWorker::budgetSweep(quint64 id, const DatasetPtr& dataset, const QString& product,
                               const EvaluationOptions& options, const BudgetSweepOptions& sweep,
                               const CancelToken& token) {
    run(id, RequestKind::BudgetSweep, token, [&] {
        Progress progress = makeProgress(id, RequestKind::BudgetSweep, token);
        if (!dataset) throw Error("no data set is open");
        const std::string name = product.toStdString();
        std::vector<Sample> train = dataset->select(name, Split::Train);
        if (options.maxTrainImages > 0 && train.size() > static_cast<std::size_t>(options.maxTrainImages))
            train.resize(static_cast<std::size_t>(options.maxTrainImages));
        std::vector<Sample> test = dataset->select(name, Split::Test);
        if (train.empty()) throw Error("product '" + name + "' has no training images", dataset->root);
        if (test.empty()) throw Error("product '" + name + "' has no test images", dataset->root);
        progress.step("loading the backbone", 0, 1);
        auto backbone = backboneFor(options.backbone, nullptr);
        progress.step("loading the backbone", 1, 1);
        BudgetSweep runner(*backbone, options, sweep);
        auto result = std::make_shared<BudgetSweepResult>(runner.run(name, train, test, progress));
        emit sweepFinished(id, result);
    });
}

void EngineWorker::sharedBank(quint64 id, const SharedBankRequest& request, const CancelToken& token) {
    run(id, RequestKind::SharedBank, token, [&] {
        Progress progress = makeProgress(id, RequestKind::SharedBank, token);
        std::vector<ProductSource> sources;
        for (const auto& [dataset, product] : request.products) {
            if (!dataset) throw Error("product '" + product + "' has no data set");
            sources.push_back(ProductSource{dataset.get(), product});
        }
        progress.step("loading the backbone", 0, 1);
        SharedBankEvaluator evaluator(request.options, request.shared, backboneFor(request.options.backbone, nullptr));
        progress.step("loading the backbone", 1, 1);
        auto outcome = std::make_shared<SharedRun>();
        outcome->shared = request.shared;
        outcome->options = request.options;
        outcome->evaluation = evaluator.evaluate(sources, progress);
        for (auto& pe : outcome->evaluation.products) {
            auto result = std::make_shared<ScoreResult>();
            result->product = pe.product;
            result->testSet = true;
            result->shared = true;
            result->tagNames = outcome->evaluation.names;
            result->metrics = pe.metrics;
            result->hasMasks = pe.hasMasks;
            result->pixelThreshold = pe.pixelThreshold;
            result->imageThreshold = pe.imageThreshold;
            result->seconds = pe.seconds;
            result->times = pe.times;
            result->images = std::move(pe.images);
            pe.images.clear();
            // One colour scale per product, as for a single-product test set.
            float lo = std::numeric_limits<float>::max(), hi = std::numeric_limits<float>::lowest();
            for (const auto& img : result->images) {
                double mn = 0, mx = 0;
                cv::minMaxLoc(img.map, &mn, &mx);
                lo = std::min(lo, static_cast<float>(mn));
                hi = std::max(hi, static_cast<float>(mx));
            }
            if (result->images.empty()) lo = 0.0f, hi = 1.0f;
            result->mapLow = lo;
            result->mapHigh = hi > lo ? hi : lo + 1.0f;
            outcome->results.push_back(result);
        }
        emit sharedBankEvaluated(id, outcome);
    });
}

}  // namespace pb::ui
