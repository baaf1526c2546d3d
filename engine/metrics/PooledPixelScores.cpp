#include "engine/metrics/PooledPixelScores.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <future>
#include <limits>
#include <string>

#include <opencv2/imgproc.hpp>

#include "engine/util/Error.h"

namespace pb {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kParts = 2;

// Unsigned code with the same order as the float; -0 and +0 share one code (numpy ties them).
inline std::uint32_t orderCode(float v) {
    if (v == 0.0f) v = 0.0f;
    std::uint32_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    return (bits & 0x80000000u) ? ~bits : (bits | 0x80000000u);
}

inline float codeValue(std::uint32_t code) {
    const std::uint32_t bits = (code & 0x80000000u) ? (code & 0x7fffffffu) : ~code;
    float v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}

// LSD radix sort on the 32 bits starting at `shift` (the order code); three scatter passes
// instead of an O(n log n) comparison sort over ~17M pixels. Payload bits below `shift`
// keep their input order within equal codes (stable), so results are deterministic.
template <typename T>
void radixSortCodes(PooledPixelScores::Buffer<T>& keys, int shift) {
    constexpr std::array<int, 3> offsets{0, 11, 22};
    constexpr std::array<T, 3> masks{0x7ff, 0x7ff, 0x3ff};
    std::array<std::vector<std::size_t>, 3> counts;
    for (int p = 0; p < 3; ++p) counts[p].assign(static_cast<std::size_t>(masks[p]) + 1, 0);
    for (T k : keys) {
        const T c = k >> shift;
        ++counts[0][c & masks[0]];
        ++counts[1][(c >> 11) & masks[1]];
        ++counts[2][(c >> 22) & masks[2]];
    }
    PooledPixelScores::Buffer<T> tmp;
    for (int p = 0; p < 3; ++p) {
        auto& c = counts[p];
        const int s = shift + offsets[p];
        // A digit shared by every key leaves the order unchanged: skip the pass.
        if (keys.empty() || c[(keys[0] >> s) & masks[p]] == keys.size()) continue;
        std::size_t sum = 0;
        for (auto& x : c) {
            const std::size_t n = x;
            x = sum;
            sum += n;
        }
        if (tmp.size() != keys.size()) tmp.resize(keys.size());
        for (T k : keys) tmp[c[(k >> s) & masks[p]]++] = k;
        keys.swap(tmp);
    }
}

struct PartResult {
    PooledPixelScores::Part part;
    std::vector<double> inverseSizes;  // regions of this part, local ids from 1
    std::int64_t positives = 0;
};

PartResult poolPart(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks, std::size_t begin,
                    std::size_t end, bool labelRegions) {
    PartResult out;
    std::size_t total = 0;
    std::size_t anomalous = 0;
    for (std::size_t i = begin; i < end; ++i) {
        total += maps[i].total();
        if (!masks[i].empty()) anomalous += static_cast<std::size_t>(cv::countNonZero(masks[i]));
    }
    out.part.normal.resize(total - anomalous);
    out.part.anomalous.resize(anomalous);
    std::size_t normalAt = 0;
    std::size_t anomalousAt = 0;
    out.inverseSizes.push_back(0.0);
    cv::Mat labels;
    std::vector<std::int64_t> sizes;
    for (std::size_t i = begin; i < end; ++i) {
        const cv::Mat& map = maps[i];
        const cv::Mat& mask = masks[i];
        const bool hasMask = !mask.empty() && cv::countNonZero(mask) > 0;
        std::uint32_t offset = 0;
        if (hasMask && labelRegions) {
            // 8-connectivity: the 3x3 all-ones structure of the MVTec AD evaluation code.
            const int n = cv::connectedComponents(mask, labels, 8, CV_32S);
            sizes.assign(static_cast<std::size_t>(n), 0);
            for (int r = 0; r < labels.rows; ++r) {
                const int* l = labels.ptr<int>(r);
                for (int c = 0; c < labels.cols; ++c) ++sizes[static_cast<std::size_t>(l[c])];
            }
            offset = static_cast<std::uint32_t>(out.inverseSizes.size() - 1);
            for (int k = 1; k < n; ++k) out.inverseSizes.push_back(1.0 / static_cast<double>(sizes[k]));
        }
        for (int r = 0; r < map.rows; ++r) {
            const float* s = map.ptr<float>(r);
            const std::uint8_t* m = hasMask ? mask.ptr<std::uint8_t>(r) : nullptr;
            const int* l = (hasMask && labelRegions) ? labels.ptr<int>(r) : nullptr;
            for (int c = 0; c < map.cols; ++c) {
                if (std::isnan(s[c])) throw Error("pixel metrics: anomaly map " + std::to_string(i) + " contains NaN");
                const std::uint32_t code = orderCode(s[c]);
                if (m && m[c]) {
                    const std::uint32_t region = l ? offset + static_cast<std::uint32_t>(l[c]) : 1u;
                    out.part.anomalous[anomalousAt++] = (static_cast<std::uint64_t>(code) << 32) | region;
                } else {
                    out.part.normal[normalAt++] = code;
                }
            }
        }
    }
    out.positives = static_cast<std::int64_t>(out.part.anomalous.size());
    radixSortCodes(out.part.normal, 0);
    radixSortCodes(out.part.anomalous, 32);
    return out;
}

}  // namespace

PooledPixelScores::PooledPixelScores(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks,
                                     bool labelRegions)
    : regionsLabelled_(labelRegions) {
    if (maps.size() != masks.size())
        throw Error("pixel metrics: " + std::to_string(maps.size()) + " maps but " + std::to_string(masks.size()) +
                    " masks");
    std::size_t total = 0;
    for (std::size_t i = 0; i < maps.size(); ++i) {
        const cv::Mat& map = maps[i];
        const cv::Mat& mask = masks[i];
        if (map.type() != CV_32FC1)
            throw Error("pixel metrics: anomaly map " + std::to_string(i) + " is not single-channel float32");
        if (!mask.empty() && (mask.type() != CV_8UC1 || mask.size() != map.size()))
            throw Error("pixel metrics: mask " + std::to_string(i) + " is not 8-bit single-channel " +
                        std::to_string(map.cols) + "x" + std::to_string(map.rows) + " like its map");
        total += map.total();
    }
    // Split the images into halves of about equal pixel counts.
    std::size_t split = 0;
    for (std::size_t acc = 0; split < maps.size() && 2 * acc < total; ++split) acc += maps[split].total();
    std::future<PartResult> second = std::async(std::launch::async, poolPart, std::cref(maps), std::cref(masks),
                                                split, maps.size(), labelRegions);
    PartResult first = poolPart(maps, masks, 0, split, labelRegions);
    PartResult rest = second.get();

    // Region ids of the second half continue after those of the first.
    const std::uint64_t shift = first.inverseSizes.size() - 1;
    if (labelRegions && shift > 0)
        for (auto& k : rest.part.anomalous) k += shift;
    regionInverseSize_ = std::move(first.inverseSizes);
    regionInverseSize_.insert(regionInverseSize_.end(), rest.inverseSizes.begin() + 1, rest.inverseSizes.end());
    positives_ = first.positives + rest.positives;
    parts_.push_back(std::move(first.part));
    parts_.push_back(std::move(rest.part));
}

std::size_t PooledPixelScores::pixels() const {
    std::size_t n = 0;
    for (const auto& p : parts_) n += p.normal.size() + p.anomalous.size();
    return n;
}

template <bool WithWeights, typename Visit>
void PooledPixelScores::forEachTieGroup(Visit&& visit) const {
    // A descending merge of the sorted runs, one tie group at a time. Heads index one past
    // the next element to take.
    std::array<std::size_t, kParts> normalHead{};
    std::array<std::size_t, kParts> anomalousHead{};
    for (std::size_t p = 0; p < parts_.size(); ++p) {
        normalHead[p] = parts_[p].normal.size();
        anomalousHead[p] = parts_[p].anomalous.size();
    }
    for (;;) {
        bool any = false;
        std::uint32_t code = 0;
        for (std::size_t p = 0; p < parts_.size(); ++p) {
            if (normalHead[p] > 0) {
                code = std::max(code, parts_[p].normal[normalHead[p] - 1]);
                any = true;
            }
            if (anomalousHead[p] > 0) {
                code = std::max(code, static_cast<std::uint32_t>(parts_[p].anomalous[anomalousHead[p] - 1] >> 32));
                any = true;
            }
        }
        if (!any) return;
        std::int64_t normal = 0;
        std::int64_t anomalous = 0;
        double weights = 0.0;
        for (std::size_t p = 0; p < parts_.size(); ++p) {
            const auto& run = parts_[p].normal;
            std::size_t& h = normalHead[p];
            const std::size_t start = h;
            while (h > 0 && run[h - 1] == code) --h;
            normal += static_cast<std::int64_t>(start - h);
        }
        for (std::size_t p = 0; p < parts_.size(); ++p) {
            const auto& run = parts_[p].anomalous;
            std::size_t& h = anomalousHead[p];
            while (h > 0 && static_cast<std::uint32_t>(run[h - 1] >> 32) == code) {
                --h;
                ++anomalous;
                if constexpr (WithWeights) weights += regionInverseSize_[run[h] & 0xffffffffu];
            }
        }
        if (!visit(codeValue(code), normal, anomalous, weights)) return;
    }
}

RankCurveAccumulator PooledPixelScores::ranking() const {
    RankCurveAccumulator acc(positives_, normalPixels());
    forEachTieGroup<false>([&](float score, std::int64_t normal, std::int64_t anomalous, double) {
        acc.addGroup(score, anomalous, normal);
        return true;
    });
    return acc;
}

double PooledPixelScores::rocAuc() const { return ranking().rocAuc(); }

double PooledPixelScores::averagePrecision() const { return ranking().averagePrecision(); }

double PooledPixelScores::aupro(double maxFpr) const {
    if (!regionsLabelled_) throw Error("pixel metrics: AUPRO needs the ground-truth regions labelled");
    if (!(maxFpr > 0.0 && maxFpr <= 1.0))
        throw Error("AUPRO: the FPR limit must lie in (0, 1], got " + std::to_string(maxFpr));
    const std::int64_t normalTotal = normalPixels();
    const std::size_t regionCount = regions();
    if (normalTotal == 0 || regionCount == 0) return kNaN;

    // The reference keeps the FPR in float32: the count cumsum is cast to float32, then
    // divided in place by the int64 pixel count. numpy's value-based casting runs that
    // division in float32 while the count fits in uint16 and in float64 (rounded back to
    // float32) beyond. Do the same so the curve points, and where it crosses maxFpr, agree.
    const bool float32Division = normalTotal <= 65535;
    const float normalF = static_cast<float>(normalTotal);
    const double normalD = static_cast<double>(normalTotal);
    const double regionsD = static_cast<double>(regionCount);

    // Stream the trapezoid over (0,0), (fpr_i, pro_i)..., (1,1), cut at maxFpr with linear
    // interpolation, as the reference's trapezoid(x_max=...) does.
    long double area = 0;
    double x0 = 0.0;
    double y0 = 0.0;
    bool done = false;
    auto step = [&](double x1, double y1) {
        if (x1 <= maxFpr) {
            area += 0.5L * (y0 + y1) * (x1 - x0);
            x0 = x1;
            y0 = y1;
            return;
        }
        // First point beyond the limit (x0 <= maxFpr < x1).
        const double yInterp = y0 + ((y1 - y0) * (maxFpr - x0) / (x1 - x0));
        area += 0.5L * (yInterp + y0) * (maxFpr - x0);
        done = true;
    };

    std::int64_t fpCount = 0;
    double proSum = 0.0;
    forEachTieGroup<true>([&](float, std::int64_t normal, std::int64_t, double weights) {
        fpCount += normal;
        proSum += weights;
        const float count = static_cast<float>(fpCount);
        const float fpr = std::min(float32Division ? count / normalF
                                                   : static_cast<float>(static_cast<double>(count) / normalD),
                                   1.0f);
        const double pro = std::min(proSum / regionsD, 1.0);
        step(static_cast<double>(fpr), pro);
        return !done;
    });
    if (!done) step(1.0, 1.0);
    return static_cast<double>(area) / maxFpr;
}

}  // namespace pb
