#include "ui/SuiteQueue.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QTimer>
#include <algorithm>

#include "engine/suite/SuiteFile.h"
#include "engine/util/Error.h"
#include "ui/EngineController.h"
#include "ui/EngineTasks.h"

namespace pb::ui {

namespace {

QStringList assignments(const std::map<std::string, std::string>& values) {
    QStringList out;
    for (const auto& [key, value] : values) out << QString::fromStdString(key + "=" + value);
    return out;
}

std::map<std::string, std::string> fromAssignments(const QStringList& items) {
    std::map<std::string, std::string> out;
    for (const QString& item : items) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        if (eq > 0) out[item.left(eq).toStdString()] = item.mid(eq + 1).toStdString();
    }
    return out;
}

bool unfinished(SuiteQueue::RunState state) {
    return state != SuiteQueue::RunState::Done && state != SuiteQueue::RunState::Failed;
}

}  // namespace

SuiteQueue::SuiteQueue(EngineController* controller, QObject* parent) : QObject(parent), controller_(controller) {
    snapshotTimer_ = new QTimer(this);
    snapshotTimer_->setSingleShot(true);
    snapshotTimer_->setInterval(1500);
    connect(snapshotTimer_, &QTimer::timeout, this, [this] {
        if (!snapshotDirty_) return;
        snapshotDirty_ = false;
        requestSnapshot(shown_);
    });
    registerHandlers();
}

SuiteQueue::~SuiteQueue() = default;

void SuiteQueue::registerHandlers() {
    EngineHandler cell;
    cell.quiet = true;  // the panel narrates every cell
    cell.started = [this] {
        Run* r = find(inFlight_);
        if (!r || !r->session || r->running >= 0) return;
        cellClock_.start();
        // Not the request that opens the log: it runs the cell its predecessor named.
        if (r->predicted >= 0) {
            r->running = r->predicted;
            markCell(*r, static_cast<std::size_t>(r->running), CellState::Running);
        }
    };
    cell.progress = [this](const QString& stage, qint64 done, qint64 total) {
        if (const Run* r = find(inFlight_)) emit cellProgress(r->id, r->running, stage, done, total);
    };
    cell.finished = [this](const QVariant& result) { onOutcome(result.value<SuiteCellOutcome>()); };
    cell.stopped = [this](const QString& reason) { onStopped(reason); };
    controller_->handle(RequestKind::RunSuiteCell, cell);

    EngineHandler summary;
    summary.quiet = summary.background = true;  // a log that cannot be read is said in the panel
    summary.finished = [this](const QVariant& result) {
        const auto snapshot = result.value<SuiteSnapshotPtr>();
        Run* r = find(snapshot->run);
        if (!r) return;
        r->snapshot = snapshot;
        std::size_t inLog = 0;
        for (const auto& [cell, seconds] : snapshot->cellSeconds) {
            const auto it = r->cellIndex.find(cell);
            if (it == r->cellIndex.end()) continue;
            ++inLog;
            if (r->cells[it->second].state != CellState::Done || r->cells[it->second].seconds < 0)
                markCell(*r, it->second, CellState::Done, seconds);
        }
        // The log only grows while the run is queued: a snapshot never holds fewer cells than an outcome said.
        r->done = std::max(r->done, inLog);
        emit snapshotChanged(r->id);
        emit runChanged(r->id);
    };
    summary.stopped = [this](const QString& reason) {
        if (reason.isEmpty()) return;
        if (Run* r = find(shown_)) {
            r->message = tr("The results log cannot be read: %1").arg(reason);
            emit runChanged(r->id);
        }
    };
    controller_->handle(RequestKind::SummariseSuite, summary);
}

SuiteQueue::Run* SuiteQueue::find(int id) {
    for (auto& r : runs_)
        if (r->id == id) return r.get();
    return nullptr;
}

const SuiteQueue::Run* SuiteQueue::run(int id) const {
    for (const auto& r : runs_)
        if (r->id == id) return r.get();
    return nullptr;
}

QList<int> SuiteQueue::runs() const {
    QList<int> ids;
    for (const auto& r : runs_) ids << r->id;
    return ids;
}

int SuiteQueue::add(SuiteRunRequest request) {
    if (!request.suite) {
        emit refused(tr("Choose a suite first."));
        return 0;
    }
    for (const std::string& name : request.suite->datasets) {
        const auto it = request.datasets.find(name);
        if (it == request.datasets.end() || it->second.empty() ||
            !QFileInfo(QString::fromStdString(it->second)).isDir()) {
            emit refused(tr("The data set %1 has no folder.").arg(QString::fromStdString(name)));
            return 0;
        }
    }
    if (request.log.isEmpty()) {
        emit refused(tr("Choose a results log."));
        return 0;
    }
    const QString log = QFileInfo(request.log).absoluteFilePath();
    for (const auto& r : runs_)
        if (unfinished(r->state) && QFileInfo(r->request.log).absoluteFilePath() == log) {
            emit refused(tr("A queued run of %1 writes %2 already; give this one another results log.")
                             .arg(QString::fromStdString(r->request.suite->name), QDir::toNativeSeparators(log)));
            return 0;
        }
    request.log = log;
    auto run = std::make_unique<Run>();
    run->id = nextId_++;
    run->request = std::move(request);
    const auto& cells = run->request.suite->cells;
    run->cells.resize(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) run->cellIndex[cells[i].id] = i;
    if (restoring_) {
        run->state = RunState::Paused;
        run->message = tr("Restored from the last session: Resume goes on from its results log.");
    }
    const int id = run->id;
    runs_.push_back(std::move(run));
    emit runsChanged();
    persist();
    schedule();
    return id;
}

void SuiteQueue::pause() {
    if (paused_) return;
    paused_ = true;
    for (auto& r : runs_) {
        if (r->id == inFlight_) {
            r->message = tr("Pausing after the cell running now…");
        } else if (r->state == RunState::Running) {
            r->state = RunState::Paused;
            r->message.clear();
        } else {
            continue;
        }
        emit runChanged(r->id);
    }
    emit pausedChanged(true);
}

void SuiteQueue::resume() {
    if (!paused_) return;
    paused_ = false;
    for (auto& r : runs_)
        if (r->state == RunState::Paused || (r->id == inFlight_ && r->id != cancelling_)) {
            if (r->state == RunState::Paused) r->state = RunState::Waiting;
            r->message.clear();
            emit runChanged(r->id);
        }
    emit pausedChanged(false);
    schedule();
}

void SuiteQueue::cancel(int id) {
    Run* r = find(id);
    if (!r) return;
    if (id == inFlight_) {
        // The cell stops at its next progress step; the run leaves the queue when its request ends.
        cancelling_ = id;
        r->message = tr("Cancelling…");
        emit runChanged(id);
        controller_->cancel(RequestKind::RunSuiteCell);
        return;
    }
    remove(id);
}

void SuiteQueue::remove(int id) {
    const auto it = std::find_if(runs_.begin(), runs_.end(), [id](const auto& r) { return r->id == id; });
    if (it == runs_.end()) return;
    runs_.erase(it);
    if (shown_ == id) shown_ = 0;
    emit runsChanged();
    persist();
}

void SuiteQueue::schedule() {
    if (inFlight_ || paused_) return;
    for (auto& r : runs_) {
        if (!unfinished(r->state)) continue;
        r->state = RunState::Running;
        r->message.clear();
        if (!r->session) {
            suite::SuiteRunOptions options;
            options.datasets = r->request.datasets;
            options.weights = r->request.weights;
            options.cacheDir = r->request.cacheDir.toStdString();
            options.modelsDir = r->request.log.toStdString() + ".models";  // as the CLI: beside the log
            r->session =
                std::make_shared<SuiteSession>(r->id, *r->request.suite, options, r->request.log.toStdString());
            r->opened = false;
            r->predicted = -1;
        }
        inFlight_ = r->id;
        emit runChanged(r->id);
        controller_->post<RunSuiteCellTask>(r->session);
        return;
    }
}

void SuiteQueue::markCell(Run& run, std::size_t index, CellState state, double seconds, const QString& error) {
    Cell& c = run.cells.at(index);
    c.state = state;
    if (seconds >= 0) c.seconds = seconds;
    c.error = error;
    emit cellChanged(run.id, static_cast<int>(index));
}

void SuiteQueue::onOutcome(const SuiteCellOutcome& o) {
    inFlight_ = 0;
    Run* r = find(o.run);
    if (!r) {
        schedule();
        return;
    }
    const int id = r->id;
    if (o.opened) {
        r->opened = true;
        for (const std::string& cell : o.logCells) {
            const auto it = r->cellIndex.find(cell);
            if (it != r->cellIndex.end() && r->cells[it->second].state != CellState::Done)
                markCell(*r, it->second, CellState::Done);
        }
        if (o.repairedBytes > 0)
            r->message = tr("A torn last line (%n byte(s)) was cut from the results log; its cell runs again.", nullptr,
                            static_cast<int>(o.repairedBytes));
    }
    if (o.index) {
        const double wall = cellClock_.isValid() ? cellClock_.elapsed() / 1000.0 : o.seconds;
        r->cellSeconds += wall;
        ++r->cellsRun;
        if (o.failed) {
            ++r->failed;
            markCell(*r, *o.index, CellState::Failed, wall, o.error);
        } else {
            markCell(*r, *o.index, CellState::Done, o.seconds);
        }
    }
    r->running = -1;
    r->done = o.status.done;
    r->predicted = o.next ? static_cast<int>(*o.next) : -1;
    if (o.index) emit cellFinished(id, static_cast<int>(*o.index), !o.failed);
    if (cancelling_ == id) {
        // The cell ended before the cancel reached it: it stays in the log, the run leaves the queue.
        cancelling_ = 0;
        remove(id);
        schedule();
        return;
    }
    if (id == shown_ && (o.index || (o.opened && !o.logCells.empty()))) requestSnapshot(id);
    if (!o.next) {
        finish(*r, RunState::Done,
               r->failed > 0
                   ? tr("%n cell(s) failed; queue the suite again to retry them.", nullptr, static_cast<int>(r->failed))
                   : QString());
    } else if (paused_) {
        r->state = RunState::Paused;
        r->message.clear();
        emit runChanged(id);
    } else {
        emit runChanged(id);
    }
    schedule();
}

void SuiteQueue::onStopped(const QString& reason) {
    const int id = inFlight_;
    inFlight_ = 0;
    Run* r = find(id);
    if (!r) {
        schedule();
        return;
    }
    if (r->running >= 0) {
        // A cancelled cell is not in the log and runs again when the run goes on.
        const double wall = cellClock_.isValid() ? cellClock_.elapsed() / 1000.0 : 0.0;
        r->cellSeconds += wall;
        markCell(*r, static_cast<std::size_t>(r->running), CellState::Pending);
        r->running = -1;
    }
    if (cancelling_ == id) {
        cancelling_ = 0;
        remove(id);
        schedule();
        return;
    }
    if (reason.isEmpty()) {
        // Cancelled from elsewhere (the engine panel's Cancel, Esc): nothing is lost, the queue waits.
        r->state = RunState::Paused;
        r->message = tr("The running cell was cancelled; Resume runs it again.");
        const bool wasPaused = paused_;
        paused_ = true;
        emit runChanged(id);
        if (!wasPaused) emit pausedChanged(true);
        return;
    }
    finish(*r, RunState::Failed, reason);
    schedule();
}

void SuiteQueue::finish(Run& run, RunState state, const QString& message) {
    run.state = state;
    run.message = message;
    run.running = -1;
    run.session.reset();  // frees the features its cells shared
    emit runChanged(run.id);
    emit runFinished(run.id);
    persist();
}

double SuiteQueue::elapsedSeconds(int id) const {
    const Run* r = run(id);
    if (!r) return 0.0;
    const bool running = inFlight_ == id && r->running >= 0 && cellClock_.isValid();
    return r->cellSeconds + (running ? cellClock_.elapsed() / 1000.0 : 0.0);
}

double SuiteQueue::remainingSeconds(int id) const {
    const Run* r = run(id);
    if (!r || r->cellsRun == 0) return -1.0;
    const std::size_t total = r->cells.size();
    const std::size_t left = total > r->done + r->failed ? total - r->done - r->failed : 0;
    const double perCell = r->cellSeconds / r->cellsRun;
    double remaining = perCell * static_cast<double>(left);
    if (inFlight_ == id && r->running >= 0 && cellClock_.isValid())
        remaining -= std::min(perCell, cellClock_.elapsed() / 1000.0);
    return std::max(0.0, remaining);
}

void SuiteQueue::setShownRun(int id) {
    if (shown_ == id) return;
    shown_ = id;
    snapshotDirty_ = false;
    snapshotTimer_->stop();
    requestSnapshot(id);
}

void SuiteQueue::requestSnapshot(int id) {
    const Run* r = run(id);
    if (!r || id != shown_) return;
    if (snapshotTimer_->isActive()) {
        snapshotDirty_ = true;
        return;
    }
    controller_->post<SummariseSuiteTask>(id, r->request.suite, r->request.log);
    snapshotTimer_->start();
}

void SuiteQueue::persist() const {
    if (restoring_) return;
    QSettings settings;
    saveSettings(settings);
}

void SuiteQueue::saveSettings(QSettings& s) const {
    s.beginGroup(QStringLiteral("suiteQueue"));
    s.remove(QStringLiteral("runs"));
    s.beginWriteArray(QStringLiteral("runs"));
    int i = 0;
    for (const auto& r : runs_) {
        if (!unfinished(r->state)) continue;
        s.setArrayIndex(i++);
        s.setValue(QStringLiteral("suite"), r->request.suiteFile);
        s.setValue(QStringLiteral("log"), r->request.log);
        s.setValue(QStringLiteral("datasets"), assignments(r->request.datasets));
        s.setValue(QStringLiteral("weights"), assignments(r->request.weights));
        s.setValue(QStringLiteral("cache"), r->request.cacheDir);
    }
    s.endArray();
    s.endGroup();
}

void SuiteQueue::loadSettings(QSettings& s) {
    s.beginGroup(QStringLiteral("suiteQueue"));
    const int count = s.beginReadArray(QStringLiteral("runs"));
    std::vector<SuiteRunRequest> requests;
    QStringList problems;
    for (int i = 0; i < count; ++i) {
        s.setArrayIndex(i);
        SuiteRunRequest request;
        request.suiteFile = s.value(QStringLiteral("suite")).toString();
        request.log = s.value(QStringLiteral("log")).toString();
        request.datasets = fromAssignments(s.value(QStringLiteral("datasets")).toStringList());
        request.weights = fromAssignments(s.value(QStringLiteral("weights")).toStringList());
        request.cacheDir = s.value(QStringLiteral("cache")).toString();
        try {
            request.suite = std::make_shared<const suite::Suite>(suite::readSuite(request.suiteFile.toStdString()));
            requests.push_back(std::move(request));
        } catch (const Error& e) {
            problems << tr("A queued run could not be restored: %1").arg(QString::fromStdString(e.what()));
        }
    }
    s.endArray();
    s.endGroup();
    if (requests.empty()) {
        for (const QString& p : problems) emit refused(p);
        return;
    }
    // Restored runs wait for Resume: a long job never starts by itself when the workbench opens.
    restoring_ = true;
    const bool wasPaused = paused_;
    paused_ = true;
    for (SuiteRunRequest& request : requests) add(std::move(request));
    restoring_ = false;
    if (!wasPaused) emit pausedChanged(true);
    for (const QString& p : problems) emit refused(p);
    persist();
}

}  // namespace pb::ui
