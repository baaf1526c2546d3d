// patchbank-cli route: the prototype router over several products (METHODS.md section 4, "Router").
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "app/cli/EvaluationOptionsParser.h"
#include "app/cli/SharedEvaluationRun.h"
#include "app/cli/TerminalProgress.h"
#include "engine/dataset/DatasetReader.h"
#include "engine/io/CsvWriter.h"
#include "engine/util/Error.h"

namespace pb::cli {

std::vector<ProductSource> productSources(const std::vector<Dataset>& datasets, const std::vector<std::string>& only) {
    std::vector<ProductSource> sources;
    for (const auto& d : datasets)
        for (const auto& p : d.products)
            if (only.empty() || std::find(only.begin(), only.end(), p) != only.end()) sources.push_back({&d, p});
    for (const auto& name : only) {
        bool found = false;
        for (const auto& s : sources) found = found || s.product == name;
        if (!found) throw Error("no product named '" + name + "' in the data sets given with --data");
    }
    return sources;
}

int runRoute(const CommandLine& cl) {
    cl.require({"data"});
    EvaluationOptions options = parseEvaluationOptions(cl);
    SharedBankOptions shared;
    if (!parseRouterMetric(cl.value("metric", "l2"), shared.routerMetric))
        throw Error("--metric must be l2 or cosine, got '" + cl.value("metric") + "'");
    shared.method = "flat";
    SharedBankEvaluator evaluator(options, shared);
    std::vector<Dataset> datasets;
    for (const auto& dir : cl.values("data")) datasets.push_back(openDataset(dir));
    const auto sources = productSources(datasets, cl.values("product"));
    if (sources.size() < 2) throw Error("routing needs at least two products");

    TerminalProgress terminal(cl.flag("quiet"));
    RouterRun run = evaluator.routeOnly(sources, terminal.progress());
    terminal.finishLine();
    if (cl.has("save-router")) run.router.save(cl.value("save-router"));
    if (cl.has("out")) {
        const std::filesystem::path out = cl.value("out");
        CsvWriter csv({"image", "true_product", "routed_product", "correct", "best_distance", "second_distance",
                       "margin"});
        for (std::size_t i = 0; i < run.decisions.size(); ++i) {
            const auto& d = run.decisions[i];
            const std::string& truth = run.evaluation.names()[run.trueProducts[i]];
            csv.addRow({run.imagePaths[i], truth, d.name, d.name == truth ? "1" : "0", CsvWriter::number(d.bestDistance),
                        CsvWriter::number(d.secondDistance), CsvWriter::number(d.margin)});
        }
        csv.save(out / "routing.csv");
        writeRoutingConfusion(run.evaluation, out / "routing_confusion.csv");
    }
    if (!cl.flag("quiet")) printRouting(run.evaluation, run.routerBytes);
    return terminal.problems() > 0 ? 3 : 0;
}

}  // namespace pb::cli
