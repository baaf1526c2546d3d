#include "engine/experiments/BudgetSweep.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "engine/bank/BankSpec.h"
#include "engine/bank/MemoryBank.h"
#include "engine/experiments/NeighbourScoring.h"
#include "engine/features/FeatureExtractor.h"
#include "engine/io/CsvWriter.h"
#include "engine/metrics/ImageMetrics.h"
#include "engine/metrics/PixelMetrics.h"
#include "engine/scoring/AnomalyMap.h"
#include "engine/scoring/ImageScoreRule.h"
#include "engine/util/Error.h"

namespace pb {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

bool isCompressor(const std::string& method) {
    return method == "random" || method == "coreset" || method == "vwcoreset" || method == "kmeans" ||
           method == "kmeans_residual";
}

std::vector<std::string> pathsOf(const std::vector<Sample>& samples) {
    std::vector<std::string> paths;
    for (const auto& s : samples) paths.push_back(s.path);
    return paths;
}

// A fraction as the spec reads it back as the same fraction: "0.0625". (A fraction of exactly 1 would
// print as "1", a vector count, which is why the options refuse it: the flat point is that budget.)
std::string fractionText(double f) {
    char buffer[64];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, f);
        if (std::strtod(buffer, nullptr) == f) break;
    }
    return buffer;
}

// The mean of each patch's k distances, as patchScoresFromDistances, except that IVF-PQ's missing
// neighbours (+inf: the probed cells held fewer than k vectors) are left out of the mean; a patch with
// none found gets the image's largest patch score, never a "normal" 0.
std::vector<float> finitePatchScores(const std::vector<float>& distances, std::size_t patches, int k) {
    std::vector<float> scores(patches, -1.0f);
    float worst = 0.0f;
    for (std::size_t p = 0; p < patches; ++p) {
        double sum = 0.0;
        int found = 0;
        for (int j = 0; j < k; ++j) {
            const float d = distances[p * k + j];
            if (!std::isfinite(d)) continue;
            sum += d;
            ++found;
        }
        if (found == 0) continue;
        scores[p] = static_cast<float>(sum / found);
        worst = std::max(worst, scores[p]);
    }
    for (float& s : scores)
        if (s < 0.0f) s = worst;
    return scores;
}

struct TestImage {
    Sample sample;
    FeatureGrid grid;
    cv::Mat mask;  // input-resolution ground truth, empty when unknown
};

}  // namespace

std::vector<double> BudgetSweep::parseFractions(const std::string& text) {
    std::vector<double> fractions;
    std::string list = text;
    std::replace(list.begin(), list.end(), ';', ',');
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t end = std::min(list.find(',', start), list.size());
        std::string part = list.substr(start, end - start);
        start = end + 1;
        part.erase(0, part.find_first_not_of(" \t"));
        part.erase(part.find_last_not_of(" \t") + 1);
        if (part.empty()) continue;
        auto number = [](const std::string& t, double& v) {
            char* rest = nullptr;
            v = std::strtod(t.c_str(), &rest);
            return !t.empty() && rest && *rest == '\0' && std::isfinite(v);
        };
        double value = 0.0;
        bool ok = false;
        if (const std::size_t slash = part.find('/'); slash != std::string::npos) {
            double a = 0.0, b = 0.0;
            std::string left = part.substr(0, slash), right = part.substr(slash + 1);
            left.erase(left.find_last_not_of(" \t") + 1);
            right.erase(0, right.find_first_not_of(" \t"));
            ok = number(left, a) && number(right, b) && b != 0.0;
            value = ok ? a / b : 0.0;
        } else {
            ok = number(part, value);
        }
        if (!ok || !(value > 0.0 && value < 1.0))
            throw Error("\"" + part + "\" is not a fraction between 0 and 1 (exclusive)");
        fractions.push_back(value);
    }
    if (fractions.empty()) throw Error("give at least one budget, e.g. 1/16");
    return fractions;
}

std::vector<std::string> BudgetSweep::knownMethods() {
    return {"random", "coreset", "vwcoreset", "kmeans", "kmeans_residual", "ivfpq"};
}

BudgetSweep::BudgetSweep(Backbone& backbone, EvaluationOptions options, BudgetSweepOptions sweep)
    : backbone_(backbone), options_(std::move(options)), sweep_(std::move(sweep)) {
    if (options_.k < 1) throw Error("k must be at least 1, got " + std::to_string(options_.k));
    const auto known = knownMethods();
    for (const auto& method : sweep_.methods) {
        if (std::find(known.begin(), known.end(), method) == known.end()) {
            std::string names;
            for (const auto& n : known) names += (names.empty() ? "" : ", ") + n;
            throw Error("budget sweep: unknown method \"" + method + "\" (known: " + names + ")");
        }
        if (isCompressor(method)) {
            for (double f : sweep_.fractions)
                if (!(f > 0.0 && f < 1.0))
                    throw Error("budget sweep: fraction " + fractionText(f) +
                                " is not in (0, 1); the flat point stands for the whole bank");
            // A bad option fails here, before any image is read.
            parseBankSpec(method + ":0.5" + (sweep_.methodOptions.empty() ? "" : "," + sweep_.methodOptions));
        }
    }
    if (sweep_.ivfNlist < 1 || sweep_.ivfNbits < 1 || sweep_.ivfNbits > 16 || sweep_.ivfNprobe < 1)
        throw Error("budget sweep: IVF-PQ needs nlist >= 1, nbits in 1..16 and nprobe >= 1");
    for (int m : sweep_.ivfSubquantisers)
        if (m < 1) throw Error("budget sweep: IVF-PQ sub-quantiser count " + std::to_string(m) + " is below 1");
}

std::vector<int> BudgetSweep::ivfSubquantisers(int dim) const {
    std::vector<int> ms;
    if (dim < 1) return ms;
    if (!sweep_.ivfSubquantisers.empty()) {
        for (int m : sweep_.ivfSubquantisers)
            if (dim % m == 0 && std::find(ms.begin(), ms.end(), m) == ms.end()) ms.push_back(m);
    } else {
        for (int target : {4, 8, 16, 32, 64}) {
            int best = 1;
            for (int m = 1; m <= std::min(target, dim); ++m)
                if (dim % m == 0) best = m;
            if (std::find(ms.begin(), ms.end(), best) == ms.end()) ms.push_back(best);
        }
        if (dim <= 128 && std::find(ms.begin(), ms.end(), dim) == ms.end()) ms.push_back(dim);
    }
    std::sort(ms.begin(), ms.end());
    return ms;
}

BudgetSweepResult BudgetSweep::run(const std::string& product, const std::vector<Sample>& train,
                                   const std::vector<Sample>& test, const Progress& progress) {
    const auto start = Clock::now();
    BudgetSweepResult result;
    result.product = product;
    result.features = FeatureIdentity::loaded(backbone_, options_.resolution, options_.crop);

    PreprocessSpec pre;
    pre.resizeWidth = pre.resizeHeight = options_.resolution;
    pre.cropWidth = pre.cropHeight = options_.crop;
    FeatureExtractor extractor(
        backbone_, Preprocessor(pre),
        FeatureCache(options_.cacheDir.empty() ? std::filesystem::path{} : std::filesystem::path(options_.cacheDir)),
        options_.backbone.batchSize);

    // Every feature once: the banks differ, the features do not.
    std::vector<float> patches;
    int dim = 0;
    {
        auto features = extractor.extract(pathsOf(train), product + ": train features", progress, result.times);
        for (std::size_t i = 0; i < features.size(); ++i) {
            if (!features[i].grid) continue;
            const FeatureGrid& g = *features[i].grid;
            if (dim == 0) dim = g.dim;
            if (g.dim != dim) throw Error("feature dimension differs between images", train[i].path);
            patches.insert(patches.end(), g.data.begin(), g.data.end());
            ++result.trainImages;
            features[i].grid.reset();
        }
    }
    if (result.trainImages == 0) throw Error("none of the training images of '" + product + "' could be read");
    std::vector<TestImage> images;
    {
        auto features = extractor.extract(pathsOf(test), product + ": test features", progress, result.times);
        for (std::size_t i = 0; i < features.size(); ++i) {
            if (!features[i].grid || test[i].label < 0) continue;
            if (features[i].grid->dim != dim) throw Error("feature dimension differs between images", test[i].path);
            TestImage img;
            img.sample = test[i];
            img.grid = std::move(*features[i].grid);
            if (sweep_.pixelAuroc) img.mask = loadInputMask(test[i], options_.resolution, options_.crop, progress);
            images.push_back(std::move(img));
        }
    }
    if (images.empty()) throw Error("none of the labelled test images of '" + product + "' could be read");
    result.featureDim = dim;
    result.testImages = images.size();
    result.sourcePatches = patches.size() / static_cast<std::size_t>(dim);
    result.sourceBytes = patches.size() * sizeof(float);

    // The points, in order: flat, then every method by increasing budget.
    std::vector<std::pair<std::string, std::string>> points;  // method, spec
    std::vector<double> fractionOf;
    if (sweep_.includeFlat) {
        points.emplace_back("flat", "flat");
        fractionOf.push_back(1.0);
    }
    std::vector<double> fractions = sweep_.fractions;
    std::sort(fractions.begin(), fractions.end());
    fractions.erase(std::unique(fractions.begin(), fractions.end()), fractions.end());
    for (const auto& method : sweep_.methods) {
        if (method == "ivfpq") {
            const int cells = static_cast<int>(std::max<std::size_t>(1, result.sourcePatches / 39));
            const int nlist = std::min(sweep_.ivfNlist, cells);
            const int nprobe = std::min(sweep_.ivfNprobe, nlist);
            for (int m : ivfSubquantisers(dim)) {
                points.emplace_back(method, "ivfpq:nlist=" + std::to_string(nlist) + ",m=" + std::to_string(m) +
                                                ",nbits=" + std::to_string(sweep_.ivfNbits) +
                                                ",nprobe=" + std::to_string(nprobe));
                fractionOf.push_back(1.0);
            }
            continue;
        }
        for (double f : fractions) {
            points.emplace_back(method, method + ":" + fractionText(f) +
                                            (sweep_.methodOptions.empty() ? "" : "," + sweep_.methodOptions));
            fractionOf.push_back(f);
        }
    }

    const std::string stage = product + ": budget sweep";
    const std::size_t sourceCount = result.sourcePatches;
    // The compressors' own stages would hide the sweep's: they only get the cancel token and problems.
    Progress quiet;
    quiet.cancel = progress.cancel;
    quiet.onProblem = progress.onProblem;
    for (std::size_t p = 0; p < points.size(); ++p) {
        progress.step(stage, p, points.size());
        const auto& [method, spec] = points[p];
        BudgetSweepPoint point;
        point.method = method;
        point.fraction = fractionOf[p];
        std::unique_ptr<MemoryBank> bank;
        try {
            const auto buildStart = Clock::now();
            ScopedStageTimer timer(result.times, "bank");
            bank = createBank(spec);
            bank->setSearchMethod(options_.knnMethod);
            bank->build(patches.data(), sourceCount, dim, 0, quiet);
            point.buildSeconds = secondsSince(buildStart);
        } catch (const Cancelled&) {
            throw;
        } catch (const Error& e) {
            // One impossible point (IVF-PQ on too few vectors, m not dividing the dimension) is not the sweep's end.
            result.problems.push_back(spec + ": " + e.what());
            progress.problem(spec, e.what());
            continue;
        }
        point.spec = bank->spec();
        point.vectors = bank->size();
        point.bytes = bank->bytes();
        point.megabytes = static_cast<double>(point.bytes) / (1024.0 * 1024.0);
        point.compressionRatio =
            point.bytes > 0 ? static_cast<double>(result.sourceBytes) / static_cast<double>(point.bytes) : 0.0;

        const int k = neighboursFor(options_, bank->size(), bank->sourceCount());
        std::vector<double> scores;
        std::vector<int> labels;
        std::vector<cv::Mat> maps, masks;
        const int side = options_.crop > 0 ? options_.crop : options_.resolution;
        for (const auto& img : images) {
            progress.cancel.throwIfCancelled();
            KnnResult nn;
            {
                const auto searchStart = Clock::now();
                ScopedStageTimer timer(result.times, "kNN");
                nn = bank->search(img.grid.data.data(), img.grid.patches(), k);
                point.searchSeconds += secondsSince(searchStart);
            }
            const std::vector<float> patchScores = finitePatchScores(nn.distances, img.grid.patches(), k);
            scores.push_back(imageScore(patchScores, options_.imageScore));
            labels.push_back(img.sample.label);
            if (sweep_.pixelAuroc && !img.mask.empty()) {
                ScopedStageTimer timer(result.times, "maps");
                cv::Mat map = upsampleAlignCorners(patchScoreGrid(patchScores, img.grid.height, img.grid.width), side, side);
                if (options_.smoothingSigma > 0) map = gaussianSmooth(map, options_.smoothingSigma, 0);
                maps.push_back(map);
                masks.push_back(img.mask);
            }
        }
        point.imageAuroc = rocAuc(scores, labels);
        if (sweep_.pixelAuroc && !maps.empty()) {
            ScopedStageTimer timer(result.times, "metrics");
            point.pixelAuroc = pixelRocAuc(maps, masks);
        }
        result.points.push_back(std::move(point));
    }
    progress.step(stage, points.size(), points.size());
    result.seconds = secondsSince(start);
    return result;
}

void BudgetSweep::writeCsv(const BudgetSweepResult& result, const std::filesystem::path& path) {
    CsvWriter csv({"product", "method", "spec", "fraction", "vectors", "bytes", "megabytes", "compression_ratio",
                   "image_auroc", "pixel_auroc", "build_seconds", "search_seconds"});
    for (const auto& p : result.points)
        csv.addRow({result.product, p.method, p.spec, CsvWriter::number(p.fraction, 8), std::to_string(p.vectors),
                    std::to_string(p.bytes), CsvWriter::number(p.megabytes, 6), CsvWriter::number(p.compressionRatio, 4),
                    CsvWriter::number(p.imageAuroc, 6), CsvWriter::number(p.pixelAuroc, 6),
                    CsvWriter::number(p.buildSeconds, 4), CsvWriter::number(p.searchSeconds, 4)});
    csv.save(path);
}

}  // namespace pb
