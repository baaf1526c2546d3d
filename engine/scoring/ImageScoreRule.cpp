#include "engine/scoring/ImageScoreRule.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "engine/util/Error.h"

namespace pb {

ImageScoreRule imageScoreRuleFromString(const std::string& name) {
    if (name == "p95") return ImageScoreRule::P95;
    if (name == "max") return ImageScoreRule::Max;
    if (name == "topk") return ImageScoreRule::TopKMean;
    if (name == "top1pct") return ImageScoreRule::TopPercentMean;
    throw Error("unknown image score rule '" + name + "' (expected p95, max, topk or top1pct)");
}

std::string toString(ImageScoreRule rule) {
    switch (rule) {
        case ImageScoreRule::P95: return "p95";
        case ImageScoreRule::Max: return "max";
        case ImageScoreRule::TopKMean: return "topk";
        case ImageScoreRule::TopPercentMean: return "top1pct";
    }
    return "p95";
}

namespace {

// Mean of the n largest values (n <= size); partial selection, no full sort.
double meanOfLargest(std::vector<float>& v, std::size_t n) {
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n - 1), v.end(), std::greater<float>());
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) sum += v[i];
    return sum / static_cast<double>(n);
}

double scoreOf(std::vector<float> v, ImageScoreRule rule, int topK) {
    if (v.empty()) throw Error("image score: no patch scores");
    const std::size_t p = v.size();
    switch (rule) {
        case ImageScoreRule::P95: {
            // Same double arithmetic as int(np.ceil(0.95 * P)) - 1 in the reference code.
            const std::size_t index = static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(p))) - 1;
            std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(index), v.end());
            return v[index];
        }
        case ImageScoreRule::Max: return *std::max_element(v.begin(), v.end());
        case ImageScoreRule::TopKMean:
            if (topK < 1) throw Error("image score: top-k needs k >= 1, got " + std::to_string(topK));
            return meanOfLargest(v, std::min<std::size_t>(p, static_cast<std::size_t>(topK)));
        case ImageScoreRule::TopPercentMean:
            // int(P * 0.01) as in Dinomaly's max_ratio, but never an empty mean.
            return meanOfLargest(v, std::max<std::size_t>(1, static_cast<std::size_t>(static_cast<double>(p) * 0.01)));
    }
    throw Error("image score: unknown rule");
}

}  // namespace

double imageScore(const std::vector<float>& patchScores, ImageScoreRule rule, int topK) {
    return scoreOf(patchScores, rule, topK);
}

double imageScore(const cv::Mat& map, ImageScoreRule rule, int topK) {
    if (map.type() != CV_32FC1) throw Error("image score: the map is not single-channel float32");
    std::vector<float> v;
    v.reserve(map.total());
    for (int r = 0; r < map.rows; ++r) v.insert(v.end(), map.ptr<float>(r), map.ptr<float>(r) + map.cols);
    return scoreOf(std::move(v), rule, topK);
}

}  // namespace pb
