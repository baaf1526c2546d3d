// SHA-256 (FIPS 180-4) for content fingerprints: feature-cache keys, weight and data-set checks.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace pb {

// Incremental hasher: update() any number of times, then hexDigest() once.
class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t size);
    // Finalises and returns 64 lowercase hex digits; afterwards the hasher starts over.
    std::string hexDigest();

private:
    void compress(const std::uint8_t* block);
    void reset();

    std::array<std::uint32_t, 8> state_{};
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t totalBytes_ = 0;
};

std::string sha256Hex(const void* data, std::size_t size);
// Streams the file in blocks; throws pb::Error naming the file when it cannot be read.
std::string sha256File(const std::filesystem::path& path);

}  // namespace pb
