#include "engine/knn/TorchChunkedKnn.h"

#include <torch/torch.h>

#include <algorithm>

#include "engine/knn/KnnSupport.h"
#include "engine/util/Error.h"
#include "engine/util/TorchDevice.h"

namespace pb {

namespace {
constexpr std::size_t kDefaultQueryChunk = 1024;
constexpr std::size_t kDefaultBankChunk = 2048;
}  // namespace

struct TorchChunkedKnn::Impl {
    torch::Device device{torch::kCPU};
    torch::Tensor bank;       // [count][dim] on device
    torch::Tensor bankNorms;  // [1][count] on device
};

bool TorchChunkedKnn::cudaAvailable() { return torch::cuda::is_available(); }

TorchChunkedKnn::TorchChunkedKnn(const std::string& device, std::size_t queryChunk, std::size_t bankChunk)
    : impl_(std::make_unique<Impl>()),
      queryChunk_(queryChunk ? queryChunk : kDefaultQueryChunk),
      bankChunk_(bankChunk ? bankChunk : kDefaultBankChunk) {
    impl_->device = parseDevice(device, "torch kNN");
}

TorchChunkedKnn::~TorchChunkedKnn() = default;

std::string TorchChunkedKnn::name() const { return impl_->device.is_cuda() ? "torch-cuda" : "torch"; }

void TorchChunkedKnn::setBank(const float* vectors, std::size_t count, int dim) {
    knn::checkVectors(name(), "bank", vectors, count, dim);
    torch::NoGradGuard noGrad;
    bank_.assign(vectors, vectors + count * static_cast<std::size_t>(dim));
    const std::vector<float> norms = knn::squaredNorms(bank_.data(), count, dim);
    const auto options = torch::TensorOptions().dtype(torch::kFloat32);
    // On the CPU the tensors view the host vectors; on a GPU they are copies.
    impl_->bank = torch::from_blob(bank_.data(), {static_cast<int64_t>(count), dim}, options).to(impl_->device);
    impl_->bankNorms = torch::from_blob(const_cast<float*>(norms.data()), {1, static_cast<int64_t>(count)}, options)
                           .to(impl_->device, /*non_blocking=*/false, /*copy=*/true);
    count_ = count;
    dim_ = dim;
}

KnnResult TorchChunkedKnn::search(const float* queries, std::size_t count, int k) const {
    knn::checkSearch(name(), count_, dim_, queries, count, k);
    KnnResult result = knn::makeResult(count, k);
    if (count == 0) return result;
    torch::NoGradGuard noGrad;

    const auto options = torch::TensorOptions().dtype(torch::kFloat32);
    const torch::Tensor hostQueries =
        torch::from_blob(const_cast<float*>(queries), {static_cast<int64_t>(count), dim_}, options);
    const int64_t qChunk = static_cast<int64_t>(knn::balancedChunk(count, queryChunk_));
    const int64_t bChunk = static_cast<int64_t>(knn::balancedChunk(count_, bankChunk_));
    const int64_t bankRows = static_cast<int64_t>(count_);

    for (int64_t q0 = 0; q0 < static_cast<int64_t>(count); q0 += qChunk) {
        const int64_t qn = std::min<int64_t>(qChunk, static_cast<int64_t>(count) - q0);
        const torch::Tensor q = hostQueries.narrow(0, q0, qn).to(impl_->device);
        torch::Tensor bestValues;   // [qn][<=k] of ||b||^2 - 2 q.b (||q||^2 is a per-row constant)
        torch::Tensor bestIndices;  // [qn][<=k] int64
        for (int64_t b0 = 0; b0 < bankRows; b0 += bChunk) {
            const int64_t bn = std::min<int64_t>(bChunk, bankRows - b0);
            const torch::Tensor block = torch::addmm(impl_->bankNorms.narrow(1, b0, bn), q,
                                                     impl_->bank.narrow(0, b0, bn).t(), /*beta=*/1, /*alpha=*/-2);
            auto [values, indices] = block.topk(std::min<int64_t>(k, bn), /*dim=*/1, /*largest=*/false, /*sorted=*/false);
            indices.add_(b0);
            if (!bestValues.defined()) {
                bestValues = values;
                bestIndices = indices;
                continue;
            }
            const torch::Tensor allValues = torch::cat({bestValues, values}, 1);
            const torch::Tensor allIndices = torch::cat({bestIndices, indices}, 1);
            auto [mergedValues, positions] =
                allValues.topk(std::min<int64_t>(k, allValues.size(1)), 1, /*largest=*/false, /*sorted=*/false);
            bestValues = mergedValues;
            bestIndices = allIndices.gather(1, positions);
        }
        // Only the indices are kept: refineExact computes the winners' distances directly.
        const torch::Tensor hostIndices = bestIndices.to(torch::kCPU).to(torch::kInt64).contiguous();
        std::copy(hostIndices.data_ptr<int64_t>(), hostIndices.data_ptr<int64_t>() + qn * k,
                  result.indices.begin() + q0 * k);
    }
    knn::refineExact(bank_.data(), queries, dim_, result);
    return result;
}

}  // namespace pb
