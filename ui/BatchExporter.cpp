#include "ui/BatchExporter.h"

#include <QDir>
#include <QFileInfo>
#include <QMutexLocker>
#include <QtConcurrent/QtConcurrentMap>
#include <algorithm>
#include <thread>

#include "engine/util/Error.h"

namespace pb::ui {

BatchExporter::BatchExporter(QObject* parent) : QObject(parent) {
    // Leave a core to the GUI and the engine: PNG encoding of large images is heavy.
    pool_.setMaxThreadCount(std::max(1, static_cast<int>(std::thread::hardware_concurrency()) - 1));
    connect(&watcher_, &QFutureWatcher<void>::progressValueChanged, this,
            [this](int value) { emit progress(value, static_cast<int>(indices_.size())); });
    connect(&watcher_, &QFutureWatcher<void>::finished, this, [this] {
        const bool cancelled = watcher_.isCanceled();
        QStringList failures;
        int written = 0;
        {
            QMutexLocker lock(&mutex_);
            failures = failures_;
            written = written_;
        }
        result_.reset();
        emit finished(written, failures, cancelled);
    });
}

BatchExporter::~BatchExporter() {
    watcher_.cancel();
    watcher_.waitForFinished();
}

bool BatchExporter::isRunning() const { return watcher_.isRunning(); }

QStringList BatchExporter::failures() const {
    QMutexLocker lock(&mutex_);
    return failures_;
}

bool BatchExporter::start(const ScoreResultPtr& result, const RenderSettings& settings, const QString& folder) {
    if (isRunning() || !result) return false;
    result_ = result;
    settings_ = settings;
    folder_ = folder;
    {
        QMutexLocker lock(&mutex_);
        failures_.clear();
        written_ = 0;
    }
    indices_.resize(static_cast<int>(result->images.size()));
    for (int i = 0; i < indices_.size(); ++i) indices_[i] = i;
    emit progress(0, static_cast<int>(indices_.size()));
    watcher_.setFuture(QtConcurrent::map(&pool_, indices_, [this](int index) { exportOne(index); }));
    return true;
}

void BatchExporter::cancel() { watcher_.cancel(); }

void BatchExporter::exportOne(int index) {
    const ScoredImage& img = result_->images[static_cast<std::size_t>(index)];
    const QString path = QString::fromStdString(img.sample.path);
    try {
        const QString defect = img.sample.defect.empty() ? QStringLiteral("unlabelled") : QString::fromStdString(img.sample.defect);
        const QString dir = QDir(folder_).filePath(QString::fromStdString(result_->product) + QLatin1Char('/') + defect);
        MapRenderer::write(dir, QFileInfo(path).completeBaseName(), MapRenderer::render(img, settings_));
        QMutexLocker lock(&mutex_);
        ++written_;
    } catch (const std::exception& e) {
        QMutexLocker lock(&mutex_);
        failures_.append(QString::fromStdString(e.what()));
    }
}

}  // namespace pb::ui
