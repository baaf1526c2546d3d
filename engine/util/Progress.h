// Progress reporting and cooperative cancellation for every long engine operation.
// The CLI adapts a Progress to a terminal bar, the GUI worker to queued signals.
#pragma once
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/util/Error.h"

namespace pb {

// Shared flag: whoever holds a copy can request a stop; the engine polls it between items.
class CancelToken {
public:
    CancelToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
    void cancel() const { flag_->store(true); }
    bool cancelled() const { return flag_->load(); }
    void throwIfCancelled() const {
        if (cancelled()) throw Cancelled();
    }

private:
    std::shared_ptr<std::atomic<bool>> flag_;
};

// A problem with one item (one image, one mask) that did not stop the whole run.
struct Problem {
    std::string file;
    std::string reason;
};

// Receives stage names, fractions done and per-item problems. All callbacks are optional.
struct Progress {
    std::function<void(const std::string& stage, std::size_t done, std::size_t total)> onStep;
    std::function<void(const Problem&)> onProblem;
    CancelToken cancel;

    void step(const std::string& stage, std::size_t done, std::size_t total) const {
        if (onStep) onStep(stage, done, total);
        cancel.throwIfCancelled();
    }
    void problem(const std::string& file, const std::string& reason) const {
        if (onProblem) onProblem(Problem{file, reason});
    }
};

}  // namespace pb
