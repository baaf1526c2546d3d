// The score histogram dock: normal vs anomalous test scores with the draggable image threshold,
// the "F1-optimal" and "normal-only p99 (leave-one-out)" threshold buttons, and the product's
// metrics (image AUROC, AP, F1-max, pixel AUROC, AUPRO) with the confusion at the threshold.
#pragma once
#include <QVector>
#include <QWidget>

#include "ui/EngineResults.h"

class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace pb::ui {

class ScoreHistogram;

class HistogramPanel : public QWidget {
    Q_OBJECT
public:
    explicit HistogramPanel(QWidget* parent = nullptr);

    void setResult(const ScoreResultPtr& result);
    // Leave-one-out image scores of the training images of the bank now in use (empty: unknown).
    void setTrainingScores(const QVector<double>& scores);
    void setThreshold(double threshold);
    void setLeaveOneOutRunning(bool running);
    // The scores will not come (error, cancel): forget that the button asked for them.
    void leaveOneOutFailed();

    double threshold() const { return threshold_; }
    ScoreHistogram* histogram() const { return histogram_; }
    QPushButton* f1Button() const { return f1Button_; }
    QPushButton* percentileButton() const { return percentileButton_; }
    QString metricsText() const;
    QString confusionText() const;
    // The normal-only threshold: p99 of the leave-one-out scores (NaN when they are not known).
    double percentileThreshold() const;

signals:
    void thresholdChanged(double threshold);
    void leaveOneOutRequested();

private:
    void applyThreshold(double threshold);
    void updateConfusion();

    ScoreHistogram* histogram_;
    QPushButton* f1Button_;
    QPushButton* percentileButton_;
    QDoubleSpinBox* thresholdSpin_;
    QLabel* metrics_;
    QLabel* confusion_;
    ScoreResultPtr result_;
    QVector<double> training_;
    double threshold_ = std::numeric_limits<double>::quiet_NaN();
    bool syncing_ = false;
    bool wantPercentile_ = false;  // apply p99 once the leave-one-out scores arrive
};

}  // namespace pb::ui
