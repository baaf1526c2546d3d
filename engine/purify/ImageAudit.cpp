#include "engine/purify/ImageAudit.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "engine/metrics/ImageMetrics.h"
#include "engine/util/Error.h"

namespace pb::purify {

std::string toString(AuditScore score) {
    switch (score) {
        case AuditScore::Max: return "imgmax";
        case AuditScore::Q99: return "q99";
        case AuditScore::Top5Mean: return "top5";
        case AuditScore::Mean: return "mean";
    }
    return "imgmax";
}

AuditScore auditScoreFromString(const std::string& name) {
    if (name == "imgmax" || name == "max") return AuditScore::Max;
    if (name == "q99") return AuditScore::Q99;
    if (name == "top5") return AuditScore::Top5Mean;
    if (name == "mean") return AuditScore::Mean;
    throw Error("unknown audit score '" + name + "' (imgmax, q99, top5, mean)");
}

bool ImageAuditResult::isFlagged(std::size_t image) const {
    return std::find(flagged.begin(), flagged.end(), image) != flagged.end();
}

std::vector<std::size_t> ImageAuditResult::kept() const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < scores.size(); ++i)
        if (!isFlagged(i)) out.push_back(i);
    return out;
}

double median(std::vector<double> values) {
    if (values.empty()) throw Error("the median of no values");
    const std::size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + mid, values.end());
    const double upper = values[mid];
    if (values.size() % 2) return upper;
    return (*std::max_element(values.begin(), values.begin() + mid) + upper) / 2.0;
}

double medianAbsoluteDeviation(const std::vector<double>& values, double centre) {
    std::vector<double> deviations(values.size());
    std::transform(values.begin(), values.end(), deviations.begin(), [centre](double v) { return std::abs(v - centre); });
    return median(std::move(deviations));
}

double auditScore(const float* patchScores, std::size_t count, AuditScore score) {
    if (count == 0) throw Error("an image without patches cannot be audited");
    std::vector<double> v(patchScores, patchScores + count);
    switch (score) {
        case AuditScore::Max: return *std::max_element(v.begin(), v.end());
        case AuditScore::Q99: return numpyQuantile(std::move(v), 0.99);
        case AuditScore::Top5Mean: {
            const std::size_t top = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(0.05 * count)));
            std::partial_sort(v.begin(), v.begin() + top, v.end(), std::greater<>());
            return std::accumulate(v.begin(), v.begin() + top, 0.0) / top;
        }
        case AuditScore::Mean: return std::accumulate(v.begin(), v.end(), 0.0) / count;
    }
    return 0;
}

RobustFlags flagAboveMedian(const std::vector<double>& scores, double madScale, std::size_t cap) {
    RobustFlags out;
    out.ranking.resize(scores.size());
    std::iota(out.ranking.begin(), out.ranking.end(), 0);
    std::stable_sort(out.ranking.begin(), out.ranking.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    out.median = median(scores);
    out.mad = medianAbsoluteDeviation(scores, out.median);
    out.threshold = out.mad < 1e-12 ? std::numeric_limits<double>::infinity() : out.median + madScale * out.mad;
    for (std::size_t i : out.ranking)
        if (scores[i] > out.threshold && out.flagged.size() < cap) out.flagged.push_back(i);
    return out;
}

ImageAuditResult auditImages(const std::vector<float>& patchScores, std::size_t patchesPerImage,
                             const AuditRule& rule) {
    if (patchesPerImage == 0 || patchScores.empty() || patchScores.size() % patchesPerImage)
        throw Error("audit: " + std::to_string(patchScores.size()) + " patch scores are not whole images of " +
                    std::to_string(patchesPerImage) + " patches");
    const std::size_t n = patchScores.size() / patchesPerImage;
    ImageAuditResult out;
    for (std::size_t i = 0; i < n; ++i) {
        const float* s = patchScores.data() + i * patchesPerImage;
        out.scores.push_back(auditScore(s, patchesPerImage, rule.score));
        out.worstPatch.push_back(static_cast<std::size_t>(std::max_element(s, s + patchesPerImage) - s));
    }
    static_cast<RobustFlags&>(out) = flagAboveMedian(
        out.scores, rule.k * 1.4826, static_cast<std::size_t>(rule.maxFraction * static_cast<double>(n)));
    return out;
}

}  // namespace pb::purify
