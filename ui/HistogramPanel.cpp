#include "ui/HistogramPanel.h"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QComboBox>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>
#include <cmath>

#include "engine/metrics/ImageMetrics.h"
#include "ui/ScoreHistogram.h"

namespace pb::ui {

namespace {
QString formatMetric(double v) { return std::isfinite(v) ? QString::number(v, 'f', 4) : QStringLiteral("—"); }
}  // namespace

HistogramPanel::HistogramPanel(QWidget* parent) : QWidget(parent) {
    histogram_ = new ScoreHistogram(this);
    f1Button_ = new QPushButton(tr("F1-optimal"), this);
    f1Button_->setObjectName(QStringLiteral("f1Button"));
    f1Button_->setToolTip(tr("Threshold with the best F1 over the labelled test images"));
    percentileButton_ = new QPushButton(tr("Normal-only p99 (leave-one-out)"), this);
    percentileButton_->setObjectName(QStringLiteral("percentileButton"));
    percentileButton_->setToolTip(
        tr("99th percentile of the training images' scores, each scored against the bank without its own patches. "
           "Needs no defective images."));
    thresholdSpin_ = new QDoubleSpinBox(this);
    thresholdSpin_->setObjectName(QStringLiteral("imageThresholdSpin"));
    thresholdSpin_->setDecimals(4);
    thresholdSpin_->setRange(-1e9, 1e9);
    thresholdSpin_->setSingleStep(0.01);
    thresholdSpin_->setKeyboardTracking(false);
    metrics_ = new QLabel(this);
    metrics_->setObjectName(QStringLiteral("metricsLabel"));
    metrics_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    metrics_->setWordWrap(true);
    confusion_ = new QLabel(this);
    confusion_->setObjectName(QStringLiteral("confusionLabel"));
    confusion_->setWordWrap(true);
    reviewRule_ = new QComboBox(this);
    reviewRule_->setObjectName(QStringLiteral("reviewRuleCombo"));
    reviewRule_->addItem(tr("Off"), QStringLiteral("none"));
    reviewRule_->addItem(tr("From normal data"), QStringLiteral("normal"));
    reviewRule_->addItem(tr("From labels"), QStringLiteral("labels"));
    reviewRule_->setToolTip(
        tr("Images scoring between T1 and T2 go to a person for review.\n"
           "From normal data: T1 = p99 of the training images' leave-one-out scores, T2 = their maximum × margin.\n"
           "From labels: T2 = the F1-optimal threshold, T1 lets at most the chosen share of defects pass."));
    reviewParameter_ = new QDoubleSpinBox(this);
    reviewParameter_->setObjectName(QStringLiteral("reviewParameterSpin"));
    reviewParameter_->setKeyboardTracking(false);
    review_ = new QLabel(this);
    review_->setObjectName(QStringLiteral("reviewLabel"));
    review_->setWordWrap(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(new QLabel(tr("Image threshold"), this));
    buttons->addWidget(thresholdSpin_);
    buttons->addWidget(f1Button_);
    buttons->addWidget(percentileButton_);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(histogram_, 1);
    layout->addLayout(buttons);
    layout->addWidget(metrics_);
    layout->addWidget(confusion_);
    auto* band = new QHBoxLayout;
    band->addWidget(new QLabel(tr("Review band"), this));
    band->addWidget(reviewRule_);
    band->addWidget(reviewParameter_);
    band->addWidget(review_, 1);
    layout->addLayout(band);

    connect(histogram_, &ScoreHistogram::thresholdDragged, this, &HistogramPanel::applyThreshold);
    connect(histogram_, &ScoreHistogram::reviewBandDragged, this, [this](const ReviewBand& b) {
        band_ = b;
        updateConfusion();
        emit reviewBandChanged(b);
    });
    connect(reviewRule_, &QComboBox::currentIndexChanged, this, [this] {
        setReviewRule(reviewRule());  // the parameter's meaning follows the rule
        emit reviewRuleChanged();
    });
    connect(reviewParameter_, &QDoubleSpinBox::valueChanged, this, [this] {
        if (!syncing_) emit reviewRuleChanged();
    });
    connect(thresholdSpin_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (!syncing_) applyThreshold(v);
    });
    connect(f1Button_, &QPushButton::clicked, this, [this] {
        if (result_ && std::isfinite(result_->metrics.imageF1Threshold)) applyThreshold(result_->metrics.imageF1Threshold);
    });
    connect(percentileButton_, &QPushButton::clicked, this, [this] {
        const double p99 = percentileThreshold();
        if (std::isfinite(p99)) {
            applyThreshold(p99);
        } else {
            wantPercentile_ = true;
            emit leaveOneOutRequested();
        }
    });
    setReviewRule(ReviewBandRule{});
    setResult(nullptr);
}

ReviewBandRule HistogramPanel::reviewRule() const {
    const QString kind = reviewRule_->currentData().toString();
    ReviewBandRule rule;
    if (kind == QLatin1String("normal")) {
        rule.kind = ReviewBandRule::Kind::Normal;
        rule.margin = reviewParameter_->value();
    } else if (kind == QLatin1String("labels")) {
        rule.kind = ReviewBandRule::Kind::Labels;
        rule.maxEscapeRate = reviewParameter_->value() / 100.0;
    }
    return rule;
}

void HistogramPanel::setReviewRule(const ReviewBandRule& rule) {
    syncing_ = true;
    {
        QSignalBlocker block(reviewRule_);
        const bool labels = rule.kind == ReviewBandRule::Kind::Labels;
        reviewRule_->setCurrentIndex(rule.kind == ReviewBandRule::Kind::Normal ? 1 : labels ? 2 : 0);
        reviewParameter_->setVisible(rule.kind == ReviewBandRule::Kind::Normal || labels);
        if (labels) {
            reviewParameter_->setPrefix(tr("escape ≤ "));
            reviewParameter_->setSuffix(QStringLiteral(" %"));
            reviewParameter_->setRange(0.0, 50.0);
            reviewParameter_->setDecimals(1);
            reviewParameter_->setSingleStep(0.5);
            reviewParameter_->setValue(rule.maxEscapeRate * 100.0);
            reviewParameter_->setToolTip(tr("The largest share of the defective test images allowed to pass as normal"));
        } else {
            reviewParameter_->setPrefix(tr("margin × "));
            reviewParameter_->setSuffix(QString());
            reviewParameter_->setRange(1.0, 10.0);
            reviewParameter_->setDecimals(2);
            reviewParameter_->setSingleStep(0.05);
            reviewParameter_->setValue(rule.margin);
            reviewParameter_->setToolTip(tr("T2 = the largest leave-one-out score of the training images × this margin"));
        }
    }
    syncing_ = false;
}

void HistogramPanel::loadSettings(const QSettings& settings) {
    try {
        setReviewRule(ReviewBandRule::parse(settings.value(QStringLiteral("review/rule"), QStringLiteral("none")).toString().toStdString()));
    } catch (const std::exception&) {
        setReviewRule(ReviewBandRule{});
    }
}

void HistogramPanel::saveSettings(QSettings& settings) const {
    settings.setValue(QStringLiteral("review/rule"), QString::fromStdString(reviewRule().toString()));
}

void HistogramPanel::setReviewBand(const ReviewBand& band) {
    band_ = band;
    histogram_->setReviewBand(band);
    updateConfusion();
}

QString HistogramPanel::reviewText() const { return review_->text(); }

void HistogramPanel::setResult(const ScoreResultPtr& result) {
    result_ = result;
    QVector<double> normal, anomalous, unknown;
    if (result_)
        for (const auto& img : result_->images)
            (img.sample.label == 1 ? anomalous : img.sample.label == 0 ? normal : unknown).append(img.score);
    histogram_->setScores(normal, anomalous, unknown);
    const bool labelled = result_ && std::isfinite(result_->metrics.imageF1Threshold);
    f1Button_->setEnabled(labelled);
    f1Button_->setToolTip(labelled ? tr("Threshold with the best F1 over the labelled test images")
                                   : tr("Needs a scored test set with normal and anomalous images"));
    percentileButton_->setEnabled(result_ != nullptr);
    if (!result_) {
        metrics_->setText(tr("Build a bank and score the test set to see the metrics."));
        confusion_->clear();
        return;
    }
    const auto& m = result_->metrics;
    metrics_->setText(tr("<b>%1</b> — image AUROC <b>%2</b> · AP <b>%3</b> · F1-max <b>%4</b> · pixel AUROC <b>%5</b> · "
                         "AUPRO<sub>30%</sub> <b>%6</b>")
                          .arg(QString::fromStdString(result_->product).toHtmlEscaped(), formatMetric(m.imageAuroc),
                               formatMetric(m.imageAp), formatMetric(m.imageF1Max), formatMetric(m.pixelAuroc), formatMetric(m.aupro30)));
    updateConfusion();
}

void HistogramPanel::setTrainingScores(const QVector<double>& scores) {
    training_ = scores;
    histogram_->setTrainingScores(scores);
    if (wantPercentile_ && !scores.isEmpty()) {
        wantPercentile_ = false;
        applyThreshold(percentileThreshold());
    }
}

void HistogramPanel::setLeaveOneOutRunning(bool running) {
    percentileButton_->setEnabled(!running && result_ != nullptr);
    percentileButton_->setText(running ? tr("Computing leave-one-out scores…") : tr("Normal-only p99 (leave-one-out)"));
}

void HistogramPanel::leaveOneOutFailed() {
    wantPercentile_ = false;
    setLeaveOneOutRunning(false);
}

double HistogramPanel::percentileThreshold() const {
    if (training_.isEmpty()) return std::numeric_limits<double>::quiet_NaN();
    return numpyQuantile(std::vector<double>(training_.begin(), training_.end()), 0.99);
}

void HistogramPanel::setThreshold(double threshold) {
    threshold_ = threshold;
    syncing_ = true;
    if (std::isfinite(threshold)) thresholdSpin_->setValue(threshold);
    syncing_ = false;
    histogram_->setThreshold(threshold);
    updateConfusion();
}

void HistogramPanel::applyThreshold(double threshold) {
    if (!std::isfinite(threshold)) return;
    setThreshold(threshold);
    emit thresholdChanged(threshold);
}

QString HistogramPanel::metricsText() const { return metrics_->text(); }

QString HistogramPanel::confusionText() const { return confusion_->text(); }

void HistogramPanel::updateConfusion() {
    review_->clear();
    if (result_ && band_.defined()) {
        int counts[3] = {0, 0, 0};
        int escaped = 0;  // defects judged normal
        for (const auto& img : result_->images) {
            const Verdict v = verdictOf(img.score, band_, threshold_);
            ++counts[static_cast<int>(v)];
            escaped += img.sample.label == 1 && v == Verdict::Good;
        }
        review_->setText(tr("T1 %1 · T2 %2: %3 normal · %4 review · %5 anomalous · %6 defects pass")
                             .arg(band_.low, 0, 'f', 4)
                             .arg(band_.high, 0, 'f', 4)
                             .arg(counts[0])
                             .arg(counts[1])
                             .arg(counts[2])
                             .arg(escaped));
    }
    if (!result_ || !std::isfinite(threshold_)) {
        confusion_->clear();
        return;
    }
    int tp = 0, fp = 0, fn = 0, tn = 0, flagged = 0, total = 0;
    for (const auto& img : result_->images) {
        const bool predicted = img.score >= threshold_;
        ++total;
        flagged += predicted ? 1 : 0;
        if (img.sample.label == 1) (predicted ? tp : fn)++;
        if (img.sample.label == 0) (predicted ? fp : tn)++;
    }
    QString text = tr("At %1: %2 of %3 images flagged").arg(threshold_, 0, 'f', 4).arg(flagged).arg(total);
    if (tp + fn > 0 && fp + tn > 0) {
        const double precision = tp + fp > 0 ? double(tp) / (tp + fp) : 0.0;
        const double recall = double(tp) / (tp + fn);
        const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
        text += tr(" · precision %1 · recall %2 · F1 %3 · false alarms %4 of %5 normal")
                    .arg(precision, 0, 'f', 3)
                    .arg(recall, 0, 'f', 3)
                    .arg(f1, 0, 'f', 3)
                    .arg(fp)
                    .arg(fp + tn);
    }
    confusion_->setText(text);
}

}  // namespace pb::ui
