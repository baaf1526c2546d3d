#include "engine/suite/SuiteFile.h"

#include <algorithm>
#include <set>

#include "engine/io/AtomicFile.h"
#include "engine/util/Error.h"
#include "engine/util/Sha256.h"

namespace pb::suite {

namespace {

const nlohmann::json& field(const nlohmann::json& object, const char* name, nlohmann::json::value_t type,
                            const std::string& where) {
    if (!object.contains(name)) throw Error(where + ": \"" + name + "\" is missing");
    const nlohmann::json& value = object[name];
    const bool ok = type == nlohmann::json::value_t::number_float ? value.is_number() : value.type() == type;
    if (!ok) throw Error(where + ": \"" + name + "\" has the wrong type (" + value.type_name() + ")");
    return value;
}

// More cells than any real suite plans: a grid that expands beyond it is a mistake or a hostile file, and
// expanding it would take all the memory (a few hundred bytes of lists make millions of cells).
constexpr std::size_t kMaxCells = 100000;

std::string tooManyCells(const std::string& where) {
    return where + ": the suite expands to more than " + std::to_string(kMaxCells) + " cells";
}

// Every combination of the object's lists, as objects of single values (keys in sorted order).
std::vector<nlohmann::json> expandGrid(const nlohmann::json& grid, const std::string& where) {
    if (!grid.is_object()) throw Error(where + ": a grid is an object of lists");
    std::vector<nlohmann::json> out(1, nlohmann::json::object());
    for (const auto& [key, values] : grid.items()) {
        if (!values.is_array() || values.empty())
            throw Error(where + ": grid key \"" + key + "\" needs a non-empty list of values");
        if (out.size() * values.size() > kMaxCells) throw Error(tooManyCells(where));
        std::vector<nlohmann::json> next;
        for (const auto& partial : out)
            for (const auto& value : values) {
                nlohmann::json cell = partial;
                cell[key] = value;
                next.push_back(std::move(cell));
            }
        out = std::move(next);
    }
    return out;
}

bool looksLikePath(const std::string& s) {
    return s.find('/') != std::string::npos || s.find('\\') != std::string::npos || s.find('~') == 0;
}

// Feature options name things (a backbone, a resolution); a weights file or a folder belongs on the
// command line, so that the same suite runs on every machine.
void checkNoPaths(const nlohmann::json& features, const std::string& where) {
    for (const auto& [key, value] : features.items())
        if (value.is_string() && looksLikePath(value.get<std::string>()))
            throw Error(where + ": feature option \"" + key + "\" holds a path ('" + value.get<std::string>() +
                        "'); give files and folders on the command line");
}

}  // namespace

bool isPooledKind(const std::string& kind) { return kind == "shared_bank" || kind == "routing"; }

std::string SuiteCell::label() const {
    return pooled() ? std::to_string(products.size()) + " products" : dataset + "/" + product;
}

std::vector<std::string> Suite::cellIds() const {
    std::vector<std::string> ids;
    for (const auto& c : cells) ids.push_back(c.id);
    return ids;
}

Suite parseSuite(const nlohmann::json& document, const std::string& origin) {
    using T = nlohmann::json::value_t;
    if (!document.is_object()) throw Error("a suite file holds one JSON object", origin);
    Suite suite;
    try {
        suite.name = field(document, "suite", T::string, "suite").get<std::string>();
        if (document.contains("source")) suite.source = field(document, "source", T::string, "suite").get<std::string>();
        const auto& experiments = field(document, "experiments", T::array, "suite");
        if (experiments.empty()) throw Error("suite: \"experiments\" is empty");
        std::set<std::string> ids, datasets;
        for (std::size_t e = 0; e < experiments.size(); ++e) {
            const nlohmann::json& x = experiments[e];
            const std::string where = "experiment " + std::to_string(e + 1);
            if (!x.is_object()) throw Error(where + " is not an object");
            const std::string name = field(x, "name", T::string, where).get<std::string>();
            const std::string kind = field(x, "kind", T::string, where + " (" + name + ")").get<std::string>();
            const std::string at = where + " (" + name + ")";
            if (std::find(suite.kinds.begin(), suite.kinds.end(), kind) == suite.kinds.end()) suite.kinds.push_back(kind);
            // One feature-options object, or a list of them (e.g. a backbone comparison): cells for each.
            std::vector<nlohmann::json> featureSets;
            if (!x.contains("features")) {
                featureSets.push_back(nlohmann::json::object());
            } else if (x["features"].is_array()) {
                if (x["features"].empty()) throw Error(at + ": \"features\" is an empty list");
                for (const auto& one : x["features"]) {
                    if (!one.is_object()) throw Error(at + ": every entry of \"features\" is an object");
                    featureSets.push_back(one);
                }
            } else {
                featureSets.push_back(field(x, "features", T::object, at));
            }
            for (const auto& features : featureSets) checkNoPaths(features, at);
            const nlohmann::json fixed = x.contains("fixed") ? field(x, "fixed", T::object, at) : nlohmann::json::object();
            std::vector<nlohmann::json> combinations;
            if (!x.contains("grid")) {
                combinations.push_back(nlohmann::json::object());
            } else if (x["grid"].is_array()) {
                for (const auto& g : x["grid"]) {
                    auto part = expandGrid(g, at);
                    combinations.insert(combinations.end(), part.begin(), part.end());
                    if (combinations.size() > kMaxCells) throw Error(tooManyCells(at));
                }
            } else {
                combinations = expandGrid(x["grid"], at);
            }
            const auto& products = field(x, "products", T::array, at);
            if (products.empty()) throw Error(at + ": \"products\" is empty");
            std::vector<std::pair<std::string, std::string>> names;  // data set, product
            std::set<std::string> seenProducts;
            for (const auto& p : products) {
                if (!p.is_string()) throw Error(at + ": every product is a \"<data set>/<product>\" string");
                const std::string full = p.get<std::string>();
                const auto slash = full.find('/');
                if (slash == std::string::npos || slash == 0 || slash + 1 == full.size() ||
                    full.find('/', slash + 1) != std::string::npos)
                    throw Error(at + ": product '" + full + "' is not written <data set>/<product>");
                if (!seenProducts.insert(full).second) throw Error(at + ": product '" + full + "' is listed twice");
                names.emplace_back(full.substr(0, slash), full.substr(slash + 1));
                datasets.insert(names.back().first);
            }
            auto addCell = [&](SuiteCell cell, const nlohmann::json& features, const nlohmann::json& values) {
                cell.experiment = name;
                cell.kind = kind;
                cell.features = features;
                cell.params = fixed;
                for (const auto& [key, value] : values.items()) cell.params[key] = value;
                nlohmann::json canonical = {{"experiment", name}, {"kind", kind}, {"features", features},
                                            {"params", cell.params}};
                if (cell.pooled()) {
                    canonical["products"] = cell.products;
                } else {
                    canonical["dataset"] = cell.dataset;
                    canonical["product"] = cell.product;
                }
                const std::string text = canonical.dump();  // nlohmann orders object keys: canonical
                cell.id = sha256Hex(text.data(), text.size()).substr(0, 16);
                if (!ids.insert(cell.id).second)
                    throw Error(at + ": two cells have the same parameters (" + cell.params.dump() + ")");
                if (suite.cells.size() >= kMaxCells) throw Error(tooManyCells(at));
                suite.cells.push_back(std::move(cell));
            };
            if (isPooledKind(kind)) {
                SuiteCell cell;
                for (const auto& [dataset, product] : names) cell.products.push_back(dataset + "/" + product);
                for (const auto& features : featureSets)
                    for (const auto& values : combinations) addCell(cell, features, values);
            } else {
                for (const auto& [dataset, product] : names)
                    for (const auto& features : featureSets)
                        for (const auto& values : combinations) {
                            SuiteCell cell;
                            cell.dataset = dataset;
                            cell.product = product;
                            cell.products = {dataset + "/" + product};
                            addCell(cell, features, values);
                        }
            }
        }
        suite.datasets.assign(datasets.begin(), datasets.end());
    } catch (const Error& e) {
        throw Error(e.reason(), origin);
    }
    return suite;
}

Suite readSuite(const std::filesystem::path& file) {
    const nlohmann::json document = nlohmann::json::parse(readFileBytes(file), nullptr, false);
    if (document.is_discarded()) throw Error("not valid JSON", file.string());
    return parseSuite(document, file.string());
}

std::filesystem::path shippedSuitesFolder() {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    for (const fs::path& candidate : {exe.parent_path() / "../share/patchbank/suites", exe.parent_path() / "../suites"})
        if (fs::is_directory(candidate, ec)) return fs::weakly_canonical(candidate, ec);
    return {};
}

std::vector<std::filesystem::path> suiteFiles(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(folder, ec))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace pb::suite
