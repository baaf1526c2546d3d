// The engine side of the GUI: lives on its own QThread, runs one request at a time and reports
// progress, results and errors as signals carrying values and the id of the request.
#pragma once
#include <QObject>
#include <QStringList>
#include <QVector>

#include "engine/util/Progress.h"
#include "ui/EngineResults.h"

namespace pb::ui {

class EngineWorker : public QObject {
    Q_OBJECT
public:
    explicit EngineWorker(QObject* parent = nullptr);
    ~EngineWorker() override;

    // Called by the controller through queued invocations, so they run on the engine thread.
    void openDataset(quint64 id, const QString& path, const CancelToken& token);
    void validateBackbone(quint64 id, const BackboneOptions& options, const CancelToken& token);
    void buildBank(quint64 id, const DatasetPtr& dataset, const QString& product, const EvaluationOptions& options,
                   const CancelToken& token);
    void scoreTestSet(quint64 id, const DatasetPtr& dataset, const QString& product, const CancelToken& token);
    void scoreFiles(quint64 id, const QStringList& paths, const CancelToken& token);
    void leaveOneOut(quint64 id, const CancelToken& token);
    void probeFeatures(quint64 id, const EvaluationOptions& options, const CancelToken& token);
    // More normal images into the latest bank (compressed the same way); publishes the bank again.
    void addImages(quint64 id, const QStringList& paths, const CancelToken& token);
    void saveBank(quint64 id, const QString& path, const CancelToken& token);
    // A bank file, checked against the features the options give; becomes the latest bank.
    void loadBank(quint64 id, const QString& path, const EvaluationOptions& options, const CancelToken& token);
    void budgetSweep(quint64 id, const DatasetPtr& dataset, const QString& product, const EvaluationOptions& options,
                     const BudgetSweepOptions& sweep, const CancelToken& token);
    void sharedBank(quint64 id, const SharedBankRequest& request, const CancelToken& token);
    // Lowers the scheduling priority of the engine thread (and the pools it spawns) below the GUI's.
    void lowerThreadPriority();

signals:
    void started(quint64 id, pb::ui::RequestKind kind);
    void progress(quint64 id, pb::ui::RequestKind kind, const QString& stage, qint64 done, qint64 total);
    void problem(quint64 id, pb::ui::RequestKind kind, const QString& file, const QString& reason);
    void datasetOpened(quint64 id, const pb::ui::DatasetPtr& dataset);
    void backboneValidated(quint64 id, const QString& identity, int patchStride);
    void bankBuilt(quint64 id, const pb::ui::TrainedBankPtr& bank);
    void scored(quint64 id, const pb::ui::ScoreResultPtr& result);
    void leaveOneOutScored(quint64 id, const QVector<double>& scores);
    void featuresProbed(quint64 id, const pb::ui::FeatureShape& shape);
    // The latest bank after Add images (kind AddImages) or Open bank (kind LoadBank).
    void bankChanged(quint64 id, pb::ui::RequestKind kind, const pb::ui::TrainedBankPtr& bank);
    void bankSaved(quint64 id, const QString& path);
    void sweepFinished(quint64 id, const pb::ui::BudgetSweepResultPtr& result);
    void sharedBankEvaluated(quint64 id, const pb::ui::SharedRunPtr& run);
    void failed(quint64 id, pb::ui::RequestKind kind, const QString& reason);
    void cancelled(quint64 id, pb::ui::RequestKind kind);
    // Always the last signal of a request, whatever its outcome.
    void finished(quint64 id, pb::ui::RequestKind kind);

private:
    template <class Body>
    void run(quint64 id, RequestKind kind, const CancelToken& token, Body&& body);
    Progress makeProgress(quint64 id, RequestKind kind, const CancelToken& token);
    std::shared_ptr<Backbone> backboneFor(const BackboneOptions& options, int* patchStride);
    ScoreResultPtr scoreAgainstBank(const std::vector<Sample>& samples, bool testSet, const Progress& progress);
    static BankSummary summarise(const ProductModel& model);

    std::shared_ptr<Backbone> backbone_;  // reused while the options stay the same
    BackboneOptions backboneOptions_;
    TrainedBankPtr bank_;                 // the latest bank built; scoring uses it
};

}  // namespace pb::ui
