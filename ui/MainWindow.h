// The main window of the inspection workbench: data set tree and problems, image browser,
// inspection view, score histogram, engine and memory-bank panels, budget sweep and router as docks
// around the inspection view, with menus, toolbar, shortcuts, drag and drop, exports and persisted
// settings. It owns the EngineController; every engine call is asynchronous, so the window never freezes.
#pragma once
#include <QFutureWatcher>
#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QTemporaryDir>
#include <QVector>
#include <memory>

#include "ui/EngineResults.h"

class QAction;
class QLabel;
class QMenu;
class QDockWidget;
class QProgressDialog;
class QTimer;

namespace pb::ui {

class BankPanel;
class BatchExporter;
class BudgetSweepPanel;
class PurificationPanel;
class RouterPanel;
class SharedBankDialog;
class SuitePanel;
class SuiteQueue;
class TrainingPanel;
class Workbench;
class DatasetPanel;
class EngineController;
class EnginePanel;
class HistogramPanel;
class ImageBrowser;
class InspectionListPanel;
class InspectionPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // The user's commands, also reachable from menus, toolbar, shortcuts and drops.
    void openDataset(const QString& folder);
    void openStartupDataset();  // the most recent folder that still exists, else the demo data set
    void openDemoDataset();     // generated once into AppSetup::demoDatasetFolder()
    void setCurrentProduct(const QString& product);
    void buildBank();
    void scoreTestSet();  // builds the bank first when it is missing or its settings changed
    void scoreFiles(const QStringList& paths);
    void cancelEngine();
    void setImageThreshold(double threshold);
    void setReviewBand(const ReviewBand& band);  // Good/Review/Bad thresholds T1, T2 of the current product
    void addCurrentToInspectionList();
    // Exports; each returns false (with a status message) when there is nothing to export.
    bool exportCurrentImages(const QString& folder);  // asynchronous: exportFinished reports the end
    bool exportCsv(const QString& folder);            // metrics.csv + scores.csv
    bool exportHistogram(const QString& pngFile);
    bool exportAllMaps(const QString& folder);        // asynchronous, with progress and Cancel
    bool exportSweepCsv(const QString& csvFile);
    bool exportSweepChart(const QString& pngFile);

    // Memory banks: the engine panel's settings with the bank panel's spec; more images into the bank
    // in use; the bank to or from a file (errors name the file).
    EvaluationOptions engineOptions() const;
    void addImagesToBank(const QStringList& paths);
    void saveBankTo(const QString& path);
    void openBankFile(const QString& path);
    // The budget sweep of the current product, with the sweep panel's methods and budgets.
    void runBudgetSweep();
    // Reference purification of the current product (the purification dock): the audit of its reference
    // images, patch purification with the test set's AUROC before and after, the MeDS screen of its
    // training folder, and the Workbench's actions on its reference set.
    void auditReferences();
    void purifyPatches();
    void screenTrainingFolder();
    // Shared bank: the settings dialog (non-modal, one at a time) and the run itself.
    SharedBankDialog* showSharedBankDialog();
    void runSharedBank(SharedBankRequest request);
    // Tools > Models…: downloads of the pretrained backbones; "Use this model" fills the engine panel.
    QDialog* showModelsDialog();
    // Tools > Reproduce paper…: the suite panel, raised and tall enough to work in.
    void showSuitePanel();
    // Tools > Train detector…: the training dock, raised and tall enough to work in.
    void showTrainingPanel();
    // Trains the reconstruction detector with the training dock's settings and the engine panel's features;
    // startOver removes the model file in the way first. The trained model then scores the test set.
    void trainDetector(bool startOver = false);
    // File > Open detector model…: shows the curves the file records in the training dock and scores the
    // product's test set with it (read with the engine panel's features; another model's are refused).
    void openDetectorModel(const QString& file);
    // The training dock's model (trained or opened) scores the product's test images for the inspection view.
    void useDetectorModel();

    EngineController* controller() const { return controller_; }
    Workbench* workbench() const { return workbench_; }
    DatasetPanel* datasetPanel() const { return datasetPanel_; }
    ImageBrowser* browser() const { return browser_; }
    InspectionPanel* inspection() const { return inspection_; }
    HistogramPanel* histogramPanel() const { return histogramPanel_; }
    EnginePanel* enginePanel() const { return enginePanel_; }
    InspectionListPanel* inspectionList() const { return inspectionList_; }
    BankPanel* bankPanel() const { return bankPanel_; }
    BudgetSweepPanel* sweepPanel() const { return sweepPanel_; }
    RouterPanel* routerPanel() const { return routerPanel_; }
    PurificationPanel* purificationPanel() const { return purificationPanel_; }
    SuitePanel* suitePanel() const { return suitePanel_; }
    SuiteQueue* suiteQueue() const { return suiteQueue_; }
    TrainingPanel* trainingPanel() const { return trainingPanel_; }
    QAction* trainAction() const { return trainAction_; }
    QAction* openDetectorAction() const { return openDetectorAction_; }
    QAction* reproduceAction() const { return reproduceAction_; }
    QAction* auditAction() const { return auditAction_; }
    SharedRunPtr sharedRun() const { return sharedRun_; }
    FeatureShape featureShape() const { return featureShape_; }
    QAction* modelsAction() const { return modelsAction_; }
    QAction* sharedBankAction() const { return sharedBankAction_; }
    BatchExporter* batchExporter() const { return batch_; }
    QString lastError() const { return lastError_; }

signals:
    void datasetShown(const QString& root);
    // The bank's readout changed (built, images added, opened): for tests and the status bar.
    void bankInUseChanged();
    void exportFinished(const QString& what, bool ok, const QString& detail);
    void engineError(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    struct ScoredRef {
        ScoreResultPtr result;
        int index = -1;
    };

    void createActions();
    void createMenus();
    void createDocks();
    void connectEngine();
    void loadSettings();
    void saveSettings() const;
    void rebuildRecentMenu();
    void addRecentFolder(const QString& folder);
    void showPath(const QString& path);
    void showScored(const ScoreResultPtr& result, int index);
    void applyProductView();
    void onDatasetOpened(const DatasetPtr& dataset);
    void onCurrentProductChanged(const QString& product);
    void onTestSetScored(const ScoreResultPtr& result);
    void onFilesScored(const ScoreResultPtr& result);
    void onEngineStopped(RequestKind kind, const QString& reason, bool cancelled);
    void showError(const QString& title, const QString& reason);
    void pasteImages();
    void onBankChanged(RequestKind kind, const TrainedBankPtr& bank);
    void onSharedRun(const SharedRunPtr& run);
    void scheduleProbe();
    void probeFeatures();
    void updateBankEstimate();
    void raiseDock(QWidget* panel);
    // The purification dock's view of the current product's reference set and audit.
    void showReferenceSet();
    // Runs a Workbench action of the purification dock; a refusal is shown in the dock as well.
    void runReferenceAction(bool (Workbench::*action)());
    QString chooseFolder(const QString& title);
    void updateActions();

    EngineController* controller_;
    Workbench* workbench_;
    DatasetPanel* datasetPanel_;
    ImageBrowser* browser_;
    InspectionPanel* inspection_;
    HistogramPanel* histogramPanel_;
    EnginePanel* enginePanel_;
    InspectionListPanel* inspectionList_;
    BankPanel* bankPanel_;
    BudgetSweepPanel* sweepPanel_;
    RouterPanel* routerPanel_;
    PurificationPanel* purificationPanel_;
    SuiteQueue* suiteQueue_;
    SuitePanel* suitePanel_;
    TrainingPanel* trainingPanel_;
    QPointer<SharedBankDialog> sharedDialog_;
    BatchExporter* batch_;
    QPointer<QProgressDialog> batchProgress_;
    QLabel* bankStatus_;
    QMenu* recentMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QFutureWatcher<QString>* demoWatcher_;
    QFutureWatcher<QString>* exportWatcher_;
    std::unique_ptr<QTemporaryDir> pasteDir_;

    QAction* openAction_;
    QAction* demoAction_;
    QAction* buildAction_;
    QAction* scoreAction_;
    QAction* cancelAction_;
    QAction* nextAction_;
    QAction* previousAction_;
    QAction* overlayAction_;
    QAction* zoomInAction_;
    QAction* zoomOutAction_;
    QAction* fitAction_;
    QAction* actualSizeAction_;
    QAction* pasteAction_;
    QAction* addToListAction_;
    QAction* exportImageAction_;
    QAction* exportCsvAction_;
    QAction* exportHistogramAction_;
    QAction* exportAllAction_;
    QAction* exportSweepCsvAction_;
    QAction* exportSweepPngAction_;
    QAction* addImagesAction_;
    QAction* saveBankAction_;
    QAction* openBankAction_;
    QAction* sweepAction_;
    QAction* sharedBankAction_;
    QAction* auditAction_;
    QAction* modelsAction_;
    QAction* reproduceAction_;
    QAction* trainAction_;
    QAction* openDetectorAction_;
    QAction* aboutAction_;
    QAction* quitAction_;

    QHash<QString, ScoredRef> scored_;  // image path -> latest score
    QString lastError_;
    QString lastExportFolder_;
    SharedRunPtr sharedRun_;
    FeatureShape featureShape_;
    FeatureIdentity shapeFeatures_;         // the features featureShape_ was measured for
    FeatureIdentity pendingShapeFeatures_;  // those of the probe in flight
    QTimer* probeTimer_;
};

}  // namespace pb::ui
