// patchbank-cli bank build|info|score|add: one product's memory bank as a file.
#include <chrono>
#include <cstdio>
#include <iostream>

#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "app/cli/EvaluationOptionsParser.h"
#include "app/cli/EvaluationRun.h"
#include "app/cli/TerminalProgress.h"
#include "engine/bank/MemoryBank.h"
#include "engine/dataset/DatasetReader.h"
#include "engine/experiments/EvaluationReport.h"
#include "engine/experiments/ProductModel.h"
#include "engine/experiments/ScoredImagesSummary.h"
#include "engine/util/Error.h"

namespace pb::cli {

namespace {

std::string mb(std::size_t bytes) {
    char b[32];
    std::snprintf(b, sizeof b, "%.3f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return b;
}

void printBank(const MemoryBank& bank, const BankProvenance& provenance, const std::vector<std::string>& tags) {
    const double sourceBytes = static_cast<double>(bank.sourceCount()) * bank.dim() * sizeof(float);
    std::cout << "spec:          " << bank.spec() << "\n"
              << "vectors:       " << bank.size() << " of " << bank.sourceCount() << " source patches, dim "
              << bank.dim() << "\n"
              << "size:          " << bank.bytes() << " bytes (" << mb(bank.bytes()) << ")\n";
    if (bank.bytes() > 0) std::printf("compression:   %.2fx\n", sourceBytes / static_cast<double>(bank.bytes()));
    std::cout << "backbone:      " << provenance.features.backbone << "\n"
              << "layers:        " << (provenance.layers.empty() ? "(default)" : provenance.layers) << "\n"
              << "input:         " << provenance.features.geometry() << "\nproducts:     ";
    for (const auto& t : tags) std::cout << " " << t;
    std::cout << "\n";
}

int bankBuild(const CommandLine& cl) {
    cl.require({"data", "product", "bank", "out"});
    EvaluationOptions options = parseEvaluationOptions(cl);
    options.bankSpec = cl.value("bank");
    auto backbone = createBackbone(options.backbone);
    ProductModel model(*backbone, options);
    Dataset dataset = openDataset(cl.value("data"));
    const std::string product = cl.value("product");
    std::vector<Sample> train = dataset.select(product, Split::Train);
    if (train.empty()) throw Error("product '" + product + "' has no training images", dataset.root);
    if (options.maxTrainImages > 0 && train.size() > static_cast<std::size_t>(options.maxTrainImages))
        train.resize(options.maxTrainImages);
    TerminalProgress terminal(cl.flag("quiet"));
    StageTimes times;
    const auto start = std::chrono::steady_clock::now();
    model.build(product, train, terminal.progress(), times);
    model.save(cl.value("out"));
    terminal.finishLine();
    if (!cl.flag("quiet")) {
        printBank(model.bank(), model.provenance(), {product});
        std::printf("built in %.2f s (bank %.2f s); written to %s\n",
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), times.get("bank"),
                    cl.value("out").c_str());
    }
    return terminal.problems() > 0 ? 3 : 0;
}

int bankInfo(const CommandLine& cl) {
    if (cl.positional().size() != 1) throw Error("bank info takes one bank file");
    LoadedBank loaded = readBank(cl.positional().front());
    printBank(*loaded.bank, loaded.provenance, loaded.tagNames);
    return 0;
}

int bankScore(const CommandLine& cl) {
    cl.require({"bank", "data", "product", "out"});
    EvaluationOptions options = parseEvaluationOptions(cl);
    auto backbone = createBackbone(options.backbone);
    ProductModel model(*backbone, options);
    model.load(cl.value("bank"));
    checkDisplayRules(options, false);  // a bank file keeps no training images to score leave-one-out
    Dataset dataset = openDataset(cl.value("data"));
    const std::string product = cl.value("product");
    std::vector<Sample> test = dataset.select(product, Split::Test);
    if (test.empty()) throw Error("product '" + product + "' has no test images", dataset.root);

    TerminalProgress terminal(cl.flag("quiet"));
    const auto start = std::chrono::steady_clock::now();
    ProductEvaluation result = model.describe();
    result.product = product;  // scored on this product's test split, whatever the bank was built from
    result.images = model.score(test, terminal.progress(), result.times);
    {
        ScopedStageTimer timer(result.times, "metrics");
        applySummary(result, summariseScoredImages(result.images));
        applyDisplayRules(result, options, nullptr);
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    EvaluationReport report(cl.value("out"), options);
    if (!cl.flag("no-images")) report.writeImages(result, terminal.progress());
    report.writeMetrics({result});
    report.writeScores({result});
    report.writeTimings({result});
    terminal.finishLine();
    if (!cl.flag("quiet"))
        std::printf("%s against %s (%s): image AUROC %.4f, pixel AUROC %.4f, AUPRO %.4f; search %.2f s\n",
                    product.c_str(), model.bankSpec().c_str(), mb(model.bankBytes()).c_str(),
                    result.metrics.imageAuroc, result.metrics.pixelAuroc, result.metrics.aupro30,
                    result.times.get("kNN"));
    return terminal.problems() > 0 ? 3 : 0;
}

int bankAdd(const CommandLine& cl) {
    cl.require({"bank", "out"});
    if (cl.positional().empty()) throw Error("bank add needs the image files to add");
    EvaluationOptions options = parseEvaluationOptions(cl);
    auto backbone = createBackbone(options.backbone);
    ProductModel model(*backbone, options);
    model.load(cl.value("bank"));
    const std::size_t before = model.bankPatches();
    std::vector<Sample> images;
    for (const auto& path : cl.positional()) {
        Sample s;
        s.path = path;
        s.product = model.product();
        s.split = Split::Train;
        s.label = 0;
        images.push_back(std::move(s));
    }
    TerminalProgress terminal(cl.flag("quiet"));
    StageTimes times;
    const std::size_t added = model.addImages(images, terminal.progress(), times);
    model.save(cl.value("out"));
    terminal.finishLine();
    if (!cl.flag("quiet"))
        std::printf("added %zu of %zu images: %zu -> %zu vectors (%s); written to %s\n", added, images.size(), before,
                    model.bankPatches(), mb(model.bankBytes()).c_str(), cl.value("out").c_str());
    if (added == 0) throw Error("none of the images could be read");
    return terminal.problems() > 0 ? 3 : 0;
}

}  // namespace

int runBank(const CommandLine& cl) {
    if (cl.command() == "bank build") return bankBuild(cl);
    if (cl.command() == "bank info") return bankInfo(cl);
    if (cl.command() == "bank score") return bankScore(cl);
    return bankAdd(cl);
}

}  // namespace pb::cli
