// Checks and file helpers shared by the memory-bank implementations, so that every bank rejects the
// same inputs with the same messages and stores its per-row data the same way.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace pb {
class BankFileWriter;
class SafetensorsFile;
}  // namespace pb

namespace pb::bank {

// Throws pb::Error unless dim >= 1 and every value is finite; `who` names the operation.
void checkVectors(const std::string& who, const float* vectors, std::size_t count, int dim);
// Throws pb::Error unless 0 <= row < size.
void checkRow(std::int64_t row, std::size_t size);

// Per-row data and counters common to every bank.
struct RowData {
    std::vector<std::int32_t> tags;
    std::vector<std::int64_t> sourceIndex;
    std::size_t sourceCount = 0;
    std::uint64_t batches = 0;
    double keepRatio = 0;
};
void saveRows(BankFileWriter& out, const RowData& rows);
// Reads and validates the tensors "tag" and "source_index" (one entry per row) and the counters.
RowData loadRows(const SafetensorsFile& file);

// Metadata value; pb::Error naming the file and the key when absent or not a number.
std::string metadata(const SafetensorsFile& file, const std::string& key);
std::uint64_t metadataUnsigned(const SafetensorsFile& file, const std::string& key);
double metadataDouble(const SafetensorsFile& file, const std::string& key);

// The number of vectors add() keeps of `count` new ones: the spec's fraction for a fraction budget,
// else round(keepRatio * count); at least 1 and at most count (0 for count 0).
std::size_t addBudget(const std::string& spec, std::size_t count, int dim, double keepRatio);

}  // namespace pb::bank
