// Pillow-exact bilinear resize. The reference features were computed on images resized with
// PIL's Image.resize(size, Image.BILINEAR), which antialiases when shrinking; OpenCV's
// INTER_LINEAR does not, so the backbones would see different pixels.
#pragma once
#include <opencv2/core.hpp>

namespace pb {

// CV_8UC1 or CV_8UC3 in, same type out, bit-exact with Pillow 9.4
// Image.resize((outWidth, outHeight), Image.BILINEAR) (no box, no reducing_gap).
// Throws pb::Error for other types or non-positive sizes.
cv::Mat pilResizeBilinear(const cv::Mat& src, int outWidth, int outHeight);

}  // namespace pb
