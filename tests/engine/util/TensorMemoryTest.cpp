#include "engine/util/TensorMemory.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "engine/backbone/Backbone.h"

namespace pb {
namespace {

FloatImage wave(int size, double phase) {
    FloatImage im;
    im.channels = 3;
    im.height = im.width = size;
    im.data.resize(3u * size * size);
    for (std::size_t i = 0; i < im.data.size(); ++i)
        im.data[i] = static_cast<float>(std::sin(0.011 * static_cast<double>(i) + phase));
    return im;
}

// A CNN's batches allocate the same large activations again and again (and oneDNN its scratch
// memory, through raw_allocate / raw_deallocate): within a TensorMemoryReuse the pool serves them all
// from its cache after the first batch, and the features do not change. Outside one, nothing is kept.
TEST(TensorMemory, BackboneBatchesReuseTheFirstBatchsBlocks) {
    BackboneOptions options;
    options.name = "mobilenetv2_100";  // random weights: the memory pattern is what counts
    const std::unique_ptr<Backbone> net = createBackbone(options);
    ASSERT_TRUE(tensorMemoryStats().installed) << "creating a LibTorch backbone installs the pool";

    const std::vector<FloatImage> batch = {wave(224, 0.0), wave(224, 1.0), wave(224, 2.0), wave(224, 3.0)};
    const TensorMemoryStats before = tensorMemoryStats();
    const std::vector<FeatureGrid> first = net->extract(batch);
    const TensorMemoryStats unscoped = tensorMemoryStats();
    EXPECT_GT(unscoped.mappings, before.mappings) << "a batch of 224 px images has large activations";
    EXPECT_EQ(unscoped.cachedBytes, 0u) << "outside a reuse scope freed blocks are unmapped";
    EXPECT_EQ(unscoped.mappedBytes, before.mappedBytes);

    TensorMemoryStats afterFirst, afterThird;
    {
        const TensorMemoryReuse reuse;
        EXPECT_EQ(net->extract(batch)[1].data, first[1].data);
        afterFirst = tensorMemoryStats();
        EXPECT_GT(afterFirst.cachedBytes, 0u) << "freed blocks are kept for the next batch";

        const std::vector<FeatureGrid> second = net->extract(batch);
        const std::vector<FeatureGrid> third = net->extract(batch);
        afterThird = tensorMemoryStats();
        EXPECT_EQ(afterThird.mappings, afterFirst.mappings) << "later batches map no new memory";
        EXPECT_GT(afterThird.reuses, afterFirst.reuses);
        ASSERT_EQ(first.size(), batch.size());
        for (std::size_t i = 0; i < batch.size(); ++i) {
            EXPECT_EQ(second[i].data, first[i].data) << "image " << i;
            EXPECT_EQ(third[i].data, first[i].data) << "image " << i;
        }
        // Other images through the same blocks: no value carried over from the batch before. A batch of one
        // may take other convolution kernels (and thread splits) than a batch of four: equal up to rounding.
        const std::vector<float> alone = net->extract({batch[2]})[0].data;
        ASSERT_EQ(alone.size(), first[2].data.size());
        double largest = 0, worst = 0;
        for (std::size_t i = 0; i < alone.size(); ++i) {
            largest = std::max(largest, std::abs(double(first[2].data[i])));
            worst = std::max(worst, std::abs(double(alone[i]) - first[2].data[i]));
        }
        EXPECT_LE(worst, 1e-4 * largest) << "largest value " << largest;
    }
    const TensorMemoryStats released = tensorMemoryStats();
    EXPECT_EQ(released.cachedBytes, 0u) << "the scope's end unmaps the cached blocks";
    EXPECT_EQ(released.mappedBytes, before.mappedBytes);
}

}  // namespace
}  // namespace pb
