#include "engine/experiments/NeighbourScoring.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

#include "engine/image/ImageDecoder.h"
#include "engine/scoring/AnomalyMap.h"
#include "engine/scoring/PatchScorer.h"
#include "engine/util/Error.h"

namespace pb {

int neighboursFor(const EvaluationOptions& options, std::size_t bankSize, std::size_t sourceCount) {
    double k = options.k;
    if (options.scaleKWithCompression && sourceCount > bankSize && bankSize > 0)
        k = std::max(1.0, std::round(k * static_cast<double>(bankSize) / static_cast<double>(sourceCount)));
    return static_cast<int>(std::min<double>(k, static_cast<double>(bankSize)));
}

cv::Mat loadInputMask(const Sample& sample, int resolution, int crop, const Progress& progress) {
    const int side = crop > 0 ? crop : resolution;
    if (sample.label == 0) return cv::Mat::zeros(side, side, CV_8U);
    if (sample.maskPaths.empty()) return {};
    try {
        std::vector<cv::Mat> parts;
        for (const auto& path : sample.maskPaths) parts.push_back(decodeMask(path));
        cv::Mat merged = parts.size() == 1 ? parts.front() : mergeMasks(parts);
        cv::Mat resized;
        // Nearest neighbour sampled at pixel centres, as PIL's NEAREST does.
        cv::resize(merged, resized, cv::Size(resolution, resolution), 0, 0, cv::INTER_NEAREST_EXACT);
        if (crop <= 0) return resized;
        const int offset = centerCropOffset(resolution, crop);
        return resized(cv::Rect(offset, offset, crop, crop)).clone();
    } catch (const Error& e) {
        progress.problem(e.file().empty() ? sample.path : e.file(), e.reason());
        return {};
    }
}

ScoredImage scoreFromNeighbours(const Sample& sample, const FeatureGrid& grid, const float* distances,
                                const std::int64_t* indices, int k, const EvaluationOptions& options,
                                int originalWidth, int originalHeight, const Progress& progress) {
    ScoredImage s;
    s.sample = sample;
    s.gridHeight = grid.height;
    s.gridWidth = grid.width;
    s.patchScores = patchScoresFromDistances(distances, grid.patches(), k);
    s.nearestPatch.resize(grid.patches());
    for (std::size_t p = 0; p < grid.patches(); ++p) s.nearestPatch[p] = indices[p * k];
    s.score = imageScore(s.patchScores, options.imageScore);
    const int side = options.crop > 0 ? options.crop : options.resolution;
    s.map = upsampleAlignCorners(patchScoreGrid(s.patchScores, grid.height, grid.width), side, side);
    if (options.smoothingSigma > 0) s.map = gaussianSmooth(s.map, options.smoothingSigma, 0);
    s.frameSide = options.crop > 0 ? options.resolution : 0;
    s.mask = loadInputMask(sample, options.resolution, options.crop, progress);
    s.originalWidth = originalWidth;
    s.originalHeight = originalHeight;
    return s;
}

}  // namespace pb
