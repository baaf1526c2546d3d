// MeDS's published noisy training lists, read against the real MVTec AD bottle listing.
#include <gtest/gtest.h>

#include <fstream>

#include "TestData.h"
#include "engine/dataset/DatasetReader.h"
#include "engine/purify/NoisyTrainingSplit.h"
#include "engine/util/Error.h"

using namespace pb::purify;

TEST(NoisyTrainingSplit, BottleAtTenPercentNoise) {
    PB_REQUIRE_SHARED();
    const auto shared = pb::test::sharedDir();
    const pb::Dataset dataset = pb::openDataset(shared / "data/mvtec_ad");
    const NoisyTrainingSet set =
        readNoisyTrainingSplit(shared / "reference/meds/MVTech/train_mvtec_nr10_seed_0.csv", dataset, "bottle");
    EXPECT_EQ(set.train.size(), 230u);  // the 209 good training images and 21 defects
    EXPECT_EQ(set.defective(), 21u);
    EXPECT_EQ(set.test.size(), 83u - 21u);
    for (const auto& s : set.train) {
        EXPECT_EQ(s.split, pb::Split::Train);
        if (s.label == 1) EXPECT_FALSE(s.maskPaths.empty()) << s.path;
    }
    for (const auto& t : set.test)
        for (const auto& s : set.train) ASSERT_NE(t.path, s.path);
}

TEST(NoisyTrainingSplit, RefusesWhatItCannotUse) {
    PB_REQUIRE_SHARED();
    const auto shared = pb::test::sharedDir();
    const pb::Dataset dataset = pb::openDataset(shared / "data/mvtec_ad");
    const auto dir = pb::test::scratchDir("noisy-split");
    std::ofstream(dir / "bad_header.csv") << "file,class\n";
    std::ofstream(dir / "missing.csv") << "filename,clsname\nbottle/train/good/999.png,bottle\n";
    EXPECT_THROW(readNoisyTrainingSplit(dir / "bad_header.csv", dataset, "bottle"), pb::Error);
    try {
        readNoisyTrainingSplit(dir / "missing.csv", dataset, "bottle");
        FAIL() << "a missing file was accepted";
    } catch (const pb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("999.png"), std::string::npos) << e.what();
    }
    EXPECT_THROW(readNoisyTrainingSplit(shared / "reference/meds/MVTech/train_mvtec_nr10_seed_0.csv", dataset, "cable"),
                 pb::Error);  // no row of a product the data set lacks
}
