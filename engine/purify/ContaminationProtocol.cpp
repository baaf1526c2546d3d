#include "engine/purify/ContaminationProtocol.h"

#include <algorithm>
#include <cmath>

#include "engine/purify/NumpyRandomState.h"
#include "engine/util/Error.h"

namespace pb::purify {

std::string toString(ContaminationSetup setup) { return setup == ContaminationSetup::A ? "A" : "B"; }

ContaminationSetup contaminationSetupFromString(const std::string& name) {
    if (name == "A" || name == "a") return ContaminationSetup::A;
    if (name == "B" || name == "b") return ContaminationSetup::B;
    throw Error("unknown contamination setup '" + name + "' (A: shared anomaly pool, B: disjoint pool)");
}

int ContaminationSpec::contaminantCount() const {
    return static_cast<int>(std::nearbyint(support * rate));  // the default rounding mode is half-even
}

std::size_t ContaminatedSplit::contaminants() const {
    return static_cast<std::size_t>(
        std::count_if(support.begin(), support.end(), [](const ReferenceImage& r) { return r.contaminant; }));
}

namespace {

std::vector<std::size_t> toIndices(const std::vector<std::int64_t>& values) {
    return {values.begin(), values.end()};
}

}  // namespace

ContaminatedSplit contaminate(std::size_t trainCount, const std::vector<int>& testLabels,
                              const ContaminationSpec& spec) {
    if (spec.support < 1) throw Error("the support needs at least one image, got " + std::to_string(spec.support));
    if (static_cast<std::size_t>(spec.support) > trainCount)
        throw Error("a support of " + std::to_string(spec.support) + " images needs as many training images; there are " +
                    std::to_string(trainCount));
    if (!(spec.rate >= 0.0 && spec.rate <= 1.0))
        throw Error("the contamination rate must be between 0 and 1, got " + std::to_string(spec.rate));
    if (spec.seed < 0) throw Error("the seed must not be negative, got " + std::to_string(spec.seed));

    ContaminatedSplit split;
    split.cleanSupport =
        toIndices(NumpyRandomState(static_cast<std::uint32_t>(spec.seed))
                      .choice(static_cast<std::int64_t>(trainCount), static_cast<std::size_t>(spec.support), false));
    std::sort(split.cleanSupport.begin(), split.cleanSupport.end());
    for (std::size_t index : split.cleanSupport) split.support.push_back({false, index});

    std::vector<std::size_t> anomalies;
    for (std::size_t i = 0; i < testLabels.size(); ++i)
        if (testLabels[i] == 1) anomalies.push_back(i);
    std::vector<std::size_t> pool = anomalies;
    std::vector<bool> scored(testLabels.size(), true);
    if (spec.setup == ContaminationSetup::B) {
        NumpyRandomState(static_cast<std::uint32_t>(spec.seed + kPoolSeedOffset)).shuffle(anomalies);
        pool.assign(anomalies.begin(), anomalies.begin() + anomalies.size() / 2);
        for (std::size_t i : pool) scored[i] = false;
    }
    for (std::size_t i = 0; i < testLabels.size(); ++i)
        if (scored[i]) split.test.push_back(i);

    const int m = spec.contaminantCount();
    if (m > 0) {
        if (pool.empty())
            throw Error("contamination needs test anomalies to draw from; this product has " +
                        std::to_string(anomalies.size()) + (spec.setup == ContaminationSetup::B ? " (half form the pool)" : ""));
        NumpyRandomState rng(static_cast<std::uint32_t>(spec.seed + kContaminationSeedOffset));
        const auto slots = rng.choice(spec.support, static_cast<std::size_t>(m), false);
        const auto picks = rng.choice(static_cast<std::int64_t>(pool.size()), static_cast<std::size_t>(m),
                                      pool.size() < static_cast<std::size_t>(m));
        for (std::size_t j = 0; j < slots.size(); ++j)
            split.support[static_cast<std::size_t>(slots[j])] = {true, pool[static_cast<std::size_t>(picks[j])]};
    }

    std::vector<std::size_t> unused;
    std::vector<bool> inSupport(trainCount, false);
    for (std::size_t index : split.cleanSupport) inSupport[index] = true;
    for (std::size_t i = 0; i < trainCount; ++i)
        if (!inSupport[i]) unused.push_back(i);
    if (!unused.empty())
        for (std::int64_t j : NumpyRandomState(static_cast<std::uint32_t>(spec.seed + kRecaptureSeedOffset))
                                  .permutation(static_cast<std::int64_t>(unused.size())))
            split.recapture.push_back(unused[static_cast<std::size_t>(j)]);
    return split;
}

}  // namespace pb::purify
