// The listing of an anomaly-detection data set: which image files belong to which product,
// split and defect, with their ground-truth mask files. Readers fill it without decoding images.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "engine/util/Progress.h"

namespace pb {

enum class Split { Train, Validation, Test };

// "train", "validation", "test".
std::string toString(Split split);

struct Sample {
    std::string path;                    // image file
    std::string product;                 // product (category) name
    Split split = Split::Test;
    std::string defect;                  // "good" for normal images, the defect folder otherwise, "" when unknown
    int label = -1;                      // 0 normal, 1 anomalous, -1 unknown
    std::vector<std::string> maskPaths;  // empty for normal images; several for MVTec LOCO (merged when read)
};

struct Dataset {
    std::string root;                   // the folder that was opened
    std::string layout;                 // "mvtec", "visa", "btad", "mvtec_loco", "folder"
    std::vector<std::string> products;  // sorted
    std::vector<Sample> samples;        // sorted by path
    std::vector<Problem> problems;      // what was skipped or is missing; the listing goes on without it

    // Samples of one product and split, in path order; an empty product name means every product.
    std::vector<Sample> select(const std::string& product, Split split) const;
    // How many samples of one product (empty: all) and split have the given label (-2: any label).
    std::size_t count(const std::string& product, Split split, int label = -2) const;
};

}  // namespace pb
