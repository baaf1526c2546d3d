// Squared Euclidean distance with 16 independent float lanes and a fixed reduction order: the value
// depends only on the two vectors, never on which loop, thread or block computes it, which is what
// makes the pruned coreset and k-means++ selections identical to their unpruned passes.
#pragma once

namespace pb {

inline __attribute__((always_inline)) float squaredDistance(const float* a, const float* b, int p) {
    float acc[16] = {0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f};
    int k = 0;
    for (; k + 16 <= p; k += 16)
        for (int l = 0; l < 16; ++l) {
            const float d = a[k + l] - b[k + l];
            acc[l] += d * d;
        }
    for (int l = 0; k + l < p; ++l) {
        const float d = a[k + l] - b[k + l];
        acc[l] += d * d;
    }
    for (int width = 8; width >= 1; width /= 2)
        for (int l = 0; l < width; ++l) acc[l] += acc[l + width];
    return acc[0];
}

}  // namespace pb
