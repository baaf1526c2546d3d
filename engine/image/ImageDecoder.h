// Reading images and ground-truth masks from disk the way the reference Python code sees them
// (PIL `Image.open(p).convert('RGB')`), with a pb::Error naming the file for anything unreadable.
#pragma once
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "engine/image/ImageHeader.h"

namespace pb {

// CV_8UC3 in RGB order. Like PIL's convert('RGB'): grey is replicated, alpha is dropped (not
// composited), 16-bit grey is clipped to 255, 16-bit colour keeps the high byte, EXIF
// orientation is ignored. Checked bit-exact against Pillow 9.4 for PNG (8/16-bit, grey, LA,
// palette, 1-bit), JPEG (grey, 4:2:0, 4:4:4), BMP, TIFF and WebP; CMYK JPEGs may differ by one
// level (OpenCV converts CMYK itself). Throws pb::Error(reason, path) for missing, empty, non-image,
// truncated or otherwise corrupt files, and for images declaring more than maxImagePixels() pixels
// (checked on the header, before decoding: memory stays bounded). The header read for that check is
// stored in `header` when given.
cv::Mat decodeImageRgb(const std::string& path, ImageHeader* header = nullptr);

// CV_8U with 1 where the pixel is > 0 in any colour channel (alpha ignored), else 0.
// Throws pb::Error like decodeImageRgb.
cv::Mat decodeMask(const std::string& path);

// Pixelwise OR of 0/1 masks of one size (MVTec LOCO has several masks per image); the
// result is 0/1 CV_8U. Throws pb::Error when the list is empty or sizes/types differ.
cv::Mat mergeMasks(const std::vector<cv::Mat>& masks);

}  // namespace pb
