#include "engine/purify/MemoryEnsemble.h"

#include <cblas.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "engine/purify/ImageAudit.h"
#include "engine/purify/ImageDistances.h"
#include "engine/purify/NumpyRandomState.h"
#include "engine/util/Error.h"

namespace pb::purify {

std::vector<float> nearestImageDistances(const ReferencePatches& patches, const Progress& progress) {
    const std::size_t n = patches.images();
    const std::size_t per = patches.patchesPerImage();
    const int dim = patches.dim;
    const std::size_t total = n * per;
    std::vector<float> nearest(total * n, std::numeric_limits<float>::infinity());
    const std::size_t block = std::max<std::size_t>(1, 4096 / std::max<std::size_t>(per, 1));  // images per block side
    std::vector<float> products(block * per * block * per);
    const std::string stage = "memory ensemble";
    for (std::size_t qi = 0; qi < n; qi += block) {
        progress.step(stage, qi, n);
        const std::size_t qn = std::min(block, n - qi);
        for (std::size_t bj = 0; bj < n; bj += block) {
            const std::size_t bn = std::min(block, n - bj);
            const int rows = static_cast<int>(qn * per), cols = static_cast<int>(bn * per);
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, rows, cols, dim, 1.0f, patches.image(qi), dim,
                        patches.image(bj), dim, 0.0f, products.data(), cols);
            for (int r = 0; r < rows; ++r) {
                const float* row = products.data() + static_cast<std::size_t>(r) * cols;
                float* dest = nearest.data() + (qi * per + r) * n + bj;
                for (std::size_t j = 0; j < bn; ++j) {
                    const float best = *std::max_element(row + j * per, row + (j + 1) * per);
                    dest[j] = std::max(0.0f, 1.0f - best);
                }
            }
        }
    }
    progress.step(stage, n, n);
    return nearest;
}

MemoryEnsembleResult screenWithMemoryEnsemble(const ReferencePatches& input, const MemoryEnsembleOptions& options,
                                              const Progress& progress) {
    const std::size_t n = input.images();
    if (n < 2) throw Error("memory-ensemble screening needs at least two images, got " + std::to_string(n));
    if (options.members < 1) throw Error("the memory ensemble needs at least one member");
    if (!(options.fraction > 0 && options.fraction <= 1))
        throw Error("the member fraction must be in (0, 1], got " + std::to_string(options.fraction));
    if (!(options.topFraction > 0 && options.topFraction <= 1))
        throw Error("the top fraction must be in (0, 1], got " + std::to_string(options.topFraction));
    if (options.seed < 0) throw Error("the seed must not be negative");

    const ReferencePatches patches = input.normalised();
    const std::size_t per = patches.patchesPerImage();
    const std::size_t total = n * per;

    MemoryEnsembleResult out;
    const auto size = static_cast<std::size_t>(std::ceil(options.fraction * static_cast<double>(n)));
    NumpyRandomState rng(static_cast<std::uint32_t>(options.seed));
    for (int b = 0; b < options.members; ++b) {
        std::vector<std::size_t> member;
        for (std::int64_t j : rng.randint(0, static_cast<std::int64_t>(n), size)) member.push_back(static_cast<std::size_t>(j));
        out.members.push_back(std::move(member));
    }

    // nearest[p * n + j]: 1 - the largest cosine between patch p and the patches of image j, for every
    // patch and image (n * patches floats).
    const std::vector<float> nearest = options.device == "cpu" ? nearestImageDistances(patches, progress)
                                                              : nearestImageDistancesTorch(patches, options.device, progress);

    out.patchScores.assign(total, 0.0f);
    for (std::size_t p = 0; p < total; ++p) {
        const float* d = nearest.data() + p * n;
        double sum = 0;
        for (const auto& member : out.members) {
            float best = std::numeric_limits<float>::infinity();
            for (std::size_t j : member) best = std::min(best, d[j]);
            sum += best;
        }
        out.patchScores[p] = static_cast<float>(sum / options.members);
    }

    const auto top = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(options.topFraction * per)));
    std::vector<float> scratch(per);
    for (std::size_t i = 0; i < n; ++i) {
        std::copy(out.patchScores.begin() + i * per, out.patchScores.begin() + (i + 1) * per, scratch.begin());
        std::partial_sort(scratch.begin(), scratch.begin() + top, scratch.end(), std::greater<>());
        out.imageScores.push_back(std::accumulate(scratch.begin(), scratch.begin() + top, 0.0) / top);
    }
    static_cast<RobustFlags&>(out) = flagAboveMedian(out.imageScores, options.madMultiplier, n);
    return out;
}

}  // namespace pb::purify
