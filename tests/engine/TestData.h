// Where tests find the data that lives beside the project (../shared) and scratch space.
#pragma once
#include <gtest/gtest.h>

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

// A fresh empty folder for one test.
inline std::filesystem::path scratchDir(const std::string& name) {
    auto p = std::filesystem::temp_directory_path() / ("patchbank-test-" + name);
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
