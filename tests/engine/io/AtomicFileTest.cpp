// writeFileAtomic / readFileBytes: replace in place, no temporaries left, errors name the file.
#include <gtest/gtest.h>

#include <string>

#include <sys/wait.h>
#include <unistd.h>

#include "engine/io/AtomicFile.h"
#include "engine/util/Error.h"
#include "tests/engine/TestData.h"

namespace fs = std::filesystem;

namespace {
std::size_t entriesIn(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}
}  // namespace

TEST(AtomicFile, ReplacesContentAndLeavesNoTemporary) {
    const fs::path dir = pb::test::scratchDir("atomic-file");
    const fs::path file = dir / "nested/deeper/data.bin";
    pb::writeFileAtomic(file, std::string("first version, rather long"));
    EXPECT_EQ(pb::readFileBytes(file), "first version, rather long");
    pb::writeFileAtomic(file, std::string("second"));
    EXPECT_EQ(pb::readFileBytes(file), "second");
    EXPECT_EQ(entriesIn(file.parent_path()), 1u);

    const std::string binary("a\0b\xff", 4);
    pb::writeFileAtomic(file, binary.data(), binary.size());
    EXPECT_EQ(pb::readFileBytes(file), binary);
    pb::writeFileAtomic(file, std::string());
    EXPECT_EQ(pb::readFileBytes(file), "");
    EXPECT_EQ(entriesIn(file.parent_path()), 1u);
}

TEST(AtomicFile, FailuresThrowNamingTheFileAndLeaveNothing) {
    const fs::path dir = pb::test::scratchDir("atomic-file-errors");
    const fs::path missing = dir / "missing.txt";
    try {
        pb::readFileBytes(missing);
        ADD_FAILURE();
    } catch (const pb::Error& e) {
        EXPECT_NE(std::string(e.what()).find(missing.string()), std::string::npos);
    }
    EXPECT_THROW(pb::readFileBytes(dir), pb::Error);  // a folder

    // A file where a folder is needed: the parent cannot be created.
    pb::writeFileAtomic(dir / "blocker", std::string("x"));
    const fs::path blocked = dir / "blocker/child.txt";
    try {
        pb::writeFileAtomic(blocked, std::string("y"));
        ADD_FAILURE();
    } catch (const pb::Error& e) {
        EXPECT_NE(std::string(e.what()).find(blocked.string()), std::string::npos);
    }
    // A folder in the way of the file.
    fs::create_directories(dir / "taken");
    EXPECT_THROW(pb::writeFileAtomic(dir / "taken", std::string("z")), pb::Error);
    EXPECT_EQ(entriesIn(dir), 2u);  // blocker and taken, no temporaries
}

TEST(AtomicFile, StaleTemporariesOfDeadWritersAreRemoved) {
    const fs::path dir = pb::test::scratchDir("atomic-stale");
    const pid_t child = fork();
    if (child == 0) _exit(0);
    int status = 0;
    waitpid(child, &status, 0);  // a pid that no longer runs
    char host[256] = "host";
    gethostname(host, sizeof host - 1);
    const std::string self = std::to_string(getpid());
    const std::string dead = std::to_string(child);
    const std::string stale = ".bank.pbbank.tmp." + std::string(host) + "." + dead + ".3";
    const std::string live = ".bank.pbbank.tmp." + std::string(host) + "." + self + ".4";
    const std::string otherHost = ".bank.pbbank.tmp.other-machine." + dead + ".5";
    for (const std::string& name : {stale, live, otherHost}) pb::writeFileAtomic(dir / name, std::string("partial"));
    EXPECT_EQ(pb::removeStaleTemporaries(dir), 1u);
    EXPECT_FALSE(fs::exists(dir / stale));
    EXPECT_TRUE(fs::exists(dir / live));
    EXPECT_TRUE(fs::exists(dir / otherHost));
}
