#include "engine/io/TableReader.h"

#include <csv.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <memory>

#include "engine/io/AtomicFile.h"
#include "engine/io/CsvWriter.h"
#include "engine/util/Error.h"

namespace pb {

namespace {

struct CsvState {
    std::vector<std::vector<std::string>> lines;
    std::vector<std::string> current;
};

void onField(void* text, std::size_t size, void* data) {
    auto* state = static_cast<CsvState*>(data);
    state->current.push_back(
        CsvWriter::restored(std::string(text ? static_cast<const char*>(text) : "", text ? size : 0)));
}

void onRow(int, void* data) {
    auto* state = static_cast<CsvState*>(data);
    state->lines.push_back(std::move(state->current));
    state->current.clear();
}

// The text of a node: its literal, or its children's literals concatenated.
std::string textOf(cmark_node* node) {
    std::string out;
    cmark_iter* iter = cmark_iter_new(node);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        cmark_node* n = cmark_iter_get_node(iter);
        if (ev != CMARK_EVENT_ENTER) continue;
        const cmark_node_type type = cmark_node_get_type(n);
        if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) out += cmark_node_get_literal(n);
    }
    cmark_iter_free(iter);
    return out;
}

}  // namespace

ResultTable readCsvTable(const std::filesystem::path& file) {
    const std::string bytes = readFileBytes(file);
    csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        throw Error("cannot start the CSV parser", file.string());
    CsvState state;
    const std::size_t parsed = csv_parse(&parser, bytes.data(), bytes.size(), onField, onRow, &state);
    const bool ok = parsed == bytes.size() && csv_fini(&parser, onField, onRow, &state) == 0;
    const std::string problem = ok ? "" : csv_strerror(csv_error(&parser));
    csv_free(&parser);
    if (!ok) throw Error("not a valid CSV file: " + problem, file.string());
    if (state.lines.empty()) throw Error("the CSV file is empty", file.string());
    ResultTable table;
    table.name = file.stem().string();
    table.columns = state.lines.front();
    for (std::size_t i = 1; i < state.lines.size(); ++i) {
        if (state.lines[i].size() != table.columns.size())
            throw Error("line " + std::to_string(i + 1) + " has " + std::to_string(state.lines[i].size()) +
                            " cells, the header " + std::to_string(table.columns.size()),
                        file.string());
        table.rows.push_back(state.lines[i]);
    }
    return table;
}

std::vector<ResultTable> readMarkdownTables(const std::filesystem::path& file) {
    const std::string text = readFileBytes(file);
    cmark_gfm_core_extensions_ensure_registered();
    std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(CMARK_OPT_DEFAULT),
                                                                        cmark_parser_free);
    if (cmark_syntax_extension* tables = cmark_find_syntax_extension("table"))
        cmark_parser_attach_syntax_extension(parser.get(), tables);
    else
        throw Error("cmark-gfm has no table extension", file.string());
    cmark_parser_feed(parser.get(), text.data(), text.size());
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> document(cmark_parser_finish(parser.get()), cmark_node_free);

    std::vector<ResultTable> out;
    std::string heading;
    for (cmark_node* block = cmark_node_first_child(document.get()); block; block = cmark_node_next(block)) {
        if (cmark_node_get_type(block) == CMARK_NODE_HEADING) heading = textOf(block);
        if (std::string(cmark_node_get_type_string(block)) != "table") continue;
        ResultTable table;
        table.name = "table " + std::to_string(out.size() + 1);
        table.caption = heading;
        bool header = true;
        for (cmark_node* row = cmark_node_first_child(block); row; row = cmark_node_next(row)) {
            std::vector<std::string> cells;
            for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell))
                cells.push_back(textOf(cell));
            if (header) {
                table.columns = cells;
                header = false;
            } else {
                cells.resize(table.columns.size());
                table.rows.push_back(std::move(cells));
            }
        }
        out.push_back(std::move(table));
    }
    return out;
}

}  // namespace pb
