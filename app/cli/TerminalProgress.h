// Adapts engine progress to the terminal: a redrawn bar on a TTY, plain stage lines otherwise,
// nothing with --quiet. Problems are always printed to stderr.
#pragma once
#include <chrono>
#include <string>

#include "engine/util/Progress.h"

namespace pb::cli {

class TerminalProgress {
public:
    explicit TerminalProgress(bool quiet);
    ~TerminalProgress();
    const Progress& progress() const { return progress_; }
    std::size_t problems() const { return problems_; }
    void finishLine();

private:
    void onStep(const std::string& stage, std::size_t done, std::size_t total);

    Progress progress_;
    bool quiet_;
    bool tty_;
    std::string lastStage_;
    std::size_t problems_ = 0;
    bool lineOpen_ = false;
    std::chrono::steady_clock::time_point stageStart_;
    std::chrono::steady_clock::time_point lastDraw_;
};

}  // namespace pb::cli
