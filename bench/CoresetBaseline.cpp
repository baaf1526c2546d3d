#include "bench/CoresetBaseline.h"

#include <torch/torch.h>

#include <algorithm>

#include "engine/bank/GreedyCoreset.h"

namespace pb {

namespace {

// PatchCore's GreedyCoresetSampler._compute_batchwise_differences.
torch::Tensor batchwiseDifferences(const torch::Tensor& a, const torch::Tensor& b) {
    const torch::Tensor aTimesA = a.unsqueeze(1).bmm(a.unsqueeze(2)).reshape({-1, 1});
    const torch::Tensor bTimesB = b.unsqueeze(1).bmm(b.unsqueeze(2)).reshape({1, -1});
    const torch::Tensor aTimesB = a.mm(b.t());
    return (-2 * aTimesB + aTimesA + bTimesB).clamp(0).sqrt();
}

}  // namespace

std::vector<std::int64_t> patchcoreGreedyCoreset(const float* data, std::size_t n, int dim, std::size_t count,
                                                 int projection, std::uint64_t seed) {
    count = std::min(count, n);
    if (count == 0) return {};
    torch::NoGradGuard noGrad;
    const auto floatOptions = torch::TensorOptions().dtype(torch::kFloat32);
    torch::Tensor features = torch::from_blob(const_cast<float*>(data), {static_cast<int64_t>(n), dim}, floatOptions);
    std::vector<float> matrix;
    if (projection > 0 && projection < dim) {
        matrix = coresetProjection(dim, projection, seed);
        features = features.mm(torch::from_blob(matrix.data(), {dim, projection}, floatOptions));
    }
    const std::int64_t start = static_cast<std::int64_t>(coresetStart(n, seed));
    std::vector<std::int64_t> coresetIndices{start};
    torch::Tensor anchorDistances = batchwiseDifferences(features, features.narrow(0, start, 1));
    for (std::size_t i = 1; i < count; ++i) {
        const std::int64_t selectIdx = torch::argmax(anchorDistances).item<std::int64_t>();
        coresetIndices.push_back(selectIdx);
        const torch::Tensor selectDistance = batchwiseDifferences(features, features.narrow(0, selectIdx, 1));
        anchorDistances = torch::cat({anchorDistances, selectDistance}, -1);
        anchorDistances = std::get<0>(torch::min(anchorDistances, 1)).reshape({-1, 1});
    }
    return coresetIndices;
}

}  // namespace pb
