// Thumbnails of data-set images, decoded on a small thread pool (QtConcurrent) and kept in a
// bounded cache. The most recently requested images (the ones on screen) are decoded first.
#pragma once
#include <QCache>
#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QThreadPool>

namespace pb::ui {

class ThumbnailCache : public QObject {
    Q_OBJECT
public:
    explicit ThumbnailCache(int size = 96, QObject* parent = nullptr);
    ~ThumbnailCache() override;

    int size() const { return size_; }
    // The thumbnail if it is ready; otherwise a null image and the file is queued for decoding.
    QImage thumbnail(const QString& path);
    bool contains(const QString& path) const { return cache_.contains(path); }
    void clear();

signals:
    void thumbnailReady(const QString& path);

private:
    struct Loaded {
        QString path;
        QImage image;
    };
    void startNext();
    static Loaded load(const QString& path, int size);

    int size_;
    QCache<QString, QImage> cache_;
    QStringList queue_;     // newest last
    QSet<QString> queued_;  // in queue_ or being decoded
    QSet<QString> failed_;
    QThreadPool pool_;
    int running_ = 0;
    quint64 generation_ = 0;  // bumped by clear(): results of older generations are dropped
};

}  // namespace pb::ui
