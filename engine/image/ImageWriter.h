// Saving result images (heat maps, overlays, masks) as PNG without ever leaving half a file.
#pragma once
#include <filesystem>

#include <opencv2/core.hpp>

namespace pb {

// 8- or 16-bit, 1, 3 or 4 channels. With imageIsRgb, 3/4-channel images are taken as RGB(A)
// and swapped for OpenCV's BGR encoder. Atomic (temp file + rename), creates parent folders;
// throws pb::Error naming the file.
void writePng(const std::filesystem::path& path, const cv::Mat& image, bool imageIsRgb = true);

}  // namespace pb
