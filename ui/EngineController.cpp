#include "ui/EngineController.h"

#include "ui/EngineWorker.h"

namespace pb::ui {

namespace {
int key(RequestKind kind) { return static_cast<int>(kind); }
}  // namespace

EngineController::EngineController(QObject* parent) : QObject(parent) {
    qRegisterMetaType<pb::ui::RequestKind>("pb::ui::RequestKind");
    qRegisterMetaType<pb::ui::DatasetPtr>("pb::ui::DatasetPtr");
    qRegisterMetaType<pb::ui::TrainedBankPtr>("pb::ui::TrainedBankPtr");
    qRegisterMetaType<pb::ui::ScoreResultPtr>("pb::ui::ScoreResultPtr");
    qRegisterMetaType<QVector<double>>("QVector<double>");
    qRegisterMetaType<pb::ui::SharedRunPtr>("pb::ui::SharedRunPtr");
    qRegisterMetaType<pb::ui::BudgetSweepResultPtr>("pb::ui::BudgetSweepResultPtr");
    qRegisterMetaType<pb::ui::FeatureShape>("pb::ui::FeatureShape");

    thread_.setObjectName(QStringLiteral("engine"));
    worker_ = new EngineWorker;
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::started, worker_, &EngineWorker::lowerThreadPriority);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);

    // Every worker signal crosses threads as a queued call; stale ids are dropped here.
    connect(worker_, &EngineWorker::started, this, [this](quint64 id, RequestKind kind) {
        if (isLatest(id, kind)) emit started(kind);
    });
    connect(worker_, &EngineWorker::progress, this,
            [this](quint64 id, RequestKind kind, const QString& stage, qint64 done, qint64 total) {
                if (isLatest(id, kind)) emit progress(kind, stage, done, total);
            });
    connect(worker_, &EngineWorker::problem, this,
            [this](quint64 id, RequestKind kind, const QString& file, const QString& reason) {
                if (isLatest(id, kind)) emit problem(kind, file, reason);
            });
    connect(worker_, &EngineWorker::datasetOpened, this, [this](quint64 id, const DatasetPtr& dataset) {
        if (isLatest(id, RequestKind::OpenDataset)) emit datasetOpened(dataset);
    });
    connect(worker_, &EngineWorker::backboneValidated, this, [this](quint64 id, const QString& identity, int stride) {
        if (isLatest(id, RequestKind::ValidateBackbone)) emit backboneValidated(identity, stride);
    });
    connect(worker_, &EngineWorker::bankBuilt, this, [this](quint64 id, const TrainedBankPtr& bank) {
        if (isLatest(id, RequestKind::BuildBank)) emit bankBuilt(bank);
    });
    connect(worker_, &EngineWorker::scored, this, [this](quint64 id, const ScoreResultPtr& result) {
        if (result->testSet && isLatest(id, RequestKind::ScoreTestSet)) emit testSetScored(result);
        if (!result->testSet && isLatest(id, RequestKind::ScoreFiles)) emit filesScored(result);
    });
    connect(worker_, &EngineWorker::leaveOneOutScored, this, [this](quint64 id, const QVector<double>& scores) {
        if (isLatest(id, RequestKind::LeaveOneOut)) emit leaveOneOutScored(scores);
    });
    connect(worker_, &EngineWorker::featuresProbed, this, [this](quint64 id, const FeatureShape& shape) {
        if (isLatest(id, RequestKind::ProbeFeatures)) emit featuresProbed(shape);
    });
    connect(worker_, &EngineWorker::bankChanged, this, [this](quint64 id, RequestKind kind, const TrainedBankPtr& bank) {
        if (isLatest(id, kind)) emit bankChanged(kind, bank);
    });
    connect(worker_, &EngineWorker::bankSaved, this, [this](quint64 id, const QString& path) {
        if (isLatest(id, RequestKind::SaveBank)) emit bankSaved(path);
    });
    connect(worker_, &EngineWorker::sweepFinished, this, [this](quint64 id, const BudgetSweepResultPtr& result) {
        if (isLatest(id, RequestKind::BudgetSweep)) emit sweepFinished(result);
    });
    connect(worker_, &EngineWorker::sharedBankEvaluated, this, [this](quint64 id, const SharedRunPtr& run) {
        if (isLatest(id, RequestKind::SharedBank)) emit sharedBankEvaluated(run);
    });
    connect(worker_, &EngineWorker::failed, this, [this](quint64 id, RequestKind kind, const QString& reason) {
        if (isLatest(id, kind)) emit failed(kind, reason);
    });
    connect(worker_, &EngineWorker::cancelled, this, [this](quint64 id, RequestKind kind) {
        if (isLatest(id, kind)) emit cancelled(kind);
    });
    connect(worker_, &EngineWorker::finished, this, &EngineController::onFinished);
    thread_.start();
}

EngineController::~EngineController() { shutdown(); }

QString EngineController::kindName(RequestKind kind) {
    switch (kind) {
        case RequestKind::OpenDataset: return tr("Opening the data set");
        case RequestKind::ValidateBackbone: return tr("Checking the backbone");
        case RequestKind::BuildBank: return tr("Building the bank");
        case RequestKind::ScoreTestSet: return tr("Scoring the test set");
        case RequestKind::ScoreFiles: return tr("Scoring dropped images");
        case RequestKind::LeaveOneOut: return tr("Leave-one-out scores");
        case RequestKind::ProbeFeatures: return tr("Measuring the feature size");
        case RequestKind::AddImages: return tr("Adding images to the bank");
        case RequestKind::SaveBank: return tr("Saving the bank");
        case RequestKind::LoadBank: return tr("Opening the bank");
        case RequestKind::BudgetSweep: return tr("Budget sweep");
        case RequestKind::SharedBank: return tr("Shared bank");
    }
    return {};
}

quint64 EngineController::begin(RequestKind kind, CancelToken* token) {
    // The newer request supersedes the older one of its kind: it stops at its next progress step.
    if (tokens_.contains(key(kind))) tokens_[key(kind)].cancel();
    const quint64 id = nextId_++;
    latest_[key(kind)] = id;
    tokens_[key(kind)] = *token;
    const bool wasBusy = isBusy();
    inFlight_.insert(id);
    if (!wasBusy) emit busyChanged(true);
    return id;
}

bool EngineController::isLatest(quint64 id, RequestKind kind) const {
    return !shutDown_ && latest_.value(key(kind)) == id;
}

bool EngineController::isPending(RequestKind kind) const {
    return latest_.contains(key(kind)) && inFlight_.contains(latest_.value(key(kind)));
}

void EngineController::onFinished(quint64 id, RequestKind) {
    if (!inFlight_.remove(id)) return;
    if (inFlight_.isEmpty() && !shutDown_) emit busyChanged(false);
}

quint64 EngineController::openDataset(const QString& path) {
    if (shutDown_) return 0;
    // Work on the previous data set is moot once another one is opened.
    for (RequestKind kind : {RequestKind::BuildBank, RequestKind::ScoreTestSet, RequestKind::ScoreFiles,
                             RequestKind::LeaveOneOut, RequestKind::BudgetSweep})
        cancel(kind);
    CancelToken token;
    const quint64 id = begin(RequestKind::OpenDataset, &token);
    QMetaObject::invokeMethod(
        worker_, [w = worker_, id, path, token] { w->openDataset(id, path, token); }, Qt::QueuedConnection);
    return id;
}

quint64 EngineController::validateBackbone(const BackboneOptions& options) {
    if (shutDown_) return 0;
    CancelToken token;
    const quint64 id = begin(RequestKind::ValidateBackbone, &token);
    QMetaObject::invokeMethod(
        worker_, [w = worker_, id, options, token] { w->validateBackbone(id, options, token); },
        Qt::QueuedConnection);
    return id;
}

quint64 EngineController::buildBank(const DatasetPtr& dataset, const QString& product,
                                    const EvaluationOptions& options) {
    if (shutDown_) return 0;
    // Scores and thresholds of the old bank would arrive after the new bank: drop them.
    cancel(RequestKind::ScoreTestSet);
    cancel(RequestKind::LeaveOneOut);
    CancelToken token;
    const quint64 id = begin(RequestKind::BuildBank, &token);
    QMetaObject::invokeMethod(
        worker_, [w = worker_, id, dataset, product, options, token] { w->buildBank(id, dataset, product, options, token); },
        Qt::QueuedConnection);
    return id;
}

quint64 EngineController::scoreTestSet(const DatasetPtr& dataset, const QString& product) {
    if (shutDown_) return 0;
    CancelToken token;
    const quint64 id = begin(RequestKind::ScoreTestSet, &token);
    QMetaObject::invokeMethod(
        worker_, [w = worker_, id, dataset, product, token] { w->scoreTestSet(id, dataset, product, token); },
        Qt::QueuedConnection);
    return id;
}

quint64 EngineController::scoreFiles(const QStringList& paths) {
    if (shutDown_) return 0;
    CancelToken token;
    const quint64 id = begin(RequestKind::ScoreFiles, &token);
    QMetaObject::invokeMethod(
        worker_, [w = worker_, id, paths, token] { w->scoreFiles(id, paths, token); }, Qt::QueuedConnection);
    return id;
}

quint64 EngineController::leaveOneOut() {
    if (shutDown_) return 0;
    CancelToken token;
    const quint64 id = begin(RequestKind::LeaveOneOut, &token);
    QMetaObject::invokeMethod(
        worker_, [w = worker_, id, token] { w->leaveOneOut(id, token); }, Qt::QueuedConnection);
    return id;
}

template <class Call>
quint64 EngineController::post(RequestKind kind, Call&& call) {
    if (shutDown_) return 0;
    CancelToken token;
    const quint64 id = begin(kind, &token);
    QMetaObject::invokeMethod(
        worker_, [w = worker_, id, token, call = std::forward<Call>(call)] { call(w, id, token); },
        Qt::QueuedConnection);
    return id;
}

quint64 EngineController::probeFeatures(const EvaluationOptions& options) {
    return post(RequestKind::ProbeFeatures, [options](EngineWorker* w, quint64 id, const CancelToken& token) {
        w->probeFeatures(id, options, token);
    });
}

quint64 EngineController::addImages(const QStringList& paths) {
    return post(RequestKind::AddImages, [paths](EngineWorker* w, quint64 id, const CancelToken& token) {
        w->addImages(id, paths, token);
    });
}

quint64 EngineController::saveBank(const QString& path) {
    return post(RequestKind::SaveBank, [path](EngineWorker* w, quint64 id, const CancelToken& token) {
        w->saveBank(id, path, token);
    });
}

quint64 EngineController::loadBank(const QString& path, const EvaluationOptions& options) {
    // Scores of the bank it replaces would arrive after it: drop them.
    cancel(RequestKind::ScoreTestSet);
    cancel(RequestKind::LeaveOneOut);
    return post(RequestKind::LoadBank, [path, options](EngineWorker* w, quint64 id, const CancelToken& token) {
        w->loadBank(id, path, options, token);
    });
}

quint64 EngineController::budgetSweep(const DatasetPtr& dataset, const QString& product,
                                      const EvaluationOptions& options, const BudgetSweepOptions& sweep) {
    return post(RequestKind::BudgetSweep,
                [dataset, product, options, sweep](EngineWorker* w, quint64 id, const CancelToken& token) {
                    w->budgetSweep(id, dataset, product, options, sweep, token);
                });
}

quint64 EngineController::sharedBank(const SharedBankRequest& request) {
    return post(RequestKind::SharedBank, [request](EngineWorker* w, quint64 id, const CancelToken& token) {
        w->sharedBank(id, request, token);
    });
}

void EngineController::cancel(RequestKind kind) {
    if (tokens_.contains(key(kind))) tokens_[key(kind)].cancel();
}

void EngineController::cancelAll() {
    for (auto it = tokens_.begin(); it != tokens_.end(); ++it) it.value().cancel();
}

void EngineController::shutdown() {
    if (shutDown_) return;
    cancelAll();
    shutDown_ = true;
    thread_.quit();
    thread_.wait();
    inFlight_.clear();
}

}  // namespace pb::ui
