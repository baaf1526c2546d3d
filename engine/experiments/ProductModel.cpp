#include "engine/experiments/ProductModel.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "engine/image/ImageDecoder.h"
#include "engine/knn/ExactKnn.h"
#include "engine/scoring/AnomalyMap.h"
#include "engine/scoring/PatchScorer.h"
#include "engine/util/Error.h"

namespace pb {

namespace {

// Ground truth at the evaluation resolution: all-zero for normal images, the (merged) mask for anomalies.
cv::Mat loadMask(const Sample& sample, int resolution, const Progress& progress) {
    if (sample.label == 0) return cv::Mat::zeros(resolution, resolution, CV_8U);
    if (sample.maskPaths.empty()) return {};
    try {
        std::vector<cv::Mat> parts;
        for (const auto& path : sample.maskPaths) parts.push_back(decodeMask(path));
        cv::Mat merged = parts.size() == 1 ? parts.front() : mergeMasks(parts);
        cv::Mat resized;
        // Nearest neighbour sampled at pixel centres, as PIL's NEAREST does.
        cv::resize(merged, resized, cv::Size(resolution, resolution), 0, 0, cv::INTER_NEAREST_EXACT);
        return resized;
    } catch (const Error& e) {
        progress.problem(e.file().empty() ? sample.path : e.file(), e.reason());
        return {};
    }
}

std::vector<std::string> pathsOf(const std::vector<Sample>& samples) {
    std::vector<std::string> paths;
    for (const auto& s : samples) paths.push_back(s.path);
    return paths;
}

}  // namespace

ProductModel::ProductModel(Backbone& backbone, EvaluationOptions options)
    : backbone_(&backbone), options_(std::move(options)) {
    if (options_.resolution < 32 || options_.resolution > 4096)
        throw Error("resolution must be between 32 and 4096 pixels, got " + std::to_string(options_.resolution));
    if (options_.k < 1) throw Error("k must be at least 1, got " + std::to_string(options_.k));
    PreprocessSpec spec;
    spec.resizeWidth = spec.resizeHeight = options_.resolution;
    extractor_ = std::make_unique<FeatureExtractor>(
        *backbone_, Preprocessor(spec),
        FeatureCache(options_.cacheDir.empty() ? std::filesystem::path{} : std::filesystem::path(options_.cacheDir)),
        options_.backbone.batchSize);
}

ProductModel::~ProductModel() = default;
ProductModel::ProductModel(ProductModel&&) noexcept = default;
ProductModel& ProductModel::operator=(ProductModel&&) noexcept = default;

void ProductModel::build(const std::string& product, const std::vector<Sample>& train, const Progress& progress,
                         StageTimes& times) {
    product_ = product;
    trainPaths_.clear();
    trainOriginalSizes_.clear();
    trainFirstPatch_.clear();
    trainGrids_.clear();
    bankPatches_ = 0;
    knn_.reset();

    auto features = extractor_->extract(pathsOf(train), product + ": train features", progress, times);
    std::vector<float> bank;
    int dim = 0;
    for (std::size_t i = 0; i < features.size(); ++i) {
        auto& f = features[i];
        if (!f.grid) continue;
        if (dim == 0) dim = f.grid->dim;
        trainPaths_.push_back(train[i].path);
        trainOriginalSizes_.emplace_back(f.originalWidth, f.originalHeight);
        trainFirstPatch_.push_back(bank.size() / dim);
        trainGrids_.emplace_back(f.grid->height, f.grid->width);
        bank.insert(bank.end(), f.grid->data.begin(), f.grid->data.end());
        f.grid.reset();
    }
    if (trainPaths_.empty()) throw Error("none of the training images of '" + product + "' could be read");
    dim_ = dim;

    ScopedStageTimer timer(times, "kNN");
    knn_ = createExactKnn(options_.knnMethod);
    knn_->setBank(bank.data(), bank.size() / dim, dim);
    bankPatches_ = bank.size() / dim;
    bank_ = std::move(bank);
}

std::vector<double> ProductModel::leaveOneOutScores(const Progress& progress, StageTimes& times) const {
    if (!built()) throw Error("the bank of '" + product_ + "' has not been built");
    const std::size_t n = trainPaths_.size();
    if (n < 2) throw Error("leave-one-out scores need at least two training images");
    std::vector<double> scores(n);
    std::vector<float> rest;
    auto knn = createExactKnn(options_.knnMethod);
    const std::string stage = product_ + ": leave-one-out";
    for (std::size_t i = 0; i < n; ++i) {
        progress.step(stage, i, n);
        const std::size_t first = trainFirstPatch_[i];
        const std::size_t count = static_cast<std::size_t>(trainGrids_[i].first) * trainGrids_[i].second;
        ScopedStageTimer timer(times, "leave-one-out");
        rest.assign(bank_.begin(), bank_.begin() + first * dim_);
        rest.insert(rest.end(), bank_.begin() + (first + count) * dim_, bank_.end());
        knn->setBank(rest.data(), rest.size() / dim_, dim_);
        const int k = static_cast<int>(std::min<std::size_t>(options_.k, rest.size() / dim_));
        KnnResult nn = knn->search(bank_.data() + first * dim_, count, k);
        scores[i] = imageScore(patchScoresFromDistances(nn.distances.data(), count, k), options_.imageScore);
    }
    progress.step(stage, n, n);
    return scores;
}

std::vector<ScoredImage> ProductModel::score(const std::vector<Sample>& images, const Progress& progress,
                                             StageTimes& times) {
    if (!built()) throw Error("the bank of '" + product_ + "' has not been built");
    const std::string stage = product_ + ": scoring";
    auto features = extractor_->extract(pathsOf(images), product_ + ": test features", progress, times);
    const int k = static_cast<int>(std::min<std::size_t>(options_.k, bankPatches_));
    std::vector<ScoredImage> scored;
    const std::size_t batch = 8;  // images per kNN call: larger GEMMs, bounded memory
    for (std::size_t begin = 0; begin < images.size(); begin += batch) {
        progress.step(stage, begin, images.size());
        const std::size_t end = std::min(images.size(), begin + batch);
        std::vector<float> queries;
        std::vector<std::size_t> members;
        for (std::size_t i = begin; i < end; ++i) {
            if (!features[i].grid) continue;
            if (features[i].grid->dim != dim_)
                throw Error("feature dimension " + std::to_string(features[i].grid->dim) + " differs from the bank's " +
                            std::to_string(dim_), images[i].path);
            queries.insert(queries.end(), features[i].grid->data.begin(), features[i].grid->data.end());
            members.push_back(i);
        }
        if (members.empty()) continue;
        KnnResult nn;
        {
            ScopedStageTimer timer(times, "kNN");
            nn = knn_->search(queries.data(), queries.size() / dim_, k);
        }
        ScopedStageTimer timer(times, "maps");
        std::size_t offset = 0;
        for (std::size_t i : members) {
            const FeatureGrid& grid = *features[i].grid;
            ScoredImage s;
            s.sample = images[i];
            s.gridHeight = grid.height;
            s.gridWidth = grid.width;
            s.patchScores = patchScoresFromDistances(nn.distances.data() + offset * k, grid.patches(), k);
            s.nearestPatch.resize(grid.patches());
            for (std::size_t p = 0; p < grid.patches(); ++p) s.nearestPatch[p] = nn.indices[(offset + p) * k];
            offset += grid.patches();
            s.score = imageScore(s.patchScores, options_.imageScore);
            s.map = upsampleAlignCorners(patchScoreGrid(s.patchScores, grid.height, grid.width), options_.resolution,
                                         options_.resolution);
            if (options_.smoothingSigma > 0) s.map = gaussianSmooth(s.map, options_.smoothingSigma, 0);
            s.mask = loadMask(images[i], options_.resolution, progress);
            s.originalWidth = features[i].originalWidth;
            s.originalHeight = features[i].originalHeight;
            scored.push_back(std::move(s));
        }
    }
    progress.step(stage, images.size(), images.size());
    return scored;
}

BankPatchOrigin ProductModel::origin(std::int64_t bankIndex) const {
    if (bankIndex < 0 || static_cast<std::size_t>(bankIndex) >= bankPatches_)
        throw Error("bank index " + std::to_string(bankIndex) + " out of range");
    auto it = std::upper_bound(trainFirstPatch_.begin(), trainFirstPatch_.end(), static_cast<std::size_t>(bankIndex));
    const std::size_t image = static_cast<std::size_t>(it - trainFirstPatch_.begin()) - 1;
    const std::size_t local = static_cast<std::size_t>(bankIndex) - trainFirstPatch_[image];
    BankPatchOrigin o;
    o.imagePath = trainPaths_[image];
    o.gridHeight = trainGrids_[image].first;
    o.gridWidth = trainGrids_[image].second;
    o.row = static_cast<int>(local / o.gridWidth);
    o.column = static_cast<int>(local % o.gridWidth);
    o.originalWidth = trainOriginalSizes_[image].first;
    o.originalHeight = trainOriginalSizes_[image].second;
    return o;
}

}  // namespace pb
