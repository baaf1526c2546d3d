// Turning anomaly maps into pictures a person can read: false colour, overlay on the image,
// outlines of ground-truth or thresholded regions. All images here are RGB.
#pragma once
#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace pb {

enum class ColorMapName { Jet, Viridis, Inferno, Turbo, Gray };

// Case-insensitive ("jet", "Viridis", ...); throws pb::Error listing the valid names.
ColorMapName colorMapFromString(const std::string& name);
std::string toString(ColorMapName map);  // lowercase, accepted by colorMapFromString
std::vector<std::string> colorMapNames();

// CV_32F map -> CV_8UC3 RGB. Values are clamped to [lo, hi] and spread over the 256 entries
// of the map (lo -> first, hi -> last); NaN shows as lo. When hi <= lo everything shows as lo.
cv::Mat applyColorMap(const cv::Mat& values, float lo, float hi, ColorMapName map);

// (1 - opacity) * rgb + opacity * heatRgb, opacity clamped to [0, 1]; both CV_8UC3, same size.
cv::Mat blendOverlay(const cv::Mat& rgb, const cv::Mat& heatRgb, float opacity);

// Draws the outer and hole boundaries of the non-zero regions of a CV_8U mask into `rgb`
// (CV_8UC3, same size) in the given RGB colour.
void drawContours(cv::Mat& rgb, const cv::Mat& binaryMask, const cv::Scalar& rgbColor, int thickness);

}  // namespace pb
