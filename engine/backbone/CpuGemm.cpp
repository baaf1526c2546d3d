#include "engine/backbone/CpuGemm.h"

#include <dlfcn.h>

#include <atomic>
#include <cstring>

namespace pb {

namespace {

// dnnl_sgemm from oneDNN's C API (dnnl.h): stable since oneDNN 1.0; dnnl_dim_t is int64_t and
// dnnl_status_t an enum whose success value is 0.
using SgemmFn = int (*)(char transa, char transb, int64_t M, int64_t N, int64_t K, float alpha, const float* A,
                        int64_t lda, const float* B, int64_t ldb, float beta, float* C, int64_t ldc);

SgemmFn lookupSgemm() {
    // Only what is already loaded (LibTorch's own dependency): never a second oneDNN next to a
    // copy that LibTorch may carry inside itself.
    return reinterpret_cast<SgemmFn>(dlsym(RTLD_DEFAULT, "dnnl_sgemm"));
}

SgemmFn sgemmFn() {
    static const SgemmFn fn = lookupSgemm();
    return fn;
}

std::atomic<bool> gEnabled{true};

}  // namespace

bool cpuGemmAvailable() { return sgemmFn() != nullptr; }

bool cpuGemmEnabled() { return gEnabled.load() && cpuGemmAvailable(); }

void setCpuGemmEnabled(bool enabled) { gEnabled.store(enabled); }

void cpuSgemm(bool transA, bool transB, int64_t m, int64_t n, int64_t k, float alpha, const float* a, int64_t lda,
              const float* b, int64_t ldb, float beta, float* c, int64_t ldc) {
    const int status = sgemmFn()(transA ? 'T' : 'N', transB ? 'T' : 'N', m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    TORCH_CHECK(status == 0, "dnnl_sgemm failed with status ", status);
}

torch::Tensor linear2d(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias,
                       const torch::Tensor& reuse) {
    const bool fast = cpuGemmEnabled() && x.device().is_cpu() && x.scalar_type() == torch::kFloat32 &&
                      weight.scalar_type() == torch::kFloat32 && x.dim() == 2 && x.is_contiguous() &&
                      weight.is_contiguous() && (!bias.defined() || bias.is_contiguous());
    const int64_t m = x.size(0), k = x.size(1), n = weight.size(0);
    const bool reusable = reuse.defined() && reuse.dim() == 2 && reuse.size(0) == m && reuse.size(1) == n &&
                          reuse.is_contiguous() && reuse.device() == x.device() &&
                          reuse.scalar_type() == x.scalar_type();
    if (!fast) {
        torch::Tensor out = reuse;
        if (reusable) return bias.defined() ? at::addmm_out(out, bias, x, weight.t()) : at::mm_out(out, x, weight.t());
        return bias.defined() ? at::addmm(bias, x, weight.t()) : at::mm(x, weight.t());
    }
    torch::Tensor out = reusable ? reuse : at::empty({m, n}, x.options());
    if (m == 0) return out;
    float beta = 0.0f;
    if (bias.defined()) {  // C = bias rows, then C += x W^T
        float* o = out.data_ptr<float>();
        const float* b = bias.data_ptr<float>();
        at::parallel_for(0, m, 256, [&](int64_t begin, int64_t end) {
            for (int64_t r = begin; r < end; ++r) std::memcpy(o + r * n, b, static_cast<std::size_t>(n) * sizeof(float));
        });
        beta = 1.0f;
    }
    cpuSgemm(false, true, m, n, k, 1.0f, x.data_ptr<float>(), k, weight.data_ptr<float>(), k, beta,
             out.data_ptr<float>(), n);
    return out;
}

}  // namespace pb
