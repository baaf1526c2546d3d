// The engine work of the workbench, one task class per kind (see EngineTask.h). Each takes its
// inputs by value when it is created on the GUI thread and runs on the engine thread.
#pragma once
#include <QString>
#include <QStringList>

#include "engine/suite/ResultsLog.h"
#include "engine/suite/SuiteRunner.h"
#include "ui/EngineTask.h"
#include "ui/TrainingFeed.h"

namespace pb::ui {

// The reference set of a product: its first options.maxTrainImages training images (all when 0) less
// the excluded ones, plus the added ones, in that order. Throws pb::Error when nothing is left.
std::vector<Sample> referenceImages(const Dataset& dataset, const std::string& product,
                                    const EvaluationOptions& options, const ReferenceEdits& edits);
// The training images of a product outside its reference set and not excluded from it, in path order:
// what a recapture may take.
std::vector<Sample> unusedTrainingImages(const Dataset& dataset, const std::string& product,
                                         const EvaluationOptions& options, const ReferenceEdits& edits);

// Result: DatasetPtr. Work on the previous data set is moot once another one is opened.
class OpenDatasetTask : public EngineTask {
public:
    explicit OpenDatasetTask(QString path) : path_(std::move(path)) {}
    RequestKind kind() const override { return RequestKind::OpenDataset; }
    std::vector<RequestKind> supersedes() const override;
    QVariant run(EngineState& state, const Progress& progress) override;

private:
    QString path_;
};

// Result: BackboneCheck.
class ValidateBackboneTask : public EngineTask {
public:
    explicit ValidateBackboneTask(BackboneOptions options) : options_(std::move(options)) {}
    RequestKind kind() const override { return RequestKind::ValidateBackbone; }
    QVariant run(EngineState& state, const Progress& progress) override;

private:
    BackboneOptions options_;
};

// Result: TrainedBankPtr, built from the product's reference set, which becomes the bank scoring uses.
// Scores of the old bank are moot.
class BuildBankTask : public EngineTask {
public:
    BuildBankTask(DatasetPtr dataset, QString product, EvaluationOptions options, ReferenceEdits references = {})
        : dataset_(std::move(dataset)),
          product_(std::move(product)),
          options_(std::move(options)),
          references_(std::move(references)) {}
    RequestKind kind() const override { return RequestKind::BuildBank; }
    std::vector<RequestKind> supersedes() const override;
    QVariant run(EngineState& state, const Progress& progress) override;

private:
    DatasetPtr dataset_;
    QString product_;
    EvaluationOptions options_;
    ReferenceEdits references_;
};

// Result: ScoreResultPtr (testSet true) of the product's test split against the current bank.
class ScoreTestSetTask : public EngineTask {
public:
    ScoreTestSetTask(DatasetPtr dataset, QString product) : dataset_(std::move(dataset)), product_(std::move(product)) {}
    RequestKind kind() const override { return RequestKind::ScoreTestSet; }
    QVariant run(EngineState& state, const Progress& progress) override;

private:
    DatasetPtr dataset_;
    QString product_;
};

// Result: ScoreResultPtr (testSet false) of image files against the current bank.
class ScoreFilesTask : public EngineTask {
public:
    // Against the current bank, or with `detector` when the product is inspected with a trained model.
    explicit ScoreFilesTask(QStringList paths, DetectorModelPtr detector = {}, std::string product = {})
        : paths_(std::move(paths)), detector_(std::move(detector)), product_(std::move(product)) {}
    RequestKind kind() const override { return RequestKind::ScoreFiles; }
    QVariant run(EngineState& state, const Progress& progress) override;

private:
    QStringList paths_;
    DetectorModelPtr detector_;
    std::string product_;
};

// Result: QVector<double>, the leave-one-out score of every training image of the current bank.
class LeaveOneOutTask : public EngineTask {
public:
    RequestKind kind() const override { return RequestKind::LeaveOneOut; }
    QVariant run(EngineState& state, const Progress& progress) override;
};

// Result: FeatureShape, the grid the backbone gives at the input size (one blank image).
class ProbeFeaturesTask : public EngineTask {
public:
    explicit ProbeFeaturesTask(EvaluationOptions options) : options_(std::move(options)) {}
    RequestKind kind() const override { return RequestKind::ProbeFeatures; }
    QVariant run(EngineState& state, const Progress& progress) override;

private:
    EvaluationOptions options_;
};

// Result: TrainedBankPtr, the current bank grown by more normal images (compressed the same way).
class AddImagesTask : public EngineTask {
public:
    explicit AddImagesTask(QStringList paths) : paths_(std::move(paths)) {}
    RequestKind kind() const override { return RequestKind::AddImages; }
    QVariant run(EngineState& state, const Progress& progress) override;

private:
    QStringList paths_;
};

// Result: QString, the file the current bank was written to.
class SaveBankTask : public EngineTask {
public:
    explicit SaveBankTask(QString path) : path_(std::move(path)) {}
    RequestKind kind() const override { return RequestKind::SaveBank; }
    QVariant run(EngineState& state, const Progress& progress) override;

private:
    QString path_;
};

// Result: TrainedBankPtr read from a bank file, checked against the features the options give;
// it becomes the bank scoring uses, so scores of the old bank are moot.
class LoadBankTask : public EngineTask {
public:
    LoadBankTask(QString path, EvaluationOptions options) : path_(std::move(path)), options_(std::move(options)) {}
    RequestKind kind() const override { return RequestKind::LoadBank; }
    std::vector<RequestKind> supersedes() const override;
    QVariant run(EngineState& state, const Progress& progress) override;

private:
    QString path_;
    EvaluationOptions options_;
};

// Result: BudgetSweepResultPtr.
class BudgetSweepTask : public EngineTask {
public:
    BudgetSweepTask(DatasetPtr dataset, QString product, EvaluationOptions options, BudgetSweepOptions sweep)
        : dataset_(std::move(dataset)), product_(std::move(product)), options_(std::move(options)), sweep_(std::move(sweep)) {}
    RequestKind kind() const override { return RequestKind::BudgetSweep; }
    QVariant run(EngineState& state, const Progress& progress) override;

private:
    DatasetPtr dataset_;
    QString product_;
    EvaluationOptions options_;
    BudgetSweepOptions sweep_;
};

// Result: SharedRunPtr.
class SharedBankTask : public EngineTask {
public:
    explicit SharedBankTask(SharedBankRequest request) : request_(std::move(request)) {}
    RequestKind kind() const override { return RequestKind::SharedBank; }
    QVariant run(EngineState& state, const Progress& progress) override;

private:
    SharedBankRequest request_;
};

// The reference set of one product as the Workbench holds it: its training images with the user's edits.
struct ReferenceSetRequest {
    DatasetPtr dataset;
    QString product;
    EvaluationOptions options;
    ReferenceEdits references;

    // Throws pb::Error when no data set is open or every reference was removed.
    std::vector<Sample> images() const;
};

// Result: ReferenceAuditPtr, the audit (purify::auditReferences) of the product's reference set.
class AuditReferencesTask : public EngineTask {
public:
    AuditReferencesTask(ReferenceSetRequest request, purify::ReferenceAuditOptions audit)
        : request_(std::move(request)), audit_(std::move(audit)) {}
    RequestKind kind() const override { return RequestKind::AuditReferences; }
    QVariant run(EngineState& state, const Progress& progress) override;

private:
    ReferenceSetRequest request_;
    purify::ReferenceAuditOptions audit_;
};

// Result: PatchPurificationPtr, the patch outlier scores of the product's reference set under one
// method and the patches at or below their 95th percentile. A comparison of the older scores is moot.
class PurifyPatchesTask : public EngineTask {
public:
    PurifyPatchesTask(ReferenceSetRequest request, purify::PatchScoreMethod method)
        : request_(std::move(request)), method_(method) {}
    RequestKind kind() const override { return RequestKind::PurifyPatches; }
    std::vector<RequestKind> supersedes() const override { return {RequestKind::PurifiedAuroc}; }
    QVariant run(EngineState& state, const Progress& progress) override;

private:
    ReferenceSetRequest request_;
    purify::PatchScoreMethod method_;
};

// Result: PurifiedAurocPtr, the product's labelled test set scored against every reference patch of a
// purification and against the patches it keeps (k nearest mean, P95 image score).
class PurifiedAurocTask : public EngineTask {
public:
    PurifiedAurocTask(DatasetPtr dataset, PatchPurificationPtr purification)
        : dataset_(std::move(dataset)), purification_(std::move(purification)) {}
    RequestKind kind() const override { return RequestKind::PurifiedAuroc; }
    QVariant run(EngineState& state, const Progress& progress) override;

private:
    DatasetPtr dataset_;
    PatchPurificationPtr purification_;
};

// Result: TrainingScreenPtr, MeDS stage 1 over every training image of the product (no limit, no edits).
class ScreenTrainingFolderTask : public EngineTask {
public:
    ScreenTrainingFolderTask(DatasetPtr dataset, QString product, EvaluationOptions options,
                             purify::MemoryEnsembleOptions ensemble = {})
        : dataset_(std::move(dataset)),
          product_(std::move(product)),
          options_(std::move(options)),
          ensemble_(std::move(ensemble)) {}
    RequestKind kind() const override { return RequestKind::ScreenTrainingFolder; }
    QVariant run(EngineState& state, const Progress& progress) override;

private:
    DatasetPtr dataset_;
    QString product_;
    EvaluationOptions options_;
    purify::MemoryEnsembleOptions ensemble_;
};

// One suite run's engine side, alive while the run is queued: the runner (which keeps the features its
// cells share, so a product's features are extracted once) and the open results log. The suite panel
// holds it from the GUI thread but only reads its inputs; the runner and the log are made and used by
// RunSuiteCellTask on the engine thread.
class SuiteSession {
public:
    SuiteSession(int run, suite::Suite suite, suite::SuiteRunOptions options, std::filesystem::path log)
        : run_(run), suite_(std::move(suite)), options_(std::move(options)), logPath_(std::move(log)) {}

    int run() const { return run_; }
    const std::filesystem::path& logPath() const { return logPath_; }

    // Engine thread only.
    bool isOpen() const { return runner_ != nullptr; }
    // Creates the runner and opens the log; throws pb::Error (a data set without a folder, an unreadable log).
    void open();
    suite::SuiteRunner& runner() { return *runner_; }
    suite::ResultsLog& log() { return *log_; }

private:
    int run_;
    suite::Suite suite_;
    suite::SuiteRunOptions options_;
    std::filesystem::path logPath_;
    std::unique_ptr<suite::SuiteRunner> runner_;
    std::unique_ptr<suite::ResultsLog> log_;
};

// Result: SuiteCellOutcome. Opens the session when it is not open yet (running no cell), else runs the
// runner's next cell into the log.
class RunSuiteCellTask : public EngineTask {
public:
    explicit RunSuiteCellTask(std::shared_ptr<SuiteSession> session) : session_(std::move(session)) {}
    RequestKind kind() const override { return RequestKind::RunSuiteCell; }
    QVariant run(EngineState& state, const Progress& progress) override;

private:
    std::shared_ptr<SuiteSession> session_;
};

// Result: SuiteSnapshotPtr, the suite's tables and figures from the rows of a results log (none when the
// log does not exist yet).
class SummariseSuiteTask : public EngineTask {
public:
    SummariseSuiteTask(int run, std::shared_ptr<const suite::Suite> suite, QString log)
        : run_(run), suite_(std::move(suite)), log_(std::move(log)) {}
    RequestKind kind() const override { return RequestKind::SummariseSuite; }
    QVariant run(EngineState& state, const Progress& progress) override;

private:
    int run_;
    std::shared_ptr<const suite::Suite> suite_;
    QString log_;
};

// Result: TrainingOutcomePtr. Trains the reconstruction detector with the engine's one job
// (runReconstructionJob) into job.out, reporting through the feed as it goes. An unfinished checkpoint
// of the same run at job.out is resumed (the feed first sends its history); a cancelled run keeps its
// checkpoint.
class TrainDetectorTask : public EngineTask {
public:
    TrainDetectorTask(ReconstructionJob job, TrainingFeedPtr feed) : job_(std::move(job)), feed_(std::move(feed)) {}
    RequestKind kind() const override { return RequestKind::TrainDetector; }
    QVariant run(EngineState& state, const Progress& progress) override;

private:
    ReconstructionJob job_;
    TrainingFeedPtr feed_;
};

// Result: ScoreResultPtr (testSet true) of a product's test images scored by a reconstruction model
// file read with the options' features (refused, naming what differs, when it was trained on others).
// The images are `test` when given, else the test split of the model's product in the data set.
class ScoreWithDetectorTask : public EngineTask {
public:
    ScoreWithDetectorTask(DatasetPtr dataset, QString file, EvaluationOptions options, std::vector<Sample> test = {})
        : dataset_(std::move(dataset)), file_(std::move(file)), options_(std::move(options)), test_(std::move(test)) {}
    RequestKind kind() const override { return RequestKind::ScoreWithDetector; }
    std::vector<RequestKind> supersedes() const override { return {RequestKind::ScoreTestSet}; }
    QVariant run(EngineState& state, const Progress& progress) override;

private:
    DatasetPtr dataset_;
    QString file_;
    EvaluationOptions options_;
    std::vector<Sample> test_;
};

// Result: TrainingHistoryPtr, the curves and rounds a checkpoint file records.
class ReadTrainingHistoryTask : public EngineTask {
public:
    explicit ReadTrainingHistoryTask(QString file) : file_(std::move(file)) {}
    RequestKind kind() const override { return RequestKind::ReadTrainingHistory; }
    QVariant run(EngineState& state, const Progress& progress) override;

private:
    QString file_;
};

}  // namespace pb::ui
