// Turning a grid of patch scores into a pixel anomaly map, and a map at network-input
// resolution back onto the original image pixels (METHODS.md section 2).
#pragma once
#include <vector>

#include <opencv2/core.hpp>

namespace pb {

// Row-major patch scores -> CV_32F gridH x gridW. Throws pb::Error on a size mismatch.
cv::Mat patchScoreGrid(const std::vector<float>& scores, int gridH, int gridW);

// Order-1 spline zoom whose corner pixels map onto corner pixels: output pixel x samples the
// grid at x * (w-1)/(outWidth-1). Equals scipy.ndimage.zoom(order=1, grid_mode=False) and
// torch interpolate(bilinear, align_corners=True). Input/output CV_32F.
cv::Mat upsampleAlignCorners(const cv::Mat& grid, int outWidth, int outHeight);

// How the Gaussian sees past the border.
enum class SmoothBorder {
    Reflect101,  // dcb|abcd|cba: torch/kornia "reflect" (anomalib GaussianBlur2d)
    Reflect,     // cba|abcd|dcb: scipy.ndimage.gaussian_filter's default
    Zero,        // zero padding: a conv2d with padding = kernel/2 (Dinomaly's smoothing)
};

// Separable Gaussian, kernel taps exp(-x^2 / 2 sigma^2) normalised to sum 1.
// kernelSize 0 = from sigma: 2 * int(4 sigma + 0.5) + 1 (scipy truncate=4, anomalib).
// sigma <= 0 returns the map unchanged. Throws pb::Error for an even or negative kernelSize.
cv::Mat gaussianSmooth(const cv::Mat& map, double sigma, int kernelSize,
                       SmoothBorder border = SmoothBorder::Reflect101);

// Bilinear resize (pixel-centre aligned, like cv::resize INTER_LINEAR / torch
// align_corners=False) of an input-resolution map over the whole original image; no crop.
cv::Mat toOriginalSize(const cv::Mat& map, int originalWidth, int originalHeight);

// For a pipeline that resized to resizeW x resizeH and then centre-cropped cropW x cropH
// (torchvision CenterCrop offsets): puts the cropH x cropW map back into the resized frame,
// fills the cropped-away border with `fill`, then scales the frame to the original size.
cv::Mat uncropToOriginal(const cv::Mat& map, int resizeW, int resizeH, int cropW, int cropH, int originalW,
                         int originalH, float fill);

// A map of a pipeline that resized to a frameSide square and then centre-cropped to the map's size
// (frameSide 0 or equal to the map: no crop) onto the original image; the cropped-away border gets
// the map's minimum, i.e. "not anomalous".
cv::Mat mapToOriginal(const cv::Mat& map, int frameSide, int originalWidth, int originalHeight);

// Centre-crop offset along one axis as torchvision computes it: int(round((size - crop) / 2)),
// Python's round-half-to-even.
int centerCropOffset(int size, int crop);

}  // namespace pb
