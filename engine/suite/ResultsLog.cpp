#include "engine/suite/ResultsLog.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "engine/io/AtomicFile.h"
#include "engine/util/Error.h"

namespace pb::suite {

namespace {

// The complete lines of `text` and the length of the prefix they span.
std::vector<std::string> completeLines(const std::string& text, std::size_t& complete) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    complete = 0;
    for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
        if (end > start) lines.push_back(text.substr(start, end - start));
        start = end + 1;
        complete = start;
    }
    return lines;
}

std::string cellOf(const nlohmann::json& row, const std::filesystem::path& path, std::size_t line) {
    if (!row.is_object() || !row.contains("cell") || !row["cell"].is_string())
        throw Error("line " + std::to_string(line) + " is not a results row (a JSON object with a \"cell\")", path.string());
    return row["cell"].get<std::string>();
}

std::vector<nlohmann::json> parseRows(const std::vector<std::string>& lines, const std::filesystem::path& path) {
    std::vector<nlohmann::json> rows;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        nlohmann::json row = nlohmann::json::parse(lines[i], nullptr, false);
        if (row.is_discarded()) throw Error("line " + std::to_string(i + 1) + " is not JSON", path.string());
        cellOf(row, path, i + 1);
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace

ResultsLog::ResultsLog(std::filesystem::path path) : path_(std::move(path)) {
    if (path_.has_parent_path()) std::filesystem::create_directories(path_.parent_path());
    std::string text;
    if (std::filesystem::exists(path_)) text = readFileBytes(path_);
    std::size_t complete = 0;
    const auto rows = parseRows(completeLines(text, complete), path_);
    for (std::size_t i = 0; i < rows.size(); ++i) finished_.insert(rows[i]["cell"].get<std::string>());
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw Error(std::string("cannot open the results log: ") + std::strerror(errno), path_.string());
    if (complete < text.size()) {
        // A torn last line: the run was killed while writing it. Its cell was not finished.
        repaired_ = text.size() - complete;
        if (::ftruncate(fd_, static_cast<off_t>(complete)) != 0 || ::fsync(fd_) != 0)
            throw Error(std::string("cannot cut the torn last line: ") + std::strerror(errno), path_.string());
    }
    if (::lseek(fd_, 0, SEEK_END) < 0) throw Error(std::string("cannot seek: ") + std::strerror(errno), path_.string());
}

ResultsLog::~ResultsLog() {
    if (fd_ >= 0) ::close(fd_);
}

void ResultsLog::append(const std::string& cell, nlohmann::json row) {
    if (has(cell)) throw Error("cell " + cell + " is already in the results log", path_.string());
    row["cell"] = cell;
    const std::string line = row.dump() + "\n";  // one write: a kill leaves a prefix, never an interleaving
    std::size_t written = 0;
    while (written < line.size()) {
        const ssize_t n = ::write(fd_, line.data() + written, line.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw Error(std::string("cannot append to the results log: ") + std::strerror(errno), path_.string());
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd_) != 0) throw Error(std::string("cannot flush the results log: ") + std::strerror(errno), path_.string());
    finished_.insert(cell);
}

std::vector<nlohmann::json> ResultsLog::read(const std::filesystem::path& path) {
    const std::string text = readFileBytes(path);
    std::size_t complete = 0;
    return parseRows(completeLines(text, complete), path);
}

bool inShard(std::size_t index, int shard, int shards) {
    return shards <= 1 || static_cast<int>(index % static_cast<std::size_t>(shards)) == shard - 1;
}

std::pair<int, int> parseShard(const std::string& text) {
    const auto slash = text.find('/');
    int shard = 0, shards = 0;
    try {
        std::size_t used = 0;
        if (slash != std::string::npos) {
            shard = std::stoi(text.substr(0, slash), &used);
            if (used != slash) shard = 0;
            shards = std::stoi(text.substr(slash + 1), &used);
            if (used != text.size() - slash - 1) shards = 0;
        }
    } catch (const std::exception&) {
        shard = shards = 0;
    }
    if (shards < 1 || shard < 1 || shard > shards)
        throw Error("a shard is I/N with 1 <= I <= N (e.g. 2/4), got '" + text + "'");
    return {shard, shards};
}

MergeReport mergeLogs(const std::vector<std::filesystem::path>& logs, const std::vector<std::string>& expectedCells,
                      const std::filesystem::path& merged) {
    MergeReport report;
    std::set<std::string> seen;
    const std::set<std::string> expected(expectedCells.begin(), expectedCells.end());
    std::string out;
    for (const auto& log : logs)
        for (const auto& row : ResultsLog::read(log)) {
            const std::string cell = row["cell"].get<std::string>();
            if (!seen.insert(cell).second) {
                report.duplicates.push_back(cell);
                continue;
            }
            if (!expected.count(cell)) report.unexpected.push_back(cell);
            out += row.dump() + "\n";
            ++report.rows;
        }
    for (const auto& cell : expectedCells)
        if (!seen.count(cell)) report.missing.push_back(cell);
    writeFileAtomic(merged, out);
    return report;
}

}  // namespace pb::suite
