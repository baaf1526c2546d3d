#include <torch/torch.h>

#include <algorithm>

#include "engine/purify/ImageDistances.h"
#include "engine/util/TorchDevice.h"

namespace pb::purify {

std::vector<float> nearestImageDistancesTorch(const ReferencePatches& unit, const std::string& device,
                                              const Progress& progress) {
    const torch::Device where = parseDevice(device, "memory ensemble");
    const auto n = static_cast<std::int64_t>(unit.images());
    const auto per = static_cast<std::int64_t>(unit.patchesPerImage());
    const torch::Tensor all =
        torch::from_blob(const_cast<float*>(unit.data.data()), {n * per, unit.dim}, torch::kFloat32).to(where);
    std::vector<float> out(static_cast<std::size_t>(n * per * n));
    // Query blocks of ~4096 patches against every image at once: the GEMM is 4096 x all patches.
    const std::int64_t block = std::max<std::int64_t>(1, 4096 / per);
    torch::NoGradGuard noGrad;
    for (std::int64_t qi = 0; qi < n; qi += block) {
        progress.step("memory ensemble", static_cast<std::size_t>(qi), static_cast<std::size_t>(n));
        const std::int64_t qn = std::min(block, n - qi);
        const torch::Tensor queries = all.narrow(0, qi * per, qn * per);
        const torch::Tensor cosines = torch::mm(queries, all.t()).view({qn * per, n, per});
        const torch::Tensor nearest =
            (1.0 - std::get<0>(cosines.max(2))).clamp_min(0.0).to(torch::kCPU).contiguous();
        std::copy(nearest.data_ptr<float>(), nearest.data_ptr<float>() + qn * per * n,
                  out.begin() + static_cast<std::ptrdiff_t>(qi * per * n));
    }
    progress.step("memory ensemble", static_cast<std::size_t>(n), static_cast<std::size_t>(n));
    return out;
}

}  // namespace pb::purify
