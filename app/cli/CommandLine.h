// The command line of one patchbank-cli command, read against the option table (Options.h): every
// option is checked when the command line is read, so a command only ever sees valid values.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "app/cli/Options.h"

namespace pb::cli {

class CommandLine {
public:
    // command: a name from the command table ("bank build"); args: everything after it. Throws pb::Error
    // for an option the command does not take, a missing or malformed value, a single-valued option
    // given twice, or more arguments than the command takes besides its options.
    CommandLine(std::string command, const std::vector<std::string>& args);

    const std::string& command() const { return command_; }
    bool has(const std::string& name) const;
    // Whether the command takes the option at all (for code shared by commands with different options).
    bool takes(const std::string& name) const { return findOption(command_, name) != nullptr; }
    // A flag's value: false when absent, true when given bare or as --name=true.
    bool flag(const std::string& name) const;
    std::string value(const std::string& name, const std::string& fallback = {}) const;
    std::vector<std::string> values(const std::string& name) const;
    // A comma-separated value ("a,b,c") as its non-empty items; `fallback` when the option is absent.
    std::vector<std::string> list(const std::string& name, const std::string& fallback = {}) const;
    std::vector<int> intList(const std::string& name, const std::string& fallback = {}) const;
    int intValue(const std::string& name, int fallback) const;
    double doubleValue(const std::string& name, double fallback) const;
    const std::vector<std::string>& positional() const { return positional_; }
    // Throws pb::Error ("--data DIR is required") for the first of `names` not given.
    void require(const std::vector<std::string>& names) const;

private:
    // The table entry of one of the command's options; std::logic_error for a name it does not take
    // (a command reading an option its table entry lacks is a bug, not a user error).
    const OptionSpec& spec(const std::string& name) const;

    std::string command_;
    std::map<std::string, std::vector<std::string>> options_;
    std::vector<std::string> positional_;
};

}  // namespace pb::cli
