#include "ui/ThumbnailCache.h"

#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "engine/image/ImageDecoder.h"
#include "ui/ImageConvert.h"

namespace pb::ui {

namespace {
constexpr int kMaxQueued = 400;  // older requests are for rows scrolled away long ago
}

ThumbnailCache::ThumbnailCache(int size, QObject* parent) : QObject(parent), size_(size), cache_(4000) {
    // Two decoders keep the list fluid without starving the engine on a small machine.
    pool_.setMaxThreadCount(2);
}

ThumbnailCache::~ThumbnailCache() {
    queue_.clear();
    pool_.waitForDone();
}

void ThumbnailCache::clear() {
    cache_.clear();
    queue_.clear();
    queued_.clear();
    failed_.clear();
    ++generation_;
}

QImage ThumbnailCache::thumbnail(const QString& path) {
    if (QImage* image = cache_.object(path)) return *image;
    if (failed_.contains(path)) return {};
    if (queued_.contains(path)) {
        // Asked again: it is on screen now, move it to the front of the line.
        const int at = queue_.indexOf(path);
        if (at >= 0 && at != queue_.size() - 1) queue_.move(at, queue_.size() - 1);
        return {};
    }
    queue_.append(path);
    queued_.insert(path);
    while (queue_.size() > kMaxQueued) queued_.remove(queue_.takeFirst());
    startNext();
    return {};
}

ThumbnailCache::Loaded ThumbnailCache::load(const QString& path, int size) {
    Loaded out{path, {}};
    try {
        // The engine's decoder reads every format the data sets use (TIFF included) as PIL does.
        cv::Mat rgb = decodeImageRgb(path.toStdString());
        const double scale = static_cast<double>(size) / std::max(rgb.cols, rgb.rows);
        cv::Mat small;
        cv::resize(rgb, small, cv::Size(std::max(1, int(rgb.cols * scale + 0.5)), std::max(1, int(rgb.rows * scale + 0.5))),
                   0, 0, cv::INTER_AREA);
        out.image = toQImage(small);
    } catch (...) {
        // Unreadable images are listed in the problems view; the browser shows them without a picture.
    }
    return out;
}

void ThumbnailCache::startNext() {
    while (running_ < pool_.maxThreadCount() && !queue_.isEmpty()) {
        const QString path = queue_.takeLast();
        ++running_;
        auto* watcher = new QFutureWatcher<Loaded>(this);
        const quint64 generation = generation_;
        connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher, generation] {
            const Loaded loaded = watcher->result();
            watcher->deleteLater();
            --running_;
            if (generation == generation_) {
                queued_.remove(loaded.path);
                if (loaded.image.isNull()) {
                    failed_.insert(loaded.path);
                } else {
                    cache_.insert(loaded.path, new QImage(loaded.image));
                    emit thumbnailReady(loaded.path);
                }
            }
            startNext();
        });
        watcher->setFuture(QtConcurrent::run(&pool_, &ThumbnailCache::load, path, size_));
    }
}

}  // namespace pb::ui
