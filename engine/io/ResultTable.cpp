#include "engine/io/ResultTable.h"

#include "engine/io/AtomicFile.h"
#include "engine/io/CsvWriter.h"
#include "engine/util/Error.h"

namespace pb {

void ResultTable::add(std::vector<std::string> row) {
    if (row.size() != columns.size())
        throw Error("table " + name + ": a row of " + std::to_string(row.size()) + " cells under " +
                    std::to_string(columns.size()) + " columns");
    rows.push_back(std::move(row));
}

std::string ResultTable::csv() const {
    CsvWriter writer(columns);
    for (const auto& row : rows) writer.addRow(row);
    return writer.toString();
}

std::string ResultTable::markdown() const {
    auto line = [](const std::vector<std::string>& cells) {
        std::string out = "|";
        for (const auto& c : cells) {
            std::string cell = c;
            for (std::size_t at = cell.find('|'); at != std::string::npos; at = cell.find('|', at + 2)) cell.replace(at, 1, "\\|");
            out += " " + cell + " |";
        }
        return out + "\n";
    };
    std::string out = caption.empty() ? "" : caption + "\n\n";
    out += line(columns);
    out += "|";
    for (std::size_t i = 0; i < columns.size(); ++i) out += "---|";
    out += "\n";
    for (const auto& row : rows) out += line(row);
    return out;
}

std::string ResultTable::latex() const {
    auto escape = [](const std::string& s) {
        std::string out;
        for (char c : s) {
            switch (c) {
                case '&': case '%': case '$': case '#': case '_': case '{': case '}': out += '\\'; out += c; break;
                case '~': out += "\\textasciitilde{}"; break;
                case '^': out += "\\textasciicircum{}"; break;
                case '\\': out += "\\textbackslash{}"; break;
                default: out += c;
            }
        }
        return out;
    };
    std::string out = "\\begin{table}\n\\centering\n\\begin{tabular}{l";
    for (std::size_t i = 1; i < columns.size(); ++i) out += "r";
    out += "}\n\\hline\n";
    auto line = [&](const std::vector<std::string>& cells) {
        std::string l;
        for (std::size_t i = 0; i < cells.size(); ++i) l += (i ? " & " : "") + escape(cells[i]);
        return l + " \\\\\n";
    };
    out += line(columns) + "\\hline\n";
    for (const auto& row : rows) out += line(row);
    out += "\\hline\n\\end{tabular}\n";
    if (!caption.empty()) out += "\\caption{" + escape(caption) + "}\n";
    out += "\\end{table}\n";
    return out;
}

void ResultTable::save(const std::filesystem::path& dir) const {
    writeFileAtomic(dir / (name + ".csv"), csv());
    writeFileAtomic(dir / (name + ".md"), markdown());
    writeFileAtomic(dir / (name + ".tex"), latex());
}

}  // namespace pb
