#include "engine/metrics/MetricsSummary.h"

#include <cstdio>

#include "engine/metrics/ImageMetrics.h"
#include "engine/metrics/PooledPixelScores.h"

namespace pb {

std::string auproVariantName(double maxFpr) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "mvtec-ad pro, 8-connected regions, fpr<=%g, normalised", maxFpr);
    return buf;
}

EvaluationMetrics computeMetrics(const std::vector<double>& imageScores, const std::vector<int>& labels,
                                 const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks,
                                 double auproMaxFpr) {
    EvaluationMetrics m;
    m.imageAuroc = rocAuc(imageScores, labels);
    m.imageAp = averagePrecision(imageScores, labels);
    const F1Max f1 = f1Max(imageScores, labels);
    m.imageF1Max = f1.f1;
    m.imageF1Threshold = f1.threshold;
    m.tprAt1Fpr = tprAtFpr(imageScores, labels, 0.01);
    m.tprAt5Fpr = tprAtFpr(imageScores, labels, 0.05);
    m.auproVariant = auproVariantName(auproMaxFpr);
    if (maps.empty() || masks.empty()) return m;

    const PooledPixelScores pooled(maps, masks, true);
    const RankCurveAccumulator ranking = pooled.ranking();
    m.pixelAuroc = ranking.rocAuc();
    m.pixelAp = ranking.averagePrecision();
    m.aupro30 = pooled.aupro(auproMaxFpr);
    m.pixelF1Max = ranking.f1Max();
    m.pixelF1Threshold = ranking.f1Threshold();
    m.pixelEvalWidth = maps.front().cols;
    m.pixelEvalHeight = maps.front().rows;
    for (const cv::Mat& map : maps)
        if (map.size() != maps.front().size()) m.pixelEvalWidth = m.pixelEvalHeight = 0;
    return m;
}

}  // namespace pb
