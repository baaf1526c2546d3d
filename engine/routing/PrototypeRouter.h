// Routes a test image to a product by its global embedding (METHODS.md section 4, "Router"):
// one prototype per product, the mean over its training images of the mean-pooled patch
// embedding at the scoring layer; a test image goes to the nearest prototype. This is what
// lets a shared multi-product bank be searched per product.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/features/FeatureGrid.h"

namespace pb {

enum class RouterMetric {
    L2,      // Euclidean distance (the paper's router)
    Cosine,  // 1 - cos(a, b); a zero vector counts as orthogonal to everything (distance 1)
};

std::string toString(RouterMetric metric);  // "l2", "cosine"
// Accepts "l2" and "cosine"; returns false for anything else.
bool parseRouterMetric(const std::string& text, RouterMetric& metric);

// The image's global embedding: the mean over its patches of the patch features, [dim].
// Throws pb::Error for an empty grid.
std::vector<float> meanPooledEmbedding(const FeatureGrid& grid);

struct RouteDecision {
    int product = -1;     // index of the nearest prototype (ties: the smaller index)
    std::string name;     // its product name
    double bestDistance = 0;
    double secondDistance = 0;  // +infinity when the router holds a single product
    double margin = 0;          // secondDistance - bestDistance, >= 0
    std::vector<double> distances;  // [products], in the router's product order
};

class PrototypeRouter {
public:
    explicit PrototypeRouter(RouterMetric metric = RouterMetric::L2);

    // Adds a new product from its training images' embeddings (each [dim]); throws
    // pb::Error when the name is empty or already present, when there is no image, or on a
    // dimension mismatch or non-finite value.
    void addProduct(const std::string& name, const std::vector<std::vector<float>>& imageEmbeddings);
    // Incremental form: adds one training image to `name`, creating the product on first use,
    // so a caller can stream images without keeping them.
    void addImage(const std::string& name, const float* embedding, int dim);
    void addImage(const std::string& name, const std::vector<float>& embedding);

    // Throws pb::Error when the router is empty or the dimension differs.
    RouteDecision route(const float* embedding, int dim) const;
    RouteDecision route(const std::vector<float>& embedding) const;
    RouteDecision route(const FeatureGrid& grid) const { return route(meanPooledEmbedding(grid)); }

    RouterMetric metric() const { return metric_; }
    void setMetric(RouterMetric metric) { metric_ = metric; }
    std::size_t products() const { return names_.size(); }
    int dim() const { return dim_; }
    const std::vector<std::string>& names() const { return names_; }
    int indexOf(const std::string& name) const;  // -1 when absent
    // The product's prototype, [dim] float32 (what is stored and what routing uses).
    const float* prototype(int product) const { return prototypes_.data() + static_cast<std::size_t>(product) * dim_; }
    std::int64_t images(int product) const { return counts_.at(product); }
    // Memory the router adds to a deployment: products x dim float32.
    std::size_t bytes() const { return names_.size() * static_cast<std::size_t>(dim_) * sizeof(float); }

    // One safetensors file, written atomically: "prototypes" F32 [products][dim],
    // "image_counts" I64 [products]; metadata holds the format name and version, the metric
    // and the product names (a JSON array). load() throws pb::Error naming the file for a
    // missing, damaged, foreign or inconsistent file. save() refuses an empty router.
    void save(const std::filesystem::path& path) const;
    static PrototypeRouter load(const std::filesystem::path& path);

    static constexpr int kFormatVersion = 1;

private:
    int addEmptyProduct(const std::string& name, int dim);
    void refreshPrototype(int product);

    RouterMetric metric_;
    int dim_ = 0;
    std::vector<std::string> names_;
    std::vector<double> sums_;        // [products][dim], the running sum of image embeddings
    std::vector<std::int64_t> counts_;
    std::vector<float> prototypes_;   // [products][dim], sums_ / counts_ rounded to float
};

}  // namespace pb
