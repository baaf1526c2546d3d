// patchbank-cli restarts itself once so that libgomp waits passively (pb::restartWithPassiveOpenMp),
// and keeps a policy the user chose. OMP_DISPLAY_ENV makes libgomp print what it read when it loaded.
#include <gtest/gtest.h>

#include <string>

#include "cli/CliRunner.h"

namespace pb::test {
namespace {

TEST(CliOpenMp, WaitsPassivelyUnlessTheUserChoseAPolicy) {
    const std::string cli = std::string(PATCHBANK_CLI) + " version";
    const CliRun ours = runShell("env -u OMP_WAIT_POLICY -u GOMP_SPINCOUNT OMP_DISPLAY_ENV=verbose " + cli);
    ASSERT_EQ(ours.exitCode, 0) << ours.output;
    EXPECT_NE(ours.output.find("GOMP_SPINCOUNT = '0'"), std::string::npos) << ours.output;

    const CliRun users = runShell("env -u GOMP_SPINCOUNT OMP_WAIT_POLICY=active OMP_DISPLAY_ENV=verbose " + cli);
    ASSERT_EQ(users.exitCode, 0) << users.output;
    EXPECT_NE(users.output.find("OMP_WAIT_POLICY = 'ACTIVE'"), std::string::npos) << users.output;
    EXPECT_EQ(users.output.find("GOMP_SPINCOUNT = '0'"), std::string::npos) << users.output;
}

}  // namespace
}  // namespace pb::test
