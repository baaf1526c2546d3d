// Image decoding as PatchBank calls it: decodeImageRgb (training and test images) and decodeMask
// (ground-truth masks), both through readImageHeader's size check and OpenCV. The pixel limit is
// lowered so that a legal but large image does not make every run slow; the check is the same code.
#include <cstdlib>

#include "engine/image/ImageDecoder.h"
#include "engine/image/ImageHeader.h"
#include "engine/util/Error.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    pb::setMaxImagePixels(4u << 20);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = pb::fuzz::inputFile("image", data, size).string();
    try {
        const cv::Mat rgb = pb::decodeImageRgb(path);
        if (rgb.empty() || rgb.type() != CV_8UC3) abort();
    } catch (const pb::Error&) {
    }
    try {
        const cv::Mat mask = pb::decodeMask(path);
        if (mask.empty() || mask.type() != CV_8U) abort();
    } catch (const pb::Error&) {
    }
    return 0;
}
