// Exact kNN with FAISS's IndexFlatL2 (CPU): the reference the other methods are held to.
// FAISS stays inside the .cpp.
#pragma once
#include <memory>

#include "engine/knn/ExactKnn.h"

namespace faiss {
struct IndexFlatL2;
}

namespace pb {

class FaissFlatKnn : public ExactKnn {
public:
    FaissFlatKnn();
    ~FaissFlatKnn() override;

    std::string name() const override { return "faiss"; }
    void setBank(const float* vectors, std::size_t count, int dim) override;
    std::size_t size() const override;
    int dim() const override { return dim_; }
    KnnResult search(const float* queries, std::size_t count, int k) const override;

private:
    std::unique_ptr<faiss::IndexFlatL2> index_;
    int dim_ = 0;
};

}  // namespace pb
