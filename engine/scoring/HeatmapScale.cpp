#include "engine/scoring/HeatmapScale.h"

#include <algorithm>
#include <cmath>

#include "engine/metrics/ImageMetrics.h"
#include "engine/util/Error.h"

namespace pb {

HeatmapScale heatmapScaleFromString(const std::string& name) {
    if (name == "test") return HeatmapScale::TestSet;
    if (name == "normal") return HeatmapScale::Normal;
    throw Error("unknown heatmap scale '" + name + "' (test, normal)");
}

const char* toString(HeatmapScale scale) { return scale == HeatmapScale::Normal ? "normal" : "test"; }

MapRange mapRangeFromNormalPatches(const std::vector<float>& patchScores) {
    if (patchScores.empty()) throw Error("a heatmap scale from normal data needs leave-one-out patch scores");
    const std::vector<double> values(patchScores.begin(), patchScores.end());
    MapRange range;
    range.low = static_cast<float>(numpyQuantile(values, 0.5));
    range.high = static_cast<float>(numpyQuantile(values, 0.999));
    if (!(range.high > range.low)) range.high = range.low + 1e-6f * std::max(1.0f, std::abs(range.low));
    return range;
}

}  // namespace pb
