// Turns a decoded RGB image into the normalised float tensor a backbone expects, exactly as the
// reference torchvision pipeline does: PIL bilinear resize, optional CenterCrop, ToTensor, Normalize.
#pragma once
#include <array>

#include <opencv2/core.hpp>

#include "engine/image/FloatImage.h"

namespace pb {

struct PreprocessSpec {
    int resizeWidth = 224;
    int resizeHeight = 224;
    int cropWidth = 0;  // 0 = no centre crop in that direction
    int cropHeight = 0;
    std::array<float, 3> mean{0.485f, 0.456f, 0.406f};
    std::array<float, 3> std{0.229f, 0.224f, 0.225f};
};

class Preprocessor {
public:
    // Throws pb::Error for non-positive sizes, a crop larger than the resized image or a zero std.
    explicit Preprocessor(PreprocessSpec spec = {});

    const PreprocessSpec& spec() const { return spec_; }

    // `rgb` is CV_8UC3 in RGB order (see decodeImageRgb). Result: 3 x outputHeight x outputWidth,
    // ((pixel / 255) - mean) / std computed in float32.
    FloatImage operator()(const cv::Mat& rgb) const;

    int outputWidth() const;
    int outputHeight() const;

    // Offset of the centre crop inside the resized image, torchvision's round((size - crop) / 2)
    // with Python's round-half-to-even.
    int cropLeft() const;
    int cropTop() const;

private:
    PreprocessSpec spec_;
};

}  // namespace pb
