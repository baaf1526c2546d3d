// MeDS's noisy-training protocol (METHODS.md section 6): a published list (filename,clsname) of each
// product's training images at a noise ratio, where defective test images were copied into the
// training set. Two test sets: the disjoint one (the test images left out of the list, honest) and the
// shared pool MeDS evaluates on (every test image, the injected defects included, which overstates
// results: a defect seen in training is scored again at test).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "engine/dataset/Dataset.h"

namespace pb::purify {

struct NoisyTrainingSet {
    std::vector<Sample> train;  // as listed; an anomalous one keeps its test label (1) and masks
    std::vector<Sample> test;   // disjoint: the product's test images not in the list, in path order
    std::vector<Sample> sharedPoolTest;  // shared pool: every test image of the product, in path order
    std::size_t defective() const;
    // "disjoint" or "shared"; throws pb::Error for another protocol name.
    const std::vector<Sample>& testSet(const std::string& protocol) const;
};

// Reads the rows of `product` from the list and finds each file in `dataset` (paths relative to the data
// set's root). Throws pb::Error naming the list on a malformed header, or a listed file the data set does
// not have, or when the product has no row.
NoisyTrainingSet readNoisyTrainingSplit(const std::filesystem::path& list, const Dataset& dataset,
                                        const std::string& product);

}  // namespace pb::purify
