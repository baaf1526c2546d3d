#include "engine/knn/FaissFlatKnn.h"

#include <faiss/IndexFlat.h>
#include <omp.h>

#include "engine/knn/KnnSupport.h"
#include "engine/knn/OmpThreadsScope.h"
#include "engine/util/Error.h"
#include "engine/util/Threads.h"

namespace pb {

FaissFlatKnn::FaissFlatKnn() = default;
FaissFlatKnn::~FaissFlatKnn() = default;

void FaissFlatKnn::setBank(const float* vectors, std::size_t count, int dim) {
    knn::checkVectors(name(), "bank", vectors, count, dim);
    auto index = std::make_unique<faiss::IndexFlatL2>(dim);
    index->add(static_cast<faiss::Index::idx_t>(count), vectors);
    index_ = std::move(index);
    dim_ = dim;
}

std::size_t FaissFlatKnn::size() const { return index_ ? static_cast<std::size_t>(index_->ntotal) : 0; }

KnnResult FaissFlatKnn::search(const float* queries, std::size_t count, int k) const {
    knn::checkSearch(name(), size(), dim_, queries, count, k);
    KnnResult result = knn::makeResult(count, k);
    if (count == 0) return result;
    static_assert(sizeof(faiss::Index::idx_t) == sizeof(std::int64_t), "FAISS labels must be 64-bit");
    try {
        OmpThreadsScope threads(knn::workerThreads());
        index_->search(static_cast<faiss::Index::idx_t>(count), queries, k, result.distances.data(),
                       reinterpret_cast<faiss::Index::idx_t*>(result.indices.data()));
    } catch (const std::exception& e) {
        throw Error(std::string("faiss kNN: IndexFlatL2::search failed: ") + e.what());
    }
    // FAISS gives squared distances from the same float expansion; refineExact replaces them
    // by direct Euclidean distances (never negative, so no clamp is needed) and breaks ties
    // by index like the other methods.
    knn::refineExact(index_->get_xb(), queries, dim_, result);
    return result;
}

}  // namespace pb
