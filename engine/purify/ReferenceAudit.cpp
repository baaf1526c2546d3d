#include "engine/purify/ReferenceAudit.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <filesystem>
#include <numeric>

#include "engine/image/ColorMap.h"
#include "engine/image/ImageDecoder.h"
#include "engine/image/ImageWriter.h"
#include "engine/io/CsvWriter.h"
#include "engine/purify/ReferenceCleaning.h"
#include "engine/purify/ReferencePatches.h"
#include "engine/scoring/AnomalyMap.h"
#include "engine/util/Error.h"

namespace pb::purify {

std::vector<std::size_t> ReferenceAuditReport::ranking() const {
    std::vector<std::size_t> order(images.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return images[a].rank < images[b].rank; });
    return order;
}

std::vector<std::size_t> ReferenceAuditReport::flagged() const {
    std::vector<std::size_t> out;
    for (std::size_t i : ranking())
        if (images[i].flagged) out.push_back(i);
    return out;
}

ReferenceAuditReport auditReferences(FeatureExtractor& extractor, const std::string& product,
                                     const std::vector<Sample>& references, const ReferenceAuditOptions& options,
                                     const Progress& progress, StageTimes& times) {
    ReferenceAuditReport report;
    report.product = product;
    report.rule = options.rule;
    ReferenceFeatures features =
        extractReferenceFeatures(extractor, references, product + ": reference features", progress, times);
    report.problems = std::move(features.problems);
    const ReferencePatches& patches = features.patches;
    for (std::size_t i = 0; i < features.samples.size(); ++i) {
        AuditedImage image;
        image.sample = features.samples[i];
        image.gridHeight = patches.gridHeight;
        image.gridWidth = patches.gridWidth;
        image.originalWidth = features.originalSizes[i].first;
        image.originalHeight = features.originalSizes[i].second;
        report.images.push_back(std::move(image));
    }
    const std::size_t n = report.images.size();

    KnnResult knn;
    {
        ScopedStageTimer timer(times, "leave-one-out");
        knn = leaveOneImageOutKnn(patches, options.k, progress, product + ": leave-one-out");
    }
    const std::vector<float> scores = meanDistances(knn);
    const std::size_t per = patches.patchesPerImage();
    const ImageAuditResult audit = auditImages(scores, per, options.rule);
    report.median = audit.median;
    report.mad = audit.mad;
    report.threshold = audit.threshold;
    report.maxFlagged = static_cast<std::size_t>(options.rule.maxFraction * static_cast<double>(n));
    for (std::size_t i = 0; i < n; ++i) {
        AuditedImage& image = report.images[i];
        image.score = audit.scores[i];
        image.flagged = audit.isFlagged(i);
        image.patchScores.assign(scores.begin() + i * per, scores.begin() + (i + 1) * per);
        const std::size_t worst = audit.worstPatch[i];
        image.worstPatch = {i, static_cast<int>(worst) / image.gridWidth, static_cast<int>(worst) % image.gridWidth,
                            image.patchScores[worst]};
        for (int j = 0; j < knn.k; ++j) {
            const auto global = static_cast<std::size_t>(knn.index(i * per + worst, j));
            const std::size_t other = global / per, patch = global % per;
            image.neighbours.push_back({other, static_cast<int>(patch) / report.images[other].gridWidth,
                                        static_cast<int>(patch) % report.images[other].gridWidth,
                                        knn.distance(i * per + worst, j)});
        }
    }
    for (std::size_t r = 0; r < audit.ranking.size(); ++r) report.images[audit.ranking[r]].rank = static_cast<int>(r) + 1;

    if (options.memoryEnsemble) {
        ScopedStageTimer timer(times, "memory ensemble");
        const MemoryEnsembleResult screen = screenWithMemoryEnsemble(patches, options.ensemble, progress);
        report.ensembleRun = true;
        report.ensembleThreshold = screen.threshold;
        for (std::size_t i = 0; i < n; ++i) report.images[i].ensembleScore = screen.imageScores[i];
        for (std::size_t i : screen.flagged) report.images[i].ensembleFlagged = true;
    }
    return report;
}

namespace {

// A patch grid's cell in original-image pixels (the features were taken from a square resize).
cv::Rect patchRect(const AuditedImage& image, int row, int column) {
    const double cw = static_cast<double>(image.originalWidth) / image.gridWidth;
    const double ch = static_cast<double>(image.originalHeight) / image.gridHeight;
    const int x0 = static_cast<int>(column * cw), y0 = static_cast<int>(row * ch);
    return {x0, y0, std::max(1, static_cast<int>((column + 1) * cw) - x0), std::max(1, static_cast<int>((row + 1) * ch) - y0)};
}

void writeImages(const AuditedImage& image, const std::filesystem::path& dir, const std::string& stem) {
    cv::Mat rgb = decodeImageRgb(image.sample.path);
    const cv::Mat grid = patchScoreGrid(image.patchScores, image.gridHeight, image.gridWidth);
    cv::Mat map;
    cv::resize(grid, map, rgb.size(), 0, 0, cv::INTER_LINEAR);
    double lo = 0, hi = 0;
    cv::minMaxLoc(grid, &lo, &hi);
    writePng(dir / (stem + "_heatmap.png"),
             blendOverlay(rgb, applyColorMap(map, static_cast<float>(lo), static_cast<float>(hi), ColorMapName::Jet), 0.5f));

    const cv::Rect cell = patchRect(image, image.worstPatch.row, image.worstPatch.column);
    // The crop shows the worst patch outlined with three cells of context on every side, enlarged.
    const cv::Rect context = cv::Rect(cell.x - 3 * cell.width, cell.y - 3 * cell.height, cell.width * 7,
                                      cell.height * 7) & cv::Rect(0, 0, rgb.cols, rgb.rows);
    const double zoom = 288.0 / std::max(context.width, context.height);
    cv::Mat crop;
    cv::resize(rgb(context), crop, cv::Size(), zoom, zoom, cv::INTER_LINEAR);
    const cv::Rect inCrop((cell.x - context.x) * zoom, (cell.y - context.y) * zoom, cell.width * zoom, cell.height * zoom);
    cv::rectangle(crop, inCrop, cv::Scalar(255, 0, 0), 2);
    cv::Mat outlined = rgb.clone();
    const int thickness = std::max(2, rgb.cols / 150);
    cv::rectangle(outlined, cell, cv::Scalar(255, 0, 0), thickness);
    cv::rectangle(outlined, context, cv::Scalar(255, 255, 0), std::max(1, thickness / 2));
    const double scale = 384.0 / std::max(outlined.cols, outlined.rows);
    cv::resize(outlined, outlined, cv::Size(), scale, scale, cv::INTER_AREA);
    cv::Mat canvas(std::max(outlined.rows, crop.rows), outlined.cols + 8 + crop.cols, CV_8UC3, cv::Scalar(255, 255, 255));
    outlined.copyTo(canvas(cv::Rect(0, 0, outlined.cols, outlined.rows)));
    crop.copyTo(canvas(cv::Rect(outlined.cols + 8, 0, crop.cols, crop.rows)));
    writePng(dir / (stem + "_worst.png"), canvas);
}

}  // namespace

void writeReferenceAudit(const ReferenceAuditReport& report, const std::filesystem::path& outDir, bool images) {
    std::filesystem::create_directories(outDir);
    CsvWriter csv({"rank", "image", "audit_score", "threshold", "flagged", "reason", "worst_row", "worst_column",
                   "worst_distance", "nearest_reference", "nearest_row", "nearest_column", "ensemble_score",
                   "ensemble_flagged", "audit_method", "audit_k"});
    for (std::size_t i : report.ranking()) {
        const AuditedImage& image = report.images[i];
        std::string reason;
        if (image.flagged)
            reason = "worst patch (row " + std::to_string(image.worstPatch.row) + ", column " +
                     std::to_string(image.worstPatch.column) + ") is " + CsvWriter::number(image.worstPatch.distance, 4) +
                     " from its nearest other references; audit score " + CsvWriter::number(image.score, 4) +
                     " > threshold " + CsvWriter::number(report.threshold, 4);
        else if (image.score > report.threshold)
            reason = "above the threshold but past the cap of " + std::to_string(report.maxFlagged) + " flagged images";
        const PatchLocation& nearest = image.neighbours.front();
        csv.addRow({std::to_string(image.rank), image.sample.path, CsvWriter::number(image.score),
                    CsvWriter::number(report.threshold), image.flagged ? "1" : "0", reason,
                    std::to_string(image.worstPatch.row), std::to_string(image.worstPatch.column),
                    CsvWriter::number(image.worstPatch.distance), report.images[nearest.image].sample.path,
                    std::to_string(nearest.row), std::to_string(nearest.column),
                    report.ensembleRun ? CsvWriter::number(image.ensembleScore) : "",
                    report.ensembleRun ? (image.ensembleFlagged ? "1" : "0") : "", toString(report.rule.score),
                    CsvWriter::number(report.rule.k)});
        if (images && image.flagged) {
            const std::string stem = std::to_string(image.rank) + "_" + std::filesystem::path(image.sample.path).stem().string();
            writeImages(image, outDir / "flagged", stem);
        }
    }
    csv.save(outDir / "audit.csv");
}

}  // namespace pb::purify
