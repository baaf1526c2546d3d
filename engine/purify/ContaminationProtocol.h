// The contaminated few-shot protocol of the purification paper (METHODS.md section 5), index-exact with
// the paper's numpy code: which training images form the support, which of them are replaced by test
// anomalies, which test images are scored, and in which order unused normal images are recaptured.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace pb::purify {

// A: the contaminants are drawn from every test anomaly and stay in the test set (the protocol that
//    inflates the damage, and makes patch filtering look useful).
// B: a seeded half of the anomalies is the contamination pool and leaves the test set (the honest one).
enum class ContaminationSetup { A, B };
std::string toString(ContaminationSetup setup);
// "A" or "B" (either case); throws pb::Error otherwise.
ContaminationSetup contaminationSetupFromString(const std::string& name);

// The seed offsets of the paper's code: contamination, the Setup B pool split (and random patch
// removal), recapture order.
inline constexpr int kContaminationSeedOffset = 2000;
inline constexpr int kPoolSeedOffset = 5000;
inline constexpr int kRecaptureSeedOffset = 7000;

struct ContaminationSpec {
    int support = 10;   // N reference images
    double rate = 0.0;  // c: the fraction of the support replaced by anomalies
    int seed = 0;
    ContaminationSetup setup = ContaminationSetup::B;

    // round-half-even(N c), as Python's round().
    int contaminantCount() const;
};

// One reference image: a normal training image, or a test anomaly put in its place.
struct ReferenceImage {
    bool contaminant = false;
    std::size_t index = 0;  // into the product's train list; into its test list for a contaminant
};

struct ContaminatedSplit {
    std::vector<std::size_t> cleanSupport;  // train indices, ascending: the reference set before contamination
    std::vector<ReferenceImage> support;    // the reference set as the bank gets it (replaced slots included)
    std::vector<std::size_t> test;          // test indices that are scored, ascending
    std::vector<std::size_t> recapture;     // unused train indices, in the order recapture takes them
    std::size_t contaminants() const;
};

// trainCount: the product's normal training images (path order); testLabels: its test images' labels
// (0 normal, 1 anomalous) in path order. Throws pb::Error when the support does not fit the training
// set, a rate is outside [0, 1], or contamination is asked for with no anomaly to draw from.
ContaminatedSplit contaminate(std::size_t trainCount, const std::vector<int>& testLabels,
                              const ContaminationSpec& spec);

}  // namespace pb::purify
