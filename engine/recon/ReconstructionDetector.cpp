#include "engine/recon/ReconstructionDetector.h"

#include <sstream>

#include "engine/experiments/NeighbourScoring.h"
#include "engine/experiments/ProductModel.h"
#include "engine/scoring/AnomalyMap.h"
#include "engine/scoring/ImageScoreRule.h"
#include "engine/util/Error.h"

namespace pb {

namespace {
// Dinomaly's evaluation smoothing (get_gaussian_kernel(kernel_size=5, sigma=4), conv2d with padding 2).
constexpr double kSmoothingSigma = 4.0;
constexpr int kSmoothingTaps = 5;
}  // namespace

ReconstructionProvenance reconstructionProvenance(const Backbone& backbone, const EvaluationOptions& options,
                                                  const std::string& product) {
    ReconstructionProvenance p;
    p.features = FeatureIdentity::loaded(backbone, options.resolution, options.crop);
    std::ostringstream layers;
    for (std::size_t i = 0; i < options.backbone.layers.size(); ++i) layers << (i ? "," : "") << options.backbone.layers[i];
    p.layers = layers.str();
    p.product = product;
    return p;
}

TrainingImages extractTrainingImages(FeatureExtractor& extractor, const std::vector<Sample>& samples,
                                     const Progress& progress, StageTimes& times) {
    std::vector<std::string> paths;
    for (const auto& s : samples) paths.push_back(s.path);
    const std::vector<ExtractedFeatures> features = extractor.extract(paths, "train features", progress, times);
    TrainingImages images;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        if (!features[i].grid) continue;
        try {
            images.features.append(*features[i].grid);
        } catch (const Error& e) {
            progress.problem(samples[i].path, e.reason());
            continue;
        }
        images.samples.push_back(samples[i]);
    }
    if (images.samples.size() < 2)
        throw Error("training needs at least two readable images, " + std::to_string(images.samples.size()) + " given");
    return images;
}

std::vector<ScoredImage> scoreWithReconstruction(const ReconstructionModel& model, const std::vector<Sample>& samples,
                                                 const std::vector<ExtractedFeatures>& features,
                                                 const EvaluationOptions& options, const Progress& progress) {
    std::vector<ScoredImage> scored;
    const int side = options.crop > 0 ? options.crop : options.resolution;
    const std::size_t batch = 16;
    for (std::size_t begin = 0; begin < samples.size(); begin += batch) {
        progress.step("scoring", begin, samples.size());
        // One forward pass per run of images with the same grid.
        std::vector<std::size_t> members;
        std::vector<float> stacked;
        auto flush = [&]() {
            if (members.empty()) return;
            const FeatureGrid& first = *features[members.front()].grid;
            const std::vector<float> maps = model.patchScores(stacked.data(), members.size(), first.patches(), static_cast<int>(batch));
            for (std::size_t m = 0; m < members.size(); ++m) {
                const std::size_t i = members[m];
                const FeatureGrid& grid = *features[i].grid;
                ScoredImage s;
                s.sample = samples[i];
                s.gridHeight = grid.height;
                s.gridWidth = grid.width;
                s.patchScores.assign(maps.begin() + m * grid.patches(), maps.begin() + (m + 1) * grid.patches());
                s.map = gaussianSmooth(upsampleAlignCorners(patchScoreGrid(s.patchScores, grid.height, grid.width), side, side),
                                       kSmoothingSigma, kSmoothingTaps, SmoothBorder::Zero);
                s.score = imageScore(s.map, ImageScoreRule::TopPercentMean);
                s.frameSide = options.crop > 0 ? options.resolution : 0;
                s.mask = loadInputMask(samples[i], options.resolution, options.crop, progress);
                s.originalWidth = features[i].originalWidth;
                s.originalHeight = features[i].originalHeight;
                scored.push_back(std::move(s));
            }
            members.clear();
            stacked.clear();
        };
        for (std::size_t i = begin; i < std::min(samples.size(), begin + batch); ++i) {
            if (!features[i].grid) continue;
            const FeatureGrid& grid = *features[i].grid;
            if (grid.dim != model.architecture().dim)
                throw Error("feature dimension " + std::to_string(grid.dim) + " differs from the model's " +
                            std::to_string(model.architecture().dim), samples[i].path);
            if (!members.empty() && (features[members.front()].grid->height != grid.height ||
                                     features[members.front()].grid->width != grid.width))
                flush();
            members.push_back(i);
            stacked.insert(stacked.end(), grid.data.begin(), grid.data.end());
        }
        flush();
    }
    progress.step("scoring", samples.size(), samples.size());
    return scored;
}

ReconstructionDetector::ReconstructionDetector(Backbone& backbone, EvaluationOptions options)
    : backbone_(&backbone), options_(std::move(options)), extractor_(createFeatureExtractor(backbone, options_)) {}

ReconstructionDetector::~ReconstructionDetector() = default;

void ReconstructionDetector::load(const std::filesystem::path& path) {
    ReconstructionCheckpoint c = readReconstructionCheckpoint(path, reconstructionProvenance(*backbone_, options_, {}));
    // An unfinished checkpoint is the model as it stands: usable, and training can resume from it.
    c.model.setDevice(options_.backbone.device);
    setModel(std::move(c.model), std::move(c.provenance), std::move(c.training));
}

void ReconstructionDetector::setModel(ReconstructionModel model, ReconstructionProvenance provenance,
                                      nlohmann::json training) {
    model_ = std::move(model);
    provenance_ = std::move(provenance);
    training_ = std::move(training);
}

std::vector<ScoredImage> ReconstructionDetector::score(const std::vector<Sample>& images, const Progress& progress,
                                                       StageTimes& times) const {
    if (model_.empty()) throw Error("no reconstruction model is loaded");
    std::vector<std::string> paths;
    for (const auto& s : images) paths.push_back(s.path);
    const std::vector<ExtractedFeatures> features = extractor_->extract(paths, "test features", progress, times);
    ScopedStageTimer timer(times, "reconstruction");
    return scoreWithReconstruction(model_, images, features, options_, progress);
}

ProductEvaluation ReconstructionDetector::describe() const {
    ProductEvaluation e;
    e.product = provenance_.product;
    e.features = FeatureIdentity::loaded(*backbone_, options_.resolution, options_.crop);
    e.trainImages = training_.value("images", std::size_t{0});
    const std::string method = training_.contains("options") ? training_["options"].value("method", std::string("recon"))
                                                             : std::string("recon");
    e.bankSpec = method == "meds" ? "recon+meds" : "recon";
    e.bankBytes = model_.empty() ? 0 : model_.parameterCount() * sizeof(float);
    e.featureDim = model_.empty() ? 0 : model_.architecture().dim;
    return e;
}

}  // namespace pb
