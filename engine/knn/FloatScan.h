// The fused float kernels of the blas kNN method (BlasKnn): the products of a few queries with a few
// packed bank panels stay in vector registers, and each value ||b||^2 - 2 q.b is tested against its
// query's running threshold as soon as it is summed. No distance block goes through memory and the bank
// is packed once, where an sgemm call repacks both operands each time. The values are float sums of the
// same products as sgemm's, in another order, which knn::productMargin covers.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/knn/QueryCandidates.h"

namespace pb::knn {

// Sgemm: OpenBLAS products into blocks (every CPU). Avx2, Avx512: the fused kernels.
enum class FloatKernel { Sgemm, Avx2, Avx512 };
const char* floatKernelName(FloatKernel kernel);  // "sgemm", "avx2", "avx512"
// True when this build has the kernel and the CPU (and OS) run it; always true for Sgemm.
bool floatKernelAvailable(FloatKernel kernel);
// The widest fused kernel the CPU runs, else Sgemm.
FloatKernel fastestFloatKernel();
// Bank rows one register block of a fused kernel covers (64 for AVX-512, 24 for AVX2): the packed bank
// and every scanned row range are multiples of it.
std::size_t floatBlockRows(FloatKernel kernel);

// Bank rows packed for a fused kernel: panels of as many rows as the kernel's vectors have lanes (16 for
// AVX-512, 8 for AVX2), each dimension-major (dimension d of the panel's rows at
// data[p * dim * lanes + d * lanes + lane]). Rows past the bank are zero and their norm is +inf, so that
// they are never below a threshold.
struct FloatPanels {
    FloatKernel kernel = FloatKernel::Sgemm;  // the kernel packed for, and the one scanFloat runs
    std::vector<float> data;
    std::vector<float> norms;  // squared norms (float), one per packed row
    std::size_t rows = 0;      // packed rows: the bank rounded up to floatBlockRows
    int dim = 0;
};

// Packs `count` rows of `dim` floats with their squared norms for `kernel` (not Sgemm).
FloatPanels packFloatPanels(const float* rows, const float* norms, std::size_t count, int dim, FloatKernel kernel);

// Feeds the values of queries [0, queryCount) (row-major, bank.dim floats each) against packed rows
// [rowBegin, rowEnd) (multiples of floatBlockRows) to states[i], the candidates of query i, on the kernel
// the bank was packed for.
void scanFloat(const float* queries, std::size_t queryCount, const FloatPanels& bank, std::size_t rowBegin,
               std::size_t rowEnd, QueryCandidates* states);

}  // namespace pb::knn
