// Tables read back: a CSV file (an earlier run's tables, through libcsv) and the pipe tables of a Markdown
// file (the papers' published tables, through cmark-gfm's table extension). The inverse of ResultTable.
#pragma once
#include <filesystem>
#include <vector>

#include "engine/io/ResultTable.h"

namespace pb {

// The first line is the header. Throws pb::Error naming the file when it cannot be read, is not CSV, or a
// row has another number of cells than the header.
ResultTable readCsvTable(const std::filesystem::path& file);

// Every table of the document, in order; name = "table N" (1-based), caption = the nearest heading above.
// Throws pb::Error naming the file when it cannot be read.
std::vector<ResultTable> readMarkdownTables(const std::filesystem::path& file);

}  // namespace pb
