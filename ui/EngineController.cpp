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
    qRegisterMetaType<pb::ui::BackboneCheck>("pb::ui::BackboneCheck");
    qRegisterMetaType<pb::ui::ReferenceAuditPtr>("pb::ui::ReferenceAuditPtr");
    qRegisterMetaType<pb::ui::PatchPurificationPtr>("pb::ui::PatchPurificationPtr");
    qRegisterMetaType<pb::ui::PurifiedAurocPtr>("pb::ui::PurifiedAurocPtr");
    qRegisterMetaType<pb::ui::TrainingScreenPtr>("pb::ui::TrainingScreenPtr");
    qRegisterMetaType<pb::ui::SuiteCellOutcome>("pb::ui::SuiteCellOutcome");
    qRegisterMetaType<pb::ui::SuiteSnapshotPtr>("pb::ui::SuiteSnapshotPtr");
    qRegisterMetaType<pb::ui::TrainingHistoryPtr>("pb::ui::TrainingHistoryPtr");
    qRegisterMetaType<pb::ui::TrainingOutcomePtr>("pb::ui::TrainingOutcomePtr");
    qRegisterMetaType<pb::ui::SampleListPtr>("pb::ui::SampleListPtr");
    qRegisterMetaType<QVector<pb::LossPoint>>("QVector<pb::LossPoint>");
    qRegisterMetaType<pb::ValidationPoint>("pb::ValidationPoint");
    qRegisterMetaType<pb::SelectionRound>("pb::SelectionRound");

    thread_.setObjectName(QStringLiteral("engine"));
    worker_ = new EngineWorker;
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::started, worker_, &EngineWorker::lowerThreadPriority);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);

    // Every worker signal crosses threads as a queued call; outcomes of superseded requests are dropped here.
    connect(worker_, &EngineWorker::started, this, [this](quint64 id, RequestKind kind) {
        if (!isLatest(id, kind)) return;
        if (const EngineHandler* h = handler(kind); h && h->started) h->started();
        emit started(kind);
    });
    connect(worker_, &EngineWorker::progress, this,
            [this](quint64 id, RequestKind kind, const QString& stage, qint64 done, qint64 total) {
                if (!isLatest(id, kind)) return;
                if (const EngineHandler* h = handler(kind); h && h->progress) h->progress(stage, done, total);
                emit progress(kind, stage, done, total);
            });
    connect(worker_, &EngineWorker::problem, this,
            [this](quint64 id, RequestKind kind, const QString& file, const QString& reason) {
                if (isLatest(id, kind)) emit problem(kind, file, reason);
            });
    connect(worker_, &EngineWorker::finished, this, [this](quint64 id, RequestKind kind, const QVariant& result) {
        if (isLatest(id, kind)) {
            if (const EngineHandler* h = handler(kind); h && h->finished) h->finished(result);
            emit finished(kind, id, result);
        }
        onEnded(id);
    });
    connect(worker_, &EngineWorker::failed, this, [this](quint64 id, RequestKind kind, const QString& reason) {
        if (isLatest(id, kind)) {
            if (const EngineHandler* h = handler(kind); h && h->stopped) h->stopped(reason);
            emit failed(kind, id, reason);
        }
        onEnded(id);
    });
    connect(worker_, &EngineWorker::cancelled, this, [this](quint64 id, RequestKind kind) {
        if (isLatest(id, kind)) {
            if (const EngineHandler* h = handler(kind); h && h->stopped) h->stopped(QString());
            emit cancelled(kind, id);
        }
        onEnded(id);
    });
    thread_.start();
}

EngineController::~EngineController() { shutdown(); }

quint64 EngineController::post(EngineTaskPtr task) {
    if (shutDown_ || !task) return 0;
    const RequestKind kind = task->kind();
    for (RequestKind moot : task->supersedes()) cancel(moot);
    // The newer request supersedes the older one of its kind: it stops at its next progress step.
    cancel(kind);
    CancelToken token;
    const quint64 id = nextId_++;
    latest_[key(kind)] = id;
    tokens_[key(kind)] = token;
    const bool wasBusy = isBusy();
    inFlight_.insert(id);
    if (!wasBusy) emit busyChanged(true);
    QMetaObject::invokeMethod(
        worker_, [w = worker_, id, task = std::move(task), token] { w->run(id, task, token); }, Qt::QueuedConnection);
    return id;
}

void EngineController::handle(RequestKind kind, EngineHandler handler) { handlers_[key(kind)] = std::move(handler); }

const EngineHandler* EngineController::handler(RequestKind kind) const {
    auto it = handlers_.constFind(key(kind));
    return it == handlers_.constEnd() ? nullptr : &it.value();
}

bool EngineController::isLatest(quint64 id, RequestKind kind) const {
    return !shutDown_ && latest_.value(key(kind)) == id;
}

bool EngineController::isPending(RequestKind kind) const {
    return latest_.contains(key(kind)) && inFlight_.contains(latest_.value(key(kind)));
}

void EngineController::onEnded(quint64 id) {
    if (!inFlight_.remove(id)) return;
    if (inFlight_.isEmpty() && !shutDown_) emit busyChanged(false);
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
