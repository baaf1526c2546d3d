// Histogram of image scores, normal vs anomalous test images (and the training images' leave-one-out
// scores when known), with the image threshold as a vertical line the user drags, and the review band
// (T1, T2: images between them are "review") as two more lines and a shaded span, each draggable.
#pragma once
#include <QVector>
#include <qcustomplot.h>

#include "engine/scoring/ReviewBand.h"

namespace pb::ui {

class ScoreHistogram : public QCustomPlot {
    Q_OBJECT
public:
    explicit ScoreHistogram(QWidget* parent = nullptr);

    // unknown: test images without a label (shown in grey).
    void setScores(const QVector<double>& normal, const QVector<double>& anomalous, const QVector<double>& unknown);
    void setTrainingScores(const QVector<double>& leaveOneOut);
    void setThreshold(double threshold);
    double threshold() const { return threshold_; }
    void setReviewBand(const ReviewBand& band);  // undefined: hidden
    const ReviewBand& reviewBand() const { return band_; }
    int binCount() const { return bins_; }
    // Histogram heights shown for the last setScores (for tests and exports).
    const QVector<double>& normalCounts() const { return normalCounts_; }
    const QVector<double>& anomalousCounts() const { return anomalousCounts_; }
    // Scene x (widget pixels) of a score on the axis, for tests that drag the line.
    double pixelOf(double score) const;

signals:
    // While dragging and when released; the window applies it at once.
    void thresholdDragged(double threshold);
    void reviewBandDragged(const pb::ReviewBand& band);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    enum class Handle { None, Threshold, Low, High };
    void rebuild();
    Handle handleAt(const QPointF& pos) const;  // the line within grabbing distance, the nearest first
    void moveHandle(Handle handle, double value);
    double valueAt(const QPointF& pos) const;

    QCPBars* normal_;
    QCPBars* anomalous_;
    QCPBars* unknown_;
    QCPGraph* training_;
    QCPItemStraightLine* line_;
    QCPItemText* label_;
    QCPItemRect* bandSpan_;
    QCPItemStraightLine* lowLine_;
    QCPItemStraightLine* highLine_;
    QCPItemText* lowLabel_;
    QCPItemText* highLabel_;
    ReviewBand band_;
    QVector<double> normalScores_, anomalousScores_, unknownScores_, trainingScores_;
    QVector<double> normalCounts_, anomalousCounts_;
    double threshold_ = 0.0;
    int bins_ = 30;
    Handle dragging_ = Handle::None;
};

}  // namespace pb::ui
