// Internal to engine/backbone (LibTorch; never include from a torch-free file): float32 matrix
// products on the CPU through oneDNN's sgemm when the process has it (the Debian/Ubuntu LibTorch
// links the system libdnnl, whose AVX-512 kernels run several times faster than the generic
// BLAS that at::mm uses there). Looked up at run time, so a LibTorch without it just falls back.
#pragma once
#include <torch/torch.h>

#include <cstdint>

namespace pb {

// True when oneDNN's sgemm was found in the process.
bool cpuGemmAvailable();
// Available and not switched off with setCpuGemmEnabled(false).
bool cpuGemmEnabled();
void setCpuGemmEnabled(bool enabled);

// Row-major C[m x n] = alpha * op(A) * op(B) + beta * C (op = transpose when the flag is set),
// with leading dimensions in elements. Only valid when cpuGemmEnabled(). Runs on the OpenMP
// threads, or on the calling thread alone inside a parallel region.
void cpuSgemm(bool transA, bool transB, int64_t m, int64_t n, int64_t k, float alpha, const float* a, int64_t lda,
              const float* b, int64_t ldb, float beta, float* c, int64_t ldc);

// x [M, K] times weight [N, K] transposed, plus bias [N] when defined (torch.nn.functional.linear).
// Takes the oneDNN path for contiguous float32 CPU tensors when enabled, LibTorch's addmm otherwise.
// A defined `out` (contiguous [M, N], same device and type as x) receives the result, so callers
// can reuse buffers; otherwise a new tensor is returned.
torch::Tensor linear2d(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias,
                       const torch::Tensor& out = {});

}  // namespace pb
