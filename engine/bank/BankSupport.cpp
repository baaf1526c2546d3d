#include "engine/bank/BankSupport.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "engine/bank/BankFileWriter.h"
#include "engine/bank/BankSpec.h"
#include "engine/io/Safetensors.h"
#include "engine/util/Error.h"

namespace pb::bank {

void checkVectors(const std::string& who, const float* vectors, std::size_t count, int dim) {
    if (dim < 1) throw Error(who + ": the dimension must be at least 1, got " + std::to_string(dim));
    if (count > 0 && vectors == nullptr) throw Error(who + ": no vectors given");
    const std::size_t values = count * static_cast<std::size_t>(dim);
    for (std::size_t i = 0; i < values; ++i)
        if (!std::isfinite(vectors[i]))
            throw Error(who + ": vector " + std::to_string(i / dim) + " has a non-finite value");
}

void checkRow(std::int64_t row, std::size_t size) {
    if (row < 0 || static_cast<std::size_t>(row) >= size)
        throw Error("memory bank: row " + std::to_string(row) + " out of range [0, " + std::to_string(size) + ")");
}

void saveRows(BankFileWriter& out, const RowData& rows) {
    const auto n = static_cast<int64_t>(rows.tags.size());
    out.addTensor("tag", DType::I32, {n}, rows.tags.data(), rows.tags.size() * sizeof(std::int32_t));
    out.addTensor("source_index", DType::I64, {n}, rows.sourceIndex.data(),
                  rows.sourceIndex.size() * sizeof(std::int64_t));
    out.setMetadata("source_count", std::to_string(rows.sourceCount));
    out.setMetadata("batches", std::to_string(rows.batches));
    char ratio[64];
    std::snprintf(ratio, sizeof ratio, "%.17g", rows.keepRatio);
    out.setMetadata("keep_ratio", ratio);
}

RowData loadRows(const SafetensorsFile& file) {
    const std::string name = file.path().string();
    const TensorInfo& tag = file.info("tag");
    const TensorInfo& source = file.info("source_index");
    if (tag.dtype != DType::I32 || tag.shape.size() != 1) throw Error("bank tensor \"tag\" is not a 1-D I32 tensor", name);
    if (source.dtype != DType::I64 || source.shape != tag.shape)
        throw Error("bank tensor \"source_index\" is not an I64 tensor with one entry per row", name);
    RowData rows;
    rows.tags.resize(tag.numel());
    rows.sourceIndex.resize(source.numel());
    if (!rows.tags.empty()) std::memcpy(rows.tags.data(), file.data("tag"), tag.bytes);
    if (!rows.sourceIndex.empty()) std::memcpy(rows.sourceIndex.data(), file.data("source_index"), source.bytes);
    rows.sourceCount = metadataUnsigned(file, "source_count");
    rows.batches = metadataUnsigned(file, "batches");
    rows.keepRatio = metadataDouble(file, "keep_ratio");
    for (const auto s : rows.sourceIndex)
        if (s < -1 || (s >= 0 && static_cast<std::size_t>(s) >= rows.sourceCount))
            throw Error("bank source index " + std::to_string(s) + " out of range", name);
    return rows;
}

std::string metadata(const SafetensorsFile& file, const std::string& key) {
    const auto it = file.metadata().find(key);
    if (it == file.metadata().end()) throw Error("memory bank metadata lacks \"" + key + "\"", file.path().string());
    return it->second;
}

std::uint64_t metadataUnsigned(const SafetensorsFile& file, const std::string& key) {
    const std::string text = metadata(file, key);
    char* end = nullptr;
    const unsigned long long v = std::strtoull(text.c_str(), &end, 10);
    if (text.empty() || text[0] == '-' || end != text.c_str() + text.size())
        throw Error("memory bank metadata \"" + key + "\" is not a non-negative integer: " + text, file.path().string());
    return v;
}

double metadataDouble(const SafetensorsFile& file, const std::string& key) {
    const std::string text = metadata(file, key);
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(v))
        throw Error("memory bank metadata \"" + key + "\" is not a number: " + text, file.path().string());
    return v;
}

std::size_t addBudget(const std::string& specText, std::size_t count, int dim, double keepRatio) {
    if (count == 0) return 0;
    const BankSpec spec = parseBankSpec(specText);
    if (spec.budget.unit == BankBudget::Unit::All) return count;
    if (spec.budget.unit == BankBudget::Unit::Fraction) return spec.budget.resolve(count, dim);
    if (keepRatio <= 0) throw Error("memory bank " + specText + ": add() before build(), so no ratio to keep");
    const double kept = std::round(keepRatio * static_cast<double>(count));
    return static_cast<std::size_t>(std::clamp(kept, 1.0, static_cast<double>(count)));
}

}  // namespace pb::bank
