// `suite verify`: produced tables compared with reference numbers, cell by cell, within stated tolerances.
// A reference is either an earlier run's tables folder (every CSV of the same name: rows matched on their
// text cells, numbers compared within one tolerance) or an expectations file, JSON, that states each check
// with its source:
//
//   {"suite": "memory_pollution", "checks": [
//     {"table": "pollution_allocators", "where": {"routed": "no", "budget_vectors": 1535},
//      "column": "uniform_minus_oracle_pts", "expected": 1.6, "tolerance": 1.0,
//      "reference": "memory_pollution/PAPER_NUMBERS_FROM_ABSTRACT_AND_README.md: oracle -1.6 pp at 18 MB"},
//     {"table": "purification_summary", "where": {"setup": "B", "method": "recapture"}, "column": "auroc",
//      "expected_from": {"file": "purification/PAPER_TABLES.md", "table": 1, "row": "Recapture flagged images",
//                        "column": "Mean AUROC"}, "tolerance": 0.02}]}
//
// "expected_from" reads the number from a Markdown table under the reference folder (the papers' published
// tables); "37%" reads as 0.37.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "engine/io/ResultTable.h"

namespace pb::suite {

struct VerifyCheck {
    enum class Verdict { Within, Outside, Missing };
    std::string table;
    std::string row;       // the matched row's key cells, "routed=no budget_vectors=1535"
    std::string column;
    double produced = 0;   // NaN when missing
    double expected = 0;
    double tolerance = 0;
    Verdict verdict = Verdict::Missing;
    std::string reference; // where the expected number comes from
    std::string note;      // why a check is missing
};

std::string toString(VerifyCheck::Verdict verdict);  // "within", "outside", "missing"

// tables: a folder of produced tables (CSV). reference: a folder of earlier tables or an expectations file;
// referenceRoot: the folder "expected_from" files are relative to. Throws pb::Error naming a file that cannot
// be read or a malformed expectation.
std::vector<VerifyCheck> verifyTables(const std::filesystem::path& tables, const std::filesystem::path& reference,
                                      const std::filesystem::path& referenceRoot, double tolerance);

// One row per check.
ResultTable verificationTable(const std::vector<VerifyCheck>& checks);

// "37%" -> 0.37, "2.0e-3" -> 0.002, "+0.0009" -> 0.0009; false for text ("reference", "--").
bool parseReferenceNumber(const std::string& text, double& value);

}  // namespace pb::suite
