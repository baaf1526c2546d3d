// Where tests find the data that lives beside the project (../shared) and scratch space.
#pragma once
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace pb::test {

inline std::filesystem::path sourceDir() { return PATCHBANK_SOURCE_DIR; }

// ../shared next to the project root, or empty when it is absent (a clone elsewhere).
inline std::filesystem::path sharedDir() {
    auto p = sourceDir().parent_path() / "shared";
    if (const char* env = std::getenv("PATCHBANK_SHARED")) p = env;
    return std::filesystem::exists(p / "README.md") ? p : std::filesystem::path{};
}

// This test process's scratch space: its own folder, so that tests running in parallel (ctest -j)
// never share or delete each other's files; removed when the process ends normally, kept with
// PATCHBANK_KEEP_TEST_FILES=1.
class ScratchRoot {
public:
    ScratchRoot()
        : path_(std::filesystem::temp_directory_path() / ("patchbank-test-" + std::to_string(::getpid()))) {}
    ~ScratchRoot() {
        const char* keep = std::getenv("PATCHBANK_KEEP_TEST_FILES");
        std::error_code ignored;
        if (!keep || std::string(keep) != "1") std::filesystem::remove_all(path_, ignored);
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline const std::filesystem::path& scratchRoot() {
    static const ScratchRoot root;
    return root.path();
}

// A fresh empty folder for one test.
inline std::filesystem::path scratchDir(const std::string& name) {
    auto p = scratchRoot() / name;
    std::filesystem::remove_all(p);
    std::filesystem::create_directories(p);
    return p;
}

}  // namespace pb::test

// Skips the current test, saying why, when ../shared is not beside the project.
#define PB_REQUIRE_SHARED()                                                                 \
    do {                                                                                     \
        if (pb::test::sharedDir().empty())                                                   \
            GTEST_SKIP() << "../shared (data, weights, fixtures) is not beside the project"; \
    } while (0)
