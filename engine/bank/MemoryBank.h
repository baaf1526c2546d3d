// The memory bank: the compressed set of nominal patch features a test patch is compared with. One
// interface in the spirit of faiss::Index, created from a spec string ("coreset:1/16", see BankSpec.h)
// and stored in one versioned safetensors file. Every stored vector carries the tag of the product it
// came from, so that several products can share one bank.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "engine/features/FeatureIdentity.h"
#include "engine/knn/KnnResult.h"
#include "engine/util/Progress.h"

namespace pb {

class BankFileWriter;
class SafetensorsFile;

// What features a bank was built from; loading it against other features is refused.
struct BankProvenance {
    FeatureIdentity features;  // the loaded backbone's identity and the input geometry
    std::string layers;        // feature layers as the user named them, e.g. "layer2,layer3" (for display)
    int dim = 0;               // feature dimension (writeBank fills 0 from the bank)
};

class MemoryBank {
public:
    virtual ~MemoryBank() = default;

    // The factory string, normalised ("coreset:0.0625").
    virtual std::string spec() const = 0;
    virtual int dim() const = 0;
    // An independent copy with the same content and search results (a published bank stays unchanged
    // while its copy takes more images).
    virtual std::unique_ptr<MemoryBank> clone() const = 0;
    // Replaces the content: compresses (per the spec) and stores `count` source vectors [count][dim],
    // all of product `tag`.
    virtual void build(const float* vectors, std::size_t count, int dim, std::int32_t tag, const Progress& progress) = 0;
    // Incremental: compresses the new vectors the same way (the same fraction, or the ratio kept at
    // build for a count or MB budget) and appends them; existing rows are untouched, nothing is rebuilt.
    virtual void add(const float* vectors, std::size_t count, std::int32_t tag, const Progress& progress) = 0;
    // Appends another bank's stored vectors with their tags (shared multi-product banks). Same dim and
    // kind; their source indices are shifted past this bank's sources (see sourceIndex).
    virtual void append(const MemoryBank& other) = 0;
    // Euclidean distances, ascending, ties to the smaller row; 1 <= k <= size() (pb::Error otherwise).
    virtual KnnResult search(const float* queries, std::size_t count, int k) const = 0;
    // Search only among rows whose tag equals `tag` (routing to one product inside a shared bank);
    // returned indices are rows of the whole bank.
    virtual KnnResult searchTag(const float* queries, std::size_t count, int k, std::int32_t tag) const = 0;
    virtual std::size_t size() const = 0;         // stored vectors
    virtual std::size_t sourceCount() const = 0;  // source vectors given to build/add (and appended banks')
    // Bytes of the searchable representation (vectors, or codes + IVF lists + coarse centroids and codebooks);
    // compression ratio = 4 * dim * sourceCount() / bytes().
    virtual std::size_t bytes() const = 0;
    virtual std::int32_t tag(std::int64_t row) const = 0;
    // Row of the concatenation of every source vector in the order they entered the bank (build, then
    // each add, then each appended bank's sources), or -1 for a synthetic vector (a centroid).
    virtual std::int64_t sourceIndex(std::int64_t row) const = 0;
    // Stored (or, for a quantised bank, reconstructed) vectors [size()][dim()].
    virtual std::vector<float> vectors() const = 0;

    // Serialisation hooks of writeBank/readBank: the bank's own tensors and metadata. load() throws
    // pb::Error naming the file when the content is inconsistent.
    virtual void save(BankFileWriter& out) const = 0;
    virtual void load(const SafetensorsFile& file) = 0;

    // The exact kNN method (createExactKnn) of banks searched exactly; "auto" (the default) picks one by
    // the bank's size. An execution setting, not part of the bank: files do not record it. Banks searched
    // otherwise (IVF-PQ) ignore it. pb::Error on an unknown method, and the bank keeps its previous one.
    virtual void setSearchMethod(const std::string& method) { (void)method; }
    // The method searching the bank now ("projected", "blas", ...), empty when empty or not exact.
    virtual std::string searchMethod() const { return {}; }
};

// "flat", "random:B", "coreset:B", "vwcoreset:B", "kmeans:B", "kmeans_residual:B" give an exact-search
// FlatBank; "ivfpq:..." an IvfPqBank. pb::Error on a malformed spec, naming the bad part.
std::unique_ptr<MemoryBank> createBank(const std::string& spec);

// One safetensors file, written atomically (parent folders created): metadata format "patchbank-bank",
// version, spec, provenance, tag names, a SHA-256 of the tensors; tensors vectors / source_index / tag
// (and faiss_index for IVF-PQ). When tagNames is not empty every tag must index into it.
void writeBank(const MemoryBank& bank, const BankProvenance& provenance, const std::vector<std::string>& tagNames,
               const std::filesystem::path& path);

struct LoadedBank {
    std::unique_ptr<MemoryBank> bank;
    BankProvenance provenance;
    std::vector<std::string> tagNames;
};

// pb::Error naming the file when it is missing, not a bank, of another format version, truncated or corrupt.
LoadedBank readBank(const std::filesystem::path& path);
// Also refuses a bank built from other features, naming the field that differs.
LoadedBank readBank(const std::filesystem::path& path, const BankProvenance& expected);

}  // namespace pb
