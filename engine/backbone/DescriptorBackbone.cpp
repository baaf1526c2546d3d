#include "engine/backbone/DescriptorBackbone.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <sstream>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "engine/util/Error.h"

namespace pb {

namespace {

constexpr float kMean[3] = {0.485f, 0.456f, 0.406f};
constexpr float kStd[3] = {0.229f, 0.224f, 0.225f};
constexpr int kBins = 8;          // unsigned gradient orientations over 180 degrees
constexpr double kHogEps = 0.01;  // mean gradient magnitude below which a histogram fades towards zero
constexpr int kDim = 71;
constexpr int kBlock = 4;         // every window edge falls on a multiple of 4 pixels (see BlockMeans)

// Divisors that put the feature groups on comparable scales for the Euclidean kNN: the RMS
// spread of a group over the patches of one product's images comes out between about 0.1
// (homogeneous demo textures) and 2 (MVTec bottle, black background against glass). Colour
// (chroma) groups sit a little lower so that colourful objects do not drown texture cues.
struct Scales {
    double intensityMean = 0.15, chromaMean = 0.03;
    double intensityStd = 0.05, chromaStd = 0.01;
    double gradient = 0.03;
    double hog = 0.2;
    double band = 0.015;
    double cellMax = 0.08;
    double colourDev = 0.08, chromaDev = 0.02;
    double quadrant = 0.09;
};
const Scales kScales;

// Per-pixel maps summed over 4x4-pixel blocks (2x2 at half resolution), with prefix sums over
// the blocks. Windows of 8/16/24/32/64 pixels centred on a stride-8 cell start and end on block
// edges, so every window mean is four lookups, and no full-size integral image is allocated.
class BlockMeans {
public:
    void reset(int rows, int cols, int pixelsPerBlock) {
        rows_ = rows;
        cols_ = cols;
        pixelsPerBlock_ = pixelsPerBlock;
        sums_.assign(static_cast<std::size_t>(rows) * cols, 0.0f);
    }
    float& at(int by, int bx) { return sums_[static_cast<std::size_t>(by) * cols_ + bx]; }
    float block(int by, int bx) const { return sums_[static_cast<std::size_t>(by) * cols_ + bx] / pixelsPerBlock_; }

    void finish() {
        integral_.assign(static_cast<std::size_t>(rows_ + 1) * (cols_ + 1), 0.0);
        for (int y = 0; y < rows_; ++y) {
            double run = 0;
            for (int x = 0; x < cols_; ++x) {
                run += sums_[static_cast<std::size_t>(y) * cols_ + x];
                integral_[static_cast<std::size_t>(y + 1) * (cols_ + 1) + x + 1] =
                    integral_[static_cast<std::size_t>(y) * (cols_ + 1) + x + 1] + run;
            }
        }
    }

    // Mean over the window of `win` pixels centred on stride-8 cell (gy, gx). Near the border
    // the window slides inwards rather than shrinking or mirroring: a smaller window would have
    // other statistics and a mirrored one an unnatural pattern, and either makes border patches
    // look anomalous.
    double window(int gy, int gx, int win) const {
        const int n = win / kBlock;
        const int y0 = slide(2 * gy + 1 - n / 2, n, rows_), y1 = std::min(rows_, y0 + n);
        const int x0 = slide(2 * gx + 1 - n / 2, n, cols_), x1 = std::min(cols_, x0 + n);
        const std::size_t w = cols_ + 1;
        const double s = integral_[y1 * w + x1] - integral_[y1 * w + x0] - integral_[y0 * w + x1] + integral_[y0 * w + x0];
        return s / (static_cast<double>(y1 - y0) * (x1 - x0) * pixelsPerBlock_);
    }

private:
    static int slide(int start, int n, int size) { return std::max(0, std::min(start, size - n)); }

    int rows_ = 0, cols_ = 0, pixelsPerBlock_ = 1;
    std::vector<float> sums_;
    std::vector<double> integral_;
};

// Buffers reused between calls on one thread, so describing an image allocates almost nothing.
struct Workspace {
    cv::Mat opp[3], gx, gy, mag, ang, half, hgx, hgy, hmag, hang, blur1, blur2, blur4;
    BlockMeans mean[3], meanSq[3], mag1, mag2, hog1[kBins], hog2[kBins], band[3];
};

// Sobel derivatives whose outermost rows/columns are one-sided differences: the default mirrored
// border makes the derivative across the border exactly zero, so border patches would get a
// biased orientation histogram and look anomalous.
void derivatives(const cv::Mat& grey, cv::Mat& gx, cv::Mat& gy, cv::Mat& magnitude, cv::Mat& angle) {
    cv::Sobel(grey, gx, CV_32F, 1, 0, 3, 1.0 / 8.0, 0.0, cv::BORDER_REFLECT);
    cv::Sobel(grey, gy, CV_32F, 0, 1, 3, 1.0 / 8.0, 0.0, cv::BORDER_REFLECT);
    // With BORDER_REFLECT the edge derivative is half the one-sided difference.
    gx.col(0) *= 2.0;
    gx.col(gx.cols - 1) *= 2.0;
    gy.row(0) *= 2.0;
    gy.row(gy.rows - 1) *= 2.0;
    cv::cartToPolar(gx, gy, magnitude, angle, false);
}

// Adds magnitude-weighted orientations of one pixel to the two nearest of 8 bins over 180 degrees.
inline void addOrientation(BlockMeans* bins, int by, int bx, float magnitude, float angle) {
    float t = angle * static_cast<float>(kBins / CV_PI);
    t = std::fmod(t, static_cast<float>(kBins)) - 0.5f;
    if (t < 0) t += kBins;
    const int b0 = static_cast<int>(t) % kBins;
    const float f = t - static_cast<float>(static_cast<int>(t));
    bins[b0].at(by, bx) += magnitude * (1.0f - f);
    bins[(b0 + 1) % kBins].at(by, bx) += magnitude * f;
}

// Appends the orientation histogram of one window: square roots of the shares of each
// orientation (Hellinger), faded towards zero where there is hardly any gradient.
void appendHog(float*& out, const BlockMeans* bins, int gy, int gx, int win) {
    double h[kBins];
    double total = 0;
    for (int b = 0; b < kBins; ++b) total += (h[b] = std::max(0.0, bins[b].window(gy, gx, win)));
    for (int b = 0; b < kBins; ++b) *out++ = static_cast<float>(std::sqrt(h[b] / (total + kHogEps)) / kScales.hog);
}

}  // namespace

DescriptorBackbone::DescriptorBackbone(const BackboneOptions& options) {
    if (!options.name.empty() && options.name != "descriptors")
        throw Error("the descriptor backbone was asked for under the name '" + options.name + "'");
}

int DescriptorBackbone::dim() { return kDim; }

std::string DescriptorBackbone::identity() const {
    // Every constant that shapes the features, so that a change invalidates cached features.
    const Scales& k = kScales;
    std::ostringstream s;
    s << "descriptors-v1:stride=" << kStride << ";dim=" << kDim << ";colour=opponent;win=8,16,32,64"
      << ";grad=8,16,32@1,16,32,64@2;hog=" << kBins << "x(8,16@1,32@2);hogeps=" << kHogEps
      << ";dog=1,2,4x(8,24);sobel3-onesided;border=slide;scales=" << k.intensityMean << "," << k.chromaMean << ","
      << k.intensityStd << "," << k.chromaStd << "," << k.gradient << "," << k.hog << "," << k.band << ","
      << k.cellMax << "," << k.colourDev << "," << k.chromaDev << "," << k.quadrant;
    return s.str();
}

FeatureGrid DescriptorBackbone::describe(const FloatImage& image) {
    if (image.channels != 3 && image.channels != 1)
        throw Error("the descriptor backbone needs 1 or 3 input channels, got " + std::to_string(image.channels));
    if (image.height < kStride || image.width < kStride)
        throw Error("image of " + std::to_string(image.width) + "x" + std::to_string(image.height) +
                    " is smaller than one " + std::to_string(kStride) + "-pixel patch");
    if (image.data.size() != static_cast<std::size_t>(image.channels) * image.height * image.width)
        throw Error("image data size does not match its channels x height x width");
    thread_local Workspace ws;

    // Whole cells only: the few pixels past the last full cell carry no patch of their own.
    const int gh = image.height / kStride, gw = image.width / kStride;
    const int H = gh * kStride, W = gw * kStride;
    const int bh = H / kBlock, bw = W / kBlock;

    // Back to [0,1] RGB, then an intensity and two opponent colour channels.
    const float* src[3];
    for (int c = 0; c < 3; ++c) src[c] = image.plane(image.channels == 3 ? c : 0);
    for (auto& m : ws.opp) m.create(H, W, CV_32F);
    for (int y = 0; y < H; ++y) {
        float* o0 = ws.opp[0].ptr<float>(y);
        float* o1 = ws.opp[1].ptr<float>(y);
        float* o2 = ws.opp[2].ptr<float>(y);
        const std::size_t off = static_cast<std::size_t>(y) * image.width;
        for (int x = 0; x < W; ++x) {
            const float r = src[0][off + x] * kStd[0] + kMean[0];
            const float g = src[1][off + x] * kStd[1] + kMean[1];
            const float b = src[2][off + x] * kStd[2] + kMean[2];
            o0[x] = (r + g + b) * (1.0f / 3.0f);
            o1[x] = (r - g) * 0.5f;
            o2[x] = (r + g - 2.0f * b) * 0.25f;
        }
    }
    const cv::Mat& grey = ws.opp[0];

    // Gradients at full and half resolution; band-pass (difference of Gaussians) at three scales.
    derivatives(grey, ws.gx, ws.gy, ws.mag, ws.ang);
    cv::pyrDown(grey, ws.half);
    derivatives(ws.half, ws.hgx, ws.hgy, ws.hmag, ws.hang);
    cv::GaussianBlur(grey, ws.blur1, cv::Size(0, 0), 1.0);
    cv::GaussianBlur(ws.blur1, ws.blur2, cv::Size(0, 0), std::sqrt(3.0));   // sigma 2 overall
    cv::GaussianBlur(ws.blur2, ws.blur4, cv::Size(0, 0), std::sqrt(12.0));  // sigma 4 overall

    // Block sums of every per-pixel quantity.
    for (int c = 0; c < 3; ++c) {
        ws.mean[c].reset(bh, bw, kBlock * kBlock);
        ws.meanSq[c].reset(bh, bw, kBlock * kBlock);
        ws.band[c].reset(bh, bw, kBlock * kBlock);
    }
    ws.mag1.reset(bh, bw, kBlock * kBlock);
    ws.mag2.reset(bh, bw, kBlock * kBlock / 4);
    for (int b = 0; b < kBins; ++b) {
        ws.hog1[b].reset(bh, bw, kBlock * kBlock);
        ws.hog2[b].reset(bh, bw, kBlock * kBlock / 4);
    }
    for (int y = 0; y < H; ++y) {
        const int by = y / kBlock;
        const float* m = ws.mag.ptr<float>(y);
        const float* a = ws.ang.ptr<float>(y);
        const float* b1 = ws.blur1.ptr<float>(y);
        const float* b2 = ws.blur2.ptr<float>(y);
        const float* b4 = ws.blur4.ptr<float>(y);
        const float* p0 = ws.opp[0].ptr<float>(y);
        for (int x = 0; x < W; ++x) {
            const int bx = x / kBlock;
            for (int c = 0; c < 3; ++c) {
                const float v = ws.opp[c].ptr<float>(y)[x];
                ws.mean[c].at(by, bx) += v;
                ws.meanSq[c].at(by, bx) += v * v;
            }
            ws.mag1.at(by, bx) += m[x];
            addOrientation(ws.hog1, by, bx, m[x], a[x]);
            ws.band[0].at(by, bx) += std::abs(p0[x] - b1[x]);
            ws.band[1].at(by, bx) += std::abs(b1[x] - b2[x]);
            ws.band[2].at(by, bx) += std::abs(b2[x] - b4[x]);
        }
    }
    for (int y = 0; y < H / 2; ++y) {
        const int by = y / (kBlock / 2);
        const float* m = ws.hmag.ptr<float>(y);
        const float* a = ws.hang.ptr<float>(y);
        for (int x = 0; x < W / 2; ++x) {
            const int bx = x / (kBlock / 2);
            ws.mag2.at(by, bx) += m[x];
            addOrientation(ws.hog2, by, bx, m[x], a[x]);
        }
    }
    for (int c = 0; c < 3; ++c) {
        ws.mean[c].finish();
        ws.meanSq[c].finish();
        ws.band[c].finish();
    }
    ws.mag1.finish();
    ws.mag2.finish();
    for (int b = 0; b < kBins; ++b) {
        ws.hog1[b].finish();
        ws.hog2[b].finish();
    }

    FeatureGrid grid;
    grid.height = gh;
    grid.width = gw;
    grid.dim = kDim;
    grid.data.assign(grid.patches() * kDim, 0.0f);
    const Scales& k = kScales;

    for (int gy = 0; gy < gh; ++gy) {
        for (int gx = 0; gx < gw; ++gx) {
            float* out = grid.patch(static_cast<std::size_t>(gy) * gw + gx);
            float* const start = out;

            // Colour: local means and standard deviations at 8, 16, 32 and 64 pixels.
            double mean32[3];
            for (int c = 0; c < 3; ++c) {
                const double ms = c == 0 ? k.intensityMean : k.chromaMean;
                const double ss = c == 0 ? k.intensityStd : k.chromaStd;
                for (int win : {8, 16, 32, 64}) {
                    const double m = ws.mean[c].window(gy, gx, win);
                    const double v = std::max(0.0, ws.meanSq[c].window(gy, gx, win) - m * m);
                    *out++ = static_cast<float>(m / ms);
                    *out++ = static_cast<float>(std::sqrt(v) / ss);
                    if (win == 32) mean32[c] = m;
                }
            }
            // Gradient energy at both resolutions.
            for (int win : {8, 16, 32}) *out++ = static_cast<float>(ws.mag1.window(gy, gx, win) / k.gradient);
            for (int win : {16, 32, 64}) *out++ = static_cast<float>(ws.mag2.window(gy, gx, win) / k.gradient);
            // Orientation histograms: fine (8, 16 px at full resolution) and coarse (32 px at half).
            appendHog(out, ws.hog1, gy, gx, 8);
            appendHog(out, ws.hog1, gy, gx, 16);
            appendHog(out, ws.hog2, gy, gx, 32);
            // Band-pass energy: texture fineness.
            for (int b = 0; b < 3; ++b)
                for (int win : {8, 24}) *out++ = static_cast<float>(ws.band[b].window(gy, gx, win) / k.band);

            // Extremes inside the cell: thin scratches and small spots that window means dilute.
            float maxMag = 0, maxBand = 0, devHi[3] = {0, 0, 0}, devLo[3] = {0, 0, 0};
            const int y0 = gy * kStride, x0 = gx * kStride;
            for (int y = y0; y < y0 + kStride; ++y) {
                const float* m = ws.mag.ptr<float>(y);
                const float* p0 = ws.opp[0].ptr<float>(y);
                const float* b1 = ws.blur1.ptr<float>(y);
                for (int x = x0; x < x0 + kStride; ++x) {
                    maxMag = std::max(maxMag, m[x]);
                    maxBand = std::max(maxBand, std::abs(p0[x] - b1[x]));
                }
                for (int c = 0; c < 3; ++c) {
                    const float* p = ws.opp[c].ptr<float>(y);
                    const float ref = static_cast<float>(mean32[c]);
                    for (int x = x0; x < x0 + kStride; ++x) {
                        devHi[c] = std::max(devHi[c], p[x] - ref);
                        devLo[c] = std::min(devLo[c], p[x] - ref);
                    }
                }
            }
            *out++ = static_cast<float>(maxMag / k.cellMax);
            *out++ = static_cast<float>(maxBand / k.cellMax);
            for (int c = 0; c < 3; ++c) {
                const double s = c == 0 ? k.colourDev : k.chromaDev;
                *out++ = static_cast<float>(devHi[c] / s);
                *out++ = static_cast<float>(-devLo[c] / s);
            }
            // Layout inside the cell: intensity differences of its four 4x4 quadrants.
            const int qy = 2 * gy, qx = 2 * gx;
            const double q00 = ws.mean[0].block(qy, qx), q01 = ws.mean[0].block(qy, qx + 1);
            const double q10 = ws.mean[0].block(qy + 1, qx), q11 = ws.mean[0].block(qy + 1, qx + 1);
            *out++ = static_cast<float>((q00 + q01 - q10 - q11) / (2 * k.quadrant));
            *out++ = static_cast<float>((q00 + q10 - q01 - q11) / (2 * k.quadrant));
            *out++ = static_cast<float>((q00 + q11 - q01 - q10) / (2 * k.quadrant));
            if (out - start != kDim) throw Error("descriptor layout mismatch (internal)");
        }
    }
    return grid;
}

std::vector<FeatureGrid> DescriptorBackbone::extract(const std::vector<FloatImage>& batch) {
    std::vector<FeatureGrid> out(batch.size());
    std::string failure;
    std::mutex failureMutex;
    cv::parallel_for_(cv::Range(0, static_cast<int>(batch.size())), [&](const cv::Range& r) {
        for (int i = r.start; i < r.end; ++i) {
            try {
                out[i] = describe(batch[i]);
            } catch (const Error& e) {
                std::lock_guard<std::mutex> lock(failureMutex);
                failure = e.what();
            }
        }
    });
    if (!failure.empty()) throw Error(failure);
    return out;
}

}  // namespace pb
