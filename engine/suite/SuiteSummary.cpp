#include "engine/suite/SuiteSummary.h"

#include <cmath>
#include <map>
#include <set>

#include "engine/io/CsvWriter.h"
#include "engine/purify/ExperimentSummary.h"
#include "engine/util/Error.h"

namespace pb::suite {

namespace {

double num(const nlohmann::json& row, const char* key) {
    return row.contains(key) && row[key].is_number() ? row[key].get<double>() : std::nan("");
}

// The suite's row of a contamination cell (its dataset and product are the suite's names).
purify::PurificationRun purificationRun(const nlohmann::json& row) {
    purify::PurificationRun r = purify::purificationRunFromJson(row);
    r.product = row.value("dataset", "") + "/" + row.value("product", "");
    return r;
}

double mean(const std::vector<double>& v) {
    double sum = 0;
    std::size_t n = 0;
    for (double x : v)
        if (std::isfinite(x)) {
            sum += x;
            ++n;
        }
    return n ? sum / static_cast<double>(n) : std::nan("");
}

std::vector<ResultTable> compressionTables(const std::string& experiment, const std::vector<const nlohmann::json*>& rows) {
    // bank -> product -> row (one cell per bank and product)
    std::map<std::string, std::map<std::string, const nlohmann::json*>> byBank;
    std::vector<std::string> order;
    for (const auto* row : rows) {
        const std::string bank = (*row)["params"].value("bank", "flat");
        if (!byBank.count(bank)) order.push_back(bank);
        byBank[bank][(*row)["dataset"].get<std::string>() + "/" + (*row)["product"].get<std::string>()] = row;
    }
    ResultTable mean_;
    mean_.name = experiment + "_by_bank";
    mean_.caption = "Compression per bank spec: metrics averaged over the products (METHODS.md section 4)";
    mean_.columns = {"bank", "products", "image_auroc", "pixel_auroc", "aupro_30", "megabytes", "compression_ratio"};
    ResultTable each;
    each.name = experiment + "_by_product";
    each.caption = "Compression per product and bank spec";
    each.columns = {"product", "bank", "image_auroc", "pixel_auroc", "aupro_30", "megabytes", "compression_ratio"};
    for (const auto& bank : order) {
        std::vector<double> image, pixel, aupro, mb, ratio;
        for (const auto& [product, row] : byBank[bank]) {
            image.push_back(num(*row, "image_auroc"));
            pixel.push_back(num(*row, "pixel_auroc"));
            aupro.push_back(num(*row, "aupro_30"));
            mb.push_back(num(*row, "bank_bytes") / (1024.0 * 1024.0));
            ratio.push_back(num(*row, "compression_ratio"));
            each.add({product, bank, CsvWriter::number(image.back(), 4), CsvWriter::number(pixel.back(), 4),
                      CsvWriter::number(aupro.back(), 4), CsvWriter::number(mb.back(), 3),
                      CsvWriter::number(ratio.back(), 2)});
        }
        mean_.add({bank, std::to_string(image.size()), CsvWriter::number(mean(image), 4), CsvWriter::number(mean(pixel), 4),
                   CsvWriter::number(mean(aupro), 4), CsvWriter::number(mean(mb), 3), CsvWriter::number(mean(ratio), 2)});
    }
    return {mean_, each};
}

}  // namespace

std::vector<ResultTable> summariseSuite(const Suite& suite, const std::vector<nlohmann::json>& rows) {
    std::set<std::string> ids;
    for (const auto& cell : suite.cells) ids.insert(cell.id);
    std::vector<std::string> experiments;
    std::map<std::string, std::string> kindOf;
    for (const auto& cell : suite.cells)
        if (!kindOf.count(cell.experiment)) {
            experiments.push_back(cell.experiment);
            kindOf[cell.experiment] = cell.kind;
        }
    std::vector<ResultTable> tables;
    for (const auto& experiment : experiments) {
        std::vector<const nlohmann::json*> mine;
        for (const auto& row : rows)
            if (ids.count(row.value("cell", "")) && row.value("experiment", "") == experiment) mine.push_back(&row);
        if (mine.empty()) continue;
        if (kindOf[experiment] == "contamination") {
            std::vector<purify::PurificationRun> runs;
            for (const auto* row : mine) runs.push_back(purificationRun(*row));
            ResultTable t = purify::purificationSummaryTable(purify::summarisePurification(runs));
            t.name = experiment + "_summary";
            tables.push_back(std::move(t));
        } else if (kindOf[experiment] == "compression") {
            for (auto& t : compressionTables(experiment, mine)) tables.push_back(std::move(t));
        }
    }
    return tables;
}

}  // namespace pb::suite
