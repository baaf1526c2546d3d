// The queue of suite runs behind the "Reproduce paper" panel, without widgets: each run is a suite with
// its data-set folders, weights and results log; runs go one after the other, one cell per engine task
// (RunSuiteCellTask), the next posted when the last ends, so pausing stops after the current cell and
// cancelling stops the current cell through its token. The results log is the state: a run resumes where
// its log stands, in this session or the next (the unfinished runs are kept in the settings and come
// back paused). The tables and figures of the run the panel shows are recomputed from its log on the
// engine thread after its cells (SummariseSuiteTask).
#pragma once
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ui/EngineResults.h"

class QSettings;
class QTimer;

namespace pb::ui {

class EngineController;
class SuiteSession;

// What the user asked to run.
struct SuiteRunRequest {
    QString suiteFile;
    std::shared_ptr<const suite::Suite> suite;
    std::map<std::string, std::string> datasets;  // data-set name -> folder
    std::map<std::string, std::string> weights;  // backbone -> weights file (absent: random weights)
    QString log;
    QString cacheDir;  // feature cache; empty: none
};

class SuiteQueue : public QObject {
    Q_OBJECT
public:
    enum class RunState { Waiting, Running, Paused, Done, Failed };
    enum class CellState { Pending, Running, Done, Failed };
    struct Cell {
        CellState state = CellState::Pending;
        double seconds = -1.0;  // of a finished cell; negative when unknown
        QString error;  // of a failed cell
    };
    struct Run {
        int id = 0;
        SuiteRunRequest request;
        RunState state = RunState::Waiting;
        QString message;  // why it failed or paused, what the log held when it was opened
        std::vector<Cell> cells;  // one per suite cell
        std::size_t done = 0;  // cells in the log
        std::size_t failed = 0;  // cells failed in this session
        int running = -1;  // the cell running now
        SuiteSnapshotPtr snapshot;
        // Time spent on cells in this session, for the elapsed time and the estimate of what is left.
        double cellSeconds = 0.0;
        int cellsRun = 0;
        std::shared_ptr<SuiteSession> session;  // while the run is queued and has started
        bool opened = false;  // its session's log is open: `predicted` is the engine's next cell
        int predicted = -1;
        std::map<std::string, std::size_t> cellIndex;  // cell id -> index
    };

    explicit SuiteQueue(EngineController* controller, QObject* parent = nullptr);
    ~SuiteQueue() override;

    // Queues a run; 0 (and refused) when the request cannot run: no suite, a data set without a folder,
    // a log another queued run writes.
    int add(SuiteRunRequest request);
    // Pause: no cell starts after the one running now. Resume: the queue goes on from the logs.
    void pause();
    void resume();
    bool isPaused() const { return paused_; }
    // Stops the run's cell now (the log keeps the cells done) and removes the run from the queue.
    void cancel(int run);

    QList<int> runs() const;
    const Run* run(int id) const;
    int activeRun() const { return inFlight_; }  // the run whose cell is on the engine now; 0 when none
    bool isBusy() const { return inFlight_ != 0; }
    // Seconds the run has spent on cells in this session (the running cell included), and the estimate
    // of what is left from the seconds per cell so far; negative when there is no estimate yet.
    double elapsedSeconds(int id) const;
    double remainingSeconds(int id) const;

    // The run whose tables and figures are kept up to date (the panel's selection).
    void setShownRun(int id);
    int shownRun() const { return shown_; }

    // The unfinished runs, kept across sessions; restored runs wait paused.
    void loadSettings(QSettings& settings);
    void saveSettings(QSettings& settings) const;

signals:
    void runsChanged();  // a run was added or removed
    void runChanged(int id);  // its state or counts changed
    void cellChanged(int id, int index);  // a cell's state changed
    void cellProgress(int id, int index, const QString& stage, qint64 done, qint64 total);
    void cellFinished(int id, int index, bool ok);
    void snapshotChanged(int id);
    void pausedChanged(bool paused);
    void refused(const QString& reason);
    void runFinished(int id);  // done or failed

private:
    Run* find(int id);
    void registerHandlers();
    void schedule();
    void onOutcome(const SuiteCellOutcome& outcome);
    void onStopped(const QString& reason);
    void markCell(Run& run, std::size_t index, CellState state, double seconds = -1.0, const QString& error = {});
    void finish(Run& run, RunState state, const QString& message);
    void remove(int id);
    void requestSnapshot(int id);
    void persist() const;

    EngineController* controller_;
    std::vector<std::unique_ptr<Run>> runs_;
    int nextId_ = 1;
    int inFlight_ = 0;  // the run whose RunSuiteCell request is on the engine
    int cancelling_ = 0;  // the run the user cancelled while its cell ran
    bool paused_ = false;
    int shown_ = 0;
    QElapsedTimer cellClock_;
    QTimer* snapshotTimer_;  // at most one summary per interval while cells finish quickly
    bool snapshotDirty_ = false;
    bool restoring_ = false;
};

}  // namespace pb::ui
