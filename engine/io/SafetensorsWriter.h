// Builds a .safetensors file in memory and writes it atomically (temp file + rename).
// The layout follows the official writer: tensors sorted by element size (largest first)
// then name, so every tensor is aligned; header padded with spaces to a multiple of 8.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "engine/io/Safetensors.h"

namespace pb {

class SafetensorsWriter {
public:
    // Copies `bytes` bytes from `data`; throws pb::Error when the size does not match
    // shape x dtype size, the name is empty or reserved, or the name was already added.
    void add(const std::string& name, DType dtype, std::vector<int64_t> shape, const void* data,
             std::size_t bytes);
    void addFloat32(const std::string& name, std::vector<int64_t> shape, const float* data);
    void setMetadata(const std::string& key, const std::string& value);
    // Throws pb::Error naming the path when it cannot be written.
    void save(const std::filesystem::path& path) const;

private:
    struct Entry {
        std::string name;
        DType dtype;
        std::vector<int64_t> shape;
        std::vector<std::uint8_t> bytes;
    };
    std::vector<Entry> entries_;
    std::map<std::string, std::string> metadata_;
};

}  // namespace pb
