#include "engine/purify/ExperimentSummary.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <tuple>

#include "engine/io/AtomicFile.h"
#include "engine/io/CsvWriter.h"
#include "engine/stats/Bootstrap.h"
#include "engine/stats/MultipleTesting.h"
#include "engine/stats/SignedRankTest.h"

namespace pb::purify {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using CellKey = std::tuple<int, int, double>;  // setup, support, rate

struct ProductMeans {
    std::map<std::string, std::vector<double>> auroc;  // product -> per-seed AUROC
    std::size_t removed = 0, removedContaminants = 0, contaminated = 0;
};

double mean(const std::vector<double>& v) {
    return v.empty() ? kNaN : std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

}  // namespace

std::string summaryLabel(const PurificationRun& run) {
    if (run.method == "audit" || run.method == "recapture")
        return run.method + " " + toString(run.audit.score) + " k=" + CsvWriter::number(run.audit.k, 3);
    return run.method;
}

std::vector<MethodSummary> summarisePurification(const std::vector<PurificationRun>& runs) {
    // (setup, support, rate) -> label -> per-product seeds.
    std::map<CellKey, std::map<std::string, ProductMeans>> cells;
    for (const auto& r : runs) {
        ProductMeans& m = cells[{static_cast<int>(r.spec.setup), r.spec.support, r.spec.rate}][summaryLabel(r)];
        m.auroc[r.product].push_back(r.imageAuroc);
        m.removed += r.removedImages;
        m.removedContaminants += r.removedContaminants;
        m.contaminated += r.contaminated;
    }
    auto perProduct = [](const ProductMeans& m) {
        std::map<std::string, double> out;
        for (const auto& [product, seeds] : m.auroc) out[product] = mean(seeds);
        return out;
    };

    std::vector<MethodSummary> rows;
    for (const auto& [key, methods] : cells) {
        const auto& [setup, support, rate] = key;
        if (rate <= 0) continue;
        const auto cleanCell = cells.find({setup, support, 0.0});
        if (cleanCell == cells.end() || !cleanCell->second.count("none") || !methods.count("none")) continue;
        const auto clean = perProduct(cleanCell->second.at("none"));
        const auto dirty = perProduct(methods.at("none"));
        const std::size_t firstRow = rows.size();
        for (const auto& [label, m] : methods) {
            if (label == "none") continue;
            const auto method = perProduct(m);
            MethodSummary s;
            s.setup = static_cast<ContaminationSetup>(setup);
            s.support = support;
            s.rate = rate;
            s.method = label;
            s.seeds = std::numeric_limits<std::size_t>::max();
            std::vector<double> cleanV, dirtyV, methodV, gains, penalties;
            const auto cleanMethod = cleanCell->second.find(label);
            for (const auto& [product, value] : method) {
                if (!clean.count(product) || !dirty.count(product)) continue;
                cleanV.push_back(clean.at(product));
                dirtyV.push_back(dirty.at(product));
                methodV.push_back(value);
                gains.push_back(value - dirty.at(product));
                s.wins += value > dirty.at(product) ? 1 : 0;
                s.seeds = std::min(s.seeds, m.auroc.at(product).size());
                if (cleanMethod != cleanCell->second.end()) {
                    const auto onClean = perProduct(cleanMethod->second);
                    if (onClean.count(product)) penalties.push_back(onClean.at(product) - clean.at(product));
                }
            }
            if (methodV.empty()) continue;
            s.products = methodV.size();
            s.clean = mean(cleanV);
            s.dirty = mean(dirtyV);
            s.auroc = mean(methodV);
            s.damage = s.clean - s.dirty;
            s.gain = mean(gains);
            s.recovery = s.damage != 0 ? s.gain / s.damage : kNaN;
            s.pValue = kNaN;
            if (std::any_of(gains.begin(), gains.end(), [](double g) { return g != 0; }))
                s.pValue = stats::wilcoxonSignedRank(methodV, dirtyV).pValue;
            s.holmP = s.pValue;
            const auto ci = stats::bootstrapMeanInterval(gains, 0);
            s.ciLow = ci.low;
            s.ciHigh = ci.high;
            s.cleanPenalty = penalties.empty() ? kNaN : mean(penalties);
            s.removalPrecision = m.removed ? static_cast<double>(m.removedContaminants) / m.removed : kNaN;
            s.removalRecall = m.contaminated ? static_cast<double>(m.removedContaminants) / m.contaminated : kNaN;
            rows.push_back(s);
        }
        // Holm over the k grid: the audit (and recapture) rows of one score variant form one family.
        std::map<std::string, std::vector<std::size_t>> families;
        for (std::size_t i = firstRow; i < rows.size(); ++i) {
            const std::string& label = rows[i].method;
            const auto k = label.find(" k=");
            if (k != std::string::npos && std::isfinite(rows[i].pValue)) families[label.substr(0, k)].push_back(i);
        }
        for (const auto& [family, members] : families) {
            std::vector<double> p;
            for (std::size_t i : members) p.push_back(rows[i].pValue);
            const auto adjusted = stats::holmAdjust(p);
            for (std::size_t j = 0; j < members.size(); ++j) rows[members[j]].holmP = adjusted[j];
        }
    }
    return rows;
}

ResultTable purificationSummaryTable(const std::vector<MethodSummary>& rows) {
    ResultTable table;
    table.name = "purification_summary";
    table.caption = "Contaminated few-shot banks: image AUROC per setup, support, rate and method; seeds averaged "
                    "per product, then products (METHODS.md section 5)";
    table.columns = {"setup", "support", "contamination_rate", "method", "products", "seeds", "clean_auroc",
                     "dirty_auroc", "auroc", "damage", "gain", "recovery", "p_wilcoxon", "p_holm", "gain_ci_low",
                     "gain_ci_high", "wins", "clean_penalty", "removal_precision", "removal_recall"};
    for (const auto& s : rows)
        table.add({toString(s.setup), std::to_string(s.support), CsvWriter::number(s.rate), s.method,
                   std::to_string(s.products), std::to_string(s.seeds), CsvWriter::number(s.clean),
                   CsvWriter::number(s.dirty), CsvWriter::number(s.auroc), CsvWriter::number(s.damage),
                   CsvWriter::number(s.gain), CsvWriter::number(s.recovery), CsvWriter::number(s.pValue, 8),
                   CsvWriter::number(s.holmP, 8), CsvWriter::number(s.ciLow), CsvWriter::number(s.ciHigh),
                   std::to_string(s.wins), CsvWriter::number(s.cleanPenalty), CsvWriter::number(s.removalPrecision),
                   CsvWriter::number(s.removalRecall)});
    return table;
}

void writePurificationSummaryCsv(const std::filesystem::path& path, const std::vector<MethodSummary>& rows) {
    writeFileAtomic(path, purificationSummaryTable(rows).csv());
}

}  // namespace pb::purify
