#include "engine/experiments/SharedBankEvaluator.h"

#include "engine/experiments/ProductModel.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>

#include "engine/bank/MemoryBank.h"
#include "engine/experiments/NeighbourScoring.h"
#include "engine/experiments/ScoredImagesSummary.h"
#include "engine/features/FeatureExtractor.h"
#include "engine/metrics/ImageMetrics.h"
#include "engine/routing/ProductStatistics.h"
#include "engine/routing/WrongNeighbourRate.h"
#include "engine/scoring/ImageScoreRule.h"
#include "engine/scoring/PatchScorer.h"
#include "engine/util/Error.h"

namespace pb {

namespace {

using ProductData = SharedBankFeatures::Product;
using ImageFeatures = SharedBankFeatures::TestImage;

std::vector<std::string> pathsOf(const std::vector<Sample>& samples) {
    std::vector<std::string> paths;
    for (const auto& s : samples) paths.push_back(s.path);
    return paths;
}

std::vector<Sample> selectSplit(const ProductSource& source, Split split, int maxImages) {
    std::vector<Sample> samples = source.dataset->select(source.product, split);
    if (maxImages > 0 && samples.size() > static_cast<std::size_t>(maxImages)) samples.resize(maxImages);
    return samples;
}

void checkProducts(const std::vector<ProductSource>& products) {
    if (products.empty()) throw Error("a shared bank needs at least one product");
    std::set<std::string> seen;
    for (const auto& p : products) {
        if (!p.dataset) throw Error("product '" + p.product + "' has no data set");
        if (std::find(p.dataset->products.begin(), p.dataset->products.end(), p.product) == p.dataset->products.end())
            throw Error("product '" + p.product + "' is not in the data set", p.dataset->root);
        if (!seen.insert(p.product).second)
            throw Error("product '" + p.product + "' is given twice; product names must be unique across data sets");
    }
}

// Training features of every product (patches for the bank, mean-pooled embeddings for the router)
// and the test features, extracted once.
std::vector<std::shared_ptr<const ProductData>> extractAll(const std::vector<ProductSource>& products, FeatureExtractor& extractor,
                                    const EvaluationOptions& options, const Progress& progress, StageTimes& times,
                                    int& dim) {
    std::vector<std::shared_ptr<const ProductData>> data;
    for (const auto& source : products) {
        const auto start = std::chrono::steady_clock::now();
        ProductData d;
        d.name = source.product;
        std::vector<Sample> train = selectSplit(source, Split::Train, options.maxTrainImages);
        if (train.empty()) throw Error("product '" + d.name + "' has no training images", source.dataset->root);
        auto features = extractor.extract(pathsOf(train), d.name + ": train features", progress, times);
        for (std::size_t i = 0; i < features.size(); ++i) {
            auto& f = features[i];
            if (!f.grid) continue;
            if (dim == 0) dim = f.grid->dim;
            if (f.grid->dim != dim) throw Error("feature dimension differs between images", train[i].path);
            d.imageEmbeddings.push_back(meanPooledEmbedding(*f.grid));
            d.patches.insert(d.patches.end(), f.grid->data.begin(), f.grid->data.end());
            d.imagePatchEnd.push_back(d.patches.size() / dim);
            f.grid.reset();
        }
        if (d.imagePatchEnd.empty()) throw Error("none of the training images of '" + d.name + "' could be read");

        const auto testStart = std::chrono::steady_clock::now();
        std::vector<Sample> test = selectSplit(source, Split::Test, 0);
        if (test.empty()) throw Error("product '" + d.name + "' has no test images", source.dataset->root);
        auto testFeatures = extractor.extract(pathsOf(test), d.name + ": test features", progress, times);
        for (std::size_t i = 0; i < testFeatures.size(); ++i) {
            if (!testFeatures[i].grid) continue;
            ImageFeatures img;
            img.sample = test[i];
            img.grid = std::move(*testFeatures[i].grid);
            img.originalWidth = testFeatures[i].originalWidth;
            img.originalHeight = testFeatures[i].originalHeight;
            d.test.push_back(std::move(img));
        }
        const auto end = std::chrono::steady_clock::now();
        d.seconds = std::chrono::duration<double>(end - start).count();
        d.testSeconds = std::chrono::duration<double>(end - testStart).count();
        data.push_back(std::make_shared<const ProductData>(std::move(d)));
    }
    return data;
}

std::string shareSpec(const SharedBankOptions& shared, std::size_t vectors) {
    if (shared.method == "flat") return "flat";
    std::string spec = shared.method + ":" + std::to_string(vectors);
    if (!shared.methodOptions.empty()) spec += "," + shared.methodOptions;
    return spec;
}

// Image AUROC of a product's test set against its own bank of `vectors` (the oracle allocator's curves).
double ownBankAuroc(const ProductData& d, std::size_t patches, int dim, const SharedBankOptions& shared, std::size_t vectors,
                    const EvaluationOptions& options, const Progress& progress) {
    auto bank = createBank(shareSpec(shared, vectors));
    bank->setSearchMethod(options.knnMethod);
    bank->build(d.patches.data(), patches, dim, 0, progress);
    const int k = neighboursFor(options, bank->size(), bank->sourceCount());
    std::vector<double> scores;
    std::vector<int> labels;
    for (const auto& img : d.test) {
        if (img.sample.label < 0) continue;
        KnnResult nn = bank->search(img.grid.data.data(), img.grid.patches(), k);
        scores.push_back(imageScore(patchScoresFromDistances(nn.distances.data(), img.grid.patches(), k),
                                    options.imageScore));
        labels.push_back(img.sample.label);
    }
    return rocAuc(scores, labels);
}

}  // namespace

SharedBankEvaluator::SharedBankEvaluator(EvaluationOptions options, SharedBankOptions shared)
    : SharedBankEvaluator(options, std::move(shared), std::shared_ptr<Backbone>(createBackbone(options.backbone))) {}

SharedBankEvaluator::SharedBankEvaluator(EvaluationOptions options, SharedBankOptions shared,
                                         std::shared_ptr<Backbone> backbone)
    : options_(std::move(options)), shared_(std::move(shared)), backbone_(std::move(backbone)) {
    if (!backbone_) throw Error("shared bank: no backbone");
    if (!(shared_.budgetMB > 0) || !std::isfinite(shared_.budgetMB))
        throw Error("the shared-bank budget must be a positive number of MB");
    createBank(shareSpec(shared_, 1));  // a bad method or option fails before any image is read
    if (options_.needsLeaveOneOut())
        throw Error("a shared bank keeps no leave-one-out scores: use the review band none, labels or T1,T2 and the "
                    "heatmap scale test");
}

SharedBankEvaluator::~SharedBankEvaluator() = default;

std::size_t SharedBankFeatures::trainImages(std::size_t product, int limit) const {
    const std::size_t n = products.at(product)->imagePatchEnd.size();
    return limit > 0 ? std::min<std::size_t>(n, static_cast<std::size_t>(limit)) : n;
}

std::size_t SharedBankFeatures::trainPatches(std::size_t product, int limit) const {
    const std::size_t images = trainImages(product, limit);
    return images ? products.at(product)->imagePatchEnd[images - 1] : 0;
}

RouterEvaluation routeTestImages(const SharedBankFeatures& features, RouterMetric metric, int trainImages,
                                 std::vector<RouteDecision>* decisions) {
    PrototypeRouter router(metric);
    std::vector<std::string> names;
    for (std::size_t p = 0; p < features.products.size(); ++p) {
        for (std::size_t i = 0; i < features.trainImages(p, trainImages); ++i)
            router.addImage(features.products[p]->name, features.products[p]->imageEmbeddings[i]);
        names.push_back(features.products[p]->name);
    }
    RouterEvaluation evaluation(names);
    for (std::size_t p = 0; p < features.products.size(); ++p)
        for (const auto& img : features.products[p]->test) {
            RouteDecision decision = router.route(img.grid);
            evaluation.add(static_cast<int>(p), decision);
            if (decisions) decisions->push_back(std::move(decision));
        }
    return evaluation;
}

ProductEvaluation evaluateOwnBank(const SharedBankFeatures& features, std::size_t product, const std::string& bankSpec,
                                  const EvaluationOptions& options, const Progress& progress) {
    const ProductData& d = *features.products.at(product);
    const int dim = features.dim;
    const std::size_t n = features.trainPatches(product, 0);
    ProductEvaluation pe;
    pe.product = d.name;
    pe.features = features.features;
    pe.trainImages = d.imagePatchEnd.size();
    pe.sourcePatches = n;
    pe.featureDim = dim;
    auto bank = createBank(bankSpec);
    bank->setSearchMethod(options.knnMethod);
    {
        ScopedStageTimer timer(pe.times, "bank");
        bank->build(d.patches.data(), n, dim, 0, progress);
    }
    pe.bankSpec = bank->spec();
    pe.bankPatches = bank->size();
    pe.bankBytes = bank->bytes();
    pe.compressionRatio = pe.bankBytes > 0 ? static_cast<double>(n) * dim * sizeof(float) / pe.bankBytes : 0.0;
    pe.neighbours = neighboursFor(options, bank->size(), bank->sourceCount());
    const int k = pe.neighbours;
    const std::string stage = d.name + ": scoring";
    for (std::size_t i = 0; i < d.test.size(); ++i) {
        progress.step(stage, i, d.test.size());
        const ImageFeatures& img = d.test[i];
        KnnResult nn;
        {
            ScopedStageTimer timer(pe.times, "kNN");
            nn = bank->search(img.grid.data.data(), img.grid.patches(), k);
        }
        ScopedStageTimer timer(pe.times, "maps");
        pe.images.push_back(scoreFromNeighbours(img.sample, img.grid, nn.distances.data(), nn.indices.data(), k,
                                                options, img.originalWidth, img.originalHeight, progress));
    }
    progress.step(stage, d.test.size(), d.test.size());
    applySummary(pe, summariseScoredImages(pe.images));
    return pe;
}

SharedBankFeatures SharedBankEvaluator::extract(const std::vector<ProductSource>& products, const Progress& progress) {
    checkProducts(products);
    SharedBankFeatures features;
    auto extractor = createFeatureExtractor(*backbone_, options_);
    features.products = extractAll(products, *extractor, options_, progress, features.times, features.dim);
    features.features = FeatureIdentity::loaded(*backbone_, options_.resolution, options_.crop);
    return features;
}

SharedBankEvaluation SharedBankEvaluator::evaluate(const std::vector<ProductSource>& products,
                                                   const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    const SharedBankFeatures features = extract(products, progress);
    SharedBankEvaluation result = evaluate(features, progress);
    result.times.merge(features.times);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

SharedBankEvaluation SharedBankEvaluator::evaluate(const SharedBankFeatures& features, const Progress& progress,
                                                   int trainImages) {
    const auto start = std::chrono::steady_clock::now();
    SharedBankEvaluation result;
    result.allocator = toString(shared_.allocator);
    result.routed = shared_.route;
    result.budgetMB = shared_.budgetMB;

    const auto& data = features.products;
    const int dim = features.dim;
    PrototypeRouter router(shared_.routerMetric);
    for (std::size_t p = 0; p < data.size(); ++p) {
        for (std::size_t i = 0; i < features.trainImages(p, trainImages); ++i)
            router.addImage(data[p]->name, data[p]->imageEmbeddings[i]);
        result.names.push_back(data[p]->name);
    }
    result.routerBytes = router.bytes();

    // Split the budget.
    std::vector<ProductBudgetInput> inputs;
    std::size_t sourceTotal = 0;
    for (const auto& d : data) {
        ProductBudgetInput in;
        in.name = d->name;
        in.trainPatches = features.trainPatches(inputs.size(), trainImages);
        sourceTotal += in.trainPatches;
        inputs.push_back(std::move(in));
    }
    result.sourcePatches = sourceTotal;
    std::size_t total = BudgetAllocator::vectorsForMegabytes(shared_.budgetMB, dim);
    if (total < data.size())
        throw Error("a budget of " + std::to_string(shared_.budgetMB) + " MB holds " + std::to_string(total) +
                    " vectors of dimension " + std::to_string(dim) + ", fewer than the " +
                    std::to_string(data.size()) + " products");
    total = std::min(total, sourceTotal);  // a budget above every patch keeps every patch
    {
        ScopedStageTimer timer(result.times, "allocation");
        for (std::size_t p = 0; p < data.size(); ++p) {
            const ProductData& d = *data[p];
            const std::size_t n = inputs[p].trainPatches;
            progress.step("allocation statistics", p, data.size());
            if (shared_.allocator == AllocatorKind::Dispersion)
                inputs[p].dispersion = productDispersion(d.patches.data(), n, dim);
            if (shared_.allocator == AllocatorKind::Complexity)
                inputs[p].complexity = static_cast<double>(productComplexity(d.patches.data(), n, dim).clusters);
            if (shared_.allocator == AllocatorKind::Oracle) {
                const double uniform = static_cast<double>(total) / static_cast<double>(data.size());
                for (double f : shared_.oracleBudgetFactors) {
                    const std::size_t b = std::clamp<std::size_t>(static_cast<std::size_t>(std::llround(f * uniform)),
                                                                  1, n);
                    inputs[p].oracleCurve.push_back({b, ownBankAuroc(d, n, dim, shared_, b, options_, progress)});
                }
            }
        }
        result.allocation = BudgetAllocator(inputs).allocate(shared_.allocator, total);
    }

    // Build every share and concatenate them, tagged by product.
    std::unique_ptr<MemoryBank> bank;
    std::vector<std::string> specs;
    {
        ScopedStageTimer timer(result.times, "bank");
        for (std::size_t p = 0; p < data.size(); ++p) {
            progress.step("shared bank", p, data.size());
            specs.push_back(shareSpec(shared_, result.allocation[p]));
            auto share = createBank(specs.back());
            share->setSearchMethod(options_.knnMethod);
            share->build(data[p]->patches.data(), inputs[p].trainPatches, dim, static_cast<std::int32_t>(p), progress);
            if (!bank)
                bank = std::move(share);
            else
                bank->append(*share);
        }
        progress.step("shared bank", data.size(), data.size());
    }
    result.bankVectors = bank->size();
    result.bankBytes = bank->bytes();
    std::vector<std::int32_t> rowTags(bank->size());
    for (std::size_t r = 0; r < rowTags.size(); ++r) rowTags[r] = bank->tag(static_cast<std::int64_t>(r));
    WrongNeighbourRate wnr(rowTags, result.names);
    RouterEvaluation routing(result.names);

    // Score every product's test images against the shared bank (or the routed share).
    const int k = neighboursFor(options_, bank->size(), bank->sourceCount());
    for (std::size_t p = 0; p < data.size(); ++p) {
        const auto productStart = std::chrono::steady_clock::now();
        ProductEvaluation pe;
        pe.product = data[p]->name;
        pe.features = features.features;
        pe.trainImages = features.trainImages(p, trainImages);
        pe.bankPatches = result.allocation[p];
        pe.sourcePatches = inputs[p].trainPatches;
        pe.bankSpec = (shared_.route ? "shared+routed:" : "shared:") + specs[p];
        pe.bankBytes = bank->bytes();
        pe.compressionRatio = bank->bytes() > 0 ? static_cast<double>(sourceTotal) * dim * sizeof(float) /
                                                      static_cast<double>(bank->bytes())
                                                : 0.0;
        pe.featureDim = dim;
        pe.neighbours = k;
        const std::string stage = pe.product + ": shared-bank scoring";
        const auto& test = data[p]->test;
        for (std::size_t i = 0; i < test.size(); ++i) {
            progress.step(stage, i, test.size());
            const ImageFeatures& img = test[i];
            RouteDecision decision = router.route(img.grid);
            routing.add(static_cast<int>(p), decision);
            KnnResult nn;
            // A routed search sees only the routed product's share, which an allocator may make smaller than k.
            const std::int32_t tag = static_cast<std::int32_t>(decision.product);
            const int kHere = shared_.route ? static_cast<int>(std::min<std::size_t>(k, result.allocation[tag])) : k;
            {
                ScopedStageTimer timer(pe.times, "kNN");
                nn = shared_.route ? bank->searchTag(img.grid.data.data(), img.grid.patches(), kHere, tag)
                                   : bank->search(img.grid.data.data(), img.grid.patches(), kHere);
            }
            wnr.addImage(static_cast<int>(p), nn);
            ScopedStageTimer timer(pe.times, "maps");
            ScoredImage s = scoreFromNeighbours(img.sample, img.grid, nn.distances.data(), nn.indices.data(), kHere,
                                                options_, img.originalWidth, img.originalHeight, progress);
            s.nearestTag.resize(s.nearestPatch.size());
            for (std::size_t q = 0; q < s.nearestPatch.size(); ++q) s.nearestTag[q] = rowTags[s.nearestPatch[q]];
            s.routedProduct = decision.name;
            s.routeMargin = decision.margin;
            pe.images.push_back(std::move(s));
        }
        progress.step(stage, test.size(), test.size());
        {
            ScopedStageTimer timer(pe.times, "metrics");
            applySummary(pe, summariseScoredImages(pe.images));
            applyDisplayRules(pe, options_, nullptr);
        }
        // Measured, not shared out: the product's own extraction and scoring. The allocation and the
        // shared bank's build serve every product and are in the run's timings.
        pe.seconds = data[p]->seconds +
                     std::chrono::duration<double>(std::chrono::steady_clock::now() - productStart).count();
        pe.wrongNeighbourRate = wnr.rate(static_cast<int>(p));
        pe.routingAccuracy = routing.accuracy(static_cast<int>(p));
        result.products.push_back(std::move(pe));
    }
    result.averageWrongNeighbourRate = wnr.averageRate();
    result.neighbourShares = wnr.neighbourShares();
    result.routing = std::move(routing);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

RouterRun SharedBankEvaluator::routeOnly(const std::vector<ProductSource>& products, const Progress& progress) {
    checkProducts(products);
    auto extractor = createFeatureExtractor(*backbone_, options_);
    PrototypeRouter router(shared_.routerMetric);
    std::vector<std::string> names;
    // Training images only feed the prototypes: stream them instead of keeping their patches.
    StageTimes times;
    for (const auto& source : products) {
        std::vector<Sample> train = selectSplit(source, Split::Train, options_.maxTrainImages);
        auto features = extractor->extract(pathsOf(train), source.product + ": train features", progress, times);
        std::size_t readable = 0;
        for (auto& f : features) {
            if (!f.grid) continue;
            router.addImage(source.product, meanPooledEmbedding(*f.grid));
            ++readable;
        }
        if (readable == 0) throw Error("none of the training images of '" + source.product + "' could be read");
        names.push_back(source.product);
    }
    RouterRun run{RouterEvaluation(names), router, 0, {}, {}, {}, {}};
    run.routerBytes = router.bytes();
    for (std::size_t p = 0; p < products.size(); ++p) {
        std::vector<Sample> test = selectSplit(products[p], Split::Test, 0);
        auto features = extractor->extract(pathsOf(test), products[p].product + ": test features", progress, times);
        ScopedStageTimer timer(times, "routing");
        for (std::size_t i = 0; i < features.size(); ++i) {
            if (!features[i].grid) continue;
            RouteDecision decision = router.route(*features[i].grid);
            run.evaluation.add(static_cast<int>(p), decision);
            run.imagePaths.push_back(test[i].path);
            run.trueProducts.push_back(static_cast<int>(p));
            run.decisions.push_back(std::move(decision));
        }
    }
    run.times = times;
    return run;
}

}  // namespace pb
