// Scores a router on labelled test images (METHODS.md section 4: router accuracy and
// margins): top-1 accuracy, the confusion matrix and margin statistics per product and overall.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "engine/routing/PrototypeRouter.h"

namespace pb {

// Summary of a set of routing margins (second-best minus best distance). Percentiles
// interpolate linearly between order statistics (numpy's default). All NaN when count is 0.
struct MarginStatistics {
    std::size_t count = 0;
    double min = 0;
    double p5 = 0;
    double median = 0;
    double mean = 0;
    double max = 0;
};

class RouterEvaluation {
public:
    // The products in the router's order: decisions and true labels index this list.
    explicit RouterEvaluation(std::vector<std::string> productNames);

    // One test image whose true product is `trueProduct`. Throws pb::Error for an index
    // outside the product list or a decision with another number of distances.
    void add(int trueProduct, const RouteDecision& decision);

    const std::vector<std::string>& names() const { return names_; }
    std::size_t images() const { return margins_.size(); }
    std::size_t images(int trueProduct) const;
    std::size_t correct() const;
    // Top-1 accuracy over all images (NaN when none), and over the images of one product.
    double accuracy() const;
    double accuracy(int trueProduct) const;
    // confusion()[t][r]: images of true product t routed to product r.
    const std::vector<std::vector<std::size_t>>& confusion() const { return confusion_; }
    // Margins of the images whose TRUE product is `trueProduct` (routed correctly or not).
    MarginStatistics margins(int trueProduct) const;
    MarginStatistics margins() const;

private:
    void checkIndex(int product, const char* what) const;

    std::vector<std::string> names_;
    std::vector<std::vector<std::size_t>> confusion_;
    std::vector<double> margins_;     // per image, in the order added
    std::vector<int> trueProducts_;  // per image
};

// Statistics of arbitrary values (used for the margins; exposed for reports).
MarginStatistics marginStatistics(std::vector<double> values);

}  // namespace pb
