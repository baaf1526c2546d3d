// The desktop application driven as a user would: open a folder, build a bank, score the test set,
// move the threshold, export PNG and CSV, drop images, hit errors, cancel, close mid-run, restart.
// Runs offscreen; asserts on the widgets and on the exported files, and measures the longest stall
// of the GUI event loop while the engine works.
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
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
#include <algorithm>
#include <cmath>
#include <memory>

#include <qcustomplot.h>
#include "GuiTestSupport.h"
#include "engine/backbone/Backbone.h"
#include "engine/experiments/ScoredImagesSummary.h"
#include "engine/image/ColorMap.h"
#include "engine/image/ImageDecoder.h"
#include "engine/io/CsvWriter.h"
#include "engine/scoring/AnomalyMap.h"
#include "engine/synth/DemoDatasetGenerator.h"
#include "ui/AboutDialog.h"
#include "ui/AppSetup.h"
#include "ui/BatchExporter.h"
#include "ui/DatasetPanel.h"
#include "ui/EngineController.h"
#include "ui/EnginePanel.h"
#include "ui/HistogramPanel.h"
#include "ui/ImageBrowser.h"
#include "ui/InspectionListPanel.h"
#include "ui/InspectionPanel.h"
#include "ui/InspectionView.h"
#include "ui/MainWindow.h"
#include "ui/NearestPatchView.h"
#include "ui/PurificationPanel.h"
#include "ui/ReferencePatchView.h"
#include "ui/SampleFilter.h"
#include "ui/SampleListModel.h"
#include "ui/ScoreHistogram.h"
#include "ui/ThumbnailCache.h"
#include "ui/Workbench.h"

using namespace pb::ui;
using pb::ui::test::StallMeter;
using pb::ui::test::spin;

namespace {

constexpr int kEngineWaitMs = 120000;
// The GUI thread must never freeze; the bound is generous because test machines are shared.
constexpr qint64 kMaxStallMs = 250;

QString mobilenetWeights() {
    const QString shared = pb::ui::test::sharedDir();
    const QString file =
        QDir(shared).filePath(QStringLiteral("weights/mobilenetv2_100_imagenet_from_int8.safetensors"));
    return !shared.isEmpty() && QFileInfo::exists(file) ? file : QString();
}

bool known(const QString& backbone) {
    const auto names = pb::knownBackbones();
    return std::find(names.begin(), names.end(), backbone.toStdString()) != names.end();
}

bool copyFile(const QString& from, const QString& to) {
    QDir().mkpath(QFileInfo(to).absolutePath());
    return QFile::exists(to) || QFile::copy(from, to);
}

// The demo's carpet with two of its defective test images among the training images: a reference set
// the audit must flag. Returns the data set folder.
QString contaminatedDemo(const QString& dir, QStringList* contaminants) {
    pb::ui::test::generateSmallDemo(dir);
    const QDir carpet(QDir(dir).filePath(QStringLiteral("carpet")));
    QStringList defects =
        QDir(carpet.filePath(QStringLiteral("test"))).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    defects.removeAll(QStringLiteral("good"));
    for (int i = 0; i < 2 && i < defects.size(); ++i) {
        const QString to =
            carpet.filePath(QStringLiteral("train/good/%1a_contaminant.png").arg(3 * i + 2, 3, 10, QLatin1Char('0')));
        if (copyFile(carpet.filePath(QStringLiteral("test/%1/000.png").arg(defects[i])), to)) contaminants->append(to);
    }
    return dir;
}

// A small MVTec-layout bottle in `dir`: 27 normal training images of the real one and 3 of its defective
// test images (one per defect type) as further "good" references, with 20 normal and 15 defective test
// images (the contaminants left out) and their masks. Empty when ../shared has no bottle.
QString contaminatedBottle(const QString& dir, QStringList* contaminants) {
    const QString shared = pb::ui::test::sharedDir();
    const QDir bottle(QDir(shared).filePath(QStringLiteral("data/mvtec_ad/bottle")));
    if (shared.isEmpty() || !bottle.exists(QStringLiteral("train/good"))) return QString();
    const QDir out(QDir(dir).filePath(QStringLiteral("bottle")));
    const QStringList train = QDir(bottle.filePath(QStringLiteral("train/good")))
                                  .entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
    for (int i = 0; i < 27 && i < train.size(); ++i)
        if (!copyFile(bottle.filePath(QStringLiteral("train/good/") + train[i]),
                      out.filePath(QStringLiteral("train/good/") + train[i])))
            return QString();
    for (const QString& good : QDir(bottle.filePath(QStringLiteral("test/good")))
                                   .entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name))
        if (!copyFile(bottle.filePath(QStringLiteral("test/good/") + good),
                      out.filePath(QStringLiteral("test/good/") + good)))
            return QString();
    for (const QString defect :
         {QStringLiteral("broken_large"), QStringLiteral("broken_small"), QStringLiteral("contamination")}) {
        const QString to = out.filePath(QStringLiteral("train/good/%1_000.png").arg(defect));
        if (!copyFile(bottle.filePath(QStringLiteral("test/%1/000.png").arg(defect)), to)) return QString();
        contaminants->append(to);
        for (int i = 1; i <= 5; ++i) {
            const QString name = QStringLiteral("%1").arg(i, 3, 10, QLatin1Char('0'));
            if (!copyFile(bottle.filePath(QStringLiteral("test/%1/%2.png").arg(defect, name)),
                          out.filePath(QStringLiteral("test/%1/%2.png").arg(defect, name))) ||
                !copyFile(bottle.filePath(QStringLiteral("ground_truth/%1/%2_mask.png").arg(defect, name)),
                          out.filePath(QStringLiteral("ground_truth/%1/%2_mask.png").arg(defect, name))))
                return QString();
        }
    }
    return dir;
}

QDockWidget* dockOf(QWidget* panel) {
    for (QWidget* w = panel; w; w = w->parentWidget())
        if (auto* dock = qobject_cast<QDockWidget*>(w)) return dock;
    return nullptr;
}

void closeMessageBoxes(QWidget& window) {
    for (QMessageBox* box : window.findChildren<QMessageBox*>()) box->close();
}

}  // namespace

class MainWindowTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void demoWorkflow();
    void engineErrors();
    void cancelAndClose();
    void settingsPersist();
    void translations();
    void browserScales();
    void reviewBandAndHeatmapScale();
    void mvtecBottle();
    void screenshots();
    void purificationPanel();
    void purificationScreenshots();

private:
    bool open(MainWindow& w, const QString& folder);
    void configure(MainWindow& w, const QString& backbone, const QString& weights, int maxTrain, bool cache,
                   const QString& cacheDir = QString());
    bool buildAndScore(MainWindow& w, StallMeter* meter, qint64* seconds = nullptr);
    void dragThreshold(MainWindow& w, double target);
    void checkExports(MainWindow& w, const QString& folder);
    void checkImageExport(MainWindow& w, const QString& folder);

    QTemporaryDir tmp_;
    QString demoDir_;
};

void MainWindowTest::initTestCase() {
    QVERIFY(tmp_.isValid());
    pb::ui::test::setUpApplication(QStringLiteral("patchbank-ui-tests"), tmp_.filePath(QStringLiteral("settings")));
    demoDir_ = pb::ui::test::generateSmallDemo(tmp_.filePath(QStringLiteral("demo")));
}

bool MainWindowTest::open(MainWindow& w, const QString& folder) { return pb::ui::test::openDataset(w, folder); }

void MainWindowTest::configure(MainWindow& w, const QString& backbone, const QString& weights, int maxTrain,
                               bool cache, const QString& cacheDir) {
    EnginePanel* p = w.enginePanel();
    p->backboneBox()->setCurrentText(backbone);
    p->weightsEdit()->setText(weights);
    if (!weights.isEmpty()) emit p->weightsEdit()->editingFinished();  // as when the user leaves the field
    p->maxTrainSpin()->setValue(maxTrain);
    p->setCacheDirectory(cacheDir.isEmpty() ? tmp_.filePath(QStringLiteral("cache")) : cacheDir);
    p->cacheCheck()->setChecked(cache);
    p->resolutionSpin()->setValue(224);
    p->kSpin()->setValue(5);
}

bool MainWindowTest::buildAndScore(MainWindow& w, StallMeter* meter, qint64* seconds) {
    pb::ui::test::ResultSpy built(w.controller(), RequestKind::BuildBank);
    pb::ui::test::ResultSpy scored(w.controller(), RequestKind::ScoreTestSet);
    QElapsedTimer clock;
    clock.start();
    if (meter) meter->start();
    QTest::mouseClick(w.enginePanel()->buildButton(), Qt::LeftButton);
    if (!built.wait(kEngineWaitMs)) {
        qWarning("no bank: %s", qPrintable(w.lastError()));
        return false;
    }
    QTest::mouseClick(w.enginePanel()->scoreButton(), Qt::LeftButton);
    if (!scored.wait(kEngineWaitMs)) {
        qWarning("no scores: %s", qPrintable(w.lastError()));
        return false;
    }
    if (built.size() != 1) {  // scoring must reuse the bank just built, not build another
        qWarning("the bank was built %d times", static_cast<int>(built.size()));
        return false;
    }
    // Let the result reach every view (histogram, browser, inspection) before the stall meter stops.
    spin(300);
    if (meter) meter->stop();
    if (seconds) *seconds = clock.elapsed();
    return true;
}

void MainWindowTest::dragThreshold(MainWindow& w, double target) {
    ScoreHistogram* h = w.histogramPanel()->histogram();
    h->replot();
    const int y = h->axisRect()->rect().center().y();
    const QPoint from(static_cast<int>(h->pixelOf(w.workbench()->imageThreshold())), y);
    const QPoint to(static_cast<int>(std::lround(h->pixelOf(target))), y);
    QTest::mousePress(h, Qt::LeftButton, {}, from);
    QTest::mouseMove(h, (from + to) / 2);
    QTest::mouseMove(h, to);
    QTest::mouseRelease(h, Qt::LeftButton, {}, to);
}

void MainWindowTest::reviewBandAndHeatmapScale() {
    auto w = pb::ui::test::showMainWindow();
    QVERIFY(open(*w, demoDir_));
    configure(*w, QStringLiteral("descriptors"), QString(), 0, true);
    w->histogramPanel()->reviewRuleBox()->setCurrentIndex(0);
    QVERIFY(buildAndScore(*w, nullptr));
    const QString product = w->workbench()->currentProduct();
    const ScoreResultPtr result = w->workbench()->testResult(product);
    QVERIFY(result);
    ScoreHistogram* h = w->histogramPanel()->histogram();
    QVERIFY(!h->reviewBand().defined());

    // "From labels": T2 at the F1-optimal threshold, shown on the histogram at once.
    w->histogramPanel()->reviewRuleBox()->setCurrentIndex(2);
    pb::ReviewBand band = w->workbench()->state(product)->reviewBand;
    QVERIFY(band.defined());
    QCOMPARE(band.high, result->metrics.imageF1Threshold);
    QCOMPARE(h->reviewBand().low, band.low);
    QVERIFY(w->histogramPanel()->reviewText().contains(QStringLiteral("review")));

    // Drag T1 down to the lowest score: every image below T2 is now "review".
    std::vector<double> scores;
    for (const auto& img : result->images) scores.push_back(img.score);
    const double lowest = *std::min_element(scores.begin(), scores.end());
    h->replot();
    const int y = h->axisRect()->rect().center().y();
    const QPoint from(static_cast<int>(std::lround(h->pixelOf(band.low))), y);
    const QPoint to(static_cast<int>(std::lround(h->pixelOf(lowest))) - 2, y);
    QTest::mousePress(h, Qt::LeftButton, {}, from);
    QTest::mouseMove(h, (from + to) / 2);
    QTest::mouseMove(h, to);
    QTest::mouseRelease(h, Qt::LeftButton, {}, to);
    band = w->workbench()->state(product)->reviewBand;
    QVERIFY2(band.low <= lowest, qPrintable(QStringLiteral("T1 %1, lowest score %2").arg(band.low).arg(lowest)));
    QCOMPARE(band.high, result->metrics.imageF1Threshold);  // T2 stayed

    // The verdict in the browser and the inspection headline.
    w->browser()->showSubset(product, static_cast<int>(pb::Split::Test), QString());
    const auto below = std::find_if(result->images.begin(), result->images.end(),
                                    [&](const pb::ScoredImage& img) { return img.score < band.high; });
    QVERIFY(below != result->images.end());
    const QString path = QString::fromStdString(below->sample.path);
    QVERIFY(w->browser()->selectPath(path));
    QTRY_VERIFY_WITH_TIMEOUT(w->inspection()->isScored() && w->inspection()->currentPath() == path, 10000);
    QVERIFY2(w->inspection()->verdictText().contains(QStringLiteral("REVIEW")), qPrintable(w->inspection()->verdictText()));
    const QModelIndex at = w->browser()->view()->currentIndex();
    QCOMPARE(w->browser()->model()->data(at, SampleListModel::VerdictRole).toInt(), static_cast<int>(pb::Verdict::Review));

    // The data-set colour scale: the Workbench asks for the leave-one-out scores, then the view's scale
    // is median .. p99.9 of the normal patch scores.
    QSignalSpy loo(w->workbench(), &Workbench::leaveOneOutChanged);
    w->findChild<QComboBox*>(QStringLiteral("heatmapScaleCombo"))->setCurrentIndex(1);
    QVERIFY(loo.wait(kEngineWaitMs));
    const pb::MapRange normal = pb::mapRangeFromNormalPatches(w->workbench()->leaveOneOut(product)->patches);
    QTRY_COMPARE(w->inspection()->renderSettings().low, normal.low);
    QCOMPARE(w->inspection()->renderSettings().high, normal.high);
    w->findChild<QComboBox*>(QStringLiteral("heatmapScaleCombo"))->setCurrentIndex(0);
    QCOMPARE(w->inspection()->renderSettings().high, pb::mapRangeOfImages(result->images).high);
    w->histogramPanel()->reviewRuleBox()->setCurrentIndex(0);
}

void MainWindowTest::checkImageExport(MainWindow& w, const QString& folder) {
    InspectionPanel* inspection = w.inspection();
    QVERIFY(inspection->isScored());
    QSignalSpy exported(&w, &MainWindow::exportFinished);
    QVERIFY(w.exportCurrentImages(folder));
    QVERIFY(exported.wait(30000));
    QCOMPARE(exported.last().at(1).toBool(), true);

    const pb::ScoredImage& img = inspection->result()->images[static_cast<std::size_t>(inspection->resultIndex())];
    const QString stem = QDir(folder).filePath(QFileInfo(QString::fromStdString(img.sample.path)).completeBaseName());
    const cv::Mat original = pb::decodeImageRgb(img.sample.path);
    const cv::Mat heat = pb::decodeImageRgb((stem + QStringLiteral("_heatmap.png")).toStdString());
    const cv::Mat overlay = pb::decodeImageRgb((stem + QStringLiteral("_overlay.png")).toStdString());
    const cv::Mat mask = pb::decodeMask((stem + QStringLiteral("_mask.png")).toStdString());
    // Everything at the original resolution, never the network's.
    QCOMPARE(heat.cols, original.cols);
    QCOMPARE(heat.rows, original.rows);
    QCOMPARE(overlay.size(), original.size());
    QCOMPARE(mask.size(), original.size());
    // The heatmap is the map brought back to the original pixels in the chosen colour map and scale.
    const cv::Mat full = pb::toOriginalSize(img.map, original.cols, original.rows);
    const auto settings = inspection->renderSettings();
    const cv::Mat expectedHeat = pb::applyColorMap(full, settings.low, settings.high, settings.colorMap);
    QCOMPARE(cv::norm(heat, expectedHeat, cv::NORM_INF), 0.0);
    // The mask is exactly the pixels at or above the pixel threshold in view.
    const cv::Mat expectedMask = full >= static_cast<float>(inspection->pixelThreshold());
    QCOMPARE(cv::countNonZero(mask), cv::countNonZero(expectedMask));
}

void MainWindowTest::checkExports(MainWindow& w, const QString& folder) {
    const ScoreResultPtr result = w.workbench()->testResult(w.workbench()->currentProduct());
    QVERIFY(result);
    const double threshold = w.workbench()->imageThreshold();

    // CSV: one row per test image; "predicted" follows the threshold the user moved.
    QVERIFY(w.exportCsv(folder));
    const auto scores = pb::ui::test::readCsv(QDir(folder).filePath(QStringLiteral("scores.csv")));
    QCOMPARE(scores.size(), static_cast<int>(result->images.size()) + 1);
    QCOMPARE(scores[0], (QStringList{"product", "image", "defect", "label", "score", "predicted", "image_threshold",
                                     "verdict", "review_low", "review_high", "routed_product", "route_margin"}));
    int flagged = 0;
    for (int r = 1; r < scores.size(); ++r) {
        const double score = scores[r][4].toDouble();
        QCOMPARE(scores[r][5], score >= threshold ? QStringLiteral("1") : QStringLiteral("0"));
        QCOMPARE(scores[r][6], QString::fromStdString(pb::CsvWriter::number(threshold, 8)));
        flagged += scores[r][5] == QLatin1String("1");
    }
    QVERIFY(w.histogramPanel()->confusionText().contains(
        QStringLiteral("%1 of %2 images flagged").arg(flagged).arg(result->images.size())));
    const auto metrics = pb::ui::test::readCsv(QDir(folder).filePath(QStringLiteral("metrics.csv")));
    QCOMPARE(metrics.size(), 2);
    const int auroc = metrics[0].indexOf(QStringLiteral("image_auroc"));
    QVERIFY(auroc >= 0);
    QCOMPARE(metrics[1][auroc], QString::fromStdString(pb::CsvWriter::number(result->metrics.imageAuroc)));
    const int pixelAuroc = metrics[0].indexOf(QStringLiteral("pixel_auroc"));
    QCOMPARE(metrics[1][pixelAuroc], QString::fromStdString(pb::CsvWriter::number(result->metrics.pixelAuroc)));

    // PNG of the image in view.
    checkImageExport(w, QDir(folder).filePath(QStringLiteral("current")));
    if (QTest::currentTestFailed()) return;

    // Histogram PNG.
    const QString histogram = QDir(folder).filePath(QStringLiteral("histogram.png"));
    QVERIFY(w.exportHistogram(histogram));
    const QImage plot(histogram);
    QVERIFY(!plot.isNull());
    QVERIFY(plot.width() >= 800);

    // Every map of the product, in the background with progress.
    QSignalSpy batch(&w, &MainWindow::exportFinished);
    QSignalSpy progress(w.batchExporter(), &BatchExporter::progress);
    const QString maps = QDir(folder).filePath(QStringLiteral("maps"));
    QVERIFY(w.exportAllMaps(maps));
    QVERIFY(batch.wait(kEngineWaitMs));
    QCOMPARE(batch.last().at(0).toString(), QStringLiteral("maps"));
    QCOMPARE(batch.last().at(1).toBool(), true);
    QVERIFY(!progress.isEmpty());
    int files = 0;
    QDirIterator it(maps, {QStringLiteral("*.png")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++files;
    }
    QCOMPARE(files, 3 * static_cast<int>(result->images.size()));
}

void MainWindowTest::demoWorkflow() {
    auto w = pb::ui::test::showMainWindow();
    QVERIFY(open(*w, demoDir_));

    // Tree: the data set, its three products with their splits and defect types.
    QTreeWidget* tree = w->datasetPanel()->tree();
    QCOMPARE(tree->topLevelItemCount(), 1);
    QTreeWidgetItem* top = tree->topLevelItem(0);
    QCOMPARE(top->childCount(), 3);
    QCOMPARE(top->text(1), QStringLiteral("60"));
    QCOMPARE(top->child(0)->text(0), QStringLiteral("carpet"));
    QCOMPARE(w->workbench()->currentProduct(), QStringLiteral("carpet"));
    QCOMPARE(w->browser()->model()->matchingCount(), 20);
    QCOMPARE(w->datasetPanel()->problemCount(), 0);

    // The tree selects the product the engine works on; the browser filters follow.
    tree->setCurrentItem(top->child(2));
    QCOMPARE(w->workbench()->currentProduct(), QStringLiteral("wood"));
    QCOMPARE(w->enginePanel()->product(), QStringLiteral("wood"));
    tree->setCurrentItem(top->child(0));
    QCOMPARE(w->workbench()->currentProduct(), QStringLiteral("carpet"));

    configure(*w, QStringLiteral("descriptors"), QString(), 0, true);
    StallMeter meter;
    qint64 ms = 0;
    QVERIFY(buildAndScore(*w, &meter, &ms));
    qInfo("demo (carpet, descriptors, 10 train + 10 test): build + score %lld ms, longest GUI stall %lld ms over %lld ticks; "
          "slowest GUI event %lld ms: %s",
          ms, meter.maxGapMs(), meter.ticks(), pb::ui::test::TimingApplication::slowestMs(),
          qPrintable(pb::ui::test::TimingApplication::slowestEvent()));
    QVERIFY2(meter.maxGapMs() < kMaxStallMs, qPrintable(QStringLiteral("GUI stalled %1 ms").arg(meter.maxGapMs())));

    QCOMPARE(w->workbench()->bank()->model->trainImages(), std::size_t(10));
    QVERIFY(w->enginePanel()->bankLabel()->text().contains(QStringLiteral("carpet")));
    QVERIFY(w->enginePanel()->stageLabel()->text().startsWith(QStringLiteral("Done")));
    const ScoreResultPtr result = w->workbench()->testResult(QStringLiteral("carpet"));
    QVERIFY(result);
    QCOMPARE(result->images.size(), std::size_t(10));

    // Histogram: 4 normal and 6 anomalous scores; metrics shown live.
    ScoreHistogram* h = w->histogramPanel()->histogram();
    const auto sum = [](const QVector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); };
    QCOMPARE(sum(h->normalCounts()), 4.0);
    QCOMPARE(sum(h->anomalousCounts()), 6.0);
    QVERIFY(w->histogramPanel()->metricsText().contains(QString::number(result->metrics.imageAuroc, 'f', 4)));
    QVERIFY(w->histogramPanel()->metricsText().contains(QString::number(result->metrics.aupro30, 'f', 4)));
    QVERIFY(w->histogramPanel()->f1Button()->isEnabled());
    QCOMPARE(w->workbench()->imageThreshold(), result->metrics.imageF1Threshold);

    // The browser shows the scores; sorting by score puts the highest first.
    SampleListModel* model = w->browser()->model();
    w->browser()->showSubset(QStringLiteral("carpet"), static_cast<int>(pb::Split::Test), QString());
    QCOMPARE(model->matchingCount(), 10);
    w->browser()->findChild<QCheckBox*>(QStringLiteral("sortByScore"))->setChecked(true);
    double previous = std::numeric_limits<double>::infinity();
    for (int r = 0; r < model->rowCount(); ++r) {
        const double s = model->index(r).data(SampleListModel::ScoreRole).toDouble();
        QVERIFY(s <= previous);
        previous = s;
    }

    // The inspection view shows a scored image with its verdict.
    w->browser()->selectPath(QString::fromStdString(result->images[5].sample.path));
    QTRY_VERIFY_WITH_TIMEOUT(w->inspection()->isScored() && w->inspection()->currentPath() ==
                                 QString::fromStdString(result->images[5].sample.path), 10000);

    // Move the image threshold by dragging the line to the median score.
    std::vector<double> sorted;
    for (const auto& img : result->images) sorted.push_back(img.score);
    std::sort(sorted.begin(), sorted.end());
    const double target = 0.5 * (sorted[4] + sorted[5]);
    const double before = w->workbench()->imageThreshold();
    dragThreshold(*w, target);
    const double after = w->workbench()->imageThreshold();
    QVERIFY(after != before);
    const double pixelWidth = (h->xAxis->range().size()) / h->axisRect()->width();
    QVERIFY2(std::abs(after - target) <= 2 * pixelWidth, qPrintable(QStringLiteral("%1 vs %2").arg(after).arg(target)));
    QCOMPARE(h->threshold(), after);
    const double shownScore = result->images[5].score;
    QVERIFY(w->inspection()->verdictText().contains(shownScore >= after ? QStringLiteral("ANOMALOUS")
                                                                        : QStringLiteral("NORMAL")));
    // F1-optimal button puts it back.
    QTest::mouseClick(w->histogramPanel()->f1Button(), Qt::LeftButton);
    QCOMPARE(w->workbench()->imageThreshold(), result->metrics.imageF1Threshold);
    dragThreshold(*w, target);

    // Pixel threshold: the spin box moves the predicted outline at once.
    auto* pixelSpin = w->inspection()->findChild<QDoubleSpinBox*>(QStringLiteral("pixelThresholdSpin"));
    const double pixel = 0.5 * (result->mapRange.low + result->mapRange.high);
    pixelSpin->setValue(pixel);
    QCOMPARE(w->inspection()->pixelThreshold(), pixelSpin->value());

    // Exports: CSV, current image PNGs, histogram, every map.
    checkExports(*w, tmp_.filePath(QStringLiteral("demo-export")));
    if (QTest::currentTestFailed()) return;

    // Keyboard: next image, overlay toggle, zoom.
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w.get()));
    QVERIFY(w->browser()->selectPath(model->index(0).data(SampleListModel::PathRole).toString()));
    const QString first = w->browser()->currentPath();
    QTest::keyClick(w.get(), Qt::Key_N);
    QCOMPARE(w->browser()->currentPath(), model->index(1).data(SampleListModel::PathRole).toString());
    QTest::keyClick(w.get(), Qt::Key_P);
    QCOMPARE(w->browser()->currentPath(), first);
    const bool overlay = w->inspection()->overlayVisible();
    QTest::keyClick(w.get(), Qt::Key_O);
    QCOMPARE(w->inspection()->overlayVisible(), !overlay);
    QTest::keyClick(w.get(), Qt::Key_O);
    const double zoom = w->inspection()->view()->zoom();
    QTest::keyClick(w.get(), Qt::Key_Plus);
    QVERIFY(w->inspection()->view()->zoom() > zoom);
    QTest::keyClick(w.get(), Qt::Key_0, Qt::ControlModifier);

    // Drag and drop an image file: scored against the bank, shown, listed.
    const QString dropped = tmp_.filePath(QStringLiteral("dropped.png"));
    QVERIFY(QFile::copy(QString::fromStdString(result->images[0].sample.path), dropped));
    pb::ui::test::ResultSpy filesScored(w->controller(), RequestKind::ScoreFiles);
    auto* mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(dropped)});
    QDragEnterEvent enter(QPoint(500, 400), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(w.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(500, 400), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(w.get(), &drop);
    QVERIFY(filesScored.wait(kEngineWaitMs));
    delete mime;
    QCOMPARE(w->inspectionList()->count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(w->inspection()->currentPath(), dropped, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(w->inspection()->isScored(), 10000);
    // The same pixels as a test image score the same against the same bank.
    const ScoreResultPtr droppedResult = w->inspection()->result();
    QCOMPARE(droppedResult->images[0].score, result->images[0].score);
    QVERIFY(w->inspection()->verdictText().startsWith(QStringLiteral("Score")));

    // Paste a picture (no file behind it): scored the same way, listed too.
    pb::ui::test::ResultSpy pasted(w->controller(), RequestKind::ScoreFiles);
    QApplication::clipboard()->setImage(QImage(QString::fromStdString(result->images[1].sample.path)));
    QTest::keyClick(w.get(), Qt::Key_V, Qt::ControlModifier);
    QVERIFY(pasted.wait(kEngineWaitMs));
    QCOMPARE(w->inspectionList()->count(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(w->inspection()->isScored(), 10000);
    QCOMPARE(w->inspection()->result()->images[0].score, result->images[1].score);

    // The feature cache holds the training and test features now.
    // Entries are keyed by file content: 10 training + 10 test images, the dropped byte-for-byte copy
    // hits the cache, the pasted picture (re-encoded by Qt) is one more.
    w->enginePanel()->refreshCacheStatus();
    QTRY_VERIFY_WITH_TIMEOUT(w->enginePanel()->cacheLabel()->text().contains(QStringLiteral("21 entries")), 10000);

    // The About box names the library versions.
    AboutDialog about(w.get());
    for (const QString& name : {QStringLiteral("Qt"), QStringLiteral("LibTorch"), QStringLiteral("FAISS"),
                                QStringLiteral("OpenCV")})
        QVERIFY(about.versionsText().contains(name));
    QVERIFY(about.versionsText().contains(QString::fromLatin1(qVersion())));
    // ... and the BLAS with the kernel it runs, so that a slow machine explains itself.
    QVERIFY2(about.versionsText().contains(QStringLiteral("<td>BLAS</td>")), qPrintable(about.versionsText()));
    const std::string kernel = pb::BlasLibrary::current().kernel;
    if (!kernel.empty())
        QVERIFY2(about.versionsText().contains(QString::fromStdString(kernel + " kernels")),
                 qPrintable(about.versionsText()));
}

void MainWindowTest::engineErrors() {
    auto w = pb::ui::test::showMainWindow();
    QVERIFY(open(*w, demoDir_));
    configure(*w, QStringLiteral("descriptors"), QString(), 0, false);

    // A folder that does not exist: the reason is shown and the window goes on.
    {
        QSignalSpy error(w.get(), &MainWindow::engineError);
        w->openDataset(tmp_.filePath(QStringLiteral("no-such-folder")));
        QVERIFY(error.wait(30000));
        QVERIFY(w->lastError().contains(QStringLiteral("no-such-folder")));
        QCOMPARE(w->workbench()->dataset()->root, demoDir_.toStdString());
    }

    // A weights file that is not one: validated on the engine thread, rejected with the reason.
    if (known(QStringLiteral("mobilenetv2_100"))) {
        const QString bad = tmp_.filePath(QStringLiteral("bad.safetensors"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a safetensors file");
        f.close();
        QSignalSpy error(w.get(), &MainWindow::engineError);
        w->enginePanel()->backboneBox()->setCurrentText(QStringLiteral("mobilenetv2_100"));
        w->enginePanel()->weightsEdit()->setText(bad);
        emit w->enginePanel()->weightsEdit()->editingFinished();
        QVERIFY(error.wait(30000));
        QVERIFY2(w->lastError().contains(QStringLiteral("bad.safetensors")), qPrintable(w->lastError()));
        QTRY_VERIFY(w->enginePanel()->weightsStatus()->text().startsWith(QStringLiteral("✗")));
        bool boxShown = false;
        for (QMessageBox* box : w->findChildren<QMessageBox*>())
            boxShown = boxShown || (box->isVisible() && box->text() == w->lastError());
        QVERIFY(boxShown);
        // Building with it fails the same way; the GUI stays usable.
        QSignalSpy error2(w.get(), &MainWindow::engineError);
        QTest::mouseClick(w->enginePanel()->buildButton(), Qt::LeftButton);
        QVERIFY(error2.wait(30000));
        QVERIFY(w->lastError().contains(QStringLiteral("bad.safetensors")));
        QVERIFY(!w->workbench()->bank());
        w->enginePanel()->backboneBox()->setCurrentText(QStringLiteral("descriptors"));
    }

    // A pretrained backbone without weights runs, but never silently on random weights.
    w->enginePanel()->setBackbone(QStringLiteral("mobilenetv2_100"), QString());
    QVERIFY2(w->enginePanel()->weightsStatus()->text().contains(QStringLiteral("random weights")),
             qPrintable(w->enginePanel()->weightsStatus()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(w->enginePanel()->weightsStatus()->toolTip().contains(QStringLiteral("random(")), 30000);
    QVERIFY2(w->enginePanel()->weightsStatus()->text().contains(QStringLiteral("random weights")),
             qPrintable(w->enginePanel()->weightsStatus()->text()));
    w->enginePanel()->setBackbone(QStringLiteral("descriptors"), QString());

    // Back to a working backbone: build works.
    pb::ui::test::ResultSpy built(w->controller(), RequestKind::BuildBank);
    QTest::mouseClick(w->enginePanel()->buildButton(), Qt::LeftButton);
    QVERIFY(built.wait(kEngineWaitMs));

    // An unreadable dropped image: the reason names the file, the problems view lists it.
    const QString corrupt = tmp_.filePath(QStringLiteral("corrupt.png"));
    QFile c(corrupt);
    QVERIFY(c.open(QIODevice::WriteOnly));
    c.write("\x89PNG\r\n\x1a\n garbage");
    c.close();
    QSignalSpy error(w.get(), &MainWindow::engineError);
    const int problems = w->datasetPanel()->problemCount();
    w->scoreFiles({corrupt});
    QVERIFY(error.wait(30000));
    QVERIFY2(w->lastError().contains(QStringLiteral("corrupt.png")), qPrintable(w->lastError()));
    QCOMPARE(w->datasetPanel()->problemCount(), problems + 1);
    QVERIFY(w->datasetPanel()->problems()->item(problems, 1)->text().contains(QStringLiteral("corrupt.png")));

    // Still usable: scoring the test set works after the errors.
    pb::ui::test::ResultSpy scored(w->controller(), RequestKind::ScoreTestSet);
    QTest::mouseClick(w->enginePanel()->scoreButton(), Qt::LeftButton);
    QVERIFY(scored.wait(kEngineWaitMs));
}

void MainWindowTest::cancelAndClose() {
    // Enough work that the engine is still busy when Cancel arrives: a larger demo data set.
    const QString big = tmp_.filePath(QStringLiteral("demo-big"));
    pb::DemoDatasetOptions options;
    options.trainPerProduct = 120;
    options.testGoodPerProduct = 2;
    options.testDefectPerProduct = 2;
    options.imageSize = 320;
    pb::generateDemoDataset(big.toStdString(), options);

    auto w = pb::ui::test::showMainWindow();
    QVERIFY(open(*w, big));
    configure(*w, QStringLiteral("descriptors"), QString(), 0, false);
    w->enginePanel()->resolutionSpin()->setValue(448);

    // Cancel: the engine stops at its next step.
    QSignalSpy progress(w->controller(), &EngineController::progress);
    QSignalSpy cancelled(w->controller(), &EngineController::cancelled);
    QTest::mouseClick(w->enginePanel()->buildButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(progress.begin(), progress.end(),
                                         [](const QList<QVariant>& a) { return a.at(2).toLongLong() > 0; }),
                             30000);
    QVERIFY(w->enginePanel()->cancelButton()->isEnabled());
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(w->enginePanel()->cancelButton(), Qt::LeftButton);
    QVERIFY(cancelled.wait(10000));
    const qint64 cancelMs = clock.elapsed();
    qInfo("cancel took %lld ms", cancelMs);
    QVERIFY2(cancelMs < 1500, qPrintable(QStringLiteral("cancel took %1 ms").arg(cancelMs)));
    QTRY_VERIFY(!w->controller()->isBusy());
    QVERIFY(w->enginePanel()->stageLabel()->text().contains(QStringLiteral("cancelled")));
    QVERIFY(!w->workbench()->bank());

    // A newer request of the same kind supersedes the older one.
    pb::ui::test::ResultSpy built(w->controller(), RequestKind::BuildBank);
    w->enginePanel()->resolutionSpin()->setValue(224);
    w->enginePanel()->maxTrainSpin()->setValue(40);
    w->buildBank();
    w->enginePanel()->maxTrainSpin()->setValue(20);
    w->buildBank();
    QVERIFY(built.wait(kEngineWaitMs));
    QTest::qWait(200);
    QCOMPARE(built.size(), 1);
    QCOMPARE(w->workbench()->bank()->model->trainImages(), std::size_t(20));

    // Closing the window mid-run cancels and joins the engine thread promptly.
    progress.clear();
    w->enginePanel()->maxTrainSpin()->setValue(0);
    w->enginePanel()->resolutionSpin()->setValue(448);
    QTest::mouseClick(w->enginePanel()->buildButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(progress.begin(), progress.end(),
                                         [](const QList<QVariant>& a) { return a.at(2).toLongLong() > 0; }),
                             30000);
    QVERIFY(w->controller()->isBusy());
    clock.restart();
    QVERIFY(w->close());
    const qint64 closeMs = clock.elapsed();
    qInfo("closing during a build took %lld ms", closeMs);
    QVERIFY2(closeMs < 2000, qPrintable(QStringLiteral("close took %1 ms").arg(closeMs)));
    w.reset();
}

void MainWindowTest::settingsPersist() {
    const std::uint64_t startLimit = pb::maxImagePixels();
    {
        auto w = pb::ui::test::showMainWindow();
        QVERIFY(open(*w, demoDir_));
        w->enginePanel()->kSpin()->setValue(3);
        w->enginePanel()->resolutionSpin()->setValue(256);
        w->enginePanel()->scoreRuleBox()->setCurrentIndex(1);
        w->enginePanel()->maxImageSpin()->setValue(50);
        QCOMPARE(pb::maxImagePixels(), std::uint64_t(50000000));  // the image reader's guard follows at once
        w->inspection()->setOpacity(0.3);
        w->inspection()->setColorMap(pb::ColorMapName::Viridis);
        w->resize(1300, 900);
        QVERIFY(w->close());
    }
    auto w = pb::ui::test::showMainWindow();
    QCOMPARE(w->enginePanel()->kSpin()->value(), 3);
    QCOMPARE(w->enginePanel()->resolutionSpin()->value(), 256);
    QVERIFY(w->enginePanel()->options().imageScore == pb::ImageScoreRule::Max);
    QCOMPARE(w->enginePanel()->maxImageSpin()->value(), 50);
    QCOMPARE(pb::maxImagePixels(), std::uint64_t(50000000));
    w->enginePanel()->maxImageSpin()->setValue(0);  // back to the start value
    QCOMPARE(pb::maxImagePixels(), startLimit);
    QCOMPARE(w->inspection()->opacity(), 0.3);
    QVERIFY(w->inspection()->colorMap() == pb::ColorMapName::Viridis);
    const QStringList recent = QSettings().value(QStringLiteral("recentFolders")).toStringList();
    QVERIFY(!recent.isEmpty());
    QCOMPARE(recent.front(), QDir(demoDir_).absolutePath());

    // No argument: the most recent folder comes back.
    QSignalSpy shown(w.get(), &MainWindow::datasetShown);
    w->openStartupDataset();
    QVERIFY(shown.wait(30000));
    QCOMPARE(shown.last().at(0).toString(), QDir(demoDir_).absolutePath());

    // A fresh setup (no recent folder): the embedded demo data set is generated once and opened.
    QSettings().remove(QStringLiteral("recentFolders"));
    QDir(AppSetup::demoDatasetFolder()).removeRecursively();
    shown.clear();
    w->openStartupDataset();
    QVERIFY(shown.wait(60000));
    QCOMPARE(shown.last().at(0).toString(), QDir(AppSetup::demoDatasetFolder()).absolutePath());
    QCOMPARE(w->workbench()->dataset()->products.size(), std::size_t(3));
    QCOMPARE(w->workbench()->dataset()->layout, std::string("mvtec"));
    QDir(AppSetup::demoDatasetFolder()).removeRecursively();
}

void MainWindowTest::translations() {
    // The .qm files are compiled by lrelease and embedded; every message of the source has a translation.
    for (const auto& [code, build, cancel] :
         {std::tuple{QStringLiteral("es"), QStringLiteral("Construir banco"), QStringLiteral("Cancelar")},
          std::tuple{QStringLiteral("de"), QStringLiteral("Bank aufbauen"), QStringLiteral("Abbrechen")}}) {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/patchbank_%1.qm").arg(code)));
        QCOMPARE(translator.translate("pb::ui::EnginePanel", "Build bank"), build);
        QCOMPARE(translator.translate("pb::ui::EnginePanel", "Cancel"), cancel);
        QVERIFY(!translator.translate("pb::ui::MainWindow", "%n image(s) scored against the bank of %1.", nullptr, 2).isEmpty());
    }
    QVERIFY(AppSetup::availableLanguages().contains(QStringLiteral("de")));
    // A window built under the German translation speaks German.
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(":/i18n/patchbank_de.qm")));
    QCoreApplication::installTranslator(&german);
    {
        MainWindow w;
        QCOMPARE(w.enginePanel()->buildButton()->text(), QStringLiteral("Bank aufbauen"));
        QCOMPARE(w.histogramPanel()->f1Button()->text(), QStringLiteral("F1-optimal"));
    }
    QCoreApplication::removeTranslator(&german);
}

void MainWindowTest::browserScales() {
    // 20,000 images: rows reach the view in batches, filters and sorting stay instant.
    constexpr int kImages = 20000;
    std::vector<pb::Sample> samples(kImages);
    QHash<QString, double> scores;
    for (int i = 0; i < kImages; ++i) {
        samples[static_cast<std::size_t>(i)].path =
            tmp_.filePath(QStringLiteral("many/%1.png").arg(i, 5, 10, QLatin1Char('0'))).toStdString();
        samples[static_cast<std::size_t>(i)].product = i % 2 ? "screw" : "nut";
        samples[static_cast<std::size_t>(i)].label = i % 3 == 0 ? 1 : 0;
        samples[static_cast<std::size_t>(i)].defect = i % 3 == 0 ? "scratch" : "good";
        scores.insert(QString::fromStdString(samples[static_cast<std::size_t>(i)].path), (i * 7919 % kImages) / 1000.0);
    }
    ThumbnailCache thumbnails(96);
    SampleListModel model(&thumbnails);
    QListView view;
    view.setModel(&model);
    view.setViewMode(QListView::IconMode);
    view.setUniformItemSizes(true);
    view.resize(800, 600);
    view.show();
    QElapsedTimer clock;
    clock.start();
    model.setSamples(samples);
    QCOMPARE(model.matchingCount(), kImages);
    QVERIFY(model.rowCount() < kImages);  // fetched on demand
    const int before = model.rowCount();
    view.scrollToBottom();
    QTRY_VERIFY(model.rowCount() > before);  // the view asked for more as it reached the end
    model.setScores(scores);
    model.setSortByScore(true);
    QCOMPARE(model.index(0).data(SampleListModel::ScoreRole).toDouble(), (kImages - 1) / 1000.0);
    SampleFilter filter;
    filter.product = QStringLiteral("screw");
    filter.label = 1;
    filter.minScore = 10.0;
    model.setFilter(filter);
    int expected = 0;
    for (int i = 0; i < kImages; ++i)
        expected += (i % 2 == 1 && i % 3 == 0 && (i * 7919 % kImages) / 1000.0 >= 10.0) ? 1 : 0;
    QCOMPARE(model.matchingCount(), expected);
    const qint64 ms = clock.elapsed();
    qInfo("20000 images: listing, scores, sort and filter in %lld ms", ms);
    QVERIFY2(ms < 2000, qPrintable(QStringLiteral("%1 ms").arg(ms)));
    // Thumbnails of unreadable files do not block: a blank of the final size stands in.
    const QVariant decoration = model.index(0).data(Qt::DecorationRole);
    QCOMPARE(decoration.value<QPixmap>().size(), QSize(96, 96));
}

void MainWindowTest::mvtecBottle() {
    const QString shared = pb::ui::test::sharedDir();
    const QString root = QDir(shared).filePath(QStringLiteral("data/mvtec_ad"));
    if (shared.isEmpty() || !QFileInfo::exists(QDir(root).filePath(QStringLiteral("bottle/train/good"))))
        QSKIP("../shared/data/mvtec_ad/bottle is not beside the project (set PATCHBANK_SHARED)");

    auto w = pb::ui::test::showMainWindow();
    QVERIFY(open(*w, root));
    QCOMPARE(w->workbench()->currentProduct(), QStringLiteral("bottle"));
    QCOMPARE(w->workbench()->dataset()->count("bottle", pb::Split::Train), std::size_t(209));
    QCOMPARE(w->workbench()->dataset()->count("bottle", pb::Split::Test), std::size_t(83));

    const QString weights = mobilenetWeights();
    const bool mobilenet = !weights.isEmpty() && known(QStringLiteral("mobilenetv2_100"));
    // The feature cache this run fills is the one the screenshot test reads ($PATCHBANK_UI_TEST_CACHE):
    // emptied first, so that this run measures the whole work.
    const QString cache = QString::fromLocal8Bit(qgetenv("PATCHBANK_UI_TEST_CACHE"));
    if (!cache.isEmpty()) QDir(cache).removeRecursively();
    configure(*w, mobilenet ? QStringLiteral("mobilenetv2_100") : QStringLiteral("descriptors"), weights, 20,
              !cache.isEmpty(), cache);

    StallMeter meter;
    qint64 ms = 0;
    QVERIFY(buildAndScore(*w, &meter, &ms));
    qInfo("bottle (%s, 20 train + 83 test): build + score %lld ms, longest GUI stall %lld ms over %lld ticks; "
          "slowest GUI event %lld ms: %s",
          mobilenet ? "mobilenetv2_100" : "descriptors", ms, meter.maxGapMs(), meter.ticks(),
          pb::ui::test::TimingApplication::slowestMs(), qPrintable(pb::ui::test::TimingApplication::slowestEvent()));
    QVERIFY2(meter.maxGapMs() < kMaxStallMs, qPrintable(QStringLiteral("GUI stalled %1 ms").arg(meter.maxGapMs())));

    const ScoreResultPtr result = w->workbench()->testResult(QStringLiteral("bottle"));
    QVERIFY(result);
    QCOMPARE(result->images.size(), std::size_t(83));
    QVERIFY(result->hasMasks);
    for (const auto& [stage, sec] : w->workbench()->bank()->times.entries()) qInfo("bank stage %s: %.2f s", stage.c_str(), sec);
    for (const auto& [stage, sec] : result->times.entries()) qInfo("score stage %s: %.2f s", stage.c_str(), sec);
    qInfo("bottle image AUROC %.4f, pixel AUROC %.4f, AUPRO %.4f", result->metrics.imageAuroc,
          result->metrics.pixelAuroc, result->metrics.aupro30);
    if (mobilenet) QVERIFY(result->metrics.imageAuroc > 0.9);
    ScoreHistogram* h = w->histogramPanel()->histogram();
    QCOMPARE(std::accumulate(h->normalCounts().begin(), h->normalCounts().end(), 0.0), 20.0);
    QCOMPARE(std::accumulate(h->anomalousCounts().begin(), h->anomalousCounts().end(), 0.0), 63.0);

    // Normal-only threshold: p99 of the leave-one-out scores of the 20 training images.
    pb::ui::test::ResultSpy loo(w->controller(), RequestKind::LeaveOneOut);
    QTest::mouseClick(w->histogramPanel()->percentileButton(), Qt::LeftButton);
    QVERIFY(loo.wait(kEngineWaitMs));
    QCOMPARE(loo.last().at(0).value<pb::ui::LeaveOneOutPtr>()->images.size(), std::size_t(20));
    QTRY_COMPARE(w->workbench()->imageThreshold(), w->histogramPanel()->percentileThreshold());

    // An anomalous image with its ground truth.
    const QString broken = QDir(root).filePath(QStringLiteral("bottle/test/broken_large/000.png"));
    QVERIFY(w->browser()->selectPath(broken));
    QTRY_VERIFY_WITH_TIMEOUT(w->inspection()->isScored() && w->inspection()->currentPath() == broken, 10000);
    QVERIFY(w->inspection()->verdictText().contains(QStringLiteral("ANOMALOUS")));

    // The cursor on the most anomalous patch: its nearest normal patch comes from a training image.
    {
        const pb::ScoredImage& img = w->inspection()->result()->images[static_cast<std::size_t>(w->inspection()->resultIndex())];
        const auto top = std::max_element(img.patchScores.begin(), img.patchScores.end()) - img.patchScores.begin();
        const double cx = (static_cast<double>(top % img.gridWidth) + 0.5) * img.originalWidth / img.gridWidth;
        const double cy = (static_cast<double>(top / img.gridWidth) + 0.5) * img.originalHeight / img.gridHeight;
        InspectionView* view = w->inspection()->view();
        QSignalSpy nearest(w->inspection()->nearestView(), &NearestPatchView::nearestShown);
        QTest::mouseMove(view->viewport(), view->mapFromScene(QPointF(cx, cy)));
        QVERIFY(nearest.wait(10000));
        const QString train = nearest.last().at(0).toString();
        QVERIFY2(train.contains(QStringLiteral("/bottle/train/good/")), qPrintable(train));
        const pb::BankPatchOrigin origin = w->workbench()->bank()->model->origin(img.nearestPatch[static_cast<std::size_t>(top)]);
        QCOMPARE(train, QString::fromStdString(origin.imagePath));
        QVERIFY(!w->inspection()->nearestView()->nearestLabel()->pixmap().isNull());
    }

    // Threshold moved by hand, then exports.
    std::vector<double> sorted;
    for (const auto& img : result->images) sorted.push_back(img.score);
    std::sort(sorted.begin(), sorted.end());
    dragThreshold(*w, 0.5 * (sorted[30] + sorted[31]));
    checkExports(*w, tmp_.filePath(QStringLiteral("bottle-export")));
    if (QTest::currentTestFailed()) return;

    // The batch export stops when cancelled.
    QSignalSpy done(w->batchExporter(), &BatchExporter::finished);
    QVERIFY(w->exportAllMaps(tmp_.filePath(QStringLiteral("bottle-cancelled"))));
    w->cancelEngine();
    QVERIFY(done.wait(kEngineWaitMs));
    QCOMPARE(done.last().at(2).toBool(), true);
    QVERIFY(done.last().at(0).toInt() < 83);
    qInfo("batch export cancelled after %d of 83 images", done.last().at(0).toInt());
}

void MainWindowTest::screenshots() {
    const QString dir = pb::ui::test::screenshotDir();
    const QString shared = pb::ui::test::sharedDir();
    const QString bottleRoot = QDir(shared).filePath(QStringLiteral("data/mvtec_ad"));
    const bool bottle = !shared.isEmpty() && QFileInfo::exists(QDir(bottleRoot).filePath(QStringLiteral("bottle/train/good")));
    if (!bottle) qInfo("../shared is absent: screenshots of the demo data set instead of bottle");

    auto w = pb::ui::test::showMainWindow();
    w->resize(1700, 1050);
    QVERIFY(open(*w, bottle ? bottleRoot : demoDir_));
    const QString weights = mobilenetWeights();
    const bool mobilenet = bottle && !weights.isEmpty() && known(QStringLiteral("mobilenetv2_100"));
    const QString cache = QString::fromLocal8Bit(qgetenv("PATCHBANK_UI_TEST_CACHE"));
    configure(*w, mobilenet ? QStringLiteral("mobilenetv2_100") : QStringLiteral("descriptors"), weights, bottle ? 20 : 0,
              !cache.isEmpty(), cache);

    // The engine panel mid-run: "Score test set" builds the bank, then scores; grab while it works.
    QSignalSpy progress(w->controller(), &EngineController::progress);
    pb::ui::test::ResultSpy scored(w->controller(), RequestKind::ScoreTestSet);
    QTest::mouseClick(w->enginePanel()->scoreButton(), Qt::LeftButton);
    // Any stage part-way done (with a warm feature cache the feature stages finish at once; kNN does not).
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(progress.begin(), progress.end(),
                                         [](const QList<QVariant>& a) {
                                             return a.at(3).toLongLong() > 1 && a.at(2).toLongLong() > 0 &&
                                                    a.at(2).toLongLong() < a.at(3).toLongLong();
                                         }),
                             60000);
    QTest::qWait(600);  // let the elapsed / remaining labels tick
    QVERIFY(w->enginePanel()->grab().save(QDir(dir).filePath(QStringLiteral("engine-panel-mid-run.png"))));
    QVERIFY(w->grab().save(QDir(dir).filePath(QStringLiteral("main-window-mid-run.png"))));
    // A small data set may finish while the screenshots are taken: the signal is then already in the spy.
    QVERIFY(!scored.isEmpty() || scored.wait(kEngineWaitMs));
    {
        // Help > About names the BLAS and the kernel it runs.
        AboutDialog about(w.get());
        about.show();
        QVERIFY(QTest::qWaitForWindowExposed(&about));
        QVERIFY(about.grab().save(QDir(dir).filePath(QStringLiteral("about.png"))));
    }

    // Leave-one-out scores of the training images join the histogram.
    pb::ui::test::ResultSpy loo(w->controller(), RequestKind::LeaveOneOut);
    QTest::mouseClick(w->histogramPanel()->percentileButton(), Qt::LeftButton);
    QVERIFY(loo.wait(kEngineWaitMs));
    QTest::mouseClick(w->histogramPanel()->f1Button(), Qt::LeftButton);

    // A defective image with the heatmap overlay, outlines and the nearest normal patch of a defect pixel.
    const ScoreResultPtr result = w->workbench()->testResult(w->workbench()->currentProduct());
    QVERIFY(result);
    int index = 0;
    for (std::size_t i = 0; i < result->images.size(); ++i)
        if (result->images[i].sample.defect == (bottle ? "broken_large" : result->images[i].sample.defect) &&
            result->images[i].sample.label == 1) {
            index = static_cast<int>(i);
            break;
        }
    const pb::ScoredImage& img = result->images[static_cast<std::size_t>(index)];
    w->browser()->showSubset(w->workbench()->currentProduct(), static_cast<int>(pb::Split::Test), QString());
    w->browser()->findChild<QCheckBox*>(QStringLiteral("sortByScore"))->setChecked(true);
    QVERIFY(w->browser()->selectPath(QString::fromStdString(img.sample.path)));
    QTRY_VERIFY_WITH_TIMEOUT(w->inspection()->isScored() &&
                                 w->inspection()->currentPath() == QString::fromStdString(img.sample.path),
                             10000);
    w->inspection()->setOpacity(0.45);
    // The cursor on the highest-scoring patch: the side panel shows its nearest training patch.
    const auto top = std::max_element(img.patchScores.begin(), img.patchScores.end()) - img.patchScores.begin();
    const double cx = (static_cast<double>(top % img.gridWidth) + 0.5) * img.originalWidth / img.gridWidth;
    const double cy = (static_cast<double>(top / img.gridWidth) + 0.5) * img.originalHeight / img.gridHeight;
    InspectionView* view = w->inspection()->view();
    QSignalSpy nearest(w->inspection()->nearestView(), &NearestPatchView::nearestShown);
    QTest::mouseMove(view->viewport(), view->mapFromScene(QPointF(cx, cy)));
    QVERIFY(nearest.wait(10000) || !w->inspection()->nearestView()->trainingImagePath().isEmpty());
    QTest::qWait(300);
    QVERIFY(w->grab().save(QDir(dir).filePath(QStringLiteral("main-window-heatmap.png"))));
    QVERIFY(w->histogramPanel()->grab().save(QDir(dir).filePath(QStringLiteral("histogram-panel.png"))));
    QVERIFY(w->exportHistogram(QDir(dir).filePath(QStringLiteral("histogram.png"))));

    // The review band from normal data (the leave-one-out scores are already there), then the heatmap
    // on the colour scale fixed by normal data.
    w->histogramPanel()->reviewRuleBox()->setCurrentIndex(1);
    QVERIFY(w->workbench()->state(w->workbench()->currentProduct())->reviewBand.defined());
    QTest::qWait(300);
    QVERIFY(w->histogramPanel()->grab().save(QDir(dir).filePath(QStringLiteral("histogram-review-band.png"))));
    w->findChild<QComboBox*>(QStringLiteral("heatmapScaleCombo"))->setCurrentIndex(1);
    QTest::qWait(600);
    QVERIFY(w->inspection()->grab().save(QDir(dir).filePath(QStringLiteral("heatmap-normal-scale.png"))));
    QVERIFY(w->grab().save(QDir(dir).filePath(QStringLiteral("main-window-review-band.png"))));
    w->histogramPanel()->reviewRuleBox()->setCurrentIndex(0);
    w->findChild<QComboBox*>(QStringLiteral("heatmapScaleCombo"))->setCurrentIndex(0);
    qInfo("screenshots saved in %s", qPrintable(dir));
}

void MainWindowTest::purificationPanel() {
    QStringList contaminants;
    const QString data = contaminatedDemo(tmp_.filePath(QStringLiteral("contaminated-demo")), &contaminants);
    QCOMPARE(contaminants.size(), 2);
    auto w = pb::ui::test::showMainWindow();
    QVERIFY(open(*w, data));
    configure(*w, QStringLiteral("descriptors"), QString(), 0, true);
    QCOMPARE(w->workbench()->currentProduct(), QStringLiteral("carpet"));
    PurificationPanel* panel = w->purificationPanel();
    QDockWidget* dock = dockOf(panel);
    QVERIFY(dock);
    QVERIFY(w->findChildren<QAction*>().contains(dock->toggleViewAction()));
    QVERIFY(panel->referenceSetLabel()->text().contains(QStringLiteral("12 image")));
    QVERIFY(!panel->removeButton()->isEnabled());  // nothing audited yet

    // Engine > Audit reference images: the dock comes up and ranks the twelve references.
    StallMeter meter;
    meter.start();
    pb::ui::test::ResultSpy audited(w->controller(), RequestKind::AuditReferences);
    w->auditAction()->trigger();
    QVERIFY(audited.wait(kEngineWaitMs));
    spin(200);
    meter.stop();
    QVERIFY2(meter.maxGapMs() < kMaxStallMs, qPrintable(QStringLiteral("GUI stalled %1 ms").arg(meter.maxGapMs())));
    QVERIFY(panel->isVisible());
    QListWidget* list = panel->referenceList();
    QCOMPARE(list->count(), 12);
    double previous = std::numeric_limits<double>::infinity();
    QStringList flagged;
    for (int r = 0; r < list->count(); ++r) {
        const double score = list->item(r)->data(PurificationPanel::ScoreRole).toDouble();
        QVERIFY(score <= previous);
        previous = score;
        if (list->item(r)->data(PurificationPanel::FlaggedRole).toBool())
            flagged << list->item(r)->data(PurificationPanel::PathRole).toString();
        QVERIFY(list->item(r)->text().startsWith(QStringLiteral("#%1 ").arg(r + 1)));
    }
    for (const QString& c : contaminants) QVERIFY2(flagged.contains(c), qPrintable(flagged.join(QStringLiteral(", "))));
    // Flagged references come first, in red, and the summary counts them.
    QVERIFY(list->item(0)->data(PurificationPanel::FlaggedRole).toBool());
    QCOMPARE(list->item(0)->foreground().color(), QColor(210, 35, 35));
    QVERIFY2(panel->summaryLabel()->text().contains(QStringLiteral("%1 flagged").arg(flagged.size())),
             qPrintable(panel->summaryLabel()->text()));
    QVERIFY(panel->removeButton()->isEnabled());
    // The chart: one bar per reference, the flagged ones in red, the threshold and the median as lines.
    int bars = 0;
    for (int i = 0; i < panel->chart()->plottableCount(); ++i)
        if (auto* b = qobject_cast<QCPBars*>(panel->chart()->plottable(i))) {
            bars += b->data()->size();
            if (b->brush().color() == QColor(210, 35, 35)) QCOMPARE(b->data()->size(), flagged.size());
        }
    QCOMPARE(bars, 12);
    QCOMPARE(panel->chart()->graphCount(), 2);
    QVERIFY(panel->chart()->graph(0)->name().startsWith(QStringLiteral("threshold")));

    // The most suspicious reference in detail: why it is flagged, its worst patches, its worst patch's neighbours.
    list->setCurrentRow(0);
    QCOMPARE(panel->detailPath(), list->item(0)->data(PurificationPanel::PathRole).toString());
    QVERIFY2(panel->reasonLabel()->text().contains(QStringLiteral("is flagged")),
             qPrintable(panel->reasonLabel()->text()));
    QVERIFY(panel->reasonLabel()->text().contains(QStringLiteral("row")));
    const ReferenceAuditPtr audit = w->workbench()->audit(QStringLiteral("carpet"));
    QCOMPARE(panel->neighbourCaptions().size(), 1 + static_cast<int>(audit->report.images.front().neighbours.size()));
    QVERIFY(panel->neighbourCaptions().front().startsWith(QStringLiteral("worst patch")));
    QTRY_VERIFY_WITH_TIMEOUT(panel->detailView()->hasImage(), 10000);
    QCOMPARE(panel->detailView()->outlineCount(), 5);
    // A click on a bar of the chart shows that reference (rank 6, below the threshold).
    {
        QCustomPlot* chart = panel->chart();
        chart->replot();
        const double score = list->item(5)->data(PurificationPanel::ScoreRole).toDouble();
        const QPoint at(static_cast<int>(chart->xAxis->coordToPixel(6)),
                        static_cast<int>(chart->yAxis->coordToPixel(score / 2)));
        QTest::mouseClick(chart, Qt::LeftButton, {}, at);
        QCOMPARE(list->currentRow(), 5);
        QCOMPARE(panel->detailPath(), list->item(5)->data(PurificationPanel::PathRole).toString());
    }

    // k moves the threshold at once, without engine work.
    panel->kSpin()->setValue(3.0);
    QCOMPARE(w->workbench()->audit(QStringLiteral("carpet"))->report.rule.k, 3.0);
    QVERIFY(panel->summaryLabel()->text().contains(QStringLiteral("k = 3.0")));
    panel->kSpin()->setValue(1.5);
    QCOMPARE(w->workbench()->audit(QStringLiteral("carpet"))->report.flagged().size(),
             static_cast<std::size_t>(flagged.size()));

    // Patch purification: the removed patches are painted, highest score first; the labelled demo gets its AUROC.
    panel->methodBox()->setCurrentIndex(panel->methodBox()->findData(QStringLiteral("loo")));
    pb::ui::test::ResultSpy purified(w->controller(), RequestKind::PurifyPatches);
    pb::ui::test::ResultSpy compared(w->controller(), RequestKind::PurifiedAuroc);
    QTest::mouseClick(panel->purifyButton(), Qt::LeftButton);
    QVERIFY(purified.wait(kEngineWaitMs));
    QVERIFY(panel->purification());
    const int removed = static_cast<int>(panel->purification()->removed);
    QCOMPARE(panel->removedPatches(), removed);
    QVERIFY(removed > 0);
    QVERIFY(panel->animating());
    QTRY_VERIFY_WITH_TIMEOUT(!panel->animating(), 10000);
    QCOMPARE(panel->shownRemovedPatches(), removed);
    QVERIFY(compared.size() == 1 || compared.wait(kEngineWaitMs));
    const PurifiedAurocPtr auroc = panel->purifiedAuroc();
    QVERIFY(auroc);
    QCOMPARE(auroc->comparison.keptPatches + static_cast<std::size_t>(removed), auroc->comparison.allPatches);
    QVERIFY2(panel->purificationLabel()->text().contains(QString::number(auroc->comparison.keptAuroc, 'f', 4)),
             qPrintable(panel->purificationLabel()->text()));

    // Remove flagged: the bank is rebuilt from the ten others; their thumbnails are marked.
    pb::ui::test::ResultSpy built(w->controller(), RequestKind::BuildBank);
    QTest::mouseClick(panel->removeButton(), Qt::LeftButton);
    QVERIFY(built.wait(kEngineWaitMs));
    QCOMPARE(w->workbench()->bank()->summary.trainImages, static_cast<std::size_t>(12 - flagged.size()));
    QVERIFY2(panel->referenceSetLabel()->text().contains(QStringLiteral("%1 removed").arg(flagged.size())),
             qPrintable(panel->referenceSetLabel()->text()));
    QVERIFY(panel->statusLabel()->text().contains(QStringLiteral("Removed")));
    QVERIFY(list->item(0)->data(PurificationPanel::ExcludedRole).toBool());
    QVERIFY(panel->restoreButton()->isEnabled());
    QVERIFY(!panel->removeButton()->isEnabled());  // every flagged image is out already

    // Recapture with every training image in use says so, in the dock and in an error box.
    QSignalSpy error(w.get(), &MainWindow::engineError);
    QTest::mouseClick(panel->recaptureButton(), Qt::LeftButton);
    QCOMPARE(error.size(), 1);
    QVERIFY2(panel->statusLabel()->text().contains(QStringLiteral("No unused training images")),
             qPrintable(panel->statusLabel()->text()));
    closeMessageBoxes(*w);

    // Restore: the original twelve.
    QTest::mouseClick(panel->restoreButton(), Qt::LeftButton);
    QVERIFY(built.wait(kEngineWaitMs));
    QCOMPARE(w->workbench()->bank()->summary.trainImages, std::size_t(12));
    QVERIFY(!list->item(0)->data(PurificationPanel::ExcludedRole).toBool());

    // MeDS screening of the whole training folder: every image ranked, the contaminants on top.
    pb::ui::test::ResultSpy screened(w->controller(), RequestKind::ScreenTrainingFolder);
    QTest::mouseClick(panel->screenButton(), Qt::LeftButton);
    QVERIFY(screened.wait(kEngineWaitMs));
    QTableWidget* table = panel->screenTable();
    QCOMPARE(table->rowCount(), 12);
    QCOMPARE(panel->tabs()->currentIndex(), 1);
    for (int r = 1; r < table->rowCount(); ++r)
        QVERIFY(table->item(r - 1, PurificationPanel::ScreenScoreColumn)->data(Qt::DisplayRole).toDouble() >=
                table->item(r, PurificationPanel::ScreenScoreColumn)->data(Qt::DisplayRole).toDouble());
    QStringList top;
    for (int r = 0; r < 2; ++r) top << table->item(r, PurificationPanel::ScreenImageColumn)->toolTip();
    for (const QString& c : contaminants)
        QVERIFY2(top.contains(QDir::toNativeSeparators(c)), qPrintable(top.join(", ")));
    QVERIFY(panel->screenSummaryLabel()->text().contains(QStringLiteral("12 training image")));

    // The audit settings persist.
    panel->scoreBox()->setCurrentIndex(panel->scoreBox()->findData(QStringLiteral("q99")));
    panel->kSpin()->setValue(2.0);
    panel->methodBox()->setCurrentIndex(panel->methodBox()->findData(QStringLiteral("mahalanobis")));
    QVERIFY(w->close());
    w.reset();
    auto again = pb::ui::test::showMainWindow();
    QCOMPARE(again->purificationPanel()->scoreBox()->currentData().toString(), QStringLiteral("q99"));
    QCOMPARE(again->purificationPanel()->kSpin()->value(), 2.0);
    QVERIFY(again->purificationPanel()->patchMethod() == pb::purify::PatchScoreMethod::Mahalanobis);
    again->purificationPanel()->scoreBox()->setCurrentIndex(0);
    again->purificationPanel()->kSpin()->setValue(1.5);
    again->purificationPanel()->methodBox()->setCurrentIndex(0);
    QVERIFY(again->close());

    // The panel speaks Spanish and German as well.
    for (const auto& [code, audit, remove] :
         {std::tuple{QStringLiteral("es"), QStringLiteral("Auditar referencias"), QStringLiteral("Quitar marcadas")},
          std::tuple{QStringLiteral("de"), QStringLiteral("Referenzen prüfen"), QStringLiteral("Markierte entfernen")}}) {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/patchbank_%1.qm").arg(code)));
        QCOMPARE(translator.translate("pb::ui::PurificationPanel", "Audit references"), audit);
        QCOMPARE(translator.translate("pb::ui::PurificationPanel", "Remove flagged"), remove);
        QVERIFY(!translator.translate("pb::ui::Workbench", "Removed %n flagged reference image(s) of %1; rebuilding its bank.",
                                      nullptr, 2)
                     .isEmpty());
    }
}

void MainWindowTest::purificationScreenshots() {
    const QString dir = pb::ui::test::screenshotDir();
    QStringList contaminants;
    QString data = contaminatedBottle(tmp_.filePath(QStringLiteral("bottle-contaminated")), &contaminants);
    const QString weights = mobilenetWeights();
    const bool bottle = !data.isEmpty() && !weights.isEmpty() && known(QStringLiteral("mobilenetv2_100"));
    if (!bottle) {
        qInfo("../shared (bottle and the MobileNetV2 weights) is absent: the purification panel on the demo data set");
        contaminants.clear();
        data = contaminatedDemo(tmp_.filePath(QStringLiteral("contaminated-demo-shots")), &contaminants);
    }
    auto w = pb::ui::test::showMainWindow();
    w->resize(1700, 1050);
    QVERIFY(open(*w, data));
    const QString cache = QString::fromLocal8Bit(qgetenv("PATCHBANK_UI_TEST_CACHE"));
    configure(*w, bottle ? QStringLiteral("mobilenetv2_100") : QStringLiteral("descriptors"),
              bottle ? weights : QString(), 0, !cache.isEmpty(), cache);
    if (!bottle) w->setCurrentProduct(QStringLiteral("carpet"));
    PurificationPanel* panel = w->purificationPanel();
    QDockWidget* dock = dockOf(panel);
    QVERIFY(dock);
    dock->show();
    dock->raise();

    pb::ui::test::ResultSpy audited(w->controller(), RequestKind::AuditReferences);
    QTest::mouseClick(panel->auditButton(), Qt::LeftButton);
    QVERIFY(audited.wait(kEngineWaitMs));
    const ReferenceAuditPtr audit = w->workbench()->audit(w->workbench()->currentProduct());
    QVERIFY(audit);
    QStringList flagged;
    for (std::size_t i : audit->report.flagged())
        flagged << QString::fromStdString(audit->report.images[i].sample.path);
    qInfo("audit of %d references: %d flagged (threshold %.4f): %s", static_cast<int>(audit->report.images.size()),
          static_cast<int>(flagged.size()), audit->report.threshold, qPrintable(flagged.join(QStringLiteral(", "))));
    QVERIFY(!flagged.isEmpty());
    int found = 0;
    for (const QString& c : contaminants) found += flagged.contains(c) ? 1 : 0;
    qInfo("%d of %d contaminants flagged", found, static_cast<int>(contaminants.size()));
    QVERIFY(found >= 1);

    // Patch purification with its AUROC comparison, the animation run to its end.
    pb::ui::test::ResultSpy purified(w->controller(), RequestKind::PurifyPatches);
    pb::ui::test::ResultSpy compared(w->controller(), RequestKind::PurifiedAuroc);
    QTest::mouseClick(panel->purifyButton(), Qt::LeftButton);
    QVERIFY(purified.wait(kEngineWaitMs));
    QTest::qWait(500);  // part-way through the animation
    QVERIFY(panel->grab().save(QDir(dir).filePath(QStringLiteral("purification-animating.png"))));
    QVERIFY(compared.size() == 1 || compared.wait(kEngineWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(!panel->animating(), 10000);
    {
        const PatchPurificationPtr p = panel->purification();
        const std::size_t per = p->patches->patchesPerImage();
        QStringList counts;
        for (std::size_t i = 0; i < p->references.size(); ++i) {
            int removed = 0;
            for (std::size_t j = 0; j < per; ++j) removed += p->keep[i * per + j] ? 0 : 1;
            counts << QStringLiteral("%1:%2")
                          .arg(QFileInfo(QString::fromStdString(p->references[i].path)).fileName())
                          .arg(removed);
        }
        qInfo("removed patches per reference (%d per image, grid %dx%d): %s", static_cast<int>(per),
              p->patches->gridHeight, p->patches->gridWidth, qPrintable(counts.join(QStringLiteral(" "))));
    }
    if (const PurifiedAurocPtr a = panel->purifiedAuroc())
        qInfo("test-set image AUROC %.4f with every patch, %.4f with the kept ones", a->comparison.allAuroc,
              a->comparison.keptAuroc);

    // The most suspicious reference in detail, the list and chart beside it.
    panel->tabs()->setCurrentIndex(0);
    panel->referenceList()->setCurrentRow(0);
    QTRY_VERIFY_WITH_TIMEOUT(panel->detailView()->hasImage(), 10000);
    QTest::qWait(800);  // thumbnails
    QVERIFY(w->grab().save(QDir(dir).filePath(QStringLiteral("main-window-purification.png"))));
    // The panel floated to a comfortable size, as a user would to look closer.
    dock->setFloating(true);
    dock->resize(1500, 660);
    QVERIFY(QTest::qWaitForWindowExposed(dock));
    QTest::qWait(500);
    QVERIFY(panel->grab().save(QDir(dir).filePath(QStringLiteral("purification-panel.png"))));

    // MeDS over the training folder.
    pb::ui::test::ResultSpy screened(w->controller(), RequestKind::ScreenTrainingFolder);
    QTest::mouseClick(panel->screenButton(), Qt::LeftButton);
    QVERIFY(screened.wait(kEngineWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(panel->detailView()->hasImage(), 10000);
    QTest::qWait(300);
    QVERIFY(panel->grab().save(QDir(dir).filePath(QStringLiteral("purification-meds.png"))));

    // Remove flagged: the bank is rebuilt without them; their thumbnails are washed out.
    panel->tabs()->setCurrentIndex(0);
    pb::ui::test::ResultSpy built(w->controller(), RequestKind::BuildBank);
    QTest::mouseClick(panel->removeButton(), Qt::LeftButton);
    QVERIFY(built.wait(kEngineWaitMs));
    QCOMPARE(w->workbench()->bank()->summary.trainImages, audit->report.images.size() - flagged.size());
    QTest::qWait(300);
    QVERIFY(panel->grab().save(QDir(dir).filePath(QStringLiteral("purification-removed.png"))));
    qInfo("purification screenshots saved in %s", qPrintable(dir));
}

int main(int argc, char** argv) {
    pb::selectBlasKernel(argv);
    pb::ui::test::TimingApplication app(argc, argv);
    MainWindowTest test;
    return QTest::qExec(&test, argc, argv);
}
#include "MainWindowTest.moc"
