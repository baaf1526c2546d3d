// The work MeDS's memory members share: for every patch and every image, 1 - the largest cosine between
// the patch and the image's patches (the patches are unit length). A member's distance is then the
// minimum over its images. Two implementations of the same contract: BLAS on the CPU, LibTorch on any
// device it has.
#pragma once
#include <string>
#include <vector>

#include "engine/purify/ReferencePatches.h"
#include "engine/util/Progress.h"

namespace pb::purify {

// [patches][images], row-major. Blocks of images bound the scratch memory.
std::vector<float> nearestImageDistances(const ReferencePatches& unit, const Progress& progress);
// The same with LibTorch on `device` ("cpu", "cuda", "cuda:N"); throws pb::Error when it has no such device.
std::vector<float> nearestImageDistancesTorch(const ReferencePatches& unit, const std::string& device,
                                              const Progress& progress);

}  // namespace pb::purify
