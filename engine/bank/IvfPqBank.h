// A memory bank stored as a FAISS IndexIVFPQ (CPU): every source vector encoded as m codes of nbits
// against codebooks trained on the bank's own vectors, searched approximately in nprobe of nlist
// inverted lists. FAISS stays inside the .cpp.
#pragma once
#include <memory>

#include "engine/bank/BankSpec.h"
#include "engine/bank/MemoryBank.h"

namespace faiss {
struct IndexIVFPQ;
}

namespace pb {

class IvfPqBank : public MemoryBank {
public:
    explicit IvfPqBank(const BankSpec& spec);
    ~IvfPqBank() override;

    std::string spec() const override { return spec_.toString(); }
    int dim() const override { return dim_; }
    std::unique_ptr<MemoryBank> clone() const override;
    // Trains the coarse quantiser (nlist k-means centroids) and the product quantiser on the given
    // vectors, then encodes them all. pb::Error when dim % m != 0 or there are fewer vectors than nlist
    // or 2^nbits (FAISS cannot train); a Progress problem when fewer than the 39 per centroid FAISS
    // recommends.
    void build(const float* vectors, std::size_t count, int dim, std::int32_t tag, const Progress& progress) override;
    // Encodes with the codebooks trained at build, no retraining.
    void add(const float* vectors, std::size_t count, std::int32_t tag, const Progress& progress) override;
    // Re-encodes the other bank's reconstructed vectors with this bank's codebooks (lossy: the two
    // quantisation errors add up).
    void append(const MemoryBank& other) override;
    // Distances are the square roots of FAISS's squared asymmetric (ADC) distances, so approximate. When
    // the probed lists hold fewer than k vectors the missing neighbours are index -1, distance +inf.
    KnnResult search(const float* queries, std::size_t count, int k) const override;
    KnnResult searchTag(const float* queries, std::size_t count, int k, std::int32_t tag) const override;
    std::size_t size() const override { return sourceIndex_.size(); }
    std::size_t sourceCount() const override { return sourceCount_; }
    // Codes and ids of the inverted lists (m*nbits/8 rounded up + 8 bytes per vector) + coarse centroids
    // + PQ codebooks. FAISS's precomputed distance tables are derived from those and not counted.
    std::size_t bytes() const override;
    std::int32_t tag(std::int64_t row) const override;
    std::int64_t sourceIndex(std::int64_t row) const override;
    std::vector<float> vectors() const override;
    void save(BankFileWriter& out) const override;
    void load(const SafetensorsFile& file) override;

    int nprobe() const { return spec_.nprobe; }
    void setNprobe(int nprobe);  // 1..nlist; also changes spec()

private:
    void encode(const float* vectors, std::size_t count);
    KnnResult searchRows(const float* queries, std::size_t count, int k, const std::int32_t* tag) const;  // null: all

    BankSpec spec_;
    int dim_ = 0;
    std::unique_ptr<faiss::IndexIVFPQ> index_;
    std::vector<std::int32_t> tags_;
    std::vector<std::int64_t> sourceIndex_;
    std::size_t sourceCount_ = 0;
    std::uint64_t batches_ = 0;
};

}  // namespace pb
