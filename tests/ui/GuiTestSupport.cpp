#include "GuiTestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest/QtTest>
#include <QFile>
#include <QFileInfo>
#include <QMetaEnum>
#include <QTextStream>
#include <QThread>

#include "engine/synth/DemoDatasetGenerator.h"
#include "ui/AppSetup.h"
#include "ui/EngineController.h"
#include "ui/MainWindow.h"
#include "ui/Workbench.h"

namespace pb::ui::test {

namespace {
bool recording = false;
int depth = 0;  // only outermost deliveries: a nested event is part of its parent's time
qint64 slowest = 0;
QString slowestName;
}  // namespace

bool TimingApplication::notify(QObject* receiver, QEvent* event) {
    if (!recording || depth > 0 || QThread::currentThread() != thread()) return QApplication::notify(receiver, event);
    const int type = event->type();
    const QString target = QStringLiteral("%1 (%2)").arg(QString::fromLatin1(receiver->metaObject()->className()),
                                                         receiver->objectName());
    QElapsedTimer clock;
    clock.start();
    ++depth;
    const bool result = QApplication::notify(receiver, event);
    --depth;
    if (clock.elapsed() > slowest) {
        slowest = clock.elapsed();
        const char* name = QMetaEnum::fromType<QEvent::Type>().valueToKey(type);
        slowestName = QStringLiteral("%1 to %2").arg(name ? QString::fromLatin1(name) : QString::number(type), target);
    }
    return result;
}

ResultSpy::ResultSpy(EngineController* controller, std::initializer_list<RequestKind> kinds) {
    const QList<RequestKind> wanted(kinds);
    connect(controller, &EngineController::finished, this,
            [this, wanted](RequestKind kind, quint64, const QVariant& result) {
                if (wanted.contains(kind)) append({result, QVariant::fromValue(kind)});
            });
}

bool ResultSpy::wait(int timeoutMs) {
    const qsizetype before = size();
    return QTest::qWaitFor([&] { return size() > before; }, timeoutMs);
}

void TimingApplication::record(bool on) {
    if (on) {
        slowest = 0;
        slowestName.clear();
    }
    recording = on;
}

qint64 TimingApplication::slowestMs() { return slowest; }

QString TimingApplication::slowestEvent() { return slowestName; }

StallMeter::StallMeter(QObject* parent) : QObject(parent) {
    timer_.setTimerType(Qt::PreciseTimer);
    timer_.setInterval(5);
    connect(&timer_, &QTimer::timeout, this, &StallMeter::tick);
}

void StallMeter::start() {
    TimingApplication::record(true);
    maxGap_ = 0;
    ticks_ = 0;
    clock_.start();
    last_ = 0;
    timer_.start();
}

void StallMeter::stop() {
    tick();
    timer_.stop();
    TimingApplication::record(false);
}

void StallMeter::tick() {
    const qint64 now = clock_.elapsed();
    if (now - last_ > maxGap_) {
        maxGap_ = now - last_;
        maxAt_ = now;
    }
    last_ = now;
    ++ticks_;
}

QString sharedDir() {
    QString dir = QDir(QStringLiteral(PATCHBANK_SOURCE_DIR)).absoluteFilePath(QStringLiteral("../shared"));
    const QByteArray env = qgetenv("PATCHBANK_SHARED");
    if (!env.isEmpty()) dir = QString::fromLocal8Bit(env);
    return QFileInfo::exists(QDir(dir).filePath(QStringLiteral("README.md"))) ? QDir(dir).canonicalPath() : QString();
}

QString screenshotDir() {
    QString dir = QString::fromLocal8Bit(qgetenv("PATCHBANK_SCREENSHOT_DIR"));
    if (dir.isEmpty()) dir = QDir::temp().filePath(QStringLiteral("patchbank-ui-screenshots"));
    QDir().mkpath(dir);
    return dir;
}

QVector<QStringList> readCsv(const QString& file) {
    QVector<QStringList> rows;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return rows;
    QTextStream in(&f);
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (!line.isEmpty()) rows.append(line.split(QLatin1Char(',')));
    }
    return rows;
}

void setUpApplication(const QString& applicationName, const QString& settingsDir) {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("PatchBankTests"));
    QCoreApplication::setApplicationName(applicationName);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir);
    QSettings().setValue(QStringLiteral("language"), QStringLiteral("en"));
    AppSetup::initialize(*qApp);
}

QString generateSmallDemo(const QString& dir) {
    pb::DemoDatasetOptions demo;
    demo.trainPerProduct = 10;
    demo.testGoodPerProduct = 4;
    demo.testDefectPerProduct = 6;
    pb::generateDemoDataset(dir.toStdString(), demo);
    return dir;
}

std::unique_ptr<MainWindow> showMainWindow() {
    auto w = std::make_unique<MainWindow>();
    w->resize(1600, 1000);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get())) qWarning("window not exposed");
    return w;
}

bool openDataset(MainWindow& window, const QString& folder) {
    QSignalSpy shown(&window, &MainWindow::datasetShown);
    window.openDataset(folder);
    return shown.wait(30000);
}

void spin(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

}  // namespace pb::ui::test
