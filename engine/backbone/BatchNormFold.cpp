#include "engine/backbone/BatchNormFold.h"

#include <cmath>
#include <string>

#include "engine/util/Error.h"

namespace pb {

std::vector<float> foldBatchNorm(std::vector<float>& convWeight, const BatchNormParams& bn) {
    const std::size_t out = bn.weight.size();
    if (out == 0 || bn.bias.size() != out || bn.runningMean.size() != out || bn.runningVar.size() != out ||
        convWeight.size() % out != 0)
        throw Error("BatchNorm of " + std::to_string(out) + " channels does not fit a conv weight of " +
                    std::to_string(convWeight.size()) + " values");
    const std::size_t perChannel = convWeight.size() / out;
    std::vector<float> bias(out);
    for (std::size_t o = 0; o < out; ++o) {
        // In double, then rounded once: the folded conv stays within float rounding of conv-then-BN.
        const double scale = bn.weight[o] / std::sqrt(static_cast<double>(bn.runningVar[o]) + bn.eps);
        float* w = convWeight.data() + o * perChannel;
        for (std::size_t i = 0; i < perChannel; ++i) w[i] = static_cast<float>(w[i] * scale);
        bias[o] = static_cast<float>(bn.bias[o] - bn.runningMean[o] * scale);
    }
    return bias;
}

}  // namespace pb
