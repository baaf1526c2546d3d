// Helpers of the GUI tests: the longest event-loop stall, CSV reading, where the shared data
// and the screenshot folder are.
#pragma once
#include <QApplication>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVector>

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

// ../shared beside the source tree (or $PATCHBANK_SHARED), empty when absent.
QString sharedDir();
// $PATCHBANK_SCREENSHOT_DIR, created; defaults to <tmp>/patchbank-ui-screenshots.
QString screenshotDir();
// Rows of a CSV file written by pb::CsvWriter (no quoted commas in the tests' paths).
QVector<QStringList> readCsv(const QString& file);

}  // namespace pb::ui::test
