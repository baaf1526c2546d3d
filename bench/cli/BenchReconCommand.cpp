#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <numeric>
#include <random>
#include <sstream>

#include <unistd.h>

#include "app/cli/CommandLine.h"
#include "bench/cli/BenchRecon.h"
#include "bench/cli/PythonReference.h"
#include "engine/recon/ReconstructionTrainer.h"
#include "engine/util/BlasKernel.h"
#include "engine/util/Error.h"
#include "engine/util/Threads.h"

namespace pb::cli {

int runBenchRecon(const CommandLine& cl) {
    const int dim = cl.intValue("dim", 128);
    std::vector<int> groups;
    for (const auto& g : cl.list("groups", dim == 128 ? "32,96" : std::to_string(dim))) groups.push_back(std::stoi(g));
    const int blocks = cl.intValue("blocks", 8);
    const int grid = cl.intValue("grid", 28);
    const int batch = cl.intValue("batch", 16);
    const int iterations = cl.intValue("iterations", 5);
    const int warmup = cl.intValue("warmup", 1);
    if (dim < 1 || grid < 1 || batch < 1 || iterations < 1 || warmup < 0)
        throw Error("--dim, --grid, --batch and --iterations must be positive, --warmup not negative");
    setEngineThreads(cl.intValue("threads", 0));
    const int threads = engineThreads();
    std::printf("BLAS: %s\n", blasSummary().c_str());

    ReconstructionArchitecture architecture = ReconstructionArchitecture::scaledTo(dim, groups, blocks);
    if (groups.size() > 1 && architecture.groups.empty())
        throw Error("--groups must sum to --dim and divide --blocks evenly");
    architecture.validate();

    // The real trainer on random features: as many images as batches, so every step is a full batch.
    TrainingImages images;
    std::mt19937 rng(1);
    std::normal_distribution<float> normal(0.f, 1.f);
    for (int i = 0; i < batch * 2; ++i) {
        FeatureGrid g;
        g.height = g.width = grid;
        g.dim = dim;
        g.data.resize(static_cast<std::size_t>(grid) * grid * dim);
        for (auto& v : g.data) v = normal(rng);
        images.features.append(g);
        Sample s;
        s.path = "random" + std::to_string(i);
        images.samples.push_back(s);
    }
    ReconstructionTrainingOptions options;
    options.iterations = warmup + iterations;
    options.batchSize = batch;
    options.validateEvery = 0;
    options.checkpointEvery = options.iterations + 1;
    ReconstructionProvenance provenance;
    provenance.features.backbone = "random";
    const auto checkpoint =
        std::filesystem::temp_directory_path() / ("patchbank-bench-recon-" + std::to_string(::getpid()) + ".safetensors");
    std::vector<std::chrono::steady_clock::time_point> ends;
    ReconstructionTrainingObserver observer;
    observer.onLoss = [&](const LossPoint&) { ends.push_back(std::chrono::steady_clock::now()); };
    trainReconstruction(images, architecture, provenance, options, checkpoint, observer, {});
    std::filesystem::remove(checkpoint);
    // Iterations after the warm-up, from the end of the last warm-up step (or the first step) on.
    const std::size_t from = static_cast<std::size_t>(std::max(0, warmup - 1));
    const std::size_t timed = ends.size() - 1 - from;
    const double ours = timed / std::chrono::duration<double>(ends.back() - ends[from]).count();

    double theirs = 0;
    if (!cl.flag("no-python")) {
        std::filesystem::path script = cl.value("script", "");
        if (script.empty()) script = findBenchScript("recon_pytorch_reference.py");
        const std::string python = pythonWithTorch(cl.value("python", "python3"), cl.has("python"));
        if (python.empty()) {
            std::cout << "(no python3 that imports torch: PyTorch column skipped)\n";
        } else if (script.empty()) {
            std::cout << "(bench/recon_pytorch_reference.py not found, give --script: PyTorch column skipped)\n";
        } else {
            std::cout << "PyTorch reference: " << python << ", BLAS kernel " << pythonBlasKernel() << "\n";
            std::ostringstream args;
            std::string groupList;
            for (int g : architecture.resolvedGroups()) groupList += (groupList.empty() ? "" : ",") + std::to_string(g);
            args << "--dim " << dim << " --groups " << groupList << " --blocks " << blocks << " --heads "
                 << architecture.resolvedHeads() << " --mlp-ratio " << architecture.mlpRatio << " --grid " << grid
                 << " --batch " << batch << " --threads " << threads << " --iterations " << iterations << " --warmup "
                 << std::max(1, warmup);
            try {
                theirs = runPythonReference(python, script, args.str(), threads).at("iterations_per_s").get<double>();
            } catch (const std::exception& e) {
                std::cout << "(" << e.what() << ")\n";
            }
        }
    }
    std::printf("reconstruction training, width %d, %d heads, %d blocks, %dx%d patches, batch %d, %d threads, "
                "%zu parameters\n",
                dim, architecture.resolvedHeads(), blocks, grid, grid, batch, threads,
                ReconstructionModel(architecture, 0).parameterCount());
    std::printf("%16s %16s %14s\n", "ours it/s", "PyTorch it/s", "ours/PyTorch");
    if (theirs > 0) std::printf("%16.3f %16.3f %14.2f\n", ours, theirs, ours / theirs);
    else std::printf("%16.3f %16s %14s\n", ours, "-", "-");
    return 0;
}

}  // namespace pb::cli
