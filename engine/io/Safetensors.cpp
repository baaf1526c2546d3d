#include "engine/io/Safetensors.h"

#include <cstring>

#include "engine/util/Error.h"

namespace pb {

namespace {

struct DTypeName {
    DType dtype;
    const char* name;
    std::size_t size;
};

constexpr DTypeName kDTypes[] = {
    {DType::F64, "F64", 8}, {DType::F32, "F32", 4}, {DType::F16, "F16", 2}, {DType::BF16, "BF16", 2},
    {DType::I64, "I64", 8}, {DType::I32, "I32", 4}, {DType::I16, "I16", 2}, {DType::I8, "I8", 1},
    {DType::U8, "U8", 1},   {DType::Bool, "BOOL", 1},
};

float bitsToFloat(std::uint32_t bits) {
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

}  // namespace

std::size_t dtypeSize(DType dtype) {
    for (const auto& d : kDTypes)
        if (d.dtype == dtype) return d.size;
    throw Error("unknown dtype " + std::to_string(static_cast<int>(dtype)));
}

std::string toString(DType dtype) {
    for (const auto& d : kDTypes)
        if (d.dtype == dtype) return d.name;
    throw Error("unknown dtype " + std::to_string(static_cast<int>(dtype)));
}

bool parseDType(const std::string& text, DType& dtype) {
    for (const auto& d : kDTypes) {
        if (text == d.name) {
            dtype = d.dtype;
            return true;
        }
    }
    return false;
}

std::size_t TensorInfo::numel() const {
    std::size_t n = 1;
    for (auto d : shape) n *= static_cast<std::size_t>(d);
    return n;
}

float halfToFloat(std::uint16_t h) {
    const std::uint32_t sign = static_cast<std::uint32_t>(h & 0x8000u) << 16;
    const std::uint32_t exponent = (h >> 10) & 0x1fu;
    std::uint32_t mantissa = h & 0x3ffu;
    if (exponent == 0x1f) return bitsToFloat(sign | 0x7f800000u | (mantissa << 13));  // inf / nan
    if (exponent != 0) return bitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    if (mantissa == 0) return bitsToFloat(sign);
    // Subnormal half: normalise into a float exponent.
    int e = -1;
    do {
        ++e;
        mantissa <<= 1;
    } while ((mantissa & 0x400u) == 0);
    return bitsToFloat(sign | static_cast<std::uint32_t>(112 - e) << 23 | ((mantissa & 0x3ffu) << 13));
}

float bfloat16ToFloat(std::uint16_t bits) { return bitsToFloat(static_cast<std::uint32_t>(bits) << 16); }

}  // namespace pb
