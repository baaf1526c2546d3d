#include "engine/knn/ExactKnn.h"

#include "engine/knn/BlasKnn.h"
#include "engine/knn/Bf16FilteredKnn.h"
#include "engine/knn/FaissFlatKnn.h"
#include "engine/knn/FloatScan.h"
#include "engine/knn/ProjectedBoundKnn.h"
#include "engine/knn/TorchChunkedKnn.h"
#include "engine/util/Error.h"

namespace pb {

std::unique_ptr<ExactKnn> createExactKnn(const std::string& method) {
    // "auto": the bf16 pre-filter where the CPU has AMX tiles or AVX-512 BF16 (several times the full
    // product on real and random features, `bench patchcore`, `bench knn`), else BLAS, the fastest or level with the
    // fastest of the full-product methods in every shape of bench/KnnBench.cpp.
    if (method == "auto") {
        if (knn::fastBf16Available()) return std::make_unique<Bf16FilteredKnn>();
        return std::make_unique<BlasKnn>();
    }
    if (method == "blas") return std::make_unique<BlasKnn>();
    if (method == "projected") return std::make_unique<ProjectedBoundKnn>();
    if (method == "bf16") return std::make_unique<Bf16FilteredKnn>();
    if (method == "faiss") return std::make_unique<FaissFlatKnn>();
    if (method == "torch") return std::make_unique<TorchChunkedKnn>("cpu");
    if (method == "torch-cuda") return std::make_unique<TorchChunkedKnn>("cuda");
    std::string known;
    for (const auto& m : exactKnnMethods()) known += (known.empty() ? "" : ", ") + m;
    throw Error("unknown kNN method \"" + method + "\" (known: " + known + ")");
}

std::unique_ptr<ExactKnn> createExactKnn(const std::string& method, std::size_t bankRows, int dim) {
    // Measured with `bench patchcore` on bottle (AMD EPYC, AVX2, 2 threads): projected took 0.28-0.53 of
    // blas's time on mobilenetv2_100 features (D = 128, banks of 5,000 rows to the full 163,856) and 0.17-0.36
    // on D = 1024 features, with the same neighbours. On isotropic random data its queries fall back to the
    // full product after two cheap scans. Small banks gain little and pay the set-up (principal axes,
    // projected copies), as do narrow features.
    if (method == "auto" && !knn::fastBf16Available() && bankRows >= kProjectedMinRows && dim >= kProjectedMinDim)
        return std::make_unique<ProjectedBoundKnn>();
    return createExactKnn(method);
}

std::vector<std::string> exactKnnMethods() {
    std::vector<std::string> methods{"auto", "blas", "projected", "bf16", "faiss", "torch"};
    if (TorchChunkedKnn::cudaAvailable()) methods.push_back("torch-cuda");
    return methods;
}

}  // namespace pb
