#include "engine/experiments/EvaluationReport.h"

#include <algorithm>
#include <atomic>
#include <opencv2/imgproc.hpp>
#include <thread>

#include "engine/image/ColorMap.h"
#include "engine/image/ImageDecoder.h"
#include "engine/image/ImageWriter.h"
#include "engine/io/CsvWriter.h"
#include "engine/scoring/AnomalyMap.h"
#include "engine/util/BlasKernel.h"

namespace pb {

namespace fs = std::filesystem;

EvaluationReport::EvaluationReport(fs::path outDir, EvaluationOptions options)
    : outDir_(std::move(outDir)), options_(std::move(options)) {}

std::vector<std::string> EvaluationReport::metricsColumns() {
    return {"product",      "image_auroc",  "image_ap",        "image_f1max",     "tpr_at_1fpr",   "tpr_at_5fpr",
            "pixel_auroc",  "pixel_ap",     "aupro_30",        "n_train",         "n_test",        "seconds",
            "backbone",     "resolution",   "eval_resolution", "aupro_variant",   "k",             "image_score",
            "bank_patches", "feature_dim",  "image_threshold", "pixel_threshold", "bank_spec",  "bank_bytes",
            "bank_mb",      "source_patches", "compression_ratio", "wrong_neighbor_rate", "routing_accuracy", "k_scaling",
            "blas",         "blas_kernel",  "blas_threads"};
}

namespace {

// The BLAS that ran, on every row: a slow run explains itself.
std::vector<std::string> blasCells() {
    const BlasStatus s = blasStatus();
    std::string library = s.library.name + (s.library.version.empty() ? "" : " " + s.library.version);
    std::string kernel = s.library.kernel.empty() ? "-" : s.library.kernel;
    if (!s.note.empty()) kernel += " (" + s.note + ")";
    return {library, kernel, s.library.threads > 0 ? std::to_string(s.library.threads) : "-"};
}

}  // namespace

void EvaluationReport::writeMetrics(const std::vector<ProductEvaluation>& products) const {
    CsvWriter csv(metricsColumns());
    const std::vector<std::string> blas = blasCells();
    for (const auto& p : products) {
        const auto& m = p.metrics;
        csv.addRow({p.product, CsvWriter::number(m.imageAuroc), CsvWriter::number(m.imageAp),
                    CsvWriter::number(m.imageF1Max), CsvWriter::number(m.tprAt1Fpr), CsvWriter::number(m.tprAt5Fpr),
                    CsvWriter::number(m.pixelAuroc), CsvWriter::number(m.pixelAp), CsvWriter::number(m.aupro30),
                    std::to_string(p.trainImages), std::to_string(p.images.size()), CsvWriter::number(p.seconds, 3),
                    p.features.backbone, std::to_string(p.features.resolution),
                    m.pixelEvalWidth > 0 ? std::to_string(m.pixelEvalWidth) + "x" + std::to_string(m.pixelEvalHeight) : "-",
                    m.auproVariant.empty() ? "-" : m.auproVariant, std::to_string(p.neighbours > 0 ? p.neighbours : options_.k), toString(options_.imageScore),
                    std::to_string(p.bankPatches), std::to_string(p.featureDim), CsvWriter::number(p.imageThreshold),
                    CsvWriter::number(p.pixelThreshold), p.bankSpec, std::to_string(p.bankBytes),
                    CsvWriter::number(static_cast<double>(p.bankBytes) / (1024.0 * 1024.0), 4),
                    std::to_string(p.sourcePatches), CsvWriter::number(p.compressionRatio, 4),
                    CsvWriter::number(p.wrongNeighbourRate), CsvWriter::number(p.routingAccuracy),
                    options_.kScaling(), blas[0], blas[1], blas[2]});
    }
    csv.save(outDir_ / "metrics.csv");
}

void EvaluationReport::writeScores(const std::vector<ProductEvaluation>& products) const {
    CsvWriter csv({"product", "image", "defect", "label", "score", "predicted", "image_threshold", "verdict",
                   "review_low", "review_high", "routed_product", "route_margin"});
    for (const auto& p : products)
        for (const auto& img : p.images)
            csv.addRow({p.product, img.sample.path, img.sample.defect, std::to_string(img.sample.label),
                        CsvWriter::number(img.score, 8), img.score >= p.imageThreshold ? "1" : "0",
                        CsvWriter::number(p.imageThreshold, 8),
                        toString(verdictOf(img.score, p.reviewBand, p.imageThreshold)),
                        CsvWriter::number(p.reviewBand.low, 8), CsvWriter::number(p.reviewBand.high, 8),
                        img.routedProduct.empty() ? "-" : img.routedProduct, CsvWriter::number(img.routeMargin, 6)});
    csv.save(outDir_ / "scores.csv");
}

void EvaluationReport::writeTimings(const std::vector<ProductEvaluation>& products) const {
    CsvWriter csv({"product", "stage", "seconds", "blas", "blas_kernel", "blas_threads"});
    const std::vector<std::string> blas = blasCells();
    for (const auto& p : products) {
        for (const auto& [stage, seconds] : p.times.entries())
            csv.addRow({p.product, stage, CsvWriter::number(seconds, 4), blas[0], blas[1], blas[2]});
        csv.addRow({p.product, "total", CsvWriter::number(p.seconds, 4), blas[0], blas[1], blas[2]});
    }
    csv.save(outDir_ / "timings.csv");
}

void EvaluationReport::writeImages(const ProductEvaluation& product, const Progress& progress) const {
    // One colour scale for every image of the product (the test set's or normal data's, see HeatmapScale).
    const float lo = product.mapRange.low, hi = product.mapRange.high;

    const fs::path base = outDir_ / "images" / product.product;
    std::atomic<std::size_t> next{0}, done{0};
    std::atomic<bool> stop{false};
    auto worker = [&]() {
        for (std::size_t i = next++; i < product.images.size() && !stop; i = next++) {
            const ScoredImage& img = product.images[i];
            try {
                cv::Mat rgb = decodeImageRgb(img.sample.path);
                cv::Mat map = mapToOriginal(img.map, img.frameSide, rgb.cols, rgb.rows);
                cv::Mat heat = applyColorMap(map, lo, hi, ColorMapName::Jet);
                cv::Mat predicted = map >= static_cast<float>(product.pixelThreshold);
                predicted /= 255;
                cv::Mat overlay = blendOverlay(rgb, heat, 0.45f);
                const int thickness = std::max(1, std::max(rgb.cols, rgb.rows) / 300);
                if (!img.mask.empty() && img.sample.label == 1) {
                    cv::Mat gt;
                    cv::resize(img.mask, gt, rgb.size(), 0, 0, cv::INTER_NEAREST_EXACT);
                    drawContours(overlay, gt, cv::Scalar(0, 255, 0), thickness);
                }
                drawContours(overlay, predicted, cv::Scalar(255, 0, 0), thickness);
                const std::string stem = fs::path(img.sample.path).stem().string();
                const fs::path dir = base / (img.sample.defect.empty() ? "unlabeled" : img.sample.defect);
                writePng(dir / (stem + "_heatmap.png"), heat);
                writePng(dir / (stem + "_overlay.png"), overlay);
                writePng(dir / (stem + "_mask.png"), predicted * 255, false);
            } catch (const Error& e) {
                progress.problem(e.file().empty() ? img.sample.path : e.file(), e.reason());
            } catch (const std::exception& e) {
                progress.problem(img.sample.path, e.what());
            }
            ++done;
        }
    };
    const unsigned threads = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
    // Progress and cancellation are handled on this thread only.
    try {
        while (done < product.images.size()) {
            progress.step(product.product + ": images", done, product.images.size());
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        progress.step(product.product + ": images", done, product.images.size());
    } catch (...) {
        stop = true;
        for (auto& t : pool) t.join();
        throw;
    }
    for (auto& t : pool) t.join();
}

}  // namespace pb
