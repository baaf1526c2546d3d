#include <gtest/gtest.h>

#include <cmath>

#include "engine/knn/ExactKnn.h"
#include "engine/routing/WrongNeighbourRate.h"
#include "engine/util/Error.h"

TEST(WrongNeighbourRate, HandMadeCase) {
    // Rows 0-1: product 0, rows 2-3: product 1, row 4: product 2.
    pb::WrongNeighbourRate wnr({0, 0, 1, 1, 2}, {"a", "b", "c"});
    wnr.addImage(0, std::vector<std::int64_t>{0, 1, 2});  // 1 wrong of 3
    wnr.addImage(0, std::vector<std::int64_t>{4, 4});     // 2 wrong of 2
    wnr.addImage(1, std::vector<std::int64_t>{2, 3, 3, 0});  // 1 wrong of 4

    EXPECT_EQ(wnr.images(0), 2u);
    EXPECT_EQ(wnr.patches(0), 5u);
    EXPECT_EQ(wnr.wrongPatches(0), 3u);
    EXPECT_DOUBLE_EQ(wnr.rate(0), 0.6);
    EXPECT_DOUBLE_EQ(wnr.rate(1), 0.25);
    EXPECT_TRUE(std::isnan(wnr.rate(2)));  // no test image of c
    EXPECT_DOUBLE_EQ(wnr.averageRate(), (0.6 + 0.25) / 2);
    EXPECT_DOUBLE_EQ(wnr.pooledRate(), 4.0 / 9.0);
    EXPECT_EQ(wnr.rates().size(), 3u);

    EXPECT_THROW(wnr.addImage(0, std::vector<std::int64_t>{0, 5}), pb::Error);  // row outside the bank
    EXPECT_THROW(wnr.addImage(3, std::vector<std::int64_t>{0}), pb::Error);     // unknown product
    EXPECT_EQ(wnr.patches(0), 5u);  // a rejected image is not counted
    EXPECT_THROW(pb::WrongNeighbourRate({0, 3}, {"a", "b"}), pb::Error);
}

TEST(WrongNeighbourRate, FromAnExactSearchOnASharedBank) {
    // Shared bank in 1-D: product 0 near 0, product 1 near 10; one product-1 row sits at 1.
    const std::vector<float> bank = {0.0f, 0.5f, 10.0f, 11.0f, 1.0f};
    auto knn = pb::createExactKnn("auto");
    knn->setBank(bank.data(), bank.size(), 1);
    pb::WrongNeighbourRate wnr({0, 0, 1, 1, 1}, {"low", "high"});

    const std::vector<float> lowImage = {0.1f, 0.4f, 0.9f, 1.2f};  // last two nearest to row 4 (product 1)
    wnr.addImage(0, knn->search(lowImage.data(), lowImage.size(), 2));
    const std::vector<float> highImage = {9.0f, 10.4f, 12.0f};
    wnr.addImage(1, knn->search(highImage.data(), highImage.size(), 1));

    EXPECT_DOUBLE_EQ(wnr.rate(0), 0.5);
    EXPECT_DOUBLE_EQ(wnr.rate(1), 0.0);
    EXPECT_DOUBLE_EQ(wnr.averageRate(), 0.25);
    EXPECT_DOUBLE_EQ(wnr.pooledRate(), 2.0 / 7.0);
}
