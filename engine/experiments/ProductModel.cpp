#include "engine/experiments/ProductModel.h"

#include <algorithm>
#include <sstream>

#include "engine/bank/MemoryBank.h"
#include "engine/experiments/NeighbourScoring.h"
#include "engine/knn/ExactKnn.h"
#include "engine/scoring/PatchScorer.h"
#include "engine/util/Error.h"

namespace pb {

namespace {

std::vector<std::string> pathsOf(const std::vector<Sample>& samples) {
    std::vector<std::string> paths;
    for (const auto& s : samples) paths.push_back(s.path);
    return paths;
}

}  // namespace

std::unique_ptr<FeatureExtractor> createFeatureExtractor(Backbone& backbone, const EvaluationOptions& options) {
    if (options.resolution < 32 || options.resolution > 4096)
        throw Error("resolution must be between 32 and 4096 pixels, got " + std::to_string(options.resolution));
    if (options.crop < 0 || options.crop > options.resolution)
        throw Error("the crop must be between 0 (none) and the resolution " + std::to_string(options.resolution) +
                    ", got " + std::to_string(options.crop));
    PreprocessSpec spec;
    spec.resizeWidth = spec.resizeHeight = options.resolution;
    spec.cropWidth = spec.cropHeight = options.crop;
    return std::make_unique<FeatureExtractor>(
        backbone, Preprocessor(spec),
        FeatureCache(options.cacheDir.empty() ? std::filesystem::path{} : std::filesystem::path(options.cacheDir)),
        options.backbone.batchSize);
}

ProductModel::ProductModel(Backbone& backbone, EvaluationOptions options)
    : backbone_(&backbone), options_(std::move(options)) {
    extractor_ = createFeatureExtractor(*backbone_, options_);
    if (options_.k < 1) throw Error("k must be at least 1, got " + std::to_string(options_.k));
    createBank(options_.bankSpec);  // a malformed spec fails here, before any image is read
    createExactKnn(options_.knnMethod);  // so does an unknown kNN method
}

ProductModel::~ProductModel() = default;
ProductModel::ProductModel(ProductModel&&) noexcept = default;
ProductModel& ProductModel::operator=(ProductModel&&) noexcept = default;

ProductModel ProductModel::clone() const {
    ProductModel copy(*backbone_, options_);
    copy.bank_ = bank_ ? bank_->clone() : nullptr;
    copy.product_ = product_;
    copy.trainPaths_ = trainPaths_;
    copy.trainOriginalSizes_ = trainOriginalSizes_;
    copy.trainFirstPatch_ = trainFirstPatch_;
    copy.trainGrids_ = trainGrids_;
    copy.sources_ = sources_;
    copy.dim_ = dim_;
    return copy;
}

bool ProductModel::built() const { return bank_ && bank_->size() > 0; }
std::size_t ProductModel::bankPatches() const { return bank_ ? bank_->size() : 0; }
std::size_t ProductModel::sourcePatches() const { return bank_ ? bank_->sourceCount() : 0; }
std::size_t ProductModel::bankBytes() const { return bank_ ? bank_->bytes() : 0; }
std::string ProductModel::bankSpec() const { return bank_ ? bank_->spec() : options_.bankSpec; }

ProductEvaluation ProductModel::describe() const {
    ProductEvaluation e;
    e.product = product_;
    e.features = FeatureIdentity::loaded(*backbone_, options_.resolution, options_.crop);
    e.trainImages = trainImages();
    e.bankPatches = bankPatches();
    e.sourcePatches = sourcePatches();
    e.bankSpec = bankSpec();
    e.bankBytes = bankBytes();
    e.compressionRatio = compressionRatio();
    e.neighbours = neighbours();
    e.featureDim = featureDim();
    return e;
}

int ProductModel::neighbours() const {
    if (!built()) throw Error("the bank of '" + product_ + "' has not been built");
    return neighboursFor(options_, bank_->size(), bank_->sourceCount());
}

double ProductModel::compressionRatio() const {
    if (!bank_ || bank_->bytes() == 0) return 0.0;
    return static_cast<double>(bank_->sourceCount()) * dim_ * sizeof(float) / static_cast<double>(bank_->bytes());
}

const MemoryBank& ProductModel::bank() const {
    if (!bank_) throw Error("the bank of '" + product_ + "' has not been built");
    return *bank_;
}

BankProvenance ProductModel::provenance() const {
    BankProvenance p;
    p.features = FeatureIdentity::loaded(*backbone_, options_.resolution, options_.crop);
    std::ostringstream layers;
    for (std::size_t i = 0; i < options_.backbone.layers.size(); ++i)
        layers << (i ? "," : "") << options_.backbone.layers[i];
    p.layers = layers.str();
    p.dim = dim_;
    return p;
}

std::vector<ExtractedFeatures> ProductModel::extractFeatures(const std::vector<Sample>& images,
                                                             const std::string& stage, const Progress& progress,
                                                             StageTimes& times) const {
    return extractor_->extract(pathsOf(images), product_ + ": " + stage, progress, times);
}

void ProductModel::appendSources(const std::vector<Sample>& images, std::vector<ExtractedFeatures>& features,
                                 std::vector<float>& added) {
    std::size_t next = bank_ ? bank_->sourceCount() : 0;
    for (std::size_t i = 0; i < features.size(); ++i) {
        auto& f = features[i];
        if (!f.grid) continue;
        if (dim_ == 0) dim_ = f.grid->dim;
        if (f.grid->dim != dim_)
            throw Error("feature dimension " + std::to_string(f.grid->dim) + " differs from the bank's " +
                        std::to_string(dim_), images[i].path);
        trainPaths_.push_back(images[i].path);
        trainOriginalSizes_.emplace_back(f.originalWidth, f.originalHeight);
        trainFirstPatch_.push_back(next + added.size() / dim_);
        trainGrids_.emplace_back(f.grid->height, f.grid->width);
        added.insert(added.end(), f.grid->data.begin(), f.grid->data.end());
        f.grid.reset();
    }
}

void ProductModel::build(const std::string& product, const std::vector<Sample>& train, const Progress& progress,
                         StageTimes& times) {
    product_ = product;
    trainPaths_.clear();
    trainOriginalSizes_.clear();
    trainFirstPatch_.clear();
    trainGrids_.clear();
    sources_.clear();
    bank_.reset();
    dim_ = 0;

    auto features = extractFeatures(train, "train features", progress, times);
    std::vector<float> patches;
    appendSources(train, features, patches);
    if (trainPaths_.empty()) throw Error("none of the training images of '" + product + "' could be read");

    ScopedStageTimer timer(times, "bank");
    auto bank = createBank(options_.bankSpec);
    bank->setSearchMethod(options_.knnMethod);
    bank->build(patches.data(), patches.size() / dim_, dim_, 0, progress);
    bank_ = std::move(bank);
    sources_ = std::move(patches);
}

std::size_t ProductModel::addImages(const std::vector<Sample>& images, const Progress& progress, StageTimes& times) {
    if (!built()) throw Error("build or load a bank before adding images to it");
    auto features = extractFeatures(images, "added features", progress, times);
    const std::size_t before = trainPaths_.size();
    std::vector<float> patches;
    appendSources(images, features, patches);
    if (patches.empty()) return 0;
    ScopedStageTimer timer(times, "bank");
    try {
        bank_->add(patches.data(), patches.size() / dim_, 0, progress);
    } catch (...) {
        // The bank is unchanged (add only appends on success): forget the images again.
        trainPaths_.resize(before);
        trainOriginalSizes_.resize(before);
        trainFirstPatch_.resize(before);
        trainGrids_.resize(before);
        throw;
    }
    // Leave-one-out needs every source patch; a loaded bank has none of its original ones.
    if (!sources_.empty()) sources_.insert(sources_.end(), patches.begin(), patches.end());
    return trainPaths_.size() - before;
}

void ProductModel::save(const std::filesystem::path& path) const {
    if (!built()) throw Error("the bank of '" + product_ + "' has not been built", path.string());
    writeBank(*bank_, provenance(), {product_}, path);
}

void ProductModel::load(const std::filesystem::path& path) {
    LoadedBank loaded = readBank(path);
    BankProvenance expected = provenance();
    expected.dim = loaded.provenance.dim;  // the dimension is known only after the first image
    loaded = readBank(path, expected);
    product_ = loaded.tagNames.empty() ? path.stem().string() : loaded.tagNames.front();
    trainPaths_.clear();
    trainOriginalSizes_.clear();
    trainFirstPatch_.clear();
    trainGrids_.clear();
    sources_.clear();
    dim_ = loaded.provenance.dim;
    loaded.bank->setSearchMethod(options_.knnMethod);
    bank_ = std::move(loaded.bank);
}

LeaveOneOutScores ProductModel::leaveOneOut(const Progress& progress, StageTimes& times) const {
    if (!built()) throw Error("the bank of '" + product_ + "' has not been built");
    if (sources_.empty() || trainFirstPatch_.empty() || trainFirstPatch_.front() != 0)
        throw Error("leave-one-out scores need the training images of the bank; a bank loaded from a file has none");
    const std::size_t n = trainPaths_.size();
    if (n < 2) throw Error("leave-one-out scores need at least two training images");
    const std::vector<float> rows = bank_->vectors();
    const std::size_t bankRows = bank_->size();
    LeaveOneOutScores scores;
    scores.images.resize(n);
    scores.patches.reserve(sources_.size() / dim_);
    std::vector<float> rest;
    // One bank per training image, each searched once: the projected bound's set-up would cost more than
    // it saves, so that choice searches with blas here.
    auto knn = createExactKnn(options_.knnMethod == "projected" ? std::string("blas") : options_.knnMethod);
    const std::string stage = product_ + ": leave-one-out";
    for (std::size_t i = 0; i < n; ++i) {
        progress.step(stage, i, n);
        const std::size_t first = trainFirstPatch_[i];
        const std::size_t count = static_cast<std::size_t>(trainGrids_[i].first) * trainGrids_[i].second;
        ScopedStageTimer timer(times, "leave-one-out");
        rest.clear();
        for (std::size_t r = 0; r < bankRows; ++r) {
            const std::int64_t source = bank_->sourceIndex(static_cast<std::int64_t>(r));
            if (source >= static_cast<std::int64_t>(first) && source < static_cast<std::int64_t>(first + count))
                continue;
            rest.insert(rest.end(), rows.begin() + r * dim_, rows.begin() + (r + 1) * dim_);
        }
        if (rest.empty()) throw Error("leave-one-out: the bank holds only rows of one training image");
        knn->setBank(rest.data(), rest.size() / dim_, dim_);
        const int k = neighboursFor(options_, rest.size() / dim_, bank_->sourceCount() - count);
        KnnResult nn = knn->search(sources_.data() + first * dim_, count, k);
        const std::vector<float> patches = patchScoresFromDistances(nn.distances.data(), count, k);
        scores.images[i] = imageScore(patches, options_.imageScore);
        scores.patches.insert(scores.patches.end(), patches.begin(), patches.end());
    }
    progress.step(stage, n, n);
    return scores;
}

std::vector<ScoredImage> ProductModel::score(const std::vector<Sample>& images, const Progress& progress,
                                             StageTimes& times) const {
    if (!built()) throw Error("the bank of '" + product_ + "' has not been built");
    const std::string stage = product_ + ": scoring";
    auto features = extractFeatures(images, "test features", progress, times);
    const int k = neighboursFor(options_, bank_->size(), bank_->sourceCount());
    std::vector<ScoredImage> scored;
    const std::size_t batch = 8;  // images per search call: larger GEMMs, bounded memory
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
            nn = bank_->search(queries.data(), queries.size() / dim_, k);
        }
        ScopedStageTimer timer(times, "maps");
        std::size_t offset = 0;
        for (std::size_t i : members) {
            const FeatureGrid& grid = *features[i].grid;
            scored.push_back(scoreFromNeighbours(images[i], grid, nn.distances.data() + offset * k,
                                                 nn.indices.data() + offset * k, k, options_,
                                                 features[i].originalWidth, features[i].originalHeight, progress));
            offset += grid.patches();
        }
    }
    progress.step(stage, images.size(), images.size());
    return scored;
}

BankPatchOrigin ProductModel::origin(std::int64_t bankRow) const {
    if (!bank_ || bankRow < 0 || static_cast<std::size_t>(bankRow) >= bank_->size())
        throw Error("bank row " + std::to_string(bankRow) + " out of range");
    BankPatchOrigin o;
    const std::int64_t source = bank_->sourceIndex(bankRow);
    if (source < 0 || trainFirstPatch_.empty() || static_cast<std::size_t>(source) < trainFirstPatch_.front())
        return o;  // a centroid, or a patch of an image this model never saw (loaded bank)
    auto it = std::upper_bound(trainFirstPatch_.begin(), trainFirstPatch_.end(), static_cast<std::size_t>(source));
    const std::size_t image = static_cast<std::size_t>(it - trainFirstPatch_.begin()) - 1;
    const std::size_t local = static_cast<std::size_t>(source) - trainFirstPatch_[image];
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
