#include <gtest/gtest.h>

#include "engine/util/Version.h"

TEST(Version, ReportsLibraryVersions) {
    auto v = pb::versionInfo();
    EXPECT_FALSE(v.patchbank.empty());
    EXPECT_FALSE(v.torch.empty());
    EXPECT_FALSE(v.opencv.empty());
}
