#include "engine/routing/WrongNeighbourRate.h"

#include <limits>

#include "engine/util/Error.h"

namespace pb {

WrongNeighbourRate::WrongNeighbourRate(std::vector<std::int32_t> rowProducts, std::vector<std::string> productNames)
    : rowProducts_(std::move(rowProducts)),
      names_(std::move(productNames)),
      images_(names_.size(), 0),
      patches_(names_.size(), 0),
      wrong_(names_.size(), 0),
      neighbourCounts_(names_.size(), std::vector<std::size_t>(names_.size(), 0)) {
    if (names_.empty()) throw Error("wrong-neighbour rate needs at least one product");
    for (std::size_t r = 0; r < rowProducts_.size(); ++r)
        if (rowProducts_[r] < 0 || static_cast<std::size_t>(rowProducts_[r]) >= names_.size())
            throw Error("shared-bank row " + std::to_string(r) + " is tagged with product " +
                        std::to_string(rowProducts_[r]) + ", outside the " + std::to_string(names_.size()) +
                        " products");
}

void WrongNeighbourRate::checkProduct(int product) const {
    if (product < 0 || static_cast<std::size_t>(product) >= names_.size())
        throw Error("product index " + std::to_string(product) + " is outside the " + std::to_string(names_.size()) +
                    " products");
}

void WrongNeighbourRate::addImage(int product, const std::int64_t* nearestRows, std::size_t patches) {
    checkProduct(product);
    std::size_t wrong = 0;
    std::vector<std::size_t> counts(names_.size(), 0);
    for (std::size_t i = 0; i < patches; ++i) {
        const std::int64_t row = nearestRows[i];
        if (row < 0 || static_cast<std::size_t>(row) >= rowProducts_.size())
            throw Error("nearest row " + std::to_string(row) + " of patch " + std::to_string(i) +
                        " is outside the shared bank of " + std::to_string(rowProducts_.size()) + " rows");
        if (rowProducts_[row] != product) ++wrong;
        ++counts[rowProducts_[row]];
    }
    // Counted only once the whole image is valid, so a rejected image leaves no trace.
    ++images_[product];
    patches_[product] += patches;
    wrong_[product] += wrong;
    for (std::size_t q = 0; q < counts.size(); ++q) neighbourCounts_[product][q] += counts[q];
}

std::vector<std::vector<double>> WrongNeighbourRate::neighbourShares() const {
    std::vector<std::vector<double>> shares(names_.size(), std::vector<double>(names_.size()));
    for (std::size_t p = 0; p < names_.size(); ++p)
        for (std::size_t q = 0; q < names_.size(); ++q)
            shares[p][q] = patches_[p] ? static_cast<double>(neighbourCounts_[p][q]) / static_cast<double>(patches_[p])
                                       : std::numeric_limits<double>::quiet_NaN();
    return shares;
}

void WrongNeighbourRate::addImage(int product, const std::vector<std::int64_t>& nearestRows) {
    addImage(product, nearestRows.data(), nearestRows.size());
}

void WrongNeighbourRate::addImage(int product, const KnnResult& knn) {
    if (knn.queries > 0 && (knn.k < 1 || knn.indices.size() != knn.queries * static_cast<std::size_t>(knn.k)))
        throw Error("kNN result has an inconsistent shape");
    std::vector<std::int64_t> rows(knn.queries);
    for (std::size_t q = 0; q < knn.queries; ++q) rows[q] = knn.index(q, 0);
    addImage(product, rows);
}

double WrongNeighbourRate::rate(int product) const {
    checkProduct(product);
    if (patches_[product] == 0) return std::numeric_limits<double>::quiet_NaN();
    return static_cast<double>(wrong_[product]) / static_cast<double>(patches_[product]);
}

std::vector<double> WrongNeighbourRate::rates() const {
    std::vector<double> r(names_.size());
    for (std::size_t p = 0; p < names_.size(); ++p) r[p] = rate(static_cast<int>(p));
    return r;
}

double WrongNeighbourRate::averageRate() const {
    double sum = 0;
    std::size_t n = 0;
    for (std::size_t p = 0; p < names_.size(); ++p) {
        if (patches_[p] == 0) continue;
        sum += rate(static_cast<int>(p));
        ++n;
    }
    return n == 0 ? std::numeric_limits<double>::quiet_NaN() : sum / static_cast<double>(n);
}

double WrongNeighbourRate::pooledRate() const {
    std::size_t wrong = 0, all = 0;
    for (std::size_t p = 0; p < names_.size(); ++p) {
        wrong += wrong_[p];
        all += patches_[p];
    }
    return all == 0 ? std::numeric_limits<double>::quiet_NaN() : static_cast<double>(wrong) / static_cast<double>(all);
}

}  // namespace pb
