// Wall-clock seconds spent per pipeline stage (decode, preprocess, backbone, kNN, ...), in first-use order.
#pragma once
#include <chrono>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace pb {

class StageTimes {
public:
    void add(const std::string& stage, double seconds) {
        std::lock_guard<std::mutex> lock(mutex_);
        for (auto& [name, total] : entries_)
            if (name == stage) {
                total += seconds;
                return;
            }
        entries_.emplace_back(stage, seconds);
    }
    void merge(const StageTimes& other) {
        for (const auto& [name, seconds] : other.entries()) add(name, seconds);
    }
    std::vector<std::pair<std::string, double>> entries() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return entries_;
    }
    double get(const std::string& stage) const {
        std::lock_guard<std::mutex> lock(mutex_);
        for (const auto& [name, total] : entries_)
            if (name == stage) return total;
        return 0.0;
    }

    StageTimes() = default;
    StageTimes(const StageTimes& other) : entries_(other.entries()) {}
    StageTimes& operator=(const StageTimes& other) {
        if (this != &other) {
            auto copy = other.entries();
            std::lock_guard<std::mutex> lock(mutex_);
            entries_ = std::move(copy);
        }
        return *this;
    }

private:
    mutable std::mutex mutex_;
    std::vector<std::pair<std::string, double>> entries_;
};

// Adds the lifetime of the scope to one stage.
class ScopedStageTimer {
public:
    ScopedStageTimer(StageTimes& times, std::string stage)
        : times_(times), stage_(std::move(stage)), start_(std::chrono::steady_clock::now()) {}
    ~ScopedStageTimer() {
        times_.add(stage_, std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count());
    }

private:
    StageTimes& times_;
    std::string stage_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace pb
