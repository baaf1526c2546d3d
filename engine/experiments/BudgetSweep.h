// Image AUROC against memory-bank size for one product: the product's training and test features are
// extracted once, then for every compressor method and budget a bank is built (createBank) and the test
// set scored against it. Answers "how small can this product's bank be" (the budget-sweep chart of the
// GUI and the CSV behind it).
#pragma once
#include <cstddef>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "engine/backbone/Backbone.h"
#include "engine/dataset/Dataset.h"
#include "engine/experiments/EvaluationOptions.h"
#include "engine/util/Progress.h"
#include "engine/util/StageTimes.h"

namespace pb {

struct BudgetSweepOptions {
    // Compressors (random, coreset, vwcoreset, kmeans, kmeans_residual) swept over `fractions`, and
    // "ivfpq", swept over its number of sub-quantisers.
    std::vector<std::string> methods{"random", "coreset", "kmeans"};
    // Budgets of the compressors as fractions of the product's training patches, each in (0, 1].
    std::vector<double> fractions{1.0 / 64, 1.0 / 32, 1.0 / 16, 1.0 / 8, 1.0 / 4};
    std::string methodOptions;   // appended to every compressor spec, e.g. "seed=1"
    bool includeFlat = true;     // the uncompressed bank as the reference point
    bool pixelAuroc = false;     // also the pixel AUROC of every point (needs the maps: slower)
    // IVF-PQ points: nlist is capped so that every coarse cell gets 39 training vectors (FAISS's
    // minimum); m takes each value of ivfSubquantisers that divides the feature dimension, or, when
    // empty, the largest divisors of the dimension not above 4, 8, 16, 32, 64 plus the dimension itself
    // when it is at most 128.
    int ivfNlist = 100;
    int ivfNbits = 8;
    int ivfNprobe = 4;
    std::vector<int> ivfSubquantisers;
};

struct BudgetSweepPoint {
    std::string method;        // "flat", "coreset", "ivfpq", ...
    std::string spec;          // the bank's normalised spec ("coreset:4096", "ivfpq:nlist=100,m=8,...")
    double fraction = 1.0;     // compressors: the budget asked for; flat 1; ivfpq: vectors kept (1)
    std::size_t vectors = 0;   // stored bank vectors
    std::size_t bytes = 0;     // MemoryBank::bytes()
    double megabytes = 0.0;    // bytes / 2^20
    double compressionRatio = 0.0;  // source float32 bytes / bytes
    double imageAuroc = std::numeric_limits<double>::quiet_NaN();
    double pixelAuroc = std::numeric_limits<double>::quiet_NaN();  // when asked for and masks exist
    double buildSeconds = 0.0;
    double searchSeconds = 0.0;  // kNN of every test patch
};

struct BudgetSweepResult {
    std::string product;
    FeatureIdentity features;
    int featureDim = 0;
    std::size_t trainImages = 0;
    std::size_t testImages = 0;       // readable ones
    std::size_t sourcePatches = 0;
    std::size_t sourceBytes = 0;      // float32 bytes of every training patch
    std::vector<BudgetSweepPoint> points;  // in sweep order: flat, then each method by increasing budget
    std::vector<std::string> problems;     // points that could not be built ("ivfpq m=7: ..."), skipped
    StageTimes times;
    double seconds = 0.0;
};

class BudgetSweep {
public:
    // Throws pb::Error for an unknown method, a fraction outside (0, 1] or invalid IVF-PQ settings.
    BudgetSweep(Backbone& backbone, EvaluationOptions options, BudgetSweepOptions sweep);

    // train: the normal images the banks are built from; test: labelled test images (label 0/1).
    // Unreadable images are reported to progress and skipped; a point whose bank cannot be built
    // (e.g. IVF-PQ with too few vectors) is listed in problems and reported, the others go on.
    // Throws pb::Error when no training or no test image is readable, Cancelled when cancelled.
    BudgetSweepResult run(const std::string& product, const std::vector<Sample>& train,
                          const std::vector<Sample>& test, const Progress& progress);

    // The IVF-PQ sub-quantiser counts a sweep uses for this dimension.
    std::vector<int> ivfSubquantisers(int dim) const;

    // One row per point: product, method, spec, fraction, vectors, bytes, megabytes, compression_ratio,
    // image_auroc, pixel_auroc, build_seconds, search_seconds. Atomic; pb::Error naming the file.
    static void writeCsv(const BudgetSweepResult& result, const std::filesystem::path& path);

    // "1/64, 1/32; 0.125" -> fractions, each in (0, 1); pb::Error naming the first bad item.
    static std::vector<double> parseFractions(const std::string& text);

    // Methods a sweep accepts.
    static std::vector<std::string> knownMethods();

private:
    Backbone& backbone_;
    EvaluationOptions options_;
    BudgetSweepOptions sweep_;
};

}  // namespace pb
