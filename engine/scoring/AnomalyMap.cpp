#include "engine/scoring/AnomalyMap.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <opencv2/imgproc.hpp>

#include "engine/util/Error.h"

namespace pb {

namespace {

void requireFloatMap(const cv::Mat& m, const char* what) {
    if (m.empty() || m.type() != CV_32FC1) throw Error(std::string(what) + ": expected a non-empty single-channel float32 map");
}

void requirePositive(int w, int h, const char* what) {
    if (w < 1 || h < 1)
        throw Error(std::string(what) + ": invalid output size " + std::to_string(w) + "x" + std::to_string(h));
}

// Source coordinate and weights of one output index along an axis.
struct Tap {
    int i0;
    int i1;
    double t;
};

std::vector<Tap> alignCornerTaps(int in, int out) {
    std::vector<Tap> taps(static_cast<std::size_t>(out));
    const double scale = out > 1 ? static_cast<double>(in - 1) / static_cast<double>(out - 1) : 0.0;
    for (int o = 0; o < out; ++o) {
        const double src = scale * o;
        int i0 = static_cast<int>(std::floor(src));
        if (i0 > in - 1) i0 = in - 1;
        const int i1 = std::min(i0 + 1, in - 1);
        taps[static_cast<std::size_t>(o)] = {i0, i1, src - i0};
    }
    return taps;
}

}  // namespace

cv::Mat patchScoreGrid(const std::vector<float>& scores, int gridH, int gridW) {
    if (gridH < 1 || gridW < 1 || scores.size() != static_cast<std::size_t>(gridH) * static_cast<std::size_t>(gridW))
        throw Error("patch score grid: " + std::to_string(scores.size()) + " scores do not fill a " +
                    std::to_string(gridH) + "x" + std::to_string(gridW) + " grid");
    cv::Mat grid(gridH, gridW, CV_32F);
    std::copy(scores.begin(), scores.end(), grid.ptr<float>());
    return grid;
}

cv::Mat upsampleAlignCorners(const cv::Mat& grid, int outWidth, int outHeight) {
    requireFloatMap(grid, "upsampleAlignCorners");
    requirePositive(outWidth, outHeight, "upsampleAlignCorners");
    const auto xs = alignCornerTaps(grid.cols, outWidth);
    const auto ys = alignCornerTaps(grid.rows, outHeight);
    cv::Mat out(outHeight, outWidth, CV_32F);
    for (int y = 0; y < outHeight; ++y) {
        const Tap& ty = ys[static_cast<std::size_t>(y)];
        const float* r0 = grid.ptr<float>(ty.i0);
        const float* r1 = grid.ptr<float>(ty.i1);
        float* o = out.ptr<float>(y);
        for (int x = 0; x < outWidth; ++x) {
            const Tap& tx = xs[static_cast<std::size_t>(x)];
            const double top = (1.0 - tx.t) * r0[tx.i0] + tx.t * r0[tx.i1];
            const double bottom = (1.0 - tx.t) * r1[tx.i0] + tx.t * r1[tx.i1];
            o[x] = static_cast<float>((1.0 - ty.t) * top + ty.t * bottom);
        }
    }
    return out;
}

cv::Mat gaussianSmooth(const cv::Mat& map, double sigma, int kernelSize, SmoothBorder border) {
    requireFloatMap(map, "gaussianSmooth");
    if (sigma <= 0) return map.clone();
    if (kernelSize == 0) kernelSize = 2 * static_cast<int>(4.0 * sigma + 0.5) + 1;
    if (kernelSize < 1 || kernelSize % 2 == 0)
        throw Error("gaussianSmooth: kernel size must be odd and positive, got " + std::to_string(kernelSize));
    cv::Mat kernel(kernelSize, 1, CV_64F);
    const int half = kernelSize / 2;
    double sum = 0;
    for (int i = 0; i < kernelSize; ++i) {
        const double x = i - half;
        sum += kernel.at<double>(i) = std::exp(-(x * x) / (2.0 * sigma * sigma));
    }
    kernel /= sum;
    const int cvBorder = border == SmoothBorder::Reflect101 ? cv::BORDER_REFLECT_101
                         : border == SmoothBorder::Reflect  ? cv::BORDER_REFLECT
                                                            : cv::BORDER_CONSTANT;
    cv::Mat out;
    cv::sepFilter2D(map, out, CV_32F, kernel, kernel, cv::Point(-1, -1), 0.0, cvBorder);
    return out;
}

cv::Mat toOriginalSize(const cv::Mat& map, int originalWidth, int originalHeight) {
    requireFloatMap(map, "toOriginalSize");
    requirePositive(originalWidth, originalHeight, "toOriginalSize");
    if (map.cols == originalWidth && map.rows == originalHeight) return map.clone();
    cv::Mat out;
    cv::resize(map, out, cv::Size(originalWidth, originalHeight), 0, 0, cv::INTER_LINEAR);
    return out;
}

int centerCropOffset(int size, int crop) {
    return static_cast<int>(std::nearbyint((size - crop) / 2.0));
}

cv::Mat uncropToOriginal(const cv::Mat& map, int resizeW, int resizeH, int cropW, int cropH, int originalW,
                         int originalH, float fill) {
    requireFloatMap(map, "uncropToOriginal");
    requirePositive(resizeW, resizeH, "uncropToOriginal");
    if (map.cols != cropW || map.rows != cropH)
        throw Error("uncropToOriginal: the map is " + std::to_string(map.cols) + "x" + std::to_string(map.rows) +
                    ", the crop " + std::to_string(cropW) + "x" + std::to_string(cropH));
    if (cropW > resizeW || cropH > resizeH)
        throw Error("uncropToOriginal: crop " + std::to_string(cropW) + "x" + std::to_string(cropH) +
                    " is larger than the resized frame " + std::to_string(resizeW) + "x" + std::to_string(resizeH));
    cv::Mat frame(resizeH, resizeW, CV_32F, cv::Scalar(fill));
    const int left = centerCropOffset(resizeW, cropW);
    const int top = centerCropOffset(resizeH, cropH);
    map.copyTo(frame(cv::Rect(left, top, cropW, cropH)));
    return toOriginalSize(frame, originalW, originalH);
}

cv::Mat mapToOriginal(const cv::Mat& map, int frameSide, int originalWidth, int originalHeight) {
    if (frameSide <= 0 || (frameSide == map.cols && frameSide == map.rows))
        return toOriginalSize(map, originalWidth, originalHeight);
    double low = 0.0;
    cv::minMaxLoc(map, &low, nullptr);
    return uncropToOriginal(map, frameSide, frameSide, map.cols, map.rows, originalWidth, originalHeight,
                            static_cast<float>(low));
}

}  // namespace pb
