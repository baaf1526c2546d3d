#include "engine/features/FeatureExtractor.h"

#include <algorithm>
#include <future>
#include <sstream>

#include "engine/image/ImageDecoder.h"
#include "engine/util/Error.h"
#include "engine/util/Sha256.h"
#include "engine/util/TensorMemory.h"
#include "engine/util/Threads.h"

namespace pb {

FeatureExtractor::FeatureExtractor(Backbone& backbone, Preprocessor preprocessor, FeatureCache cache, int batchSize)
    : backbone_(backbone), preprocessor_(std::move(preprocessor)), cache_(std::move(cache)),
      batchSize_(std::max(1, batchSize)) {}

FeatureIdentity FeatureExtractor::identity() const {
    const PreprocessSpec& s = preprocessor_.spec();
    return FeatureIdentity::loaded(backbone_, s.resizeWidth, s.cropWidth);
}

std::string FeatureExtractor::preprocessingKey() const {
    const PreprocessSpec& s = preprocessor_.spec();
    std::ostringstream out;
    out << "pil-bilinear:" << s.resizeWidth << "x" << s.resizeHeight << ",crop:" << s.cropWidth << "x" << s.cropHeight
        << ",mean:" << s.mean[0] << "/" << s.mean[1] << "/" << s.mean[2] << ",std:" << s.std[0] << "/" << s.std[1]
        << "/" << s.std[2];
    return out.str();
}

namespace {

struct Prepared {
    FloatImage image;
    int width = 0;
    int height = 0;
    std::string error;
    double decodeSeconds = 0;
    double preprocessSeconds = 0;
};

double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

Prepared prepare(const std::string& path, const Preprocessor& preprocessor) {
    Prepared p;
    try {
        auto t0 = std::chrono::steady_clock::now();
        cv::Mat rgb = decodeImageRgb(path);
        p.decodeSeconds = secondsSince(t0);
        p.width = rgb.cols;
        p.height = rgb.rows;
        t0 = std::chrono::steady_clock::now();
        p.image = preprocessor(rgb);
        p.preprocessSeconds = secondsSince(t0);
    } catch (const std::exception& e) {
        p.error = e.what();
    }
    return p;
}

}  // namespace

std::vector<ExtractedFeatures> FeatureExtractor::extract(const std::vector<std::string>& paths,
                                                         const std::string& stage, const Progress& progress,
                                                         StageTimes& times) {
    std::vector<ExtractedFeatures> results(paths.size());
    std::vector<std::string> keys(paths.size());
    std::vector<std::size_t> pending;
    const FeatureIdentity features = identity();
    const std::string prepKey = preprocessingKey();

    progress.step(stage, 0, paths.size());
    {
        ScopedStageTimer timer(times, "cache lookup");
        for (std::size_t i = 0; i < paths.size(); ++i) {
            if (cache_.enabled()) {
                try {
                    keys[i] = FeatureCache::makeKey(features, prepKey, sha256File(paths[i]));
                } catch (const Error& e) {
                    progress.problem(paths[i], e.reason());
                    continue;
                }
                if (auto entry = cache_.load(keys[i])) {
                    results[i].grid = std::move(entry->grid);
                    results[i].originalWidth = entry->originalWidth;
                    results[i].originalHeight = entry->originalHeight;
                    continue;
                }
            }
            pending.push_back(i);
        }
    }
    std::size_t done = paths.size() - pending.size();
    progress.step(stage, done, paths.size());

    const TensorMemoryReuse reuse;  // the batches reuse each other's activation memory

    // Decode and preprocess the next batch while the backbone runs, on as many threads as the engine
    // has: decoding costs more CPU time than a CNN's forward pass, so one thread would hold the
    // backbone up.
    const std::size_t workers = static_cast<std::size_t>(std::max(1, engineThreads()));
    auto prepareBatch = [this, &paths, &pending, workers](std::size_t begin) {
        const std::size_t end = std::min(pending.size(), begin + static_cast<std::size_t>(batchSize_));
        std::vector<Prepared> batch(end - begin);
        auto work = [&](std::size_t first) {
            for (std::size_t j = first; j < batch.size(); j += workers)
                batch[j] = prepare(paths[pending[begin + j]], preprocessor_);
        };
        std::vector<std::future<void>> helpers;
        for (std::size_t w = 1; w < std::min(workers, batch.size()); ++w)
            helpers.push_back(std::async(std::launch::async, work, w));
        work(0);
        for (auto& h : helpers) h.get();
        return batch;
    };
    std::future<std::vector<Prepared>> next;
    if (!pending.empty()) next = std::async(std::launch::async, prepareBatch, 0);
    for (std::size_t begin = 0; begin < pending.size(); begin += batchSize_) {
        std::vector<Prepared> batch = next.get();
        if (begin + batchSize_ < pending.size()) next = std::async(std::launch::async, prepareBatch, begin + batchSize_);

        std::vector<FloatImage> images;
        std::vector<std::size_t> owners;
        for (std::size_t j = 0; j < batch.size(); ++j) {
            const std::size_t index = pending[begin + j];
            times.add("decode", batch[j].decodeSeconds);
            times.add("preprocess", batch[j].preprocessSeconds);
            if (!batch[j].error.empty()) {
                progress.problem(paths[index], batch[j].error);
                continue;
            }
            results[index].originalWidth = batch[j].width;
            results[index].originalHeight = batch[j].height;
            images.push_back(std::move(batch[j].image));
            owners.push_back(index);
        }
        if (!images.empty()) {
            std::vector<FeatureGrid> grids;
            {
                ScopedStageTimer timer(times, "backbone");
                grids = backbone_.extract(images);
            }
            ScopedStageTimer timer(times, "cache store");
            for (std::size_t j = 0; j < owners.size(); ++j) {
                const std::size_t index = owners[j];
                if (cache_.enabled() && !keys[index].empty())
                    cache_.store(keys[index], FeatureCache::Entry{grids[j], results[index].originalWidth,
                                                                  results[index].originalHeight});
                results[index].grid = std::move(grids[j]);
            }
        }
        done += batch.size();
        progress.step(stage, done, paths.size());
    }
    return results;
}

}  // namespace pb
