// A dense grid of patch features for one image, row-major [height][width][dim], float32.
// The value type that flows from backbones to the cache, the banks and the scorers.
#pragma once
#include <cstddef>
#include <vector>

namespace pb {

struct FeatureGrid {
    int height = 0;
    int width = 0;
    int dim = 0;
    std::vector<float> data;

    std::size_t patches() const { return static_cast<std::size_t>(height) * width; }
    const float* patch(std::size_t i) const { return data.data() + i * dim; }
    float* patch(std::size_t i) { return data.data() + i * dim; }
    bool empty() const { return data.empty(); }
};

}  // namespace pb
