// Tables read back (engine/io/TableReader.cpp): the same input as a CSV file (libcsv) and as a
// Markdown document with pipe tables (cmark-gfm).
#include "engine/io/TableReader.h"
#include "engine/util/Error.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const pb::ResultTable t = pb::readCsvTable(pb::fuzz::inputFile("table.csv", data, size));
        for (const auto& row : t.rows)
            if (row.size() != t.columns.size()) abort();
    } catch (const pb::Error&) {
    }
    try {
        for (const auto& t : pb::readMarkdownTables(pb::fuzz::inputFile("tables.md", data, size)))
            for (const auto& row : t.rows)
                if (row.size() != t.columns.size()) abort();
    } catch (const pb::Error&) {
    }
    return 0;
}
