// A declarative experiment suite (one JSON file per source document): what to run, never where the data
// or the weights are. Each experiment names its kind, its products as "<data set>/<product>" (the data
// set is a name the command line maps to a folder), the feature options, fixed parameters and a grid; the
// suite expands into cells, each with a stable id from its parameters, so logs, shards and merges agree.
//
//   {"suite": "purification", "source": "...", "experiments": [{
//      "name": "contaminated-few-shot", "kind": "contamination",
//      "products": ["mvtec_ad/bottle", "magnetic_tile/magnetic_tile"],
//      "features": {"backbone": "mobilenetv2_100", "resolution": 224},
//      "fixed": {"support": 10},
//      "grid": [{"setup": ["A", "B"], "seed": [0, 1], "contamination": [0, 0.3], "method": ["none", "oracle"]},
//               {"setup": ["A", "B"], "seed": [0, 1], "contamination": [0, 0.3], "method": ["audit"],
//                "audit_k": [1.0, 1.5, 2.0]}]}]}
//
// A grid is one object or a list of them (their cells are pooled); each key of an object takes every value
// of its list, crossed with the other keys'. "features" may be a list of option objects (a backbone
// comparison): the cells are made for each. Experiments of a pooled kind (shared_bank, routing: one bank
// or router over many products) make one cell per grid point over all their products; the others one
// cell per product and grid point.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pb::suite {

struct SuiteCell {
    std::string id;          // 16 hex digits of the SHA-256 of the cell's canonical parameters
    std::string experiment;  // the experiment's name
    std::string kind;
    std::string dataset;     // the data set's name in the suite (the command line gives its folder); "" pooled
    std::string product;     // "" pooled
    std::vector<std::string> products;  // "<data set>/<product>": the cell's one product, or a pooled cell's all
    nlohmann::json features; // feature options (backbone, resolution, ...)
    nlohmann::json params;   // fixed parameters and this cell's grid values

    bool pooled() const { return products.size() != 1 || product.empty(); }
    // "mvtec_ad/bottle", or "5 products" for a pooled cell.
    std::string label() const;
};

// Kinds whose cells hold all the experiment's products together.
bool isPooledKind(const std::string& kind);

struct Suite {
    std::string name;
    std::string source;
    std::vector<SuiteCell> cells;      // in file order: experiment, product, grid object, then grid order
    std::vector<std::string> datasets; // the data-set names the cells use, sorted
    std::vector<std::string> kinds;    // the experiment kinds it uses, in file order

    std::vector<std::string> cellIds() const;
};

// Reads and expands a suite file. Throws pb::Error naming the file and the place of any problem: not JSON,
// a missing or mistyped field, an empty grid list, a product not written "<data set>/<product>", two
// cells with the same parameters, or a path where a name belongs.
Suite readSuite(const std::filesystem::path& file);
Suite parseSuite(const nlohmann::json& document, const std::string& origin);

// The suites shipped with PatchBank: <prefix>/share/patchbank/suites when installed, the source tree's
// suites/ when run from a build folder inside it; empty when neither exists. The CLI's `suite list` and
// the workbench's suite panel look there.
std::filesystem::path shippedSuitesFolder();
// The .json files of a folder, sorted by name.
std::vector<std::filesystem::path> suiteFiles(const std::filesystem::path& folder);

}  // namespace pb::suite
