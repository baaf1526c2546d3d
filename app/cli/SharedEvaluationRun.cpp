#include "app/cli/SharedEvaluationRun.h"

#include <cmath>
#include <cstdio>
#include <iostream>

#include "app/cli/TerminalProgress.h"
#include "engine/experiments/EvaluationReport.h"
#include "engine/io/CsvWriter.h"
#include "engine/util/Error.h"

namespace pb::cli {

void writeRoutingConfusion(const RouterEvaluation& routing, const std::filesystem::path& file) {
    std::vector<std::string> columns{"true_product"};
    for (const auto& n : routing.names()) columns.push_back(n);
    columns.insert(columns.end(), {"accuracy", "margin_min", "margin_p5", "margin_median", "margin_mean", "margin_max"});
    CsvWriter csv(columns);
    for (std::size_t t = 0; t < routing.names().size(); ++t) {
        std::vector<std::string> row{routing.names()[t]};
        for (std::size_t r = 0; r < routing.names().size(); ++r) row.push_back(std::to_string(routing.confusion()[t][r]));
        const MarginStatistics m = routing.margins(static_cast<int>(t));
        row.insert(row.end(), {CsvWriter::number(routing.accuracy(static_cast<int>(t))), CsvWriter::number(m.min),
                               CsvWriter::number(m.p5), CsvWriter::number(m.median), CsvWriter::number(m.mean),
                               CsvWriter::number(m.max)});
        csv.addRow(row);
    }
    csv.save(file);
}

void printRouting(const RouterEvaluation& routing, std::size_t routerBytes) {
    std::printf("router: %zu products, %zu bytes (%.4f MB); top-1 accuracy %.2f%% (%zu of %zu test images)\n",
                routing.names().size(), routerBytes, routerBytes / (1024.0 * 1024.0), 100.0 * routing.accuracy(),
                routing.correct(), routing.images());
    std::printf("%-20s", "true \\ routed");
    for (const auto& n : routing.names()) std::printf(" %12.12s", n.c_str());
    std::printf("   margin min / p5 / median / max\n");
    for (std::size_t t = 0; t < routing.names().size(); ++t) {
        std::printf("%-20.20s", routing.names()[t].c_str());
        for (std::size_t r = 0; r < routing.names().size(); ++r) std::printf(" %12zu", routing.confusion()[t][r]);
        const MarginStatistics m = routing.margins(static_cast<int>(t));
        std::printf("   %.4g / %.4g / %.4g / %.4g\n", m.min, m.p5, m.median, m.max);
    }
}

int runSharedEvaluation(SharedBankEvaluator& evaluator, const EvaluationOptions& options,
                        const std::vector<ProductSource>& products, const SharedEvaluationSettings& settings) {
    TerminalProgress terminal(settings.quiet);
    for (const auto& p : products)
        for (const auto& problem : p.dataset->problems) terminal.progress().problem(problem.file, problem.reason);
    SharedBankEvaluation result = evaluator.evaluate(products, terminal.progress());

    EvaluationReport report(settings.outDir, options);
    if (settings.writeImages)
        for (auto& p : result.products) {
            ScopedStageTimer timer(p.times, "report images");
            report.writeImages(p, terminal.progress());
        }
    report.writeMetrics(result.products);
    report.writeScores(result.products);
    StageTimes shared = result.times;  // extraction, allocation and bank building are shared by all products
    std::vector<ProductEvaluation> timings = result.products;
    ProductEvaluation all;
    all.product = "(shared)";
    all.times = shared;
    all.seconds = result.seconds;
    timings.push_back(all);
    report.writeTimings(timings);

    CsvWriter allocation({"product", "allocator", "budget_mb", "vectors", "source_patches", "share_mb",
                          "wrong_neighbor_rate", "routing_accuracy", "routed_search"});
    for (std::size_t p = 0; p < result.products.size(); ++p) {
        const auto& pe = result.products[p];
        allocation.addRow({pe.product, result.allocator, CsvWriter::number(result.budgetMB, 4),
                           std::to_string(result.allocation[p]), std::to_string(pe.sourcePatches),
                           CsvWriter::number(result.allocation[p] * 4.0 * pe.featureDim / (1024.0 * 1024.0), 4),
                           CsvWriter::number(pe.wrongNeighbourRate), CsvWriter::number(pe.routingAccuracy),
                           result.routed ? "1" : "0"});
    }
    allocation.save(settings.outDir / "allocation.csv");
    if (result.routing) writeRoutingConfusion(*result.routing, settings.outDir / "routing_confusion.csv");
    terminal.finishLine();

    if (!settings.quiet) {
        std::printf("\nshared bank: %zu vectors, %.3f MB of %.3f MB budget, allocator %s, %s\n", result.bankVectors,
                    result.bankBytes / (1024.0 * 1024.0), result.budgetMB, result.allocator.c_str(),
                    result.routed ? "routed search" : "whole-bank search (no routing)");
        std::printf("%-20s %8s %9s %9s %8s %8s %8s\n", "product", "vectors", "img_auroc", "pix_auroc", "aupro30",
                    "WNR", "routed");
        double meanAuroc = 0;
        for (std::size_t p = 0; p < result.products.size(); ++p) {
            const auto& pe = result.products[p];
            meanAuroc += pe.metrics.imageAuroc;
            std::printf("%-20.20s %8zu %9.4f %9.4f %8.4f %8.4f %8.4f\n", pe.product.c_str(), result.allocation[p],
                        pe.metrics.imageAuroc, pe.metrics.pixelAuroc, pe.metrics.aupro30, pe.wrongNeighbourRate,
                        pe.routingAccuracy);
        }
        std::printf("mean image AUROC %.4f, mean WNR %.4f, %.1f s\n", meanAuroc / result.products.size(),
                    result.averageWrongNeighbourRate, result.seconds);
        if (result.routing) printRouting(*result.routing, result.routerBytes);
        std::cout << "report written to " << settings.outDir.string() << "\n";
    }
    return terminal.problems() > 0 ? 3 : 0;
}

}  // namespace pb::cli
