// One unit of engine work: a task runs on the engine thread with a Progress (which carries its
// cancel token) and returns one result value. The EngineController posts tasks and reports each
// one's end with one signal (finished, failed or cancelled) carrying its id, kind and result;
// the Workbench or MainWindow registers one handler per kind. A new kind of work is a RequestKind
// (named beside it), one task class and one handler.
#pragma once
#include <QVariant>
#include <memory>
#include <vector>

#include "engine/util/Progress.h"
#include "ui/EngineResults.h"

namespace pb::ui {

// What the engine thread keeps between tasks: the loaded backbone (reused while its options stay
// the same) and the latest bank, which scoring uses. Only tasks touch it, on the engine thread.
class EngineState {
public:
    std::shared_ptr<Backbone> backboneFor(const BackboneOptions& options, int* patchStride = nullptr);
    const TrainedBankPtr& bank() const { return bank_; }
    void setBank(TrainedBankPtr bank) { bank_ = std::move(bank); }

private:
    std::shared_ptr<Backbone> backbone_;
    BackboneOptions backboneOptions_;
    TrainedBankPtr bank_;
};

class EngineTask {
public:
    virtual ~EngineTask() = default;
    virtual RequestKind kind() const = 0;
    // Kinds whose pending work this task makes moot: cancelled when it is posted (the newer
    // request of the task's own kind always supersedes the older one).
    virtual std::vector<RequestKind> supersedes() const { return {}; }
    // On the engine thread. Throws pb::Error (or Cancelled) instead of returning a partial result.
    virtual QVariant run(EngineState& state, const Progress& progress) = 0;
};
using EngineTaskPtr = std::shared_ptr<EngineTask>;

}  // namespace pb::ui
