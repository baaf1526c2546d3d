// Runs patchbank-cli as a child process and reads the CSV files it writes.
#pragma once
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace pb::test {

struct CliRun {
    int exitCode = -1;
    std::string output;  // stdout and stderr together
};

// A shell command line, its stderr merged into its stdout.
inline CliRun runShell(const std::string& commandLine) {
    CliRun run;
    const std::string command = commandLine + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return run;
    std::array<char, 4096> buffer{};
    while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) run.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

inline CliRun runCli(const std::string& arguments) { return runShell(std::string(PATCHBANK_CLI) + " " + arguments); }

// A CSV file (RFC 4180 quoting, no newlines inside fields) as header -> value maps, one per row.
inline std::vector<std::map<std::string, std::string>> readSimpleCsv(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::vector<std::map<std::string, std::string>> rows;
    std::string line;
    std::vector<std::string> header;
    auto split = [](const std::string& l) {
        std::vector<std::string> cells(1);
        bool quoted = false;
        for (std::size_t i = 0; i < l.size(); ++i) {
            const char c = l[i];
            if (quoted && c == '"' && i + 1 < l.size() && l[i + 1] == '"') {
                cells.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.emplace_back();
            } else {
                cells.back() += c;
            }
        }
        return cells;
    };
    if (!std::getline(in, line)) return rows;
    header = split(line);
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        auto cells = split(line);
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i) row[header[i]] = cells[i];
        rows.push_back(row);
    }
    return rows;
}

}  // namespace pb::test
