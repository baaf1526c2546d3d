// The common PNG case decoded without libpng: 8-bit grey, RGB or RGBA, not interlaced (MVTec AD, VisA,
// BTAD). libdeflate inflates the image data in one call and the rows are unfiltered here, straight into
// the image, SSE2 for the Paeth filter most scanners' files use: about twice libpng's speed on MVTec
// AD's bottle images.
#pragma once
#include <string>

#include <opencv2/core.hpp>

namespace pb {

// Decodes `bytes` (a whole PNG file) into `out`: CV_8UC1, CV_8UC3 (R, G, B) or CV_8UC4 (R, G, B, A), the
// samples as stored. Returns false, leaving `out` alone, for any other PNG (palette, grey with alpha,
// 1-, 2-, 4- or 16-bit samples, interlaced) and for any file it cannot take apart cleanly (a chunk's
// CRC, a truncated stream, image data of the wrong length): the caller then decodes it the general way,
// which also names the fault.
bool decodePngFast(const std::string& bytes, cv::Mat& out);

}  // namespace pb
