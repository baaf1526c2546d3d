// Minimal "--name value" / "--flag" parser for patchbank-cli subcommands, with clear errors.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace pb::cli {

class CommandLine {
public:
    // args: everything after the subcommand. flags: options that take no value.
    CommandLine(const std::vector<std::string>& args, const std::vector<std::string>& flags);

    bool has(const std::string& name) const;
    std::string value(const std::string& name, const std::string& fallback = {}) const;
    std::vector<std::string> values(const std::string& name) const;
    // A comma-separated value ("a,b,c") as its non-empty items; `fallback` when the option is absent.
    std::vector<std::string> list(const std::string& name, const std::string& fallback = {}) const;
    int intValue(const std::string& name, int fallback) const;
    double doubleValue(const std::string& name, double fallback) const;
    const std::vector<std::string>& positional() const { return positional_; }
    // Throws pb::Error naming the first option not in `known`.
    void requireOnly(const std::vector<std::string>& known) const;

private:
    std::map<std::string, std::vector<std::string>> options_;
    std::vector<std::string> positional_;
};

}  // namespace pb::cli
