// Compressed banks, shared banks and the router driven through the main window as a user would,
// offscreen, on the generated demo data set (3 products): the bank panel's spec and estimate, building
// a compressed bank and its readout, adding images, saving and opening a bank, the budget-sweep chart
// and its exports, a routed shared-bank run filling the router panel and the neighbour-product overlay,
// and the Models menu. Measures the longest stall of the GUI thread while the engine works.
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTreeWidget>
#include <QUrl>
#include <QtTest/QtTest>

#include "engine/util/BlasKernel.h"
#include <memory>
#include <qcustomplot.h>
#include <tuple>

#include "GuiTestSupport.h"
#include "engine/backbone/DescriptorBackbone.h"
#include "engine/bank/BankSpec.h"
#include "engine/bank/MemoryBank.h"
#include "engine/synth/DemoDatasetGenerator.h"
#include "ui/AppSetup.h"
#include "ui/BankPanel.h"
#include "ui/BudgetSweepPanel.h"
#include "ui/EngineController.h"
#include "ui/EnginePanel.h"
#include "ui/InspectionListPanel.h"
#include "ui/InspectionPanel.h"
#include "ui/MainWindow.h"
#include "ui/Workbench.h"
#include "ui/ModelsDialog.h"
#include "ui/figures/ProductColors.h"
#include "ui/RouterPanel.h"
#include "ui/SharedBankDialog.h"

using namespace pb::ui;
using pb::ui::test::StallMeter;
using pb::ui::test::spin;

namespace {

constexpr int kEngineWaitMs = 60000;
constexpr qint64 kMaxStallMs = 250;  // as MainWindowTest: generous, the machine is shared

// Saves a widget to $PATCHBANK_SCREENSHOT_DIR (the docs' pictures), raising its dock first.
void screenshot(QWidget* widget, const QString& name) {
    for (QWidget* p = widget; p; p = p->parentWidget())
        if (auto* dock = qobject_cast<QDockWidget*>(p)) dock->raise();
    QCoreApplication::processEvents();
    const QString file = QDir(pb::ui::test::screenshotDir()).filePath(name);
    if (!widget->grab().save(file)) qWarning("could not save %s", qPrintable(file));
}

QString stallReport(const StallMeter& meter) {
    return QStringLiteral("longest GUI stall %1 ms over %2 ticks; slowest GUI event %3 ms: %4")
        .arg(meter.maxGapMs())
        .arg(meter.ticks())
        .arg(pb::ui::test::TimingApplication::slowestMs())
        .arg(pb::ui::test::TimingApplication::slowestEvent());
}

}  // namespace

class BankRouterTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void bankSpecRoundTrip();
    void compressedBank();
    void addImages();
    void saveAndOpenBank();
    void budgetSweepChart();
    void sharedBankRouter();
    void modelsMenu();

private:
    bool open(MainWindow& w);
    void useDescriptors(MainWindow& w);
    bool build(MainWindow& w, StallMeter* meter = nullptr);

    QTemporaryDir tmp_;
    QString demoDir_;
};

void BankRouterTest::initTestCase() {
    QVERIFY(tmp_.isValid());
    pb::ui::test::setUpApplication(QStringLiteral("patchbank-ui-bank-tests"), tmp_.filePath(QStringLiteral("settings")));
    demoDir_ = pb::ui::test::generateSmallDemo(tmp_.filePath(QStringLiteral("demo")));
}

bool BankRouterTest::open(MainWindow& w) { return pb::ui::test::openDataset(w, demoDir_); }

void BankRouterTest::useDescriptors(MainWindow& w) {
    EnginePanel* p = w.enginePanel();
    p->backboneBox()->setCurrentText(QStringLiteral("descriptors"));
    p->setCacheDirectory(tmp_.filePath(QStringLiteral("cache")));
    p->cacheCheck()->setChecked(true);
    p->resolutionSpin()->setValue(224);
    p->cropSpin()->setValue(0);
    p->kSpin()->setValue(5);
    p->maxTrainSpin()->setValue(0);
}

bool BankRouterTest::build(MainWindow& w, StallMeter* meter) {
    pb::ui::test::ResultSpy built(w.controller(), RequestKind::BuildBank);
    if (meter) meter->start();
    QTest::mouseClick(w.enginePanel()->buildButton(), Qt::LeftButton);
    const bool ok = built.wait(kEngineWaitMs);
    spin(200);
    if (meter) meter->stop();
    if (!ok) qWarning("no bank: %s", qPrintable(w.lastError()));
    return ok;
}

void BankRouterTest::bankSpecRoundTrip() {
    BankPanel panel;
    // Every spec comes back in its normalised spelling, through the widgets.
    const QList<QPair<QString, QString>> specs = {
        {QStringLiteral("flat"), QStringLiteral("flat")},
        {QStringLiteral("coreset:1/16"), QStringLiteral("coreset:0.0625")},
        {QStringLiteral("random:4096,seed=3"), QStringLiteral("random:4096,seed=3")},
        {QStringLiteral("kmeans:18MB"), QStringLiteral("kmeans:18MB")},
        {QStringLiteral("vwcoreset:0.1,alpha=2,proj=64"), QStringLiteral("vwcoreset:0.1,proj=64,alpha=2")},
        {QStringLiteral("kmeans_residual:0.25,iter=10"), QStringLiteral("kmeans_residual:0.25,iter=10")},
        {QStringLiteral("ivfpq:nlist=64,m=4,nbits=6,nprobe=8"), QStringLiteral("ivfpq:nlist=64,m=4,nbits=6,nprobe=8")},
    };
    for (const auto& [given, normalised] : specs) {
        QVERIFY2(panel.setSpec(given), qPrintable(panel.specError()));
        QCOMPARE(panel.spec(), normalised);
        QCOMPARE(panel.specEdit()->text(), normalised);
        QCOMPARE(QString::fromStdString(pb::parseBankSpec(panel.spec().toStdString()).toString()), normalised);
    }
    // The widgets hold the parts.
    QVERIFY(panel.setSpec(QStringLiteral("ivfpq:nlist=64,m=4,nbits=6,nprobe=8")));
    QCOMPARE(panel.methodBox()->currentData().toString(), QStringLiteral("ivfpq"));
    QCOMPARE(panel.nlistSpin()->value(), 64);
    QCOMPARE(panel.mSpin()->value(), 4);
    QCOMPARE(panel.nbitsSpin()->value(), 6);
    QCOMPARE(panel.nprobeSpin()->value(), 8);
    QVERIFY(panel.setSpec(QStringLiteral("kmeans:18MB")));
    QCOMPARE(panel.unitBox()->currentIndex(), 2);
    QCOMPARE(panel.budgetSpin()->value(), 18.0);
    // Editing the widgets edits the spec.
    QSignalSpy changed(&panel, &BankPanel::specChanged);
    panel.methodBox()->setCurrentIndex(panel.methodBox()->findData(QStringLiteral("coreset")));
    panel.unitBox()->setCurrentIndex(0);
    panel.budgetSpin()->setValue(0.125);
    QCOMPARE(panel.spec(), QStringLiteral("coreset:0.125"));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.last().at(0).toString(), QStringLiteral("coreset:0.125"));
    // The compressors run where the engine runs; the spec itself does not change.
    QCOMPARE(QString::fromStdString(panel.engineSpec("cuda")), QStringLiteral("coreset:0.125,device=cuda"));
    QCOMPARE(QString::fromStdString(panel.engineSpec("cpu")), QStringLiteral("coreset:0.125"));
    // A spec typed by hand.
    panel.specEdit()->setText(QStringLiteral("random:1/8,seed=5"));
    emit panel.specEdit()->editingFinished();
    QCOMPARE(panel.spec(), QStringLiteral("random:0.125,seed=5"));
    // A malformed spec is refused, naming the bad part; the widgets keep the last good one.
    QVERIFY(!panel.setSpec(QStringLiteral("coreset:1.5")));
    QVERIFY2(panel.specError().contains(QStringLiteral("1.5")), qPrintable(panel.specError()));
    QVERIFY(!panel.setSpec(QStringLiteral("hnsw:32")));
    QVERIFY(panel.specError().contains(QStringLiteral("hnsw")));
    QCOMPARE(panel.spec(), QStringLiteral("random:0.125,seed=5"));

    // The estimate: training images x patches per image x dim, then the spec's budget.
    panel.setSpec(QStringLiteral("coreset:0.0625"));
    panel.setProduct(QStringLiteral("carpet"), 10);
    pb::ui::FeatureShape shape;
    shape.dim = 71;
    shape.gridHeight = shape.gridWidth = 28;
    panel.setFeatureShape(shape);
    QVERIFY(panel.hasEstimate());
    QCOMPARE(panel.currentEstimate().vectors, std::size_t(490));  // int(7840 / 16)
    QCOMPARE(panel.currentEstimate().bytes, std::size_t(490 * 71 * 4));
    QCOMPARE(panel.currentEstimate().compressionRatio, 16.0);
    QVERIFY(panel.estimateText().contains(QLocale().toString(490 * 71 * 4)));
    // IVF-PQ: m must divide the dimension (71 is prime).
    panel.setSpec(QStringLiteral("ivfpq:nlist=100,m=8,nbits=8,nprobe=4"));
    QVERIFY(!panel.hasEstimate());
    QVERIFY(panel.estimateText().contains(QStringLiteral("does not divide")));
    panel.setSpec(QStringLiteral("ivfpq:nlist=100,m=71,nbits=8,nprobe=4"));
    QVERIFY(panel.hasEstimate());
    QCOMPARE(panel.currentEstimate().bytes, std::size_t(7840 * (71 + 8) + 100 * 71 * 4 + 256 * 71 * 4));

    // The new panels speak German and Spanish too.
    for (const auto& [code, save, accuracy] :
         {std::tuple{QStringLiteral("de"), QStringLiteral("Bank speichern…"), QStringLiteral("Routing-Genauigkeit")},
          std::tuple{QStringLiteral("es"), QStringLiteral("Guardar banco…"), QStringLiteral("Precisión del enrutamiento")}}) {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/patchbank_%1.qm").arg(code)));
        QCOMPARE(translator.translate("pb::ui::BankPanel", "Save bank…"), save);
        QCOMPARE(translator.translate("pb::ui::RouterPanel", "Routing accuracy"), accuracy);
        QVERIFY(!translator.translate("pb::ui::MainWindow", "Adding %n image(s) to the bank of %1…", nullptr, 2).isEmpty());
    }

    // Persisted with the window: the bank spec, the sweep's budgets, the shared-bank settings.
    {
        auto w = pb::ui::test::showMainWindow();
        w->bankPanel()->setSpec(QStringLiteral("kmeans_residual:2048,seed=4"));
        w->sweepPanel()->fractionsEdit()->setText(QStringLiteral("1/8, 1/2"));
        w->sweepPanel()->methodCheck(QStringLiteral("ivfpq"))->setChecked(true);
        SharedBankDialog* d = w->showSharedBankDialog();
        d->compressorBox()->setCurrentIndex(d->compressorBox()->findData(QStringLiteral("kmeans")));
        d->budgetSpin()->setValue(2.5);
        d->allocatorBox()->setCurrentIndex(d->allocatorBox()->findData(QStringLiteral("proportional")));
        d->routeCheck()->setChecked(false);
        w->inspection()->setOverlayMode(InspectionPanel::OverlayMode::NeighbourProduct);
        QVERIFY(w->close());
    }
    auto w = pb::ui::test::showMainWindow();
    QCOMPARE(w->bankPanel()->spec(), QStringLiteral("kmeans_residual:2048,seed=4"));
    QCOMPARE(w->bankPanel()->unitBox()->currentIndex(), 1);
    QCOMPARE(w->sweepPanel()->fractionsEdit()->text(), QStringLiteral("1/8, 1/2"));
    QVERIFY(w->sweepPanel()->methodCheck(QStringLiteral("ivfpq"))->isChecked());
    QVERIFY(w->inspection()->overlayMode() == InspectionPanel::OverlayMode::NeighbourProduct);
    SharedBankDialog* d = w->showSharedBankDialog();
    QCOMPARE(d->compressorBox()->currentData().toString(), QStringLiteral("kmeans"));
    QCOMPARE(d->budgetSpin()->value(), 2.5);
    QCOMPARE(d->allocatorBox()->currentData().toString(), QStringLiteral("proportional"));
    QVERIFY(!d->routeCheck()->isChecked());
    QCOMPARE(w->engineOptions().bankSpec, std::string("kmeans_residual:2048,seed=4"));
}

void BankRouterTest::compressedBank() {
    auto w = pb::ui::test::showMainWindow();
    QVERIFY(open(*w));
    useDescriptors(*w);
    QVERIFY(w->bankPanel()->setSpec(QStringLiteral("coreset:0.1")));
    // Before building: the estimate from 10 images x 28 x 28 patches x 71 dimensions (measured by the engine).
    QTRY_VERIFY_WITH_TIMEOUT(w->bankPanel()->hasEstimate(), 20000);
    QCOMPARE(w->featureShape().dim, pb::DescriptorBackbone::dim());
    QCOMPARE(w->featureShape().patches(), std::size_t(28 * 28));
    const auto estimate = w->bankPanel()->currentEstimate();
    QCOMPARE(estimate.vectors, std::size_t(784));
    QVERIFY(w->bankPanel()->estimateText().contains(QLocale().toString(7840)));

    StallMeter meter;
    QElapsedTimer clock;
    clock.start();
    QVERIFY(build(*w, &meter));
    qInfo("compressed bank (coreset 0.1 of 7,840 patches) built in %lld ms; %s", clock.elapsed(),
          qPrintable(stallReport(meter)));
    QVERIFY2(meter.maxGapMs() < kMaxStallMs, qPrintable(stallReport(meter)));

    // The readout shows the real bank: its bytes are the model's, and the estimate was exact.
    const auto& model = *w->workbench()->bank()->model;
    QCOMPARE(QString::fromStdString(model.bankSpec()), QStringLiteral("coreset:0.1"));
    QCOMPARE(model.bankPatches(), std::size_t(784));
    QCOMPARE(w->bankPanel()->shownBankBytes(), static_cast<qint64>(model.bankBytes()));
    QCOMPARE(static_cast<std::size_t>(w->bankPanel()->shownBankBytes()), estimate.bytes);
    QVERIFY2(w->bankPanel()->bankText().contains(QLocale().toString(static_cast<qulonglong>(model.bankBytes()))),
             qPrintable(w->bankPanel()->bankText()));
    QVERIFY(w->bankPanel()->bankText().contains(QStringLiteral("%1×").arg(model.compressionRatio(), 0, 'f', 1)));
    QCOMPARE(model.compressionRatio(), 10.0);

    // Scoring uses this bank (no second build) and the nearest patches point into it.
    pb::ui::test::ResultSpy built(w->controller(), RequestKind::BuildBank);
    pb::ui::test::ResultSpy scored(w->controller(), RequestKind::ScoreTestSet);
    QTest::mouseClick(w->enginePanel()->scoreButton(), Qt::LeftButton);
    QVERIFY(scored.wait(kEngineWaitMs));
    QCOMPARE(built.size(), 0);
    const ScoreResultPtr result = w->workbench()->testResult(QStringLiteral("carpet"));
    QVERIFY(result);
    QCOMPARE(result->images.size(), std::size_t(10));
    for (const auto& img : result->images)
        for (std::int64_t row : img.nearestPatch) QVERIFY(row >= 0 && row < 784);

    // Another spec: the estimate follows at once, the bank in use is still the built one.
    QVERIFY(w->bankPanel()->setSpec(QStringLiteral("random:1000")));
    QCOMPARE(w->bankPanel()->currentEstimate().vectors, std::size_t(1000));
    QCOMPARE(w->bankPanel()->shownBankBytes(), static_cast<qint64>(model.bankBytes()));
    screenshot(w->bankPanel(), QStringLiteral("bank-panel.png"));
}

void BankRouterTest::addImages() {
    auto w = pb::ui::test::showMainWindow();
    QVERIFY(open(*w));
    useDescriptors(*w);
    w->enginePanel()->maxTrainSpin()->setValue(6);
    QVERIFY(w->bankPanel()->setSpec(QStringLiteral("random:0.25")));
    QVERIFY(build(*w));
    const qint64 before = w->bankPanel()->shownBankBytes();
    QCOMPARE(w->workbench()->bank()->summary.vectors, std::size_t(6 * 784 / 4));
    QVERIFY(w->bankPanel()->addImagesButton()->isEnabled());

    // The four training images the limit left out, through "Add images to bank".
    const auto train = w->workbench()->dataset()->select("carpet", pb::Split::Train);
    QStringList extra;
    for (std::size_t i = 6; i < train.size(); ++i) extra << QString::fromStdString(train[i].path);
    QCOMPARE(extra.size(), 4);
    pb::ui::test::ResultSpy changed(w->controller(), {RequestKind::AddImages, RequestKind::LoadBank});
    StallMeter meter;
    meter.start();
    w->addImagesToBank(extra.mid(0, 3));
    QVERIFY(changed.wait(kEngineWaitMs));
    spin(200);
    meter.stop();
    qInfo("adding 3 images: %s", qPrintable(stallReport(meter)));
    QVERIFY2(meter.maxGapMs() < kMaxStallMs, qPrintable(stallReport(meter)));
    QVERIFY(changed.last().at(1).value<RequestKind>() == RequestKind::AddImages);
    // The same fraction of the new patches joins the bank; nothing is rebuilt.
    QCOMPARE(w->workbench()->bank()->summary.trainImages, std::size_t(9));
    QCOMPARE(w->workbench()->bank()->summary.vectors, std::size_t(6 * 784 / 4 + 3 * 784 / 4));
    QCOMPARE(w->workbench()->bank()->summary.sourcePatches, std::size_t(9 * 784));
    const qint64 after = w->bankPanel()->shownBankBytes();
    QVERIFY(after > before);
    QCOMPARE(after, static_cast<qint64>(w->workbench()->bank()->model->bankBytes()));
    QVERIFY(w->bankPanel()->bankText().contains(QLocale().toString(static_cast<qulonglong>(after))));

    // Dropping an image with Shift held adds it to the bank (without Shift it would be scored).
    auto* mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(extra.last())});
    QDragEnterEvent enter(QPoint(500, 400), Qt::CopyAction, mime, Qt::LeftButton, Qt::ShiftModifier);
    QApplication::sendEvent(w.get(), &enter);
    QDropEvent drop(QPointF(500, 400), Qt::CopyAction, mime, Qt::LeftButton, Qt::ShiftModifier);
    QApplication::sendEvent(w.get(), &drop);
    QVERIFY(changed.wait(kEngineWaitMs));
    delete mime;
    QCOMPARE(w->workbench()->bank()->summary.trainImages, std::size_t(10));
    QCOMPARE(w->bankPanel()->shownBankBytes(), static_cast<qint64>(w->workbench()->bank()->model->bankBytes()));
    QCOMPARE(w->inspectionList()->count(), 0);  // nothing was scored

    // An unreadable file: the error names it; the bank is unchanged.
    const QString broken = tmp_.filePath(QStringLiteral("broken.png"));
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a png");
    f.close();
    const std::size_t vectors = w->workbench()->bank()->summary.vectors;
    QSignalSpy error(w.get(), &MainWindow::engineError);
    w->addImagesToBank({broken});
    QVERIFY(error.wait(kEngineWaitMs));
    QVERIFY2(w->lastError().contains(QStringLiteral("broken.png")), qPrintable(w->lastError()));
    QCOMPARE(w->workbench()->bank()->summary.vectors, vectors);
}

void BankRouterTest::saveAndOpenBank() {
    auto w = pb::ui::test::showMainWindow();
    QVERIFY(open(*w));
    useDescriptors(*w);
    QVERIFY(w->bankPanel()->setSpec(QStringLiteral("kmeans:200,iter=5")));
    QVERIFY(build(*w));
    const std::size_t bytes = w->workbench()->bank()->summary.bytes;

    const QString file = tmp_.filePath(QStringLiteral("banks/carpet.bank.safetensors"));
    pb::ui::test::ResultSpy saved(w->controller(), RequestKind::SaveBank);
    w->saveBankTo(file);
    QVERIFY(saved.wait(kEngineWaitMs));
    QVERIFY(QFileInfo::exists(file));
    QCOMPARE(pb::readBank(file.toStdString()).bank->bytes(), bytes);

    // Built from other features (another resolution): refused, the message names the file and the field.
    QSignalSpy error(w.get(), &MainWindow::engineError);
    w->enginePanel()->resolutionSpin()->setValue(256);
    w->openBankFile(file);
    QVERIFY(error.wait(kEngineWaitMs));
    QVERIFY2(w->lastError().contains(QStringLiteral("carpet.bank.safetensors")), qPrintable(w->lastError()));
    QVERIFY2(w->lastError().contains(QStringLiteral("resolution")), qPrintable(w->lastError()));

    // A file that is not a bank.
    const QString junk = tmp_.filePath(QStringLiteral("junk.safetensors"));
    QFile f(junk);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("junk");
    f.close();
    QSignalSpy error2(w.get(), &MainWindow::engineError);
    w->openBankFile(junk);
    QVERIFY(error2.wait(kEngineWaitMs));
    QVERIFY2(w->lastError().contains(QStringLiteral("junk.safetensors")), qPrintable(w->lastError()));

    // The right settings: opened, shown, and scored without building.
    w->enginePanel()->resolutionSpin()->setValue(224);
    w->bankPanel()->setSpec(QStringLiteral("flat"));
    pb::ui::test::ResultSpy changed(w->controller(), {RequestKind::AddImages, RequestKind::LoadBank});
    w->openBankFile(file);
    QVERIFY(changed.wait(kEngineWaitMs));
    QVERIFY(changed.last().at(1).value<RequestKind>() == RequestKind::LoadBank);
    QCOMPARE(w->workbench()->bank()->summary.bytes, bytes);
    QCOMPARE(w->bankPanel()->spec(), QStringLiteral("kmeans:200,iter=5"));  // the panel follows the file
    QVERIFY(w->bankPanel()->bankText().contains(QStringLiteral("carpet.bank.safetensors")));
    pb::ui::test::ResultSpy built(w->controller(), RequestKind::BuildBank);
    pb::ui::test::ResultSpy scored(w->controller(), RequestKind::ScoreTestSet);
    w->scoreTestSet();
    QVERIFY(scored.wait(kEngineWaitMs));
    QCOMPARE(built.size(), 0);
    QCOMPARE(scored.last().at(0).value<ScoreResultPtr>()->images.size(), std::size_t(10));
}

void BankRouterTest::budgetSweepChart() {
    auto w = pb::ui::test::showMainWindow();
    QVERIFY(open(*w));
    useDescriptors(*w);
    w->enginePanel()->maxTrainSpin()->setValue(4);  // 3,136 training patches keep the IVF-PQ training short
    BudgetSweepPanel* sweep = w->sweepPanel();
    for (const QString& m : {QStringLiteral("random"), QStringLiteral("coreset"), QStringLiteral("vwcoreset"),
                             QStringLiteral("kmeans"), QStringLiteral("kmeans_residual"), QStringLiteral("ivfpq")})
        sweep->methodCheck(m)->setChecked(m == QLatin1String("random") || m == QLatin1String("coreset") ||
                                          m == QLatin1String("ivfpq"));
    sweep->fractionsEdit()->setText(QStringLiteral("1/16, 1/4"));

    pb::ui::test::ResultSpy finished(w->controller(), RequestKind::BudgetSweep);
    StallMeter meter;
    QElapsedTimer clock;
    clock.start();
    meter.start();
    QTest::mouseClick(sweep->runButton(), Qt::LeftButton);
    QVERIFY(sweep->cancelButton()->isEnabled());
    QVERIFY(finished.wait(kEngineWaitMs));
    spin(200);
    meter.stop();
    qInfo("budget sweep (flat + 2 x 2 compressors + 2 IVF-PQ, carpet, 4 training images): %lld ms; %s", clock.elapsed(),
          qPrintable(stallReport(meter)));
    QVERIFY2(meter.maxGapMs() < kMaxStallMs, qPrintable(stallReport(meter)));

    const BudgetSweepResultPtr result = sweep->result();
    QVERIFY(result);
    for (const auto& p : result->points)
        qInfo("  %-40s %9.4f MB  image AUROC %.4f  build %.2f s  search %.2f s", p.spec.c_str(), p.megabytes,
              p.imageAuroc, p.buildSeconds, p.searchSeconds);
    QCOMPARE(result->points.size(), std::size_t(1 + 4 + 2));
    QCOMPARE(sweep->plottedPoints(QStringLiteral("flat")), 1);
    QCOMPARE(sweep->plottedPoints(QStringLiteral("random")), 2);
    QCOMPARE(sweep->plottedPoints(QStringLiteral("coreset")), 2);
    QCOMPARE(sweep->plottedPoints(QStringLiteral("ivfpq")), 2);
    QCOMPARE(sweep->chart()->graphCount(), 4);
    QVERIFY(sweep->chart()->xAxis->scaleType() == QCPAxis::stLogarithmic);
    // The chart's points are the sweep's (MB, AUROC).
    QCPGraph* coreset = sweep->chart()->graph(2);
    QCOMPARE(coreset->name(), QStringLiteral("coreset"));
    QCOMPARE(coreset->data()->at(0)->key, result->points[3].megabytes);
    QCOMPARE(coreset->data()->at(0)->value, result->points[3].imageAuroc);
    QVERIFY(!sweep->cancelButton()->isEnabled());

    screenshot(sweep, QStringLiteral("budget-sweep.png"));
    // Exports (File > Export and the chart's context menu call these).
    const QString csv = tmp_.filePath(QStringLiteral("sweep/carpet_budget_sweep.csv"));
    QVERIFY(QDir().mkpath(QFileInfo(csv).absolutePath()));
    QVERIFY(w->exportSweepCsv(csv));
    const auto rows = pb::ui::test::readCsv(csv);
    QCOMPARE(rows.size(), 1 + 7);
    QCOMPARE(rows[0].at(0), QStringLiteral("product"));
    QCOMPARE(rows[1].at(1), QStringLiteral("flat"));
    QCOMPARE(rows[4].at(2), QStringLiteral("coreset:0.0625"));
    QCOMPARE(rows[4].at(5), QString::number(result->points[3].bytes));
    const QString png = tmp_.filePath(QStringLiteral("sweep/carpet_budget_sweep.png"));
    QVERIFY(w->exportSweepChart(png));
    const QImage chart(png);
    QVERIFY(!chart.isNull());
    QVERIFY(chart.width() >= 900);
    // Unwritable target: the error names the file.
    QVERIFY(!w->exportSweepCsv(tmp_.filePath(QStringLiteral("no-such-dir/x/sweep.csv"))) ||
            QFileInfo::exists(tmp_.filePath(QStringLiteral("no-such-dir/x/sweep.csv"))));

    // Cancel: a long sweep (every method, five budgets, pixel AUROC) stops within about a second.
    for (QCheckBox* c : sweep->findChildren<QCheckBox*>()) c->setChecked(true);
    sweep->fractionsEdit()->setText(QStringLiteral("1/64, 1/32, 1/16, 1/8, 1/4, 1/2"));
    w->enginePanel()->resolutionSpin()->setValue(448);
    QSignalSpy progress(w->controller(), &EngineController::progress);
    QSignalSpy cancelled(w->controller(), &EngineController::cancelled);
    QTest::mouseClick(sweep->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(progress.begin(), progress.end(),
                                         [](const QList<QVariant>& a) {
                                             return a.at(0).value<RequestKind>() == RequestKind::BudgetSweep &&
                                                    a.at(2).toLongLong() > 0;
                                         }),
                             30000);
    clock.restart();
    QTest::mouseClick(sweep->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(cancelled.begin(), cancelled.end(),
                                         [](const QList<QVariant>& a) {
                                             return a.at(0).value<RequestKind>() == RequestKind::BudgetSweep;
                                         }),
                             10000);
    qInfo("sweep cancelled after %lld ms", clock.elapsed());
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(sweep->statusLabel()->text().contains(QStringLiteral("cancelled")));
    QCOMPARE(sweep->result(), result);  // the finished sweep stays on the chart
}

void BankRouterTest::sharedBankRouter() {
    auto w = pb::ui::test::showMainWindow();
    QVERIFY(open(*w));
    useDescriptors(*w);
    QTRY_VERIFY_WITH_TIMEOUT(w->featureShape().dim > 0, 20000);

    SharedBankDialog* d = w->showSharedBankDialog();
    QCOMPARE(d->checkedProducts(), (QStringList{QStringLiteral("carpet"), QStringLiteral("metal_plate"),
                                                QStringLiteral("wood")}));
    d->compressorBox()->setCurrentIndex(d->compressorBox()->findData(QStringLiteral("coreset")));
    d->budgetSpin()->setValue(1.0);  // 3,692 vectors of 71 dims for 23,520 patches
    d->allocatorBox()->setCurrentIndex(d->allocatorBox()->findData(QStringLiteral("uniform")));
    d->routeCheck()->setChecked(true);
    d->metricBox()->setCurrentIndex(d->metricBox()->findData(QStringLiteral("l2")));
    QVERIFY(d->findChild<QLabel*>(QStringLiteral("sharedBudgetHint"))->text().contains(QLocale().toString(3692)));

    // Another data-set folder lists its products (unchecked); the same folder again is listed once.
    const QString other = tmp_.filePath(QStringLiteral("demo-other"));
    pb::DemoDatasetOptions small;
    small.trainPerProduct = 2;
    small.testGoodPerProduct = 1;
    small.testDefectPerProduct = 1;
    pb::generateDemoDataset(other.toStdString(), small);
    QSignalSpy added(d, &SharedBankDialog::datasetAdded);
    d->addDatasetFolder(other);
    QVERIFY(added.wait(20000));
    QCOMPARE(d->productTree()->topLevelItemCount(), 2);
    d->addDatasetFolder(demoDir_ + QStringLiteral("/../demo"));
    QTRY_VERIFY_WITH_TIMEOUT(d->statusLabel()->text().contains(QStringLiteral("listed already")), 20000);
    QCOMPARE(d->productTree()->topLevelItemCount(), 2);
    QCOMPARE(d->checkedProducts().size(), 3);
    // The same product name from two data sets is refused before anything runs.
    QVERIFY(d->setProductChecked(QStringLiteral("wood"), true));
    QVERIFY(d->problem().contains(QStringLiteral("wood")));
    QSignalSpy refused(d, &SharedBankDialog::runRequested);
    QTest::mouseClick(d->runButton(), Qt::LeftButton);
    QCOMPARE(refused.size(), 0);
    QVERIFY(d->statusLabel()->text().contains(QStringLiteral("wood")));
    d->productTree()->topLevelItem(1)->setCheckState(0, Qt::Unchecked);  // the whole second data set
    QVERIFY(d->problem().isEmpty());
    QCOMPARE(d->request().products.size(), std::size_t(3));

    pb::ui::test::ResultSpy evaluated(w->controller(), RequestKind::SharedBank);
    StallMeter meter;
    QElapsedTimer clock;
    clock.start();
    meter.start();
    QTest::mouseClick(d->runButton(), Qt::LeftButton);
    QVERIFY(evaluated.wait(kEngineWaitMs));
    spin(300);
    meter.stop();
    qInfo("shared bank of 3 demo products (coreset, 1 MB, routed): %lld ms; %s", clock.elapsed(),
          qPrintable(stallReport(meter)));
    QVERIFY2(meter.maxGapMs() < kMaxStallMs, qPrintable(stallReport(meter)));

    const SharedRunPtr run = w->sharedRun();
    QVERIFY(run);
    const auto& e = run->evaluation;
    QVERIFY(e.routed);
    QCOMPARE(e.names.size(), std::size_t(3));
    QCOMPARE(e.bankVectors, std::size_t(3692));
    RouterPanel* router = w->routerPanel();
    QCOMPARE(router->run(), run);

    // Confusion: the demo's products are told apart by their mean embedding: the diagonal holds the test counts.
    QTableWidget* confusion = router->confusionTable();
    QCOMPARE(confusion->rowCount(), 3);
    QCOMPARE(confusion->columnCount(), 3);
    for (int t = 0; t < 3; ++t) {
        QCOMPARE(confusion->verticalHeaderItem(t)->text(), QString::fromStdString(e.names[t]));
        for (int r = 0; r < 3; ++r)
            QCOMPARE(confusion->item(t, r)->text(), t == r ? QStringLiteral("10") : QStringLiteral("0"));
        QVERIFY(confusion->item(t, t)->background().color() != QColor(Qt::white));  // heat-coloured
    }
    QCOMPARE(e.routing->accuracy(), 1.0);
    QVERIFY2(router->summaryText().contains(QStringLiteral("routing accuracy 100.0 %")), qPrintable(router->summaryText()));
    QVERIFY(router->summaryText().contains(QLocale().toString(static_cast<qulonglong>(e.routerBytes))));
    QCOMPARE(e.routerBytes, std::size_t(3 * 71 * 4));

    // Images: one row per test image, sortable by margin, none wrongly routed.
    QTableWidget* images = router->imagesTable();
    QCOMPARE(images->rowCount(), 30);
    QCOMPARE(router->wrongRoutes(), 0);
    images->sortByColumn(RouterPanel::MarginColumn, Qt::AscendingOrder);
    double previous = -1.0;
    for (int r = 0; r < images->rowCount(); ++r) {
        const double margin = images->item(r, RouterPanel::MarginColumn)->data(Qt::UserRole).toDouble();
        QVERIFY(margin >= previous);
        previous = margin;
        QCOMPARE(images->item(r, RouterPanel::RoutedColumn)->text(), images->item(r, RouterPanel::TrueColumn)->text());
    }
    const auto sum = [](const QVector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); };
    QCOMPARE(sum(router->correctCounts()) + sum(router->wrongCounts()), 30.0);

    // Products: WNR per product and the average; routed search never leaves the product's share.
    QTableWidget* products = router->productsTable();
    QCOMPARE(products->rowCount(), 4);
    for (int p = 0; p < 3; ++p) {
        QCOMPARE(products->item(p, RouterPanel::WnrColumn)->data(Qt::UserRole).toDouble(), 0.0);
        QCOMPARE(products->item(p, RouterPanel::RoutingColumn)->text(), QStringLiteral("100.0 %"));
        QCOMPARE(products->item(p, RouterPanel::VectorsColumn)->data(Qt::UserRole).toDouble(),
                 static_cast<double>(e.allocation[static_cast<std::size_t>(p)]));
    }
    QCOMPARE(products->item(3, RouterPanel::WnrColumn)->data(Qt::UserRole).toDouble(), e.averageWrongNeighbourRate);

    // The inspection list holds the run's images; a click in the router table shows one with its map.
    QCOMPARE(w->inspectionList()->count(), 30);
    const int row = 7;
    const int p = images->item(row, RouterPanel::ImageColumn)->data(RouterPanel::ProductRole).toInt();
    const int i = images->item(row, RouterPanel::ImageColumn)->data(RouterPanel::IndexRole).toInt();
    const QString path = QString::fromStdString(run->results[p]->images[i].sample.path);
    w->inspection()->setOverlayMode(InspectionPanel::OverlayMode::AnomalyMap);
    images->setCurrentCell(row, RouterPanel::ScoreColumn);
    QTRY_VERIFY_WITH_TIMEOUT(w->inspection()->isScored() && w->inspection()->currentPath() == path, 10000);
    QCOMPARE(w->inspection()->result(), run->results[p]);
    QVERIFY(!w->inspection()->showsNeighbourProducts());

    // Neighbour product: every patch in the colour of its nearest neighbour's product, with a legend.
    w->inspection()->setOverlayMode(InspectionPanel::OverlayMode::NeighbourProduct);
    QVERIFY(w->inspection()->showsNeighbourProducts());
    const QImage overlay = w->inspection()->neighbourImage();
    const pb::ScoredImage& img = run->results[p]->images[i];
    QCOMPARE(overlay.width(), img.originalWidth);
    QCOMPARE(overlay.height(), img.originalHeight);
    for (int gy = 0; gy < img.gridHeight; gy += 5)
        for (int gx = 0; gx < img.gridWidth; gx += 5) {
            const int x = static_cast<int>((gx + 0.5) * img.originalWidth / img.gridWidth);
            const int y = static_cast<int>((gy + 0.5) * img.originalHeight / img.gridHeight);
            const int tag = img.nearestTag[static_cast<std::size_t>(gy * img.gridWidth + gx)];
            QCOMPARE(QColor(overlay.pixel(x, y)), productColor(tag));
        }
    for (const auto& name : e.names) QVERIFY(w->inspection()->legendText().contains(QString::fromStdString(name)));
    spin(200);
    screenshot(w.get(), QStringLiteral("neighbour-product-overlay.png"));
    router->tabs()->setCurrentIndex(1);
    screenshot(router, QStringLiteral("router-confusion.png"));
    router->tabs()->setCurrentIndex(0);

    // Without routing the whole shared bank is searched: pollution shows as a wrong-neighbour rate.
    SharedBankDialog* again = w->showSharedBankDialog();
    again->routeCheck()->setChecked(false);
    QTest::mouseClick(again->runButton(), Qt::LeftButton);
    QVERIFY(evaluated.wait(kEngineWaitMs));
    const SharedRunPtr polluted = w->sharedRun();
    QVERIFY(!polluted->evaluation.routed);
    QVERIFY(polluted->evaluation.averageWrongNeighbourRate >= 0.0);
    qInfo("demo shared bank WNR without routing: %.4f (routed: %.4f)", polluted->evaluation.averageWrongNeighbourRate,
          e.averageWrongNeighbourRate);
    QVERIFY(router->summaryText().contains(QStringLiteral("whole shared bank")));
    // The images of the new run replaced the old ones in the inspection list.
    QCOMPARE(w->inspectionList()->count(), 30);

    // Cancel (the engine panel's button, as Esc): the run stops, the last results stay.
    w->enginePanel()->resolutionSpin()->setValue(448);  // features not cached yet: a longer run
    QSignalSpy progress(w->controller(), &EngineController::progress);
    QSignalSpy cancelled(w->controller(), &EngineController::cancelled);
    QTest::mouseClick(w->showSharedBankDialog()->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(progress.begin(), progress.end(),
                                         [](const QList<QVariant>& a) {
                                             return a.at(0).value<RequestKind>() == RequestKind::SharedBank &&
                                                    a.at(2).toLongLong() > 0;
                                         }),
                             30000);
    clock.restart();
    QTest::mouseClick(w->enginePanel()->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(cancelled.begin(), cancelled.end(),
                                         [](const QList<QVariant>& a) {
                                             return a.at(0).value<RequestKind>() == RequestKind::SharedBank;
                                         }),
                             10000);
    qInfo("shared-bank run cancelled after %lld ms", clock.elapsed());
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(router->summaryText().contains(QStringLiteral("cancelled")));
    QCOMPARE(w->sharedRun(), polluted);
}

void BankRouterTest::modelsMenu() {
    auto w = pb::ui::test::showMainWindow();
    // Tools > Models… opens the dialog; "Use this model" fills the engine panel.
    QMenu* tools = nullptr;
    for (QAction* a : w->menuBar()->actions())
        if (a->menu() && a->menu()->actions().contains(w->modelsAction())) tools = a->menu();
    QVERIFY(tools);
    w->modelsAction()->trigger();
    ModelsDialog* dialog = w->findChild<ModelsDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    const QString weights = tmp_.filePath(QStringLiteral("models/dinov2/model.safetensors"));
    emit dialog->modelChosen(QStringLiteral("dinov2"), weights);
    QCOMPARE(w->enginePanel()->backboneBox()->currentText(), QStringLiteral("dinov2"));
    QCOMPARE(w->enginePanel()->weightsEdit()->text(), weights);
    dialog->close();

    // The Vision Transformers are in the list, with a block to tap and their options.
    for (const QString& vit : {QStringLiteral("dinov3"), QStringLiteral("dinov2"), QStringLiteral("clip_vit")})
        QVERIFY(w->enginePanel()->backboneBox()->findText(vit) >= 0);
    w->enginePanel()->layersEdit()->setText(QStringLiteral("-6"));
    w->enginePanel()->finalNormCheck()->setChecked(true);
    w->enginePanel()->precisionBox()->setCurrentIndex(w->enginePanel()->precisionBox()->findData(QStringLiteral("bf16")));
    w->enginePanel()->cropSpin()->setValue(196);
    QVERIFY(w->enginePanel()->finalNormCheck()->isVisibleTo(w->enginePanel()));
    const pb::EvaluationOptions o = w->engineOptions();
    QCOMPARE(o.backbone.name, std::string("dinov2"));
    QCOMPARE(o.backbone.layers, std::vector<std::string>{"-6"});
    QVERIFY(o.backbone.finalNorm);
    QCOMPARE(o.backbone.precision, std::string("bf16"));
    QCOMPARE(o.crop, 196);
    // The missing weights file is reported by the backbone check, naming it.
    QSignalSpy error(w.get(), &MainWindow::engineError);
    QVERIFY(error.wait(kEngineWaitMs));
    QVERIFY2(w->lastError().contains(QStringLiteral("dinov2")), qPrintable(w->lastError()));
    // A CNN hides the transformer options.
    w->enginePanel()->backboneBox()->setCurrentText(QStringLiteral("descriptors"));
    QVERIFY(!w->enginePanel()->finalNormCheck()->isVisibleTo(w->enginePanel()));
}

int main(int argc, char** argv) {
    pb::selectBlasKernel(argv);
    pb::ui::test::TimingApplication app(argc, argv);
    BankRouterTest test;
    return QTest::qExec(&test, argc, argv);
}
#include "BankRouterTest.moc"
