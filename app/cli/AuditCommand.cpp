// patchbank-cli audit: the engineer's check of a product's reference ("good") images before a bank is
// built from them. No labels needed.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "app/cli/EvaluationOptionsParser.h"
#include "app/cli/TerminalProgress.h"
#include "engine/dataset/DatasetReader.h"
#include "engine/experiments/ProductModel.h"
#include "engine/purify/ReferenceAudit.h"
#include "engine/util/Error.h"

namespace pb::cli {

int runAudit(const CommandLine& cl) {
    cl.require({"data", "product"});
    const EvaluationOptions options = parseEvaluationOptions(cl);
    purify::ReferenceAuditOptions audit;
    audit.rule.score = purify::auditScoreFromString(cl.value("method", "imgmax"));
    audit.rule.k = cl.doubleValue("k", 1.5);
    audit.rule.maxFraction = cl.doubleValue("max-flagged", 0.4);
    if (!(audit.rule.k >= 0)) throw Error("--k must not be negative");
    if (!(audit.rule.maxFraction >= 0 && audit.rule.maxFraction <= 1)) throw Error("--max-flagged must be in [0, 1]");
    audit.memoryEnsemble = cl.flag("meds");
    audit.ensemble.members = cl.intValue("members", 100);
    const std::filesystem::path out = cl.value("out", "audit-report");

    const Dataset dataset = openDataset(cl.value("data"));
    const std::string product = cl.value("product");
    std::vector<Sample> references = dataset.select(product, Split::Train);
    if (references.empty()) throw Error("product '" + product + "' has no training (reference) images", dataset.root);
    if (options.maxTrainImages > 0 && references.size() > static_cast<std::size_t>(options.maxTrainImages))
        references.resize(static_cast<std::size_t>(options.maxTrainImages));

    TerminalProgress terminal(cl.flag("quiet"));
    // The audit reads only the train split: what the listing says of other splits (a folder of good
    // images has no test split) is a note, not a failure.
    for (const auto& problem : dataset.problems) std::cerr << "note: " << problem.file << ": " << problem.reason << "\n";
    auto backbone = createBackbone(options.backbone);
    auto extractor = createFeatureExtractor(*backbone, options);
    StageTimes times;
    const purify::ReferenceAuditReport report =
        purify::auditReferences(*extractor, product, references, audit, terminal.progress(), times);
    for (const auto& problem : report.problems) terminal.progress().problem(problem.file, problem.reason);
    terminal.finishLine();
    purify::writeReferenceAudit(report, out, !cl.flag("no-images"));

    if (!cl.flag("quiet")) {
        const auto flagged = report.flagged();
        std::printf("%s: %zu reference images, audit score %s, median %.4f, MAD %.4f, threshold %s\n", product.c_str(),
                    report.images.size(), purify::toString(report.rule.score).c_str(), report.median, report.mad,
                    std::isfinite(report.threshold) ? std::to_string(report.threshold).c_str() : "none (MAD = 0)");
        std::printf("%zu flagged (at most %zu):\n", flagged.size(), report.maxFlagged);
        for (std::size_t i : flagged) {
            const auto& image = report.images[i];
            std::printf("  #%-3d %.4f  %s  worst patch row %d, column %d%s\n", image.rank, image.score,
                        image.sample.path.c_str(), image.worstPatch.row, image.worstPatch.column,
                        report.ensembleRun ? (image.ensembleFlagged ? "  (MeDS: flagged too)" : "  (MeDS: not flagged)") : "");
        }
        if (report.ensembleRun) {
            std::size_t medsFlagged = 0;
            for (const auto& image : report.images) medsFlagged += image.ensembleFlagged ? 1 : 0;
            std::printf("MeDS memory ensemble: %zu flagged above %.4f\n", medsFlagged, report.ensembleThreshold);
        }
        std::cout << "audit written to " << (out / "audit.csv").string() << "\n";
    }
    return terminal.problems() > 0 ? 3 : 0;
}

}  // namespace pb::cli
