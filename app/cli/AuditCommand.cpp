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
#include "engine/io/CsvWriter.h"
#include "engine/metrics/ImageMetrics.h"
#include "engine/purify/NoisyTrainingSplit.h"
#include "engine/purify/ReferenceAudit.h"
#include "engine/util/Error.h"

namespace pb::cli {

namespace {

// How well a set of flags finds the references known to be defective (labelled 1).
struct FlagQuality {
    std::size_t flagged = 0, hits = 0, defective = 0;
    double precision() const { return flagged ? static_cast<double>(hits) / flagged : std::nan(""); }
    double recall() const { return defective ? static_cast<double>(hits) / defective : std::nan(""); }
};

FlagQuality flagQuality(const purify::ReferenceAuditReport& report, bool ensemble) {
    FlagQuality q;
    for (const auto& image : report.images) {
        const bool flagged = ensemble ? image.ensembleFlagged : image.flagged;
        q.flagged += flagged ? 1 : 0;
        q.defective += image.sample.label == 1 ? 1 : 0;
        q.hits += flagged && image.sample.label == 1 ? 1 : 0;
    }
    return q;
}

// Builds a flat bank from each reference set and scores the test images: what cleaning the references
// is worth. Writes audit_banks.csv and prints one line per bank.
void scoreBanks(Backbone& backbone, EvaluationOptions options, const purify::ReferenceAuditReport& report,
                const std::vector<Sample>& test, const std::filesystem::path& out, const Progress& progress, bool quiet) {
    if (test.empty()) throw Error("--score-test: the product has no test images to score");
    options.bankSpec = "flat";
    CsvWriter csv({"references", "n_train", "n_defective", "flagged", "flag_precision", "flag_recall", "n_test",
                   "image_auroc", "image_ap"});
    auto score = [&](const std::string& name, bool keepFlaggedOut, bool ensemble) {
        std::vector<Sample> kept;
        for (const auto& image : report.images)
            if (!keepFlaggedOut || !(ensemble ? image.ensembleFlagged : image.flagged)) kept.push_back(image.sample);
        ProductModel model(backbone, options);
        StageTimes times;
        model.build(report.product, kept, progress, times);
        std::vector<double> scores;
        std::vector<int> labels;
        for (const auto& img : model.score(test, progress, times)) {
            scores.push_back(img.score);
            labels.push_back(img.sample.label);
        }
        const FlagQuality q = keepFlaggedOut ? flagQuality(report, ensemble) : FlagQuality{};
        std::size_t defective = 0;
        for (const auto& s : kept) defective += s.label == 1 ? 1 : 0;
        const double auroc = rocAuc(scores, labels), ap = averagePrecision(scores, labels);
        csv.addRow({name, std::to_string(kept.size()), std::to_string(defective), std::to_string(q.flagged),
                    CsvWriter::number(q.precision()), CsvWriter::number(q.recall()), std::to_string(scores.size()),
                    CsvWriter::number(auroc), CsvWriter::number(ap)});
        if (!quiet)
            std::printf("bank of %-22s %4zu references (%3zu defective): image AUROC %.4f, AP %.4f on %zu test images%s\n",
                        name.c_str(), kept.size(), defective, auroc, ap, scores.size(),
                        std::isnan(auroc) ? " (AUROC needs normal and anomalous test images; one class is left)" : "");
    };
    score("all references", false, false);
    score("audit-kept references", true, false);
    if (report.ensembleRun) score("MeDS-kept references", true, true);
    csv.save(out / "audit_banks.csv");
}

}  // namespace

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
    audit.ensemble.device = options.backbone.device;  // --device cuda puts the ensemble on the GPU too
    const std::filesystem::path out = cl.value("out", "audit-report");

    const Dataset dataset = openDataset(cl.value("data"));
    const std::string product = cl.value("product");
    std::vector<Sample> references = dataset.select(product, Split::Train);
    std::vector<Sample> test = dataset.select(product, Split::Test);
    if (cl.has("split")) {
        purify::NoisyTrainingSet noisy = purify::readNoisyTrainingSplit(cl.value("split"), dataset, product);
        references = std::move(noisy.train);
        test = std::move(noisy.test);
    }
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
    terminal.finishLine();
    purify::writeReferenceAudit(report, out, !cl.flag("no-images"));
    if (cl.flag("score-test")) scoreBanks(*backbone, options, report, test, out, terminal.progress(), cl.flag("quiet"));

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
        const FlagQuality audited = flagQuality(report, false), screened = flagQuality(report, true);
        if (audited.defective > 0) {
            std::printf("known defective references: %zu; audit flags precision %.2f, recall %.2f", audited.defective,
                        audited.precision(), audited.recall());
            if (report.ensembleRun)
                std::printf("; MeDS flags precision %.2f, recall %.2f", screened.precision(), screened.recall());
            std::printf("\n");
        }
        std::printf("seconds:");
        for (const auto& [stage, seconds] : times.entries()) std::printf(" %s %.1f;", stage.c_str(), seconds);
        std::printf("\n");
        std::cout << "audit written to " << (out / "audit.csv").string() << "\n";
    }
    return terminal.problems() > 0 ? 3 : 0;
}

}  // namespace pb::cli
