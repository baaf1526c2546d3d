// A memory bank of plain float32 vectors searched exactly (createExactKnn(method, rows, dim)): the bank of every
// compressor spec (flat, random, coreset, vwcoreset, kmeans, kmeans_residual).
#pragma once
#include <map>
#include <memory>
#include <mutex>

#include "engine/bank/BankSpec.h"
#include "engine/bank/MemoryBank.h"

namespace pb {

class ExactKnn;

class FlatBank : public MemoryBank {
public:
    explicit FlatBank(const BankSpec& spec);
    ~FlatBank() override;

    std::string spec() const override { return spec_.toString(); }
    int dim() const override { return dim_; }
    std::unique_ptr<MemoryBank> clone() const override;
    void build(const float* vectors, std::size_t count, int dim, std::int32_t tag, const Progress& progress) override;
    void add(const float* vectors, std::size_t count, std::int32_t tag, const Progress& progress) override;
    void append(const MemoryBank& other) override;
    KnnResult search(const float* queries, std::size_t count, int k) const override;
    KnnResult searchTag(const float* queries, std::size_t count, int k, std::int32_t tag) const override;
    std::size_t size() const override { return sourceIndex_.size(); }
    std::size_t sourceCount() const override { return sourceCount_; }
    std::size_t bytes() const override { return vectors_.size() * sizeof(float); }
    std::int32_t tag(std::int64_t row) const override;
    std::int64_t sourceIndex(std::int64_t row) const override;
    std::vector<float> vectors() const override { return vectors_; }
    void save(BankFileWriter& out) const override;
    void load(const SafetensorsFile& file) override;
    void setSearchMethod(const std::string& method) override;
    std::string searchMethod() const override;

    // Vectors kept per source vector by add(): the fraction of a fraction budget, else the ratio
    // build() achieved (0 before any build).
    double keepRatio() const { return keepRatio_; }

private:
    struct TagIndex {
        std::unique_ptr<ExactKnn> index;
        std::vector<std::int64_t> rows;
    };
    void appendRows(const float* vectors, std::size_t count, const std::int64_t* sourceIndex, std::int32_t tag,
                    const std::int32_t* tags);
    void rebuildIndex();

    BankSpec spec_;
    int dim_ = 0;
    std::vector<float> vectors_;
    std::vector<std::int32_t> tags_;
    std::vector<std::int64_t> sourceIndex_;
    std::size_t sourceCount_ = 0;
    std::uint64_t batches_ = 0;  // build + adds so far: the seed of batch b is spec seed + b
    double keepRatio_ = 0;
    std::string method_ = "auto";
    std::unique_ptr<ExactKnn> index_;
    mutable std::mutex tagMutex_;  // searchTag builds its per-tag indexes lazily, possibly from several threads
    mutable std::map<std::int32_t, TagIndex> tagIndexes_;
};

}  // namespace pb
