// A preprocessed image ready for a backbone: float32 planar [channels][height][width].
#pragma once
#include <vector>

namespace pb {

struct FloatImage {
    int channels = 0;
    int height = 0;
    int width = 0;
    std::vector<float> data;  // CHW

    float* plane(int c) { return data.data() + static_cast<std::size_t>(c) * height * width; }
    const float* plane(int c) const { return data.data() + static_cast<std::size_t>(c) * height * width; }
};

}  // namespace pb
