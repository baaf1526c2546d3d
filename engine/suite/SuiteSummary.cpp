#include "engine/suite/SuiteSummary.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>

#include "engine/bank/BankSpec.h"
#include "engine/io/CsvWriter.h"
#include "engine/purify/ExperimentSummary.h"
#include "engine/stats/FiniteMean.h"
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

std::string fmt(double v, int digits = 4) { return CsvWriter::number(v, digits); }

std::string productOf(const nlohmann::json& row) {
    return row.value("dataset", "") + "/" + row.value("product", "");
}

std::string backboneOf(const nlohmann::json& row) {
    return row.contains("features") ? row["features"].value("backbone", "") : "";
}

// A timing of the row (they are kept apart from the results: they vary from run to run).
double timing(const nlohmann::json& row, const char* key) {
    return row.contains("timing") ? num(row["timing"], key) : std::nan("");
}

double megabytes(const nlohmann::json& row, const char* key) { return num(row, key) / (1024.0 * 1024.0); }

// Keeps the first-seen order of keys.
template <typename T>
void remember(std::vector<T>& order, const T& key) {
    if (std::find(order.begin(), order.end(), key) == order.end()) order.push_back(key);
}

// Compression cells: per bank spec (and backbone) averaged over products, per product, and the PatchCore
// source's CSVs when the cells hold their experiments (several backbones; coreset vs variance-weighted
// coreset at fractions; IVF-PQ next to the exact flat bank).
std::vector<ResultTable> compressionTables(const std::string& experiment, const std::vector<const nlohmann::json*>& rows) {
    std::vector<std::pair<std::string, std::string>> order;  // backbone, bank
    std::map<std::pair<std::string, std::string>, std::vector<const nlohmann::json*>> groups;
    std::vector<std::string> backbones;
    for (const auto* row : rows) {
        const auto key = std::make_pair(backboneOf(*row), (*row)["params"].value("bank", "flat"));
        remember(order, key);
        remember(backbones, key.first);
        groups[key].push_back(row);
    }
    ResultTable mean_;
    mean_.name = experiment + "_by_bank";
    mean_.caption = "Compression per bank spec: metrics averaged over the products (METHODS.md section 4)";
    mean_.columns = {"backbone", "bank", "products", "image_auroc", "pixel_auroc", "aupro_30", "megabytes",
                     "compression_ratio", "search_ms_per_image", "auroc_loss_pts"};
    ResultTable each;
    each.name = experiment + "_by_product";
    each.caption = "Compression per product and bank spec";
    each.columns = {"product", "backbone", "bank", "image_auroc", "pixel_auroc", "aupro_30", "megabytes",
                    "compression_ratio"};
    // The flat bank's mean image AUROC per backbone: what compression loses is measured from it.
    std::map<std::string, double> flatAuroc;
    for (const auto& key : order)
        if (parseBankSpec(key.second).kind == BankKind::Flat) {
            std::vector<double> image;
            for (const auto* row : groups[key]) image.push_back(num(*row, "image_auroc"));
            flatAuroc[key.first] = finiteMean(image);
        }
    for (const auto& key : order) {
        std::vector<double> image, pixel, aupro, mb, ratio, search;
        for (const auto* row : groups[key]) {
            image.push_back(num(*row, "image_auroc"));
            pixel.push_back(num(*row, "pixel_auroc"));
            aupro.push_back(num(*row, "aupro_30"));
            mb.push_back(megabytes(*row, "bank_bytes"));
            ratio.push_back(num(*row, "compression_ratio"));
            search.push_back(timing(*row, "search_ms_per_image"));
            each.add({productOf(*row), key.first, key.second, fmt(image.back()), fmt(pixel.back()), fmt(aupro.back()),
                      fmt(mb.back(), 3), fmt(ratio.back(), 2)});
        }
        mean_.add({key.first, key.second, std::to_string(image.size()), fmt(finiteMean(image)), fmt(finiteMean(pixel)),
                   fmt(finiteMean(aupro)), fmt(finiteMean(mb), 3), fmt(finiteMean(ratio), 2), fmt(finiteMean(search), 3),
                   flatAuroc.count(key.first) ? fmt(100.0 * (flatAuroc[key.first] - finiteMean(image)), 2) : "nan"});
    }
    std::vector<ResultTable> tables{mean_, each};

    if (backbones.size() > 1) {
        ResultTable t;
        t.name = experiment + "_backbones";
        t.caption = "Backbone comparison (PatchCore source, experiment 1): image AUROC, bank size, inference per image";
        t.columns = {"bank", "backbone", "weights", "dataset", "category", "auroc", "memory_mb", "inference_time_ms"};
        for (const auto* row : rows)
            t.add({(*row)["params"].value("bank", "flat"), backboneOf(*row), row->value("weights", ""),
                   row->value("dataset", ""), row->value("product", ""), fmt(num(*row, "image_auroc")),
                   fmt(megabytes(*row, "bank_bytes"), 3), fmt(timing(*row, "inference_ms_per_image"), 2)});
        tables.push_back(std::move(t));
    }

    // Coreset fractions: the PatchCore source's v1 (k-center, random start) and v2 (variance-weighted).
    ResultTable coreset;
    coreset.name = experiment + "_coreset";
    coreset.caption = "k-center vs variance-weighted coreset (PatchCore source, experiment 2)";
    coreset.columns = {"backbone", "category", "method", "compression_ratio", "auroc", "memory_reduction"};
    // IVF-PQ against the exact flat bank of the same product and backbone.
    ResultTable ivf;
    ivf.name = experiment + "_ivfpq";
    ivf.caption = "IVF-PQ vs exact search on real features (PatchCore source, experiment 3)";
    ivf.columns = {"backbone", "category", "search_method", "pq_bits", "nprobe", "image_auroc", "memory_mb",
                   "search_time_ms", "speedup", "memory_reduction", "accuracy_loss_percent"};
    std::map<std::pair<std::string, std::string>, const nlohmann::json*> flat;  // (backbone, product)
    for (const auto* row : rows)
        if (parseBankSpec((*row)["params"].value("bank", "flat")).kind == BankKind::Flat)
            flat[{backboneOf(*row), productOf(*row)}] = row;
    for (const auto* row : rows) {
        const BankSpec spec = parseBankSpec((*row)["params"].value("bank", "flat"));
        const auto exact = flat.find({backboneOf(*row), productOf(*row)});
        if ((spec.kind == BankKind::Coreset || spec.kind == BankKind::VwCoreset) &&
            spec.budget.unit == BankBudget::Unit::Fraction)
            coreset.add({backboneOf(*row), row->value("product", ""),
                         spec.kind == BankKind::Coreset ? "v1_kcenter" : "v2_variance", fmt(spec.budget.value, 4),
                         fmt(num(*row, "image_auroc")), fmt(num(*row, "source_patches") / num(*row, "bank_vectors"), 1)});
        if ((spec.kind == BankKind::IvfPq || spec.kind == BankKind::Flat) && exact != flat.end()) {
            const nlohmann::json& e = *exact->second;
            const bool ivfpq = spec.kind == BankKind::IvfPq;
            const double auroc = num(*row, "image_auroc"), exactAuroc = num(e, "image_auroc");
            ivf.add({backboneOf(*row), row->value("product", ""), ivfpq ? "faiss_ivfpq" : "exact", ivfpq ? std::to_string(spec.nbits) : "",
                     ivfpq ? std::to_string(spec.nprobe) : "", fmt(auroc), fmt(megabytes(*row, "bank_bytes"), 3),
                     fmt(timing(*row, "search_ms_per_image"), 3),
                     fmt(timing(e, "search_ms_per_image") / timing(*row, "search_ms_per_image"), 2),
                     fmt(num(e, "bank_bytes") / num(*row, "bank_bytes"), 1),
                     fmt(100.0 * (exactAuroc - auroc) / exactAuroc, 2)});
        }
    }
    if (!coreset.rows.empty()) tables.push_back(std::move(coreset));
    bool anyIvf = false;
    for (const auto& r : ivf.rows) anyIvf = anyIvf || r[2] == "faiss_ivfpq";
    if (anyIvf) tables.push_back(std::move(ivf));
    return tables;
}

// The parameters that tell shared-bank cells apart, as text.
struct SharedConfig {
    std::string method, allocator, metric;
    double budget = 0;
    bool routed = false;
    int trainImages = 0;
};

SharedConfig sharedConfig(const nlohmann::json& row) {
    const nlohmann::json& p = row["params"];
    SharedConfig c;
    c.method = p.value("method", "coreset");
    if (p.contains("method_options")) c.method += "," + p.value("method_options", "");
    c.allocator = p.value("allocator", "uniform");
    c.metric = p.value("router_metric", "l2");
    c.budget = row.contains("budget_mb") ? num(row, "budget_mb") : p.value("budget_mb", 18.0);
    c.routed = p.value("route", false);
    c.trainImages = p.value("train_images", 0);
    return c;
}

std::string trainLabel(int n) { return n > 0 ? std::to_string(n) : "all"; }

std::vector<ResultTable> sharedBankTables(const std::string& experiment, const std::vector<const nlohmann::json*>& rows) {
    ResultTable summary;
    summary.name = experiment + "_summary";
    summary.caption = "Shared bank over all products (METHODS.md section 4): mean over products; WNR without routing "
                      "is the share of test patches whose nearest neighbour belongs to another product";
    summary.columns = {"method", "budget_mb", "budget_vectors", "allocator", "routed", "train_images", "mean_image_auroc",
                       "mean_pixel_auroc", "wnr", "routing_accuracy", "bank_mb", "router_mb", "products"};
    ResultTable each;
    each.name = experiment + "_by_product";
    each.caption = "Shared bank per product";
    each.columns = {"product", "method", "budget_mb", "allocator", "routed", "train_images", "bank_vectors",
                    "image_auroc", "pixel_auroc", "wnr"};
    // (method, budget, routed, train) -> allocator -> mean AUROC
    std::map<std::tuple<std::string, double, bool, int>, std::map<std::string, double>> byAllocator;
    std::map<double, std::string> vectorsOf;  // budget (MiB) -> vectors, as text
    for (const auto* row : rows) {
        const SharedConfig c = sharedConfig(*row);
        const std::string routed = c.routed ? "yes" : "no";
        summary.add({c.method, fmt(c.budget, 3), std::to_string(row->value("budget_vectors", 0)), c.allocator, routed, trainLabel(c.trainImages),
                     fmt(num(*row, "mean_image_auroc")), fmt(num(*row, "mean_pixel_auroc")), fmt(num(*row, "wnr")),
                     fmt(num(*row, "routing_accuracy")), fmt(megabytes(*row, "bank_bytes"), 3),
                     fmt(megabytes(*row, "router_bytes"), 4), std::to_string((*row)["per_product"].size())});
        for (const auto& p : (*row)["per_product"])
            each.add({p.value("product", ""), c.method, fmt(c.budget, 3), c.allocator, routed, trainLabel(c.trainImages),
                      std::to_string(p.value("bank_vectors", 0)), fmt(num(p, "image_auroc")), fmt(num(p, "pixel_auroc")),
                      fmt(num(p, "wnr"))});
        byAllocator[{c.method, c.budget, c.routed, c.trainImages}][c.allocator] = num(*row, "mean_image_auroc");
        vectorsOf[c.budget] = std::to_string(row->value("budget_vectors", 0));
    }
    std::vector<ResultTable> tables{summary, each};
    ResultTable spread;
    spread.name = experiment + "_allocators";
    spread.caption = "Allocators compared at each budget: best, worst and their gap in AUROC points; uniform minus "
                     "oracle (a positive value: the oracle loses to uniform)";
    spread.columns = {"method", "budget_mb", "budget_vectors", "routed", "train_images", "allocators", "best", "worst",
                      "spread_pts", "uniform_minus_oracle_pts"};
    for (const auto& [key, allocators] : byAllocator) {
        if (allocators.size() < 2) continue;
        auto best = allocators.begin(), worst = allocators.begin();
        for (auto it = allocators.begin(); it != allocators.end(); ++it) {
            if (it->second > best->second) best = it;
            if (it->second < worst->second) worst = it;
        }
        const auto u = allocators.find("uniform"), o = allocators.find("oracle");
        const double gap = u != allocators.end() && o != allocators.end() ? 100.0 * (u->second - o->second) : std::nan("");
        spread.add({std::get<0>(key), fmt(std::get<1>(key), 3), vectorsOf[std::get<1>(key)], std::get<2>(key) ? "yes" : "no",
                    trainLabel(std::get<3>(key)), std::to_string(allocators.size()), best->first + " " + fmt(best->second),
                    worst->first + " " + fmt(worst->second), fmt(100.0 * (best->second - worst->second), 2), fmt(gap, 2)});
    }
    if (!spread.rows.empty()) tables.push_back(std::move(spread));
    return tables;
}

std::vector<ResultTable> routingTables(const std::string& experiment, const std::vector<const nlohmann::json*>& rows) {
    ResultTable t;
    t.name = experiment + "_accuracy";
    t.caption = "Prototype router (METHODS.md section 4): top-1 accuracy and margins (second-best minus best "
                "distance) per product";
    t.columns = {"router_metric", "train_images", "product", "images", "accuracy", "margin_min", "margin_median",
                 "router_mb"};
    for (const auto* row : rows) {
        const SharedConfig c = sharedConfig(*row);
        const std::string mb = fmt(megabytes(*row, "router_bytes"), 4);
        for (const auto& p : (*row)["per_product"])
            t.add({c.metric, trainLabel(c.trainImages), p.value("product", ""), std::to_string(p.value("images", 0)),
                   fmt(num(p, "accuracy")), fmt(num(p, "margin_min")), fmt(num(p, "margin_median")), mb});
        t.add({c.metric, trainLabel(c.trainImages), "all", std::to_string(row->value("images", 0)),
               fmt(num(*row, "accuracy")), fmt(num(*row, "margin_min")), fmt(num(*row, "margin_median")), mb});
    }
    return {t};
}

Figure lines(const std::string& name, const std::string& title, const std::string& x, const std::string& y) {
    Figure f;
    f.name = name;
    f.title = title;
    f.xLabel = x;
    f.yLabel = y;
    f.kind = FigureKind::Lines;
    return f;
}

// A series from (x, y) points, averaged per x and sorted.
FigureSeries seriesOf(const std::string& name, const std::vector<std::pair<double, double>>& points) {
    std::map<double, std::vector<double>> byX;
    for (const auto& [x, y] : points) byX[x].push_back(y);
    FigureSeries series;
    series.name = name;
    for (const auto& [x, ys] : byX) {
        series.x.push_back(x);
        series.y.push_back(finiteMean(ys));
    }
    return series;
}

// Counts of values in `bins` equal bins over [lo, hi]; x = bin centres.
FigureSeries histogram(const std::string& name, const std::vector<double>& values, double lo, double hi, int bins) {
    FigureSeries series;
    series.name = name;
    const double width = hi > lo ? (hi - lo) / bins : 1.0;
    series.y.assign(bins, 0.0);
    for (int b = 0; b < bins; ++b) series.x.push_back(lo + (b + 0.5) * width);
    for (double v : values) {
        if (!std::isfinite(v)) continue;
        const int b = std::clamp(static_cast<int>((v - lo) / width), 0, bins - 1);
        series.y[b] += 1;
    }
    return series;
}

std::pair<double, double> range(const std::vector<double>& values) {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (double v : values)
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    if (!(lo <= hi)) return {0.0, 1.0};
    return {lo, hi > lo ? hi : lo + 1.0};
}

std::vector<Figure> compressionFigures(const std::string& experiment, const std::vector<const nlohmann::json*>& rows) {
    std::vector<Figure> figures;
    // AUROC against bank size per compressor (and backbone); a spec sits at its mean size over products.
    std::map<std::string, std::map<std::string, std::pair<std::vector<double>, std::vector<double>>>> bySpec;
    std::vector<std::string> backbones, products, banks;
    for (const auto* row : rows) {
        remember(backbones, backboneOf(*row));
        remember(products, productOf(*row));
        const std::string bank = (*row)["params"].value("bank", "flat");
        remember(banks, bank);
        const BankSpec spec = parseBankSpec(bank);
        std::string series = bankKindName(spec.kind);
        if (spec.kind == BankKind::IvfPq) series += " nbits=" + std::to_string(spec.nbits);
        auto& cell = bySpec[backboneOf(*row) + "\t" + series][bank];
        cell.first.push_back(megabytes(*row, "bank_bytes"));
        cell.second.push_back(num(*row, "image_auroc"));
    }
    Figure f = lines(experiment + "_auroc_vs_budget", "Image AUROC vs bank size (mean over products)",
                     "bank size (MiB, mean over products)", "image AUROC");
    f.logX = true;
    for (const auto& [key, specs] : bySpec) {
        std::string name = key.substr(key.find('\t') + 1);
        if (backbones.size() > 1) name = key.substr(0, key.find('\t')) + " " + name;
        std::vector<std::pair<double, double>> points;
        for (const auto& [bank, values] : specs) points.emplace_back(finiteMean(values.first), finiteMean(values.second));
        f.series.push_back(seriesOf(name, points));
    }
    figures.push_back(std::move(f));

    // Per-category bars: image AUROC of each product per backbone (several backbones) or per bank spec.
    Figure bars;
    bars.name = experiment + "_per_product";
    bars.kind = FigureKind::Bars;
    bars.yLabel = "image AUROC";
    bars.categories = products;
    const bool byBackbone = backbones.size() > 1;
    bars.title = byBackbone ? "Image AUROC per product and backbone" : "Image AUROC per product and bank";
    const std::vector<std::string>& seriesNames = byBackbone ? backbones : banks;
    for (const auto& name : seriesNames) {
        FigureSeries series;
        series.name = name;
        series.y.assign(products.size(), std::nan(""));
        std::vector<std::vector<double>> values(products.size());
        for (const auto* row : rows) {
            const std::string key = byBackbone ? backboneOf(*row) : (*row)["params"].value("bank", "flat");
            if (key != name) continue;
            const auto at = std::find(products.begin(), products.end(), productOf(*row)) - products.begin();
            values[at].push_back(num(*row, "image_auroc"));
        }
        for (std::size_t p = 0; p < products.size(); ++p) series.y[p] = finiteMean(values[p]);
        bars.series.push_back(std::move(series));
    }
    if (bars.series.size() <= 12) figures.push_back(std::move(bars));

    // The grid of image AUROC: products x bank specs.
    Figure grid;
    grid.name = experiment + "_auroc_grid";
    grid.title = "Image AUROC per product and bank spec";
    grid.kind = FigureKind::Matrix;
    grid.rowLabels = products;
    grid.columnLabels = banks;
    grid.valueLabel = "image AUROC";
    grid.matrix.assign(products.size(), std::vector<double>(banks.size(), std::nan("")));
    for (const auto* row : rows) {
        const auto r = std::find(products.begin(), products.end(), productOf(*row)) - products.begin();
        const auto c = std::find(banks.begin(), banks.end(), (*row)["params"].value("bank", "flat")) - banks.begin();
        grid.matrix[r][c] = num(*row, "image_auroc");
    }
    if (!byBackbone) figures.push_back(std::move(grid));

    // Score histograms of each product's first bank (the flat one when there is one): good vs defective.
    for (const auto& product : products) {
        const nlohmann::json* chosen = nullptr;
        for (const auto* row : rows) {
            if (productOf(*row) != product || !row->contains("scores")) continue;
            if (!chosen) chosen = row;
            if ((*row)["params"].value("bank", "flat") == "flat") {
                chosen = row;
                break;
            }
        }
        if (!chosen) continue;
        std::vector<double> good, bad, all = (*chosen)["scores"].get<std::vector<double>>();
        const auto labels = (*chosen)["labels"].get<std::vector<int>>();
        for (std::size_t i = 0; i < all.size() && i < labels.size(); ++i) (labels[i] ? bad : good).push_back(all[i]);
        const auto [lo, hi] = range(all);
        Figure h;
        h.name = experiment + "_scores_" + product.substr(product.find('/') + 1);
        h.title = "Image scores of " + product + " (" + (*chosen)["params"].value("bank", "flat") + ")";
        h.xLabel = "image score";
        h.yLabel = "test images";
        h.kind = FigureKind::Histogram;
        h.series = {histogram("good", good, lo, hi, 30), histogram("defective", bad, lo, hi, 30)};
        figures.push_back(std::move(h));
    }

    // IVF-PQ: AUROC against the speed-up over the exact search, one line per nbits, one point per nprobe
    // (both means over the products).
    std::map<std::pair<std::string, std::string>, const nlohmann::json*> flat;
    for (const auto* row : rows)
        if (parseBankSpec((*row)["params"].value("bank", "flat")).kind == BankKind::Flat)
            flat[{backboneOf(*row), productOf(*row)}] = row;
    std::map<int, std::map<int, std::pair<std::vector<double>, std::vector<double>>>> ivf;
    std::map<std::string, std::vector<std::pair<double, double>>> coreset;
    for (const auto* row : rows) {
        const BankSpec spec = parseBankSpec((*row)["params"].value("bank", "flat"));
        const auto exact = flat.find({backboneOf(*row), productOf(*row)});
        if (spec.kind == BankKind::IvfPq && exact != flat.end()) {
            auto& [speedups, aurocs] = ivf[spec.nbits][spec.nprobe];
            speedups.push_back(timing(*exact->second, "search_ms_per_image") / timing(*row, "search_ms_per_image"));
            aurocs.push_back(num(*row, "image_auroc"));
        }
        if ((spec.kind == BankKind::Coreset || spec.kind == BankKind::VwCoreset) &&
            spec.budget.unit == BankBudget::Unit::Fraction)
            coreset[spec.kind == BankKind::Coreset ? "k-center" : "variance-weighted"].emplace_back(
                100.0 * spec.budget.value, num(*row, "image_auroc"));
    }
    if (!ivf.empty()) {
        Figure g = lines(experiment + "_ivfpq", "IVF-PQ: image AUROC vs speed-up over exact search (mean over products)",
                         "speed-up of the search (x)", "image AUROC");
        for (const auto& [nbits, byProbe] : ivf) {
            FigureSeries series;
            series.name = "nbits " + std::to_string(nbits);
            for (const auto& [nprobe, values] : byProbe) {
                series.x.push_back(finiteMean(values.first));
                series.y.push_back(finiteMean(values.second));
            }
            g.series.push_back(std::move(series));
        }
        figures.push_back(std::move(g));
    }
    if (coreset.size() > 1) {
        Figure g = lines(experiment + "_coreset", "Coreset: image AUROC vs bank size (mean over products)",
                         "bank size (% of the training patches)", "image AUROC");
        g.logX = true;
        for (const auto& [method, points] : coreset) g.series.push_back(seriesOf(method, points));
        figures.push_back(std::move(g));
    }
    return figures;
}

std::vector<Figure> sharedBankFigures(const std::string& experiment, const std::vector<const nlohmann::json*>& rows) {
    std::vector<Figure> figures;
    std::map<std::string, std::vector<std::pair<double, double>>> auroc, wnr, byN;
    std::set<double> budgets;
    std::set<int> trainSizes;
    for (const auto* row : rows) {
        const SharedConfig c = sharedConfig(*row);
        budgets.insert(c.budget);
        trainSizes.insert(c.trainImages);
    }
    for (const auto* row : rows) {
        const SharedConfig c = sharedConfig(*row);
        const std::string name = c.allocator + (c.routed ? ", routed" : "") +
                                 (trainSizes.size() > 1 ? ", N=" + trainLabel(c.trainImages) : "");
        auroc[name].emplace_back(c.budget, num(*row, "mean_image_auroc"));
        if (!c.routed) wnr[name].emplace_back(c.budget, num(*row, "wnr"));
        if (c.trainImages > 0)
            byN[c.allocator + (c.routed ? ", routed" : "") + ", " + fmt(c.budget, 3) + " MB"].emplace_back(
                c.trainImages, num(*row, "mean_image_auroc"));
    }
    if (budgets.size() > 1) {
        Figure f = lines(experiment + "_auroc_vs_budget", "Shared bank: image AUROC vs total budget (mean over products)",
                         "total budget (MiB)", "image AUROC");
        f.logX = true;
        for (const auto& [name, points] : auroc) f.series.push_back(seriesOf(name, points));
        figures.push_back(std::move(f));
        if (!wnr.empty()) {
            Figure g = lines(experiment + "_wnr_vs_budget", "Wrong-neighbour rate vs total budget (no routing)",
                             "total budget (MiB)", "wrong-neighbour rate");
            g.logX = true;
            for (const auto& [name, points] : wnr) g.series.push_back(seriesOf(name, points));
            figures.push_back(std::move(g));
        }
    }
    if (!byN.empty() && trainSizes.size() > 1) {
        Figure f = lines(experiment + "_auroc_vs_train_images", "Image AUROC vs training images per product",
                         "training images per product", "image AUROC");
        for (const auto& [name, points] : byN) f.series.push_back(seriesOf(name, points));
        figures.push_back(std::move(f));
    }
    // Per product at the largest budget: one bar per configuration.
    const double top = *budgets.rbegin();
    Figure bars;
    bars.name = experiment + "_per_product";
    bars.kind = FigureKind::Bars;
    bars.title = "Image AUROC per product at " + fmt(top, 3) + " MiB";
    bars.yLabel = "image AUROC";
    for (const auto* row : rows) {
        const SharedConfig c = sharedConfig(*row);
        if (c.budget != top || c.trainImages != *trainSizes.rbegin()) continue;
        FigureSeries series;
        series.name = c.allocator + (c.routed ? ", routed" : "");
        if (bars.categories.empty())
            for (const auto& p : (*row)["per_product"]) bars.categories.push_back(p.value("product", ""));
        for (const auto& p : (*row)["per_product"]) series.y.push_back(num(p, "image_auroc"));
        bars.series.push_back(std::move(series));
    }
    if (!bars.series.empty() && bars.series.size() <= 12) figures.push_back(std::move(bars));
    // Where test patches find their nearest neighbour: the smallest unrouted budget (uniform when run).
    const nlohmann::json* chosen = nullptr;
    for (const auto* row : rows) {
        const SharedConfig c = sharedConfig(*row);
        if (c.routed || !row->contains("neighbour_shares")) continue;
        if (!chosen || c.budget < sharedConfig(*chosen).budget ||
            (c.budget == sharedConfig(*chosen).budget && c.allocator == "uniform"))
            chosen = row;
    }
    if (chosen) {
        const SharedConfig c = sharedConfig(*chosen);
        Figure m;
        m.name = experiment + "_neighbour_shares";
        m.title = "Nearest neighbours of test patches by product (" + c.allocator + ", " + fmt(c.budget, 3) +
                  " MiB, no routing)";
        m.kind = FigureKind::Matrix;
        m.xLabel = "product of the nearest bank vector";
        m.yLabel = "product of the test image";
        m.valueLabel = "share of test patches";
        for (const auto& p : (*chosen)["per_product"]) {
            const std::string name = p.value("product", "");
            m.rowLabels.push_back(name);
            m.columnLabels.push_back(name);
        }
        for (const auto& line : (*chosen)["neighbour_shares"]) {
            std::vector<double> values;
            for (const auto& v : line) values.push_back(v.is_number() ? v.get<double>() : std::nan(""));
            m.matrix.push_back(std::move(values));
        }
        figures.push_back(std::move(m));
    }
    return figures;
}

std::vector<Figure> routingFigures(const std::string& experiment, const std::vector<const nlohmann::json*>& rows) {
    std::vector<Figure> figures;
    for (const auto* row : rows) {
        const SharedConfig c = sharedConfig(*row);
        const auto margins = (*row)["margins"].get<std::vector<double>>();
        const auto truth = (*row)["true_product"].get<std::vector<int>>();
        const auto [lo, hi] = range(margins);
        Figure h;
        h.name = experiment + "_margins_" + c.metric + (c.trainImages > 0 ? "_n" + std::to_string(c.trainImages) : "");
        h.title = "Router margins (" + c.metric + ", second-best minus best distance)";
        h.xLabel = "margin";
        h.yLabel = "test images";
        h.kind = FigureKind::Histogram;
        const auto& products = (*row)["per_product"];
        for (std::size_t p = 0; p < products.size(); ++p) {
            std::vector<double> mine;
            for (std::size_t i = 0; i < margins.size() && i < truth.size(); ++i)
                if (truth[i] == static_cast<int>(p)) mine.push_back(margins[i]);
            h.series.push_back(histogram(products[p].value("product", ""), mine, std::min(0.0, lo), hi, 40));
        }
        figures.push_back(std::move(h));
    }
    return figures;
}

// MeDS screening per product and noise ratio, seeds averaged.
bool distilledStage(const nlohmann::json& row) { return row["params"].value("stage", std::string()) == "distilled"; }

// The reconstruction detector alone and with MeDS stages 1-3, per product and noise ratio, seeds averaged:
// one table per test protocol (the paper's four metrics).
std::vector<ResultTable> distilledTables(const std::string& experiment, const std::vector<const nlohmann::json*>& rows) {
    std::map<std::pair<std::string, double>, std::vector<const nlohmann::json*>> groups;
    for (const auto* row : rows)
        if (distilledStage(*row)) groups[{productOf(*row), (*row)["params"].value("noise_ratio", 0.0)}].push_back(row);
    std::vector<ResultTable> tables;
    if (groups.empty()) return tables;
    for (const std::string protocol : {"disjoint", "shared"}) {
        ResultTable t;
        t.name = experiment + "_distilled_" + protocol;
        t.caption = "Reconstruction detector alone (recon) and with MeDS stages 1-3 (meds) on noisy training lists, " +
                    std::string(protocol == "disjoint" ? "test set without the injected defects"
                                                       : "shared-pool test set (MeDS's: injected defects scored again)") +
                    "; seeds averaged; last selection round's precision and recall";
        t.columns = {"product", "noise_ratio", "seeds"};
        const std::vector<std::string> metrics = {"image_auroc", "image_ap", "aupro_30", "pixel_ap"};
        for (const std::string method : {"recon", "meds"})
            for (const auto& m : metrics) t.columns.push_back(m + "_" + method);
        t.columns.push_back("precision_last_round");
        t.columns.push_back("recall_last_round");
        for (const auto& [key, group] : groups) {
            auto avg = [&](const std::string& field) {
                std::vector<double> v;
                for (const auto* row : group) v.push_back(num(*row, field.c_str()));
                return finiteMean(v);
            };
            std::vector<std::string> cells = {key.first, fmt(key.second, 0), std::to_string(group.size())};
            for (const std::string method : {"recon", "meds"})
                for (const auto& m : metrics) cells.push_back(fmt(avg(m + "_" + method + "_" + protocol)));
            cells.push_back(fmt(avg("precision_last_round")));
            cells.push_back(fmt(avg("recall_last_round")));
            t.add(cells);
        }
        tables.push_back(std::move(t));
    }
    return tables;
}

std::vector<ResultTable> noisyTrainingTables(const std::string& experiment, const std::vector<const nlohmann::json*>& rows) {
    std::map<std::pair<std::string, double>, std::vector<const nlohmann::json*>> groups;
    for (const auto* row : rows)
        if (!distilledStage(*row)) groups[{productOf(*row), (*row)["params"].value("noise_ratio", 0.0)}].push_back(row);
    std::vector<ResultTable> tables = distilledTables(experiment, rows);
    if (groups.empty()) return tables;
    ResultTable t;
    t.name = experiment + "_screening";
    t.caption = "MeDS stage 1 (memory ensemble) on noisy training lists: seeds averaged; PatchCore image AUROC "
                "trained on the noisy list, on what the screen keeps, and without the defective images";
    t.columns = {"product", "noise_ratio", "seeds", "n_defective", "flagged", "precision", "recall",
                 "auroc_noisy", "auroc_screened", "auroc_oracle"};
    for (const auto& [key, group] : groups) {
        auto avg = [&](const char* field) {
            std::vector<double> v;
            for (const auto* row : group) v.push_back(num(*row, field));
            return finiteMean(v);
        };
        t.add({key.first, fmt(key.second, 0), std::to_string(group.size()), fmt(avg("n_defective"), 1),
               fmt(avg("flagged"), 1), fmt(avg("precision")), fmt(avg("recall")), fmt(avg("image_auroc_noisy")),
               fmt(avg("image_auroc_screened")), fmt(avg("image_auroc_oracle"))});
    }
    tables.insert(tables.begin(), std::move(t));
    return tables;
}

std::vector<Figure> noisyTrainingFigures(const std::string& experiment, const std::vector<const nlohmann::json*>& rows) {
    Figure f;
    f.name = experiment + "_auroc_vs_noise";
    f.title = "Image AUROC vs noise in the training set (mean over products and seeds)";
    f.xLabel = "defective images added to the training set (%)";
    f.yLabel = "image AUROC";
    f.kind = FigureKind::Lines;
    for (const auto& [field, name] : {std::make_pair("image_auroc_noisy", "PatchCore, noisy list"),
                                      std::make_pair("image_auroc_screened", "PatchCore, MeDS stage 1 screened"),
                                      std::make_pair("image_auroc_oracle", "PatchCore, defective removed (oracle)"),
                                      std::make_pair("image_auroc_recon_disjoint", "reconstruction alone"),
                                      std::make_pair("image_auroc_meds_disjoint", "reconstruction + MeDS 1-3"),
                                      std::make_pair("image_auroc_recon_shared", "reconstruction alone (shared pool)"),
                                      std::make_pair("image_auroc_meds_shared", "reconstruction + MeDS 1-3 (shared pool)")}) {
        std::vector<std::pair<double, double>> points;
        for (const auto* row : rows)
            if (row->contains(field)) points.emplace_back((*row)["params"].value("noise_ratio", 0.0), num(*row, field));
        if (!points.empty()) f.series.push_back(seriesOf(name, points));
    }
    return {f};
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
            for (auto& f : compressionFigures(e.name, e.rows)) figures.push_back(std::move(f));
        } else if (e.kind == "shared_bank") {
            for (auto& f : sharedBankFigures(e.name, e.rows)) figures.push_back(std::move(f));
        } else if (e.kind == "routing") {
            for (auto& f : routingFigures(e.name, e.rows)) figures.push_back(std::move(f));
        } else if (e.kind == "noisy_training") {
            for (auto& f : noisyTrainingFigures(e.name, e.rows)) figures.push_back(std::move(f));
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
        } else if (e.kind == "shared_bank") {
            for (auto& t : sharedBankTables(e.name, e.rows)) tables.push_back(std::move(t));
        } else if (e.kind == "routing") {
            for (auto& t : routingTables(e.name, e.rows)) tables.push_back(std::move(t));
        } else if (e.kind == "noisy_training") {
            for (auto& t : noisyTrainingTables(e.name, e.rows)) tables.push_back(std::move(t));
        }
    }
    return tables;
}

}  // namespace pb::suite
