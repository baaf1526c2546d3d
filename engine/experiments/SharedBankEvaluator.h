// The memory-pollution experiments (METHODS.md section 4): every product's patches compressed into its
// share of one total budget, the shares concatenated into a shared bank tagged by product, each product's
// test images scored against the whole shared bank (pollution) or, with routing, against the share of the
// product the prototype router picks. Reports per-product metrics, the Wrong-Neighbour Rate and the router.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/backbone/Backbone.h"
#include "engine/dataset/Dataset.h"
#include "engine/experiments/EvaluationOptions.h"
#include "engine/experiments/ProductEvaluation.h"
#include "engine/features/FeatureGrid.h"
#include "engine/features/FeatureIdentity.h"
#include "engine/routing/BudgetAllocator.h"
#include "engine/routing/PrototypeRouter.h"
#include "engine/routing/RouterEvaluation.h"
#include "engine/util/Progress.h"
#include "engine/util/StageTimes.h"

namespace pb {

struct SharedBankOptions {
    std::string method = "coreset";   // compressor of every share: random, coreset, vwcoreset, kmeans, kmeans_residual
    std::string methodOptions;        // appended to every share's spec, e.g. "seed=1"
    double budgetMB = 18.0;           // total budget in MiB of float32 vectors (one vector = 4 * dim bytes)
    AllocatorKind allocator = AllocatorKind::Uniform;
    bool route = false;               // search only the routed product's share
    RouterMetric routerMetric = RouterMetric::L2;
    // Oracle curves: budgets as multiples of the uniform share, each evaluated on the product's own bank.
    std::vector<double> oracleBudgetFactors{0.25, 0.5, 1.0, 2.0, 4.0};
};

// One product of a multi-product experiment; products may come from different data sets.
struct ProductSource {
    const Dataset* dataset = nullptr;
    std::string product;
};

// The features of a product set, extracted once: every evaluation of the set (budgets, allocators,
// routing, training-set sizes) reuses them.
struct SharedBankFeatures {
    struct TestImage {
        Sample sample;
        FeatureGrid grid;
        int originalWidth = 0;
        int originalHeight = 0;
    };
    struct Product {
        std::string name;
        std::vector<float> patches;               // every readable training image's patches, [n][dim]
        std::vector<std::size_t> imagePatchEnd;   // patches of the first i+1 training images end here
        std::vector<std::vector<float>> imageEmbeddings;  // mean-pooled, per training image (the router's)
        std::vector<TestImage> test;
        double seconds = 0.0;      // this product's extraction
        double testSeconds = 0.0;  // of it, the test images'
    };
    std::vector<std::shared_ptr<const Product>> products;  // shared: cells of one product set reuse them
    int dim = 0;
    FeatureIdentity features;
    StageTimes times;

    // Training images of a product a limit keeps (0 = all) and their patch count.
    std::size_t trainImages(std::size_t product, int limit) const;
    std::size_t trainPatches(std::size_t product, int limit) const;
};

struct SharedBankEvaluation {
    std::vector<ProductEvaluation> products;    // per product: metrics, its share, WNR, routing accuracy
    std::vector<std::size_t> allocation;        // vectors per product
    std::vector<std::string> names;
    std::string allocator;
    bool routed = false;
    double budgetMB = 0.0;
    std::size_t bankVectors = 0;
    std::size_t bankBytes = 0;                  // the whole shared bank
    std::size_t sourcePatches = 0;
    double averageWrongNeighbourRate = 0.0;      // unweighted mean over products
    std::vector<std::vector<double>> neighbourShares;  // WrongNeighbourRate::neighbourShares
    std::optional<RouterEvaluation> routing;    // every test image routed (also when not routed for search)
    std::size_t routerBytes = 0;
    StageTimes times;
    double seconds = 0.0;
};

// Routing only: the router from the training images, every test image routed.
struct RouterRun {
    RouterEvaluation evaluation;
    PrototypeRouter router;
    std::size_t routerBytes = 0;
    std::vector<std::string> imagePaths;        // in the order the decisions were added
    std::vector<int> trueProducts;
    std::vector<RouteDecision> decisions;
    StageTimes times;
};

// The prototype router of extracted features (each product's first trainImages training images; 0 = all)
// and every test image routed; decisions (optional) receives them in product, then test-image order.
RouterEvaluation routeTestImages(const SharedBankFeatures& features, RouterMetric metric, int trainImages = 0,
                                 std::vector<RouteDecision>* decisions = nullptr);

// One product's test images scored against a bank of its own training patches built with bankSpec (the
// compression benchmark on extracted features). times: "bank" (build), "kNN" (search), "maps".
ProductEvaluation evaluateOwnBank(const SharedBankFeatures& features, std::size_t product, const std::string& bankSpec,
                                  const EvaluationOptions& options, const Progress& progress);

class SharedBankEvaluator {
public:
    // Loads the backbone of options.backbone.
    SharedBankEvaluator(EvaluationOptions options, SharedBankOptions shared);
    // Uses a backbone the caller already holds (it must be the one options.backbone describes).
    SharedBankEvaluator(EvaluationOptions options, SharedBankOptions shared, std::shared_ptr<Backbone> backbone);
    ~SharedBankEvaluator();

    SharedBankEvaluation evaluate(const std::vector<ProductSource>& products, const Progress& progress);

    // Throws pb::Error naming the product with no readable training or test image.
    SharedBankFeatures extract(const std::vector<ProductSource>& products, const Progress& progress);
    // The evaluation of extracted features; trainImages > 0 builds banks and router from each product's
    // first trainImages training images only (the training-set-size ablation).
    SharedBankEvaluation evaluate(const SharedBankFeatures& features, const Progress& progress, int trainImages = 0);
    RouterRun routeOnly(const std::vector<ProductSource>& products, const Progress& progress);

    Backbone& backbone() { return *backbone_; }

private:
    EvaluationOptions options_;
    SharedBankOptions shared_;
    std::shared_ptr<Backbone> backbone_;
};

}  // namespace pb
