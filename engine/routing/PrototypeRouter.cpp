#include "engine/routing/PrototypeRouter.h"

#include <cmath>
#include <cstring>
#include <limits>

#include <nlohmann/json.hpp>

#include "engine/io/SafetensorsFile.h"
#include "engine/io/SafetensorsWriter.h"
#include "engine/util/Error.h"

namespace pb {

namespace {

constexpr const char* kFormatName = "patchbank.prototype_router";

void checkFinite(const float* v, int dim, const std::string& what) {
    for (int d = 0; d < dim; ++d)
        if (!std::isfinite(v[d])) throw Error(what + " has a non-finite value at element " + std::to_string(d));
}

double l2Distance(const float* a, const float* b, int dim) {
    double s = 0;
    for (int d = 0; d < dim; ++d) {
        const double diff = static_cast<double>(a[d]) - b[d];
        s += diff * diff;
    }
    return std::sqrt(s);
}

double cosineDistance(const float* a, const float* b, int dim) {
    double ab = 0, aa = 0, bb = 0;
    for (int d = 0; d < dim; ++d) {
        ab += static_cast<double>(a[d]) * b[d];
        aa += static_cast<double>(a[d]) * a[d];
        bb += static_cast<double>(b[d]) * b[d];
    }
    if (aa == 0 || bb == 0) return 1.0;
    return 1.0 - ab / (std::sqrt(aa) * std::sqrt(bb));
}

}  // namespace

std::string toString(RouterMetric metric) { return metric == RouterMetric::Cosine ? "cosine" : "l2"; }

bool parseRouterMetric(const std::string& text, RouterMetric& metric) {
    if (text == "l2") {
        metric = RouterMetric::L2;
        return true;
    }
    if (text == "cosine") {
        metric = RouterMetric::Cosine;
        return true;
    }
    return false;
}

std::vector<float> meanPooledEmbedding(const FeatureGrid& grid) {
    const std::size_t n = grid.patches();
    if (n == 0 || grid.dim <= 0 || grid.data.size() != n * static_cast<std::size_t>(grid.dim))
        throw Error("cannot pool an empty or inconsistent feature grid");
    // Double accumulation: 784 patches of 1024 dims would otherwise lose low bits in float.
    std::vector<double> sum(grid.dim, 0.0);
    for (std::size_t p = 0; p < n; ++p) {
        const float* v = grid.patch(p);
        for (int d = 0; d < grid.dim; ++d) sum[d] += v[d];
    }
    std::vector<float> mean(grid.dim);
    for (int d = 0; d < grid.dim; ++d) mean[d] = static_cast<float>(sum[d] / static_cast<double>(n));
    return mean;
}

PrototypeRouter::PrototypeRouter(RouterMetric metric) : metric_(metric) {}

int PrototypeRouter::indexOf(const std::string& name) const {
    for (std::size_t i = 0; i < names_.size(); ++i)
        if (names_[i] == name) return static_cast<int>(i);
    return -1;
}

int PrototypeRouter::addEmptyProduct(const std::string& name, int dim) {
    if (name.empty()) throw Error("router product name is empty");
    if (dim <= 0) throw Error("router embedding dimension must be positive, got " + std::to_string(dim));
    if (names_.empty()) dim_ = dim;
    if (dim != dim_)
        throw Error("embedding of " + name + " has dimension " + std::to_string(dim) + ", the router has " +
                    std::to_string(dim_));
    names_.push_back(name);
    sums_.resize(names_.size() * dim_, 0.0);
    counts_.push_back(0);
    prototypes_.resize(names_.size() * dim_, 0.0f);
    return static_cast<int>(names_.size()) - 1;
}

void PrototypeRouter::refreshPrototype(int product) {
    const std::size_t base = static_cast<std::size_t>(product) * dim_;
    const double n = static_cast<double>(counts_[product]);
    for (int d = 0; d < dim_; ++d) prototypes_[base + d] = static_cast<float>(sums_[base + d] / n);
}

void PrototypeRouter::addProduct(const std::string& name, const std::vector<std::vector<float>>& imageEmbeddings) {
    if (indexOf(name) >= 0) throw Error("product " + name + " is already in the router");
    if (imageEmbeddings.empty()) throw Error("product " + name + " has no training image embedding");
    const int dim = static_cast<int>(imageEmbeddings.front().size());
    // Validate everything first so a bad image leaves the router unchanged.
    if (!names_.empty() && dim != dim_)
        throw Error("embedding of " + name + " has dimension " + std::to_string(dim) + ", the router has " +
                    std::to_string(dim_));
    for (std::size_t i = 0; i < imageEmbeddings.size(); ++i) {
        if (static_cast<int>(imageEmbeddings[i].size()) != dim)
            throw Error("image " + std::to_string(i) + " of " + name + " has another embedding dimension");
        checkFinite(imageEmbeddings[i].data(), dim, "image " + std::to_string(i) + " of " + name);
    }
    const int p = addEmptyProduct(name, dim);
    const std::size_t base = static_cast<std::size_t>(p) * dim_;
    for (const auto& e : imageEmbeddings)
        for (int d = 0; d < dim_; ++d) sums_[base + d] += e[d];
    counts_[p] = static_cast<std::int64_t>(imageEmbeddings.size());
    refreshPrototype(p);
}

void PrototypeRouter::addImage(const std::string& name, const float* embedding, int dim) {
    if (!names_.empty() && dim != dim_)
        throw Error("embedding of " + name + " has dimension " + std::to_string(dim) + ", the router has " +
                    std::to_string(dim_));
    checkFinite(embedding, dim, "embedding of " + name);
    int p = indexOf(name);
    if (p < 0) p = addEmptyProduct(name, dim);
    const std::size_t base = static_cast<std::size_t>(p) * dim_;
    for (int d = 0; d < dim_; ++d) sums_[base + d] += embedding[d];
    ++counts_[p];
    refreshPrototype(p);
}

void PrototypeRouter::addImage(const std::string& name, const std::vector<float>& embedding) {
    addImage(name, embedding.data(), static_cast<int>(embedding.size()));
}

RouteDecision PrototypeRouter::route(const float* embedding, int dim) const {
    if (names_.empty()) throw Error("the router holds no product");
    if (dim != dim_)
        throw Error("test embedding has dimension " + std::to_string(dim) + ", the router has " +
                    std::to_string(dim_));
    checkFinite(embedding, dim, "test embedding");
    RouteDecision r;
    r.distances.resize(names_.size());
    r.bestDistance = std::numeric_limits<double>::infinity();
    r.secondDistance = std::numeric_limits<double>::infinity();
    for (std::size_t p = 0; p < names_.size(); ++p) {
        const float* proto = prototype(static_cast<int>(p));
        const double d =
            metric_ == RouterMetric::Cosine ? cosineDistance(embedding, proto, dim_) : l2Distance(embedding, proto, dim_);
        r.distances[p] = d;
        // Strict comparisons: of equal distances the smaller index wins.
        if (d < r.bestDistance || r.product < 0) {
            r.secondDistance = r.bestDistance;
            r.bestDistance = d;
            r.product = static_cast<int>(p);
        } else if (d < r.secondDistance) {
            r.secondDistance = d;
        }
    }
    r.name = names_[r.product];
    r.margin = r.secondDistance - r.bestDistance;
    return r;
}

RouteDecision PrototypeRouter::route(const std::vector<float>& embedding) const {
    return route(embedding.data(), static_cast<int>(embedding.size()));
}

void PrototypeRouter::save(const std::filesystem::path& path) const {
    if (names_.empty()) throw Error("cannot save a router that holds no product", path.string());
    SafetensorsWriter writer;
    writer.setMetadata("patchbank.format", kFormatName);
    writer.setMetadata("patchbank.format_version", std::to_string(kFormatVersion));
    writer.setMetadata("patchbank.metric", toString(metric_));
    writer.setMetadata("patchbank.products", nlohmann::json(names_).dump());
    const auto products = static_cast<std::int64_t>(names_.size());
    writer.addFloat32("prototypes", {products, dim_}, prototypes_.data());
    writer.add("image_counts", DType::I64, {products}, counts_.data(), counts_.size() * sizeof(std::int64_t));
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    writer.save(path);
}

PrototypeRouter PrototypeRouter::load(const std::filesystem::path& path) {
    const std::string file = path.string();
    const SafetensorsFile st = SafetensorsFile::open(path);
    const auto& meta = st.metadata();
    auto get = [&](const std::string& key) -> const std::string& {
        auto it = meta.find(key);
        if (it == meta.end()) throw Error("not a PatchBank router file (metadata " + key + " is missing)", file);
        return it->second;
    };
    if (get("patchbank.format") != kFormatName) throw Error("not a PatchBank router file", file);
    if (get("patchbank.format_version") != std::to_string(kFormatVersion))
        throw Error("router file version " + get("patchbank.format_version") + " is not supported (expected " +
                        std::to_string(kFormatVersion) + ")",
                    file);
    RouterMetric metric;
    if (!parseRouterMetric(get("patchbank.metric"), metric))
        throw Error("unknown router metric '" + get("patchbank.metric") + "'", file);

    std::vector<std::string> names;
    try {
        const auto j = nlohmann::json::parse(get("patchbank.products"));
        names = j.get<std::vector<std::string>>();
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("router product names are not a JSON list of strings: ") + e.what(), file);
    }

    if (!st.contains("prototypes") || !st.contains("image_counts"))
        throw Error("router file lacks the prototypes or image_counts tensor", file);
    const TensorInfo& protoInfo = st.info("prototypes");
    const TensorInfo& countInfo = st.info("image_counts");
    if (protoInfo.dtype != DType::F32 || protoInfo.shape.size() != 2 || protoInfo.shape[1] <= 0)
        throw Error("router prototypes must be a F32 [products][dim] tensor", file);
    if (countInfo.dtype != DType::I64 || countInfo.shape.size() != 1)
        throw Error("router image_counts must be a I64 [products] tensor", file);
    const auto products = static_cast<std::size_t>(protoInfo.shape[0]);
    if (products == 0 || products != names.size() || static_cast<std::size_t>(countInfo.shape[0]) != products)
        throw Error("router file holds " + std::to_string(products) + " prototypes, " +
                        std::to_string(countInfo.shape[0]) + " image counts and " + std::to_string(names.size()) +
                        " product names",
                    file);

    PrototypeRouter router(metric);
    const int dim = static_cast<int>(protoInfo.shape[1]);
    std::vector<float> protos(products * dim);
    std::memcpy(protos.data(), st.data("prototypes"), protoInfo.bytes);
    std::vector<std::int64_t> counts(products);
    std::memcpy(counts.data(), st.data("image_counts"), countInfo.bytes);
    for (std::size_t p = 0; p < products; ++p) {
        if (names[p].empty() || router.indexOf(names[p]) >= 0)
            throw Error("router product name '" + names[p] + "' is empty or repeated", file);
        if (counts[p] <= 0) throw Error("router product " + names[p] + " has no image", file);
        try {
            checkFinite(protos.data() + p * dim, dim, "prototype of " + names[p]);
        } catch (const Error& e) {
            throw Error(e.reason(), file);
        }
        const int i = router.addEmptyProduct(names[p], dim);
        router.counts_[i] = counts[p];
        // Keep the stored prototype bit for bit; the sums only serve later addImage calls.
        for (int d = 0; d < dim; ++d) {
            router.prototypes_[p * dim + d] = protos[p * dim + d];
            router.sums_[p * dim + d] = static_cast<double>(protos[p * dim + d]) * static_cast<double>(counts[p]);
        }
    }
    return router;
}

}  // namespace pb
