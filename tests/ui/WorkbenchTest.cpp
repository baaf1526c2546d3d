// The Workbench driven without a single widget (a QCoreApplication: creating one would abort):
// open -> build -> score -> thresholds and review band -> export, the display rules, Add images
// publishing a new bank while the old one stays as it was, and the reference set's purification
// (audit, remove flagged, recapture, restore), each action rebuilding the bank from its new set.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
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
    void purifyReferenceSet();

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

void WorkbenchTest::purifyReferenceSet() {
    // carpet with two defective test images among its training images: 12 in all, sorted so that both
    // fall within the first 10, which the training-image limit makes the reference set (008 and 009 unused).
    const QString data = dir_.filePath(QStringLiteral("contaminated"));
    pb::DemoDatasetOptions demo;
    demo.trainPerProduct = 10;
    demo.testGoodPerProduct = 4;
    demo.testDefectPerProduct = 6;
    pb::generateDemoDataset(data.toStdString(), demo);
    QDir carpet(QDir(data).filePath(QStringLiteral("carpet")));
    QStringList defects =
        QDir(carpet.filePath(QStringLiteral("test"))).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    defects.removeAll(QStringLiteral("good"));
    QVERIFY(defects.size() >= 2);
    const QStringList contaminants = {carpet.filePath(QStringLiteral("train/good/002a_contaminant.png")),
                                      carpet.filePath(QStringLiteral("train/good/006a_contaminant.png"))};
    for (int i = 0; i < 2; ++i)
        QVERIFY(QFile::copy(carpet.filePath(QStringLiteral("test/%1/000.png").arg(defects[i])), contaminants[i]));

    EngineController controller;
    Workbench bench(&controller);
    QSignalSpy opened(&bench, &Workbench::datasetOpened);
    bench.openDataset(data);
    QVERIFY(opened.wait(kEngineWaitMs));
    QCOMPARE(bench.currentProduct(), QStringLiteral("carpet"));
    pb::EvaluationOptions options = demoOptions(dir_.filePath(QStringLiteral("cache")));
    options.maxTrainImages = 10;
    bench.setOptions(options);
    QCOMPARE(bench.referenceImages(QStringLiteral("carpet")).size(), std::size_t(10));
    QCOMPARE(bench.unusedTrainingImages(QStringLiteral("carpet")).size(), std::size_t(2));
    QSignalSpy refused(&bench, &Workbench::refused);
    QVERIFY(!bench.removeFlaggedReferences());  // nothing audited yet
    QVERIFY(refused.last().at(1).toString().contains(QStringLiteral("Audit")));

    // Scored first, so that every action rebuilds and scores again.
    QSignalSpy built(&bench, &Workbench::bankChanged);
    QSignalSpy scored(&bench, &Workbench::testSetScored);
    QVERIFY(bench.scoreTestSet());
    QVERIFY(scored.wait(kEngineWaitMs));
    QCOMPARE(bench.bank()->summary.trainImages, std::size_t(10));

    // The audit: every reference ranked, both contaminants flagged.
    QSignalSpy audited(&bench, &Workbench::referencesAudited);
    QVERIFY(bench.auditReferences(pb::purify::AuditRule{}));
    QVERIFY(audited.wait(kEngineWaitMs));
    const ReferenceAuditPtr audit = bench.audit(QStringLiteral("carpet"));
    QVERIFY(audit);
    const pb::purify::ReferenceAuditReport& report = audit->report;
    QCOMPARE(report.images.size(), std::size_t(10));
    QCOMPARE(report.rule.k, 1.5);
    const std::vector<std::size_t> flagged = report.flagged();
    QStringList flaggedPaths;
    for (std::size_t i : flagged) flaggedPaths << QString::fromStdString(report.images[i].sample.path);
    for (const QString& c : contaminants)
        QVERIFY2(flaggedPaths.contains(c),
                 qPrintable(QStringLiteral("%1 not flagged: %2").arg(c, flaggedPaths.join(", "))));
    QVERIFY(flagged.size() <= report.maxFlagged);
    qInfo("audit of carpet with two contaminants: %d of 10 flagged, threshold %.4f", static_cast<int>(flagged.size()),
          report.threshold);
    const auto ranking = report.ranking();
    for (std::size_t r = 1; r < ranking.size(); ++r)
        QVERIFY(report.images[ranking[r - 1]].score >= report.images[ranking[r]].score);
    for (std::size_t i : flagged) QVERIFY(report.images[i].score > report.threshold);

    // Another rule applies at once: a larger k flags no more images, and the audit is re-ranked in place.
    audited.clear();
    bench.setAuditRule(pb::purify::AuditRule{pb::purify::AuditScore::Max, 3.0, 0.4});
    QCOMPARE(audited.size(), 1);
    QVERIFY(bench.audit(QStringLiteral("carpet"))->report.flagged().size() <= flagged.size());
    QCOMPARE(bench.audit(QStringLiteral("carpet"))->report.rule.k, 3.0);
    bench.setAuditRule(pb::purify::AuditRule{});
    QCOMPARE(bench.audit(QStringLiteral("carpet"))->report.flagged(), flagged);

    // Remove flagged: the bank is rebuilt from fewer images, then the test set is scored with it.
    built.clear();
    scored.clear();
    QSignalSpy changed(&bench, &Workbench::referencesChanged);
    QVERIFY(bench.removeFlaggedReferences());
    QCOMPARE(changed.size(), 1);
    QVERIFY(scored.wait(kEngineWaitMs));
    QCOMPARE(built.size(), 1);
    const std::size_t kept = 10 - flagged.size();
    QCOMPARE(bench.bank()->summary.trainImages, kept);
    QCOMPARE(bench.bank()->model->trainImages(), kept);
    QCOMPARE(bench.bank()->references.excluded.size(), flagged.size());
    QCOMPARE(scored.last().at(0).value<ScoreResultPtr>()->bank, bench.bank());
    for (const auto& s : bench.referenceImages(QStringLiteral("carpet")))
        QVERIFY(!flaggedPaths.contains(QString::fromStdString(s.path)));
    QVERIFY(!bench.removeFlaggedReferences());  // already out

    // Recapture: the unused training images (008, 009) take the flagged ones' places.
    built.clear();
    QVERIFY(bench.recaptureReferences());
    QVERIFY(built.wait(kEngineWaitMs));
    const std::size_t recaptured = std::min<std::size_t>(flagged.size(), 2);
    QCOMPARE(bench.bank()->summary.trainImages, kept + recaptured);
    QCOMPARE(bench.bank()->references.added.size(), recaptured);
    QVERIFY(
        QString::fromStdString(bench.bank()->references.added.front()).endsWith(QStringLiteral("train/good/008.png")));
    QCOMPARE(bench.unusedTrainingImages(QStringLiteral("carpet")).size(), 2 - recaptured);
    QVERIFY(scored.wait(kEngineWaitMs));

    // Restore: the original ten.
    built.clear();
    QVERIFY(bench.restoreReferences());
    QVERIFY(built.wait(kEngineWaitMs));
    QCOMPARE(bench.bank()->summary.trainImages, std::size_t(10));
    QVERIFY(bench.bank()->references.empty());
    QVERIFY(!bench.restoreReferences());  // already the original
    QVERIFY(scored.wait(kEngineWaitMs));

    // Every training image in use: Recapture says that none is left.
    options.maxTrainImages = 0;
    bench.setOptions(options);
    refused.clear();
    QVERIFY(!bench.recaptureReferences());
    QCOMPARE(refused.size(), 1);
    QVERIFY2(refused.last().at(1).toString().contains(QStringLiteral("No unused training images")),
             qPrintable(refused.last().at(1).toString()));
    QVERIFY(bench.referenceEdits(QStringLiteral("carpet")).empty());  // a refused action changes nothing
}

QTEST_GUILESS_MAIN(WorkbenchTest)
#include "WorkbenchTest.moc"
