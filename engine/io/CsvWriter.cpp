#include "engine/io/CsvWriter.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "engine/io/AtomicFile.h"
#include "engine/util/Error.h"

namespace pb {
namespace {

void appendField(std::string& out, const std::string& field) {
    const std::string safe = CsvWriter::neutralised(field);
    if (safe.find_first_of(",\"\r\n") == std::string::npos) {
        out += safe;
        return;
    }
    out += '"';
    for (char c : safe) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void appendLine(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out += ',';
        appendField(out, cells[i]);
    }
    out += '\n';
}

}  // namespace

CsvWriter::CsvWriter(std::vector<std::string> header) : header_(std::move(header)) {
    if (header_.empty()) throw Error("CSV header has no columns");
}

void CsvWriter::addRow(const std::vector<std::string>& cells) {
    if (cells.size() != header_.size())
        throw Error("CSV row has " + std::to_string(cells.size()) + " cells but the header has " +
                    std::to_string(header_.size()) + " columns");
    rows_.push_back(cells);
}

std::string CsvWriter::toString() const {
    std::string out;
    appendLine(out, header_);
    for (const auto& row : rows_) appendLine(out, row);
    return out;
}

void CsvWriter::save(const std::filesystem::path& path) const { writeFileAtomic(path, toString()); }

bool CsvWriter::opensFormula(const std::string& field) {
    if (field.empty()) return false;
    const char first = field.front();
    if (first != '=' && first != '+' && first != '-' && first != '@' && first != '\t' && first != '\r') return false;
    // A number ("-1.25", "+3", "-inf") is not a formula: it stays a number in the spreadsheet; nor is a
    // lone sign (the reports' "-" for "none").
    if (first == '-' || first == '+') {
        if (field.size() == 1) return false;
        if (field == "-inf" || field == "+inf") return false;
        char* end = nullptr;
        std::strtod(field.c_str(), &end);
        if (end == field.c_str() + field.size() && field.size() > 1 && field.find_first_of("xXpP") == std::string::npos)
            return false;
    }
    return true;
}

std::string CsvWriter::neutralised(const std::string& field) {
    return opensFormula(field) ? "'" + field : field;
}

std::string CsvWriter::restored(const std::string& field) {
    if (field.size() >= 2 && field.front() == '\'' && opensFormula(field.substr(1))) return field.substr(1);
    return field;
}

std::string CsvWriter::number(double v, int precision) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    if (precision < 0) precision = 0;
    if (precision > 17) precision = 17;
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.*f", precision, v);
    std::string s(buf);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    // Values that round to zero print as "0", not "-0".
    if (s == "-0") s = "0";
    return s;
}

}  // namespace pb
