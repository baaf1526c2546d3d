#include "engine/suite/SuiteSummary.h"

#include <algorithm>
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

// Image AUROC against bank size, one line per compressor (the flat bank a line of one point).
Figure compressionFigure(const std::string& experiment, const std::vector<const nlohmann::json*>& rows) {
    // Products differ in size: a spec is placed at its mean size over the products.
    std::map<std::string, std::map<std::string, std::pair<std::vector<double>, std::vector<double>>>> spec;
    for (const auto* row : rows) {
        const std::string bank = (*row)["params"].value("bank", "flat");
        auto& cell = spec[bank.substr(0, bank.find(':'))][bank];
        cell.first.push_back(num(*row, "bank_bytes") / (1024.0 * 1024.0));
        cell.second.push_back(num(*row, "image_auroc"));
    }
    Figure f;
    f.name = experiment + "_auroc_vs_budget";
    f.title = "Image AUROC vs bank size (mean over products)";
    f.xLabel = "bank size (MiB, mean over products)";
    f.yLabel = "image AUROC";
    f.kind = FigureKind::Lines;
    f.logX = true;
    for (const auto& [method, specs] : spec) {
        FigureSeries series;
        series.name = method;
        std::vector<std::pair<double, double>> points;
        for (const auto& [bank, values] : specs) points.emplace_back(mean(values.first), mean(values.second));
        std::sort(points.begin(), points.end());
        for (const auto& [x, y] : points) {
            series.x.push_back(x);
            series.y.push_back(y);
        }
        f.series.push_back(std::move(series));
    }
    return f;
}

// Mean AUROC of each method against the contamination rate, one figure per (setup, support).
std::vector<Figure> contaminationFigures(const std::string& experiment, const std::vector<purify::MethodSummary>& rows) {
    std::map<std::pair<std::string, int>, std::map<std::string, std::vector<std::pair<double, double>>>> groups;
    std::map<std::pair<std::string, int>, std::map<double, double>> dirty;
    for (const auto& m : rows) {
        const auto key = std::make_pair(purify::toString(m.setup), m.support);
        groups[key][m.method].emplace_back(m.rate, m.recovery);
    }
    std::vector<Figure> figures;
    for (auto& [key, methods] : groups) {
        Figure f;
        f.name = experiment + "_recovery_setup" + key.first + "_n" + std::to_string(key.second);
        f.title = "Damage recovered vs contamination (setup " + key.first + ", N = " + std::to_string(key.second) + ")";
        f.xLabel = "contamination rate";
        f.yLabel = "damage recovered (1 = the clean support)";
        f.kind = FigureKind::Lines;
        for (auto& [method, points] : methods) {
            std::sort(points.begin(), points.end());
            FigureSeries series;
            series.name = method;
            for (const auto& [x, y] : points) {
                series.x.push_back(x);
                series.y.push_back(y);
            }
            f.series.push_back(std::move(series));
        }
        figures.push_back(std::move(f));
    }
    return figures;
}

// Rows per experiment of the suite, in the suite's experiment order, with each experiment's kind.
struct ExperimentRows {
    std::string name;
    std::string kind;
    std::vector<const nlohmann::json*> rows;
};

std::vector<ExperimentRows> rowsByExperiment(const Suite& suite, const std::vector<nlohmann::json>& rows) {
    std::set<std::string> ids;
    for (const auto& cell : suite.cells) ids.insert(cell.id);
    std::vector<ExperimentRows> out;
    std::map<std::string, std::size_t> index;
    for (const auto& cell : suite.cells)
        if (!index.count(cell.experiment)) {
            index[cell.experiment] = out.size();
            out.push_back({cell.experiment, cell.kind, {}});
        }
    for (const auto& row : rows) {
        const auto it = index.find(row.value("experiment", ""));
        if (it != index.end() && ids.count(row.value("cell", ""))) out[it->second].rows.push_back(&row);
    }
    return out;
}

std::vector<purify::PurificationRun> purificationRuns(const std::vector<const nlohmann::json*>& rows) {
    std::vector<purify::PurificationRun> runs;
    for (const auto* row : rows) runs.push_back(purificationRun(*row));
    return runs;
}

}  // namespace

std::vector<Figure> suiteFigures(const Suite& suite, const std::vector<nlohmann::json>& rows) {
    std::vector<Figure> figures;
    for (const auto& e : rowsByExperiment(suite, rows)) {
        if (e.rows.empty()) continue;
        if (e.kind == "contamination") {
            for (auto& f : contaminationFigures(e.name, purify::summarisePurification(purificationRuns(e.rows))))
                figures.push_back(std::move(f));
        } else if (e.kind == "compression") {
            figures.push_back(compressionFigure(e.name, e.rows));
        }
    }
    return figures;
}

std::vector<ResultTable> summariseSuite(const Suite& suite, const std::vector<nlohmann::json>& rows) {
    std::vector<ResultTable> tables;
    for (const auto& e : rowsByExperiment(suite, rows)) {
        if (e.rows.empty()) continue;
        if (e.kind == "contamination") {
            ResultTable t = purify::purificationSummaryTable(purify::summarisePurification(purificationRuns(e.rows)));
            t.name = e.name + "_summary";
            tables.push_back(std::move(t));
        } else if (e.kind == "compression") {
            for (auto& t : compressionTables(e.name, e.rows)) tables.push_back(std::move(t));
        }
    }
    return tables;
}

}  // namespace pb::suite
