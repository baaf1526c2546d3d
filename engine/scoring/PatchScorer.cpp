#include "engine/scoring/PatchScorer.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "engine/util/Error.h"

namespace pb {

std::vector<float> patchScoresFromDistances(const float* distances, std::size_t patches, int k,
                                            bool squaredDistances) {
    if (k < 1) throw Error("patch scores: k must be >= 1, got " + std::to_string(k));
    if (patches > 0 && distances == nullptr) throw Error("patch scores: no distances given");
    std::vector<float> scores(patches);
    for (std::size_t p = 0; p < patches; ++p) {
        const float* row = distances + p * static_cast<std::size_t>(k);
        double sum = 0;
        for (int j = 0; j < k; ++j) {
            const double d = row[j];
            sum += squaredDistances ? std::sqrt(std::max(0.0, d)) : d;
        }
        scores[p] = static_cast<float>(sum / k);
    }
    return scores;
}

}  // namespace pb
