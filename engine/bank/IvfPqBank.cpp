#include "engine/bank/IvfPqBank.h"

#include <faiss/IndexFlat.h>
#include <faiss/IndexIVFPQ.h>
#include <faiss/clone_index.h>
#include <faiss/impl/FaissException.h>
#include <faiss/impl/IDSelector.h>
#include <faiss/impl/io.h>
#include <faiss/index_io.h>
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/bank/BankFileWriter.h"
#include "engine/bank/BankSupport.h"
#include "engine/io/Safetensors.h"
#include "engine/knn/OmpThreadsScope.h"
#include "engine/util/Error.h"

namespace pb {

namespace {

using FaissId = faiss::Index::idx_t;

// FAISS warns below this many training points per centroid.
constexpr std::size_t kRecommendedPointsPerCentroid = 39;
// Below this many float values FAISS's training and encoding run on one thread: it parallelises every
// k-means step with OpenMP, and on small sets a step is far shorter than a thread barrier (on a busy
// machine training 3000 x 16 vectors took 1.5 to 5 s with two threads, almost all of it in barriers).
constexpr std::size_t kParallelValues = std::size_t{1} << 20;

int threadsFor(std::size_t count, int dim) {
    return count * static_cast<std::size_t>(dim) < kParallelValues ? 1 : omp_get_max_threads();
}

// Admits only the rows of one product; ids are bank rows.
struct TagSelector : faiss::IDSelector {
    const std::vector<std::int32_t>& tags;
    std::int32_t tag;
    TagSelector(const std::vector<std::int32_t>& t, std::int32_t wanted) : tags(t), tag(wanted) {}
    bool is_member(FaissId id) const override { return tags[static_cast<std::size_t>(id)] == tag; }
};

}  // namespace

IvfPqBank::IvfPqBank(const BankSpec& spec) : spec_(spec) {
    if (spec.kind != BankKind::IvfPq) throw Error("IvfPqBank: " + spec.toString() + " is not an IVF-PQ spec");
}

IvfPqBank::~IvfPqBank() = default;

void IvfPqBank::setNprobe(int nprobe) {
    if (nprobe < 1 || nprobe > spec_.nlist)
        throw Error("memory bank " + spec() + ": nprobe " + std::to_string(nprobe) + " is not in [1, " +
                    std::to_string(spec_.nlist) + "]");
    spec_.nprobe = nprobe;
    if (index_) index_->nprobe = static_cast<std::size_t>(nprobe);
}

void IvfPqBank::build(const float* vectors, std::size_t count, int dim, std::int32_t tag, const Progress& progress) {
    const std::string who = "memory bank " + spec();
    bank::checkVectors(who, vectors, count, dim);
    if (dim % spec_.m != 0)
        throw Error(who + ": m=" + std::to_string(spec_.m) + " does not divide the dimension " + std::to_string(dim));
    const std::size_t codebook = std::size_t{1} << spec_.nbits;
    const std::size_t needed = std::max<std::size_t>(static_cast<std::size_t>(spec_.nlist), codebook);
    if (count < needed)
        throw Error(who + ": " + std::to_string(count) + " vectors cannot train nlist=" + std::to_string(spec_.nlist) +
                    " coarse centroids and 2^nbits=" + std::to_string(codebook) +
                    " codewords per sub-quantiser; give at least " + std::to_string(needed) +
                    " vectors or lower nlist/nbits");
    if (count < kRecommendedPointsPerCentroid * needed)
        progress.problem(spec(), "only " + std::to_string(count) + " training vectors; FAISS recommends at least " +
                                     std::to_string(kRecommendedPointsPerCentroid * needed) + " (39 per centroid)");

    auto quantizer = std::make_unique<faiss::IndexFlatL2>(dim);
    auto index = std::make_unique<faiss::IndexIVFPQ>(quantizer.get(), dim, static_cast<std::size_t>(spec_.nlist),
                                                     static_cast<std::size_t>(spec_.m),
                                                     static_cast<std::size_t>(spec_.nbits));
    index->own_fields = true;
    quantizer.release();
    // The shortage was reported above through Progress; FAISS would also print it to stderr.
    index->cp.min_points_per_centroid = 1;
    index->pq.cp.min_points_per_centroid = 1;
    index->nprobe = static_cast<std::size_t>(spec_.nprobe);
    progress.step("ivfpq training", 0, 2);
    try {
        OmpThreadsScope threads(threadsFor(count, dim));
        index->train(static_cast<FaissId>(count), vectors);
    } catch (const faiss::FaissException& e) {
        throw Error(who + ": FAISS training failed: " + e.what());
    }
    index_ = std::move(index);
    dim_ = dim;
    tags_.clear();
    sourceIndex_.clear();
    sourceCount_ = 0;
    progress.step("ivfpq encoding", 1, 2);
    encode(vectors, count);
    tags_.assign(count, tag);
    for (std::size_t i = 0; i < count; ++i) sourceIndex_.push_back(static_cast<std::int64_t>(i));
    sourceCount_ = count;
    batches_ = 1;
}

void IvfPqBank::encode(const float* vectors, std::size_t count) {
    if (count == 0) return;
    try {
        OmpThreadsScope threads(threadsFor(count, dim_));
        index_->add(static_cast<FaissId>(count), vectors);  // ids continue from ntotal = bank rows
    } catch (const faiss::FaissException& e) {
        throw Error("memory bank " + spec() + ": FAISS encoding failed: " + e.what());
    }
}

std::unique_ptr<MemoryBank> IvfPqBank::clone() const {
    auto copy = std::make_unique<IvfPqBank>(spec_);
    copy->dim_ = dim_;
    if (index_) copy->index_.reset(dynamic_cast<faiss::IndexIVFPQ*>(faiss::clone_index(index_.get())));
    copy->tags_ = tags_;
    copy->sourceIndex_ = sourceIndex_;
    copy->sourceCount_ = sourceCount_;
    copy->batches_ = batches_;
    return copy;
}

void IvfPqBank::add(const float* vectors, std::size_t count, std::int32_t tag, const Progress& progress) {
    if (!index_) throw Error("memory bank " + spec() + ": add() before build()");
    bank::checkVectors("memory bank " + spec(), vectors, count, dim_);
    progress.step("ivfpq encoding", 0, 1);
    encode(vectors, count);
    for (std::size_t i = 0; i < count; ++i) {
        tags_.push_back(tag);
        sourceIndex_.push_back(static_cast<std::int64_t>(sourceCount_ + i));
    }
    sourceCount_ += count;
    ++batches_;
}

void IvfPqBank::append(const MemoryBank& other) {
    const auto* ivf = dynamic_cast<const IvfPqBank*>(&other);
    if (!ivf) throw Error("memory bank " + spec() + ": cannot append a bank of another kind (" + other.spec() + ")");
    if (ivf == this) throw Error("memory bank " + spec() + ": cannot append a bank to itself");
    if (!index_) throw Error("memory bank " + spec() + ": append() before build() (no trained codebooks)");
    if (ivf->size() == 0 && ivf->sourceCount_ == 0) return;
    if (ivf->dim_ != dim_)
        throw Error("memory bank " + spec() + ": cannot append a bank of dimension " + std::to_string(ivf->dim_) +
                    " to one of dimension " + std::to_string(dim_));
    const std::vector<float> decoded = ivf->vectors();
    encode(decoded.data(), ivf->size());
    for (std::size_t r = 0; r < ivf->size(); ++r) {
        tags_.push_back(ivf->tags_[r]);
        const std::int64_t s = ivf->sourceIndex_[r];
        sourceIndex_.push_back(s >= 0 ? s + static_cast<std::int64_t>(sourceCount_) : -1);
    }
    sourceCount_ += ivf->sourceCount_;
}

KnnResult IvfPqBank::search(const float* queries, std::size_t count, int k) const {
    return searchRows(queries, count, k, nullptr);
}

KnnResult IvfPqBank::searchTag(const float* queries, std::size_t count, int k, std::int32_t tag) const {
    return searchRows(queries, count, k, &tag);
}

KnnResult IvfPqBank::searchRows(const float* queries, std::size_t count, int k, const std::int32_t* tag) const {
    const std::string who = "memory bank " + spec();
    if (!index_ || size() == 0) throw Error(who + ": search of an empty bank");
    bank::checkVectors(who + " queries", queries, count, dim_);
    if (k < 1 || static_cast<std::size_t>(k) > size())
        throw Error(who + ": k=" + std::to_string(k) + " is not in [1, " + std::to_string(size()) + "]");
    if (tag && std::find(tags_.begin(), tags_.end(), *tag) == tags_.end())
        throw Error(who + ": no vectors with tag " + std::to_string(*tag));
    KnnResult result;
    result.queries = count;
    result.k = k;
    result.distances.assign(count * static_cast<std::size_t>(k), std::numeric_limits<float>::infinity());
    result.indices.assign(count * static_cast<std::size_t>(k), -1);
    if (count == 0) return result;

    TagSelector selector(tags_, tag ? *tag : 0);
    faiss::SearchParametersIVF params;
    params.nprobe = static_cast<std::size_t>(spec_.nprobe);
    params.sel = tag ? &selector : nullptr;
    std::vector<float> squared(result.distances.size());
    static_assert(sizeof(FaissId) == sizeof(std::int64_t), "FAISS ids are 64-bit");
    try {
        index_->search(static_cast<FaissId>(count), queries, k, squared.data(),
                       reinterpret_cast<FaissId*>(result.indices.data()), &params);
    } catch (const faiss::FaissException& e) {
        throw Error(who + ": FAISS search failed: " + e.what());
    }
    for (std::size_t i = 0; i < squared.size(); ++i)
        if (result.indices[i] >= 0) result.distances[i] = std::sqrt(std::max(0.0f, squared[i]));
    return result;
}

std::size_t IvfPqBank::bytes() const {
    if (!index_) return 0;
    const std::size_t lists = index_->ntotal * (index_->code_size + sizeof(FaissId));
    const std::size_t coarse = static_cast<std::size_t>(index_->nlist) * dim_ * sizeof(float);
    const std::size_t codebooks = index_->pq.centroids.size() * sizeof(float);
    return lists + coarse + codebooks;
}

std::int32_t IvfPqBank::tag(std::int64_t row) const {
    bank::checkRow(row, size());
    return tags_[row];
}

std::int64_t IvfPqBank::sourceIndex(std::int64_t row) const {
    bank::checkRow(row, size());
    return sourceIndex_[row];
}

std::vector<float> IvfPqBank::vectors() const {
    std::vector<float> out(size() * static_cast<std::size_t>(dim_));
    if (!index_) return out;
    const faiss::InvertedLists* lists = index_->invlists;
    for (std::size_t list = 0; list < index_->nlist; ++list) {
        const std::size_t n = lists->list_size(list);
        if (n == 0) continue;
        const FaissId* ids = lists->get_ids(list);
        for (std::size_t offset = 0; offset < n; ++offset)
            index_->reconstruct_from_offset(static_cast<int64_t>(list), static_cast<int64_t>(offset),
                                            out.data() + static_cast<std::size_t>(ids[offset]) * dim_);
        lists->release_ids(list, ids);
    }
    return out;
}

void IvfPqBank::save(BankFileWriter& out) const {
    faiss::VectorIOWriter writer;
    if (index_) faiss::write_index(index_.get(), &writer);
    out.addTensor("faiss_index", DType::U8, {static_cast<int64_t>(writer.data.size())}, writer.data.data(),
                  writer.data.size());
    bank::saveRows(out, bank::RowData{tags_, sourceIndex_, sourceCount_, batches_, 0.0});
}

void IvfPqBank::load(const SafetensorsFile& file) {
    const std::string name = file.path().string();
    bank::RowData rows = bank::loadRows(file);
    const TensorInfo& info = file.info("faiss_index");
    if (info.dtype != DType::U8 || info.shape.size() != 1) throw Error("bank tensor \"faiss_index\" is not 1-D U8", name);
    const int dim = static_cast<int>(bank::metadataUnsigned(file, "dim"));
    std::unique_ptr<faiss::IndexIVFPQ> index;
    if (info.bytes > 0) {
        faiss::VectorIOReader reader;
        reader.data.assign(file.data("faiss_index"), file.data("faiss_index") + info.bytes);
        std::unique_ptr<faiss::Index> loaded;
        try {
            loaded.reset(faiss::read_index(&reader));
        } catch (const std::exception& e) {
            throw Error(std::string("cannot read the FAISS index: ") + e.what(), name);
        }
        index.reset(dynamic_cast<faiss::IndexIVFPQ*>(loaded.get()));
        if (!index) throw Error("the FAISS index is not an IndexIVFPQ", name);
        loaded.release();
        if (index->d != dim || static_cast<std::size_t>(index->ntotal) != rows.tags.size() ||
            static_cast<int>(index->nlist) != spec_.nlist || static_cast<int>(index->pq.M) != spec_.m ||
            static_cast<int>(index->pq.nbits) != spec_.nbits)
            throw Error("the FAISS index does not match the spec " + spec() + ", dim " + std::to_string(dim) +
                            " and " + std::to_string(rows.tags.size()) + " rows",
                        name);
        index->nprobe = static_cast<std::size_t>(spec_.nprobe);
    } else if (!rows.tags.empty()) {
        throw Error("bank rows without a FAISS index", name);
    }
    index_ = std::move(index);
    dim_ = dim;
    tags_ = std::move(rows.tags);
    sourceIndex_ = std::move(rows.sourceIndex);
    sourceCount_ = rows.sourceCount;
    batches_ = rows.batches;
}

}  // namespace pb
