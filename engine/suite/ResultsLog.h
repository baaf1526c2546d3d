// The raw results of an experiment suite: one JSON object per line, each naming its cell, appended and
// flushed to disk cell by cell. A run killed at any moment loses at most the cell in flight; a torn last
// line (the kill came mid-write) is cut off when the log is opened again, so every row read is whole and
// a re-run skips exactly the cells already done.
#pragma once
#include <cstddef>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pb::suite {

class ResultsLog {
public:
    // Opens (creating it and its folder when missing) the log at `path`. Throws pb::Error naming the file
    // when it cannot be opened, or when a complete line is not a JSON object with a "cell" string.
    explicit ResultsLog(std::filesystem::path path);
    ~ResultsLog();
    ResultsLog(const ResultsLog&) = delete;
    ResultsLog& operator=(const ResultsLog&) = delete;

    bool has(const std::string& cell) const { return finished_.count(cell) > 0; }
    const std::set<std::string>& finished() const { return finished_; }
    // Bytes of a torn last line dropped when the log was opened (0 for a clean log).
    std::size_t repairedBytes() const { return repaired_; }
    const std::filesystem::path& path() const { return path_; }

    // Appends `row` with "cell": cell and flushes it to disk (fsync) before returning. Throws pb::Error when
    // the cell is already in the log (a cell is run once) or the write fails.
    void append(const std::string& cell, nlohmann::json row);

    // The complete rows of a log, in order (a torn last line is left out, the file is not changed).
    static std::vector<nlohmann::json> read(const std::filesystem::path& path);

private:
    std::filesystem::path path_;
    int fd_ = -1;
    std::set<std::string> finished_;
    std::size_t repaired_ = 0;
};

// Whether the cell at `index` of a suite's cell list belongs to shard `shard` of `shards` (1-based, as
// Slurm's array task ids): cells are dealt round-robin, so shards are disjoint and cover every cell.
bool inShard(std::size_t index, int shard, int shards);
// "I/N" -> {I, N}; throws pb::Error unless 1 <= I <= N.
std::pair<int, int> parseShard(const std::string& text);

struct MergeReport {
    std::size_t rows = 0;                 // rows written to the merged log
    std::vector<std::string> missing;     // expected cells no log has
    std::vector<std::string> duplicates;  // cells found in more than one row (the first is kept)
    std::vector<std::string> unexpected;  // cells not in the expected list (kept, reported)
};

// Merges shard logs into one (written atomically), checking them against the cells the suite expects.
MergeReport mergeLogs(const std::vector<std::filesystem::path>& logs, const std::vector<std::string>& expectedCells,
                      const std::filesystem::path& merged);

}  // namespace pb::suite
