// The GUI-thread face of the engine: owns the EngineWorker and its QThread, numbers the tasks
// posted to it, cancels the older request of a kind when a newer one arrives (and the kinds a task
// makes moot) and delivers only the outcome of the latest request of each kind, to the handler
// registered for that kind and as one finished, failed or cancelled signal. Nothing here ever
// waits on the engine, except shutdown().
#pragma once
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThread>
#include <QVariant>
#include <functional>

#include "engine/util/Progress.h"
#include "ui/EngineTask.h"

namespace pb::ui {

class EngineWorker;

// What the GUI does with one kind of engine work; every member but finished is optional.
struct EngineHandler {
    std::function<void()> started;
    std::function<void(const QString& stage, qint64 done, qint64 total)> progress;
    std::function<void(const QVariant& result)> finished;
    // Undoes what waited on the request (a pending score, a panel showing "running"); the reason
    // is empty when it was cancelled. The generic report (status bar, error box) follows it.
    std::function<void(const QString& reason)> stopped;
    bool quiet = false;       // no status message when it starts
    bool background = false;  // its failures and cancels are not reported either
};

class EngineController : public QObject {
    Q_OBJECT
public:
    explicit EngineController(QObject* parent = nullptr);
    ~EngineController() override;

    // Runs the task on the engine thread after the work already queued; returns its request id
    // (0 after shutdown).
    quint64 post(EngineTaskPtr task);
    template <class Task, class... Args>
    quint64 post(Args&&... args) {
        return post(std::make_shared<Task>(std::forward<Args>(args)...));
    }
    void handle(RequestKind kind, EngineHandler handler);
    const EngineHandler* handler(RequestKind kind) const;

    void cancel(RequestKind kind);
    void cancelAll();
    bool isBusy() const { return !inFlight_.isEmpty(); }
    bool isPending(RequestKind kind) const;

    // Cancels everything and joins the engine thread; every engine loop polls its token, so this
    // returns within about a second. Called when the window closes; safe to call twice.
    void shutdown();

signals:
    void started(pb::ui::RequestKind kind);
    void progress(pb::ui::RequestKind kind, const QString& stage, qint64 done, qint64 total);
    void problem(pb::ui::RequestKind kind, const QString& file, const QString& reason);
    // The outcome of the latest request of a kind, after its handler ran.
    void finished(pb::ui::RequestKind kind, quint64 id, const QVariant& result);
    void failed(pb::ui::RequestKind kind, quint64 id, const QString& reason);
    void cancelled(pb::ui::RequestKind kind, quint64 id);
    void busyChanged(bool busy);

private:
    bool isLatest(quint64 id, RequestKind kind) const;
    void onEnded(quint64 id);

    QThread thread_;
    EngineWorker* worker_ = nullptr;  // lives on thread_, deleted there when it finishes
    quint64 nextId_ = 1;
    QHash<int, quint64> latest_;       // kind -> id of its newest request
    QHash<int, CancelToken> tokens_;   // kind -> token of its newest request
    QHash<int, EngineHandler> handlers_;
    QSet<quint64> inFlight_;
    bool shutDown_ = false;
};

}  // namespace pb::ui
