// Read-only view of a .safetensors file (Hugging Face / timm weights, test fixtures).
// open() maps the file and validates the whole header before anything is handed out:
// a damaged or hostile file gives a pb::Error naming the file, never a crash.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/io/Safetensors.h"

namespace pb {

class SafetensorsFile {
public:
    // Maps the file and validates it: sane header length, well-formed JSON, known dtypes,
    // shape x dtype size == byte range, ranges inside the file, not overlapping, covering
    // the data section.
    static SafetensorsFile open(const std::filesystem::path& path);

    // In file order (by offset).
    const std::vector<TensorInfo>& tensors() const { return tensors_; }
    bool contains(const std::string& name) const;
    // Throws pb::Error naming the tensor and the file when it is absent.
    const TensorInfo& info(const std::string& name) const;
    // Raw little-endian bytes of the tensor; not necessarily aligned for its dtype.
    const std::uint8_t* data(const std::string& name) const;
    // The tensor's elements as float32; accepts F32, F16, BF16 and F64.
    std::vector<float> toFloat32(const std::string& name) const;
    // The header's "__metadata__" (string to string), empty when absent.
    const std::map<std::string, std::string>& metadata() const { return metadata_; }
    const std::filesystem::path& path() const { return path_; }

private:
    struct Mapping;

    std::filesystem::path path_;
    std::shared_ptr<const Mapping> mapping_;  // shared: copies of the file share one mapping
    const std::uint8_t* dataSection_ = nullptr;
    std::vector<TensorInfo> tensors_;
    std::map<std::string, std::size_t> index_;
    std::map<std::string, std::string> metadata_;
};

}  // namespace pb
