// Conversions between OpenCV matrices (what the engine produces) and Qt images and paths
// (what the widgets show): deep copies, so neither side keeps the other's buffers alive.
#pragma once
#include <QImage>
#include <QPainterPath>
#include <opencv2/core.hpp>

namespace pb::ui {

// CV_8UC3 RGB or CV_8U grey -> QImage (RGB888 / Grayscale8), deep copy.
QImage toQImage(const cv::Mat& image);

// Outlines (outer boundaries and holes) of the non-zero regions of a CV_8U mask as closed
// polygons in the mask's pixel coordinates, scaled by `scale` (for masks at a reduced size).
QPainterPath maskOutline(const cv::Mat& mask, double scale = 1.0);

}  // namespace pb::ui
