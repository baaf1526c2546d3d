// All pixels of all test images pooled and sorted once by score, each anomalous pixel tagged
// with its ground-truth region, so that pixel AUROC, pixel AP, pixel F1-max and AUPRO all
// come from one sort.
#pragma once
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include <opencv2/core.hpp>

#include "engine/metrics/RankCurveAccumulator.h"

namespace pb {

class PooledPixelScores {
public:
    // maps: CV_32F; masks: CV_8U of the same size, anomalous where > 0 (an empty Mat is an
    // all-normal mask). labelRegions: also split each mask into 8-connected components
    // (needed by aupro() only). Throws pb::Error on mismatched sizes, types or NaN scores.
    PooledPixelScores(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks, bool labelRegions);

    std::size_t pixels() const;
    std::int64_t anomalousPixels() const { return positives_; }
    std::int64_t normalPixels() const { return static_cast<std::int64_t>(pixels()) - positives_; }
    std::size_t regions() const { return regionInverseSize_.size() - 1; }

    // One pass over the ranking: AUROC, AP and F1-max of the pooled pixels together.
    RankCurveAccumulator ranking() const;
    // sklearn roc_auc_score over the pooled pixels; NaN if one class is absent.
    double rocAuc() const;
    // sklearn average_precision_score over the pooled pixels; NaN without anomalous pixels.
    double averagePrecision() const;
    // MVTec AD AU-PRO up to maxFpr, divided by maxFpr; NaN without regions or normal pixels.
    double aupro(double maxFpr) const;

    // Leaves new elements uninitialised: the buffers are written in full right away, and
    // zero-filling ~100 MB first would cost as much as a sort pass.
    template <typename T>
    struct UninitAllocator : std::allocator<T> {
        template <typename U>
        struct rebind {
            using other = UninitAllocator<U>;
        };
        UninitAllocator() = default;
        template <typename U>
        UninitAllocator(const UninitAllocator<U>&) {}
        template <typename U>
        void construct(U* p) {
            ::new (static_cast<void*>(p)) U;
        }
        template <typename U, typename... Args>
        void construct(U* p, Args&&... args) {
            ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
        }
    };
    template <typename T>
    using Buffer = std::vector<T, UninitAllocator<T>>;

    // The pixels are pooled in two halves (by image) sorted in parallel; a fixed split keeps
    // the floating-point summation order, hence the results, independent of the machine.
    struct Part {
        Buffer<std::uint32_t> normal;     // ascending order codes of the normal pixels
        Buffer<std::uint64_t> anomalous;  // ascending (code << 32 | global region id)
    };

private:
    // Calls visit(score, normalCount, anomalousCount, proWeightSum) once per distinct score,
    // highest first, until it returns false. proWeightSum is only summed when WithWeights.
    template <bool WithWeights, typename Visit>
    void forEachTieGroup(Visit&& visit) const;

    std::vector<Part> parts_;
    std::vector<double> regionInverseSize_{0.0};  // 1/|region| by global id; id 0 unused
    std::int64_t positives_ = 0;
    bool regionsLabelled_ = false;
};

}  // namespace pb
