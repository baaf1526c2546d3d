// The score histogram dock: normal vs anomalous test scores with the draggable image threshold,
// the "F1-optimal" and "normal-only p99 (leave-one-out)" threshold buttons, and the product's
// metrics (image AUROC, AP, F1-max, pixel AUROC, AUPRO) with the confusion at the threshold; the
// Good / Review / Bad band (T1, T2) with the rule that sets it by default, both lines draggable.
#pragma once
#include <QVector>
#include <QWidget>

#include "ui/EngineResults.h"

class QComboBox;
class QDoubleSpinBox;
class QSettings;
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
    void setReviewBand(const ReviewBand& band);  // undefined: hidden
    // The rule that gives each product's band by default (none, from normal data, from labels).
    ReviewBandRule reviewRule() const;
    void setReviewRule(const ReviewBandRule& rule);
    void loadSettings(const QSettings& settings);
    void saveSettings(QSettings& settings) const;
    void setLeaveOneOutRunning(bool running);
    // The scores will not come (error, cancel): forget that the button asked for them.
    void leaveOneOutFailed();

    double threshold() const { return threshold_; }
    ScoreHistogram* histogram() const { return histogram_; }
    QPushButton* f1Button() const { return f1Button_; }
    QPushButton* percentileButton() const { return percentileButton_; }
    QString metricsText() const;
    QString confusionText() const;
    QString reviewText() const;  // how many images fall in each verdict
    QComboBox* reviewRuleBox() const { return reviewRule_; }
    // The normal-only threshold: p99 of the leave-one-out scores (NaN when they are not known).
    double percentileThreshold() const;

signals:
    void thresholdChanged(double threshold);
    void leaveOneOutRequested();
    void reviewBandChanged(const pb::ReviewBand& band);  // the user dragged T1 or T2
    void reviewRuleChanged();

private:
    void applyThreshold(double threshold);
    void updateConfusion();

    ScoreHistogram* histogram_;
    QPushButton* f1Button_;
    QPushButton* percentileButton_;
    QDoubleSpinBox* thresholdSpin_;
    QLabel* metrics_;
    QLabel* confusion_;
    QComboBox* reviewRule_;
    QDoubleSpinBox* reviewParameter_;  // the margin (normal data) or the escape rate in % (labels)
    QLabel* review_;
    ReviewBand band_;
    ScoreResultPtr result_;
    QVector<double> training_;
    double threshold_ = std::numeric_limits<double>::quiet_NaN();
    bool syncing_ = false;
    bool wantPercentile_ = false;  // apply p99 once the leave-one-out scores arrive
};

}  // namespace pb::ui
