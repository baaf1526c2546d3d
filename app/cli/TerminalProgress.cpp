#include "app/cli/TerminalProgress.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "engine/util/BlasKernel.h"

namespace pb::cli {

TerminalProgress::TerminalProgress(bool quiet) : quiet_(quiet), tty_(isatty(STDERR_FILENO) != 0) {
    progress_.onStep = [this](const std::string& stage, std::size_t done, std::size_t total) {
        onStep(stage, done, total);
    };
    progress_.onProblem = [this](const Problem& p) {
        finishLine();
        ++problems_;
        std::cerr << "warning: " << p.file << ": " << p.reason << "\n";
    };
    if (!quiet_) std::cerr << "BLAS: " << blasSummary() << "\n";
}

TerminalProgress::~TerminalProgress() { finishLine(); }

void TerminalProgress::finishLine() {
    if (lineOpen_) {
        std::cerr << "\n";
        lineOpen_ = false;
    }
}

void TerminalProgress::onStep(const std::string& stage, std::size_t done, std::size_t total) {
    if (quiet_) return;
    const auto now = std::chrono::steady_clock::now();
    const bool newStage = stage != lastStage_;
    if (newStage) {
        finishLine();
        lastStage_ = stage;
        stageStart_ = now;
        if (!tty_) std::cerr << stage << " (" << total << ")\n";
    }
    if (!tty_) return;
    // Redraw at most 10 times a second, and always at the end of a stage.
    if (!newStage && done < total && now - lastDraw_ < std::chrono::milliseconds(100)) return;
    lastDraw_ = now;
    const double fraction = total ? static_cast<double>(done) / total : 1.0;
    const int width = 30;
    const int filled = static_cast<int>(fraction * width);
    const double elapsed = std::chrono::duration<double>(now - stageStart_).count();
    const double remaining = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0;
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "\r%-28.28s [%s%s] %zu/%zu %5.1fs left %4.0fs ", stage.c_str(),
                  std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(), done, total,
                  remaining, elapsed);
    std::cerr << buffer << std::flush;
    lineOpen_ = true;
}

}  // namespace pb::cli
