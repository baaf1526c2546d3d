// Exports the heatmap, overlay and mask PNGs of every scored image of a product in the background
// (QtConcurrent::map on a private pool), with progress and cancellation. Same folder layout as the
// CLI report: <folder>/<product>/<defect>/<stem>_{heatmap,overlay,mask}.png.
#pragma once
#include <QFutureWatcher>
#include <QMutex>
#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QVector>

#include "ui/EngineResults.h"
#include "ui/MapRenderer.h"

namespace pb::ui {

class BatchExporter : public QObject {
    Q_OBJECT
public:
    explicit BatchExporter(QObject* parent = nullptr);
    ~BatchExporter() override;

    // Returns false (and does nothing) while another export runs.
    bool start(const ScoreResultPtr& result, const RenderSettings& settings, const QString& folder);
    void cancel();
    bool isRunning() const;
    QStringList failures() const;

signals:
    void progress(int done, int total);
    // written: images whose three files were written; failures: "file: reason" lines.
    void finished(int written, const QStringList& failures, bool cancelled);

private:
    void exportOne(int index);

    QThreadPool pool_;
    QFutureWatcher<void> watcher_;
    QVector<int> indices_;  // must outlive the map
    ScoreResultPtr result_;
    RenderSettings settings_;
    QString folder_;
    mutable QMutex mutex_;
    QStringList failures_;
    int written_ = 0;
};

}  // namespace pb::ui
