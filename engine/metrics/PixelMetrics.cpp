#include "engine/metrics/PixelMetrics.h"

#include "engine/metrics/PooledPixelScores.h"

namespace pb {

double pixelRocAuc(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks) {
    return PooledPixelScores(maps, masks, false).rocAuc();
}

double pixelAveragePrecision(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks) {
    return PooledPixelScores(maps, masks, false).averagePrecision();
}

F1Max pixelF1Max(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks) {
    const auto ranking = PooledPixelScores(maps, masks, false).ranking();
    return F1Max{ranking.f1Max(), ranking.f1Threshold()};
}

double aupro(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks, double maxFpr) {
    return PooledPixelScores(maps, masks, true).aupro(maxFpr);
}

}  // namespace pb
