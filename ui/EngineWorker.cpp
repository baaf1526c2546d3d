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
#include "engine/metrics/MetricsSummary.h"
#include "engine/util/Error.h"

namespace pb::ui {

namespace {

bool sameBackbone(const BackboneOptions& a, const BackboneOptions& b) {
    return a.name == b.name && a.weightsPath == b.weightsPath && a.layers == b.layers && a.device == b.device &&
           a.batchSize == b.batchSize;
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
    std::vector<double> scores;
    std::vector<int> labels;
    std::vector<cv::Mat> maps, masks;
    result->hasMasks = std::any_of(result->images.begin(), result->images.end(),
                                   [](const ScoredImage& s) { return s.sample.label == 1 && !s.mask.empty(); });
    float lo = std::numeric_limits<float>::max(), hi = std::numeric_limits<float>::lowest();
    for (const auto& img : result->images) {
        double mn = 0, mx = 0;
        cv::minMaxLoc(img.map, &mn, &mx);
        lo = std::min(lo, static_cast<float>(mn));
        hi = std::max(hi, static_cast<float>(mx));
        if (img.sample.label < 0) continue;
        scores.push_back(img.score);
        labels.push_back(img.sample.label);
        if (result->hasMasks && !img.mask.empty()) {
            maps.push_back(img.map);
            masks.push_back(img.mask);
        }
    }
    if (result->images.empty()) lo = 0.0f, hi = 1.0f;
    if (!(hi > lo)) hi = lo + 1.0f;
    result->mapLow = lo;
    result->mapHigh = hi;
    {
        ScopedStageTimer timer(result->times, "metrics");
        if (!scores.empty()) result->metrics = computeMetrics(scores, labels, maps, masks);
        if (result->hasMasks && std::isfinite(result->metrics.pixelF1Threshold)) {
            result->pixelThreshold = result->metrics.pixelF1Threshold;
        } else if (!result->images.empty()) {
            // No ground truth: flag the top 1% of the pixels, as the CLI report does.
            std::vector<float> all;
            for (const auto& img : result->images) all.insert(all.end(), img.map.begin<float>(), img.map.end<float>());
            auto nth = all.begin() + static_cast<std::ptrdiff_t>(0.99 * static_cast<double>(all.size() - 1));
            std::nth_element(all.begin(), nth, all.end());
            result->pixelThreshold = *nth;
        }
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

}  // namespace pb::ui
