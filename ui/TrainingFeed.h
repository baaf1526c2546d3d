// What a training run reports while it goes, from the engine thread to the training dock: the
// trainer's observer callbacks become signals emitted on the engine thread, so that every connection
// to a widget is queued and the dock only ever touches its widgets on the GUI thread. Loss points come
// in batches (one per iteration would flood the GUI thread's queue when iterations take milliseconds).
// The task holds the feed while it runs; it is deleted on its own thread (deleteLater) when the last
// holder lets go.
#pragma once
#include <QObject>
#include <QString>
#include <QVector>
#include <memory>

#include "ui/EngineResults.h"

namespace pb::ui {

class TrainingFeed : public QObject {
    Q_OBJECT
public:
    // Made on the GUI thread; the custom deleter defers the deletion to it.
    static std::shared_ptr<TrainingFeed> create();

signals:
    // The training set as the run sees it (unreadable images left out): what the rounds' scores index.
    void trainingSet(const pb::ui::SampleListPtr& images);
    // A run that goes on from a checkpoint: the curves and rounds recorded so far.
    void resumed(const pb::ui::TrainingHistoryPtr& history);
    void losses(const QVector<pb::LossPoint>& points);
    void validation(const pb::ValidationPoint& point);
    void selection(const pb::SelectionRound& round);
    void screened(const QVector<double>& scores, double threshold);
    void checkpointWritten(const QString& file);

private:
    TrainingFeed() = default;
};
using TrainingFeedPtr = std::shared_ptr<TrainingFeed>;

}  // namespace pb::ui
