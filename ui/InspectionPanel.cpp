#include "ui/InspectionPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>
#include <mutex>
#include <opencv2/imgproc.hpp>

#include "engine/image/ImageDecoder.h"
#include "engine/scoring/AnomalyMap.h"
#include "engine/util/Error.h"
#include "ui/ImageConvert.h"
#include "ui/InspectionView.h"
#include "ui/MapRenderer.h"
#include "ui/NearestPatchView.h"
#include "ui/figures/ProductColors.h"

namespace pb::ui {

namespace {
constexpr int kWorkSide = 2048;   // predicted outlines are traced on a map at most this large
constexpr int kSliderSteps = 1000;

QString labelText(const Sample& s) {
    if (s.label == 1) return InspectionPanel::tr("anomalous");
    if (s.label == 0) return InspectionPanel::tr("normal");
    return InspectionPanel::tr("unknown");
}
}  // namespace

InspectionPanel::InspectionPanel(QWidget* parent) : QWidget(parent) {
    view_ = new InspectionView(this);
    nearest_ = new NearestPatchView(this);

    overlayButton_ = new QToolButton(this);
    overlayButton_->setObjectName(QStringLiteral("overlayButton"));
    overlayButton_->setText(tr("Heatmap"));
    overlayButton_->setIcon(QIcon(QStringLiteral(":/icons/overlay.svg")));
    overlayButton_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    overlayButton_->setCheckable(true);
    overlayButton_->setChecked(true);
    overlayButton_->setToolTip(tr("Show or hide the heatmap overlay (O)"));

    overlayMode_ = new QComboBox(this);
    overlayMode_->setObjectName(QStringLiteral("overlayModeCombo"));
    overlayMode_->addItem(tr("Anomaly map"));
    overlayMode_->addItem(tr("Neighbour product"));
    overlayMode_->setToolTip(tr("Colour the overlay by anomaly score, or (images scored against a shared bank) "
                                "by the product each patch's nearest bank vector came from"));
    legend_ = new QLabel(this);
    legend_->setObjectName(QStringLiteral("neighbourLegend"));
    legend_->setTextFormat(Qt::RichText);
    legend_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    legend_->hide();

    opacity_ = new QSlider(Qt::Horizontal, this);
    opacity_->setObjectName(QStringLiteral("opacitySlider"));
    opacity_->setRange(0, 100);
    opacity_->setValue(50);
    opacity_->setMaximumWidth(120);
    opacity_->setToolTip(tr("Heatmap opacity"));

    colorMapBox_ = new QComboBox(this);
    colorMapBox_->setObjectName(QStringLiteral("colorMapCombo"));
    for (const auto& name : colorMapNames()) colorMapBox_->addItem(QString::fromStdString(name), QString::fromStdString(name));
    colorMapBox_->setToolTip(tr("Colour map of the heatmap"));
    heatmapScaleBox_ = new QComboBox(this);
    heatmapScaleBox_->setObjectName(QStringLiteral("heatmapScaleCombo"));
    heatmapScaleBox_->addItem(tr("Scale: test set"), QStringLiteral("test"));
    heatmapScaleBox_->addItem(tr("Scale: normal data"), QStringLiteral("normal"));
    heatmapScaleBox_->setToolTip(
        tr("Test set: the colours span every map of the product's test set.\n"
           "Normal data: 0 at the median and 1 at the 99.9th percentile of the training patches' leave-one-out "
           "scores, the same for every image and run, so heatmaps compare by eye."));

    pixelSlider_ = new QSlider(Qt::Horizontal, this);
    pixelSlider_->setObjectName(QStringLiteral("pixelThresholdSlider"));
    pixelSlider_->setRange(0, kSliderSteps);
    pixelSlider_->setMinimumWidth(120);
    pixelSlider_->setToolTip(tr("Pixel threshold: pixels at or above it form the predicted defect regions"));
    pixelSpin_ = new QDoubleSpinBox(this);
    pixelSpin_->setObjectName(QStringLiteral("pixelThresholdSpin"));
    pixelSpin_->setDecimals(4);
    pixelSpin_->setRange(-1e9, 1e9);
    pixelSpin_->setSingleStep(0.01);
    pixelSpin_->setKeyboardTracking(false);

    showGroundTruth_ = new QCheckBox(tr("Ground truth"), this);
    showGroundTruth_->setObjectName(QStringLiteral("showGroundTruth"));
    showGroundTruth_->setChecked(true);
    showGroundTruth_->setToolTip(tr("Outline the ground-truth defect regions in green"));
    showPredicted_ = new QCheckBox(tr("Predicted"), this);
    showPredicted_->setObjectName(QStringLiteral("showPredicted"));
    showPredicted_->setChecked(true);
    showPredicted_->setToolTip(tr("Outline the regions at or above the pixel threshold in red"));

    verdict_ = new QLabel(this);
    verdict_->setObjectName(QStringLiteral("verdictLabel"));
    QFont big = verdict_->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    verdict_->setFont(big);
    details_ = new QLabel(this);
    details_->setObjectName(QStringLiteral("detailsLabel"));
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Long texts must never widen the window (a resize repaints everything).
    verdict_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    details_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    // Two rows keep the panel narrow enough for a laptop screen with the docks open.
    auto* controls = new QHBoxLayout;
    controls->addWidget(overlayButton_);
    controls->addWidget(overlayMode_);
    controls->addWidget(new QLabel(tr("Opacity"), this));
    controls->addWidget(opacity_);
    controls->addWidget(colorMapBox_);
    controls->addWidget(heatmapScaleBox_);
    controls->addSpacing(12);
    controls->addWidget(showGroundTruth_);
    controls->addWidget(showPredicted_);
    controls->addStretch(1);
    auto* thresholds = new QHBoxLayout;
    thresholds->addWidget(new QLabel(tr("Pixel threshold"), this));
    thresholds->addWidget(pixelSlider_, 1);
    thresholds->addWidget(pixelSpin_);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(view_);
    split->addWidget(nearest_);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    split->setCollapsible(0, false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addLayout(thresholds);
    layout->addWidget(verdict_);
    layout->addWidget(details_);
    layout->addWidget(legend_);
    layout->addWidget(split, 1);

    watcher_ = new QFutureWatcher<Frame>(this);
    connect(watcher_, &QFutureWatcher<Frame>::finished, this, &InspectionPanel::onFrameReady);

    connect(overlayButton_, &QToolButton::toggled, this, [this](bool on) {
        view_->setOverlayVisible(on);
        emit settingsChanged();
    });
    connect(overlayMode_, &QComboBox::currentIndexChanged, this, [this] {
        showOverlay();
        emit settingsChanged();
    });
    connect(opacity_, &QSlider::valueChanged, this, [this](int v) {
        view_->setOverlayOpacity(v / 100.0);
        emit settingsChanged();
    });
    connect(colorMapBox_, &QComboBox::currentIndexChanged, this, [this] {
        colorMap_ = colorMapFromString(colorMapBox_->currentData().toString().toStdString());
        updateHeat();
        emit settingsChanged();
    });
    connect(heatmapScaleBox_, &QComboBox::currentIndexChanged, this, [this] {
        emit heatmapScaleChanged(heatmapScale());
        emit settingsChanged();
    });
    connect(pixelSlider_, &QSlider::valueChanged, this, [this](int v) {
        if (syncing_) return;
        setPixelThreshold(low_ + (high_ - low_) * v / static_cast<double>(kSliderSteps));
    });
    connect(pixelSpin_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (syncing_) return;
        setPixelThreshold(v);
    });
    connect(showGroundTruth_, &QCheckBox::toggled, view_, &InspectionView::setGroundTruthVisible);
    connect(showPredicted_, &QCheckBox::toggled, view_, &InspectionView::setPredictedVisible);
    connect(view_, &InspectionView::hovered, this, &InspectionPanel::onHovered);
    view_->setOverlayOpacity(0.5);
    clear();
}

void InspectionPanel::clear() {
    path_.clear();
    result_.reset();
    index_ = -1;
    frame_ = Frame{};
    ++serial_;
    view_->setImage(QImage());
    legend_->hide();
    nearest_->clear(tr("Move the cursor over a scored image to compare it with the bank."));
    verdict_->setText(tr("No image"));
    verdict_->setStyleSheet(QString());
    details_->setText(tr("Select an image in the browser, or drop image files on the window to score them."));
}

double InspectionPanel::opacity() const { return opacity_->value() / 100.0; }

bool InspectionPanel::overlayVisible() const { return overlayButton_->isChecked(); }

void InspectionPanel::setOpacity(double opacity) { opacity_->setValue(static_cast<int>(std::lround(opacity * 100))); }

void InspectionPanel::setColorMap(ColorMapName map) {
    const int at = colorMapBox_->findData(QString::fromStdString(toString(map)));
    if (at >= 0) colorMapBox_->setCurrentIndex(at);
}

HeatmapScale InspectionPanel::heatmapScale() const {
    return heatmapScaleFromString(heatmapScaleBox_->currentData().toString().toStdString());
}

void InspectionPanel::setHeatmapScale(HeatmapScale scale) {
    const int at = heatmapScaleBox_->findData(QString::fromLatin1(toString(scale)));
    if (at >= 0) heatmapScaleBox_->setCurrentIndex(at);
}

void InspectionPanel::setOverlayVisible(bool visible) { overlayButton_->setChecked(visible); }

void InspectionPanel::toggleOverlay() { overlayButton_->toggle(); }

void InspectionPanel::setOverlayMode(OverlayMode mode) { overlayMode_->setCurrentIndex(static_cast<int>(mode)); }

InspectionPanel::OverlayMode InspectionPanel::overlayMode() const {
    return static_cast<OverlayMode>(overlayMode_->currentIndex());
}

bool InspectionPanel::showsNeighbourProducts() const {
    return overlayMode() == OverlayMode::NeighbourProduct && hasFrame() && !frame_.neighbours.isNull();
}

QString InspectionPanel::legendText() const { return legend_->isVisible() ? legend_->text() : QString(); }

void InspectionPanel::showOverlay() {
    // Both overlays are prepared with the frame: switching is a pixmap swap.
    view_->setHeat(showsNeighbourProducts() ? frame_.neighbours : frame_.heat);
    updateLegend();
}

void InspectionPanel::updateLegend() {
    const bool show = showsNeighbourProducts() && result_ && !result_->tagNames.empty();
    legend_->setVisible(show);
    if (!show) return;
    legend_->setText(tr("Nearest neighbour from: %1").arg(productLegendHtml(result_->tagNames, frame_.productShares)));
}

QImage InspectionPanel::neighbourOverlay(const NeighbourTags& t, int inputSide, int frameSide, int width, int height) {
    if (t.tags.empty() || t.gridHeight <= 0 || t.gridWidth <= 0 || inputSide <= 0) return {};
    cv::Mat grid(t.gridHeight, t.gridWidth, CV_8U);
    for (int i = 0; i < t.gridHeight * t.gridWidth && static_cast<std::size_t>(i) < t.tags.size(); ++i)
        grid.data[i] = static_cast<uchar>(std::clamp<std::int32_t>(t.tags[static_cast<std::size_t>(i)], 0, 254));
    // Patch blocks on the network's input, put back into the resized frame when it was cropped, then
    // onto the original pixels: nearest neighbour throughout, a tag is never interpolated.
    cv::Mat input;
    cv::resize(grid, input, cv::Size(inputSide, inputSide), 0, 0, cv::INTER_NEAREST);
    if (frameSide > 0 && frameSide != inputSide) {
        cv::Mat frame(frameSide, frameSide, CV_8U, cv::Scalar(255));
        const int offset = centerCropOffset(frameSide, inputSide);
        input.copyTo(frame(cv::Rect(offset, offset, inputSide, inputSide)));
        input = frame;
    }
    cv::Mat full;
    cv::resize(input, full, cv::Size(width, height), 0, 0, cv::INTER_NEAREST);
    const std::vector<QRgb> table = productColorTable();
    QImage image(width, height, QImage::Format_ARGB32);
    for (int y = 0; y < height; ++y) {
        auto* out = reinterpret_cast<QRgb*>(image.scanLine(y));
        const uchar* in = full.ptr<uchar>(y);
        for (int x = 0; x < width; ++x) out[x] = table[in[x]];
    }
    return image;
}

void InspectionPanel::setScale(float low, float high, double pixelThreshold) {
    const bool rescale = low != low_ || high != high_;
    low_ = low;
    high_ = high > low ? high : low + 1.0f;
    pixelSpin_->setSingleStep((high_ - low_) / 100.0);
    if (rescale) updateHeat();
    setPixelThreshold(pixelThreshold);
}

void InspectionPanel::setPixelThreshold(double threshold) {
    const bool changed = threshold != pixelThreshold_;
    pixelThreshold_ = threshold;
    syncThresholdWidgets();
    if (changed) {
        updatePredicted();
        emit pixelThresholdChanged(threshold);
    }
}

void InspectionPanel::syncThresholdWidgets() {
    syncing_ = true;
    pixelSpin_->setValue(pixelThreshold_);
    const double t = (pixelThreshold_ - low_) / (high_ - low_);
    pixelSlider_->setValue(static_cast<int>(std::lround(std::clamp(t, 0.0, 1.0) * kSliderSteps)));
    syncing_ = false;
}

void InspectionPanel::setImageThreshold(double threshold, const ReviewBand& band) {
    verdictRule_ = VerdictRule{threshold, band};
    updateVerdict();
}

void InspectionPanel::showImage(const QString& path, const Sample* sample, const ScoreResultPtr& result, int index) {
    path_ = path;
    result_ = result;
    index_ = result ? index : -1;
    if (result_ && index_ >= 0)
        sample_ = result_->images[static_cast<std::size_t>(index_)].sample;
    else if (sample)
        sample_ = *sample;
    else {
        sample_ = Sample();
        sample_.path = path.toStdString();
    }
    ++serial_;
    updateVerdict();
    if (loading_) {
        pendingLoad_ = true;  // the frame being prepared is already stale; load this one when it ends
        return;
    }
    loading_ = true;
    pendingLoad_ = false;
    cv::Mat inputMap = isScoredIndex() ? result_->images[static_cast<std::size_t>(index_)].map : cv::Mat();
    const int frameSide = isScoredIndex() ? result_->images[static_cast<std::size_t>(index_)].frameSide : 0;
    NeighbourTags tags;
    if (isScoredIndex() && !result_->tagNames.empty()) {
        const ScoredImage& img = result_->images[static_cast<std::size_t>(index_)];
        tags.tags = img.nearestTag;
        tags.gridHeight = img.gridHeight;
        tags.gridWidth = img.gridWidth;
        tags.products = result_->tagNames.size();
    }
    watcher_->setFuture(QtConcurrent::run(&InspectionPanel::prepare, serial_, path_, sample_, inputMap, frameSide, low_,
                                          high_, colorMap_, pixelThreshold_, std::move(tags)));
}

InspectionPanel::Frame InspectionPanel::prepare(quint64 serial, QString path, Sample sample, cv::Mat inputMap, int frameSide,
                                                float low, float high, ColorMapName map, double pixelThreshold,
                                                NeighbourTags tags) {
    // Everything that scales with the image size happens here, off the GUI thread.
    Frame f;
    f.serial = serial;
    f.path = path;
    try {
        f.rgb = decodeImageRgb(path.toStdString());
        f.image = toQImage(f.rgb).convertToFormat(QImage::Format_RGB32);
        if (!inputMap.empty()) {
            f.map = mapToOriginal(inputMap, frameSide, f.rgb.cols, f.rgb.rows);
            f.heat = toQImage(applyColorMap(f.map, low, high, map)).convertToFormat(QImage::Format_RGB32);
            const int side = std::max(f.rgb.cols, f.rgb.rows);
            if (side > kWorkSide) {
                f.workScale = static_cast<double>(side) / kWorkSide;
                cv::resize(f.map, f.workMap,
                           cv::Size(std::max(1, static_cast<int>(f.rgb.cols / f.workScale)),
                                    std::max(1, static_cast<int>(f.rgb.rows / f.workScale))),
                           0, 0, cv::INTER_AREA);
            } else {
                f.workMap = f.map;
            }
            f.predictedThreshold = pixelThreshold;
            f.predictedOutline = maskOutline(f.workMap >= static_cast<float>(pixelThreshold), f.workScale);
            if (!tags.tags.empty()) {
                f.neighbours = neighbourOverlay(tags, inputMap.cols, frameSide, f.rgb.cols, f.rgb.rows);
                f.productShares.assign(tags.products, 0.0);
                for (std::int32_t t : tags.tags)
                    if (t >= 0 && static_cast<std::size_t>(t) < tags.products) f.productShares[t] += 1.0;
                for (double& share : f.productShares) share /= static_cast<double>(tags.tags.size());
            }
        }
        if (sample.label == 1 && !sample.maskPaths.empty()) {
            try {
                std::vector<cv::Mat> parts;
                for (const auto& m : sample.maskPaths) parts.push_back(decodeMask(m));
                cv::Mat gt = parts.size() == 1 ? parts.front() : mergeMasks(parts);
                if (gt.size() != f.rgb.size()) cv::resize(gt, gt, f.rgb.size(), 0, 0, cv::INTER_NEAREST_EXACT);
                f.groundTruth = gt;
                f.groundTruthOutline = maskOutline(gt);
            } catch (const Error&) {
                // A missing or broken mask is already listed as a problem; the image still shows.
            }
        }
    } catch (const Error& e) {
        f.error = QString::fromStdString(e.what());
    } catch (const std::exception& e) {
        f.error = QString::fromStdString(e.what());
    }
    return f;
}

bool InspectionPanel::isScoredIndex() const {
    return result_ && index_ >= 0 && static_cast<std::size_t>(index_) < result_->images.size();
}

void InspectionPanel::onFrameReady() {
    loading_ = false;
    Frame f = watcher_->result();
    if (f.serial != serial_ || pendingLoad_) {
        // Superseded while it was prepared: prepare the newest request instead.
        pendingLoad_ = false;
        showImage(path_, &sample_, result_, index_);
        return;
    }
    if (!f.error.isEmpty()) {
        frame_ = Frame{};
        view_->setImage(QImage());
        verdict_->setText(tr("Cannot show this image"));
        details_->setText(f.error);
        emit loadFailed(f.path, f.error);
        return;
    }
    frame_ = std::move(f);
    view_->setImage(frame_.image);
    showOverlay();
    view_->setGroundTruthOutline(frame_.groundTruthOutline);
    if (frame_.predictedThreshold == pixelThreshold_ && !frame_.workMap.empty())
        view_->setPredictedOutline(frame_.predictedOutline);
    else
        updatePredicted();
    updateVerdict();
    nearest_->clear(isScored() ? tr("Move the cursor over the image to compare it with the bank.")
                               : tr("This image has not been scored."));
    emit imageShown(frame_.path);
}

void InspectionPanel::updateHeat() {
    if (frame_.map.empty()) return;
    // Only a colour-map change gets here: recolouring one image is a few milliseconds.
    frame_.heat = toQImage(applyColorMap(frame_.map, low_, high_, colorMap_)).convertToFormat(QImage::Format_RGB32);
    showOverlay();
}

void InspectionPanel::updatePredicted() {
    if (frame_.workMap.empty()) {
        view_->setPredictedOutline({});
        return;
    }
    cv::Mat predicted = frame_.workMap >= static_cast<float>(pixelThreshold_);
    view_->setPredictedOutline(maskOutline(predicted, frame_.workScale));
}

QString InspectionPanel::verdictText() const { return verdict_->text(); }

void InspectionPanel::updateVerdict() {
    if (path_.isEmpty()) return;
    QString truth;
    if (!sample_.defect.empty())
        truth = tr("Ground truth: %1 (%2)").arg(QString::fromStdString(sample_.defect), labelText(sample_));
    else
        truth = tr("Ground truth: %1").arg(labelText(sample_));
    const QString where = QFileInfo(path_).fileName();
    if (!isScoredIndex()) {
        verdict_->setText(tr("Not scored"));
        verdict_->setStyleSheet(QString());
        details_->setText(where + QStringLiteral(" · ") + truth);
        return;
    }
    const ScoredImage& img = result_->images[static_cast<std::size_t>(index_)];
    if (!verdictRule_.known()) {
        verdict_->setText(tr("Score %1").arg(img.score, 0, 'f', 4));
        verdict_->setStyleSheet(QString());
    } else {
        const Verdict verdict = verdictRule_.of(img.score);
        const QString score = QString::number(img.score, 'f', 4);
        const ReviewBand& band = verdictRule_.band;
        const double t = verdictRule_.threshold;
        QString text;
        if (!band.defined())
            text = verdict == Verdict::Bad ? tr("Score %1 ≥ %2: ANOMALOUS").arg(score).arg(t, 0, 'f', 4)
                                           : tr("Score %1 < %2: NORMAL").arg(score).arg(t, 0, 'f', 4);
        else if (verdict == Verdict::Bad)
            text = tr("Score %1 ≥ %2: ANOMALOUS").arg(score).arg(band.high, 0, 'f', 4);
        else if (verdict == Verdict::Review)
            text = tr("Score %1 in [%2, %3): REVIEW").arg(score).arg(band.low, 0, 'f', 4).arg(band.high, 0, 'f', 4);
        else
            text = tr("Score %1 < %2: NORMAL").arg(score).arg(band.low, 0, 'f', 4);
        verdict_->setText(text);
        verdict_->setStyleSheet(QStringLiteral("color: %1;").arg(verdictColour(verdict).name()));
    }
    QString details = tr("%1 · %2 · %3×%4 px · product %5")
                          .arg(where, truth)
                          .arg(img.originalWidth)
                          .arg(img.originalHeight)
                          .arg(QString::fromStdString(result_->product));
    if (result_->shared && !img.routedProduct.empty())
        details += QStringLiteral(" · ") + tr("routed to %1 (margin %2)")
                                               .arg(QString::fromStdString(img.routedProduct))
                                               .arg(img.routeMargin, 0, 'g', 4);
    details_->setText(details);
}

void InspectionPanel::onHovered(const QPointF& pixel) {
    if (!isScored() || pixel.x() < 0) {
        view_->setPatchMarker({});
        return;
    }
    const ScoredImage& img = result_->images[static_cast<std::size_t>(index_)];
    if (img.gridWidth <= 0 || img.gridHeight <= 0 || (img.nearestPatch.empty() && !result_->detector)) return;
    const double cw = static_cast<double>(frame_.rgb.cols) / img.gridWidth;
    const double ch = static_cast<double>(frame_.rgb.rows) / img.gridHeight;
    const int col = std::clamp(static_cast<int>(pixel.x() / cw), 0, img.gridWidth - 1);
    const int row = std::clamp(static_cast<int>(pixel.y() / ch), 0, img.gridHeight - 1);
    const QRectF cell(col * cw, row * ch, cw, ch);
    view_->setPatchMarker(cell);
    const std::size_t patch = static_cast<std::size_t>(row) * img.gridWidth + col;
    const float score = patch < img.patchScores.size() ? img.patchScores[patch] : 0.0f;
    if (result_->detector) {
        // A reconstruction model compares a patch with its own reconstruction: there is no neighbour to show.
        nearest_->clear(tr("row %1, column %2, patch score %3\nreconstruction model: 1 - cosine between the patch's "
                           "features and the decoder's reconstruction of them")
                            .arg(row)
                            .arg(col)
                            .arg(score, 0, 'f', 4));
        return;
    }
    if (patch >= img.nearestPatch.size()) return;
    if (result_->shared) {
        // A shared bank keeps no training images, but which product the neighbour came from is known.
        const std::int32_t tag = patch < img.nearestTag.size() ? img.nearestTag[patch] : -1;
        const QString product = tag >= 0 && static_cast<std::size_t>(tag) < result_->tagNames.size()
                                    ? QString::fromStdString(result_->tagNames[static_cast<std::size_t>(tag)])
                                    : tr("unknown");
        nearest_->clear(tr("row %1, column %2, patch score %3\nnearest bank vector from product %4%5")
                            .arg(row)
                            .arg(col)
                            .arg(score, 0, 'f', 4)
                            .arg(product)
                            .arg(product == QString::fromStdString(result_->product) ? QString() : tr(" (another product)")));
        return;
    }
    if (!result_->bank || !result_->bank->model) return;
    try {
        const BankPatchOrigin origin = result_->bank->model->origin(img.nearestPatch[patch]);
        const QString caption = tr("row %1, column %2\npatch score %3").arg(row).arg(col).arg(score, 0, 'f', 4);
        nearest_->showPatch(frame_.image.copy(cell.toAlignedRect()), caption, origin);
    } catch (const Error& e) {
        nearest_->clear(QString::fromStdString(e.what()));
    }
}

RenderSettings InspectionPanel::renderSettings() const {
    RenderSettings r;
    r.colorMap = colorMap_;
    r.low = low_;
    r.high = high_;
    r.opacity = static_cast<float>(opacity());
    r.pixelThreshold = pixelThreshold_;
    r.overlay = overlayVisible();
    r.groundTruth = showGroundTruth_->isChecked();
    r.predicted = showPredicted_->isChecked();
    return r;
}

RenderedMaps InspectionPanel::renderCurrent() const {
    if (frame_.rgb.empty()) return {};
    return MapRenderer::render(frame_.rgb, frame_.map, frame_.groundTruth, renderSettings());
}

}  // namespace pb::ui
