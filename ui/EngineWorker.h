// The engine side of the GUI: lives on its own QThread and runs one task at a time, reporting its
// progress and its end as signals carrying the request id, the kind and the result value.
#pragma once
#include <QObject>
#include <QString>
#include <QVariant>

#include "engine/util/Progress.h"
#include "ui/EngineTask.h"

namespace pb::ui {

class EngineWorker : public QObject {
    Q_OBJECT
public:
    explicit EngineWorker(QObject* parent = nullptr);
    ~EngineWorker() override;

    // Called by the controller through a queued invocation, so it runs on the engine thread.
    void run(quint64 id, const EngineTaskPtr& task, const CancelToken& token);
    // Lowers the scheduling priority of the engine thread (and the pools it spawns) below the GUI's.
    void lowerThreadPriority();

signals:
    void started(quint64 id, pb::ui::RequestKind kind);
    void progress(quint64 id, pb::ui::RequestKind kind, const QString& stage, qint64 done, qint64 total);
    void problem(quint64 id, pb::ui::RequestKind kind, const QString& file, const QString& reason);
    // Exactly one of these three ends every request, whatever its outcome.
    void finished(quint64 id, pb::ui::RequestKind kind, const QVariant& result);
    void failed(quint64 id, pb::ui::RequestKind kind, const QString& reason);
    void cancelled(quint64 id, pb::ui::RequestKind kind);

private:
    Progress makeProgress(quint64 id, RequestKind kind, const CancelToken& token);

    EngineState state_;
};

}  // namespace pb::ui
