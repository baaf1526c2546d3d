#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <utility>
#include <vector>

#include "engine/knn/BlasKnn.h"
#include "engine/knn/Bf16FilteredKnn.h"
#include "engine/knn/ExactKnn.h"
#include "engine/knn/FaissFlatKnn.h"
#include "engine/knn/KnnSupport.h"
#include "engine/knn/ProjectedBoundKnn.h"
#include "engine/knn/TorchChunkedKnn.h"
#include "engine/util/Error.h"

namespace {

std::vector<float> randomVectors(std::size_t count, int dim, unsigned seed, float offset = 0.0f) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> v(count * dim);
    for (auto& x : v) x = offset + normal(rng);
    return v;
}

// Brute force in double precision, ties by smaller index.
pb::KnnResult reference(const std::vector<float>& bank, const std::vector<float>& queries, int dim, int k) {
    const std::size_t n = bank.size() / dim, m = queries.size() / dim;
    pb::KnnResult r;
    r.queries = m;
    r.k = k;
    std::vector<std::pair<double, std::int64_t>> all(n);
    for (std::size_t q = 0; q < m; ++q) {
        for (std::size_t b = 0; b < n; ++b) {
            double s = 0;
            for (int d = 0; d < dim; ++d) {
                const double diff = static_cast<double>(queries[q * dim + d]) - bank[b * dim + d];
                s += diff * diff;
            }
            all[b] = {s, static_cast<std::int64_t>(b)};
        }
        std::partial_sort(all.begin(), all.begin() + k, all.end());
        for (int j = 0; j < k; ++j) {
            r.distances.push_back(static_cast<float>(std::sqrt(all[j].first)));
            r.indices.push_back(all[j].second);
        }
    }
    return r;
}

void expectMatches(const pb::KnnResult& got, const pb::KnnResult& want, const std::string& what, double relTol = 1e-5) {
    ASSERT_EQ(got.queries, want.queries) << what;
    ASSERT_EQ(got.k, want.k) << what;
    ASSERT_EQ(got.indices.size(), want.indices.size()) << what;
    ASSERT_EQ(got.distances.size(), want.distances.size()) << what;
    for (std::size_t i = 0; i < want.indices.size(); ++i) {
        ASSERT_EQ(got.indices[i], want.indices[i]) << what << " query " << i / want.k << " rank " << i % want.k;
        ASSERT_NEAR(got.distances[i], want.distances[i], relTol * std::max(1e-6f, want.distances[i]))
            << what << " query " << i / want.k << " rank " << i % want.k;
    }
}

// The blas method's kernels this CPU runs: sgemm everywhere, the fused ones where the CPU has them.
std::vector<std::string> blasKernels() {
    std::vector<std::string> kernels{"sgemm"};
    for (const pb::knn::FloatKernel k : {pb::knn::FloatKernel::Avx2, pb::knn::FloatKernel::Avx512})
        if (pb::knn::floatKernelAvailable(k)) kernels.push_back(pb::knn::floatKernelName(k));
    return kernels;
}

// The bf16 method's kernels this CPU runs: portable everywhere, AMX and AVX-512-BF16 where available.
std::vector<std::string> bf16Kernels() {
    using pb::knn::Bf16Kernel;
    std::vector<std::string> kernels;
    for (const Bf16Kernel k : {Bf16Kernel::Portable, Bf16Kernel::Amx, Bf16Kernel::Avx512})
        if (pb::knn::bf16KernelAvailable(k)) kernels.push_back(pb::knn::bf16KernelName(k));
    return kernels;
}

std::vector<std::unique_ptr<pb::ExactKnn>> allMethods() {
    std::vector<std::unique_ptr<pb::ExactKnn>> v;
    for (const std::string& kernel : blasKernels()) v.push_back(std::make_unique<pb::BlasKnn>(0, 0, kernel));
    v.push_back(std::make_unique<pb::ProjectedBoundKnn>());
    v.push_back(std::make_unique<pb::FaissFlatKnn>());
    v.push_back(std::make_unique<pb::TorchChunkedKnn>("cpu"));
    for (const std::string& kernel : bf16Kernels()) v.push_back(std::make_unique<pb::Bf16FilteredKnn>(kernel));
    return v;
}

struct Shape {
    std::size_t bank;
    int dim;
    std::size_t queries;
    int k;
};

}  // namespace

TEST(ExactKnn, EveryMethodMatchesDoubleReference) {
    // FAISS switches from its scalar to its BLAS path at 20 queries; both are covered. 600 dimensions
    // stand for deep features (DINOv3's 1024), padded to 608 in the bf16 kernels' tiles of 32.
    const std::vector<Shape> shapes{{1, 3, 4, 1},        {5, 2, 7, 5},         {37, 5, 13, 5},
                                    {1000, 64, 19, 10}, {2500, 130, 300, 5}, {300, 600, 45, 5}};
    for (const auto& s : shapes) {
        const auto bank = randomVectors(s.bank, s.dim, 11 + s.dim);
        const auto queries = randomVectors(s.queries, s.dim, 97 + s.dim);
        const auto want = reference(bank, queries, s.dim, s.k);
        for (auto& knn : allMethods()) {
            knn->setBank(bank.data(), s.bank, s.dim);
            EXPECT_EQ(knn->size(), s.bank);
            EXPECT_EQ(knn->dim(), s.dim);
            expectMatches(knn->search(queries.data(), s.queries, s.k), want,
                          knn->name() + " bank " + std::to_string(s.bank) + " dim " + std::to_string(s.dim));
        }
    }
}

TEST(ExactKnn, ChunkBoundariesAndTinyChunks) {
    // 103 bank rows and 29 queries are not multiples of any chunk size below; k=20 is larger
    // than a bank chunk, so the running top-k must merge across chunks.
    const int dim = 9;
    const auto bank = randomVectors(103, dim, 3);
    const auto queries = randomVectors(29, dim, 4);
    for (int k : {1, 5, 20}) {
        const auto want = reference(bank, queries, dim, k);
        const std::vector<std::pair<std::size_t, std::size_t>> chunks{{1, 1}, {7, 11}, {4, 3}, {29, 103}, {1000, 1000}};
        for (const auto& [qc, bc] : chunks) {
            const std::string chunk =
                " chunks " + std::to_string(qc) + "x" + std::to_string(bc) + " k " + std::to_string(k);
            for (const std::string& kernel : blasKernels()) {
                pb::BlasKnn blas(qc, bc, kernel);
                EXPECT_EQ(blas.queryChunk(), qc);
                EXPECT_EQ(blas.bankChunk(), bc);
                blas.setBank(bank.data(), 103, dim);
                expectMatches(blas.search(queries.data(), 29, k), want, "blas " + kernel + chunk);
            }
            pb::TorchChunkedKnn torch("cpu", qc, bc);
            torch.setBank(bank.data(), 103, dim);
            expectMatches(torch.search(queries.data(), 29, k), want, "torch" + chunk);
        }
    }
}

TEST(ExactKnn, DefaultChunksCrossABankBlockAndBoundMemory) {
    // 20000 rows span several default bank chunks and are not a multiple of one.
    const int dim = 8, k = 5;
    const auto bank = randomVectors(20000, dim, 21);
    const auto queries = randomVectors(40, dim, 22);
    const auto want = reference(bank, queries, dim, k);
    pb::BlasKnn blas(0, 0, "sgemm");
    pb::BlasKnn fused;  // the widest fused kernel, else sgemm again
    pb::TorchChunkedKnn torch;
    for (pb::ExactKnn* knn : {static_cast<pb::ExactKnn*>(&blas), static_cast<pb::ExactKnn*>(&fused),
                              static_cast<pb::ExactKnn*>(&torch)}) {
        knn->setBank(bank.data(), 20000, dim);
        expectMatches(knn->search(queries.data(), 40, k), want, knn->name() + " default chunks");
    }
    // The distance block is the only buffer that grows with the problem: keep it far below 256 MB.
    EXPECT_LE(blas.queryChunk() * blas.bankChunk() * sizeof(float), 128u << 20);
    EXPECT_LE(torch.queryChunk() * torch.bankChunk() * sizeof(float), 128u << 20);
}

TEST(ExactKnn, BankViewSearchesTheCallersVectors) {
    // A view keeps no copy: it answers like setBank, and a later setBank makes the index own its rows again.
    const int dim = 12, k = 3;
    auto bank = randomVectors(3000, dim, 41);
    const auto queries = randomVectors(25, dim, 42);
    const auto want = reference(bank, queries, dim, k);
    for (auto& knn : allMethods()) {
        knn->setBankView(bank.data(), 3000, dim);
        EXPECT_EQ(knn->size(), 3000u);
        expectMatches(knn->search(queries.data(), 25, k), want, knn->name() + " view");
        std::vector<float> copy = bank;
        knn->setBank(copy.data(), 3000, dim);
        std::fill(copy.begin(), copy.end(), 1e6f);
        expectMatches(knn->search(queries.data(), 25, k), want, knn->name() + " copy after view");
    }
}

TEST(ExactKnn, MethodsGiveIdenticalIndicesOnTieFreeData) {
    const int dim = 96, k = 5;
    const auto bank = randomVectors(5000, dim, 31);
    const auto queries = randomVectors(500, dim, 32);
    std::vector<pb::KnnResult> results;
    for (auto& knn : allMethods()) {
        knn->setBank(bank.data(), 5000, dim);
        results.push_back(knn->search(queries.data(), 500, k));
    }
    for (std::size_t m = 1; m < results.size(); ++m) {
        EXPECT_EQ(results[m].indices, results[0].indices) << "method " << m;
        for (std::size_t i = 0; i < results[0].distances.size(); ++i)
            ASSERT_NEAR(results[m].distances[i], results[0].distances[i], 1e-3 * results[0].distances[i]);
    }
}

TEST(ExactKnn, NearDuplicatesGetExactDistances) {
    // Features far from the origin (norm^2 ~ 6400) and queries within 1e-3 of a bank vector:
    // the float expansion ||q||^2 - 2 q.b + ||b||^2 alone would be off by far more than the
    // true distance. Exact copies must come out as exactly 0.
    const int dim = 64, k = 3;
    auto bank = randomVectors(300, dim, 41, 10.0f);
    std::vector<float> queries(bank.begin(), bank.begin() + 20 * dim);  // queries 0..19 = bank 0..19
    std::mt19937 rng(42);
    std::normal_distribution<float> tiny(0.0f, 1e-4f);
    for (std::size_t i = 10 * dim; i < queries.size(); ++i) queries[i] += tiny(rng);  // 10..19 perturbed
    const auto want = reference(bank, queries, dim, k);
    for (auto& knn : allMethods()) {
        knn->setBank(bank.data(), 300, dim);
        const auto got = knn->search(queries.data(), 20, k);
        expectMatches(got, want, knn->name() + " near duplicates", 1e-4);
        for (int q = 0; q < 10; ++q) {
            EXPECT_EQ(got.index(q, 0), q) << knn->name();
            EXPECT_EQ(got.distance(q, 0), 0.0f) << knn->name();
        }
    }
}

TEST(ExactKnn, FarFromTheOriginWithGapsNearTheProductsError) {
    // Vectors far from the origin (norm^2 ~ 400 per dimension), rows at every scale of distance from a common
    // point: the float product's error (tens) is far above the gaps between the nearest rows, so the
    // methods that filter on it must keep every row within their error bound and rank those exactly.
    const int rows = 2000, queries = 12, k = 5;
    for (const int dim : {128, 1024}) {
        const auto base = randomVectors(1, dim, 61, 20.0f);
        std::mt19937 rng(62);
        std::normal_distribution<float> normal(0.0f, 1.0f);
        std::vector<float> bank(static_cast<std::size_t>(rows) * dim), query(static_cast<std::size_t>(queries) * dim);
        for (int r = 0; r < rows; ++r) {
            const float scale = 0.003f * std::pow(300.0f, static_cast<float>(r % 97) / 96.0f);
            for (int d = 0; d < dim; ++d) bank[r * dim + d] = base[d] + scale * normal(rng);
        }
        for (int q = 0; q < queries; ++q)
            for (int d = 0; d < dim; ++d) query[q * dim + d] = base[d] + 0.01f * normal(rng);
        const auto want = reference(bank, query, dim, k);
        for (auto& knn : allMethods()) {
            if (knn->name() == "torch") continue;  // ranks by the float expansion itself (TorchChunkedKnn.h)
            knn->setBank(bank.data(), rows, dim);
            expectMatches(knn->search(query.data(), queries, k), want,
                          knn->name() + " far from the origin, D " + std::to_string(dim), 1e-4);
        }
    }
}

TEST(ExactKnn, BankOfCopiesRanksEveryCopyBySmallerIndex) {
    // 5000 copies of one vector near each query: every copy is within the float values' margin, so the
    // candidates overflow and every row's exact distance decides, the copies in row order.
    const int dim = 16, k = 4;
    std::vector<float> bank = randomVectors(5003, dim, 91, 3.0f);
    for (std::size_t i = 3; i < 5003; ++i) std::copy_n(bank.begin(), dim, bank.begin() + i * dim);
    std::vector<float> queries = randomVectors(6, dim, 92, 3.0f);
    for (std::size_t i = 0; i < queries.size(); ++i) queries[i] = bank[i % dim] + 1e-3f * queries[i];
    const auto want = reference(bank, queries, dim, k);
    for (auto& knn : allMethods()) {
        if (knn->name() == "torch") continue;  // ranks by the float expansion itself (TorchChunkedKnn.h)
        knn->setBank(bank.data(), 5003, dim);
        expectMatches(knn->search(queries.data(), 6, k), want, knn->name() + " copies");
    }
}

TEST(ExactKnn, EqualDistancesAreOrderedBySmallerIndex) {
    // Bank rows 2 and 6 are the same vector; both are among the 3 nearest of the query.
    const int dim = 4;
    std::vector<float> bank = randomVectors(8, dim, 51, 5.0f);
    std::copy(bank.begin() + 2 * dim, bank.begin() + 3 * dim, bank.begin() + 6 * dim);
    std::vector<float> query(bank.begin() + 2 * dim, bank.begin() + 3 * dim);
    query[0] += 0.01f;
    for (auto& knn : allMethods()) {
        knn->setBank(bank.data(), 8, dim);
        const auto r = knn->search(query.data(), 1, 3);
        EXPECT_EQ(r.index(0, 0), 2) << knn->name();
        EXPECT_EQ(r.index(0, 1), 6) << knn->name();
        EXPECT_EQ(r.distance(0, 0), r.distance(0, 1)) << knn->name();
    }
}

TEST(ExactKnn, InvalidRequestsAreErrors) {
    const int dim = 3;
    const auto bank = randomVectors(4, dim, 61);
    const auto queries = randomVectors(2, dim, 62);
    for (auto& knn : allMethods()) {
        EXPECT_THROW(knn->search(queries.data(), 2, 1), pb::Error) << knn->name() << ": search before setBank";
        knn->setBank(bank.data(), 4, dim);
        // A bank smaller than k is an error, not a clipped answer.
        try {
            knn->search(queries.data(), 2, 5);
            ADD_FAILURE() << knn->name() << ": k > bank size accepted";
        } catch (const pb::Error& e) {
            EXPECT_NE(std::string(e.what()).find("exceeds the bank size 4"), std::string::npos) << e.what();
        }
        EXPECT_THROW(knn->search(queries.data(), 2, 0), pb::Error) << knn->name();
        EXPECT_EQ(knn->search(queries.data(), 2, 4).k, 4) << knn->name() << ": k == bank size is fine";

        const auto none = knn->search(queries.data(), 0, 3);
        EXPECT_EQ(none.queries, 0u);
        EXPECT_EQ(none.k, 3);
        EXPECT_TRUE(none.indices.empty());

        auto badQueries = queries;
        badQueries[4] = std::nanf("");
        EXPECT_THROW(knn->search(badQueries.data(), 2, 1), pb::Error) << knn->name();
        auto badBank = bank;
        badBank[7] = INFINITY;
        EXPECT_THROW(knn->setBank(badBank.data(), 4, dim), pb::Error) << knn->name();
        EXPECT_THROW(knn->setBank(bank.data(), 4, 0), pb::Error) << knn->name();
    }
    EXPECT_THROW(pb::BlasKnn(0, 0, "avx1024"), pb::Error);
}

TEST(ExactKnn, FactoryKnowsTheMethods) {
    const auto methods = pb::exactKnnMethods();
    ASSERT_GE(methods.size(), 4u);
    EXPECT_EQ(methods.front(), "auto");
    for (const auto& m : methods) {
        auto knn = pb::createExactKnn(m);
        ASSERT_TRUE(knn);
        EXPECT_EQ(knn->size(), 0u);
    }
    // With AMX tiles or AVX-512-BF16 "auto" is the bf16 pre-filter whatever the bank; without them, by size
    // (banks of 4096 rows or more of 64 values or more: the projected bound).
    const bool amx = pb::knn::fastBf16Available();
    const char* large = "projected";
    EXPECT_EQ(pb::createExactKnn("auto")->name(), amx ? "bf16" : "blas");
    EXPECT_EQ(pb::createExactKnn()->name(), amx ? "bf16" : "blas");
    EXPECT_EQ(pb::createExactKnn("bf16")->name(), "bf16");
    EXPECT_EQ(pb::createExactKnn("faiss")->name(), "faiss");
    EXPECT_EQ(pb::createExactKnn("projected")->name(), "projected");
    EXPECT_EQ(pb::createExactKnn("auto", 200000, 128)->name(), amx ? "bf16" : large);
    EXPECT_EQ(pb::createExactKnn("auto", 200000, 16)->name(), amx ? "bf16" : "blas");
    EXPECT_EQ(pb::createExactKnn("auto", 3000, 128)->name(), amx ? "bf16" : "blas");
    EXPECT_EQ(pb::createExactKnn("faiss", 200000, 128)->name(), "faiss");
    EXPECT_EQ(pb::createExactKnn("torch")->name(), "torch");
    EXPECT_THROW(pb::createExactKnn("annoy"), pb::Error);
    if (!pb::TorchChunkedKnn::cudaAvailable()) {
        EXPECT_THROW(pb::createExactKnn("torch-cuda"), pb::Error);
    }
    EXPECT_THROW(pb::TorchChunkedKnn("tpu"), pb::Error);
}

TEST(ExactKnn, TorchOnCudaMatchesReference) {
    if (!pb::TorchChunkedKnn::cudaAvailable()) GTEST_SKIP() << "LibTorch sees no CUDA device";
    const int dim = 33, k = 5;
    const auto bank = randomVectors(777, dim, 71);
    const auto queries = randomVectors(55, dim, 72);
    pb::TorchChunkedKnn knn("cuda", 16, 100);
    knn.setBank(bank.data(), 777, dim);
    expectMatches(knn.search(queries.data(), 55, k), reference(bank, queries, dim, k), "torch-cuda");
}

TEST(ExactKnn, ChunksAreBalanced) {
    EXPECT_EQ(pb::knn::balancedChunk(3136, 1024), 784u);
    EXPECT_EQ(pb::knn::balancedChunk(784, 1024), 784u);
    EXPECT_EQ(pb::knn::balancedChunk(29, 7), 6u);
    EXPECT_EQ(pb::knn::balancedChunk(164000, 2048), 2025u);
    EXPECT_EQ(pb::knn::balancedChunk(1, 1), 1u);
    EXPECT_EQ(pb::knn::balancedChunk(0, 7), 7u);
}

TEST(ExactKnn, PositionsBelowFindsEveryValueUnderTheLimit) {
    // Every length around the vector widths (tails of 1..63 values), every limit from none to all.
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
    for (std::size_t n : {0u, 1u, 7u, 8u, 15u, 16u, 17u, 31u, 63u, 64u, 65u, 200u, 1000u}) {
        std::vector<float> c(n), norms(n);
        for (std::size_t j = 0; j < n; ++j) {
            c[j] = uniform(rng);
            norms[j] = uniform(rng);
        }
        for (float limit : {-INFINITY, -1.5f, -0.3f, 0.0f, 0.9f, INFINITY}) {
            std::vector<std::uint32_t> want, got(n + 1);
            for (std::size_t j = 0; j < n; ++j)
                if (c[j] + norms[j] < limit) want.push_back(static_cast<std::uint32_t>(j));
            got.resize(pb::knn::positionsBelow(c.data(), norms.data(), n, limit, got.data()));
            EXPECT_EQ(got, want) << "n " << n << " limit " << limit;
        }
    }
}

TEST(ExactKnn, SquaredDistanceHasTheSameBitsOnEveryCpu) {
    // The vectorised builds keep the baseline's eight lanes and sum order, with no fused multiply-add:
    // the value is the one this plain loop gives, bit for bit, on any CPU.
    std::mt19937 rng(9);
    std::normal_distribution<float> normal(3.0f, 10.0f);
    for (int dim : {1, 5, 8, 13, 128, 1000, 1024}) {
        std::vector<float> a(dim), b(dim);
        for (int d = 0; d < dim; ++d) {
            a[d] = normal(rng);
            b[d] = normal(rng);
        }
        volatile double acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};  // volatile: no fused multiply-add here either
        int d = 0;
        for (; d + 8 <= dim; d += 8)
            for (int t = 0; t < 8; ++t) {
                const double diff = a[d + t] - b[d + t];
                const volatile double square = diff * diff;
                acc[t] = acc[t] + square;
            }
        for (; d < dim; ++d) {
            const double diff = a[d] - b[d];
            const volatile double square = diff * diff;
            acc[0] = acc[0] + square;
        }
        const double want = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
        EXPECT_EQ(pb::knn::squaredDistance(a.data(), b.data(), dim), want) << "dim " << dim;
    }
}

namespace {

// Patch-feature-like vectors: most of the variance on a few directions, a little isotropic noise.
std::vector<float> lowRankVectors(std::size_t count, int dim, int rank, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::mt19937 basisRng(7);  // the same directions for bank and queries
    std::vector<float> basis(static_cast<std::size_t>(rank) * dim);
    for (auto& x : basis) x = normal(basisRng);
    std::vector<float> v(count * dim);
    for (std::size_t i = 0; i < count; ++i) {
        for (int r = 0; r < rank; ++r) {
            const float w = normal(rng) * 4.0f / (1.0f + r);
            for (int d = 0; d < dim; ++d) v[i * dim + d] += w * basis[r * dim + d];
        }
        for (int d = 0; d < dim; ++d) v[i * dim + d] += 0.05f * normal(rng) + 3.0f;
    }
    return v;
}

}  // namespace

TEST(ProjectedBoundKnn, PrunesStructuredDataAndStaysExact) {
    const int dim = 48;
    const auto bank = lowRankVectors(12000, dim, 6, 71);
    const auto queries = lowRankVectors(150, dim, 6, 72);
    for (int k : {1, 5, 20}) {
        const auto want = reference(bank, queries, dim, k);
        // Default chunks, and chunks that cut the bank and the queries unevenly.
        for (const auto& [qc, bc] : std::vector<std::pair<std::size_t, std::size_t>>{{0, 0}, {7, 333}, {150, 64}}) {
            pb::ProjectedBoundKnn knn(8, qc, bc);
            knn.setBank(bank.data(), 12000, dim);
            EXPECT_EQ(knn.projectedDims(), 8);
            const std::string what = "k " + std::to_string(k) + " chunks " + std::to_string(qc) + "x" + std::to_string(bc);
            expectMatches(knn.search(queries.data(), 150, k), want, what);
            const auto stats = knn.lastSearchStats();
            EXPECT_EQ(stats.pairs, 150u * 12000u) << what;
            // The bound decides every pair, and few rows need an exact distance.
            EXPECT_EQ(stats.fullQueries, 0u) << what;
            EXPECT_EQ(stats.boundedPairs, stats.pairs) << what;
            EXPECT_LT(stats.exactDistances, stats.pairs / 100) << what;
        }
    }
}

TEST(ProjectedBoundKnn, ChoosesTheAxesThatHoldTheVariance) {
    // Six strong directions: the fewest axes of the ladder that leave at most 10% of the variance out.
    const int dim = 48;
    const auto bank = lowRankVectors(4000, dim, 6, 73);
    pb::ProjectedBoundKnn knn;
    knn.setBank(bank.data(), 4000, dim);
    EXPECT_EQ(knn.projectedDims(), 16);
    // Isotropic data: no rank leaves little out, and the largest allowed is taken (half the dimension).
    const auto noise = randomVectors(4000, 64, 74);
    knn.setBank(noise.data(), 4000, 64);
    EXPECT_EQ(knn.projectedDims(), 32);
}

TEST(ProjectedBoundKnn, WideFeaturesTakeTheirAxesFromASubspaceIteration) {
    // Past 256 dimensions the axes come from a subspace iteration instead of a full eigensolver: the bound
    // still prunes and the neighbours stay exact.
    const int dim = 320, k = 5;
    const auto bank = lowRankVectors(3000, dim, 6, 75);
    const auto queries = lowRankVectors(40, dim, 6, 76);
    pb::ProjectedBoundKnn knn;
    knn.setBank(bank.data(), 3000, dim);
    EXPECT_EQ(knn.projectedDims(), 16);
    expectMatches(knn.search(queries.data(), 40, k), reference(bank, queries, dim, k), "320 dimensions");
    const auto stats = knn.lastSearchStats();
    EXPECT_EQ(stats.fullQueries, 0u);
    EXPECT_LT(stats.exactDistances, stats.pairs / 20);
}

TEST(ProjectedBoundKnn, IsotropicDataFallsBackToTheFullProduct) {
    // With no dominant directions two axes bound nothing: the queries are searched with the full product
    // and still get the exact neighbours.
    const int dim = 32, k = 5;
    const auto bank = randomVectors(9000, dim, 81);
    const auto queries = randomVectors(60, dim, 82);
    pb::ProjectedBoundKnn knn(2, 0, 1000);
    knn.setBank(bank.data(), 9000, dim);
    expectMatches(knn.search(queries.data(), 60, k), reference(bank, queries, dim, k), "isotropic");
    const auto stats = knn.lastSearchStats();
    EXPECT_GT(stats.fullQueries, 50u);
    EXPECT_EQ(stats.boundedPairs, (60u - stats.fullQueries) * 9000u);
}

TEST(ProjectedBoundKnn, EqualDistancesKeepTheSmallerIndexOnTheFullProduct) {
    // Isotropic data and a query 3 from rows 101 and 8001, made equal: far below every other row, but the
    // two axes let most of the bank through, and the query goes to the full product.
    const int dim = 32;
    auto bank = randomVectors(9000, dim, 83);
    const auto query = randomVectors(1, dim, 84);
    const auto step = randomVectors(1, dim, 85);
    double length = 0;
    for (float x : step) length += double(x) * x;
    for (int d = 0; d < dim; ++d) bank[101 * dim + d] = bank[8001 * dim + d] = query[d] + 3.0f * step[d] / std::sqrt(float(length));
    pb::ProjectedBoundKnn knn(2, 0, 1000);
    knn.setBank(bank.data(), 9000, dim);
    EXPECT_EQ(knn.search(query.data(), 1, 1).index(0, 0), 101);
    const auto two = knn.search(query.data(), 1, 2);
    EXPECT_EQ(two.index(0, 0), 101);
    EXPECT_EQ(two.index(0, 1), 8001);
    EXPECT_EQ(knn.lastSearchStats().fullQueries, 1u);
}

TEST(ProjectedBoundKnn, EqualDistancesKeepTheSmallerIndexThroughTheBound) {
    // Row 3 copies row 40 and the query lies next to both: the bound decides, and the smaller index ranks first.
    const int dim = 16;
    auto bank = lowRankVectors(1000, dim, 4, 91);
    std::copy(bank.begin() + 40 * dim, bank.begin() + 41 * dim, bank.begin() + 3 * dim);
    std::vector<float> query(bank.begin() + 40 * dim, bank.begin() + 41 * dim);
    query[0] += 0.001f;
    pb::ProjectedBoundKnn knn(4, 0, 128);
    knn.setBank(bank.data(), 1000, dim);
    const auto r = knn.search(query.data(), 1, 2);
    EXPECT_EQ(r.index(0, 0), 3);
    EXPECT_EQ(r.index(0, 1), 40);
    EXPECT_EQ(r.distance(0, 0), r.distance(0, 1));
    EXPECT_EQ(knn.lastSearchStats().fullQueries, 0u);
    EXPECT_EQ(knn.search(query.data(), 1, 1).index(0, 0), 3) << "k = 1 keeps the smaller index too";
}

TEST(Bf16FilteredKnn, RanksFewRowsExactlyAndStaysExact) {
    // Well separated clusters: the bfloat16 values decide almost every row, the exact distances only a few.
    const int dim = 64, k = 5;
    std::vector<float> bank = randomVectors(6000, dim, 71);
    for (std::size_t i = 0; i < 6000; ++i)
        for (int d = 0; d < dim; ++d) bank[i * dim + d] = bank[i * dim + d] * 0.05f + static_cast<float>((i % 40) == d % 40);
    std::vector<float> queries(bank.begin(), bank.begin() + 70 * dim);
    for (auto& x : queries) x += 0.01f;
    const auto want = reference(bank, queries, dim, k);
    for (const std::string& kernel : bf16Kernels()) {
        pb::Bf16FilteredKnn knn(kernel);
        knn.setBank(bank.data(), 6000, dim);
        expectMatches(knn.search(queries.data(), 70, k), want, "bf16 " + kernel);
        EXPECT_LT(knn.exactRowsPerQuery(), 600.0) << kernel;
        EXPECT_GE(knn.floatRowsPerQuery(), knn.exactRowsPerQuery()) << kernel;
        EXPECT_GE(knn.exactRowsPerQuery(), static_cast<double>(k)) << kernel;
        EXPECT_EQ(knn.overflowedQueries(), 0u) << kernel;
    }
}

TEST(Bf16FilteredKnn, ShellsOfNearlyEqualDistancesStayExact) {
    // Each query sits at the centre of a shell of rows whose squared distances step by 0.002, far below
    // the bfloat16 values' error here (the bank's mean lies between the shells and a far cluster, so
    // that |q| |b| less the mean is large): the order of the nearest rests on the error bound alone. With
    // a tenth of the proven bound the true nearest are dropped for rows whose rounding made them look closer.
    const int dim = 128, shells = 6, perShell = 400, k = 5;
    std::mt19937 rng(91);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    const std::vector<float> centres = randomVectors(shells, dim, 92);
    std::vector<float> bank;
    for (int c = 0; c < shells; ++c)
        for (int i = 0; i < perShell; ++i) {
            std::vector<double> u(dim);
            double norm = 0;
            for (auto& x : u) norm += (x = normal(rng)) * x;
            const double radius = std::sqrt(1.0 + 0.002 * i) / std::sqrt(norm);
            for (int d = 0; d < dim; ++d) bank.push_back(static_cast<float>(centres[c * dim + d] + radius * u[d]));
        }
    for (int i = 0; i < shells * perShell; ++i)
        for (int d = 0; d < dim; ++d) bank.push_back(10.0f + normal(rng));
    const std::size_t rows = bank.size() / dim;
    // Shuffled, so that the nearest rows are not the first ones scanned.
    std::vector<std::size_t> order(rows);
    for (std::size_t i = 0; i < rows; ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<float> shuffled(bank.size());
    for (std::size_t i = 0; i < rows; ++i)
        std::copy_n(bank.begin() + order[i] * dim, dim, shuffled.begin() + i * dim);
    const auto want = reference(shuffled, centres, dim, k);
    for (const std::string& kernel : bf16Kernels()) {
        pb::Bf16FilteredKnn knn(kernel);
        knn.setBank(shuffled.data(), rows, dim);
        expectMatches(knn.search(centres.data(), shells, k), want, "bf16 " + kernel + " shells", 1e-5);
        for (int c = 0; c < shells; ++c)
            for (int j = 0; j < k; ++j)
                EXPECT_EQ(order[want.indices[c * k + j]], static_cast<std::size_t>(c * perShell + j))
                    << "the test's own setup";
    }
}

TEST(Bf16FilteredKnn, BankOfCopiesFallsBackToTheFullProduct) {
    // 5000 copies of one vector: every row stays within the error bound, the candidates overflow and
    // the full product decides, ties by the smaller row.
    const int dim = 32, k = 3;
    std::vector<float> bank = randomVectors(5003, dim, 81);
    for (std::size_t i = 3; i < 5003; ++i) std::copy_n(bank.begin(), dim, bank.begin() + i * dim);
    const std::vector<float> queries = randomVectors(40, dim, 82);
    const auto want = reference(bank, queries, dim, k);
    pb::Bf16FilteredKnn knn("portable");
    knn.setBank(bank.data(), 5003, dim);
    expectMatches(knn.search(queries.data(), 40, k), want, "bf16 copies");
    EXPECT_GT(knn.overflowedQueries(), 0u);
    EXPECT_THROW(pb::Bf16FilteredKnn("avx9000"), pb::Error);
}
