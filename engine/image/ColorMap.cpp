#include "engine/image/ColorMap.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>

#include <opencv2/imgproc.hpp>

#include "engine/util/Error.h"

namespace pb {
namespace {

struct Entry {
    ColorMapName map;
    const char* name;
};

constexpr Entry kMaps[] = {{ColorMapName::Jet, "jet"},
                           {ColorMapName::Viridis, "viridis"},
                           {ColorMapName::Inferno, "inferno"},
                           {ColorMapName::Turbo, "turbo"},
                           {ColorMapName::Gray, "gray"}};

}  // namespace

ColorMapName colorMapFromString(const std::string& name) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower == "grey") lower = "gray";
    for (const Entry& e : kMaps)
        if (lower == e.name) return e.map;
    std::string valid;
    for (const Entry& e : kMaps) valid += (valid.empty() ? "" : ", ") + std::string(e.name);
    throw Error("unknown colour map '" + name + "' (valid: " + valid + ")");
}

std::string toString(ColorMapName map) {
    for (const Entry& e : kMaps)
        if (e.map == map) return e.name;
    return "jet";
}

std::vector<std::string> colorMapNames() {
    std::vector<std::string> names;
    for (const Entry& e : kMaps) names.emplace_back(e.name);
    return names;
}

cv::Mat applyColorMap(const cv::Mat& values, float lo, float hi, ColorMapName map) {
    if (values.empty()) throw Error("cannot colour an empty map");
    if (values.type() != CV_32FC1) throw Error("colour maps take a single-channel float32 map");
    cv::Mat index(values.size(), CV_8U);
    const float range = hi - lo;
    for (int y = 0; y < values.rows; ++y) {
        const float* v = values.ptr<float>(y);
        std::uint8_t* o = index.ptr<std::uint8_t>(y);
        for (int x = 0; x < values.cols; ++x) {
            float t = (range > 0.0f && !std::isnan(v[x])) ? (v[x] - lo) / range : 0.0f;
            t = std::min(1.0f, std::max(0.0f, t));
            o[x] = static_cast<std::uint8_t>(std::lround(t * 255.0f));
        }
    }
    if (map == ColorMapName::Gray) {
        cv::Mat rgb;
        cv::cvtColor(index, rgb, cv::COLOR_GRAY2RGB);
        return rgb;
    }
    int cvMap = cv::COLORMAP_JET;
    switch (map) {
        case ColorMapName::Jet: cvMap = cv::COLORMAP_JET; break;
        case ColorMapName::Viridis: cvMap = cv::COLORMAP_VIRIDIS; break;
        case ColorMapName::Inferno: cvMap = cv::COLORMAP_INFERNO; break;
        case ColorMapName::Turbo: cvMap = cv::COLORMAP_TURBO; break;
        case ColorMapName::Gray: break;
    }
    cv::Mat bgr, rgb;
    cv::applyColorMap(index, bgr, cvMap);  // OpenCV's tables give BGR
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    return rgb;
}

cv::Mat blendOverlay(const cv::Mat& rgb, const cv::Mat& heatRgb, float opacity) {
    if (rgb.type() != CV_8UC3 || heatRgb.type() != CV_8UC3) throw Error("overlay needs two 8-bit RGB images");
    if (rgb.size() != heatRgb.size())
        throw Error("overlay images differ in size: " + std::to_string(rgb.cols) + "x" + std::to_string(rgb.rows) +
                    " vs " + std::to_string(heatRgb.cols) + "x" + std::to_string(heatRgb.rows));
    const double a = std::isnan(opacity) ? 0.0 : std::min(1.0, std::max(0.0, static_cast<double>(opacity)));
    cv::Mat out;
    cv::addWeighted(rgb, 1.0 - a, heatRgb, a, 0.0, out);
    return out;
}

void drawContours(cv::Mat& rgb, const cv::Mat& binaryMask, const cv::Scalar& rgbColor, int thickness) {
    if (rgb.type() != CV_8UC3) throw Error("contours are drawn on an 8-bit RGB image");
    if (binaryMask.type() != CV_8U) throw Error("contours need a single-channel 8-bit mask");
    if (rgb.size() != binaryMask.size())
        throw Error("mask and image differ in size: " + std::to_string(binaryMask.cols) + "x" +
                    std::to_string(binaryMask.rows) + " vs " + std::to_string(rgb.cols) + "x" +
                    std::to_string(rgb.rows));
    cv::Mat binary = binaryMask > 0;
    std::vector<std::vector<cv::Point>> contours;
    // RETR_LIST: holes inside a region are outlined too.
    cv::findContours(binary, contours, cv::RETR_LIST, cv::CHAIN_APPROX_SIMPLE);
    // The image is RGB, so the colour goes in as given.
    cv::drawContours(rgb, contours, -1, rgbColor, std::max(1, thickness), cv::LINE_8);
}

}  // namespace pb
