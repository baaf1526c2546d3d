#include "engine/dataset/Dataset.h"

namespace pb {

std::string toString(Split split) {
    switch (split) {
        case Split::Train: return "train";
        case Split::Validation: return "validation";
        case Split::Test: return "test";
    }
    return "test";
}

std::vector<Sample> Dataset::select(const std::string& product, Split split) const {
    std::vector<Sample> out;
    for (const auto& s : samples)
        if (s.split == split && (product.empty() || s.product == product)) out.push_back(s);
    return out;
}

std::size_t Dataset::count(const std::string& product, Split split, int label) const {
    std::size_t n = 0;
    for (const auto& s : samples)
        if (s.split == split && (product.empty() || s.product == product) && (label == -2 || s.label == label)) ++n;
    return n;
}

}  // namespace pb
