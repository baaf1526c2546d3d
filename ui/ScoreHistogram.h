// Histogram of image scores, normal vs anomalous test images (and the training images' leave-one-out
// scores when known), with the image threshold as a vertical line the user drags.
#pragma once
#include <QVector>
#include <qcustomplot.h>

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
    int binCount() const { return bins_; }
    // Histogram heights shown for the last setScores (for tests and exports).
    const QVector<double>& normalCounts() const { return normalCounts_; }
    const QVector<double>& anomalousCounts() const { return anomalousCounts_; }
    // Scene x (widget pixels) of a score on the axis, for tests that drag the line.
    double pixelOf(double score) const;

signals:
    // While dragging and when released; the window applies it at once.
    void thresholdDragged(double threshold);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void rebuild();
    double valueAt(const QPointF& pos) const;

    QCPBars* normal_;
    QCPBars* anomalous_;
    QCPBars* unknown_;
    QCPGraph* training_;
    QCPItemStraightLine* line_;
    QCPItemText* label_;
    QVector<double> normalScores_, anomalousScores_, unknownScores_, trainingScores_;
    QVector<double> normalCounts_, anomalousCounts_;
    double threshold_ = 0.0;
    int bins_ = 30;
    bool dragging_ = false;
};

}  // namespace pb::ui
