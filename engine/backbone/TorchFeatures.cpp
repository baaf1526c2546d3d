#include "engine/backbone/TorchFeatures.h"

#include <cstring>

#include "engine/util/Error.h"

namespace pb {

torch::Tensor imagesToTensor(const std::vector<FloatImage>& images, int channels, const torch::Device& device,
                             const std::string& who) {
    if (images.empty()) throw Error("empty batch", who);
    const FloatImage& first = images.front();
    if (first.channels <= 0 || first.height <= 0 || first.width <= 0)
        throw Error("empty image in the batch", who);
    if (channels > 0 && first.channels != channels)
        throw Error("expects " + std::to_string(channels) + "-channel images, got " + std::to_string(first.channels),
                    who);
    const std::size_t plane = static_cast<std::size_t>(first.channels) * first.height * first.width;
    torch::Tensor batch = torch::empty({static_cast<int64_t>(images.size()), first.channels, first.height, first.width},
                                       torch::kFloat32);
    float* dst = batch.data_ptr<float>();
    for (std::size_t i = 0; i < images.size(); ++i) {
        const FloatImage& im = images[i];
        if (im.channels != first.channels || im.height != first.height || im.width != first.width)
            throw Error("all images of a batch must have the same size: " + std::to_string(first.width) + "x" +
                            std::to_string(first.height) + " vs " + std::to_string(im.width) + "x" +
                            std::to_string(im.height),
                        who);
        if (im.data.size() != plane) throw Error("image data does not match its size", who);
        std::memcpy(dst + i * plane, im.data.data(), plane * sizeof(float));
    }
    return batch.to(device);
}

torch::Tensor aggregateTaps(const std::vector<torch::Tensor>& maps) {
    int64_t h = 0, w = 0;
    for (const auto& m : maps) {
        if (m.size(2) > h) {
            h = m.size(2);
            w = m.size(3);
        }
    }
    std::vector<torch::Tensor> resized;
    for (const auto& m : maps) {
        if (m.size(2) == h && m.size(3) == w)
            resized.push_back(m);
        else
            resized.push_back(at::upsample_bilinear2d(m, {h, w}, /*align_corners=*/false));
    }
    torch::Tensor x = resized.size() == 1 ? resized.front() : torch::cat(resized, 1);
    return at::avg_pool2d(x, {3, 3}, {1, 1}, {1, 1}, /*ceil_mode=*/false, /*count_include_pad=*/true);
}

std::vector<FeatureGrid> toFeatureGrids(const torch::Tensor& nchw) {
    const torch::Tensor nhwc = nchw.to(torch::kCPU, torch::kFloat32).permute({0, 2, 3, 1}).contiguous();
    std::vector<FeatureGrid> grids(static_cast<std::size_t>(nhwc.size(0)));
    const std::size_t per = static_cast<std::size_t>(nhwc.size(1) * nhwc.size(2) * nhwc.size(3));
    const float* src = nhwc.data_ptr<float>();
    for (std::size_t i = 0; i < grids.size(); ++i) {
        FeatureGrid& g = grids[i];
        g.height = static_cast<int>(nhwc.size(1));
        g.width = static_cast<int>(nhwc.size(2));
        g.dim = static_cast<int>(nhwc.size(3));
        g.data.assign(src + i * per, src + (i + 1) * per);
    }
    return grids;
}

std::vector<float> toFloatVector(const torch::Tensor& tensor) {
    torch::Tensor t = tensor.is_quantized() ? tensor.dequantize() : tensor;
    t = t.to(torch::kCPU, torch::kFloat32).contiguous();
    const float* p = t.data_ptr<float>();
    return std::vector<float>(p, p + t.numel());
}

}  // namespace pb
