// Sha256 against the FIPS 180-4 vectors and the system's sha256sum.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "engine/io/AtomicFile.h"
#include "engine/util/Error.h"
#include "engine/util/Sha256.h"
#include "tests/engine/TestData.h"

TEST(Sha256, StandardVectors) {
    EXPECT_EQ(pb::sha256Hex("", 0), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(pb::sha256Hex("abc", 3), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const std::string two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";  // 448 bits
    EXPECT_EQ(pb::sha256Hex(two.data(), two.size()),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    const std::string million(1000000, 'a');
    EXPECT_EQ(pb::sha256Hex(million.data(), million.size()),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, IncrementalEqualsOneShot) {
    std::string data(10007, '\0');
    for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<char>((i * 131 + 7) % 251);
    const std::string whole = pb::sha256Hex(data.data(), data.size());
    pb::Sha256 h;
    for (std::size_t pos = 0, step = 1; pos < data.size(); pos += step, step = step * 3 % 97 + 1)
        h.update(data.data() + pos, std::min(step, data.size() - pos));
    EXPECT_EQ(h.hexDigest(), whole);
    // After finalising the hasher starts over.
    h.update("abc", 3);
    EXPECT_EQ(h.hexDigest(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, FileMatchesSha256sum) {
    if (!std::filesystem::exists("/usr/bin/sha256sum")) GTEST_SKIP() << "/usr/bin/sha256sum not installed";
    const auto dir = pb::test::scratchDir("sha256-file");
    const auto file = dir / "big.bin";
    std::string data(3 * 1024 * 1024 + 12345, '\0');  // several read blocks plus a tail
    std::uint32_t s = 12345;
    for (char& c : data) {
        s = s * 1664525u + 1013904223u;
        c = static_cast<char>(s >> 24);
    }
    pb::writeFileAtomic(file, data);

    std::string expected;
    FILE* pipe = ::popen(("/usr/bin/sha256sum '" + file.string() + "'").c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    char buf[256];
    while (std::fgets(buf, sizeof buf, pipe)) expected += buf;
    ::pclose(pipe);
    ASSERT_GE(expected.size(), 64u);
    EXPECT_EQ(pb::sha256File(file), expected.substr(0, 64));
    EXPECT_EQ(pb::sha256File(file), pb::sha256Hex(data.data(), data.size()));
    EXPECT_THROW(pb::sha256File(dir / "missing.bin"), pb::Error);
}
