// The GUI's engine seam under load: 2,000 mixed requests (open a data set, check a backbone, build a bank,
// score files and the test set, leave-one-out, probe features), a fifth of them cancelled at a random
// moment and a quarter of them engine errors (bad weights, unreadable images, missing folders). The GUI
// thread must never stall over 50 ms, every request must end, and the resident memory must stay flat
// after warm-up. PATCHBANK_SOAK_REQUESTS=N for a longer run.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <vector>
#include <unistd.h>

#include "engine/synth/DemoDatasetGenerator.h"
#include "ui/EngineController.h"
#include "ui/EngineTasks.h"

using namespace pb::ui;

namespace {

double residentMiB() {
    long pages = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// Least-squares slope of y over x.
double slope(const QVector<double>& x, const QVector<double>& y) {
    const int n = x.size();
    double mx = 0, my = 0;
    for (int i = 0; i < n; ++i) mx += x[i] / n, my += y[i] / n;
    double sxy = 0, sxx = 0;
    for (int i = 0; i < n; ++i) sxy += (x[i] - mx) * (y[i] - my), sxx += (x[i] - mx) * (x[i] - mx);
    return sxx > 0 ? sxy / sxx : 0;
}

}  // namespace

class EngineSoakTest : public QObject {
    Q_OBJECT
private slots:
    void mixedRequestsWithCancelsAndErrors();
};

void EngineSoakTest::mixedRequestsWithCancelsAndErrors() {
    const int requests = qEnvironmentVariableIntValue("PATCHBANK_SOAK_REQUESTS") > 0
                             ? qEnvironmentVariableIntValue("PATCHBANK_SOAK_REQUESTS")
                             : 2000;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString data = dir.filePath(QStringLiteral("data"));
    pb::DemoDatasetOptions demo;
    demo.trainPerProduct = 6;
    demo.testGoodPerProduct = 2;
    demo.testDefectPerProduct = 3;
    pb::generateDemoDataset(data.toStdString(), demo);
    const QString goodImage = data + QStringLiteral("/wood/test/good/000.png");
    QVERIFY(QFile::exists(goodImage));
    const QString badImage = dir.filePath(QStringLiteral("broken.png"));
    const QString badWeights = dir.filePath(QStringLiteral("model.safetensors"));
    for (const QString& f : {badImage, badWeights}) {
        QFile out(f);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("this is not what the name says\n");
    }

    pb::EvaluationOptions options;
    options.backbone.name = "descriptors";
    options.cacheDir = dir.filePath(QStringLiteral("cache")).toStdString();
    pb::EvaluationOptions badOptions = options;
    badOptions.backbone.name = "mobilenetv2_100";
    badOptions.backbone.weightsPath = badWeights.toStdString();

    EngineController engine;
    int finished = 0, failed = 0, cancelled = 0;
    connect(&engine, &EngineController::finished, this, [&] { ++finished; });
    connect(&engine, &EngineController::failed, this, [&] { ++failed; });
    connect(&engine, &EngineController::cancelled, this, [&] { ++cancelled; });
    DatasetPtr dataset;
    engine.handle(RequestKind::OpenDataset,
                  {{}, {}, [&](const QVariant& r) { dataset = r.value<DatasetPtr>(); }, {}, true, true});

    // The GUI thread's pulse: a 5 ms timer; a gap between two ticks is a stall.
    QElapsedTimer pulse;
    qint64 lastTick = 0, longestStall = 0;
    QTimer ticker;
    ticker.setInterval(5);
    connect(&ticker, &QTimer::timeout, this, [&] {
        const qint64 now = pulse.elapsed();
        longestStall = std::max(longestStall, now - lastTick);
        lastTick = now;
    });

    // Open the data set once so that the other requests have one.
    engine.post<OpenDatasetTask>(data);
    QTRY_VERIFY_WITH_TIMEOUT(!engine.isBusy() && dataset, 60000);

    // Every kind of request the soak sends, with and without an injected engine error.
    struct SoakRequest {
        RequestKind kind;
        bool injectsError;
        std::function<void()> post;
    };
    const std::vector<SoakRequest> table{
        {RequestKind::OpenDataset, false, [&] { engine.post<OpenDatasetTask>(data); }},
        {RequestKind::OpenDataset, true,
         [&] { engine.post<OpenDatasetTask>(dir.filePath(QStringLiteral("no-such-folder"))); }},
        {RequestKind::ValidateBackbone, false, [&] { engine.post<ValidateBackboneTask>(options.backbone); }},
        {RequestKind::ValidateBackbone, true, [&] { engine.post<ValidateBackboneTask>(badOptions.backbone); }},
        {RequestKind::BuildBank, false, [&] { engine.post<BuildBankTask>(dataset, QStringLiteral("wood"), options); }},
        {RequestKind::BuildBank, true,
         [&] { engine.post<BuildBankTask>(dataset, QStringLiteral("wood"), badOptions); }},
        {RequestKind::ScoreFiles, false, [&] { engine.post<ScoreFilesTask>(QStringList{goodImage}); }},
        {RequestKind::ScoreFiles, true, [&] { engine.post<ScoreFilesTask>(QStringList{badImage}); }},
        {RequestKind::ScoreTestSet, false, [&] { engine.post<ScoreTestSetTask>(dataset, QStringLiteral("wood")); }},
        {RequestKind::ProbeFeatures, false, [&] { engine.post<ProbeFeaturesTask>(options); }},
    };

    std::mt19937 rng(2000);
    std::uniform_int_distribution<int> kindOf(0, static_cast<int>(table.size()) - 1);
    std::uniform_real_distribution<double> unit(0, 1);
    int posted = 0, errorsInjected = 0, cancelsSent = 0;
    QVector<double> at, rss;
    const int warmUp = requests / 4;
    pulse.start();
    ticker.start();
    while (posted < requests) {
        // One to three requests at a time, of different kinds, then wait for all of them to end.
        const int batch = 1 + static_cast<int>(unit(rng) * 3);
        QSet<int> kinds;
        for (int b = 0; b < batch && posted < requests; ++b) {
            const int which = kindOf(rng);
            if (kinds.contains(which)) continue;
            kinds.insert(which);
            ++posted;
            const SoakRequest& request = table[static_cast<std::size_t>(which)];
            if (request.injectsError) ++errorsInjected;
            request.post();
            if (unit(rng) < 0.2) {
                // Cancel it a little later, while it is queued or running.
                ++cancelsSent;
                const RequestKind kind = request.kind;
                QTimer::singleShot(static_cast<int>(unit(rng) * 30), &engine,
                                   [&engine, kind] { engine.cancel(kind); });
            }
        }
        QElapsedTimer waited;
        waited.start();
        while ((engine.isBusy() || waited.elapsed() < 31) && waited.elapsed() < 60000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QVERIFY2(!engine.isBusy(), "a request never ended");
        if (posted >= warmUp && (at.isEmpty() || posted - at.last() >= 50)) {
            at.append(posted);
            rss.append(residentMiB());
        }
    }
    ticker.stop();
    const double mibPer1000 = slope(at, rss) * 1000.0;
    std::printf("soak: %d requests (%d engine errors injected, %d cancels sent); %d finished, %d failed, "
                "%d cancelled as the latest of their kind; longest GUI-thread stall %lld ms; resident %.1f -> %.1f "
                "MiB after warm-up, slope %.2f MiB per 1000 requests\n",
                posted, errorsInjected, cancelsSent, finished, failed, cancelled, static_cast<long long>(longestStall),
                rss.isEmpty() ? 0.0 : rss.first(), rss.isEmpty() ? 0.0 : rss.last(), mibPer1000);
    std::fflush(stdout);
    QVERIFY(failed >= errorsInjected / 4);  // the errors reached the GUI as failures
    QVERIFY2(longestStall <= 50, qPrintable(QStringLiteral("GUI thread stalled %1 ms").arg(longestStall)));
    QVERIFY2(std::abs(mibPer1000) < 8.0, qPrintable(QStringLiteral("resident memory grows %1 MiB per 1000 requests")
                                                         .arg(mibPer1000)));
    engine.shutdown();
}

QTEST_GUILESS_MAIN(EngineSoakTest)
#include "EngineSoakTest.moc"
