#include "engine/suite/SuiteVerify.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <nlohmann/json.hpp>

#include "engine/io/AtomicFile.h"
#include "engine/io/CsvWriter.h"
#include "engine/io/TableReader.h"
#include "engine/util/Error.h"

namespace pb::suite {

namespace fs = std::filesystem;

namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

bool numeric(const std::string& text, double& value) {
    if (text == "nan") {
        value = std::nan("");
        return true;
    }
    return parseReferenceNumber(text, value);
}

// A cell matches a wanted value: the same text, or the same number.
bool matches(const std::string& cell, const nlohmann::json& wanted) {
    if (wanted.is_string()) return cell == wanted.get<std::string>();
    if (wanted.is_boolean()) return cell == (wanted.get<bool>() ? "yes" : "no") || cell == (wanted.get<bool>() ? "true" : "false");
    double v = 0;
    return wanted.is_number() && numeric(cell, v) && std::abs(v - wanted.get<double>()) <= 1e-9 * std::max(1.0, std::abs(v));
}

std::size_t columnIndex(const ResultTable& t, const std::string& name) {
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (trim(t.columns[c]) == name) return c;
    return t.columns.size();
}

VerifyCheck compare(VerifyCheck check, const std::string& producedText) {
    double produced = 0;
    if (!numeric(producedText, produced)) {
        check.produced = std::nan("");
        check.verdict = VerifyCheck::Verdict::Missing;
        check.note = "the produced cell is not a number ('" + producedText + "')";
        return check;
    }
    check.produced = produced;
    const bool bothNan = std::isnan(produced) && std::isnan(check.expected);
    check.verdict = bothNan || std::abs(produced - check.expected) <= check.tolerance ? VerifyCheck::Verdict::Within
                                                                                     : VerifyCheck::Verdict::Outside;
    return check;
}

// Against an earlier run's folder: every CSV there, rows matched on their text cells.
std::vector<VerifyCheck> againstTables(const fs::path& tables, const fs::path& reference, double tolerance) {
    std::vector<VerifyCheck> checks;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(reference))
        if (e.path().extension() == ".csv") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    if (files.empty()) throw Error("no tables (.csv) to compare with", reference.string());
    for (const auto& file : files) {
        const ResultTable ref = readCsvTable(file);
        const fs::path mine = tables / file.filename();
        VerifyCheck base;
        base.table = ref.name;
        base.tolerance = tolerance;
        base.reference = file.string();
        if (!fs::exists(mine)) {
            base.note = "no such table in " + tables.string();
            base.produced = base.expected = std::nan("");
            checks.push_back(base);
            continue;
        }
        const ResultTable produced = readCsvTable(mine);
        // Key columns: the parameters, which the tables put first: every column up to the last one holding
        // text in the reference.
        std::size_t keys = 0;
        for (const auto& row : ref.rows)
            for (std::size_t c = 0; c < row.size(); ++c) {
                double v;
                if (!numeric(row[c], v) && !row[c].empty()) keys = std::max(keys, c + 1);
            }
        std::vector<bool> key(ref.columns.size(), false);
        for (std::size_t c = 0; c < keys; ++c) key[c] = true;
        for (const auto& row : ref.rows) {
            std::string label;
            for (std::size_t c = 0; c < row.size(); ++c)
                if (key[c]) label += (label.empty() ? "" : " ") + ref.columns[c] + "=" + row[c];
            // The row with the same key cells; of several, the one with the most cells written identically.
            const std::vector<std::string>* match = nullptr;
            std::size_t bestSame = 0;
            for (const auto& other : produced.rows) {
                bool keysEqual = true;
                std::size_t same = 0;
                for (std::size_t c = 0; c < row.size(); ++c) {
                    const std::size_t at = columnIndex(produced, ref.columns[c]);
                    const bool equal = at < other.size() && other[at] == row[c];
                    if (key[c] && !equal) keysEqual = false;
                    same += equal;
                }
                if (keysEqual && (!match || same > bestSame)) {
                    match = &other;
                    bestSame = same;
                }
            }
            for (std::size_t c = 0; c < row.size(); ++c) {
                double expected;
                if (key[c] || !numeric(row[c], expected)) continue;
                VerifyCheck check = base;
                check.row = label;
                check.column = ref.columns[c];
                check.expected = expected;
                const std::size_t at = columnIndex(produced, ref.columns[c]);
                if (!match || at >= match->size()) {
                    check.produced = std::nan("");
                    check.note = match ? "no such column" : "no such row";
                    checks.push_back(check);
                    continue;
                }
                checks.push_back(compare(check, (*match)[at]));
            }
        }
    }
    return checks;
}

double expectedFrom(const nlohmann::json& from, const fs::path& root, std::string& reference) {
    if (!from.is_object()) throw Error("\"expected_from\" is an object {file, table, row, column}");
    if (root.empty()) throw Error("a check reads the reference tables: give the reference folder (--reference-root)");
    const fs::path file = root / from.value("file", "");
    const auto tables = readMarkdownTables(file);
    const int index = from.value("table", 1);
    if (index < 1 || static_cast<std::size_t>(index) > tables.size())
        throw Error("has no table " + std::to_string(index), file.string());
    const ResultTable& t = tables[index - 1];
    const std::size_t column = columnIndex(t, from.value("column", ""));
    if (column >= t.columns.size()) throw Error("table " + std::to_string(index) + " has no column '" + from.value("column", "") + "'", file.string());
    for (const auto& row : t.rows)
        if (!row.empty() && trim(row[0]) == from.value("row", "")) {
            double v;
            if (!parseReferenceNumber(trim(row[column]), v))
                throw Error("table " + std::to_string(index) + ", row '" + row[0] + "': '" + row[column] + "' is not a number",
                            file.string());
            reference = from.value("file", "") + ", table " + std::to_string(index) + ": " + row[0] + " / " +
                        t.columns[column];
            return v;
        }
    throw Error("table " + std::to_string(index) + " has no row '" + from.value("row", "") + "'", file.string());
}

std::vector<VerifyCheck> againstExpectations(const fs::path& tables, const fs::path& file, const fs::path& root) {
    const nlohmann::json doc = nlohmann::json::parse(readFileBytes(file), nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("checks") || !doc["checks"].is_array())
        throw Error("an expectations file is a JSON object with a \"checks\" list", file.string());
    std::map<std::string, ResultTable> cache;
    std::vector<VerifyCheck> checks;
    for (std::size_t i = 0; i < doc["checks"].size(); ++i) {
        const nlohmann::json& c = doc["checks"][i];
        VerifyCheck check;
        try {
            if (!c.is_object() || !c.contains("table") || !c.contains("column") || !c.contains("tolerance"))
                throw Error("needs \"table\", \"column\" and \"tolerance\"");
            check.table = c["table"].get<std::string>();
            check.column = c["column"].get<std::string>();
            check.tolerance = c["tolerance"].get<double>();
            check.reference = c.value("reference", "");
            if (c.contains("expected"))
                check.expected = c["expected"].get<double>();
            else if (c.contains("expected_from"))
                check.expected = expectedFrom(c["expected_from"], root, check.reference);
            else
                throw Error("needs \"expected\" or \"expected_from\"");
        } catch (const Error& e) {
            throw Error("check " + std::to_string(i + 1) + ": " + e.reason(), file.string());
        } catch (const nlohmann::json::exception& e) {
            throw Error("check " + std::to_string(i + 1) + ": " + e.what(), file.string());
        }
        const nlohmann::json where = c.value("where", nlohmann::json::object());
        for (const auto& [k, v] : where.items()) check.row += (check.row.empty() ? "" : " ") + k + "=" + (v.is_string() ? v.get<std::string>() : v.dump());
        const fs::path csv = tables / (check.table + ".csv");
        if (!cache.count(check.table)) {
            if (!fs::exists(csv)) {
                check.produced = std::nan("");
                check.note = "no such table in " + tables.string();
                checks.push_back(check);
                continue;
            }
            cache[check.table] = readCsvTable(csv);
        }
        const ResultTable& t = cache[check.table];
        const std::size_t column = columnIndex(t, check.column);
        const std::vector<std::string>* match = nullptr;
        for (const auto& row : t.rows) {
            bool all = true;
            for (const auto& [k, v] : where.items()) {
                const std::size_t at = columnIndex(t, k);
                all = all && at < row.size() && matches(row[at], v);
            }
            if (all) {
                match = &row;
                break;
            }
        }
        if (!match || column >= t.columns.size()) {
            check.produced = std::nan("");
            check.note = match ? "no column '" + check.column + "'" : "no row where " + check.row;
            checks.push_back(check);
            continue;
        }
        checks.push_back(compare(check, (*match)[column]));
    }
    return checks;
}

}  // namespace

std::string toString(VerifyCheck::Verdict verdict) {
    switch (verdict) {
        case VerifyCheck::Verdict::Within: return "within";
        case VerifyCheck::Verdict::Outside: return "outside";
        case VerifyCheck::Verdict::Missing: return "missing";
    }
    return "missing";
}

bool parseReferenceNumber(const std::string& raw, double& value) {
    std::string text = trim(raw);
    bool percent = false;
    if (!text.empty() && text.back() == '%') {
        percent = true;
        text.pop_back();
    }
    if (text.empty()) return false;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(v)) return false;
    value = percent ? v / 100.0 : v;
    return true;
}

std::vector<VerifyCheck> verifyTables(const fs::path& tables, const fs::path& reference, const fs::path& referenceRoot,
                                      double tolerance) {
    if (!fs::is_directory(tables)) throw Error("not a folder of tables", tables.string());
    if (fs::is_directory(reference)) return againstTables(tables, reference, tolerance);
    if (!fs::exists(reference)) throw Error("no such reference", reference.string());
    return againstExpectations(tables, reference, referenceRoot);
}

ResultTable verificationTable(const std::vector<VerifyCheck>& checks) {
    ResultTable t;
    t.name = "verification";
    t.caption = "Produced tables against the reference, cell by cell";
    t.columns = {"table", "row", "column", "produced", "expected", "tolerance", "verdict", "reference", "note"};
    for (const auto& c : checks)
        t.add({c.table, c.row, c.column, CsvWriter::number(c.produced, 4), CsvWriter::number(c.expected, 4),
               CsvWriter::number(c.tolerance, 4), toString(c.verdict), c.reference, c.note});
    return t;
}

}  // namespace pb::suite
