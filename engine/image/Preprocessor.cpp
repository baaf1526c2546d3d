#include "engine/image/Preprocessor.h"

#include <cstdint>
#include <string>

#include "engine/image/PilResize.h"
#include "engine/util/Error.h"

namespace pb {
namespace {

// Python's round((full - crop) / 2): the half case rounds to the even neighbour.
int centreOffset(int full, int crop) {
    const int diff = full - crop;
    const int half = diff / 2;
    if (diff % 2 == 0) return half;
    return half % 2 == 0 ? half : half + 1;
}

}  // namespace

Preprocessor::Preprocessor(PreprocessSpec spec) : spec_(spec) {
    if (spec_.resizeWidth <= 0 || spec_.resizeHeight <= 0)
        throw Error("preprocessing resize size must be positive, got " + std::to_string(spec_.resizeWidth) + "x" +
                    std::to_string(spec_.resizeHeight));
    if (spec_.cropWidth < 0 || spec_.cropHeight < 0 || spec_.cropWidth > spec_.resizeWidth ||
        spec_.cropHeight > spec_.resizeHeight)
        throw Error("centre crop " + std::to_string(spec_.cropWidth) + "x" + std::to_string(spec_.cropHeight) +
                    " does not fit in the resized image " + std::to_string(spec_.resizeWidth) + "x" +
                    std::to_string(spec_.resizeHeight));
    for (float s : spec_.std)
        if (!(s != 0.0f)) throw Error("normalisation std must be non-zero");
}

int Preprocessor::outputWidth() const { return spec_.cropWidth > 0 ? spec_.cropWidth : spec_.resizeWidth; }
int Preprocessor::outputHeight() const { return spec_.cropHeight > 0 ? spec_.cropHeight : spec_.resizeHeight; }
int Preprocessor::cropLeft() const { return centreOffset(spec_.resizeWidth, outputWidth()); }
int Preprocessor::cropTop() const { return centreOffset(spec_.resizeHeight, outputHeight()); }

FloatImage Preprocessor::operator()(const cv::Mat& rgb) const {
    if (rgb.empty() || rgb.type() != CV_8UC3) throw Error("preprocessing expects an 8-bit RGB image");
    const cv::Mat resized = pilResizeBilinear(rgb, spec_.resizeWidth, spec_.resizeHeight);
    const int left = cropLeft(), top = cropTop();
    const int w = outputWidth(), h = outputHeight();

    FloatImage out;
    out.channels = 3;
    out.height = h;
    out.width = w;
    out.data.resize(static_cast<std::size_t>(3) * h * w);
    for (int c = 0; c < 3; ++c) {
        // Separate float32 steps, as torch does them: x / 255, then (x - mean) / std.
        const float mean = spec_.mean[c];
        const float sd = spec_.std[c];
        float* plane = out.plane(c);
        for (int y = 0; y < h; ++y) {
            const std::uint8_t* row = resized.ptr<std::uint8_t>(y + top) + static_cast<std::size_t>(left) * 3;
            float* dst = plane + static_cast<std::size_t>(y) * w;
            for (int x = 0; x < w; ++x) {
                const float scaled = static_cast<float>(row[x * 3 + c]) / 255.0f;
                dst[x] = (scaled - mean) / sd;
            }
        }
    }
    return out;
}

}  // namespace pb
