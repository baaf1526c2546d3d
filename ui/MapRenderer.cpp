#include "ui/MapRenderer.h"

#include <algorithm>
#include <filesystem>
#include <opencv2/imgproc.hpp>

#include "engine/image/ImageDecoder.h"
#include "engine/image/ImageWriter.h"
#include "engine/scoring/AnomalyMap.h"
#include "engine/util/Error.h"

namespace pb::ui {

RenderedMaps MapRenderer::render(const cv::Mat& rgb, const cv::Mat& map, const cv::Mat& groundTruth,
                                 const RenderSettings& s) {
    RenderedMaps out;
    if (map.empty()) {
        out.overlay = rgb.clone();
        return out;
    }
    out.heatmap = applyColorMap(map, s.low, s.high, s.colorMap);
    out.overlay = s.overlay ? blendOverlay(rgb, out.heatmap, s.opacity) : rgb.clone();
    out.mask = map >= static_cast<float>(s.pixelThreshold);  // 0 / 255
    // Outlines as thick as the report's, so that they stay visible on large images.
    const int thickness = std::max(1, std::max(rgb.cols, rgb.rows) / 300);
    if (s.groundTruth && !groundTruth.empty()) drawContours(out.overlay, groundTruth, cv::Scalar(0, 230, 0), thickness);
    if (s.predicted) drawContours(out.overlay, out.mask / 255, cv::Scalar(255, 40, 40), thickness);
    return out;
}

RenderedMaps MapRenderer::render(const ScoredImage& image, const RenderSettings& settings) {
    cv::Mat rgb = decodeImageRgb(image.sample.path);
    cv::Mat map = mapToOriginal(image.map, image.frameSide, rgb.cols, rgb.rows);
    cv::Mat gt;
    if (image.sample.label == 1 && !image.sample.maskPaths.empty()) {
        std::vector<cv::Mat> parts;
        for (const auto& m : image.sample.maskPaths) parts.push_back(decodeMask(m));
        gt = parts.size() == 1 ? parts.front() : mergeMasks(parts);
        if (gt.size() != rgb.size()) cv::resize(gt, gt, rgb.size(), 0, 0, cv::INTER_NEAREST_EXACT);
    }
    return render(rgb, map, gt, settings);
}

void MapRenderer::write(const QString& directory, const QString& stem, const RenderedMaps& maps) {
    const std::filesystem::path dir = directory.toStdString();
    const std::string base = stem.toStdString();
    if (!maps.heatmap.empty()) writePng(dir / (base + "_heatmap.png"), maps.heatmap);
    if (!maps.overlay.empty()) writePng(dir / (base + "_overlay.png"), maps.overlay);
    if (!maps.mask.empty()) writePng(dir / (base + "_mask.png"), maps.mask, false);
}

}  // namespace pb::ui
