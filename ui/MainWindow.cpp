#include "ui/MainWindow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>

#include "engine/dataset/DatasetReader.h"
#include "engine/experiments/EvaluationReport.h"
#include "engine/metrics/ImageMetrics.h"
#include "engine/synth/DemoDatasetGenerator.h"
#include "engine/util/Error.h"
#include "ui/AboutDialog.h"
#include "ui/AppSetup.h"
#include "ui/BankPanel.h"
#include "ui/BatchExporter.h"
#include "ui/BudgetSweepPanel.h"
#include "ui/DatasetPanel.h"
#include "ui/EngineController.h"
#include "ui/EnginePanel.h"
#include "ui/EngineTasks.h"
#include "ui/HistogramPanel.h"
#include "ui/ImageBrowser.h"
#include "ui/InspectionListPanel.h"
#include "ui/InspectionPanel.h"
#include "ui/InspectionView.h"
#include "ui/MapRenderer.h"
#include "ui/ModelsDialog.h"
#include "ui/PurificationPanel.h"
#include "ui/RouterPanel.h"
#include "ui/SampleListModel.h"
#include "ui/ScoreHistogram.h"
#include "ui/SharedBankDialog.h"
#include "ui/SuitePanel.h"
#include "ui/SuiteQueue.h"
#include "ui/TrainingFeed.h"
#include "ui/TrainingPanel.h"
#include "ui/Workbench.h"

namespace pb::ui {

namespace {
constexpr int kMaxRecent = 8;
const char* kDemoMarker = ".patchbank-demo-complete";

QStringList imageFiles(const QList<QUrl>& urls) {
    QStringList files;
    for (const QUrl& url : urls) {
        const QString path = url.toLocalFile();
        if (!path.isEmpty() && QFileInfo(path).isFile() && isImageFile(path.toStdString())) files.append(path);
    }
    return files;
}
}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("PatchBank"));
    setAcceptDrops(true);
    controller_ = new EngineController(this);
    workbench_ = new Workbench(controller_, this);
    suiteQueue_ = new SuiteQueue(controller_, this);
    batch_ = new BatchExporter(this);
    demoWatcher_ = new QFutureWatcher<QString>(this);
    exportWatcher_ = new QFutureWatcher<QString>(this);
    probeTimer_ = new QTimer(this);
    probeTimer_->setSingleShot(true);
    probeTimer_->setInterval(300);  // settle while the user types a resolution
    connect(probeTimer_, &QTimer::timeout, this, &MainWindow::probeFeatures);

    inspection_ = new InspectionPanel(this);
    setCentralWidget(inspection_);
    createDocks();
    createActions();
    createMenus();
    connectEngine();

    bankStatus_ = new QLabel(tr("No bank"), this);
    statusBar()->addPermanentWidget(bankStatus_);
    statusBar()->showMessage(tr("Open a data set folder (Ctrl+O) or drop one on the window."));
    resize(1500, 950);
    loadSettings();
    workbench_->setOptions(engineOptions());
    suitePanel_->setCacheDir(QString::fromStdString(enginePanel_->options().cacheDir));
    trainingPanel_->setFeatures(engineOptions());
    updateActions();
    // Check the remembered weights file in the background, so a moved or broken file shows at once.
    const EvaluationOptions options = enginePanel_->options();
    if (!options.backbone.weightsPath.empty()) controller_->post<ValidateBackboneTask>(options.backbone);
    scheduleProbe();
}

MainWindow::~MainWindow() { controller_->shutdown(); }

// ----------------------------------------------------------------------------------------- layout

void MainWindow::createDocks() {
    datasetPanel_ = new DatasetPanel(this);
    browser_ = new ImageBrowser(this);
    histogramPanel_ = new HistogramPanel(this);
    enginePanel_ = new EnginePanel(this);
    inspectionList_ = new InspectionListPanel(this);
    bankPanel_ = new BankPanel(this);
    sweepPanel_ = new BudgetSweepPanel(this);
    routerPanel_ = new RouterPanel(this);
    purificationPanel_ = new PurificationPanel(this);
    suitePanel_ = new SuitePanel(suiteQueue_, this);
    trainingPanel_ = new TrainingPanel(this);

    auto dock = [this](QWidget* widget, const QString& title, const QString& name, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);  // saveState() needs stable names
        d->setWidget(widget);
        addDockWidget(area, d);
        return d;
    };
    QDockWidget* datasetDock = dock(datasetPanel_, tr("Data set"), QStringLiteral("datasetDock"), Qt::LeftDockWidgetArea);
    QDockWidget* listDock =
        dock(inspectionList_, tr("Inspection list"), QStringLiteral("inspectionListDock"), Qt::LeftDockWidgetArea);
    tabifyDockWidget(datasetDock, listDock);
    datasetDock->raise();
    // The right column (engine, histogram) runs the full height; the browser spans the rest.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    QDockWidget* browserDock = dock(browser_, tr("Images"), QStringLiteral("browserDock"), Qt::BottomDockWidgetArea);
    // In a scroll area: the panel's height never forces the window to grow on a small screen.
    auto* engineScroll = new QScrollArea(this);
    engineScroll->setWidget(enginePanel_);
    engineScroll->setWidgetResizable(true);
    engineScroll->setFrameShape(QFrame::NoFrame);
    engineScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QDockWidget* engineDock = dock(engineScroll, tr("Engine"), QStringLiteral("engineDock"), Qt::RightDockWidgetArea);
    QDockWidget* histogramDock =
        dock(histogramPanel_, tr("Score histogram"), QStringLiteral("histogramDock"), Qt::RightDockWidgetArea);
    splitDockWidget(engineDock, histogramDock, Qt::Vertical);
    auto* bankScroll = new QScrollArea(this);
    bankScroll->setWidget(bankPanel_);
    bankScroll->setWidgetResizable(true);
    bankScroll->setFrameShape(QFrame::NoFrame);
    bankScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QDockWidget* bankDock = dock(bankScroll, tr("Memory bank"), QStringLiteral("bankDock"), Qt::RightDockWidgetArea);
    tabifyDockWidget(engineDock, bankDock);
    engineDock->raise();
    // The wide views share the bottom with the image browser.
    QDockWidget* sweepDock = dock(sweepPanel_, tr("Budget sweep"), QStringLiteral("sweepDock"), Qt::BottomDockWidgetArea);
    QDockWidget* routerDock = dock(routerPanel_, tr("Router"), QStringLiteral("routerDock"), Qt::BottomDockWidgetArea);
    QDockWidget* purificationDock = dock(purificationPanel_, tr("Reference purification"),
                                         QStringLiteral("purificationDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(browserDock, sweepDock);
    tabifyDockWidget(browserDock, routerDock);
    QDockWidget* suiteDock =
        dock(suitePanel_, tr("Reproduce paper"), QStringLiteral("suiteDock"), Qt::BottomDockWidgetArea);
    QDockWidget* trainingDock =
        dock(trainingPanel_, tr("Train detector"), QStringLiteral("trainingDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(browserDock, purificationDock);
    tabifyDockWidget(browserDock, suiteDock);
    tabifyDockWidget(browserDock, trainingDock);
    browserDock->raise();
    resizeDocks({datasetDock}, {300}, Qt::Horizontal);
    resizeDocks({engineDock}, {430}, Qt::Horizontal);
    resizeDocks({engineDock, histogramDock}, {500, 440}, Qt::Vertical);
    resizeDocks({browserDock}, {240}, Qt::Vertical);

    connect(datasetPanel_, &DatasetPanel::subsetSelected, this,
            [this](const QString& product, int split, const QString& defect) {
                browser_->showSubset(product, split, defect);
                if (!product.isEmpty()) setCurrentProduct(product);
            });
    connect(browser_, &ImageBrowser::productFilterChanged, this, [this](const QString& product) {
        if (!product.isEmpty()) setCurrentProduct(product);
    });
    connect(browser_, &ImageBrowser::currentPathChanged, this, &MainWindow::showPath);
    connect(histogramPanel_, &HistogramPanel::thresholdChanged, this, &MainWindow::setImageThreshold);
    connect(histogramPanel_, &HistogramPanel::reviewBandChanged, this, &MainWindow::setReviewBand);
    // The display rules apply at once to every scored product.
    connect(histogramPanel_, &HistogramPanel::reviewRuleChanged, this, [this] { workbench_->setOptions(engineOptions()); });
    connect(inspection_, &InspectionPanel::heatmapScaleChanged, this, [this] { workbench_->setOptions(engineOptions()); });
    connect(histogramPanel_, &HistogramPanel::leaveOneOutRequested, this, [this] {
        if (workbench_->computeLeaveOneOut())
            histogramPanel_->setLeaveOneOutRunning(true);
        else
            histogramPanel_->leaveOneOutFailed();
    });
    connect(inspection_, &InspectionPanel::pixelThresholdChanged, this, [this](double t) {
        const ScoreResultPtr& r = inspection_->result();
        if (r && r->shared) return;  // a shared run's thresholds are its own
        workbench_->setPixelThreshold(r ? QString::fromStdString(r->product) : workbench_->currentProduct(), t);
    });
    connect(inspection_, &InspectionPanel::imageShown, this, [this](const QString& path) {
        statusBar()->showMessage(QDir::toNativeSeparators(path), 4000);
    });
    connect(inspection_, &InspectionPanel::loadFailed, this, [this](const QString& path, const QString& reason) {
        datasetPanel_->addProblem(tr("viewer"), path, reason);
        statusBar()->showMessage(reason, 8000);
    });
    connect(inspectionList_, &InspectionListPanel::entryActivated, this, &MainWindow::showScored);
    connect(enginePanel_, &EnginePanel::buildRequested, this, &MainWindow::buildBank);
    connect(enginePanel_, &EnginePanel::scoreRequested, this, &MainWindow::scoreTestSet);
    connect(enginePanel_, &EnginePanel::cancelRequested, this, &MainWindow::cancelEngine);
    connect(enginePanel_, &EnginePanel::validateRequested, this,
            [this](const BackboneOptions& options) { controller_->post<ValidateBackboneTask>(options); });
    connect(enginePanel_, &EnginePanel::optionsChanged, this, [this] {
        scheduleProbe();
        updateBankEstimate();
        // The training-image limit decides the reference set the purification dock describes.
        workbench_->setOptions(engineOptions());
        showReferenceSet();
        suitePanel_->setCacheDir(QString::fromStdString(enginePanel_->options().cacheDir));
        trainingPanel_->setFeatures(engineOptions());
    });
    connect(bankPanel_, &BankPanel::addImagesRequested, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, tr("Add normal images to the bank"), lastExportFolder_,
            tr("Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff);;All files (*)"));
        if (!files.isEmpty()) addImagesToBank(files);
    });
    connect(bankPanel_, &BankPanel::saveRequested, this, [this] {
        const QString name = workbench_->bank() ? QString::fromStdString(workbench_->bank()->product) + QStringLiteral(".bank.safetensors")
                                   : QStringLiteral("bank.safetensors");
        const QString file = QFileDialog::getSaveFileName(this, tr("Save the bank"), QDir(lastExportFolder_).filePath(name),
                                                          tr("Bank files (*.safetensors);;All files (*)"));
        if (!file.isEmpty()) saveBankTo(file);
    });
    connect(bankPanel_, &BankPanel::openRequested, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Open a bank file"), lastExportFolder_,
                                                          tr("Bank files (*.safetensors);;All files (*)"));
        if (!file.isEmpty()) openBankFile(file);
    });
    connect(sweepPanel_, &BudgetSweepPanel::runRequested, this, &MainWindow::runBudgetSweep);
    connect(sweepPanel_, &BudgetSweepPanel::cancelRequested, this,
            [this] { controller_->cancel(RequestKind::BudgetSweep); });
    connect(sweepPanel_, &BudgetSweepPanel::exportCsvRequested, this, [this] { exportSweepCsvAction_->trigger(); });
    connect(sweepPanel_, &BudgetSweepPanel::exportPngRequested, this, [this] { exportSweepPngAction_->trigger(); });
    connect(routerPanel_, &RouterPanel::imageActivated, this, &MainWindow::showScored);
    connect(purificationPanel_, &PurificationPanel::auditRequested, this, &MainWindow::auditReferences);
    connect(purificationPanel_, &PurificationPanel::auditRuleChanged, this,
            [this] { workbench_->setAuditRule(purificationPanel_->auditRule()); });
    connect(purificationPanel_, &PurificationPanel::purifyRequested, this, &MainWindow::purifyPatches);
    connect(purificationPanel_, &PurificationPanel::screenRequested, this, &MainWindow::screenTrainingFolder);
    connect(purificationPanel_, &PurificationPanel::removeFlaggedRequested, this,
            [this] { runReferenceAction(&Workbench::removeFlaggedReferences); });
    connect(purificationPanel_, &PurificationPanel::recaptureRequested, this,
            [this] { runReferenceAction(&Workbench::recaptureReferences); });
    connect(purificationPanel_, &PurificationPanel::restoreRequested, this,
            [this] { runReferenceAction(&Workbench::restoreReferences); });
    connect(purificationPanel_, &PurificationPanel::cancelRequested, this, [this] {
        for (RequestKind kind : {RequestKind::AuditReferences, RequestKind::PurifyPatches, RequestKind::PurifiedAuroc,
                                 RequestKind::ScreenTrainingFolder})
            controller_->cancel(kind);
    });

    connect(trainingPanel_, &TrainingPanel::trainRequested, this, [this] { trainDetector(); });
    connect(trainingPanel_, &TrainingPanel::startOverRequested, this, [this] { trainDetector(true); });
    connect(trainingPanel_, &TrainingPanel::cancelRequested, this,
            [this] { controller_->cancel(RequestKind::TrainDetector); });
    connect(trainingPanel_, &TrainingPanel::useModelRequested, this, &MainWindow::useDetectorModel);
    connect(trainingPanel_, &TrainingPanel::openModelRequested, this,
            [this](const QString& file) { controller_->post<ReadTrainingHistoryTask>(file); });

    connect(batch_, &BatchExporter::progress, this, [this](int done, int total) {
        if (batchProgress_) {
            batchProgress_->setMaximum(total);
            batchProgress_->setValue(done);
        }
        statusBar()->showMessage(tr("Exporting maps: %1 of %2").arg(done).arg(total));
    });
    connect(batch_, &BatchExporter::finished, this, [this](int written, const QStringList& failures, bool cancelled) {
        if (batchProgress_) batchProgress_->close();
        QString text = cancelled ? tr("Map export cancelled after %1 images.").arg(written)
                                 : tr("Exported the maps of %1 images.").arg(written);
        if (!failures.isEmpty()) {
            text += QLatin1Char(' ') + tr("%1 failed.").arg(failures.size());
            for (const QString& f : failures) datasetPanel_->addProblem(tr("export"), QString(), f);
        }
        statusBar()->showMessage(text, 10000);
        emit exportFinished(QStringLiteral("maps"), !cancelled && failures.isEmpty(), text);
    });
    connect(exportWatcher_, &QFutureWatcher<QString>::finished, this, [this] {
        const QString error = exportWatcher_->result();
        statusBar()->showMessage(error.isEmpty() ? tr("Image exported.") : error, 8000);
        if (!error.isEmpty()) showError(tr("Export failed"), error);
        emit exportFinished(QStringLiteral("image"), error.isEmpty(), error);
    });
    connect(demoWatcher_, &QFutureWatcher<QString>::finished, this, [this] {
        const QString error = demoWatcher_->result();
        if (!error.isEmpty()) {
            showError(tr("The demo data set could not be generated"), error);
            return;
        }
        openDataset(AppSetup::demoDatasetFolder());
    });
}

void MainWindow::createActions() {
    auto make = [this](const QString& text, const QString& icon, const QList<QKeySequence>& keys,
                       const QString& tip) {
        auto* a = new QAction(icon.isEmpty() ? QIcon() : QIcon(QStringLiteral(":/icons/%1.svg").arg(icon)), text, this);
        a->setShortcuts(keys);
        a->setStatusTip(tip);
        if (!keys.isEmpty()) a->setToolTip(QStringLiteral("%1 (%2)").arg(text, keys.front().toString(QKeySequence::NativeText)).remove(QLatin1Char('&')));
        addAction(a);  // shortcuts work even when a dock holds the focus
        return a;
    };
    openAction_ = make(tr("&Open data set folder…"), QStringLiteral("open-folder"), {QKeySequence::Open},
                       tr("Open a data set: MVTec AD, VisA, BTAD, MVTec LOCO or a plain folder of images"));
    demoAction_ = make(tr("Open the &demo data set"), QString(), {}, tr("Open the embedded synthetic data set"));
    buildAction_ = make(tr("&Build bank"), QStringLiteral("build-bank"), {QKeySequence(Qt::CTRL | Qt::Key_B)},
                        tr("Build the memory bank of the current product from its training images"));
    scoreAction_ = make(tr("&Score test set"), QStringLiteral("score"), {QKeySequence(Qt::CTRL | Qt::Key_R)},
                        tr("Score the test images of the current product"));
    cancelAction_ = make(tr("&Cancel"), QStringLiteral("cancel"), {QKeySequence(Qt::Key_Escape)},
                         tr("Stop the running engine work"));
    nextAction_ = make(tr("&Next image"), QStringLiteral("next"), {QKeySequence(Qt::Key_N), QKeySequence(Qt::Key_PageDown)},
                       tr("Show the next image of the browser"));
    previousAction_ = make(tr("&Previous image"), QStringLiteral("previous"),
                           {QKeySequence(Qt::Key_P), QKeySequence(Qt::Key_PageUp)},
                           tr("Show the previous image of the browser"));
    overlayAction_ = make(tr("Toggle heatmap &overlay"), QStringLiteral("overlay"), {QKeySequence(Qt::Key_O)},
                          tr("Show or hide the heatmap"));
    zoomInAction_ = make(tr("Zoom &in"), QStringLiteral("zoom-in"), {QKeySequence::ZoomIn, QKeySequence(Qt::Key_Plus)},
                         tr("Zoom in"));
    zoomOutAction_ = make(tr("Zoom o&ut"), QStringLiteral("zoom-out"), {QKeySequence::ZoomOut, QKeySequence(Qt::Key_Minus)},
                          tr("Zoom out"));
    fitAction_ = make(tr("&Fit to window"), QStringLiteral("zoom-fit"), {QKeySequence(Qt::CTRL | Qt::Key_0)},
                      tr("Show the whole image"));
    actualSizeAction_ = make(tr("&Actual pixels"), QString(), {QKeySequence(Qt::CTRL | Qt::Key_1)},
                             tr("One image pixel per screen pixel"));
    pasteAction_ = make(tr("&Paste images to score"), QStringLiteral("paste"), {QKeySequence::Paste},
                        tr("Score the images (or image files) on the clipboard against the current bank"));
    addToListAction_ = make(tr("Add to &inspection list"), QStringLiteral("inspection-list"), {QKeySequence(Qt::Key_I)},
                            tr("Keep the image in view in the inspection list"));
    exportImageAction_ = make(tr("Export current &heatmap, overlay and mask (PNG)…"), QStringLiteral("export"),
                              {QKeySequence(Qt::CTRL | Qt::Key_E)}, tr("Write the maps of the image in view"));
    exportCsvAction_ = make(tr("Export &metrics and scores (CSV)…"), QString(), {},
                            tr("Write metrics.csv and scores.csv of the current product"));
    exportHistogramAction_ = make(tr("Export &histogram (PNG)…"), QString(), {}, tr("Save the score histogram"));
    exportAllAction_ = make(tr("Export &all maps of the product…"), QString(), {},
                            tr("Write the heatmap, overlay and mask of every scored test image"));
    exportSweepCsvAction_ = make(tr("Export budget &sweep (CSV)…"), QString(), {},
                                 tr("Write the points of the budget sweep: method, bank size, AUROC"));
    exportSweepPngAction_ = make(tr("Export budget sweep &chart (PNG)…"), QString(), {},
                                 tr("Save the AUROC-versus-bank-size chart"));
    addImagesAction_ = make(tr("&Add images to bank…"), QString(), {},
                            tr("Add more normal images to the bank in use without rebuilding it"));
    saveBankAction_ = make(tr("Sa&ve bank…"), QString(), {}, tr("Write the bank in use to a file"));
    openBankAction_ = make(tr("Open ban&k…"), QString(), {}, tr("Use a bank saved earlier"));
    sweepAction_ = make(tr("Budget s&weep"), QString(), {},
                        tr("Image AUROC against bank size for every compression method of the current product"));
    sharedBankAction_ = make(tr("S&hared bank…"), QString(), {},
                             tr("Several products in one memory bank: pollution, budget allocation and routing"));
    auditAction_ = make(tr("A&udit reference images"), QString(), {},
                        tr("Rank the current product's reference images by how far their patches lie from the "
                           "other references, and flag the outliers"));
    modelsAction_ = make(tr("&Models…"), QString(), {}, tr("Download pretrained backbones and use one"));
    reproduceAction_ = make(tr("&Reproduce paper…"), QStringLiteral("reproduce"), {},
                            tr("Run an experiment suite, the tables and figures of a paper, cell by cell in the "
                               "background"));
    trainAction_ = make(tr("&Train detector…"), QString(), {},
                        tr("Train the reconstruction detector on a product, alone or with MeDS, with live curves"));
    openDetectorAction_ = make(tr("Open detector &model…"), QString(), {},
                               tr("Score the product's test images with a trained reconstruction model and show its "
                                  "training curves"));
    aboutAction_ = make(tr("&About PatchBank"), QStringLiteral("patchbank"), {}, tr("Versions and libraries"));
    quitAction_ = make(tr("&Quit"), QString(), {QKeySequence::Quit}, tr("Close PatchBank"));
    cancelAction_->setShortcutContext(Qt::WindowShortcut);

    connect(openAction_, &QAction::triggered, this, [this] {
        const QString folder = chooseFolder(tr("Open data set folder"));
        if (!folder.isEmpty()) openDataset(folder);
    });
    connect(demoAction_, &QAction::triggered, this, &MainWindow::openDemoDataset);
    connect(buildAction_, &QAction::triggered, this, &MainWindow::buildBank);
    connect(scoreAction_, &QAction::triggered, this, &MainWindow::scoreTestSet);
    connect(cancelAction_, &QAction::triggered, this, &MainWindow::cancelEngine);
    connect(nextAction_, &QAction::triggered, browser_, &ImageBrowser::selectNext);
    connect(previousAction_, &QAction::triggered, browser_, &ImageBrowser::selectPrevious);
    connect(overlayAction_, &QAction::triggered, inspection_, &InspectionPanel::toggleOverlay);
    connect(zoomInAction_, &QAction::triggered, inspection_->view(), &InspectionView::zoomIn);
    connect(zoomOutAction_, &QAction::triggered, inspection_->view(), &InspectionView::zoomOut);
    connect(fitAction_, &QAction::triggered, inspection_->view(), &InspectionView::fitToWindow);
    connect(actualSizeAction_, &QAction::triggered, inspection_->view(), &InspectionView::actualSize);
    connect(pasteAction_, &QAction::triggered, this, &MainWindow::pasteImages);
    connect(addToListAction_, &QAction::triggered, this, &MainWindow::addCurrentToInspectionList);
    connect(exportImageAction_, &QAction::triggered, this, [this] {
        const QString folder = chooseFolder(tr("Export the maps of this image to"));
        if (!folder.isEmpty()) exportCurrentImages(folder);
    });
    connect(exportCsvAction_, &QAction::triggered, this, [this] {
        const QString folder = chooseFolder(tr("Export metrics.csv and scores.csv to"));
        if (!folder.isEmpty()) exportCsv(folder);
    });
    connect(exportHistogramAction_, &QAction::triggered, this, [this] {
        const QString file = QFileDialog::getSaveFileName(
            this, tr("Save the histogram"), QDir(lastExportFolder_).filePath(workbench_->currentProduct() + QStringLiteral("_histogram.png")),
            tr("PNG images (*.png)"));
        if (!file.isEmpty()) exportHistogram(file);
    });
    connect(exportAllAction_, &QAction::triggered, this, [this] {
        const QString folder = chooseFolder(tr("Export every map of the product to"));
        if (!folder.isEmpty()) exportAllMaps(folder);
    });
    connect(exportSweepCsvAction_, &QAction::triggered, this, [this] {
        const QString file = QFileDialog::getSaveFileName(
            this, tr("Save the budget sweep"), QDir(lastExportFolder_).filePath(workbench_->currentProduct() + QStringLiteral("_budget_sweep.csv")),
            tr("CSV files (*.csv)"));
        if (!file.isEmpty()) exportSweepCsv(file);
    });
    connect(exportSweepPngAction_, &QAction::triggered, this, [this] {
        const QString file = QFileDialog::getSaveFileName(
            this, tr("Save the budget sweep chart"), QDir(lastExportFolder_).filePath(workbench_->currentProduct() + QStringLiteral("_budget_sweep.png")),
            tr("PNG images (*.png)"));
        if (!file.isEmpty()) exportSweepChart(file);
    });
    connect(addImagesAction_, &QAction::triggered, bankPanel_, &BankPanel::addImagesRequested);
    connect(saveBankAction_, &QAction::triggered, bankPanel_, &BankPanel::saveRequested);
    connect(openBankAction_, &QAction::triggered, bankPanel_, &BankPanel::openRequested);
    connect(sweepAction_, &QAction::triggered, this, &MainWindow::runBudgetSweep);
    connect(sharedBankAction_, &QAction::triggered, this, [this] { showSharedBankDialog(); });
    connect(auditAction_, &QAction::triggered, this, &MainWindow::auditReferences);
    connect(modelsAction_, &QAction::triggered, this, [this] { showModelsDialog(); });
    connect(reproduceAction_, &QAction::triggered, this, &MainWindow::showSuitePanel);
    connect(trainAction_, &QAction::triggered, this, &MainWindow::showTrainingPanel);
    connect(openDetectorAction_, &QAction::triggered, this, [this] {
        const QString start =
            trainingPanel_->modelFile().isEmpty() ? trainingPanel_->outputEdit()->text() : trainingPanel_->modelFile();
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Open a detector model"), QFileInfo(start).absolutePath(),
                                         tr("Model files (*.safetensors);;All files (*)"));
        if (!file.isEmpty()) openDetectorModel(file);
    });
    connect(aboutAction_, &QAction::triggered, this, [this] {
        auto* about = new AboutDialog(this);
        about->setAttribute(Qt::WA_DeleteOnClose);
        about->open();
    });
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(openAction_);
    recentMenu_ = file->addMenu(tr("Open &recent"));
    file->addAction(demoAction_);
    file->addAction(openDetectorAction_);
    file->addSeparator();
    file->addAction(pasteAction_);
    file->addAction(addToListAction_);
    file->addSeparator();
    QMenu* exportMenu = file->addMenu(QIcon(QStringLiteral(":/icons/export.svg")), tr("&Export"));
    exportMenu->addAction(exportImageAction_);
    exportMenu->addAction(exportCsvAction_);
    exportMenu->addAction(exportHistogramAction_);
    exportMenu->addAction(exportAllAction_);
    exportMenu->addSeparator();
    exportMenu->addAction(exportSweepCsvAction_);
    exportMenu->addAction(exportSweepPngAction_);
    file->addSeparator();
    file->addAction(quitAction_);

    viewMenu_ = menuBar()->addMenu(tr("&View"));
    viewMenu_->addAction(nextAction_);
    viewMenu_->addAction(previousAction_);
    viewMenu_->addSeparator();
    viewMenu_->addAction(overlayAction_);
    viewMenu_->addAction(zoomInAction_);
    viewMenu_->addAction(zoomOutAction_);
    viewMenu_->addAction(fitAction_);
    viewMenu_->addAction(actualSizeAction_);
    viewMenu_->addSeparator();
    for (QDockWidget* d : findChildren<QDockWidget*>()) viewMenu_->addAction(d->toggleViewAction());
    viewMenu_->addSeparator();
    QMenu* language = viewMenu_->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(this);
    const QString current = QSettings().value(QStringLiteral("language")).toString();
    const QList<QPair<QString, QString>> names = {{QString(), tr("System default")},
                                                  {QStringLiteral("en"), QStringLiteral("English")},
                                                  {QStringLiteral("es"), QStringLiteral("Español")},
                                                  {QStringLiteral("de"), QStringLiteral("Deutsch")}};
    for (const auto& [code, name] : names) {
        QAction* a = language->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == current);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] {
            QSettings().setValue(QStringLiteral("language"), code);
            statusBar()->showMessage(tr("The language changes the next time PatchBank starts."), 8000);
        });
    }

    QMenu* engine = menuBar()->addMenu(tr("&Engine"));
    engine->addAction(buildAction_);
    engine->addAction(scoreAction_);
    engine->addAction(cancelAction_);
    engine->addSeparator();
    engine->addAction(addImagesAction_);
    engine->addAction(saveBankAction_);
    engine->addAction(openBankAction_);
    engine->addSeparator();
    engine->addAction(sweepAction_);
    engine->addAction(sharedBankAction_);
    engine->addAction(auditAction_);

    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(modelsAction_);
    tools->addAction(reproduceAction_);
    tools->addAction(trainAction_);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(aboutAction_);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setIconSize(QSize(22, 22));
    bar->addAction(openAction_);
    bar->addSeparator();
    bar->addAction(buildAction_);
    bar->addAction(scoreAction_);
    bar->addAction(cancelAction_);
    bar->addSeparator();
    bar->addAction(previousAction_);
    bar->addAction(nextAction_);
    bar->addAction(overlayAction_);
    bar->addAction(zoomInAction_);
    bar->addAction(zoomOutAction_);
    bar->addAction(fitAction_);
    bar->addSeparator();
    bar->addAction(pasteAction_);
    bar->addAction(exportImageAction_);
    bar->addSeparator();
    bar->addAction(reproduceAction_);
}

// ----------------------------------------------------------------------------------------- engine

void MainWindow::connectEngine() {
    // What every kind of engine work does in the window: one handler each. Failure and cancel are
    // reported once, in onEngineStopped(); a handler's `stopped` only undoes what waited on it.
    connect(controller_, &EngineController::started, this, [this](RequestKind kind) {
        enginePanel_->onStarted(kind);
        const EngineHandler* h = controller_->handler(kind);
        if (!h || !h->quiet) statusBar()->showMessage(kindName(kind) + QStringLiteral("…"));
    });
    connect(controller_, &EngineController::progress, enginePanel_, &EnginePanel::onProgress);
    connect(controller_, &EngineController::busyChanged, this, [this](bool busy) {
        enginePanel_->onBusyChanged(busy);
        updateActions();
    });
    connect(controller_, &EngineController::problem, this,
            [this](RequestKind kind, const QString& file, const QString& reason) {
                datasetPanel_->addProblem(kindName(kind), file, reason);
            });
    connect(controller_, &EngineController::failed, this,
            [this](RequestKind kind, quint64, const QString& reason) { onEngineStopped(kind, reason, false); });
    connect(controller_, &EngineController::cancelled, this,
            [this](RequestKind kind, quint64) { onEngineStopped(kind, QString(), true); });
    connect(controller_, &EngineController::finished, this,
            [this](RequestKind kind, quint64, const QVariant&) { enginePanel_->onFinished(kind, QString()); });

    EngineHandler validate;
    validate.quiet = true;
    validate.finished = [this](const QVariant& r) {
        const auto check = r.value<BackboneCheck>();
        enginePanel_->onBackboneValidated(check.identity, check.patchStride);
        statusBar()->showMessage(tr("Backbone loaded: %1").arg(check.identity), 6000);
        scheduleProbe();
    };
    // A broken backbone is reported as an error; the panel marks the weights field too.
    validate.stopped = [this](const QString& reason) {
        if (!reason.isEmpty()) enginePanel_->onBackboneInvalid(reason);
    };
    controller_->handle(RequestKind::ValidateBackbone, validate);

    EngineHandler probe;
    probe.quiet = probe.background = true;
    probe.finished = [this](const QVariant& r) {
        featureShape_ = r.value<FeatureShape>();
        shapeFeatures_ = pendingShapeFeatures_;
        bankPanel_->setFeatureShape(featureShape_);
        if (sharedDialog_) sharedDialog_->setFeatureShape(featureShape_, enginePanel_->options().maxTrainImages);
    };
    // The backbone check reports why it failed; the bank estimate just has no feature size.
    probe.stopped = [this](const QString& reason) {
        if (reason.isEmpty()) return;  // superseded by a newer probe or by real work
        featureShape_ = FeatureShape{};
        shapeFeatures_ = FeatureIdentity{};
        bankPanel_->setFeatureShape(featureShape_);
    };
    controller_->handle(RequestKind::ProbeFeatures, probe);

    // The workflow's own kinds of work are the Workbench's; the window shows what it reports.
    connect(workbench_, &Workbench::datasetOpened, this, &MainWindow::onDatasetOpened);
    connect(workbench_, &Workbench::currentProductChanged, this, &MainWindow::onCurrentProductChanged);
    connect(workbench_, &Workbench::bankChanged, this, &MainWindow::onBankChanged);
    connect(workbench_, &Workbench::bankSaved, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Saved the bank to %1").arg(QDir::toNativeSeparators(path)), 8000);
    });
    connect(workbench_, &Workbench::testSetScored, this, &MainWindow::onTestSetScored);
    connect(workbench_, &Workbench::filesScored, this, &MainWindow::onFilesScored);
    connect(workbench_, &Workbench::leaveOneOutChanged, this, [this](const QString& product) {
        histogramPanel_->setLeaveOneOutRunning(false);
        if (product == workbench_->currentProduct()) applyProductView();
    });
    connect(workbench_, &Workbench::leaveOneOutStopped, histogramPanel_, &HistogramPanel::leaveOneOutFailed);
    connect(workbench_, &Workbench::productViewChanged, this, [this](const QString& product) {
        if (product == workbench_->currentProduct()) applyProductView();
    });
    connect(workbench_, &Workbench::refused, this, &MainWindow::showError);

    EngineHandler sweep;
    sweep.started = [this] { sweepPanel_->setRunning(true); };
    sweep.progress = [this](const QString& stage, qint64 done, qint64 total) { sweepPanel_->onProgress(stage, done, total); };
    sweep.finished = [this](const QVariant& r) {
        const auto result = r.value<BudgetSweepResultPtr>();
        sweepPanel_->setResult(result);
        raiseDock(sweepPanel_);
        statusBar()->showMessage(tr("Budget sweep of %1: %n point(s).", nullptr, static_cast<int>(result->points.size()))
                                     .arg(QString::fromStdString(result->product)),
                                 8000);
        updateActions();
    };
    sweep.stopped = [this](const QString& reason) {
        sweepPanel_->setFailed(reason.isEmpty() ? tr("Budget sweep cancelled.") : tr("Budget sweep failed: %1").arg(reason));
    };
    controller_->handle(RequestKind::BudgetSweep, sweep);

    // The purification dock: its kinds show their progress there; the audit is the Workbench's (it decides
    // what Remove flagged and Recapture do), the rest only feed the dock.
    const auto purification = [](RequestKind kind) {
        return kind == RequestKind::AuditReferences || kind == RequestKind::PurifyPatches ||
               kind == RequestKind::PurifiedAuroc || kind == RequestKind::ScreenTrainingFolder;
    };
    connect(controller_, &EngineController::started, this, [this, purification](RequestKind kind) {
        if (purification(kind)) purificationPanel_->setRunning(kind, true);
    });
    connect(controller_, &EngineController::progress, this,
            [this, purification](RequestKind kind, const QString& stage, qint64 done, qint64 total) {
                if (purification(kind)) purificationPanel_->onProgress(kind, stage, done, total);
            });
    connect(controller_, &EngineController::finished, this,
            [this, purification](RequestKind kind, quint64, const QVariant&) {
                if (purification(kind))
                    purificationPanel_->setRunning(kind, false, tr("%1: done.").arg(kindName(kind)));
            });
    connect(controller_, &EngineController::failed, this,
            [this, purification](RequestKind kind, quint64, const QString& reason) {
                if (purification(kind))
                    purificationPanel_->setRunning(kind, false, tr("%1 failed: %2").arg(kindName(kind), reason), false);
            });
    connect(controller_, &EngineController::cancelled, this, [this, purification](RequestKind kind, quint64) {
        if (purification(kind))
            purificationPanel_->setRunning(kind, false, tr("%1: cancelled").arg(kindName(kind)), false);
    });
    connect(workbench_, &Workbench::referencesAudited, this, [this](const QString& product) {
        if (product != workbench_->currentProduct()) return;
        const ReferenceAuditPtr audit = workbench_->audit(product);
        purificationPanel_->setAudit(audit);
        updateActions();
        statusBar()->showMessage(
            tr("Audit of %1: %n reference image(s) flagged.", nullptr, static_cast<int>(audit->report.flagged().size()))
                .arg(product),
            8000);
    });
    connect(workbench_, &Workbench::referencesChanged, this, [this](const QString& product, const QString& message) {
        if (product == workbench_->currentProduct()) showReferenceSet();
        purificationPanel_->setMessage(message);
        statusBar()->showMessage(message, 8000);
    });
    EngineHandler purify;
    purify.finished = [this](const QVariant& r) {
        const auto p = r.value<PatchPurificationPtr>();
        const DatasetPtr dataset = workbench_->dataset();
        if (!dataset || QString::fromStdString(p->product) != workbench_->currentProduct()) return;
        purificationPanel_->setPurification(p);
        raiseDock(purificationPanel_);
        // The AUROC before and after needs both classes in the labelled test set.
        if (dataset->count(p->product, Split::Test, 0) > 0 && dataset->count(p->product, Split::Test, 1) > 0) {
            purificationPanel_->setAurocNote(
                tr("Scoring the test set with every reference patch and with the kept ones…"));
            controller_->post<PurifiedAurocTask>(dataset, p);
        } else {
            purificationPanel_->setAurocNote(
                tr("No AUROC to compare: the test set needs labelled normal and anomalous images."));
        }
    };
    controller_->handle(RequestKind::PurifyPatches, purify);
    EngineHandler auroc;
    auroc.finished = [this](const QVariant& r) {
        const auto a = r.value<PurifiedAurocPtr>();
        if (QString::fromStdString(a->product) == workbench_->currentProduct()) purificationPanel_->setPurifiedAuroc(a);
    };
    auroc.stopped = [this](const QString& reason) {
        purificationPanel_->setAurocNote(reason.isEmpty() ? tr("The AUROC comparison was cancelled.")
                                                          : tr("The AUROC comparison failed: %1").arg(reason));
    };
    controller_->handle(RequestKind::PurifiedAuroc, auroc);
    EngineHandler screen;
    screen.finished = [this](const QVariant& r) {
        const auto s = r.value<TrainingScreenPtr>();
        if (QString::fromStdString(s->product) != workbench_->currentProduct()) return;
        purificationPanel_->setScreen(s);
        raiseDock(purificationPanel_);
    };
    controller_->handle(RequestKind::ScreenTrainingFolder, screen);

    EngineHandler shared;
    shared.finished = [this](const QVariant& r) { onSharedRun(r.value<SharedRunPtr>()); };
    shared.stopped = [this](const QString& reason) {
        routerPanel_->setRunning(reason.isEmpty() ? tr("The shared-bank run was cancelled.")
                                                  : tr("The shared-bank run failed: %1").arg(reason));
    };
    controller_->handle(RequestKind::SharedBank, shared);

    // The training dock: its run reports through its feed; the model it writes then scores the test set.
    EngineHandler train;
    train.progress = [this](const QString& stage, qint64 done, qint64 total) {
        trainingPanel_->onProgress(stage, done, total);
    };
    train.finished = [this](const QVariant& r) {
        const auto outcome = r.value<TrainingOutcomePtr>();
        trainingPanel_->onFinished(outcome);
        statusBar()->showMessage(trainingPanel_->statusLabel()->text(), 10000);
        if (workbench_->dataset())
            workbench_->scoreWithDetector(QString::fromStdString(outcome->history.file), outcome->features,
                                          trainingPanel_->modelTestImages());
    };
    train.stopped = [this](const QString& reason) { trainingPanel_->onStopped(reason); };
    controller_->handle(RequestKind::TrainDetector, train);
    EngineHandler history;
    history.finished = [this](const QVariant& r) {
        trainingPanel_->showHistory(r.value<TrainingHistoryPtr>());
        raiseDock(trainingPanel_);
    };
    history.stopped = [this](const QString& reason) {
        if (!reason.isEmpty()) trainingPanel_->setMessage(tr("The model file cannot be read: %1").arg(reason), true);
    };
    controller_->handle(RequestKind::ReadTrainingHistory, history);
    // The detector's scores are the Workbench's (they become the product's test set); a refusal shows in the
    // dock too, beside the error box.
    connect(controller_, &EngineController::failed, this, [this](RequestKind kind, quint64, const QString& reason) {
        if (kind == RequestKind::ScoreWithDetector)
            trainingPanel_->setMessage(tr("The model cannot be used: %1").arg(reason), true);
    });
}

void MainWindow::onEngineStopped(RequestKind kind, const QString& reason, bool cancelled) {
    const EngineHandler* h = controller_->handler(kind);
    if (h && h->background) return;
    const QString name = kindName(kind);
    if (cancelled) {
        enginePanel_->onFinished(kind, tr("%1: cancelled").arg(name));
        statusBar()->showMessage(tr("%1: cancelled").arg(name), 6000);
        return;
    }
    enginePanel_->onFinished(kind, tr("%1 failed").arg(name));
    showError(tr("%1 failed").arg(name), reason);
}

void MainWindow::showError(const QString& title, const QString& reason) {
    lastError_ = reason;
    statusBar()->showMessage(title + QStringLiteral(": ") + reason, 15000);
    // Non-modal: the window (and the engine) go on while the message is up.
    auto* box = new QMessageBox(QMessageBox::Warning, title, reason, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("engineErrorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    box->show();
    emit engineError(reason);
}

void MainWindow::cancelEngine() {
    controller_->cancelAll();
    if (batch_->isRunning()) batch_->cancel();
    statusBar()->showMessage(tr("Cancelling…"), 3000);
}

void MainWindow::openDataset(const QString& folder) {
    if (folder.isEmpty()) return;
    statusBar()->showMessage(tr("Opening %1…").arg(QDir::toNativeSeparators(folder)));
    workbench_->openDataset(folder);
}

void MainWindow::openStartupDataset() {
    const QStringList recent = QSettings().value(QStringLiteral("recentFolders")).toStringList();
    for (const QString& folder : recent) {
        if (QFileInfo(folder).isDir()) {
            openDataset(folder);
            return;
        }
    }
    openDemoDataset();
}

void MainWindow::openDemoDataset() {
    const QString folder = AppSetup::demoDatasetFolder();
    if (QFileInfo::exists(QDir(folder).filePath(QString::fromLatin1(kDemoMarker)))) {
        openDataset(folder);
        return;
    }
    if (demoWatcher_->isRunning()) return;
    statusBar()->showMessage(tr("Generating the demo data set in %1…").arg(QDir::toNativeSeparators(folder)));
    demoWatcher_->setFuture(QtConcurrent::run([folder]() -> QString {
        try {
            generateDemoDataset(folder.toStdString());
            QFile marker(QDir(folder).filePath(QString::fromLatin1(kDemoMarker)));
            if (!marker.open(QIODevice::WriteOnly)) return tr("cannot write %1").arg(marker.fileName());
            return QString();
        } catch (const std::exception& e) {
            return QString::fromStdString(e.what());
        }
    }));
}

void MainWindow::onDatasetOpened(const DatasetPtr& dataset) {
    scored_.clear();
    datasetPanel_->setDataset(dataset);
    browser_->setDataset(dataset);
    if (sharedDialog_) sharedDialog_->setDataset(dataset);
    suitePanel_->setOpenDataset(QString::fromStdString(dataset->root));
    trainingPanel_->setDataset(dataset);
    inspection_->clear();
    purificationPanel_->setProduct(QString());  // a product of the same name in this data set is another one
    histogramPanel_->setResult(nullptr);
    histogramPanel_->setTrainingScores({});
    const QString root = QString::fromStdString(dataset->root);
    setWindowTitle(tr("PatchBank — %1").arg(QDir::toNativeSeparators(root)));
    addRecentFolder(root);
    // The Workbench selects the first product right after this.
    if (!dataset->products.empty()) browser_->showSubset(QString::fromStdString(dataset->products.front()), -1, QString());
    statusBar()->showMessage(tr("%1: %2 products, %3 images, %4 problems (layout: %5)")
                                 .arg(QDir::toNativeSeparators(root))
                                 .arg(dataset->products.size())
                                 .arg(dataset->samples.size())
                                 .arg(dataset->problems.size())
                                 .arg(QString::fromStdString(dataset->layout)),
                             10000);
    updateActions();
    emit datasetShown(root);
}

void MainWindow::setCurrentProduct(const QString& product) { workbench_->setCurrentProduct(product); }

void MainWindow::onCurrentProductChanged(const QString& product) {
    enginePanel_->setProduct(product);
    sweepPanel_->setProduct(product);
    purificationPanel_->setProduct(product);
    purificationPanel_->setAudit(workbench_->audit(product));
    trainingPanel_->setCurrentProduct(product);
    showReferenceSet();
    updateBankEstimate();
    applyProductView();
    updateActions();
}


void MainWindow::applyProductView() {
    // The histogram, thresholds, review band and colour scale follow the current product.
    const QString product = workbench_->currentProduct();
    const Workbench::ProductState* s = workbench_->state(product);
    histogramPanel_->setResult(s ? s->testResult : nullptr);
    const LeaveOneOutPtr loo = workbench_->leaveOneOut(product);
    histogramPanel_->setTrainingScores(loo ? QVector<double>(loo->images.begin(), loo->images.end()) : QVector<double>());
    const double t = s ? s->imageThreshold : std::numeric_limits<double>::quiet_NaN();
    const ReviewBand band = s ? s->reviewBand : ReviewBand{};
    histogramPanel_->setThreshold(t);
    histogramPanel_->setReviewBand(band);
    browser_->setImageThreshold(t, band);
    inspectionList_->setImageThreshold(t, band);
    if (s && s->testResult)
        inspection_->setScale(s->mapRange.low, s->mapRange.high,
                              std::isfinite(s->pixelThreshold) ? s->pixelThreshold : s->testResult->pixelThreshold);
    inspection_->setImageThreshold(t, band);
}


void MainWindow::buildBank() {
    workbench_->setOptions(engineOptions());
    workbench_->buildBank();
}

void MainWindow::scoreTestSet() {
    workbench_->setOptions(engineOptions());
    workbench_->scoreTestSet();
}

void MainWindow::onTestSetScored(const ScoreResultPtr& result) {
    const QString product = QString::fromStdString(result->product);
    QHash<QString, double> scores;
    for (std::size_t i = 0; i < result->images.size(); ++i) {
        const QString path = QString::fromStdString(result->images[i].sample.path);
        scored_.insert(path, ScoredRef{result, static_cast<int>(i)});
        scores.insert(path, result->images[i].score);
    }
    browser_->setScores(scores);
    // The Workbench follows with productViewChanged once the display rules are applied: the product's
    // view (histogram, thresholds, colour scale) is drawn then, once.
    updateActions();
    const auto& m = result->metrics;
    if (result->detector)
        statusBar()->showMessage(
            tr("%1 scored by the reconstruction model %2: %3 images, image AUROC %4, pixel AUROC %5")
                .arg(product, QDir::toNativeSeparators(QString::fromStdString(result->detector->file)))
                .arg(result->images.size())
                .arg(m.imageAuroc, 0, 'f', 4)
                .arg(m.pixelAuroc, 0, 'f', 4),
            10000);
    else
        statusBar()->showMessage(tr("%1 scored: %2 images, image AUROC %3, pixel AUROC %4")
                                     .arg(product)
                                     .arg(result->images.size())
                                     .arg(m.imageAuroc, 0, 'f', 4)
                                     .arg(m.pixelAuroc, 0, 'f', 4),
                                 10000);
    // Show something useful at once: the image in view again with its map, or the first test image.
    const QString current = browser_->currentPath();
    if (!current.isEmpty() && scored_.contains(current))
        showPath(current);
    else if (!result->images.empty())
        browser_->selectPath(QString::fromStdString(result->images.front().sample.path));
}

void MainWindow::onFilesScored(const ScoreResultPtr& result) {
    for (std::size_t i = 0; i < result->images.size(); ++i) {
        scored_.insert(QString::fromStdString(result->images[i].sample.path), ScoredRef{result, static_cast<int>(i)});
        inspectionList_->add(result, static_cast<int>(i));
    }
    if (!result->images.empty()) showScored(result, 0);
    const int n = static_cast<int>(result->images.size());
    const QString product = QString::fromStdString(result->product);
    statusBar()->showMessage(result->detector ? tr("%n image(s) scored by the detector model of %1.", nullptr, n).arg(product)
                                              : tr("%n image(s) scored against the bank of %1.", nullptr, n).arg(product),
                             8000);
}

void MainWindow::scoreFiles(const QStringList& paths) {
    if (workbench_->scoreFiles(paths))
        statusBar()->showMessage(tr("Scoring %n image(s)…", nullptr, static_cast<int>(paths.size())));
}

void MainWindow::setImageThreshold(double threshold) { workbench_->setImageThreshold(threshold); }

void MainWindow::setReviewBand(const ReviewBand& band) { workbench_->setReviewBand(band); }

// ----------------------------------------------------------------------------------------- viewing

void MainWindow::showPath(const QString& path) {
    auto it = scored_.constFind(path);
    if (it != scored_.constEnd()) {
        showScored(it->result, it->index);
        return;
    }
    const Sample* sample = nullptr;
    const QModelIndex index = browser_->view()->currentIndex();
    if (index.isValid()) sample = browser_->model()->sampleAt(index.row());
    inspection_->showImage(path, sample, nullptr, -1);
}

void MainWindow::showScored(const ScoreResultPtr& result, int index) {
    if (!result || index < 0 || static_cast<std::size_t>(index) >= result->images.size()) return;
    const QString path = QString::fromStdString(result->images[static_cast<std::size_t>(index)].sample.path);
    if (result->shared) {
        // A shared run carries its own colour scale and thresholds, per product.
        inspection_->setScale(result->mapRange.low, result->mapRange.high, result->pixelThreshold);
        inspection_->setImageThreshold(result->imageThreshold, result->reviewBand);
        inspection_->showImage(path, nullptr, result, index);
        return;
    }
    // Dropped images share the colour scale, thresholds and band of their product's test set.
    const Workbench::ProductState* s = workbench_->state(QString::fromStdString(result->product));
    const bool reference = s && s->testResult;
    const MapRange range = reference ? s->mapRange : result->mapRange;
    const double pixel = s && std::isfinite(s->pixelThreshold) ? s->pixelThreshold : result->pixelThreshold;
    inspection_->setScale(range.low, range.high, pixel);
    inspection_->setImageThreshold(s ? s->imageThreshold : std::numeric_limits<double>::quiet_NaN(),
                                   s ? s->reviewBand : ReviewBand{});
    inspection_->showImage(path, nullptr, result, index);
}

void MainWindow::addCurrentToInspectionList() {
    const ScoreResultPtr& result = inspection_->result();
    if (!result || inspection_->resultIndex() < 0) {
        statusBar()->showMessage(tr("Only scored images can be added to the inspection list."), 6000);
        return;
    }
    if (inspectionList_->add(result, inspection_->resultIndex()))
        statusBar()->showMessage(tr("Added to the inspection list."), 4000);
}

// ----------------------------------------------------------------------------------------- drops

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const QMimeData* mime = event->mimeData();
    if (mime->hasUrls() || mime->hasImage()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QMimeData* mime = event->mimeData();
    const QList<QUrl> urls = mime->urls();
    if (urls.size() == 1 && QFileInfo(urls.front().toLocalFile()).isDir()) {
        openDataset(urls.front().toLocalFile());
        event->acceptProposedAction();
        return;
    }
    const QStringList files = imageFiles(urls);
    if (!files.isEmpty()) {
        // Shift: the images are normal ones for the bank, not images to inspect.
        if (event->modifiers() & Qt::ShiftModifier)
            addImagesToBank(files);
        else
            scoreFiles(files);
        event->acceptProposedAction();
        return;
    }
    statusBar()->showMessage(tr("Drop a data set folder, or image files to score them (Shift: add them to the bank)."),
                             6000);
}

void MainWindow::pasteImages() {
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    if (!mime) return;
    QStringList files = mime->hasUrls() ? imageFiles(mime->urls()) : QStringList();
    if (files.isEmpty() && mime->hasImage()) {
        // A pasted picture has no file: keep it in a private temporary folder for as long as the window lives.
        const QImage image = qvariant_cast<QImage>(mime->imageData());
        if (!pasteDir_) pasteDir_ = std::make_unique<QTemporaryDir>();
        static int pasted = 0;
        const QString file = pasteDir_->filePath(QStringLiteral("pasted-%1.png").arg(++pasted, 3, 10, QLatin1Char('0')));
        if (!image.isNull() && image.convertToFormat(QImage::Format_RGB888).save(file)) files.append(file);
    }
    if (files.isEmpty()) {
        statusBar()->showMessage(tr("The clipboard holds no image."), 5000);
        return;
    }
    scoreFiles(files);
}

// ----------------------------------------------------------------------------------------- export

QString MainWindow::chooseFolder(const QString& title) {
    const QString folder = QFileDialog::getExistingDirectory(this, title, lastExportFolder_);
    if (!folder.isEmpty()) lastExportFolder_ = folder;
    return folder;
}

bool MainWindow::exportCurrentImages(const QString& folder) {
    if (!inspection_->hasFrame()) {
        statusBar()->showMessage(tr("No image in view."), 5000);
        return false;
    }
    if (exportWatcher_->isRunning()) return false;
    // The view's image data is copied into the job: PNG encoding runs off the GUI thread.
    const RenderedMaps maps = inspection_->renderCurrent();
    const QString stem = QFileInfo(inspection_->currentPath()).completeBaseName();
    exportWatcher_->setFuture(QtConcurrent::run([folder, stem, maps]() -> QString {
        try {
            MapRenderer::write(folder, stem, maps);
            return QString();
        } catch (const std::exception& e) {
            return QString::fromStdString(e.what());
        }
    }));
    return true;
}

bool MainWindow::exportCsv(const QString& folder) {
    QString error;
    if (!workbench_->exportCsv(folder, &error)) {
        if (!workbench_->testResult(workbench_->currentProduct())) {
            statusBar()->showMessage(error, 5000);
            return false;
        }
        showError(tr("Export failed"), error);
        emit exportFinished(QStringLiteral("csv"), false, error);
        return false;
    }
    statusBar()->showMessage(tr("Wrote metrics.csv and scores.csv to %1").arg(QDir::toNativeSeparators(folder)), 8000);
    emit exportFinished(QStringLiteral("csv"), true, folder);
    return true;
}

bool MainWindow::exportHistogram(const QString& pngFile) {
    ScoreHistogram* h = histogramPanel_->histogram();
    h->replot(QCustomPlot::rpImmediateRefresh);
    const bool ok = h->savePng(pngFile, std::max(h->width(), 800), std::max(h->height(), 500));
    statusBar()->showMessage(ok ? tr("Saved %1").arg(QDir::toNativeSeparators(pngFile))
                                : tr("Could not write %1").arg(QDir::toNativeSeparators(pngFile)),
                             6000);
    if (!ok) showError(tr("Export failed"), tr("Could not write %1").arg(pngFile));
    emit exportFinished(QStringLiteral("histogram"), ok, pngFile);
    return ok;
}

bool MainWindow::exportAllMaps(const QString& folder) {
    const Workbench::ProductState* s = workbench_->state(workbench_->currentProduct());
    if (!s || !s->testResult) {
        statusBar()->showMessage(tr("Score the test set of the product first."), 5000);
        return false;
    }
    RenderSettings settings = inspection_->renderSettings();
    settings.low = s->mapRange.low;
    settings.high = s->mapRange.high;
    settings.pixelThreshold = std::isfinite(s->pixelThreshold) ? s->pixelThreshold : s->testResult->pixelThreshold;
    if (!batch_->start(s->testResult, settings, folder)) return false;
    batchProgress_ = new QProgressDialog(tr("Exporting the maps of %1…").arg(workbench_->currentProduct()), tr("Cancel"), 0,
                                         static_cast<int>(s->testResult->images.size()), this);
    batchProgress_->setAttribute(Qt::WA_DeleteOnClose);
    batchProgress_->setWindowModality(Qt::NonModal);
    batchProgress_->setMinimumDuration(0);
    connect(batchProgress_, &QProgressDialog::canceled, batch_, &BatchExporter::cancel);
    batchProgress_->show();
    return true;
}

// ----------------------------------------------------------------------------------------- settings

void MainWindow::loadSettings() {
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    enginePanel_->loadSettings(s);
    bankPanel_->loadSettings(s);
    sweepPanel_->loadSettings(s);
    purificationPanel_->loadSettings(s);
    suitePanel_->loadSettings(s);
    suiteQueue_->loadSettings(s);
    trainingPanel_->loadSettings(s);
    histogramPanel_->loadSettings(s);
    try {
        inspection_->setHeatmapScale(heatmapScaleFromString(s.value(QStringLiteral("view/heatmapScale"), QStringLiteral("test")).toString().toStdString()));
    } catch (const Error&) {
    }
    inspection_->setOverlayMode(s.value(QStringLiteral("view/overlayMode")).toString() == QLatin1String("neighbours")
                                    ? InspectionPanel::OverlayMode::NeighbourProduct
                                    : InspectionPanel::OverlayMode::AnomalyMap);
    inspection_->setOpacity(s.value(QStringLiteral("view/opacity"), 0.5).toDouble());
    try {
        inspection_->setColorMap(colorMapFromString(s.value(QStringLiteral("view/colorMap"), QStringLiteral("jet")).toString().toStdString()));
    } catch (const Error&) {
    }
    inspection_->setOverlayVisible(s.value(QStringLiteral("view/overlay"), true).toBool());
    lastExportFolder_ = s.value(QStringLiteral("export/folder")).toString();
    rebuildRecentMenu();
}

void MainWindow::saveSettings() const {
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    enginePanel_->saveSettings(s);
    bankPanel_->saveSettings(s);
    sweepPanel_->saveSettings(s);
    purificationPanel_->saveSettings(s);
    suitePanel_->saveSettings(s);
    suiteQueue_->saveSettings(s);
    trainingPanel_->saveSettings(s);
    histogramPanel_->saveSettings(s);
    s.setValue(QStringLiteral("view/heatmapScale"), QString::fromLatin1(toString(inspection_->heatmapScale())));
    if (sharedDialog_) sharedDialog_->saveSettings(s);
    s.setValue(QStringLiteral("view/overlayMode"),
               inspection_->overlayMode() == InspectionPanel::OverlayMode::NeighbourProduct ? QStringLiteral("neighbours")
                                                                                            : QStringLiteral("map"));
    s.setValue(QStringLiteral("view/opacity"), inspection_->opacity());
    s.setValue(QStringLiteral("view/colorMap"), QString::fromStdString(toString(inspection_->colorMap())));
    s.setValue(QStringLiteral("view/overlay"), inspection_->overlayVisible());
    s.setValue(QStringLiteral("export/folder"), lastExportFolder_);
}

void MainWindow::addRecentFolder(const QString& folder) {
    QSettings s;
    QStringList recent = s.value(QStringLiteral("recentFolders")).toStringList();
    recent.removeAll(folder);
    recent.prepend(folder);
    while (recent.size() > kMaxRecent) recent.removeLast();
    s.setValue(QStringLiteral("recentFolders"), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    if (!recentMenu_) return;
    recentMenu_->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFolders")).toStringList();
    for (const QString& folder : recent) {
        QAction* a = recentMenu_->addAction(QDir::toNativeSeparators(folder));
        connect(a, &QAction::triggered, this, [this, folder] { openDataset(folder); });
    }
    recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::updateActions() {
    const bool haveProduct = workbench_->dataset() && !workbench_->currentProduct().isEmpty();
    buildAction_->setEnabled(haveProduct);
    scoreAction_->setEnabled(haveProduct);
    cancelAction_->setEnabled(controller_->isBusy());
    const bool scored = workbench_->testResult(workbench_->currentProduct()) != nullptr;
    exportCsvAction_->setEnabled(scored);
    exportAllAction_->setEnabled(scored);
    exportHistogramAction_->setEnabled(scored);
    addImagesAction_->setEnabled(workbench_->bank() != nullptr);
    saveBankAction_->setEnabled(workbench_->bank() != nullptr);
    sweepAction_->setEnabled(haveProduct);
    sharedBankAction_->setEnabled(workbench_->dataset() != nullptr);
    auditAction_->setEnabled(haveProduct);
    const bool swept = sweepPanel_->result() != nullptr;
    exportSweepCsvAction_->setEnabled(swept);
    exportSweepPngAction_->setEnabled(swept);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    // Cancel whatever runs and join the engine thread: every engine loop polls its token.
    batch_->cancel();
    controller_->shutdown();
    event->accept();
}

// ----------------------------------------------------------------------------------------- banks

EvaluationOptions MainWindow::engineOptions() const {
    EvaluationOptions o = enginePanel_->options();
    o.bankSpec = bankPanel_->engineSpec(o.backbone.device);
    o.reviewBand = histogramPanel_->reviewRule();
    o.heatmapScale = inspection_->heatmapScale();
    return o;
}

void MainWindow::updateBankEstimate() {
    qint64 train = 0;
    if (workbench_->dataset() && !workbench_->currentProduct().isEmpty()) {
        train = static_cast<qint64>(workbench_->dataset()->count(workbench_->currentProduct().toStdString(), Split::Train));
        const int limit = enginePanel_->options().maxTrainImages;
        if (limit > 0) train = std::min<qint64>(train, limit);
    }
    bankPanel_->setProduct(workbench_->currentProduct(), train);
}

void MainWindow::scheduleProbe() {
    if (enginePanel_->options().requestedFeatures() == shapeFeatures_ && featureShape_.dim > 0) return;
    probeTimer_->start();
}

void MainWindow::probeFeatures() {
    const EvaluationOptions options = enginePanel_->options();
    const FeatureIdentity features = options.requestedFeatures();
    if (features == shapeFeatures_ && featureShape_.dim > 0) return;
    if (!options.backbone.weightsPath.empty() || options.backbone.name == "descriptors") {
        pendingShapeFeatures_ = features;
        bankPanel_->setFeatureShapePending();
        controller_->post<ProbeFeaturesTask>(options);
    }
}

void MainWindow::addImagesToBank(const QStringList& paths) {
    if (workbench_->addImages(paths))
        statusBar()->showMessage(tr("Adding %n image(s) to the bank of %1…", nullptr, static_cast<int>(paths.size()))
                                     .arg(QString::fromStdString(workbench_->bank()->product)));
}

void MainWindow::saveBankTo(const QString& path) { workbench_->saveBank(path); }

void MainWindow::openBankFile(const QString& path) {
    workbench_->setOptions(engineOptions());
    workbench_->openBank(path);
}

void MainWindow::onBankChanged(RequestKind kind, const TrainedBankPtr& bank) {
    const QString product = QString::fromStdString(bank->product);
    enginePanel_->onBankBuilt(bank);
    if (kind == RequestKind::LoadBank) {
        QSignalBlocker block(bankPanel_);
        bankPanel_->setSpec(QString::fromStdString(bank->summary.spec));
    }
    if (kind == RequestKind::BuildBank)
        statusBar()->showMessage(tr("Bank of %1 built from %2 images.").arg(product).arg(bank->summary.trainImages), 8000);
    else if (kind == RequestKind::LoadBank)
        statusBar()->showMessage(tr("Opened the bank of %1 from %2.").arg(product, QString::fromStdString(bank->file)), 8000);
    else
        statusBar()->showMessage(tr("The bank of %1 now holds %2 vectors from %3 images; score again to use them.")
                                     .arg(product)
                                     .arg(bank->summary.vectors)
                                     .arg(bank->summary.trainImages),
                                 8000);
    bankPanel_->setBank(bank);
    bankStatus_->setText(tr("Bank: %1 (%2 vectors, %3)")
                             .arg(product)
                             .arg(bank->summary.vectors)
                             .arg(QLocale().formattedDataSize(static_cast<qint64>(bank->summary.bytes))));
    if (product == workbench_->currentProduct()) applyProductView();
    updateActions();
    emit bankInUseChanged();
}

void MainWindow::raiseDock(QWidget* panel) {
    for (QWidget* w = panel; w; w = w->parentWidget())
        if (auto* dock = qobject_cast<QDockWidget*>(w)) {
            dock->show();
            dock->raise();
            return;
        }
}

// ----------------------------------------------------------------------------------------- experiments

void MainWindow::runBudgetSweep() {
    if (!workbench_->dataset() || workbench_->currentProduct().isEmpty()) {
        statusBar()->showMessage(tr("Open a data set and select a product first."), 6000);
        return;
    }
    const QString problem = sweepPanel_->optionsError();
    if (!problem.isEmpty()) {
        showError(tr("Budget sweep"), problem);
        return;
    }
    raiseDock(sweepPanel_);
    sweepPanel_->setRunning(true);
    controller_->post<BudgetSweepTask>(workbench_->dataset(), workbench_->currentProduct(), engineOptions(), sweepPanel_->options());
}

void MainWindow::showReferenceSet() {
    const QString product = workbench_->currentProduct();
    const ReferenceEdits edits = workbench_->referenceEdits(product);
    const std::vector<Sample> references = workbench_->referenceImages(product);
    purificationPanel_->setReferenceSet(static_cast<int>(references.size()), static_cast<int>(edits.excluded.size()),
                                        static_cast<int>(edits.added.size()),
                                        static_cast<int>(workbench_->unusedTrainingImages(product).size()));
    QStringList paths;
    for (const Sample& s : references) paths << QString::fromStdString(s.path);
    purificationPanel_->setReferencePaths(paths);
}

void MainWindow::runReferenceAction(bool (Workbench::*action)()) {
    workbench_->setOptions(engineOptions());
    // A refusal comes synchronously: it is shown in the dock beside the error box.
    const QMetaObject::Connection refusal =
        connect(workbench_, &Workbench::refused, purificationPanel_,
                [this](const QString&, const QString& reason) { purificationPanel_->setMessage(reason); });
    (workbench_->*action)();
    disconnect(refusal);
}

void MainWindow::auditReferences() {
    workbench_->setOptions(engineOptions());
    raiseDock(purificationPanel_);
    const QMetaObject::Connection refusal =
        connect(workbench_, &Workbench::refused, purificationPanel_,
                [this](const QString&, const QString& reason) { purificationPanel_->setMessage(reason); });
    workbench_->auditReferences(purificationPanel_->auditRule());
    disconnect(refusal);
}

void MainWindow::purifyPatches() {
    workbench_->setOptions(engineOptions());
    const QString product = workbench_->currentProduct();
    if (!workbench_->dataset() || product.isEmpty()) {
        showError(tr("Patch purification"), tr("Open a data set and select a product first."));
        return;
    }
    if (workbench_->referenceImages(product).size() < 2) {
        const QString reason = tr("Patch purification needs at least two reference images of %1; restore the "
                                  "reference set.")
                                   .arg(product);
        purificationPanel_->setMessage(reason);
        showError(tr("Patch purification"), reason);
        return;
    }
    raiseDock(purificationPanel_);
    controller_->post<PurifyPatchesTask>(
        ReferenceSetRequest{workbench_->dataset(), product, engineOptions(), workbench_->referenceEdits(product)},
        purificationPanel_->patchMethod());
}

void MainWindow::screenTrainingFolder() {
    const QString product = workbench_->currentProduct();
    if (!workbench_->dataset() || product.isEmpty()) {
        showError(tr("Training folder screening"), tr("Open a data set and select a product first."));
        return;
    }
    raiseDock(purificationPanel_);
    controller_->post<ScreenTrainingFolderTask>(workbench_->dataset(), product, engineOptions());
}

bool MainWindow::exportSweepCsv(const QString& csvFile) {
    QString error;
    const bool ok = sweepPanel_->exportCsv(csvFile, &error);
    if (!ok) showError(tr("Export failed"), error);
    else statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(csvFile)), 6000);
    emit exportFinished(QStringLiteral("sweep-csv"), ok, ok ? csvFile : error);
    return ok;
}

bool MainWindow::exportSweepChart(const QString& pngFile) {
    QString error;
    const bool ok = sweepPanel_->exportPng(pngFile, &error);
    if (!ok) showError(tr("Export failed"), error);
    else statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(pngFile)), 6000);
    emit exportFinished(QStringLiteral("sweep-png"), ok, ok ? pngFile : error);
    return ok;
}

SharedBankDialog* MainWindow::showSharedBankDialog() {
    if (!sharedDialog_) {
        sharedDialog_ = new SharedBankDialog(this);
        sharedDialog_->setAttribute(Qt::WA_DeleteOnClose);
        QSettings settings;
        sharedDialog_->loadSettings(settings);
        connect(sharedDialog_, &SharedBankDialog::runRequested, this, &MainWindow::runSharedBank);
        connect(sharedDialog_, &QDialog::finished, this, [this] {
            QSettings settings;
            if (sharedDialog_) sharedDialog_->saveSettings(settings);
        });
        connect(sharedDialog_, &SharedBankDialog::datasetFailed, this, [this](const QString& folder, const QString& reason) {
            datasetPanel_->addProblem(tr("shared bank"), folder, reason);
        });
        sharedDialog_->setDataset(workbench_->dataset());
        sharedDialog_->setFeatureShape(featureShape_, enginePanel_->options().maxTrainImages);
    }
    if (sharedDialog_->isVisible()) {
        sharedDialog_->raise();
        sharedDialog_->activateWindow();
    }
    sharedDialog_->show();
    return sharedDialog_;
}

void MainWindow::runSharedBank(SharedBankRequest request) {
    if (request.products.empty()) {
        showError(tr("Shared bank"), tr("Check at least one product."));
        return;
    }
    request.options = engineOptions();
    request.options.bankSpec = "flat";  // every share has its own spec, from the shared-bank settings
    routerPanel_->setRunning(tr("Running a shared bank of %n product(s)…", nullptr, static_cast<int>(request.products.size())));
    raiseDock(routerPanel_);
    controller_->post<SharedBankTask>(request);
}

void MainWindow::onSharedRun(const SharedRunPtr& run) {
    sharedRun_ = run;
    routerPanel_->setRun(run);
    // The run's images join the inspection list; clicking one shows its map (or neighbour products).
    inspectionList_->addAll(run->results);
    raiseDock(routerPanel_);
    const auto& e = run->evaluation;
    statusBar()->showMessage(
        tr("Shared bank of %n product(s): %1 vectors, average wrong-neighbour rate %2 %, routing accuracy %3 %.", nullptr,
           static_cast<int>(e.names.size()))
            .arg(e.bankVectors)
            .arg(100.0 * e.averageWrongNeighbourRate, 0, 'f', 2)
            .arg(e.routing ? 100.0 * e.routing->accuracy() : std::numeric_limits<double>::quiet_NaN(), 0, 'f', 1),
        12000);
    for (const ScoreResultPtr& result : run->results)
        if (!result->images.empty()) {
            showScored(result, 0);
            break;
        }
}

void MainWindow::showSuitePanel() {
    raiseDock(suitePanel_);
    for (QWidget* w = suitePanel_; w; w = w->parentWidget())
        if (auto* d = qobject_cast<QDockWidget*>(w)) {
            if (!d->isFloating() && d->height() < 380) resizeDocks({d}, {420}, Qt::Vertical);
            break;
        }
}

void MainWindow::showTrainingPanel() {
    raiseDock(trainingPanel_);
    for (QWidget* w = trainingPanel_; w; w = w->parentWidget())
        if (auto* d = qobject_cast<QDockWidget*>(w)) {
            if (!d->isFloating() && d->height() < 420) resizeDocks({d}, {460}, Qt::Vertical);
            break;
        }
}

void MainWindow::trainDetector(bool startOver) {
    trainingPanel_->setFeatures(engineOptions());
    showTrainingPanel();
    const std::optional<ReconstructionJob> job = trainingPanel_->job();
    if (!job) {
        // The dock names what is wrong, under its fields.
        statusBar()->showMessage(tr("Train detector: %1").arg(trainingPanel_->errorLabel()->text()), 8000);
        return;
    }
    if (startOver && std::filesystem::exists(job->out)) {
        std::error_code error;
        std::filesystem::remove(job->out, error);
        if (error) {
            showError(tr("Start over"),
                      tr("%1 cannot be removed: %2")
                          .arg(QString::fromStdString(job->out.string()), QString::fromStdString(error.message())));
            return;
        }
    }
    const TrainingFeedPtr feed = TrainingFeed::create();
    trainingPanel_->startRun(*job, feed);
    controller_->post<TrainDetectorTask>(*job, feed);
}

void MainWindow::openDetectorModel(const QString& file) {
    if (file.isEmpty()) return;
    showTrainingPanel();
    controller_->post<ReadTrainingHistoryTask>(file);
    workbench_->setOptions(engineOptions());
    workbench_->scoreWithDetector(file, engineOptions());
}

void MainWindow::useDetectorModel() {
    QString file = trainingPanel_->modelFile();
    if (file.isEmpty()) file = trainingPanel_->outputEdit()->text();
    workbench_->setOptions(engineOptions());
    workbench_->scoreWithDetector(file, trainingPanel_->modelFeatures(), trainingPanel_->modelTestImages());
}

QDialog* MainWindow::showModelsDialog() {
    auto* dialog = new ModelsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ModelsDialog::modelChosen, enginePanel_, &EnginePanel::setBackbone);
    connect(dialog, &ModelsDialog::modelChosen, this, [this](const QString& backbone, const QString& weights) {
        raiseDock(enginePanel_);
        statusBar()->showMessage(tr("Backbone %1 with %2").arg(backbone, QDir::toNativeSeparators(weights)), 8000);
    });
    dialog->open();
    return dialog;
}

}  // namespace pb::ui
