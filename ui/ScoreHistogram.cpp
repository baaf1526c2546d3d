#include "ui/ScoreHistogram.h"

#include <algorithm>
#include <cmath>

namespace pb::ui {

namespace {
constexpr double kGrabPixels = 8.0;  // how close to the line a press starts a drag

QVector<double> histogram(const QVector<double>& values, double lo, double width, int bins) {
    QVector<double> counts(bins, 0.0);
    for (double v : values) {
        if (!std::isfinite(v)) continue;
        const int b = std::clamp(static_cast<int>((v - lo) / width), 0, bins - 1);
        counts[b] += 1.0;
    }
    return counts;
}

QCPBars* makeBars(QCustomPlot* plot, const QString& name, const QColor& color) {
    auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setName(name);
    QColor fill = color;
    fill.setAlpha(130);
    bars->setBrush(fill);
    bars->setPen(QPen(color.darker(130)));
    bars->setWidthType(QCPBars::wtPlotCoords);
    return bars;
}
}  // namespace

ScoreHistogram::ScoreHistogram(QWidget* parent) : QCustomPlot(parent) {
    setObjectName(QStringLiteral("scoreHistogram"));
    setMinimumSize(280, 180);
    normal_ = makeBars(this, tr("Normal"), QColor(30, 110, 220));
    anomalous_ = makeBars(this, tr("Anomalous"), QColor(220, 50, 40));
    unknown_ = makeBars(this, tr("Unlabelled"), QColor(130, 130, 130));
    training_ = addGraph(xAxis, yAxis2);
    training_->setName(tr("Train (leave-one-out)"));
    training_->setLineStyle(QCPGraph::lsStepCenter);
    training_->setPen(QPen(QColor(20, 150, 80), 2));
    xAxis->setLabel(tr("Image score"));
    yAxis->setLabel(tr("Test images"));
    yAxis2->setLabel(tr("Train images"));
    yAxis2->setVisible(false);
    legend->setVisible(true);
    legend->setFont(QFont(font().family(), font().pointSize() - 1));
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);

    line_ = new QCPItemStraightLine(this);
    QPen pen(QColor(0, 0, 0), 2, Qt::DashLine);
    line_->setPen(pen);
    line_->setSelectable(false);
    label_ = new QCPItemText(this);
    label_->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    label_->position->setTypeX(QCPItemPosition::ptPlotCoords);
    label_->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    label_->setPadding(QMargins(4, 2, 4, 2));
    label_->setBrush(QColor(255, 255, 255, 200));
    // The review band: a shaded span behind the bars between two solid orange lines.
    const QColor bandColour(200, 120, 0);
    bandSpan_ = new QCPItemRect(this);
    bandSpan_->setLayer(QStringLiteral("background"));
    bandSpan_->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    bandSpan_->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    bandSpan_->setPen(Qt::NoPen);
    bandSpan_->setBrush(QColor(bandColour.red(), bandColour.green(), bandColour.blue(), 45));
    bandSpan_->setSelectable(false);
    auto bandLine = [&] {
        auto* l = new QCPItemStraightLine(this);
        l->setPen(QPen(bandColour, 2));
        l->setSelectable(false);
        return l;
    };
    auto bandLabel = [&](Qt::Alignment alignment) {
        auto* t = new QCPItemText(this);
        t->setPositionAlignment(alignment);
        t->position->setTypeX(QCPItemPosition::ptPlotCoords);
        t->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        t->setPadding(QMargins(4, 2, 4, 2));
        t->setColor(bandColour.darker(130));
        t->setBrush(QColor(255, 255, 255, 200));
        return t;
    };
    lowLine_ = bandLine();
    highLine_ = bandLine();
    lowLabel_ = bandLabel(Qt::AlignRight | Qt::AlignTop);
    highLabel_ = bandLabel(Qt::AlignLeft | Qt::AlignTop);
    setToolTip(tr("Drag the dashed line to move the image threshold, the orange lines to move the review band"));
    rebuild();
}

void ScoreHistogram::setScores(const QVector<double>& normal, const QVector<double>& anomalous,
                               const QVector<double>& unknown) {
    normalScores_ = normal;
    anomalousScores_ = anomalous;
    unknownScores_ = unknown;
    rebuild();
}

void ScoreHistogram::setTrainingScores(const QVector<double>& leaveOneOut) {
    trainingScores_ = leaveOneOut;
    rebuild();
}

void ScoreHistogram::rebuild() {
    QVector<double> all = normalScores_ + anomalousScores_ + unknownScores_ + trainingScores_;
    all.erase(std::remove_if(all.begin(), all.end(), [](double v) { return !std::isfinite(v); }), all.end());
    double lo = 0.0, hi = 1.0;
    if (!all.isEmpty()) {
        lo = *std::min_element(all.begin(), all.end());
        hi = *std::max_element(all.begin(), all.end());
    }
    if (!(hi > lo)) hi = lo + 1.0;
    const int total = static_cast<int>(normalScores_.size() + anomalousScores_.size() + unknownScores_.size());
    bins_ = std::clamp(static_cast<int>(std::sqrt(std::max(total, 1)) * 2), 10, 60);
    const double width = (hi - lo) / bins_;
    QVector<double> centres(bins_);
    for (int b = 0; b < bins_; ++b) centres[b] = lo + (b + 0.5) * width;
    normalCounts_ = histogram(normalScores_, lo, width, bins_);
    anomalousCounts_ = histogram(anomalousScores_, lo, width, bins_);
    const QVector<double> unknownCounts = histogram(unknownScores_, lo, width, bins_);
    normal_->setWidth(width);
    anomalous_->setWidth(width);
    unknown_->setWidth(width);
    normal_->setData(centres, normalCounts_, true);
    anomalous_->setData(centres, anomalousCounts_, true);
    unknown_->setData(centres, unknownCounts, true);
    normal_->setVisible(!normalScores_.isEmpty());
    anomalous_->setVisible(!anomalousScores_.isEmpty());
    unknown_->setVisible(!unknownScores_.isEmpty());
    normal_->removeFromLegend();
    anomalous_->removeFromLegend();
    unknown_->removeFromLegend();
    training_->removeFromLegend();
    if (!normalScores_.isEmpty()) normal_->addToLegend();
    if (!anomalousScores_.isEmpty()) anomalous_->addToLegend();
    if (!unknownScores_.isEmpty()) unknown_->addToLegend();
    legend->setVisible(total > 0);

    double top = 1.0;
    for (int b = 0; b < bins_; ++b)
        top = std::max({top, normalCounts_[b], anomalousCounts_[b], unknownCounts[b]});
    yAxis->setRange(0, top * 1.15);
    if (!trainingScores_.isEmpty()) {
        const QVector<double> trainCounts = histogram(trainingScores_, lo, width, bins_);
        training_->setData(centres, trainCounts, true);
        training_->addToLegend();
        yAxis2->setVisible(true);
        yAxis2->setRange(0, *std::max_element(trainCounts.begin(), trainCounts.end()) * 1.15 + 0.5);
    } else {
        training_->data()->clear();
        yAxis2->setVisible(false);
    }
    xAxis->setRange(lo - width, hi + width);
    setReviewBand(band_);
    setThreshold(threshold_);
}

void ScoreHistogram::setThreshold(double threshold) {
    threshold_ = threshold;
    const bool show = std::isfinite(threshold);
    line_->setVisible(show);
    label_->setVisible(show);
    if (show) {
        line_->point1->setCoords(threshold, 0);
        line_->point2->setCoords(threshold, 1);
        label_->position->setCoords(threshold, 0.02);
        label_->setText(tr("threshold %1").arg(threshold, 0, 'f', 4));
    }
    replot(QCustomPlot::rpQueuedReplot);
}

void ScoreHistogram::setReviewBand(const ReviewBand& band) {
    band_ = band;
    const bool show = band.defined();
    for (QCPAbstractItem* item : std::initializer_list<QCPAbstractItem*>{bandSpan_, lowLine_, highLine_, lowLabel_, highLabel_})
        item->setVisible(show);
    if (show) {
        bandSpan_->topLeft->setCoords(band.low, 0);
        bandSpan_->bottomRight->setCoords(band.high, 1);
        lowLine_->point1->setCoords(band.low, 0);
        lowLine_->point2->setCoords(band.low, 1);
        highLine_->point1->setCoords(band.high, 0);
        highLine_->point2->setCoords(band.high, 1);
        lowLabel_->position->setCoords(band.low, 0.12);
        lowLabel_->setText(tr("T1 %1").arg(band.low, 0, 'f', 4));
        highLabel_->position->setCoords(band.high, 0.12);
        highLabel_->setText(tr("T2 %1").arg(band.high, 0, 'f', 4));
    }
    replot(QCustomPlot::rpQueuedReplot);
}

ScoreHistogram::Handle ScoreHistogram::handleAt(const QPointF& pos) const {
    Handle best = Handle::None;
    double nearest = kGrabPixels;
    auto consider = [&](Handle h, double value) {
        if (!std::isfinite(value)) return;
        const double d = std::abs(pos.x() - xAxis->coordToPixel(value));
        if (d < nearest || (best == Handle::None && d <= nearest)) nearest = d, best = h;
    };
    if (band_.defined()) {
        consider(Handle::Low, band_.low);
        consider(Handle::High, band_.high);
    }
    consider(Handle::Threshold, threshold_);
    return best;
}

void ScoreHistogram::moveHandle(Handle handle, double value) {
    if (handle == Handle::Threshold) {
        setThreshold(value);
        emit thresholdDragged(threshold_);
        return;
    }
    // A band line dragged past the other one takes its place, so T1 <= T2 always (and lines that
    // coincide part whichever way the mouse goes).
    if (handle == Handle::Low && value > band_.high) handle = dragging_ = Handle::High;
    else if (handle == Handle::High && value < band_.low) handle = dragging_ = Handle::Low;
    ReviewBand band = band_;
    if (handle == Handle::Low) band.low = value;
    else band.high = value;
    setReviewBand(band);
    emit reviewBandDragged(band_);
}

double ScoreHistogram::pixelOf(double score) const { return xAxis->coordToPixel(score); }

double ScoreHistogram::valueAt(const QPointF& pos) const {
    const QCPRange r = xAxis->range();
    return std::clamp(xAxis->pixelToCoord(pos.x()), r.lower, r.upper);
}

void ScoreHistogram::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && axisRect()->rect().contains(event->pos())) {
        dragging_ = handleAt(event->position());
        if (dragging_ == Handle::None) {
            // A click away from every line moves the threshold there, so a drag can start anywhere.
            dragging_ = Handle::Threshold;
            moveHandle(dragging_, valueAt(event->position()));
        }
        event->accept();
        return;
    }
    QCustomPlot::mousePressEvent(event);
}

void ScoreHistogram::mouseMoveEvent(QMouseEvent* event) {
    if (dragging_ != Handle::None) {
        moveHandle(dragging_, valueAt(event->position()));
        event->accept();
        return;
    }
    setCursor(handleAt(event->position()) != Handle::None ? Qt::SizeHorCursor : Qt::ArrowCursor);
    QCustomPlot::mouseMoveEvent(event);
}

void ScoreHistogram::mouseReleaseEvent(QMouseEvent* event) {
    if (dragging_ != Handle::None && event->button() == Qt::LeftButton) {
        moveHandle(dragging_, valueAt(event->position()));
        dragging_ = Handle::None;
        event->accept();
        return;
    }
    QCustomPlot::mouseReleaseEvent(event);
}

}  // namespace pb::ui
