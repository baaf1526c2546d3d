// The Workbench driven without a single widget (a QCoreApplication: creating one would abort):
// open -> build -> score -> thresholds and review band -> export, the display rules, and Add images
// publishing a new bank while the old one stays as it was.
#include <QCoreApplication>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include "engine/experiments/ScoredImagesSummary.h"
#include "engine/metrics/ImageMetrics.h"
#include "engine/synth/DemoDatasetGenerator.h"
#include "ui/EngineController.h"
#include "ui/Workbench.h"

using namespace pb::ui;

namespace {
constexpr int kEngineWaitMs = 120000;

pb::EvaluationOptions demoOptions(const QString& cache) {
    pb::EvaluationOptions o;
    o.backbone.name = "descriptors";
    o.cacheDir = cache.toStdString();
    return o;
}

// CsvWriter's files: fields with commas or quotes are quoted, quotes doubled.
QVector<QStringList> readCsv(const QString& file) {
    QVector<QStringList> rows;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return rows;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).chopped(1);
        QStringList row{QString()};
        bool quoted = false;
        for (int i = 0; i < line.size(); ++i) {
            const QChar c = line[i];
            if (quoted && c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) row.last() += line[++i];
            else if (c == QLatin1Char('"')) quoted = !quoted;
            else if (c == QLatin1Char(',') && !quoted) row.append(QString());
            else row.last() += c;
        }
        rows.append(row);
    }
    return rows;
}
}  // namespace

class WorkbenchTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void openBuildScoreThresholdsExport();
    void displayRulesFollowTheOptions();
    void addImagesPublishesANewBank();
    void refusesWhatCannotStart();

private:
    // Opens the demo data set in a fresh Workbench and scores the current product (build first).
    ScoreResultPtr openAndScore(Workbench& bench, const pb::EvaluationOptions& options);

    QTemporaryDir dir_;
    QString data_;
};

void WorkbenchTest::initTestCase() {
    QVERIFY(dir_.isValid());
    data_ = dir_.filePath(QStringLiteral("data"));
    pb::DemoDatasetOptions demo;
    demo.trainPerProduct = 10;
    demo.testGoodPerProduct = 4;
    demo.testDefectPerProduct = 6;
    pb::generateDemoDataset(data_.toStdString(), demo);
}

ScoreResultPtr WorkbenchTest::openAndScore(Workbench& bench, const pb::EvaluationOptions& options) {
    QSignalSpy opened(&bench, &Workbench::datasetOpened);
    bench.openDataset(data_);
    if (!opened.wait(kEngineWaitMs)) return nullptr;
    bench.setOptions(options);
    QSignalSpy built(&bench, &Workbench::bankChanged);
    QSignalSpy scored(&bench, &Workbench::testSetScored);
    if (!bench.scoreTestSet()) return nullptr;  // no bank yet: build, then score
    if (!scored.wait(kEngineWaitMs)) return nullptr;
    if (built.size() != 1) return nullptr;
    return scored.takeFirst().at(0).value<ScoreResultPtr>();
}

void WorkbenchTest::openBuildScoreThresholdsExport() {
    EngineController controller;
    Workbench bench(&controller);
    const ScoreResultPtr result = openAndScore(bench, demoOptions(dir_.filePath(QStringLiteral("cache"))));
    QVERIFY(result);
    QVERIFY(bench.dataset());
    QCOMPARE(bench.currentProduct(), QString::fromStdString(bench.dataset()->products.front()));
    QCOMPARE(QString::fromStdString(result->product), bench.currentProduct());
    QCOMPARE(result->images.size(), std::size_t(10));
    QVERIFY(result->metrics.imageAuroc > 0.9);
    QCOMPARE(result->bank, bench.bank());
    QCOMPARE(result->neighbours, 5);  // METHODS.md's k, the k actually averaged

    // Defaults come from the engine's one producer: the F1-optimal threshold with labels.
    const Workbench::ProductState* s = bench.state(bench.currentProduct());
    QVERIFY(s);
    QCOMPARE(s->imageThreshold, result->metrics.imageF1Threshold);
    QCOMPARE(bench.imageThreshold(), result->metrics.imageF1Threshold);
    QVERIFY(!s->reviewBand.defined());

    // Scoring again with the same options reuses the bank (no second build).
    {
        QSignalSpy built(&bench, &Workbench::bankChanged);
        QSignalSpy scored(&bench, &Workbench::testSetScored);
        QVERIFY(bench.scoreTestSet());
        QVERIFY(scored.wait(kEngineWaitMs));
        QCOMPARE(built.size(), 0);
    }

    // The user's threshold and band are what the export writes.
    std::vector<double> scores;
    for (const auto& img : result->images) scores.push_back(img.score);
    std::sort(scores.begin(), scores.end());
    // Between two scores, so that the 8 digits of the CSV compare as the engine did.
    auto between = [&](std::size_t i) { return 0.5 * (scores[i] + scores[i + 1]); };
    const double threshold = between(4);
    QSignalSpy view(&bench, &Workbench::productViewChanged);
    bench.setImageThreshold(threshold);
    const double t1 = between(1), t2 = between(6);
    bench.setReviewBand(pb::ReviewBand{t2, t1});  // given high..low: stored low..high
    QCOMPARE(view.size(), 2);
    QCOMPARE(bench.state(bench.currentProduct())->reviewBand.low, t1);
    QCOMPARE(bench.state(bench.currentProduct())->reviewBand.high, t2);

    const QString out = dir_.filePath(QStringLiteral("export"));
    QString error;
    QVERIFY2(bench.exportCsv(out, &error), qPrintable(error));
    const auto rows = readCsv(QDir(out).filePath(QStringLiteral("scores.csv")));
    QCOMPARE(rows.size(), static_cast<int>(result->images.size()) + 1);
    const QStringList header = rows[0];
    const int scoreAt = header.indexOf(QStringLiteral("score")), predictedAt = header.indexOf(QStringLiteral("predicted")),
              verdictAt = header.indexOf(QStringLiteral("verdict"));
    QVERIFY(scoreAt >= 0 && predictedAt >= 0 && verdictAt >= 0);
    int review = 0;
    for (int r = 1; r < rows.size(); ++r) {
        const double score = rows[r][scoreAt].toDouble();
        QCOMPARE(rows[r][predictedAt], score >= threshold ? QStringLiteral("1") : QStringLiteral("0"));
        const QString expected = score >= t2   ? QStringLiteral("bad")
                                 : score >= t1 ? QStringLiteral("review")
                                               : QStringLiteral("good");
        QCOMPARE(rows[r][verdictAt], expected);
        review += expected == QLatin1String("review");
    }
    QCOMPARE(review, 5);  // scores[2] .. scores[6]
    const auto metrics = readCsv(QDir(out).filePath(QStringLiteral("metrics.csv")));
    QCOMPARE(metrics.size(), 2);
    QCOMPARE(metrics[1][metrics[0].indexOf(QStringLiteral("k"))], QStringLiteral("5"));
    QCOMPARE(metrics[1][metrics[0].indexOf(QStringLiteral("k_scaling"))], QStringLiteral("fixed"));
}

void WorkbenchTest::displayRulesFollowTheOptions() {
    EngineController controller;
    Workbench bench(&controller);
    pb::EvaluationOptions options = demoOptions(dir_.filePath(QStringLiteral("cache")));
    const ScoreResultPtr result = openAndScore(bench, options);
    QVERIFY(result);
    const QString product = bench.currentProduct();
    const pb::MapRange testRange = pb::mapRangeOfImages(result->images);
    QCOMPARE(bench.state(product)->mapRange.low, testRange.low);
    QCOMPARE(bench.state(product)->mapRange.high, testRange.high);

    // From labels: computed at once from the scored test set.
    options.reviewBand = pb::ReviewBandRule::parse("labels:0.0");
    bench.setOptions(options);
    {
        const pb::ReviewBand band = bench.state(product)->reviewBand;
        QVERIFY(band.defined());
        QCOMPARE(band.high, result->metrics.imageF1Threshold);
        for (const auto& img : result->images)  // no defect may pass as good
            if (img.sample.label == 1) QVERIFY(img.score >= band.low);
    }

    // From normal data and the normal colour scale: the Workbench asks for the leave-one-out scores
    // itself, then applies both.
    options.reviewBand = pb::ReviewBandRule::parse("normal:1.5");
    options.heatmapScale = pb::HeatmapScale::Normal;
    QSignalSpy loo(&bench, &Workbench::leaveOneOutChanged);
    bench.setOptions(options);
    QVERIFY(loo.wait(kEngineWaitMs));
    const pb::ui::LeaveOneOutPtr normal = bench.leaveOneOut(product);
    QVERIFY(normal);
    QCOMPARE(normal->images.size(), std::size_t(10));
    const pb::ReviewBand band = bench.state(product)->reviewBand;
    QCOMPARE(band.low, pb::numpyQuantile(normal->images, 0.99));
    QCOMPARE(band.high, *std::max_element(normal->images.begin(), normal->images.end()) * 1.5);
    const pb::MapRange range = bench.state(product)->mapRange;
    QCOMPARE(range.low, pb::mapRangeFromNormalPatches(normal->patches).low);
    QVERIFY(range.high > range.low);
    QVERIFY(range.low != testRange.low);

    // Back to the test-set scale and no band.
    options.reviewBand = pb::ReviewBandRule{};
    options.heatmapScale = pb::HeatmapScale::TestSet;
    bench.setOptions(options);
    QVERIFY(!bench.state(product)->reviewBand.defined());
    QCOMPARE(bench.state(product)->mapRange.high, testRange.high);
}

void WorkbenchTest::addImagesPublishesANewBank() {
    EngineController controller;
    Workbench bench(&controller);
    const ScoreResultPtr result = openAndScore(bench, demoOptions(dir_.filePath(QStringLiteral("cache"))));
    QVERIFY(result);
    const TrainedBankPtr before = bench.bank();
    const std::size_t vectors = before->model->bankPatches();
    QStringList normals;
    for (const auto& img : result->images)
        if (img.sample.label == 0) normals.append(QString::fromStdString(img.sample.path));
    QSignalSpy changed(&bench, &Workbench::bankChanged);
    QVERIFY(bench.addImages(normals));
    QVERIFY(changed.wait(kEngineWaitMs));
    const TrainedBankPtr after = bench.bank();
    QVERIFY(after != before);
    QVERIFY(after->model != before->model);
    QVERIFY(after->model->bankPatches() > vectors);
    QCOMPARE(before->model->bankPatches(), vectors);  // the published bank is unchanged
    QCOMPARE(before->summary.vectors, vectors);
    QCOMPARE(after->summary.vectors, after->model->bankPatches());
}

void WorkbenchTest::refusesWhatCannotStart() {
    EngineController controller;
    Workbench bench(&controller);
    QSignalSpy refused(&bench, &Workbench::refused);
    QVERIFY(!bench.buildBank());
    QVERIFY(!bench.scoreFiles({QStringLiteral("/nonexistent.png")}));
    QVERIFY(!bench.addImages({QStringLiteral("/nonexistent.png")}));
    QVERIFY(!bench.saveBank(QStringLiteral("/tmp/x.bank")));
    QVERIFY(!bench.computeLeaveOneOut());
    QString error;
    QVERIFY(!bench.exportCsv(dir_.filePath(QStringLiteral("none")), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(refused.size(), 5);
}

QTEST_GUILESS_MAIN(WorkbenchTest)
#include "WorkbenchTest.moc"
