#include "engine/synth/DemoDatasetGenerator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <mutex>

#include <opencv2/imgproc.hpp>

#include "engine/image/ImageWriter.h"
#include "engine/synth/Pcg32.h"
#include "engine/util/Error.h"

namespace pb {

namespace {

constexpr float kPi = 3.14159265358979f;

float clamp01(float v) { return std::min(1.0f, std::max(0.0f, v)); }

float smoothstep(float a, float b, float x) {
    const float t = clamp01((x - a) / (b - a));
    return t * t * (3.0f - 2.0f * t);
}

std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// Smooth random field in [-1, 1]-ish: a random lattice with cell sizes (cellY, cellX) pixels,
// interpolated bicubically. Anisotropic cells give fibres and brushing streaks.
cv::Mat noiseField(Pcg32& rng, int h, int w, double cellY, double cellX) {
    const int gh = static_cast<int>(std::ceil(h / cellY)) + 5;
    const int gw = static_cast<int>(std::ceil(w / cellX)) + 5;
    cv::Mat grid(gh, gw, CV_32F);
    for (int y = 0; y < gh; ++y)
        for (int x = 0; x < gw; ++x) grid.at<float>(y, x) = static_cast<float>(rng.uniform(-1.0, 1.0));
    cv::Mat big;
    cv::resize(grid, big, cv::Size(static_cast<int>(std::round(gw * cellX)), static_cast<int>(std::round(gh * cellY))),
               0, 0, cv::INTER_CUBIC);
    const int ox = static_cast<int>(std::round(2 * cellX)), oy = static_cast<int>(std::round(2 * cellY));
    return big(cv::Rect(ox, oy, w, h)).clone();
}

// Fractal sum of noise fields, halving the cell size and the amplitude per octave.
cv::Mat fbm(Pcg32& rng, int h, int w, double cellY, double cellX, int octaves) {
    cv::Mat sum = cv::Mat::zeros(h, w, CV_32F);
    double amp = 1.0, norm = 0.0;
    for (int o = 0; o < octaves; ++o) {
        sum += noiseField(rng, h, w, std::max(1.0, cellY), std::max(1.0, cellX)) * amp;
        norm += amp;
        cellY /= 2;
        cellX /= 2;
        amp /= 2;
    }
    return sum / norm;
}

// Plain-weave carpet: alternating warp/weft threads with cylindrical shading and fibre noise.
cv::Mat carpetTexture(Pcg32& rng, int c, double s) {
    const double period = s / 24.0;
    const cv::Vec3f warpCol = cv::Vec3f(0.40f, 0.39f, 0.36f) * static_cast<float>(rng.uniform(0.97, 1.03));
    const cv::Vec3f weftCol = cv::Vec3f(0.52f, 0.48f, 0.41f) * static_cast<float>(rng.uniform(0.97, 1.03));
    const double phaseX = rng.uniform(0.0, 2.0), phaseY = rng.uniform(0.0, 2.0);
    const int threads = static_cast<int>(c / period) + 6;
    std::vector<float> colW(threads), rowW(threads);
    for (auto& w : colW) w = static_cast<float>(rng.uniform(0.80, 0.95));
    for (auto& w : rowW) w = static_cast<float>(rng.uniform(0.80, 0.95));
    const cv::Mat fibV = noiseField(rng, c, c, 6.0, 1.2), fibH = noiseField(rng, c, c, 1.2, 6.0);
    const cv::Mat low = fbm(rng, c, c, s / 4, s / 4, 3);
    cv::Mat out(c, c, CV_32FC3);
    for (int y = 0; y < c; ++y) {
        auto* row = out.ptr<cv::Vec3f>(y);
        for (int x = 0; x < c; ++x) {
            const double u = x / period + phaseX, v = y / period + phaseY;
            const int i = static_cast<int>(std::floor(u)), j = static_cast<int>(std::floor(v));
            const float fu = static_cast<float>(u - i), fv = static_cast<float>(v - j);
            const bool vertical = ((i + j) & 1) == 0;
            const float across = vertical ? fu : fv, along = vertical ? fv : fu;
            const float width = vertical ? colW[(i % threads + threads) % threads] : rowW[(j % threads + threads) % threads];
            const float a = std::abs(across - 0.5f) / (0.5f * width);
            const float profile = a < 1.0f ? std::sqrt(1.0f - a * a) : 0.0f;
            const float shade = 0.65f + 0.35f * std::sin(kPi * along);
            const float fibre = vertical ? fibV.at<float>(y, x) : fibH.at<float>(y, x);
            const float gain = (0.22f + 0.78f * profile * shade) * (1.0f + 0.14f * fibre + 0.08f * low.at<float>(y, x));
            row[x] = (vertical ? warpCol : weftCol) * gain;
        }
    }
    return out;
}

// Wood: growth rings running along x, warped by low-frequency noise, with fine fibre streaks.
cv::Mat woodTexture(Pcg32& rng, int c, double s) {
    const double spacing = s / 9.0;
    const cv::Mat warp = fbm(rng, c, c, s / 3, s / 1.5, 3);
    const cv::Mat fib = noiseField(rng, c, c, 1.3, 30.0), fib2 = noiseField(rng, c, c, 3.0, 60.0);
    const cv::Mat low = fbm(rng, c, c, s / 3, s / 3, 2);
    const double phase = rng.uniform(0.0, 1.0);
    const double tilt = rng.uniform(-0.08, 0.08);
    const cv::Vec3f light = cv::Vec3f(0.80f, 0.61f, 0.41f) * static_cast<float>(rng.uniform(0.97, 1.03));
    const cv::Vec3f dark(0.50f, 0.32f, 0.18f);
    cv::Mat out(c, c, CV_32FC3);
    for (int y = 0; y < c; ++y) {
        auto* row = out.ptr<cv::Vec3f>(y);
        for (int x = 0; x < c; ++x) {
            const double g = (y + tilt * x + 1.1 * spacing * warp.at<float>(y, x)) / spacing + phase;
            const float f = static_cast<float>(g - std::floor(g));
            const float ring = smoothstep(0.50f, 0.90f, f) * (1.0f - smoothstep(0.90f, 1.0f, f));
            const float t = 0.55f * ring + 0.12f * fib.at<float>(y, x) + 0.08f * fib2.at<float>(y, x) +
                            0.10f * low.at<float>(y, x) + 0.12f;
            const float k = clamp01(t);
            row[x] = light * (1.0f - k) + dark * k;
        }
    }
    return out;
}

// Brushed metal sheet perforated with a square grid of round holes with a lit chamfer.
// `material` is 1 on the sheet and 0 inside the holes, where no stain or scratch can be.
cv::Mat metalTexture(Pcg32& rng, int c, double s, cv::Mat& material) {
    const cv::Mat brush1 = noiseField(rng, c, c, 1.0, 48.0), brush2 = noiseField(rng, c, c, 2.5, 120.0);
    const cv::Mat low = fbm(rng, c, c, s / 2, s / 2, 2);
    const double spacing = s / 4.0, radius = s * 0.045, rim = radius * 0.3;
    // The plate sits in a fixture: the hole grid moves by a few pixels only between images.
    const double ox = 0.5 * spacing + rng.uniform(-0.02, 0.02) * s, oy = 0.5 * spacing + rng.uniform(-0.02, 0.02) * s;
    const double sheenPhase = rng.uniform(0.0, 6.283), sheenDir = rng.uniform(0.0, 6.283);
    const float base = static_cast<float>(rng.uniform(0.58, 0.62));
    const cv::Vec3f tint(0.97f, 0.99f, 1.03f);
    cv::Mat out(c, c, CV_32FC3);
    material = cv::Mat::ones(c, c, CV_32F);
    for (int y = 0; y < c; ++y) {
        auto* row = out.ptr<cv::Vec3f>(y);
        auto* solid = material.ptr<float>(y);
        for (int x = 0; x < c; ++x) {
            const double sheen =
                0.04 * std::sin(6.283 * (x * std::cos(sheenDir) + y * std::sin(sheenDir)) / (1.5 * c) + sheenPhase);
            float v = static_cast<float>(base + sheen) + 0.035f * brush1.at<float>(y, x) +
                      0.025f * brush2.at<float>(y, x) + 0.03f * low.at<float>(y, x);
            const double cx = (std::floor((x - ox) / spacing) + 0.5) * spacing + ox;
            const double cy = (std::floor((y - oy) / spacing) + 0.5) * spacing + oy;
            const double dx = x - cx, dy = y - cy, d = std::sqrt(dx * dx + dy * dy);
            if (d < radius + rim + 1.0) {
                // Chamfer lit from the top left, dark shaft inside; 1-pixel smooth transitions.
                const float lightDir = static_cast<float>(0.5 + 0.5 * (-(dx + dy) / (std::sqrt(2.0) * std::max(d, 1e-6))));
                const float chamfer = 0.38f + 0.42f * lightDir;
                const float inside = 0.05f + 0.03f * static_cast<float>(dy / radius);
                const float tOuter = smoothstep(static_cast<float>(radius + rim - 0.5), static_cast<float>(radius + rim + 0.5),
                                                static_cast<float>(d));
                const float tInner = smoothstep(static_cast<float>(radius - 0.5), static_cast<float>(radius + 0.5),
                                                static_cast<float>(d));
                const float ring = inside * (1.0f - tInner) + chamfer * tInner;
                solid[x] = tInner;
                v = ring * (1.0f - tOuter) + v * tOuter;
            }
            row[x] = tint * v;
        }
    }
    return out;
}

// A normal surface: texture on a larger canvas, then a small random rotation/shift/scale,
// a lighting gradient and sensor noise, so normal images are alike but never identical.
// `material` (CV_32F) is where the surface has material (everywhere but metal holes).
cv::Mat renderSurface(const std::string& product, Pcg32& rng, int size, cv::Mat& material) {
    const double s = size;
    const int margin = std::max(8, size / 8);
    const int c = size + 2 * margin;
    cv::Mat canvas, solid = cv::Mat::ones(c, c, CV_32F);
    if (product == "carpet")
        canvas = carpetTexture(rng, c, s);
    else if (product == "wood")
        canvas = woodTexture(rng, c, s);
    else
        canvas = metalTexture(rng, c, s, solid);

    const double angle = rng.uniform(-1.5, 1.5), scale = rng.uniform(0.98, 1.02);
    cv::Mat m = cv::getRotationMatrix2D(cv::Point2f(c / 2.0f, c / 2.0f), angle, scale);
    m.at<double>(0, 2) += (size - c) / 2.0 + rng.uniform(-4.0, 4.0);
    m.at<double>(1, 2) += (size - c) / 2.0 + rng.uniform(-4.0, 4.0);
    cv::Mat img;
    cv::warpAffine(canvas, img, m, cv::Size(size, size), cv::INTER_LINEAR, cv::BORDER_REFLECT);
    cv::warpAffine(solid, material, m, cv::Size(size, size), cv::INTER_LINEAR, cv::BORDER_REFLECT);

    // Inspection lighting is controlled: a few percent of gain and gradient between shots.
    const float gain = static_cast<float>(rng.uniform(0.97, 1.03));
    const float gx = static_cast<float>(rng.uniform(-0.05, 0.05)), gy = static_cast<float>(rng.uniform(-0.05, 0.05));
    for (int y = 0; y < size; ++y) {
        auto* row = img.ptr<cv::Vec3f>(y);
        for (int x = 0; x < size; ++x) {
            const float light = gain * (1.0f + gx * (x / static_cast<float>(size) - 0.5f) + gy * (y / static_cast<float>(size) - 0.5f));
            // Sensor noise: a sum of three uniforms is close enough to Gaussian and cheap.
            const float n = static_cast<float>(rng.uniform() + rng.uniform() + rng.uniform() - 1.5) * 0.012f;
            for (int ch = 0; ch < 3; ++ch) row[x][ch] = clamp01(row[x][ch] * light + n);
        }
    }
    return img;
}

// A defect as an opacity map and the colours it blends towards.
struct Defect {
    cv::Mat alpha;   // CV_32F in [0, 1]
    cv::Mat target;  // CV_32FC3
};

// Anti-aliased drawing at 4x resolution, averaged down to an opacity map.
cv::Mat supersampled(int size, const std::function<void(cv::Mat&, int)>& draw) {
    constexpr int f = 4;
    cv::Mat big = cv::Mat::zeros(size * f, size * f, CV_8U);
    draw(big, f);
    cv::Mat small;
    cv::resize(big, small, cv::Size(size, size), 0, 0, cv::INTER_AREA);
    small.convertTo(small, CV_32F, 1.0 / 255.0);
    return small;
}

// A wandering curve: gently bending path from a random start, stopping at the image border.
std::vector<cv::Point2f> randomCurve(Pcg32& rng, double size, double minLen, double maxLen) {
    const double length = rng.uniform(minLen, maxLen) * size;
    const double step = size / 64.0;
    const double bend = rng.uniform(-1.0, 1.0) * 1.2 / length * step;
    cv::Point2f p(static_cast<float>(rng.uniform(0.2, 0.8) * size), static_cast<float>(rng.uniform(0.2, 0.8) * size));
    double dir = rng.uniform(0.0, 6.283);
    std::vector<cv::Point2f> pts = {p};
    for (double done = 0; done < length; done += step) {
        dir += bend + 0.05 * rng.normal();
        p += cv::Point2f(static_cast<float>(std::cos(dir) * step), static_cast<float>(std::sin(dir) * step));
        if (p.x < 3 || p.y < 3 || p.x > size - 3 || p.y > size - 3) break;
        pts.push_back(p);
    }
    return pts;
}

// Opacity of a curve whose width tapers towards both ends.
cv::Mat curveAlpha(int size, const std::vector<cv::Point2f>& pts, double width) {
    return supersampled(size, [&](cv::Mat& big, int f) {
        const std::size_t n = pts.size();
        for (std::size_t i = 1; i < n; ++i) {
            const double t = static_cast<double>(i) / n;
            const double w = width * (0.45 + 0.55 * std::sqrt(std::sin(kPi * t)));
            cv::line(big, pts[i - 1] * static_cast<float>(f), pts[i] * static_cast<float>(f), cv::Scalar(255),
                     std::max(1, static_cast<int>(std::round(w * f))), cv::LINE_AA);
        }
    });
}

// Radius of an irregular blob at angle theta: a circle perturbed by a few low harmonics.
struct Blob {
    double cx, cy, radius;
    double amp[3], phase[3];
    Blob(Pcg32& rng, double size, double minR, double maxR, double wobble) {
        radius = rng.uniform(minR, maxR) * size;
        cx = rng.uniform(0.15 * size + radius, 0.85 * size - radius);
        cy = rng.uniform(0.15 * size + radius, 0.85 * size - radius);
        for (int k = 0; k < 3; ++k) {
            amp[k] = rng.uniform(-wobble, wobble);
            phase[k] = rng.uniform(0.0, 6.283);
        }
    }
    // Distance from the centre in units of the local radius.
    double normalised(double x, double y) const {
        const double dx = x - cx, dy = y - cy;
        const double th = std::atan2(dy, dx);
        double r = 1.0;
        for (int k = 0; k < 3; ++k) r += amp[k] * std::cos((k + 2) * th + phase[k]);
        return std::sqrt(dx * dx + dy * dy) / (radius * r);
    }
    cv::Rect box(int size, double reach) const {
        const int r = static_cast<int>(std::ceil(radius * reach)) + 2;
        return cv::Rect(static_cast<int>(cx) - r, static_cast<int>(cy) - r, 2 * r + 1, 2 * r + 1) & cv::Rect(0, 0, size, size);
    }
};

Defect emptyDefect(const cv::Mat& img) {
    return {cv::Mat::zeros(img.size(), CV_32F), img.clone()};
}

// Thin curved line; bright on metal (polished groove), pale on wood (fresh fibres).
Defect scratch(const cv::Mat& img, Pcg32& rng, const std::string& product) {
    const int size = img.rows;
    const double k = size / 256.0;
    Defect d = emptyDefect(img);
    const int count = 1 + rng.below(2);
    for (int n = 0; n < count; ++n) {
        const auto pts = randomCurve(rng, size, 0.4, 0.65);
        cv::max(d.alpha, curveAlpha(size, pts, rng.uniform(2.0, 3.2) * k), d.alpha);
    }
    const cv::Vec3f pale(0.93f, 0.84f, 0.68f);
    for (int y = 0; y < size; ++y) {
        auto* t = d.target.ptr<cv::Vec3f>(y);
        for (int x = 0; x < size; ++x) {
            if (product == "metal_plate")
                for (int ch = 0; ch < 3; ++ch) t[x][ch] = clamp01(t[x][ch] + 0.30f);
            else
                t[x] = t[x] * 0.25f + pale * 0.75f;
        }
    }
    return d;
}

// Coloured loose thread lying on the carpet.
Defect thread(const cv::Mat& img, Pcg32& rng) {
    const int size = img.rows;
    const double k = size / 256.0;
    Defect d = emptyDefect(img);
    const auto pts = randomCurve(rng, size, 0.3, 0.5);
    d.alpha = curveAlpha(size, pts, rng.uniform(2.5, 3.5) * k);
    const cv::Vec3f palette[3] = {{0.62f, 0.22f, 0.16f}, {0.84f, 0.80f, 0.72f}, {0.18f, 0.22f, 0.45f}};
    const cv::Vec3f col = palette[rng.below(3)];
    Pcg32 fibre(rng.next(), 3);
    for (int y = 0; y < size; ++y) {
        auto* t = d.target.ptr<cv::Vec3f>(y);
        for (int x = 0; x < size; ++x) t[x] = col * static_cast<float>(0.85 + 0.25 * fibre.uniform());
    }
    return d;
}

// Round hole with a frayed (carpet) or charred (wood) rim and a dark inside.
Defect hole(const cv::Mat& img, Pcg32& rng, const std::string& product) {
    const int size = img.rows;
    Defect d = emptyDefect(img);
    const Blob blob(rng, size, 0.045, 0.065, 0.12);
    const double rimFrac = rng.uniform(0.25, 0.4);
    const cv::Rect box = blob.box(size, (1.0 + rimFrac) * 1.4);
    const cv::Vec3f charred(0.28f, 0.17f, 0.09f);
    for (int y = box.y; y < box.y + box.height; ++y) {
        auto* a = d.alpha.ptr<float>(y);
        auto* t = d.target.ptr<cv::Vec3f>(y);
        for (int x = box.x; x < box.x + box.width; ++x) {
            const double dn = blob.normalised(x, y);
            const double outer = 1.0 + rimFrac;
            // Anti-aliased outer edge: one pixel of partial opacity.
            a[x] = clamp01(static_cast<float>((outer - dn) * blob.radius));
            if (a[x] <= 0) continue;
            const float n = static_cast<float>(rng.uniform(-0.02, 0.02));
            if (dn < 1.0) {
                const float depth = static_cast<float>(0.04 + 0.04 * dn);
                t[x] = cv::Vec3f(depth + n, depth * 0.95f + n, depth * 0.9f + n);
            } else if (product == "carpet") {
                t[x] = img.at<cv::Vec3f>(y, x) * 1.3f + cv::Vec3f(0.08f, 0.08f, 0.08f) + cv::Vec3f(n, n, n) * 3.0f;
            } else {
                t[x] = charred + cv::Vec3f(n, n, n);
            }
        }
    }
    return d;
}

// Soft semi-transparent blob: coffee on carpet, water stain on wood, rust on metal.
Defect stain(const cv::Mat& img, Pcg32& rng, const std::string& product) {
    const int size = img.rows;
    Defect d = emptyDefect(img);
    const Blob blob(rng, size, 0.09, 0.14, 0.15);
    const float opacity = static_cast<float>(rng.uniform(0.55, 0.8));
    const cv::Mat texture = noiseField(rng, size, size, size / 40.0, size / 40.0);
    const cv::Rect box = blob.box(size, 1.5);
    for (int y = box.y; y < box.y + box.height; ++y) {
        auto* a = d.alpha.ptr<float>(y);
        auto* t = d.target.ptr<cv::Vec3f>(y);
        for (int x = box.x; x < box.x + box.width; ++x) {
            const double dn = blob.normalised(x, y);
            if (dn >= 1.0) continue;
            const float tex = texture.at<float>(y, x);
            a[x] = opacity * smoothstep(0.0f, 0.3f, static_cast<float>(1.0 - dn)) * (0.85f + 0.15f * tex);
            const cv::Vec3f& c = img.at<cv::Vec3f>(y, x);
            if (product == "carpet")
                t[x] = cv::Vec3f(c[0] * 0.62f, c[1] * 0.40f, c[2] * 0.22f);
            else if (product == "wood")
                t[x] = cv::Vec3f(c[0] * 0.55f, c[1] * 0.55f, c[2] * 0.62f);
            else
                t[x] = cv::Vec3f(0.52f, 0.30f, 0.16f) * (0.9f + 0.2f * tex);
        }
    }
    return d;
}

// A torn-out piece: an irregular polygon showing the black background.
Defect missing(const cv::Mat& img, Pcg32& rng) {
    const int size = img.rows;
    Defect d = emptyDefect(img);
    const double radius = rng.uniform(0.08, 0.12) * size;
    const double cx = rng.uniform(0.15 * size + radius, 0.85 * size - radius);
    const double cy = rng.uniform(0.15 * size + radius, 0.85 * size - radius);
    const int corners = 6 + rng.below(3);
    std::vector<cv::Point2d> poly;
    for (int i = 0; i < corners; ++i) {
        const double th = 6.283 * (i + rng.uniform(-0.3, 0.3)) / corners;
        const double r = radius * rng.uniform(0.65, 1.0);
        poly.emplace_back(cx + r * std::cos(th), cy + r * std::sin(th));
    }
    d.alpha = supersampled(size, [&](cv::Mat& big, int f) {
        std::vector<cv::Point> pts;
        for (const auto& p : poly) pts.emplace_back(static_cast<int>(p.x * f), static_cast<int>(p.y * f));
        cv::fillPoly(big, std::vector<std::vector<cv::Point>>{pts}, cv::Scalar(255), cv::LINE_AA);
    });
    for (int y = 0; y < size; ++y) {
        auto* t = d.target.ptr<cv::Vec3f>(y);
        for (int x = 0; x < size; ++x) {
            const float n = static_cast<float>(rng.uniform(-0.015, 0.015));
            t[x] = cv::Vec3f(0.04f + n, 0.04f + n, 0.045f + n);
        }
    }
    return d;
}

cv::Mat toRgb8(const cv::Mat& img) {
    cv::Mat out;
    img.convertTo(out, CV_8UC3, 255.0);
    return out;
}

int productIndex(const std::string& product) {
    const auto products = demoProducts();
    const auto it = std::find(products.begin(), products.end(), product);
    if (it == products.end()) throw Error("unknown demo product '" + product + "'");
    return static_cast<int>(it - products.begin());
}

}  // namespace

std::vector<std::string> demoProducts() { return {"carpet", "metal_plate", "wood"}; }

std::vector<std::string> demoDefects(const std::string& product) {
    switch (productIndex(product)) {
        case 0: return {"cut", "hole", "stain", "thread"};
        case 1: return {"missing", "scratch", "stain"};
        default: return {"hole", "scratch", "stain"};
    }
}

DemoImage renderDemoImage(const std::string& product, const std::string& defect, std::uint64_t seed, int size) {
    productIndex(product);
    if (size < 32) throw Error("demo images must be at least 32 pixels wide, got " + std::to_string(size));
    Pcg32 surfaceRng(seed, 1);
    cv::Mat material;
    const cv::Mat surface = renderSurface(product, surfaceRng, size, material);
    DemoImage out;
    out.clean = toRgb8(surface);
    if (defect == "good") {
        out.image = out.clean.clone();
        out.mask = cv::Mat::zeros(size, size, CV_8U);
        return out;
    }
    const auto defects = demoDefects(product);
    if (std::find(defects.begin(), defects.end(), defect) == defects.end())
        throw Error("unknown defect '" + defect + "' for demo product '" + product + "'");

    Pcg32 rng(seed, 2);
    Defect d;
    if (defect == "scratch")
        d = scratch(surface, rng, product);
    else if (defect == "thread")
        d = thread(surface, rng);
    else if (defect == "hole")
        d = hole(surface, rng, product);
    else if (defect == "stain")
        d = stain(surface, rng, product);
    else
        d = missing(surface, rng);

    // Stains and scratches lie on the material; they cannot cover the inside of a hole.
    if (defect == "stain" || defect == "scratch") d.alpha = d.alpha.mul(material);

    // Faint fringes that would not change an 8-bit pixel are dropped, so the mask is exactly
    // the set of altered pixels and everything outside it stays byte-identical.
    cv::Mat alpha = d.alpha.clone();
    alpha.setTo(0.0f, alpha < 0.1f);
    cv::Mat blended(surface.size(), CV_32FC3);
    for (int y = 0; y < size; ++y) {
        const auto* s = surface.ptr<cv::Vec3f>(y);
        const auto* t = d.target.ptr<cv::Vec3f>(y);
        const float* a = alpha.ptr<float>(y);
        auto* b = blended.ptr<cv::Vec3f>(y);
        for (int x = 0; x < size; ++x) {
            cv::Vec3f v = s[x] * (1.0f - a[x]) + t[x] * a[x];
            for (int ch = 0; ch < 3; ++ch) v[ch] = clamp01(v[ch]);
            b[x] = a[x] > 0 ? v : s[x];
        }
    }
    out.image = toRgb8(blended);
    out.mask = cv::Mat::zeros(size, size, CV_8U);
    out.mask.setTo(255, alpha > 0);
    return out;
}

void generateDemoDataset(const std::filesystem::path& root, const DemoDatasetOptions& options, const Progress* progress) {
    if (options.imageSize < 32) throw Error("demo image size must be at least 32", root.string());
    if (options.trainPerProduct < 1 || options.testGoodPerProduct < 0 || options.testDefectPerProduct < 0)
        throw Error("demo image counts must be positive", root.string());

    struct Job {
        std::string product, folder, defect;
        int index;
        std::uint64_t seed;
    };
    std::vector<Job> jobs;
    const auto products = demoProducts();
    for (std::size_t p = 0; p < products.size(); ++p) {
        const auto defects = demoDefects(products[p]);
        // Stream ids keep every image's pixels independent of the other counts.
        auto seedOf = [&](std::uint64_t folder, int index) {
            return splitmix64(options.seed ^ splitmix64((p + 1) << 40 | folder << 20 | static_cast<std::uint64_t>(index)));
        };
        for (int i = 0; i < options.trainPerProduct; ++i) jobs.push_back({products[p], "train/good", "good", i, seedOf(0, i)});
        for (int i = 0; i < options.testGoodPerProduct; ++i) jobs.push_back({products[p], "test/good", "good", i, seedOf(1, i)});
        std::vector<int> perDefect(defects.size(), 0);
        for (int i = 0; i < options.testDefectPerProduct; ++i) {
            const std::size_t d = i % defects.size();
            const int n = perDefect[d]++;
            jobs.push_back({products[p], "test/" + defects[d], defects[d], n, seedOf(2 + d, n)});
        }
    }

    std::mutex failureMutex;
    std::string failure, failureFile;
    const int chunk = 16;
    for (std::size_t start = 0; start < jobs.size(); start += chunk) {
        if (progress) progress->step("generating demo images", start, jobs.size());
        const int end = static_cast<int>(std::min(jobs.size(), start + chunk));
        cv::parallel_for_(cv::Range(static_cast<int>(start), end), [&](const cv::Range& r) {
            for (int i = r.start; i < r.end; ++i) {
                const Job& job = jobs[i];
                char name[32];
                std::snprintf(name, sizeof(name), "%03d", job.index);
                const auto dir = root / job.product;
                try {
                    const DemoImage img = renderDemoImage(job.product, job.defect, job.seed, options.imageSize);
                    writePng(dir / job.folder / (std::string(name) + ".png"), img.image);
                    if (job.defect != "good")
                        writePng(dir / "ground_truth" / job.defect / (std::string(name) + "_mask.png"), img.mask, false);
                } catch (const Error& e) {
                    std::lock_guard<std::mutex> lock(failureMutex);
                    failure = e.reason();
                    failureFile = e.file();
                }
            }
        });
        if (!failure.empty()) throw Error(failure, failureFile);
    }
    if (progress) progress->step("generating demo images", jobs.size(), jobs.size());
}

}  // namespace pb
