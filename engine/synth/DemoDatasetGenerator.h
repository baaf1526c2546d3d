// The embedded synthetic demo data set: procedural product surfaces (woven carpet, wood grain,
// perforated brushed metal) with realistic defects and exact masks, written in the MVTec AD
// layout. Deterministic for a seed, generated in about a second, so the demo needs no download.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "engine/util/Progress.h"

namespace pb {

struct DemoDatasetOptions {
    std::uint32_t seed = 7;
    int imageSize = 256;
    int trainPerProduct = 24;
    int testGoodPerProduct = 10;
    int testDefectPerProduct = 16;  // spread round-robin over the product's defect types
};

// "carpet", "metal_plate", "wood".
std::vector<std::string> demoProducts();

// The defect types (test folders) of one product; throws pb::Error for an unknown product.
std::vector<std::string> demoDefects(const std::string& product);

struct DemoImage {
    cv::Mat clean;  // CV_8UC3 RGB, the surface before the defect was applied
    cv::Mat image;  // CV_8UC3 RGB, equal to clean outside the mask
    cv::Mat mask;   // CV_8U, 255 on the pixels the defect altered, 0 elsewhere (all 0 for "good")
};

// One image of a product; defect "good" for a normal one. The same arguments give the same pixels.
DemoImage renderDemoImage(const std::string& product, const std::string& defect, std::uint64_t seed, int size);

// Writes <root>/<product>/{train/good, test/good, test/<defect>, ground_truth/<defect>/<n>_mask.png}.
// Existing files of the same names are replaced (atomically); throws pb::Error naming a file it cannot write.
void generateDemoDataset(const std::filesystem::path& root, const DemoDatasetOptions& options = {},
                         const Progress* progress = nullptr);

}  // namespace pb
