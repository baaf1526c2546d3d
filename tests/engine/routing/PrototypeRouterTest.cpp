#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <vector>

#include "TestData.h"
#include "engine/io/SafetensorsWriter.h"
#include "engine/routing/PrototypeRouter.h"
#include "engine/synth/Pcg32.h"
#include "engine/util/Error.h"

namespace {

// A grid whose patches scatter around `centre`: its mean-pooled embedding lands near the centre.
pb::FeatureGrid clusteredGrid(const std::vector<float>& centre, double noise, pb::Pcg32& rng) {
    pb::FeatureGrid g;
    g.height = 4;
    g.width = 5;
    g.dim = static_cast<int>(centre.size());
    g.data.resize(g.patches() * g.dim);
    for (std::size_t p = 0; p < g.patches(); ++p)
        for (int d = 0; d < g.dim; ++d) g.patch(p)[d] = centre[d] + static_cast<float>(noise * rng.normal());
    return g;
}

struct Products {
    std::vector<std::vector<float>> centres;
};

Products makeCentres(int products, int dim, std::uint64_t seed) {
    pb::Pcg32 rng(seed);
    Products out;
    for (int p = 0; p < products; ++p) {
        std::vector<float> c(dim);
        for (auto& v : c) v = static_cast<float>(3.0 * rng.normal());
        out.centres.push_back(c);
    }
    return out;
}

}  // namespace

TEST(PrototypeRouter, MeanPooledEmbeddingAveragesPatches) {
    pb::FeatureGrid g;
    g.height = 1;
    g.width = 3;
    g.dim = 2;
    g.data = {1, 10, 2, 20, 6, 0};
    const auto e = pb::meanPooledEmbedding(g);
    ASSERT_EQ(e.size(), 2u);
    EXPECT_FLOAT_EQ(e[0], 3.0f);
    EXPECT_FLOAT_EQ(e[1], 10.0f);
    EXPECT_THROW(pb::meanPooledEmbedding(pb::FeatureGrid{}), pb::Error);
}

TEST(PrototypeRouter, RoutesClusteredProductsWithPositiveMargins) {
    const int products = 6, dim = 32;
    const Products c = makeCentres(products, dim, 7);
    pb::Pcg32 rng(11);
    pb::PrototypeRouter router;
    for (int p = 0; p < products; ++p) {
        std::vector<std::vector<float>> train;
        for (int i = 0; i < 8; ++i) train.push_back(pb::meanPooledEmbedding(clusteredGrid(c.centres[p], 1.0, rng)));
        router.addProduct("product" + std::to_string(p), train);
    }
    EXPECT_EQ(router.products(), 6u);
    EXPECT_EQ(router.dim(), dim);
    EXPECT_EQ(router.bytes(), 6u * 32u * 4u);
    for (int p = 0; p < products; ++p) {
        for (int i = 0; i < 10; ++i) {
            const auto d = router.route(clusteredGrid(c.centres[p], 1.0, rng));
            EXPECT_EQ(d.product, p);
            EXPECT_EQ(d.name, "product" + std::to_string(p));
            EXPECT_GT(d.margin, 0.0);
            EXPECT_DOUBLE_EQ(d.margin, d.secondDistance - d.bestDistance);
            ASSERT_EQ(d.distances.size(), 6u);
            EXPECT_DOUBLE_EQ(d.distances[p], d.bestDistance);
            for (int q = 0; q < products; ++q)
                if (q != p) EXPECT_GE(d.distances[q], d.secondDistance);
        }
    }
}

TEST(PrototypeRouter, IncrementalImagesGiveTheSamePrototypeAsAddProduct) {
    const std::vector<std::vector<float>> images = {{1, 2, 3}, {3, 2, 1}, {2, 5, 2}};
    pb::PrototypeRouter a, b;
    a.addProduct("x", images);
    for (const auto& e : images) b.addImage("x", e);
    EXPECT_EQ(b.images(0), 3);
    for (int d = 0; d < 3; ++d) EXPECT_EQ(a.prototype(0)[d], b.prototype(0)[d]);
    EXPECT_FLOAT_EQ(a.prototype(0)[0], 2.0f);
    EXPECT_FLOAT_EQ(a.prototype(0)[1], 3.0f);
    EXPECT_FLOAT_EQ(a.prototype(0)[2], 2.0f);

    EXPECT_THROW(a.addProduct("x", images), pb::Error);                 // already present
    EXPECT_THROW(a.addImage("y", std::vector<float>{1, 2}), pb::Error);  // dimension
    EXPECT_THROW(a.addProduct("z", {}), pb::Error);                      // no image
    EXPECT_THROW(a.addImage("w", std::vector<float>{1, NAN, 2}), pb::Error);
    EXPECT_EQ(a.products(), 1u);
    EXPECT_THROW(pb::PrototypeRouter().route(std::vector<float>{1, 2, 3}), pb::Error);  // empty router
}

TEST(PrototypeRouter, CosineAndL2DifferWhereMagnitudeMatters) {
    pb::PrototypeRouter router;
    router.addImage("a", std::vector<float>{1, 0});
    router.addImage("b", std::vector<float>{5, 5});
    // Long vector almost along a: nearer to b in L2, nearer to a in angle.
    const std::vector<float> far = {10, 1};
    EXPECT_EQ(router.route(far).name, "b");
    EXPECT_NEAR(router.route(far).distances[0], std::sqrt(82.0), 1e-9);
    router.setMetric(pb::RouterMetric::Cosine);
    const auto cos = router.route(far);
    EXPECT_EQ(cos.name, "a");
    EXPECT_NEAR(cos.distances[0], 1.0 - 10.0 / std::sqrt(101.0), 1e-12);
    EXPECT_NEAR(cos.distances[1], 1.0 - 11.0 / (std::sqrt(101.0) * std::sqrt(2.0)), 1e-12);
    // Where direction and distance agree, both pick the same product.
    const std::vector<float> near = {1.1f, 0};
    EXPECT_EQ(router.route(near).name, "a");
    router.setMetric(pb::RouterMetric::L2);
    EXPECT_EQ(router.route(near).name, "a");
}

TEST(PrototypeRouter, SingleProductAndTies) {
    pb::PrototypeRouter one;
    one.addImage("only", std::vector<float>{0, 0});
    const auto d = one.route(std::vector<float>{3, 4});
    EXPECT_EQ(d.product, 0);
    EXPECT_DOUBLE_EQ(d.bestDistance, 5.0);
    EXPECT_TRUE(std::isinf(d.secondDistance));

    pb::PrototypeRouter tie;
    tie.addImage("left", std::vector<float>{-1, 0});
    tie.addImage("right", std::vector<float>{1, 0});
    const auto t = tie.route(std::vector<float>{0, 7});
    EXPECT_EQ(t.product, 0);  // equal distances: the smaller index
    EXPECT_DOUBLE_EQ(t.margin, 0.0);
}

TEST(PrototypeRouter, SaveLoadRoundTrip) {
    const auto dir = pb::test::scratchDir("router-roundtrip");
    const int products = 4, dim = 16;
    const Products c = makeCentres(products, dim, 3);
    pb::Pcg32 rng(5);
    pb::PrototypeRouter router(pb::RouterMetric::Cosine);
    for (int p = 0; p < products; ++p)
        for (int i = 0; i < 3 + p; ++i)
            router.addImage("name \"" + std::to_string(p) + "\" é", pb::meanPooledEmbedding(clusteredGrid(c.centres[p], 0.5, rng)));
    const auto path = dir / "sub" / "router.safetensors";
    router.save(path);
    const auto loaded = pb::PrototypeRouter::load(path);
    EXPECT_EQ(loaded.metric(), pb::RouterMetric::Cosine);
    EXPECT_EQ(loaded.names(), router.names());
    EXPECT_EQ(loaded.dim(), dim);
    EXPECT_EQ(loaded.bytes(), router.bytes());
    for (int p = 0; p < products; ++p) {
        EXPECT_EQ(loaded.images(p), 3 + p);
        EXPECT_EQ(std::memcmp(loaded.prototype(p), router.prototype(p), dim * sizeof(float)), 0);
    }
    for (int p = 0; p < products; ++p) {
        const auto e = pb::meanPooledEmbedding(clusteredGrid(c.centres[p], 0.5, rng));
        const auto a = router.route(e), b = loaded.route(e);
        EXPECT_EQ(a.product, b.product);
        EXPECT_EQ(a.distances, b.distances);
    }
    // No temporary file is left beside it.
    int files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir / "sub")) ++files;
    EXPECT_EQ(files, 1);
    EXPECT_THROW(pb::PrototypeRouter().save(dir / "empty.safetensors"), pb::Error);
}

TEST(PrototypeRouter, BadFilesNameTheFile) {
    const auto dir = pb::test::scratchDir("router-bad");
    auto expectError = [](const std::filesystem::path& path, const std::string& what) {
        try {
            pb::PrototypeRouter::load(path);
            ADD_FAILURE() << what << ": no error";
        } catch (const pb::Error& e) {
            EXPECT_EQ(e.file(), path.string()) << what << ": " << e.what();
        }
    };
    expectError(dir / "missing.safetensors", "missing");

    {
        std::ofstream out(dir / "garbage.safetensors", std::ios::binary);
        out << "this is not a safetensors file at all";
    }
    expectError(dir / "garbage.safetensors", "garbage");

    pb::PrototypeRouter router;
    router.addImage("a", std::vector<float>{1, 2, 3});
    router.addImage("b", std::vector<float>{3, 2, 1});
    router.save(dir / "good.safetensors");
    {
        std::ifstream in(dir / "good.safetensors", std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), {});
        std::ofstream out(dir / "truncated.safetensors", std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size() - 5));
    }
    expectError(dir / "truncated.safetensors", "truncated");

    // A valid safetensors file that is not a router.
    const float values[6] = {1, 2, 3, 4, 5, 6};
    pb::SafetensorsWriter foreign;
    foreign.addFloat32("prototypes", {2, 3}, values);
    foreign.save(dir / "foreign.safetensors");
    expectError(dir / "foreign.safetensors", "foreign");

    // Right format, inconsistent content: three names for two prototypes.
    const std::int64_t counts[2] = {1, 1};
    pb::SafetensorsWriter wrong;
    wrong.setMetadata("patchbank.format", "patchbank.prototype_router");
    wrong.setMetadata("patchbank.format_version", "1");
    wrong.setMetadata("patchbank.metric", "l2");
    wrong.setMetadata("patchbank.products", "[\"a\",\"b\",\"c\"]");
    wrong.addFloat32("prototypes", {2, 3}, values);
    wrong.add("image_counts", pb::DType::I64, {2}, counts, sizeof(counts));
    wrong.save(dir / "inconsistent.safetensors");
    expectError(dir / "inconsistent.safetensors", "inconsistent");

    wrong.setMetadata("patchbank.products", "[\"a\",\"b\"]");
    wrong.setMetadata("patchbank.format_version", "99");
    wrong.save(dir / "future.safetensors");
    expectError(dir / "future.safetensors", "future version");

    wrong.setMetadata("patchbank.format_version", "1");
    EXPECT_NO_THROW(wrong.save(dir / "fixed.safetensors"));
    EXPECT_EQ(pb::PrototypeRouter::load(dir / "fixed.safetensors").products(), 2u);
}
