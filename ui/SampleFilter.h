// Which data-set images the browser shows: product, split, defect, label and a score range.
#pragma once
#include <QString>
#include <limits>

namespace pb::ui {

struct SampleFilter {
    QString product;       // empty = any
    int split = -1;        // pb::Split as int, -1 = any
    QString defect;        // empty = any
    int label = -2;        // 0 normal, 1 anomalous, -1 unknown, -2 any
    bool scoredOnly = false;
    double minScore = -std::numeric_limits<double>::infinity();
    double maxScore = std::numeric_limits<double>::infinity();

    bool operator==(const SampleFilter& o) const {
        return product == o.product && split == o.split && defect == o.defect && label == o.label &&
               scoredOnly == o.scoredOnly && minScore == o.minScore && maxScore == o.maxScore;
    }
    bool operator!=(const SampleFilter& o) const { return !(*this == o); }
};

}  // namespace pb::ui
