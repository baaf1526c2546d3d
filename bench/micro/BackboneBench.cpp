// Backbone throughput (images per second) of the native LibTorch CNNs with deterministic random
// weights (no download needed): mobilenetv2_100 and wide_resnet50_2 at 224 and 448 px, batch 8.
// Arguments: {input size, threads}; the engine's thread setting is restored afterwards.
#include <benchmark/benchmark.h>

#include <cmath>
#include <string>
#include <vector>

#include "engine/backbone/Backbone.h"
#include "engine/util/Threads.h"

namespace {

constexpr int kBatch = 8;

pb::FloatImage syntheticImage(int size, int seed) {
    pb::FloatImage im;
    im.channels = 3;
    im.height = im.width = size;
    im.data.resize(3u * size * size);
    for (std::size_t i = 0; i < im.data.size(); ++i)
        im.data[i] = static_cast<float>(std::sin(0.013 * static_cast<double>(i) + seed));
    return im;
}

void BM_BackboneExtract(benchmark::State& state, const std::string& name) {
    const int size = static_cast<int>(state.range(0));
    const int threads = static_cast<int>(state.range(1));
    const int previous = pb::engineThreads();
    pb::setEngineThreads(threads);

    pb::BackboneOptions options;
    options.name = name;  // no weightsPath: fixed-seed random weights
    options.batchSize = kBatch;
    const auto backbone = pb::createBackbone(options);
    std::vector<pb::FloatImage> batch;
    for (int i = 0; i < kBatch; ++i) batch.push_back(syntheticImage(size, i));
    backbone->extract(batch);  // warm-up: first-call allocations and kernel selection

    for (auto _ : state) {
        auto grids = backbone->extract(batch);
        benchmark::DoNotOptimize(grids.data());
    }
    state.SetItemsProcessed(state.iterations() * kBatch);
    state.counters["images_per_s"] =
        benchmark::Counter(static_cast<double>(state.iterations() * kBatch), benchmark::Counter::kIsRate);
    state.SetLabel(backbone->identity());
    pb::setEngineThreads(previous);
}

BENCHMARK_CAPTURE(BM_BackboneExtract, mobilenetv2_100, std::string("mobilenetv2_100"))
    ->ArgNames({"px", "threads"})
    ->Args({224, 2})
    ->Args({448, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_BackboneExtract, wide_resnet50_2, std::string("wide_resnet50_2"))
    ->ArgNames({"px", "threads"})
    ->Args({224, 2})
    ->Args({448, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
