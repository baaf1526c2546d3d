// Helpers of the GUI tests: the longest event-loop stall, CSV reading, where the shared data
// and the screenshot folder are, and the common set-up (settings, demo data, a shown main window).
#pragma once
#include <QApplication>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVector>
#include <memory>

#include <QList>
#include <QVariant>
#include <initializer_list>

#include "ui/EngineResults.h"

namespace pb::ui {
class EngineController;
class MainWindow;
}

namespace pb::ui::test {

// Measures how long the GUI thread's event loop goes without running a 5 ms timer.
class StallMeter : public QObject {
    Q_OBJECT
public:
    explicit StallMeter(QObject* parent = nullptr);
    void start();
    void stop();
    qint64 maxGapMs() const { return maxGap_; }
    qint64 ticks() const { return ticks_; }
    qint64 maxGapEndMs() const { return maxAt_; }  // when the longest stall ended, since start()
    qint64 elapsedMs() const { return clock_.elapsed(); }

private:
    void tick();

    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ = 0;
    qint64 maxGap_ = 0;
    qint64 maxAt_ = 0;
    qint64 ticks_ = 0;
};

// The test's QApplication: times every event delivered on the GUI thread while recording, so that a
// stall can be pinned on the event (type and receiver) that caused it.
class TimingApplication : public QApplication {
public:
    TimingApplication(int& argc, char** argv) : QApplication(argc, argv) {}
    bool notify(QObject* receiver, QEvent* event) override;
    static void record(bool on);
    static qint64 slowestMs();
    static QString slowestEvent();  // "Expose to QWidgetWindow (mainWindowWindow)"
};

// The results of some kinds of engine work, recorded as QSignalSpy records a signal: one entry
// {result, kind} per finished request of those kinds.
class ResultSpy : public QObject, public QList<QList<QVariant>> {
    Q_OBJECT
public:
    ResultSpy(EngineController* controller, std::initializer_list<RequestKind> kinds);
    ResultSpy(EngineController* controller, RequestKind kind) : ResultSpy(controller, {kind}) {}
    bool wait(int timeoutMs);  // true when a new result arrived within the time
};

// ../shared beside the source tree (or $PATCHBANK_SHARED), empty when absent.
QString sharedDir();
// $PATCHBANK_SCREENSHOT_DIR, created; defaults to <tmp>/patchbank-ui-screenshots.
QString screenshotDir();
// Rows of a CSV file written by pb::CsvWriter (no quoted commas in the tests' paths).
QVector<QStringList> readCsv(const QString& file);

// Test-mode settings in `settingsDir` (INI, English), the application name, then AppSetup.
void setUpApplication(const QString& applicationName, const QString& settingsDir);
// Generates the small demo data set into `dir`: 3 products x (10 train + 4 good + 6 defective), which
// keeps every workflow fast. Returns `dir`.
QString generateSmallDemo(const QString& dir);
// A 1600 x 1000 main window, shown and exposed.
std::unique_ptr<MainWindow> showMainWindow();
// Opens a data set folder and waits (up to 30 s) until the window shows it.
bool openDataset(MainWindow& window, const QString& folder);
// Runs the event loop for a while. (QTest::qWait sleeps 10 ms between event batches, which would
// count as stalls of the GUI thread.)
void spin(int ms);

}  // namespace pb::ui::test
