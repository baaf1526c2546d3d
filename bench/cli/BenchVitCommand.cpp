#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "bench/cli/BenchVit.h"
#include "bench/cli/PythonReference.h"
#include "app/cli/CommandLine.h"
#include "engine/backbone/VisionTransformer.h"
#include "engine/util/Error.h"
#include "engine/util/BlasKernel.h"
#include "engine/util/TensorMemory.h"
#include "engine/util/Threads.h"

namespace pb::cli {

namespace {

struct VitSize {
    std::string name;
    int hidden, layers, heads, intermediate;
};

// The released DINOv3 LVD-1689M ViTs (patch 16, 4 registers).
const std::vector<VitSize>& knownSizes() {
    static const std::vector<VitSize> sizes = {
        {"vits16", 384, 12, 6, 1536}, {"vitb16", 768, 12, 12, 3072}, {"vitl16", 1024, 24, 16, 4096}};
    return sizes;
}

// Multiply-adds x 2 of one image through blocks 0..blocks-1 (patch embedding, projections, MLP, attention).
double gflopPerImage(const VitSize& s, int resolution, int blocks) {
    const double n = std::pow(resolution / 16, 2), t = n + 5, c = s.hidden, i = s.intermediate;
    const double patch = 2 * n * c * 3 * 16 * 16;
    const double block = 2 * t * (4 * c * c + 2 * c * i) + 2 * 2 * t * t * c;
    return (patch + blocks * block) / 1e9;
}

}  // namespace

int runBenchVit(const CommandLine& cl) {
    const auto models = cl.list("models", "vits16,vitl16");
    const int resolution = cl.intValue("resolution", 448);
    const int batch = cl.intValue("batch", 1);
    const int iterations = cl.intValue("iterations", 3);
    const int warmup = cl.intValue("warmup", 1);
    const std::string layer = cl.value("layer", "-1");
    if (resolution < 16 || batch < 1 || iterations < 1 || warmup < 0)
        throw Error("--resolution >= 16, --batch >= 1, --iterations >= 1 and --warmup >= 0 are required");
    setEngineThreads(cl.intValue("threads", 0));
    std::printf("BLAS: %s\n", blasSummary().c_str());
    const int threads = engineThreads();
    if (cl.flag("no-onednn")) VisionTransformer::setFastCpuGemmEnabled(false);

    std::string python;
    std::filesystem::path script = cl.value("script", "");
    bool withPython = !cl.flag("no-python");
    if (withPython) {
        if (script.empty()) script = findBenchScript("vit_pytorch_reference.py");
        python = pythonWithTorch(cl.value("python", "python3"), cl.has("python"));
        if (python.empty()) {
            std::cout << "(no python3 that imports torch: PyTorch column skipped)\n";
            withPython = false;
        } else if (script.empty() || !std::filesystem::exists(script)) {
            std::cout << "(bench/vit_pytorch_reference.py not found, give --script: PyTorch column skipped)\n";
            withPython = false;
        } else {
            std::cout << "PyTorch reference: " << python << ", BLAS kernel " << pythonBlasKernel() << "\n";
        }
    }

    std::printf("ViT forward, DINOv3 architecture, random weights, %dx%d, batch %d, %d threads, layer %s, %s%s\n",
                resolution, resolution, batch, threads, layer.c_str(), cl.value("precision", "fp32").c_str(),
                VisionTransformer::fastCpuGemmAvailable() && !cl.flag("no-onednn") ? ", oneDNN sgemm"
                                                                                    : ", LibTorch ops");
    // CPU seconds (all threads, the fastest iteration) show the work done when the machine is shared.
    std::printf("%-8s %7s %7s %10s %13s %14s %13s %14s %14s\n", "model", "tokens", "blocks", "GFLOP/img",
                "ours img/s", "PyTorch img/s", "ours/PyTorch", "ours cpu-s/img", "PyT cpu-s/img");
    for (const auto& modelName : models) {
        const VitSize* size = nullptr;
        for (const auto& s : knownSizes())
            if (s.name == modelName) size = &s;
        if (!size) throw Error("unknown model '" + modelName + "' (vits16, vitb16, vitl16)");
        BackboneOptions options;
        options.name = "dinov3";
        options.layers = {layer};
        options.batchSize = batch;
        options.precision = cl.value("precision", "fp32");
        VisionTransformer vit(VitConfig::dinov3(size->hidden, size->layers, size->heads, size->intermediate), options);
        const int blocks = vit.blocks().front() + 1;

        std::mt19937 rng(1);
        std::normal_distribution<float> normal(0.f, 1.f);
        std::vector<FloatImage> images(static_cast<std::size_t>(batch));
        for (auto& img : images) {
            img.channels = 3;
            img.height = img.width = resolution;
            img.data.resize(3u * resolution * resolution);
            for (auto& v : img.data) v = normal(rng);
        }
        const TensorMemoryReuse reuse;  // as FeatureExtractor runs its batches
        for (int i = 0; i < warmup; ++i) vit.extract(images);
        // The fastest iteration, on both sides: the machine may be shared, and the best run is
        // the one least disturbed by other processes.
        double best = 0, bestCpu = 0;
        for (int i = 0; i < iterations; ++i) {
            const auto t0 = std::chrono::steady_clock::now();
            const std::clock_t c0 = std::clock();
            vit.extract(images);
            const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
            const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            best = i == 0 ? s : std::min(best, s);
            bestCpu = i == 0 ? cpu : std::min(bestCpu, cpu);
        }
        const double ours = batch / best;

        double theirs = 0, theirsCpu = 0;
        if (withPython) {
            std::ostringstream args;
            args << "--hidden " << size->hidden << " --layers " << size->layers << " --heads " << size->heads
                 << " --intermediate " << size->intermediate << " --resolution " << resolution << " --batch " << batch
                 << " --threads " << threads << " --iterations " << iterations << " --warmup " << warmup << " --layer "
                 << layer;
            try {
                const auto j = runPythonReference(python, script, args.str(), threads);
                theirs = j.at("images_per_second").get<double>();
                theirsCpu = j.at("cpu_seconds_per_batch").get<double>();
            } catch (const std::exception& e) {
                std::cout << "(" << e.what() << ")\n";
            }
        }
        const double tokens = std::pow(resolution / 16, 2) + 5;
        char theirsText[32] = "-", ratioText[32] = "-", theirsCpuText[32] = "-";
        if (theirs > 0) {
            std::snprintf(theirsText, sizeof theirsText, "%.3f", theirs);
            std::snprintf(ratioText, sizeof ratioText, "%.2f", ours / theirs);
            std::snprintf(theirsCpuText, sizeof theirsCpuText, "%.2f", theirsCpu / batch);
        }
        std::printf("%-8s %7.0f %7d %10.1f %13.3f %14s %13s %14.2f %14s\n", size->name.c_str(), tokens, blocks,
                    gflopPerImage(*size, resolution, blocks), ours, theirsText, ratioText, bestCpu / batch,
                    theirsCpuText);
        std::fflush(stdout);
    }
    return 0;
}

}  // namespace pb::cli
