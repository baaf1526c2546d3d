// The safetensors vocabulary shared by the reader and the writer: element types and the
// description of one tensor. Including this header also brings in SafetensorsFile and
// SafetensorsWriter, so users need only `#include "engine/io/Safetensors.h"`.
// Plain C++ (no LibTorch): the format is a little-endian u64 header length, a JSON header,
// then the raw little-endian tensor bytes.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace pb {

enum class DType { F64, F32, F16, BF16, I64, I32, I16, I8, U8, Bool };

// Bytes per element.
std::size_t dtypeSize(DType dtype);
// The safetensors spelling: "F32", "BF16", "BOOL", ...
std::string toString(DType dtype);
// Parses the safetensors spelling; returns false for a name this reader does not know.
bool parseDType(const std::string& text, DType& dtype);

struct TensorInfo {
    std::string name;
    DType dtype = DType::F32;
    std::vector<int64_t> shape;
    std::size_t offset = 0;  // from the start of the data section
    std::size_t bytes = 0;

    std::size_t numel() const;
};

// IEEE half and bfloat16 to float (exact conversions).
float halfToFloat(std::uint16_t bits);
float bfloat16ToFloat(std::uint16_t bits);

}  // namespace pb

#include "engine/io/SafetensorsFile.h"
#include "engine/io/SafetensorsWriter.h"
