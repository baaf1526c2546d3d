#include "ui/EngineWorker.h"

#include <QElapsedTimer>
#include <new>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "engine/util/Error.h"

namespace pb::ui {

EngineWorker::EngineWorker(QObject* parent) : QObject(parent) {}

EngineWorker::~EngineWorker() = default;

void EngineWorker::lowerThreadPriority() {
#ifdef __linux__
    // Linux nice values are per thread and inherited by the threads this one creates (OpenMP,
    // LibTorch pools), so on a small machine the GUI thread wins the CPU when it wakes up.
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 5);
#endif
}

void EngineWorker::run(quint64 id, const EngineTaskPtr& task, const CancelToken& token) {
    const RequestKind kind = task->kind();
    if (token.cancelled()) {
        // Superseded while it waited in the queue: never started.
        emit cancelled(id, kind);
        return;
    }
    emit started(id, kind);
    try {
        const QVariant result = task->run(state_, makeProgress(id, kind, token));
        emit finished(id, kind, result);
    } catch (const Cancelled&) {
        emit cancelled(id, kind);
    } catch (const Error& e) {
        emit failed(id, kind, QString::fromStdString(e.what()));
    } catch (const std::bad_alloc&) {
        emit failed(id, kind, EngineWorker::tr("out of memory"));
    } catch (const std::exception& e) {
        emit failed(id, kind, QString::fromStdString(e.what()));
    }
}

Progress EngineWorker::makeProgress(quint64 id, RequestKind kind, const CancelToken& token) {
    Progress p;
    p.cancel = token;
    // Rate-limited so that a fast stage cannot flood the GUI thread with queued events.
    auto clock = std::make_shared<QElapsedTimer>();
    auto lastStage = std::make_shared<std::string>();
    p.onStep = [this, id, kind, clock, lastStage](const std::string& stage, std::size_t done, std::size_t total) {
        if (clock->isValid() && stage == *lastStage && done != total && done != 0 && clock->elapsed() < 40) return;
        clock->start();
        *lastStage = stage;
        emit progress(id, kind, QString::fromStdString(stage), static_cast<qint64>(done), static_cast<qint64>(total));
    };
    p.onProblem = [this, id, kind](const Problem& problem) {
        emit this->problem(id, kind, QString::fromStdString(problem.file), QString::fromStdString(problem.reason));
    };
    return p;
}

}  // namespace pb::ui
