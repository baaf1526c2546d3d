// A results table (header and rows of text cells) and its three renderings: CSV for tools, Markdown for
// reading, LaTeX for papers. The summaries build one table and every format comes from it.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace pb {

struct ResultTable {
    std::string name;     // file stem: <name>.csv, <name>.md, <name>.tex
    std::string caption;  // a sentence saying what the rows are
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;

    // Throws pb::Error when the row has another number of cells than the header.
    void add(std::vector<std::string> row);
    std::string csv() const;
    std::string markdown() const;
    std::string latex() const;  // a tabular in a table float; cells escaped
    // <dir>/<name>.csv, .md and .tex, each written atomically.
    void save(const std::filesystem::path& dir) const;
};

}  // namespace pb
