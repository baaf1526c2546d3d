// The one exception type that leaves the engine: what went wrong and with which file.
#pragma once
#include <stdexcept>
#include <string>

namespace pb {

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& reason, const std::string& file = {})
        : std::runtime_error(file.empty() ? reason : file + ": " + reason), file_(file), reason_(reason) {}
    const std::string& file() const { return file_; }
    const std::string& reason() const { return reason_; }

private:
    std::string file_;
    std::string reason_;
};

// Raised when a CancelToken was triggered; callers treat it as a clean stop, not a failure.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

}  // namespace pb
