#include "engine/bank/FlatBank.h"

#include <algorithm>

#include "engine/bank/BankFileWriter.h"
#include "engine/bank/BankSupport.h"
#include "engine/bank/Compressor.h"
#include "engine/io/Safetensors.h"
#include "engine/knn/ExactKnn.h"
#include "engine/util/Error.h"

namespace pb {

FlatBank::FlatBank(const BankSpec& spec) : spec_(spec) {
    if (spec.kind == BankKind::IvfPq) throw Error("FlatBank: " + spec.toString() + " is an IVF-PQ spec");
}

FlatBank::~FlatBank() = default;

void FlatBank::build(const float* vectors, std::size_t count, int dim, std::int32_t tag, const Progress& progress) {
    bank::checkVectors("memory bank " + spec(), vectors, count, dim);
    const std::size_t budget = spec_.budget.resolve(count, dim);
    const CompressedVectors kept = compressVectors(spec_, vectors, count, dim, budget, spec_.seed, progress);
    vectors_.clear();
    tags_.clear();
    sourceIndex_.clear();
    sourceCount_ = 0;
    dim_ = dim;
    appendRows(kept.vectors.data(), kept.size(), kept.sourceIndex.data(), tag, nullptr);
    sourceCount_ = count;
    batches_ = 1;
    keepRatio_ = spec_.budget.unit == BankBudget::Unit::Fraction ? spec_.budget.value
                 : count ? static_cast<double>(kept.size()) / static_cast<double>(count)
                         : 0.0;
    rebuildIndex();
}

std::unique_ptr<MemoryBank> FlatBank::clone() const {
    auto copy = std::make_unique<FlatBank>(spec_);
    copy->dim_ = dim_;
    copy->vectors_ = vectors_;
    copy->tags_ = tags_;
    copy->sourceIndex_ = sourceIndex_;
    copy->sourceCount_ = sourceCount_;
    copy->batches_ = batches_;
    copy->keepRatio_ = keepRatio_;
    copy->method_ = method_;
    copy->rebuildIndex();
    return copy;
}

void FlatBank::add(const float* vectors, std::size_t count, std::int32_t tag, const Progress& progress) {
    if (dim_ == 0) throw Error("memory bank " + spec() + ": add() before build()");
    bank::checkVectors("memory bank " + spec(), vectors, count, dim_);
    if (count == 0) return;
    const std::size_t budget = bank::addBudget(spec(), count, dim_, keepRatio_);
    const CompressedVectors kept = compressVectors(spec_, vectors, count, dim_, budget, spec_.seed + batches_, progress);
    std::vector<std::int64_t> source = kept.sourceIndex;
    for (auto& s : source)
        if (s >= 0) s += static_cast<std::int64_t>(sourceCount_);
    appendRows(kept.vectors.data(), kept.size(), source.data(), tag, nullptr);
    sourceCount_ += count;
    ++batches_;
    rebuildIndex();
}

void FlatBank::append(const MemoryBank& other) {
    const auto* flat = dynamic_cast<const FlatBank*>(&other);
    if (!flat) throw Error("memory bank " + spec() + ": cannot append a bank of another kind (" + other.spec() + ")");
    if (flat == this) throw Error("memory bank " + spec() + ": cannot append a bank to itself");
    if (dim_ != 0 && flat->dim_ != 0 && flat->dim_ != dim_)
        throw Error("memory bank " + spec() + ": cannot append a bank of dimension " + std::to_string(flat->dim_) +
                    " to one of dimension " + std::to_string(dim_));
    if (flat->size() == 0 && flat->sourceCount_ == 0) return;
    if (dim_ == 0) {
        dim_ = flat->dim_;
        keepRatio_ = flat->keepRatio_;
    }
    std::vector<std::int64_t> source = flat->sourceIndex_;
    for (auto& s : source)
        if (s >= 0) s += static_cast<std::int64_t>(sourceCount_);
    appendRows(flat->vectors_.data(), flat->size(), source.data(), 0, flat->tags_.data());
    sourceCount_ += flat->sourceCount_;
    rebuildIndex();
}

void FlatBank::appendRows(const float* vectors, std::size_t count, const std::int64_t* sourceIndex, std::int32_t tag,
                          const std::int32_t* tags) {
    vectors_.insert(vectors_.end(), vectors, vectors + count * static_cast<std::size_t>(dim_));
    sourceIndex_.insert(sourceIndex_.end(), sourceIndex, sourceIndex + count);
    if (tags)
        tags_.insert(tags_.end(), tags, tags + count);
    else
        tags_.insert(tags_.end(), count, tag);
}

void FlatBank::rebuildIndex() {
    index_.reset();
    {
        std::lock_guard<std::mutex> lock(tagMutex_);
        tagIndexes_.clear();
    }
    if (size() == 0) return;
    index_ = createExactKnn(method_, size(), dim_);
    // vectors_ only changes through appendRows/load, both followed by this rebuild.
    index_->setBankView(vectors_.data(), size(), dim_);
}

void FlatBank::setSearchMethod(const std::string& method) {
    if (method == method_) return;
    createExactKnn(method);  // an unknown method fails here, before anything changes
    const std::string previous = method_;
    method_ = method;
    try {
        rebuildIndex();
    } catch (...) {  // e.g. the GPU ran out of memory: keep searching the old way
        method_ = previous;
        rebuildIndex();
        throw;
    }
}

std::string FlatBank::searchMethod() const { return index_ ? index_->name() : std::string(); }

KnnResult FlatBank::search(const float* queries, std::size_t count, int k) const {
    if (!index_) throw Error("memory bank " + spec() + ": search of an empty bank");
    return index_->search(queries, count, k);
}

KnnResult FlatBank::searchTag(const float* queries, std::size_t count, int k, std::int32_t tag) const {
    if (!index_) throw Error("memory bank " + spec() + ": search of an empty bank");
    const ExactKnn* index = nullptr;
    const std::vector<std::int64_t>* rows = nullptr;
    {
        std::lock_guard<std::mutex> lock(tagMutex_);
        auto it = tagIndexes_.find(tag);
        if (it == tagIndexes_.end()) {
            TagIndex entry;
            std::vector<float> subset;
            for (std::size_t r = 0; r < size(); ++r)
                if (tags_[r] == tag) {
                    entry.rows.push_back(static_cast<std::int64_t>(r));
                    subset.insert(subset.end(), vectors_.begin() + r * dim_, vectors_.begin() + (r + 1) * dim_);
                }
            if (entry.rows.empty())
                throw Error("memory bank " + spec() + ": no vectors with tag " + std::to_string(tag));
            entry.index = createExactKnn(method_, entry.rows.size(), dim_);
            entry.index->setBank(subset.data(), entry.rows.size(), dim_);
            it = tagIndexes_.emplace(tag, std::move(entry)).first;
        }
        // Entries are only erased by non-const members, which must not run concurrently with searches.
        index = it->second.index.get();
        rows = &it->second.rows;
    }
    KnnResult result = index->search(queries, count, k);
    for (auto& i : result.indices) i = (*rows)[i];
    return result;
}

std::int32_t FlatBank::tag(std::int64_t row) const {
    bank::checkRow(row, size());
    return tags_[row];
}

std::int64_t FlatBank::sourceIndex(std::int64_t row) const {
    bank::checkRow(row, size());
    return sourceIndex_[row];
}

void FlatBank::save(BankFileWriter& out) const {
    out.addTensor("vectors", DType::F32, {static_cast<int64_t>(size()), dim_}, vectors_.data(),
                  vectors_.size() * sizeof(float));
    bank::saveRows(out, bank::RowData{tags_, sourceIndex_, sourceCount_, batches_, keepRatio_});
}

void FlatBank::load(const SafetensorsFile& file) {
    const std::string name = file.path().string();
    bank::RowData rows = bank::loadRows(file);
    const TensorInfo& info = file.info("vectors");
    const int dim = static_cast<int>(bank::metadataUnsigned(file, "dim"));
    if (info.dtype != DType::F32 || info.shape.size() != 2 || info.shape[1] != dim ||
        static_cast<std::size_t>(info.shape[0]) != rows.tags.size())
        throw Error("bank tensor \"vectors\" is not F32 [rows][" + std::to_string(dim) + "] with one row per tag", name);
    std::vector<float> vectors = file.toFloat32("vectors");
    try {
        bank::checkVectors("memory bank", vectors.data(), rows.tags.size(), dim);
    } catch (const Error& e) {
        throw Error(e.reason(), name);
    }
    dim_ = dim;
    vectors_ = std::move(vectors);
    tags_ = std::move(rows.tags);
    sourceIndex_ = std::move(rows.sourceIndex);
    sourceCount_ = rows.sourceCount;
    batches_ = rows.batches;
    keepRatio_ = rows.keepRatio;
    rebuildIndex();
}

}  // namespace pb
