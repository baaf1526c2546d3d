// Results tables as CSV (RFC 4180 quoting), written atomically so a crash never leaves half a table.
// Product and file names come from users' folders: a cell a spreadsheet would run as a formula (one that
// starts with =, +, -, @, tab or CR and is not a number) is written with a leading apostrophe.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace pb {

class CsvWriter {
public:
    explicit CsvWriter(std::vector<std::string> header);

    // Throws pb::Error when the row has a different number of cells than the header.
    void addRow(const std::vector<std::string>& cells);
    // Header and rows, formulas neutralised, fields quoted only when they hold a comma, quote, CR or LF;
    // lines end in "\n".
    std::string toString() const;
    // Atomic write (temp file + rename); throws pb::Error naming the file.
    void save(const std::filesystem::path& path) const;
    std::size_t rows() const { return rows_.size(); }

    // Fixed notation with at most `precision` decimals and trailing zeros dropped
    // ("0.5", "3", "-1.25"); "nan", "inf", "-inf" for non-finite values.
    static std::string number(double v, int precision = 6);

    // True when a spreadsheet would evaluate the cell: it starts with =, +, -, @, tab or CR and is not a
    // number.
    static bool opensFormula(const std::string& field);
    // The cell as written: "'" + field when it opens a formula, else the field itself.
    static std::string neutralised(const std::string& field);
    // The inverse of neutralised, for reading a table back.
    static std::string restored(const std::string& field);

private:
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace pb
