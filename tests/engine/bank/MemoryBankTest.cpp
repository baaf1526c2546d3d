#include <gtest/gtest.h>

#include "engine/knn/Bf16Scan.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <vector>

#include "TestData.h"
#include "bank/BankTestData.h"
#include "engine/bank/FlatBank.h"
#include "engine/bank/IvfPqBank.h"
#include "engine/bank/MemoryBank.h"
#include "engine/io/AtomicFile.h"
#include "engine/io/Safetensors.h"
#include "engine/knn/ExactKnn.h"
#include "engine/util/Error.h"

namespace {

pb::BankProvenance provenance(int dim) {
    pb::BankProvenance p;
    p.features.backbone = "wide_resnet50_2@abc123";
    p.layers = "layer2+layer3";
    p.features.resolution = 256;
    p.features.crop = 224;
    p.dim = dim;
    return p;
}

void expectSameResult(const pb::KnnResult& a, const pb::KnnResult& b) {
    EXPECT_EQ(a.queries, b.queries);
    EXPECT_EQ(a.k, b.k);
    EXPECT_EQ(a.indices, b.indices);
    EXPECT_EQ(a.distances, b.distances);
}

// Expects readBank to throw a pb::Error that names the file and contains `part`.
void expectUnreadable(const std::filesystem::path& path, const std::string& part) {
    try {
        pb::readBank(path);
        ADD_FAILURE() << "read " << path;
    } catch (const pb::Error& e) {
        EXPECT_EQ(e.file(), path.string()) << e.what();
        EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
    }
}

}  // namespace

TEST(MemoryBank, FactoryAndFlatSearch) {
    EXPECT_EQ(pb::createBank("coreset:1/16")->spec(), "coreset:0.0625");
    EXPECT_NE(dynamic_cast<pb::IvfPqBank*>(pb::createBank("ivfpq").get()), nullptr);
    EXPECT_THROW(pb::createBank("coreset:zero"), pb::Error);

    const int dim = 12;
    const auto x = pb::test::clusteredVectors(500, dim, 5, 1);
    const auto q = pb::test::gaussianVectors(20, dim, 2);
    auto bank = pb::createBank("flat");
    bank->build(x.data(), 500, dim, 3, pb::Progress{});
    EXPECT_EQ(bank->size(), 500u);
    EXPECT_EQ(bank->sourceCount(), 500u);
    EXPECT_EQ(bank->bytes(), 500u * dim * 4);
    EXPECT_EQ(bank->tag(7), 3);
    EXPECT_EQ(bank->sourceIndex(7), 7);
    EXPECT_THROW(bank->tag(500), pb::Error);
    auto exact = pb::createExactKnn("auto");
    exact->setBank(x.data(), 500, dim);
    expectSameResult(bank->search(q.data(), 20, 5), exact->search(q.data(), 20, 5));
    EXPECT_THROW(bank->search(q.data(), 20, 501), pb::Error);
}

TEST(MemoryBank, SearchMethodIsChosenBySizeOrByName) {
    // "auto" searches a large bank of wide vectors with the projected bound and a small one with blas (with
    // AMX tiles or AVX-512-BF16 both with the bf16 pre-filter); a named method replaces it and gives the
    // same neighbours; an unknown one is refused and changes nothing.
    const bool amx = pb::knn::fastBf16Available();
    const int dim = 64;
    const auto x = pb::test::clusteredVectors(70000, dim, 40, 5);
    const auto q = pb::test::gaussianVectors(30, dim, 6);
    auto large = pb::createBank("flat");
    large->build(x.data(), 70000, dim, 0, pb::Progress{});
    EXPECT_EQ(large->searchMethod(), amx ? "bf16" : "projected");
    const auto projected = large->search(q.data(), 30, 5);
    large->setSearchMethod("faiss");
    EXPECT_EQ(large->searchMethod(), "faiss");
    const auto faiss = large->search(q.data(), 30, 5);
    EXPECT_EQ(projected.indices, faiss.indices);
    try {
        large->setSearchMethod("annoy");
        ADD_FAILURE() << "unknown method accepted";
    } catch (const pb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("annoy"), std::string::npos) << e.what();
    }
    EXPECT_EQ(large->searchMethod(), "faiss");

    auto small = pb::createBank("coreset:1/32");
    small->build(x.data(), 70000, dim, 0, pb::Progress{});
    EXPECT_EQ(small->searchMethod(), amx ? "bf16" : "blas");
    EXPECT_EQ(pb::createBank("ivfpq")->searchMethod(), "");
}

TEST(MemoryBank, CompressedBankStoresItsSelection) {
    const int dim = 8;
    const auto x = pb::test::clusteredVectors(800, dim, 6, 2);
    auto bank = pb::createBank("coreset:0.125");
    bank->build(x.data(), 800, dim, 0, pb::Progress{});
    EXPECT_EQ(bank->size(), 100u);
    EXPECT_EQ(bank->sourceCount(), 800u);
    const auto v = bank->vectors();
    for (std::size_t r = 0; r < bank->size(); ++r) {
        const auto s = bank->sourceIndex(static_cast<std::int64_t>(r));
        EXPECT_TRUE(std::equal(x.begin() + s * dim, x.begin() + (s + 1) * dim, v.begin() + r * dim));
    }
}

TEST(MemoryBank, AddGrowsWithoutRebuilding) {
    const int dim = 8;
    const auto x = pb::test::clusteredVectors(600, dim, 6, 3);
    for (const std::string spec : {"coreset:0.25", "coreset:100", "kmeans_residual:0.25", "flat"}) {
        auto bank = pb::createBank(spec);
        bank->build(x.data(), 400, dim, 1, pb::Progress{});
        const std::size_t before = bank->size();
        const auto vectorsBefore = bank->vectors();
        std::vector<std::int64_t> sourceBefore;
        for (std::size_t r = 0; r < before; ++r) sourceBefore.push_back(bank->sourceIndex(static_cast<std::int64_t>(r)));
        bank->add(x.data() + 400 * dim, 200, 2, pb::Progress{});
        // Same ratio: a quarter of the new vectors (fraction, or the ratio 100/400 the count budget kept).
        EXPECT_EQ(bank->size(), before + (spec == "flat" ? 200u : 50u)) << spec;
        EXPECT_EQ(bank->sourceCount(), 600u);
        const auto vectorsAfter = bank->vectors();
        EXPECT_TRUE(std::equal(vectorsBefore.begin(), vectorsBefore.end(), vectorsAfter.begin())) << spec;
        for (std::size_t r = 0; r < before; ++r) {
            EXPECT_EQ(bank->sourceIndex(static_cast<std::int64_t>(r)), sourceBefore[r]);
            EXPECT_EQ(bank->tag(static_cast<std::int64_t>(r)), 1);
        }
        for (std::size_t r = before; r < bank->size(); ++r) {
            EXPECT_EQ(bank->tag(static_cast<std::int64_t>(r)), 2);
            const auto s = bank->sourceIndex(static_cast<std::int64_t>(r));
            if (s >= 0) {
                EXPECT_GE(s, 400);  // rows of the added batch, after the 400 build vectors
                EXPECT_TRUE(std::equal(x.begin() + s * dim, x.begin() + (s + 1) * dim,
                                       vectorsAfter.begin() + r * dim));
            }
        }
    }
}

TEST(MemoryBank, SearchTagAndAppend) {
    const int dim = 10;
    const auto a = pb::test::clusteredVectors(300, dim, 4, 4);
    const auto b = pb::test::clusteredVectors(200, dim, 4, 5);
    auto shared = pb::createBank("random:0.5");
    shared->build(a.data(), 300, dim, 0, pb::Progress{});
    auto other = pb::createBank("random:0.5");
    other->build(b.data(), 200, dim, 1, pb::Progress{});
    shared->append(*other);
    ASSERT_EQ(shared->size(), 250u);
    EXPECT_EQ(shared->sourceCount(), 500u);
    for (std::int64_t r = 0; r < 250; ++r) {
        EXPECT_EQ(shared->tag(r), r < 150 ? 0 : 1);
        if (r >= 150) EXPECT_EQ(shared->sourceIndex(r), other->sourceIndex(r - 150) + 300);
    }
    const auto q = pb::test::clusteredVectors(30, dim, 4, 5);
    const auto restricted = shared->searchTag(q.data(), 30, 4, 1);
    for (const auto i : restricted.indices) EXPECT_EQ(shared->tag(i), 1);
    // Same answer as a search of the other bank alone, with rows shifted.
    const auto alone = other->search(q.data(), 30, 4);
    for (std::size_t i = 0; i < alone.indices.size(); ++i) {
        EXPECT_EQ(restricted.indices[i], alone.indices[i] + 150);
        EXPECT_FLOAT_EQ(restricted.distances[i], alone.distances[i]);
    }
    EXPECT_THROW(shared->searchTag(q.data(), 30, 4, 7), pb::Error);
    auto ivf = pb::createBank("ivfpq");
    EXPECT_THROW(shared->append(*ivf), pb::Error);
}

TEST(MemoryBank, IvfPqRecallAtFullProbe) {
    const int dim = 16;
    const std::size_t n = 3000;
    const auto x = pb::test::clusteredVectors(n, dim, 30, 6);
    // Queries: bank vectors moved by a small step, so the exact nearest neighbour is clear.
    std::vector<float> q(300 * dim);
    pb::Pcg32 rng(3);
    for (int i = 0; i < 300; ++i)
        for (int d = 0; d < dim; ++d) q[i * dim + d] = x[(i * 10) * dim + d] + static_cast<float>(0.05 * rng.normal());
    auto bank = pb::createBank("ivfpq:nlist=16,m=8,nbits=6,nprobe=16");
    bank->build(x.data(), n, dim, 0, pb::Progress{});
    auto exact = pb::createExactKnn("auto");
    exact->setBank(x.data(), n, dim);
    const auto truth = exact->search(q.data(), 300, 1);
    const auto approx = bank->search(q.data(), 300, 10);
    const auto decoded = bank->vectors();
    int top1 = 0, top10 = 0;
    for (int i = 0; i < 300; ++i) {
        top1 += approx.index(i, 0) == truth.index(i, 0);
        for (int j = 0; j < 10; ++j) top10 += approx.index(i, j) == truth.index(i, 0);
        // The distance is the Euclidean distance to the decoded vector (the square root of FAISS's ADC).
        const double d = std::sqrt(pb::test::squaredDistance(&q[i * dim], &decoded[approx.index(i, 0) * dim], dim));
        EXPECT_NEAR(approx.distance(i, 0), d, 1e-3 * (1 + d));
    }
    EXPECT_GE(top1, 270);   // recall@1 >= 0.9
    EXPECT_GE(top10, 297);  // 1-recall@10 >= 0.99
    EXPECT_LT(bank->bytes(), n * dim * 4 / 4);
    EXPECT_EQ(bank->size(), n);
    // Fewer probes visit fewer lists.
    dynamic_cast<pb::IvfPqBank&>(*bank).setNprobe(1);
    EXPECT_EQ(bank->spec(), "ivfpq:nlist=16,m=8,nbits=6,nprobe=1");
}

TEST(MemoryBank, IvfPqAddTagsAndErrors) {
    const int dim = 16;
    const auto x = pb::test::clusteredVectors(3000, dim, 10, 7);
    auto bank = pb::createBank("ivfpq:nlist=8,m=4,nbits=6,nprobe=8");
    std::vector<pb::Problem> problems;
    pb::Progress progress;
    progress.onProblem = [&](const pb::Problem& p) { problems.push_back(p); };
    bank->build(x.data(), 2000, dim, 0, progress);
    ASSERT_EQ(problems.size(), 1u);  // 2000 < 39 * 2^6 training vectors: reported, not fatal
    EXPECT_NE(problems[0].reason.find("2496"), std::string::npos) << problems[0].reason;
    const auto before = bank->vectors();
    bank->add(x.data() + 2000 * dim, 1000, 1, pb::Progress{});
    EXPECT_EQ(bank->size(), 3000u);
    const auto after = bank->vectors();
    EXPECT_TRUE(std::equal(before.begin(), before.end(), after.begin()));  // codes of old rows unchanged
    EXPECT_EQ(bank->sourceIndex(2500), 2500);
    const auto q = pb::test::clusteredVectors(50, dim, 10, 8);
    const auto r = bank->searchTag(q.data(), 50, 5, 1);
    for (const auto i : r.indices) {
        ASSERT_GE(i, 0);
        EXPECT_EQ(bank->tag(i), 1);
    }
    // Too few training vectors for 2^nbits codewords, and m must divide the dimension.
    auto small = pb::createBank("ivfpq:nlist=4,m=4,nbits=8,nprobe=1");
    try {
        small->build(x.data(), 100, dim, 0, pb::Progress{});
        ADD_FAILURE();
    } catch (const pb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("100 vectors"), std::string::npos) << e.what();
    }
    EXPECT_THROW(pb::createBank("ivfpq:nlist=4,m=5,nbits=4,nprobe=1")->build(x.data(), 1000, dim, 0, pb::Progress{}),
                 pb::Error);
}

TEST(MemoryBank, SaveLoadRoundTrip) {
    const auto dir = pb::test::scratchDir("bank-roundtrip");
    const int dim = 16;
    const auto x = pb::test::clusteredVectors(3000, dim, 10, 9);
    const auto q = pb::test::clusteredVectors(40, dim, 10, 10);
    for (const std::string spec : {"kmeans_residual:0.1", "ivfpq:nlist=16,m=4,nbits=8,nprobe=4"}) {
        auto bank = pb::createBank(spec);
        bank->build(x.data(), 2000, dim, 0, pb::Progress{});
        bank->add(x.data() + 2000 * dim, 1000, 1, pb::Progress{});
        const auto path = dir / "nested" / "bank.safetensors";  // parent folders are created
        pb::writeBank(*bank, provenance(dim), {"bottle", "cable"}, path);
        const pb::LoadedBank loaded = pb::readBank(path, provenance(dim));
        EXPECT_EQ(loaded.bank->spec(), bank->spec());
        EXPECT_EQ(loaded.tagNames, (std::vector<std::string>{"bottle", "cable"}));
        EXPECT_EQ(loaded.provenance.layers, "layer2+layer3");
        EXPECT_EQ(loaded.bank->size(), bank->size());
        EXPECT_EQ(loaded.bank->sourceCount(), bank->sourceCount());
        EXPECT_EQ(loaded.bank->bytes(), bank->bytes());
        EXPECT_EQ(loaded.bank->vectors(), bank->vectors());
        for (std::int64_t r = 0; r < static_cast<std::int64_t>(bank->size()); ++r) {
            EXPECT_EQ(loaded.bank->tag(r), bank->tag(r));
            EXPECT_EQ(loaded.bank->sourceIndex(r), bank->sourceIndex(r));
        }
        expectSameResult(loaded.bank->search(q.data(), 40, 5), bank->search(q.data(), 40, 5));
        expectSameResult(loaded.bank->searchTag(q.data(), 40, 5, 1), bank->searchTag(q.data(), 40, 5, 1));
        // The loaded bank keeps growing the same way.
        loaded.bank->add(x.data(), 400, 1, pb::Progress{});
        bank->add(x.data(), 400, 1, pb::Progress{});
        EXPECT_EQ(loaded.bank->vectors(), bank->vectors()) << spec;
    }
}

TEST(MemoryBank, RefusesOtherFeaturesAndBadFiles) {
    const auto dir = pb::test::scratchDir("bank-refuse");
    const int dim = 8;
    const auto x = pb::test::clusteredVectors(400, dim, 4, 11);
    auto bank = pb::createBank("coreset:0.25");
    bank->build(x.data(), 400, dim, 0, pb::Progress{});
    const auto path = dir / "bank.safetensors";
    pb::writeBank(*bank, provenance(dim), {"bottle"}, path);

    auto other = provenance(dim);
    other.layers = "layer3";
    try {
        pb::readBank(path, other);
        ADD_FAILURE();
    } catch (const pb::Error& e) {
        EXPECT_EQ(e.file(), path.string());
        EXPECT_NE(std::string(e.what()).find("layers"), std::string::npos) << e.what();
    }
    other = provenance(dim);
    other.features.resolution = 320;
    EXPECT_THROW(pb::readBank(path, other), pb::Error);
    EXPECT_THROW(pb::writeBank(*bank, provenance(dim + 1), {}, dir / "wrong-dim.safetensors"), pb::Error);
    // Tags must index into the tag names when names are given.
    auto twoTags = pb::createBank("flat");
    twoTags->build(x.data(), 10, dim, 1, pb::Progress{});
    EXPECT_THROW(pb::writeBank(*twoTags, provenance(dim), {"bottle"}, dir / "tags.safetensors"), pb::Error);

    const std::string good = pb::readFileBytes(path);
    // One flipped byte in the tensor data: the checksum catches it.
    std::string corrupt = good;
    corrupt[corrupt.size() - 100] ^= 0x5a;
    const auto corruptPath = dir / "corrupt.safetensors";
    pb::writeFileAtomic(corruptPath, corrupt);
    expectUnreadable(corruptPath, "corrupt");
    // Truncated.
    const auto truncatedPath = dir / "truncated.safetensors";
    pb::writeFileAtomic(truncatedPath, good.substr(0, good.size() / 2));
    try {
        pb::readBank(truncatedPath);
        ADD_FAILURE();
    } catch (const pb::Error& e) {
        EXPECT_NE(std::string(e.what()).find(truncatedPath.string()), std::string::npos) << e.what();
    }
    // Another format version.
    std::string newer = good;
    const auto at = newer.find("\"version\":\"1\"");
    ASSERT_NE(at, std::string::npos);
    newer[at + 11] = '9';
    const auto newerPath = dir / "newer.safetensors";
    pb::writeFileAtomic(newerPath, newer);
    expectUnreadable(newerPath, "version 9");
    // A safetensors file that is not a bank, and a missing file.
    pb::SafetensorsWriter weights;
    const float w[2] = {1, 2};
    weights.addFloat32("weight", {2}, w);
    weights.save(dir / "weights.safetensors");
    expectUnreadable(dir / "weights.safetensors", "not a PatchBank memory bank");
    EXPECT_THROW(pb::readBank(dir / "missing.safetensors"), pb::Error);
}
