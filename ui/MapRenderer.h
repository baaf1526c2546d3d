// Renders what the inspection view shows as images at the original resolution: the coloured
// heatmap, the overlay with ground-truth (green) and predicted (red) outlines, and the predicted
// mask. Shared by the single-image export and the batch export; thread-safe (no Qt widgets).
#pragma once
#include <QString>
#include <opencv2/core.hpp>

#include "engine/experiments/ProductEvaluation.h"
#include "engine/image/ColorMap.h"

namespace pb::ui {

struct RenderSettings {
    ColorMapName colorMap = ColorMapName::Jet;
    float low = 0.0f;   // colour scale
    float high = 1.0f;
    float opacity = 0.5f;
    double pixelThreshold = 0.5;
    bool overlay = true;
    bool groundTruth = true;
    bool predicted = true;
};

struct RenderedMaps {
    cv::Mat heatmap;  // CV_8UC3 RGB
    cv::Mat overlay;  // CV_8UC3 RGB
    cv::Mat mask;     // CV_8U, 255 where the map reaches the pixel threshold
};

class MapRenderer {
public:
    // rgb: the original image; map: CV_32F at the same size; groundTruth: CV_8U 0/1 or empty.
    static RenderedMaps render(const cv::Mat& rgb, const cv::Mat& map, const cv::Mat& groundTruth,
                               const RenderSettings& settings);
    // Decodes the image (and its masks) from disk and maps the input-resolution map back onto it.
    static RenderedMaps render(const ScoredImage& image, const RenderSettings& settings);
    // Writes <dir>/<stem>_heatmap.png, _overlay.png and _mask.png (atomically); throws pb::Error.
    static void write(const QString& directory, const QString& stem, const RenderedMaps& maps);
};

}  // namespace pb::ui
