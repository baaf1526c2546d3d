// A transcription of Pillow's src/libImaging/Resample.c (precompute_coeffs,
// normalize_coeffs_8bpc, ImagingResampleHorizontal/Vertical_8bpc, ImagingResampleInner)
// for the bilinear filter; every step that affects rounding is kept as Pillow does it.
#include "engine/image/PilResize.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "engine/util/Error.h"

namespace pb {
namespace {

// Fixed-point weights: 8 bits for the result, 2 for overflow and sign.
constexpr int kPrecisionBits = 32 - 8 - 2;

double bilinearFilter(double x) {
    if (x < 0.0) x = -x;
    if (x < 1.0) return 1.0 - x;
    return 0.0;
}

// For each output index: the first input index, the number of taps, and ksize weights.
struct Coeffs {
    int ksize = 0;
    std::vector<int> first;
    std::vector<int> count;
    std::vector<std::int32_t> weights;  // outSize * ksize, fixed point
};

Coeffs precomputeCoeffs(int inSize, int outSize) {
    const double support0 = 1.0;  // bilinear
    // Pillow computes (in1 - in0) in float with box = (0, inSize); exact for image sizes.
    const float in0 = 0.0f;
    const float in1 = static_cast<float>(inSize);
    const double scale = static_cast<double>(in1 - in0) / outSize;
    const double filterscale = scale < 1.0 ? 1.0 : scale;
    const double support = support0 * filterscale;
    const int ksize = static_cast<int>(std::ceil(support)) * 2 + 1;

    Coeffs c;
    c.ksize = ksize;
    c.first.resize(outSize);
    c.count.resize(outSize);
    c.weights.assign(static_cast<std::size_t>(outSize) * ksize, 0);
    std::vector<double> k(ksize);
    for (int xx = 0; xx < outSize; ++xx) {
        const double center = in0 + (xx + 0.5) * scale;
        double ww = 0.0;
        const double ss = 1.0 / filterscale;
        int xmin = static_cast<int>(center - support + 0.5);
        if (xmin < 0) xmin = 0;
        int xmax = static_cast<int>(center + support + 0.5);
        if (xmax > inSize) xmax = inSize;
        xmax -= xmin;
        for (int x = 0; x < xmax; ++x) {
            const double w = bilinearFilter((x + xmin - center + 0.5) * ss);
            k[x] = w;
            ww += w;
        }
        for (int x = 0; x < xmax; ++x)
            if (ww != 0.0) k[x] /= ww;
        for (int x = xmax; x < ksize; ++x) k[x] = 0.0;
        // normalize_coeffs_8bpc: round half away from zero into fixed point.
        std::int32_t* out = &c.weights[static_cast<std::size_t>(xx) * ksize];
        for (int x = 0; x < ksize; ++x)
            out[x] = k[x] < 0 ? static_cast<std::int32_t>(-0.5 + k[x] * (1 << kPrecisionBits))
                              : static_cast<std::int32_t>(0.5 + k[x] * (1 << kPrecisionBits));
        c.first[xx] = xmin;
        c.count[xx] = xmax;
    }
    return c;
}

// Pillow's clip8: the sum carries the 0.5 rounding term, so the shift rounds to nearest.
inline std::uint8_t clip8(int ss) {
    const int v = ss >> kPrecisionBits;
    return static_cast<std::uint8_t>(v < 0 ? 0 : (v > 255 ? 255 : v));
}

// Rows [rowOffset, rowOffset + out.rows) of `in` resampled along x into `out`.
template <int CN>
void resampleHorizontal(const cv::Mat& in, cv::Mat& out, int rowOffset, const Coeffs& c) {
    for (int yy = 0; yy < out.rows; ++yy) {
        const std::uint8_t* src = in.ptr<std::uint8_t>(yy + rowOffset);
        std::uint8_t* dst = out.ptr<std::uint8_t>(yy);
        for (int xx = 0; xx < out.cols; ++xx) {
            const int xmin = c.first[xx];
            const int xmax = c.count[xx];
            const std::int32_t* k = &c.weights[static_cast<std::size_t>(xx) * c.ksize];
            int ss[CN];
            for (int ch = 0; ch < CN; ++ch) ss[ch] = 1 << (kPrecisionBits - 1);
            for (int x = 0; x < xmax; ++x) {
                const std::uint8_t* p = src + (x + xmin) * CN;
                for (int ch = 0; ch < CN; ++ch) ss[ch] += p[ch] * k[x];
            }
            for (int ch = 0; ch < CN; ++ch) dst[xx * CN + ch] = clip8(ss[ch]);
        }
    }
}

template <int CN>
void resampleVertical(const cv::Mat& in, cv::Mat& out, const Coeffs& c, int rowShift) {
    const int width = out.cols * CN;
    std::vector<int> ss(width);
    for (int yy = 0; yy < out.rows; ++yy) {
        const int ymin = c.first[yy] - rowShift;
        const int ymax = c.count[yy];
        const std::int32_t* k = &c.weights[static_cast<std::size_t>(yy) * c.ksize];
        std::fill(ss.begin(), ss.end(), 1 << (kPrecisionBits - 1));
        // Row-at-a-time accumulation: same sums as Pillow's per-pixel loop (integer adds
        // commute exactly), but cache friendly.
        for (int y = 0; y < ymax; ++y) {
            const std::uint8_t* src = in.ptr<std::uint8_t>(y + ymin);
            const std::int32_t w = k[y];
            for (int i = 0; i < width; ++i) ss[i] += src[i] * w;
        }
        std::uint8_t* dst = out.ptr<std::uint8_t>(yy);
        for (int i = 0; i < width; ++i) dst[i] = clip8(ss[i]);
    }
}

template <int CN>
cv::Mat resize(const cv::Mat& src, int outWidth, int outHeight) {
    const bool needHorizontal = outWidth != src.cols;
    const bool needVertical = outHeight != src.rows;
    if (!needHorizontal && !needVertical) return src.clone();

    const Coeffs vert = precomputeCoeffs(src.rows, outHeight);
    // Only the source rows the vertical pass reads go through the horizontal pass.
    const int firstRow = vert.first.front();
    const int lastRow = vert.first.back() + vert.count.back();

    cv::Mat current = src;
    int rowShift = 0;
    if (needHorizontal) {
        const Coeffs horiz = precomputeCoeffs(src.cols, outWidth);
        cv::Mat temp(lastRow - firstRow, outWidth, src.type());
        resampleHorizontal<CN>(src, temp, firstRow, horiz);
        current = temp;
        rowShift = firstRow;
    }
    if (!needVertical) return current;
    cv::Mat out(outHeight, current.cols, src.type());
    resampleVertical<CN>(current, out, vert, rowShift);
    return out;
}

}  // namespace

cv::Mat pilResizeBilinear(const cv::Mat& src, int outWidth, int outHeight) {
    if (src.empty()) throw Error("cannot resize an empty image");
    if (outWidth <= 0 || outHeight <= 0)
        throw Error("resize target must be positive, got " + std::to_string(outWidth) + "x" +
                    std::to_string(outHeight));
    switch (src.type()) {
        case CV_8UC1: return resize<1>(src, outWidth, outHeight);
        case CV_8UC3: return resize<3>(src, outWidth, outHeight);
        default: throw Error("PIL bilinear resize supports 8-bit grey or RGB images only");
    }
}

}  // namespace pb
