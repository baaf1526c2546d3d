// Collects the tensors and metadata of a memory-bank file and fingerprints every tensor, so that
// readBank can detect a corrupted file before it trusts any of it (a flipped bit in the vectors would
// otherwise silently change every score).
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "engine/io/Safetensors.h"

namespace pb {

class BankFileWriter {
public:
    void addTensor(const std::string& name, DType dtype, std::vector<int64_t> shape, const void* data,
                   std::size_t bytes);
    void setMetadata(const std::string& key, const std::string& value);
    // Adds the "checksum" metadata, creates the parent folders and writes atomically.
    void save(const std::filesystem::path& path);

    // SHA-256 over "name:sha256(bytes)\n" of every tensor in name order: what "checksum" holds.
    static std::string checksum(const std::map<std::string, std::string>& tensorDigests);
    // Recomputes the checksum of a file; pb::Error naming the file when it is absent or differs.
    static void verify(const SafetensorsFile& file);

private:
    SafetensorsWriter writer_;
    std::map<std::string, std::string> digests_;
};

}  // namespace pb
