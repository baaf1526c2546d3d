// Wrong-Neighbour Rate (WNR) of a shared multi-product bank (METHODS.md section 4, marked
// "[ours, to be confirmed]"): how often a test patch's nearest neighbour comes from
// another product's memory, i.e. how much the products pollute each other's scores.
//
// Definition used here:
//   - the shared bank is the concatenation of all products' compressed banks; every row is
//     tagged with the product it came from;
//   - for every patch of every test image of product p that the caller adds (the experiments
//     add all test images, normal and anomalous), take its single nearest bank row under
//     the exact Euclidean search (ties: the smaller row, as ExactKnn guarantees);
//   - WNR_p = (patches of p's test images whose nearest row is tagged with another product)
//             / (all patches of p's test images);
//   - the reported average is the unweighted mean of WNR_p over the products that have at
//     least one test patch (each product counts once, whatever its test-set size);
//     pooledRate() also gives the patch-weighted rate over all products.
// Counts are accumulated image by image, so the caller never keeps the neighbours.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/knn/KnnResult.h"

namespace pb {

class WrongNeighbourRate {
public:
    // rowProducts[r]: the product index (into productNames) of shared-bank row r. Throws
    // pb::Error for a tag outside [0, productNames.size()).
    WrongNeighbourRate(std::vector<std::int32_t> rowProducts, std::vector<std::string> productNames);

    // One test image of product `product`: nearestRows[i] is the shared-bank row nearest to
    // patch i. Throws pb::Error for a product or row index out of range.
    void addImage(int product, const std::int64_t* nearestRows, std::size_t patches);
    void addImage(int product, const std::vector<std::int64_t>& nearestRows);
    // Same, from a search over the shared bank: uses each query's first (nearest) neighbour.
    void addImage(int product, const KnnResult& knn);

    const std::vector<std::string>& names() const { return names_; }
    std::size_t products() const { return names_.size(); }
    std::size_t bankRows() const { return rowProducts_.size(); }
    std::size_t images(int product) const { return images_.at(product); }
    std::size_t patches(int product) const { return patches_.at(product); }
    std::size_t wrongPatches(int product) const { return wrong_.at(product); }
    // WNR_p in [0, 1]; NaN when no patch of p was added.
    double rate(int product) const;
    std::vector<double> rates() const;
    // Unweighted mean of rate(p) over products with patches; NaN when there is none.
    double averageRate() const;
    // All wrong patches / all patches.
    double pooledRate() const;
    // [p][q]: the fraction of product p's test patches whose nearest neighbour belongs to product q (a row
    // sums to 1; NaN when p has no patch). The diagonal is 1 - WNR_p.
    std::vector<std::vector<double>> neighbourShares() const;

private:
    void checkProduct(int product) const;

    std::vector<std::int32_t> rowProducts_;
    std::vector<std::string> names_;
    std::vector<std::size_t> images_;
    std::vector<std::size_t> patches_;
    std::vector<std::size_t> wrong_;
    std::vector<std::vector<std::size_t>> neighbourCounts_;  // [p][q]
};

}  // namespace pb
