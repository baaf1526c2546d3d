// The colour scale of anomaly heatmaps. TestSet: one scale per product spanning every test map (the
// default). Normal: fixed by normal data alone, 0 at the median and 1 at the 99.9th percentile of the
// leave-one-out patch scores of the training images, so that heatmaps of different runs, images and
// data sets compare by eye and a normal image stays dark.
#pragma once
#include <string>
#include <vector>

namespace pb {

enum class HeatmapScale { TestSet, Normal };

HeatmapScale heatmapScaleFromString(const std::string& name);  // "test" | "normal"; pb::Error otherwise
const char* toString(HeatmapScale scale);

struct MapRange {
    float low = 0.0f;   // colour 0
    float high = 1.0f;  // colour 1 (always > low)
};

// Median .. p99.9 (numpy's linear quantile) of normal patch scores; pb::Error when there are none.
MapRange mapRangeFromNormalPatches(const std::vector<float>& patchScores);

}  // namespace pb
