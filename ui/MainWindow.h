// The main window of the inspection workbench: data set tree and problems, image browser,
// inspection view, score histogram and engine panel as docks around the inspection view, with
// menus, toolbar, shortcuts, drag and drop, exports and persisted settings. It owns the
// EngineController; every engine call is asynchronous, so the window never freezes.
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
class QProgressDialog;

namespace pb::ui {

class BatchExporter;
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
    void addCurrentToInspectionList();
    // Exports; each returns false (with a status message) when there is nothing to export.
    bool exportCurrentImages(const QString& folder);  // asynchronous: exportFinished reports the end
    bool exportCsv(const QString& folder);            // metrics.csv + scores.csv
    bool exportHistogram(const QString& pngFile);
    bool exportAllMaps(const QString& folder);        // asynchronous, with progress and Cancel

    EngineController* controller() const { return controller_; }
    DatasetPanel* datasetPanel() const { return datasetPanel_; }
    ImageBrowser* browser() const { return browser_; }
    InspectionPanel* inspection() const { return inspection_; }
    HistogramPanel* histogramPanel() const { return histogramPanel_; }
    EnginePanel* enginePanel() const { return enginePanel_; }
    InspectionListPanel* inspectionList() const { return inspectionList_; }
    BatchExporter* batchExporter() const { return batch_; }
    DatasetPtr dataset() const { return dataset_; }
    QString currentProduct() const { return product_; }
    TrainedBankPtr bank() const { return bank_; }
    ScoreResultPtr testResult(const QString& product) const;
    double imageThreshold() const;
    QString lastError() const { return lastError_; }

signals:
    void datasetShown(const QString& root);
    void exportFinished(const QString& what, bool ok, const QString& detail);
    void engineError(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    struct ProductState {
        ScoreResultPtr testResult;
        double imageThreshold = std::numeric_limits<double>::quiet_NaN();
        double pixelThreshold = std::numeric_limits<double>::quiet_NaN();
        QVector<double> leaveOneOut;  // of the bank below
        TrainedBankPtr leaveOneOutBank;
    };
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
    void onTestSetScored(const ScoreResultPtr& result);
    void onFilesScored(const ScoreResultPtr& result);
    void onEngineFailed(RequestKind kind, const QString& reason);
    void showError(const QString& title, const QString& reason);
    void pasteImages();
    bool bankMatches(const EvaluationOptions& options) const;
    ProductState* state(const QString& product);
    QString chooseFolder(const QString& title);
    void updateActions();

    EngineController* controller_;
    DatasetPanel* datasetPanel_;
    ImageBrowser* browser_;
    InspectionPanel* inspection_;
    HistogramPanel* histogramPanel_;
    EnginePanel* enginePanel_;
    InspectionListPanel* inspectionList_;
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
    QAction* aboutAction_;
    QAction* quitAction_;

    DatasetPtr dataset_;
    QString product_;
    TrainedBankPtr bank_;
    DatasetPtr bankDataset_;         // the data set the bank was built from
    bool scoreAfterBuild_ = false;   // "Score test set" asked for a bank first
    bool buildInFlight_ = false;     // the latest build has not reported its bank (or its end) yet
    EvaluationOptions pendingBuildOptions_;
    QString pendingBuildProduct_;
    QHash<QString, ProductState> products_;
    QHash<QString, ScoredRef> scored_;  // image path -> latest score
    QString lastError_;
    QString lastExportFolder_;
};

}  // namespace pb::ui
