// The GUI-thread face of the engine: owns the EngineWorker and its QThread, numbers requests,
// cancels the older request of a kind when a newer one arrives and forwards only the results of
// the latest request of each kind. Nothing here ever waits on the engine, except shutdown().
#pragma once
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QThread>
#include <QVector>

#include "engine/util/Progress.h"
#include "ui/EngineResults.h"

namespace pb::ui {

class EngineWorker;

class EngineController : public QObject {
    Q_OBJECT
public:
    explicit EngineController(QObject* parent = nullptr);
    ~EngineController() override;

    quint64 openDataset(const QString& path);
    quint64 validateBackbone(const BackboneOptions& options);
    quint64 buildBank(const DatasetPtr& dataset, const QString& product, const EvaluationOptions& options);
    quint64 scoreTestSet(const DatasetPtr& dataset, const QString& product);
    quint64 scoreFiles(const QStringList& paths);
    quint64 leaveOneOut();
    quint64 probeFeatures(const EvaluationOptions& options);
    quint64 addImages(const QStringList& paths);
    quint64 saveBank(const QString& path);
    quint64 loadBank(const QString& path, const EvaluationOptions& options);
    quint64 budgetSweep(const DatasetPtr& dataset, const QString& product, const EvaluationOptions& options,
                        const BudgetSweepOptions& sweep);
    quint64 sharedBank(const SharedBankRequest& request);

    void cancel(RequestKind kind);
    void cancelAll();
    bool isBusy() const { return !inFlight_.isEmpty(); }
    bool isPending(RequestKind kind) const;

    // Cancels everything and joins the engine thread; every engine loop polls its token, so this
    // returns within about a second. Called when the window closes; safe to call twice.
    void shutdown();

    static QString kindName(RequestKind kind);

signals:
    void started(pb::ui::RequestKind kind);
    void progress(pb::ui::RequestKind kind, const QString& stage, qint64 done, qint64 total);
    void problem(pb::ui::RequestKind kind, const QString& file, const QString& reason);
    void datasetOpened(const pb::ui::DatasetPtr& dataset);
    void backboneValidated(const QString& identity, int patchStride);
    void bankBuilt(const pb::ui::TrainedBankPtr& bank);
    void testSetScored(const pb::ui::ScoreResultPtr& result);
    void filesScored(const pb::ui::ScoreResultPtr& result);
    void leaveOneOutScored(const QVector<double>& scores);
    void featuresProbed(const pb::ui::FeatureShape& shape);
    // After Add images (kind AddImages) or Open bank (kind LoadBank): the bank scoring now uses.
    void bankChanged(pb::ui::RequestKind kind, const pb::ui::TrainedBankPtr& bank);
    void bankSaved(const QString& path);
    void sweepFinished(const pb::ui::BudgetSweepResultPtr& result);
    void sharedBankEvaluated(const pb::ui::SharedRunPtr& run);
    void failed(pb::ui::RequestKind kind, const QString& reason);
    void cancelled(pb::ui::RequestKind kind);
    void busyChanged(bool busy);

private:
    quint64 begin(RequestKind kind, CancelToken* token);
    template <class Call>
    quint64 post(RequestKind kind, Call&& call);
    bool isLatest(quint64 id, RequestKind kind) const;
    void onFinished(quint64 id, RequestKind kind);

    QThread thread_;
    EngineWorker* worker_ = nullptr;  // lives on thread_, deleted there when it finishes
    quint64 nextId_ = 1;
    QHash<int, quint64> latest_;       // kind -> id of its newest request
    QHash<int, CancelToken> tokens_;   // kind -> token of its newest request
    QSet<quint64> inFlight_;
    bool shutDown_ = false;
};

}  // namespace pb::ui
