// The reconstruction detector and its training on small synthetic feature grids: the network's maps,
// that training lowers its loss, determinism, resuming after a cancel to the same weights, MeDS's
// stages on a set with defective images, and checkpoints refused for other features or options.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <random>

#include "engine/recon/ReconstructionTrainer.h"
#include "engine/util/Error.h"

namespace pb {
namespace {

constexpr int kGrid = 6, kDim = 24;

// `n` images of kGrid x kGrid patches: normal patches near a few prototypes; images listed in
// `defective` get a block of far-off patches.
TrainingImages syntheticImages(int n, const std::vector<int>& defective, unsigned seed = 3) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> noise(0.0f, 0.15f);
    std::vector<std::vector<float>> prototypes(4, std::vector<float>(kDim));
    for (auto& p : prototypes)
        for (auto& v : p) v = noise(rng) * 6.0f;
    TrainingImages images;
    for (int i = 0; i < n; ++i) {
        FeatureGrid g;
        g.height = g.width = kGrid;
        g.dim = kDim;
        const bool bad = std::find(defective.begin(), defective.end(), i) != defective.end();
        for (int p = 0; p < kGrid * kGrid; ++p) {
            const auto& proto = prototypes[static_cast<std::size_t>(p % 4)];
            const bool defect = bad && p % kGrid < 3 && p / kGrid < 3;
            for (int d = 0; d < kDim; ++d) g.data.push_back(defect ? 3.0f * ((d % 3) - 1.0f) + noise(rng) : proto[d] + noise(rng));
        }
        images.features.append(g);
        Sample s;
        s.path = "image" + std::to_string(i) + ".png";
        s.label = bad ? 1 : 0;
        images.samples.push_back(s);
    }
    return images;
}

ReconstructionArchitecture smallArchitecture() {
    ReconstructionArchitecture a = ReconstructionArchitecture::scaledTo(kDim, {8, 16}, 4);
    a.heads = 2;
    return a;
}

ReconstructionProvenance provenance() {
    ReconstructionProvenance p;
    p.features.backbone = "synthetic";
    p.features.resolution = 48;
    p.gridHeight = p.gridWidth = kGrid;
    p.product = "widget";
    return p;
}

ReconstructionTrainingOptions smallOptions(const std::string& method) {
    ReconstructionTrainingOptions o;
    o.method = method;
    o.iterations = 24;
    o.finetuneIterations = 16;
    o.batchSize = 4;
    o.warmupIterations = 4;
    o.validateEvery = 8;
    o.checkpointEvery = 5;
    o.ensemble.members = 10;
    o.ensemble.fraction = 0.3;
    return o;
}

std::filesystem::path scratch(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() / ("pb_recon_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = dir / name;
    std::filesystem::remove(path);
    return path;
}

std::vector<float> mapsOf(const ReconstructionModel& model, const TrainingImages& images) {
    return model.patchScores(images.features.data.data(), images.features.images(), images.features.patchesPerImage());
}

TEST(Reconstruction, ArchitectureIsScaledToTheBackboneLayers) {
    const auto a = ReconstructionArchitecture::scaledTo(128, {32, 96});
    EXPECT_EQ(a.resolvedHeads(), 2);
    EXPECT_EQ(a.resolvedGroups(), (std::vector<int>{32, 96}));
    EXPECT_NO_THROW(a.validate());
    const auto single = ReconstructionArchitecture::scaledTo(768, {});
    EXPECT_EQ(single.resolvedHeads(), 12);  // Dinomaly's ViT-B decoder
    EXPECT_EQ(single.resolvedGroups(), (std::vector<int>{768}));
    auto odd = a;
    odd.blocks = 3;  // not divisible over two groups
    EXPECT_THROW(odd.validate(), Error);
    EXPECT_EQ(ReconstructionArchitecture::fromJson(a.toJson()), a);
}

TEST(Reconstruction, MapsAreCosineDistancesPerPatch) {
    const TrainingImages images = syntheticImages(3, {});
    const ReconstructionModel model(smallArchitecture(), 1);
    const std::vector<float> maps = mapsOf(model, images);
    ASSERT_EQ(maps.size(), 3u * kGrid * kGrid);
    for (float v : maps) {
        EXPECT_GE(v, 0.0f);
        EXPECT_LE(v, 2.0f);
    }
    // Inference mode: no dropout, the same maps twice.
    EXPECT_EQ(maps, mapsOf(model, images));
}

TEST(Reconstruction, DevicesAreCheckedByName) {
    ReconstructionModel model(smallArchitecture(), 1);
    EXPECT_THROW(model.setDevice("gpu0"), Error);
    // CUDA either takes the model or says why not (no GPU, or a LibTorch without CUDA).
    try {
        model.setDevice("cuda");
        EXPECT_EQ(model.device().rfind("cuda", 0), 0u);
        model.setDevice("cpu");
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("CUDA"), std::string::npos) << e.what();
    }
    EXPECT_EQ(model.device(), "cpu");
}

TEST(Reconstruction, WarmCosineSchedule) {
    ReconstructionTrainingOptions o;
    o.warmupIterations = 100;
    EXPECT_NEAR(warmCosineLearningRate(o, 0, 1000), 2e-5, 1e-12);
    EXPECT_NEAR(warmCosineLearningRate(o, 99, 1000), 2e-3, 1e-12);
    EXPECT_NEAR(warmCosineLearningRate(o, 100, 1000), 2e-3, 1e-12);
    EXPECT_NEAR(warmCosineLearningRate(o, 550, 1000), 1.1e-3, 1e-9);  // half-way: the mean of the two rates
    EXPECT_NEAR(warmCosineLearningRate(o, 1000, 1000), 2e-4, 1e-12);
}

TEST(Reconstruction, TrainingLowersTheLossAndIsDeterministic) {
    const TrainingImages images = syntheticImages(10, {});
    auto options = smallOptions("recon");
    options.iterations = 40;
    const auto pathA = scratch("a.safetensors"), pathB = scratch("b.safetensors");
    const auto a = trainReconstruction(images, smallArchitecture(), provenance(), options, pathA, {}, {});
    ASSERT_EQ(a.losses.size(), 40u);
    double first = 0, last = 0;
    for (int i = 0; i < 5; ++i) first += a.losses[static_cast<std::size_t>(i)].loss;
    for (int i = 35; i < 40; ++i) last += a.losses[static_cast<std::size_t>(i)].loss;
    EXPECT_LT(last, 0.5 * first);
    const auto b = trainReconstruction(images, smallArchitecture(), provenance(), options, pathB, {}, {});
    EXPECT_EQ(mapsOf(a.checkpoint.model, images), mapsOf(b.checkpoint.model, images));
    // The file holds the same model; asking again finds it complete.
    const auto again = trainReconstruction(images, smallArchitecture(), provenance(), options, pathA, {}, {});
    EXPECT_TRUE(again.alreadyComplete);
    EXPECT_EQ(mapsOf(again.checkpoint.model, images), mapsOf(a.checkpoint.model, images));
    EXPECT_EQ(again.losses.size(), 40u);
}

// Cancels the run when `phase` reaches `iteration`, then resumes it from the checkpoint.
ReconstructionTrainingResult cancelAndResume(const TrainingImages& images, const ReconstructionTrainingOptions& options,
                                             const std::filesystem::path& path, const std::string& phase, int iteration) {
    Progress progress;
    progress.onStep = [&, cancel = progress.cancel](const std::string& stage, std::size_t done, std::size_t) {
        if (stage == "training: " + phase && static_cast<int>(done) == iteration) cancel.cancel();
    };
    int startedFresh = 0;
    ReconstructionTrainingObserver first;
    first.onStart = [&](const std::vector<Sample>& trained, int resumedAt, const nlohmann::json&) {
        EXPECT_EQ(trained.size(), images.samples.size());
        startedFresh = resumedAt;
    };
    EXPECT_THROW(trainReconstruction(images, smallArchitecture(), provenance(), options, path, first, progress), Cancelled);
    EXPECT_EQ(startedFresh, -1);
    EXPECT_TRUE(std::filesystem::exists(path));
    std::size_t earlierLosses = 0;
    int resumedAt = -1;
    ReconstructionTrainingObserver second;
    second.onStart = [&](const std::vector<Sample>&, int at, const nlohmann::json& training) {
        resumedAt = at;
        earlierLosses = lossHistory(training).size();
    };
    auto resumed = trainReconstruction(images, smallArchitecture(), provenance(), options, path, second, {});
    EXPECT_GE(resumed.resumedAt, 0);
    EXPECT_EQ(resumedAt, resumed.resumedAt);
    EXPECT_EQ(static_cast<int>(earlierLosses), resumed.resumedAt);  // one loss point per optimiser step
    return resumed;
}

TEST(Reconstruction, ResumesAfterCancelToTheSameWeights) {
    const TrainingImages images = syntheticImages(10, {});
    const auto options = smallOptions("recon");
    const auto whole = trainReconstruction(images, smallArchitecture(), provenance(), options, scratch("whole.safetensors"), {}, {});
    const auto resumed = cancelAndResume(images, options, scratch("cut.safetensors"), "reconstruct", 13);
    EXPECT_EQ(resumed.losses.size(), whole.losses.size());
    EXPECT_EQ(mapsOf(resumed.checkpoint.model, images), mapsOf(whole.checkpoint.model, images));
}

TEST(Reconstruction, MedsScreensDistilsAndSelects) {
    const TrainingImages images = syntheticImages(14, {2, 9});
    auto options = smallOptions("meds");
    std::size_t screened = 0;
    ReconstructionTrainingObserver observer;
    observer.onScreened = [&](const purify::MemoryEnsembleResult& r) { screened = r.imageScores.size(); };
    const auto path = scratch("meds.safetensors");
    const auto result = trainReconstruction(images, smallArchitecture(), provenance(), options, path, observer, {});
    EXPECT_EQ(screened, 14u);
    ASSERT_EQ(result.losses.size(), 24u + 16u);
    EXPECT_EQ(result.losses.front().phase, "distill");
    EXPECT_EQ(result.losses.back().phase, "finetune");
    // Stage 2 validation reports the fit to the stage-1 maps, and it improves.
    std::vector<double> mse;
    for (const auto& v : result.validation)
        if (v.phase == "distill") mse.push_back(v.values.at("target_mse"));
    ASSERT_GE(mse.size(), 2u);
    EXPECT_LT(mse.back(), mse.front());
    // Stage 3: the first round keeps the images below the median of the distilled scores (w = 1), and the
    // defective images, far from every member, are not among them.
    ASSERT_FALSE(result.rounds.empty());
    const SelectionRound& first = result.rounds.front();
    EXPECT_EQ(first.iteration, 0);
    EXPECT_DOUBLE_EQ(first.weight, 1.0);
    EXPECT_EQ(first.keptCount(), 7u);
    EXPECT_FALSE(first.kept[2]);
    EXPECT_FALSE(first.kept[9]);
    EXPECT_DOUBLE_EQ(first.precision, 1.0);
    EXPECT_NEAR(first.recall, 7.0 / 12.0, 1e-12);
    // The distilled detector scores the defective images above every normal one.
    const auto scores = mapsOf(result.checkpoint.model, images);
    auto peak = [&](int i) {
        return *std::max_element(scores.begin() + i * kGrid * kGrid, scores.begin() + (i + 1) * kGrid * kGrid);
    };
    for (int i = 0; i < 14; ++i)
        if (i != 2 && i != 9) EXPECT_LT(peak(i), std::min(peak(2), peak(9))) << "image " << i;
    // The curves and rounds come back from the file.
    const auto file = readReconstructionCheckpoint(path);
    EXPECT_EQ(lossHistory(file.training).size(), result.losses.size());
    EXPECT_EQ(selectionHistory(file.training).size(), result.rounds.size());
    EXPECT_EQ(validationHistory(file.training).size(), result.validation.size());
    const std::vector<Sample> trained = trainedSamples(file.training);
    ASSERT_EQ(trained.size(), 14u);
    EXPECT_EQ(trained[2].path, "image2.png");
    EXPECT_EQ(trained[2].label, 1);
    EXPECT_EQ(trained[3].label, 0);
}

TEST(Reconstruction, MedsResumesInStageThreeToTheSameWeights) {
    const TrainingImages images = syntheticImages(12, {4});
    const auto options = smallOptions("meds");
    const auto whole = trainReconstruction(images, smallArchitecture(), provenance(), options, scratch("mw.safetensors"), {}, {});
    const auto resumed = cancelAndResume(images, options, scratch("mc.safetensors"), "finetune", 7);
    EXPECT_EQ(resumed.rounds.size(), whole.rounds.size());
    EXPECT_EQ(mapsOf(resumed.checkpoint.model, images), mapsOf(whole.checkpoint.model, images));
}

TEST(Reconstruction, CheckpointsAreRefusedForOtherFeaturesDataOrOptions) {
    const TrainingImages images = syntheticImages(6, {});
    auto options = smallOptions("recon");
    options.iterations = 3;
    const auto path = scratch("refuse.safetensors");
    trainReconstruction(images, smallArchitecture(), provenance(), options, path, {}, {});
    auto other = provenance();
    other.features.backbone = "another";
    try {
        readReconstructionCheckpoint(path, other);
        FAIL() << "a model of other features was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("backbone"), std::string::npos) << e.what();
    }
    auto longer = options;
    longer.iterations = 4;
    EXPECT_THROW(trainReconstruction(images, smallArchitecture(), provenance(), longer, path, {}, {}), Error);
    EXPECT_THROW(trainReconstruction(syntheticImages(6, {}, 9), smallArchitecture(), provenance(), options, path, {}, {}),
                 Error);
    // Not a model at all.
    const auto junk = scratch("junk.safetensors");
    { std::ofstream(junk) << "not safetensors"; }
    EXPECT_THROW(readReconstructionCheckpoint(junk), Error);
}

}  // namespace
}  // namespace pb
