#include "app/cli/EvaluationRun.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "app/cli/TerminalProgress.h"
#include "engine/experiments/EvaluationReport.h"
#include "engine/experiments/ProductEvaluator.h"
#include "engine/util/Error.h"

namespace pb::cli {

namespace {

std::string fmt(double v) {
    if (std::isnan(v)) return "   -  ";
    char b[32];
    std::snprintf(b, sizeof b, "%6.4f", v);
    return b;
}

}  // namespace

void printEvaluationSummary(const std::vector<ProductEvaluation>& results, const std::filesystem::path& outDir) {
    std::cout << "\nproduct              img_auroc img_ap  f1max   pix_auroc pix_ap  aupro30  train test  seconds\n";
    for (const auto& r : results) {
        char line[256];
        std::snprintf(line, sizeof line, "%-20.20s %s    %s  %s  %s    %s  %s  %5zu %5zu %7.1f\n",
                      r.product.c_str(), fmt(r.metrics.imageAuroc).c_str(), fmt(r.metrics.imageAp).c_str(),
                      fmt(r.metrics.imageF1Max).c_str(), fmt(r.metrics.pixelAuroc).c_str(),
                      fmt(r.metrics.pixelAp).c_str(), fmt(r.metrics.aupro30).c_str(), r.trainImages,
                      r.images.size(), r.seconds);
        std::cout << line;
    }
    for (const auto& r : results) {
        std::cout << r.product << " stages:";
        for (const auto& [stage, seconds] : r.times.entries()) {
            char b[64];
            std::snprintf(b, sizeof b, " %s %.2fs", stage.c_str(), seconds);
            std::cout << b << ";";
        }
        std::cout << "\n";
    }
    std::cout << "report written to " << outDir.string() << "\n";
}

int runEvaluation(ProductEvaluator& evaluator, const Dataset& dataset, const EvaluationRunSettings& settings) {
    std::vector<std::string> products = settings.products.empty() ? dataset.products : settings.products;
    for (const auto& p : products)
        if (std::find(dataset.products.begin(), dataset.products.end(), p) == dataset.products.end())
            throw Error("no product named '" + p + "' in the data set", dataset.root);

    TerminalProgress terminal(settings.quiet);
    for (const auto& problem : dataset.problems) terminal.progress().problem(problem.file, problem.reason);

    EvaluationReport report(settings.outDir, evaluator.options());
    std::vector<ProductEvaluation> results;
    for (const auto& product : products) {
        try {
            results.push_back(evaluator.evaluate(dataset, product, terminal.progress()));
        } catch (const Cancelled&) {
            throw;
        } catch (const Error& e) {
            // One broken product does not stop the others.
            terminal.progress().problem(e.file().empty() ? product : e.file(), e.reason());
            continue;
        }
        if (settings.writeImages) {
            ScopedStageTimer timer(results.back().times, "report images");
            report.writeImages(results.back(), terminal.progress());
        }
        // Written after each product, so an interrupted run keeps what it finished.
        report.writeMetrics(results);
        report.writeScores(results);
        report.writeTimings(results);
    }
    terminal.finishLine();
    if (results.empty()) throw Error("no product could be evaluated", dataset.root);

    if (!settings.quiet) printEvaluationSummary(results, settings.outDir);
    return terminal.problems() > 0 && results.size() < products.size() ? 1 : 0;
}

}  // namespace pb::cli
