#include "ui/ImageConvert.h"

#include <opencv2/imgproc.hpp>
#include <vector>

namespace pb::ui {

QImage toQImage(const cv::Mat& image) {
    if (image.empty()) return {};
    if (image.type() == CV_8UC3)
        return QImage(image.data, image.cols, image.rows, static_cast<qsizetype>(image.step), QImage::Format_RGB888)
            .copy();
    if (image.type() == CV_8UC1)
        return QImage(image.data, image.cols, image.rows, static_cast<qsizetype>(image.step),
                      QImage::Format_Grayscale8)
            .copy();
    return {};
}

QPainterPath maskOutline(const cv::Mat& mask, double scale) {
    QPainterPath path;
    if (mask.empty()) return path;
    std::vector<std::vector<cv::Point>> contours;
    cv::Mat work = mask.clone();  // findContours may modify its input in older OpenCV versions
    cv::findContours(work, contours, cv::RETR_LIST, cv::CHAIN_APPROX_SIMPLE);
    for (const auto& contour : contours) {
        if (contour.empty()) continue;
        // Pixel centres: a one-pixel region still gets a visible outline.
        path.moveTo((contour[0].x + 0.5) * scale, (contour[0].y + 0.5) * scale);
        for (std::size_t i = 1; i < contour.size(); ++i)
            path.lineTo((contour[i].x + 0.5) * scale, (contour[i].y + 0.5) * scale);
        path.closeSubpath();
    }
    return path;
}

}  // namespace pb::ui
