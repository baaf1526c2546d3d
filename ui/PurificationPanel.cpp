#include "ui/PurificationPanel.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <qcustomplot.h>

#include "engine/image/ImageDecoder.h"
#include "ui/ImageConvert.h"
#include "ui/ReferencePatchView.h"
#include "ui/ThumbnailCache.h"

namespace pb::ui {

namespace {

constexpr int kThumbnail = 96;  // thumbnail side in the reference list
constexpr int kCrop = 80;  // side of a neighbour crop
constexpr int kMaxCrops = 8;  // the worst patch and up to seven neighbours
constexpr int kWorstOutlined = 5;  // worst patches outlined on the detail view
constexpr int kAnimationSteps = 50;
const QColor kFlagged(210, 35, 35);
const QColor kSecondary(240, 150, 30);
const QColor kNormalBar(90, 120, 160);
// Removed patches in purple, so that red keeps meaning "flagged" and "worst patch".
const QColor kRemoved(150, 40, 200, 140);

QString number(double v) {
    if (std::isinf(v)) return QStringLiteral("∞");
    return std::isfinite(v) ? QString::number(v, 'g', 4) : QStringLiteral("–");
}

QString fileName(const std::string& path) { return QFileInfo(QString::fromStdString(path)).fileName(); }

QTableWidgetItem* cell(const QString& text, const QVariant& sortValue = QVariant()) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    if (sortValue.isValid()) {
        item->setData(Qt::DisplayRole, sortValue);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    return item;
}

// The `count` highest of `scores`, highest first.
QVector<int> highest(const std::vector<float>& scores, std::size_t begin, std::size_t count, int take) {
    QVector<int> order(static_cast<int>(count));
    std::iota(order.begin(), order.end(), 0);
    take = std::min(take, static_cast<int>(count));
    std::partial_sort(order.begin(), order.begin() + take, order.end(),
                      [&](int a, int b) { return scores[begin + a] > scores[begin + b]; });
    order.resize(take);
    return order;
}

}  // namespace

PurificationPanel::PurificationPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("purificationPanel"));
    thumbnails_ = new ThumbnailCache(kThumbnail, this);
    animation_ = new QTimer(this);
    animation_->setInterval(40);
    detailWatcher_ = new QFutureWatcher<Detail>(this);

    // --- controls
    score_ = new QComboBox(this);
    score_->setObjectName(QStringLiteral("auditScoreCombo"));
    score_->addItem(tr("imgmax — worst patch"), QStringLiteral("imgmax"));
    score_->addItem(tr("q99 — 99th percentile"), QStringLiteral("q99"));
    score_->addItem(tr("top5 — mean of the top 5 %"), QStringLiteral("top5"));
    score_->addItem(tr("mean — mean of all patches"), QStringLiteral("mean"));
    score_->setToolTip(tr("How an image's leave-one-out patch scores become its audit score"));
    k_ = new QDoubleSpinBox(this);
    k_->setObjectName(QStringLiteral("auditKSpin"));
    k_->setRange(1.0, 3.0);
    k_->setSingleStep(0.1);
    k_->setDecimals(1);
    k_->setValue(1.5);
    k_->setToolTip(tr("Flag images above median + k × 1.4826 × MAD of the audit scores (at most 40 % of them)"));
    auditButton_ = new QPushButton(tr("Audit references"), this);
    auditButton_->setObjectName(QStringLiteral("auditButton"));
    auditButton_->setToolTip(tr("Score every reference image by its patches' distances to the other references"));
    method_ = new QComboBox(this);
    method_->setObjectName(QStringLiteral("patchScoreCombo"));
    method_->addItem(tr("loo — leave-one-out distance"), QStringLiteral("loo"));
    method_->addItem(tr("loo_cosine — leave-one-out, cosine"), QStringLiteral("loo_cosine"));
    method_->addItem(tr("mahalanobis — Ledoit-Wolf"), QStringLiteral("mahalanobis"));
    method_->addItem(tr("ensemble — loo and Mahalanobis"), QStringLiteral("ensemble"));
    method_->addItem(tr("lof — local outlier factor"), QStringLiteral("lof"));
    method_->addItem(tr("pca — reconstruction error"), QStringLiteral("pca"));
    method_->setToolTip(
        tr("The outlier score of every reference patch; the patches above its 95th percentile are removed"));
    purify_ = new QPushButton(tr("Score patches"), this);
    purify_->setObjectName(QStringLiteral("purifyButton"));
    purify_->setToolTip(tr("Score the reference patches and show those a patch filter removes"));
    remove_ = new QPushButton(tr("Remove flagged"), this);
    remove_->setObjectName(QStringLiteral("removeFlaggedButton"));
    remove_->setToolTip(tr("Leave the flagged images out of the reference set and rebuild the bank"));
    recapture_ = new QPushButton(tr("Recapture from unused"), this);
    recapture_->setObjectName(QStringLiteral("recaptureButton"));
    recapture_->setToolTip(
        tr("Replace the flagged images by training images the reference set does not use, "
           "and rebuild the bank"));
    restore_ = new QPushButton(tr("Restore"), this);
    restore_->setObjectName(QStringLiteral("restoreButton"));
    restore_->setToolTip(tr("Go back to the original reference set and rebuild the bank"));
    screenButton_ = new QPushButton(tr("Screen training folder (MeDS)"), this);
    screenButton_->setObjectName(QStringLiteral("screenButton"));
    screenButton_->setToolTip(
        tr("Rank every training image of the product with the MeDS memory ensemble "
           "(100 bootstrap memories of 10 % of the images each)"));
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setObjectName(QStringLiteral("purificationCancelButton"));
    cancel_->setEnabled(false);
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("purificationProgress"));
    progress_->setRange(0, 1);
    progress_->setValue(0);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("purificationStatus"));
    status_->setWordWrap(true);
    status_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    referenceSet_ = new QLabel(this);
    referenceSet_->setObjectName(QStringLiteral("referenceSetLabel"));
    referenceSet_->setWordWrap(true);
    referenceSet_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto* auditBox = new QGroupBox(tr("Image audit"), this);
    auto* auditGrid = new QGridLayout(auditBox);
    auditGrid->addWidget(new QLabel(tr("Score"), auditBox), 0, 0);
    auditGrid->addWidget(score_, 0, 1, 1, 2);
    auditGrid->addWidget(new QLabel(tr("k (MADs)"), auditBox), 1, 0);
    auditGrid->addWidget(k_, 1, 1);
    auditGrid->addWidget(auditButton_, 1, 2);
    auditGrid->setColumnStretch(2, 1);
    auto* patchBox = new QGroupBox(tr("Patch purification"), this);
    auto* patchGrid = new QGridLayout(patchBox);
    patchGrid->addWidget(method_, 0, 0);
    patchGrid->addWidget(purify_, 1, 0);
    auto* setBox = new QGroupBox(tr("Reference set"), this);
    auto* setLayout = new QGridLayout(setBox);
    setLayout->addWidget(referenceSet_, 0, 0, 1, 2);
    setLayout->addWidget(remove_, 1, 0);
    setLayout->addWidget(restore_, 1, 1);
    setLayout->addWidget(recapture_, 2, 0, 1, 2);
    setLayout->addWidget(screenButton_, 3, 0, 1, 2);
    auto* controls = new QWidget(this);
    auto* controlsLayout = new QVBoxLayout(controls);
    controlsLayout->setContentsMargins(0, 0, 4, 0);
    controlsLayout->addWidget(auditBox);
    controlsLayout->addWidget(patchBox);
    controlsLayout->addWidget(setBox);
    controlsLayout->addStretch(1);
    // In a scroll area: a low dock never squeezes the controls.
    auto* controlsScroll = new QScrollArea(this);
    controlsScroll->setWidget(controls);
    controlsScroll->setWidgetResizable(true);
    controlsScroll->setFrameShape(QFrame::NoFrame);
    controlsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    controlsScroll->setMinimumWidth(controls->sizeHint().width() + 16);
    controlsScroll->setMaximumWidth(340);

    // --- the references and the MeDS ranking
    summary_ = new QLabel(tr("Audit the references to rank them; flagged images are outlined in red."), this);
    summary_->setObjectName(QStringLiteral("auditSummary"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    purificationText_ = new QLabel(this);
    purificationText_->setObjectName(QStringLiteral("purificationSummary"));
    purificationText_->setWordWrap(true);
    purificationText_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    purificationText_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    purificationText_->hide();
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("referenceList"));
    list_->setViewMode(QListView::IconMode);
    list_->setMovement(QListView::Static);
    list_->setResizeMode(QListView::Adjust);
    list_->setWrapping(true);
    list_->setWordWrap(true);
    list_->setUniformItemSizes(true);
    list_->setIconSize(QSize(kThumbnail + 8, kThumbnail + 8));
    list_->setGridSize(QSize(kThumbnail + 24, kThumbnail + 8 + 3 * fontMetrics().height() + 6));
    list_->setSpacing(2);
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    chart_ = new QCustomPlot(this);
    chart_->setObjectName(QStringLiteral("auditChart"));
    chart_->setMinimumHeight(90);
    chart_->yAxis->ticker()->setTickCount(4);
    chart_->xAxis->setLabel(tr("References, most suspicious first"));
    chart_->yAxis->setLabel(tr("Audit score"));
    chart_->legend->setVisible(true);
    chart_->legend->setFont(QFont(font().family(), std::max(6, font().pointSize() - 2)));
    chart_->legend->setRowSpacing(0);
    chart_->legend->setColumnSpacing(10);
    chart_->legend->setIconSize(14, 8);
    chart_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);  // one row along the top
    chart_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    chart_->xAxis->setTicker(QSharedPointer<QCPAxisTickerFixed>::create());
    chart_->setToolTip(
        tr("Audit scores by rank; flagged references in red, the MAD threshold dashed. Click a bar "
           "to show that reference."));
    chart_->setCursor(Qt::PointingHandCursor);
    chart_->installEventFilter(this);
    auto* referencesPage = new QSplitter(Qt::Vertical, this);
    referencesPage->setObjectName(QStringLiteral("referencesPage"));
    referencesPage->addWidget(list_);
    referencesPage->addWidget(chart_);
    referencesPage->setStretchFactor(0, 2);
    referencesPage->setStretchFactor(1, 1);
    referencesPage->setSizes({400, 200});
    referencesPage->setChildrenCollapsible(false);

    screenSummary_ = new QLabel(tr("Screen the whole training folder to rank its images by their MeDS score."), this);
    screenSummary_->setObjectName(QStringLiteral("screenSummary"));
    screenSummary_->setWordWrap(true);
    screenSummary_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    screenTable_ = new QTableWidget(this);
    screenTable_->setObjectName(QStringLiteral("screenTable"));
    screenTable_->setColumnCount(ScreenColumnCount);
    screenTable_->setHorizontalHeaderLabels({tr("Rank"), tr("Image"), tr("MeDS score"), tr("Flagged")});
    screenTable_->horizontalHeader()->setSectionResizeMode(ScreenImageColumn, QHeaderView::Stretch);
    screenTable_->verticalHeader()->hide();
    screenTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    screenTable_->setSelectionBehavior(QAbstractItemView::SelectRows);
    screenTable_->setSelectionMode(QAbstractItemView::SingleSelection);
    screenTable_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    auto* screenPage = new QWidget(this);
    auto* screenLayout = new QVBoxLayout(screenPage);
    screenLayout->setContentsMargins(0, 4, 0, 0);
    screenLayout->addWidget(screenSummary_);
    screenLayout->addWidget(screenTable_, 1);

    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("purificationTabs"));
    tabs_->addTab(referencesPage, tr("References"));
    tabs_->addTab(screenPage, tr("Training folder (MeDS)"));
    auto* middle = new QWidget(this);
    auto* middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addWidget(summary_);
    middleLayout->addWidget(purificationText_);
    middleLayout->addWidget(tabs_, 1);

    // --- the reference in detail
    reason_ = new QLabel(tr("Click a reference to see its worst patches and their nearest neighbours."), this);
    reason_->setObjectName(QStringLiteral("referenceReason"));
    reason_->setWordWrap(true);
    reason_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    reason_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    view_ = new ReferencePatchView(this);
    neighboursTitle_ = new QLabel(this);
    neighboursTitle_->setWordWrap(true);
    neighboursTitle_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    neighbours_ = new QWidget(this);
    neighbours_->setObjectName(QStringLiteral("neighbourCrops"));
    auto* neighboursLayout = new QVBoxLayout(neighbours_);
    neighboursLayout->setContentsMargins(0, 0, 0, 0);
    neighboursLayout->addWidget(neighboursTitle_);
    cropGrid_ = new QGridLayout;
    cropGrid_->setContentsMargins(0, 0, 0, 0);
    cropGrid_->setHorizontalSpacing(6);
    cropGrid_->setVerticalSpacing(4);
    neighboursLayout->addLayout(cropGrid_);
    neighboursLayout->addStretch(1);
    for (int i = 0; i < kMaxCrops; ++i) {
        auto* cellWidget = new QWidget(neighbours_);
        auto* column = new QVBoxLayout(cellWidget);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(2);
        auto* picture = new QLabel(cellWidget);
        picture->setFixedSize(kCrop + 4, kCrop + 4);
        picture->setAlignment(Qt::AlignCenter);
        picture->setFrameShape(QFrame::StyledPanel);
        auto* caption = new QLabel(cellWidget);
        caption->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
        caption->setFixedWidth(kCrop + 24);
        caption->setWordWrap(true);
        QFont small = caption->font();
        small.setPointSizeF(std::max(6.0, small.pointSizeF() - 1));
        caption->setFont(small);
        column->addWidget(picture, 0, Qt::AlignHCenter);
        column->addWidget(caption);
        column->addStretch(1);
        crops_.append(picture);
        captions_.append(caption);
        cells_.append(cellWidget);
        cellWidget->hide();
    }
    neighboursScroll_ = new QScrollArea(this);
    neighboursScroll_->setWidget(neighbours_);
    neighboursScroll_->setWidgetResizable(true);
    neighboursScroll_->setFrameShape(QFrame::NoFrame);
    detail_ = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detail_);
    detailLayout->setContentsMargins(4, 0, 0, 0);
    detailLayout->addWidget(reason_);
    detailBody_ = new QBoxLayout(QBoxLayout::TopToBottom);
    detailBody_->addWidget(view_, 1);
    detailBody_->addWidget(neighboursScroll_);
    detailLayout->addLayout(detailBody_, 1);
    detail_->installEventFilter(this);
    arrangeDetail(false);

    splitter_ = new QSplitter(Qt::Horizontal, this);
    splitter_->setObjectName(QStringLiteral("purificationSplitter"));
    splitter_->addWidget(controlsScroll);
    splitter_->addWidget(middle);
    splitter_->addWidget(detail_);
    splitter_->setStretchFactor(0, 0);
    splitter_->setStretchFactor(1, 3);
    splitter_->setStretchFactor(2, 2);
    splitter_->setChildrenCollapsible(false);
    // Progress and outcome across the whole panel: always in sight, however low the dock.
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(status_, 1);
    runRow->addWidget(progress_);
    runRow->addWidget(cancel_);
    progress_->setFixedWidth(220);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter_, 1);
    layout->addLayout(runRow);

    connect(auditButton_, &QPushButton::clicked, this, &PurificationPanel::auditRequested);
    connect(purify_, &QPushButton::clicked, this, &PurificationPanel::purifyRequested);
    connect(remove_, &QPushButton::clicked, this, &PurificationPanel::removeFlaggedRequested);
    connect(recapture_, &QPushButton::clicked, this, &PurificationPanel::recaptureRequested);
    connect(restore_, &QPushButton::clicked, this, &PurificationPanel::restoreRequested);
    connect(screenButton_, &QPushButton::clicked, this, &PurificationPanel::screenRequested);
    connect(cancel_, &QPushButton::clicked, this, &PurificationPanel::cancelRequested);
    connect(score_, &QComboBox::currentIndexChanged, this, &PurificationPanel::auditRuleChanged);
    connect(k_, &QDoubleSpinBox::valueChanged, this, &PurificationPanel::auditRuleChanged);
    connect(list_, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) { showReference(item); });
    connect(screenTable_, &QTableWidget::currentCellChanged, this, [this](int row) { showScreened(row); });
    connect(tabs_, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == 0)
            showReference(list_->currentItem());
        else
            showScreened(screenTable_->currentRow());
    });
    // A click anywhere in a bar's column shows that reference: thin bars stay easy to hit.
    connect(chart_, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        if (!audit_ || !chart_->axisRect()->rect().contains(event->pos())) return;
        const int row =
            static_cast<int>(std::lround(chart_->xAxis->pixelToCoord(event->pos().x()))) - 1;  // ranks from 1
        if (row >= 0 && row < list_->count()) {
            tabs_->setCurrentIndex(0);
            list_->setCurrentRow(row);
        }
    });
    connect(thumbnails_, &ThumbnailCache::thumbnailReady, this, [this](const QString& path) {
        for (int i = 0; i < list_->count(); ++i)
            if (list_->item(i)->data(PathRole).toString() == path) setItemIcon(list_->item(i));
    });
    connect(animation_, &QTimer::timeout, this, &PurificationPanel::animateStep);
    connect(detailWatcher_, &QFutureWatcher<Detail>::finished, this, [this] {
        applyDetail(detailWatcher_->result());
        if (detailQueued_) {
            detailQueued_ = false;
            requestDetail(pendingDetail_);
        }
    });
    setReferenceSet(0, 0, 0, 0);
    setProduct(QString());
    plotAudit();
}

PurificationPanel::~PurificationPanel() { detailWatcher_->waitForFinished(); }

purify::AuditRule PurificationPanel::auditRule() const {
    purify::AuditRule rule;
    rule.score = purify::auditScoreFromString(score_->currentData().toString().toStdString());
    rule.k = k_->value();
    return rule;
}

purify::PatchScoreMethod PurificationPanel::patchMethod() const {
    return purify::patchScoreMethodFromString(method_->currentData().toString().toStdString());
}

// ----------------------------------------------------------------------------------------- state

void PurificationPanel::setProduct(const QString& product) {
    if (product != product_) {
        product_ = product;
        animation_->stop();
        audit_.reset();
        purification_.reset();
        screen_.reset();
        auroc_.reset();
        aurocNote_.clear();
        order_.clear();
        shown_ = 0;
        removedByPath_.clear();
        list_->clear();
        screenTable_->setRowCount(0);
        detailPath_.clear();
        view_->clear(product.isEmpty() ? tr("Select a product.") : QString());
        summary_->setText(product.isEmpty() ? tr("Select a product.")
                                            : tr("Audit the references of %1 to rank them; flagged images are "
                                                 "outlined in red.")
                                                  .arg(product));
        screenSummary_->setText(tr("Screen the whole training folder to rank its images by their MeDS score."));
        reason_->setText(tr("Click a reference to see its worst patches and their nearest neighbours."));
        for (QWidget* c : cells_) c->hide();
        neighboursTitle_->clear();
        updatePurificationText();
        plotAudit();
    }
    updateActions();
}

void PurificationPanel::setReferenceSet(int references, int removed, int added, int unused) {
    edited_ = removed + added;
    QString text = tr("%n image(s) in the bank's reference set.", nullptr, references);
    if (removed > 0 || added > 0) text += QLatin1Char(' ') + tr("%1 removed, %2 recaptured.").arg(removed).arg(added);
    text += QLatin1Char(' ') + tr("%n unused training image(s).", nullptr, unused);
    referenceSet_->setText(text);
    recapture_->setToolTip(unused > 0 ? tr("Replace the flagged images by training images the reference set does not "
                                           "use (%n left), and rebuild the bank",
                                           nullptr, unused)
                                      : tr("No training image is left unused: every one is in the reference set or "
                                           "was removed"));
    updateActions();
}

void PurificationPanel::setReferencePaths(const QStringList& paths) {
    const QSet<QString> inSet(paths.begin(), paths.end());
    if (inSet == referencePaths_) return;
    referencePaths_ = inSet;
    for (int i = 0; i < list_->count(); ++i) updateItem(list_->item(i));
    if (tabs_->currentIndex() == 0 && list_->currentItem()) showReference(list_->currentItem());  // its reason says so
    updateActions();
}

void PurificationPanel::setAudit(const ReferenceAuditPtr& audit) {
    audit_ = audit;
    if (!audit) {
        summary_->setText(product_.isEmpty() ? tr("Select a product.")
                                             : tr("Audit the references of %1 to rank them; flagged images are "
                                                  "outlined in red.")
                                                   .arg(product_));
    } else {
        const purify::ReferenceAuditReport& r = audit->report;
        const int n = static_cast<int>(r.images.size());
        const int flagged = static_cast<int>(r.flagged().size());
        QString text =
            tr("%1: %n reference(s) audited (%2, k = %3): median %4, MAD %5, threshold %6.", nullptr, n)
                .arg(QString::fromStdString(r.product), QString::fromStdString(purify::toString(r.rule.score)))
                .arg(r.rule.k, 0, 'f', 1)
                .arg(number(r.median), number(r.mad), number(r.threshold));
        text += QLatin1Char(' ');
        if (std::isinf(r.threshold))
            text += tr("The scores hardly vary (MAD below 1e-12): nothing is flagged.");
        else if (flagged > 0)
            text += tr("<b>%n flagged</b> (at most %1).", nullptr, flagged).arg(r.maxFlagged);
        else
            text += tr("None flagged.");
        if (!r.problems.empty())
            text +=
                QLatin1Char(' ') + tr("%n image(s) could not be read.", nullptr, static_cast<int>(r.problems.size()));
        summary_->setText(text);
    }
    fillList();
    plotAudit();
    updateActions();
}

void PurificationPanel::setPurification(const PatchPurificationPtr& purification, bool animate) {
    animation_->stop();
    purification_ = purification;
    auroc_.reset();
    aurocNote_.clear();
    order_.clear();
    shown_ = 0;
    removedByPath_.clear();
    if (purification) {
        for (int p = 0; p < static_cast<int>(purification->keep.size()); ++p)
            if (!purification->keep[static_cast<std::size_t>(p)]) order_.append(p);
        std::stable_sort(order_.begin(), order_.end(),
                         [&](int a, int b) { return purification->scores[a] > purification->scores[b]; });
    }
    // Without an audit the list shows the purified references; with one it keeps its ranking.
    if (!audit_) fillList();
    for (int i = 0; i < list_->count(); ++i) updateItem(list_->item(i));
    if (!detailPath_.isEmpty()) view_->setRemoved(removedOf(detailPath_));
    if (purification && animate && !order_.isEmpty())
        animation_->start();
    else
        finishAnimation();
    updatePurificationText();
}

void PurificationPanel::setPurifiedAuroc(const PurifiedAurocPtr& auroc) {
    auroc_ = auroc;
    aurocNote_.clear();
    updatePurificationText();
}

void PurificationPanel::setAurocNote(const QString& note) {
    aurocNote_ = note;
    updatePurificationText();
}

void PurificationPanel::setScreen(const TrainingScreenPtr& screen) {
    screen_ = screen;
    screenTable_->setSortingEnabled(false);
    screenTable_->setRowCount(0);
    if (!screen) return;
    const purify::MemoryEnsembleResult& r = screen->result;
    const int n = static_cast<int>(screen->images.size());
    QString text = tr("%1: %n training image(s) screened with %2 memories of %3 image(s) each in %4 s: median %5, "
                      "MAD %6, threshold %7 (median + %8 × MAD).",
                      nullptr, n)
                       .arg(QString::fromStdString(screen->product))
                       .arg(screen->options.members)
                       .arg(static_cast<int>(std::ceil(screen->options.fraction * n)))
                       .arg(screen->seconds, 0, 'f', 1)
                       .arg(number(r.median), number(r.mad), number(r.threshold))
                       .arg(screen->options.madMultiplier);
    text += QLatin1Char(' ') + (r.flagged.empty()
                                    ? tr("None flagged.")
                                    : tr("<b>%n suspicious</b>.", nullptr, static_cast<int>(r.flagged.size())));
    if (!screen->problems.empty())
        text +=
            QLatin1Char(' ') + tr("%n image(s) could not be read.", nullptr, static_cast<int>(screen->problems.size()));
    screenSummary_->setText(text);
    screenTable_->setRowCount(n);
    for (int row = 0; row < n; ++row) {
        const auto i = r.ranking[static_cast<std::size_t>(row)];
        const bool flagged = std::find(r.flagged.begin(), r.flagged.end(), i) != r.flagged.end();
        auto* rank = cell(QString(), row + 1);
        rank->setData(Qt::UserRole, static_cast<int>(i));
        auto* name = cell(fileName(screen->images[i].path));
        name->setToolTip(QString::fromStdString(screen->images[i].path));
        auto* value = cell(QString(), std::round(r.imageScores[i] * 1e5) / 1e5);
        auto* flag = cell(flagged ? tr("yes") : QString());
        screenTable_->setItem(row, ScreenRankColumn, rank);
        screenTable_->setItem(row, ScreenImageColumn, name);
        screenTable_->setItem(row, ScreenScoreColumn, value);
        screenTable_->setItem(row, ScreenFlagColumn, flag);
        if (flagged)
            for (QTableWidgetItem* item : {rank, name, value, flag}) {
                item->setForeground(kFlagged);
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
    }
    screenTable_->resizeColumnToContents(ScreenRankColumn);
    screenTable_->resizeColumnToContents(ScreenScoreColumn);
    screenTable_->setSortingEnabled(true);
    tabs_->setCurrentIndex(1);
    screenTable_->selectRow(0);
}

void PurificationPanel::setMessage(const QString& message) { status_->setText(message); }

void PurificationPanel::setRunning(RequestKind kind, bool running, const QString& outcome, bool succeeded) {
    if (running)
        running_.insert(static_cast<int>(kind));
    else
        running_.remove(static_cast<int>(kind));
    cancel_->setEnabled(!running_.isEmpty());
    if (running) {
        progress_->setRange(0, 0);
        status_->setText(kindName(kind) + QStringLiteral("…"));
    } else if (running_.isEmpty()) {
        progress_->setRange(0, 1);
        progress_->setValue(succeeded ? 1 : 0);
    }
    if (!running && !outcome.isEmpty()) status_->setText(outcome);
}

void PurificationPanel::onProgress(RequestKind, const QString& stage, qint64 done, qint64 total) {
    if (total > 0) {
        progress_->setRange(0, static_cast<int>(std::min<qint64>(total, 1 << 30)));
        progress_->setValue(static_cast<int>(std::min(done, total)));
    }
    status_->setText(total > 0 ? tr("%1: %2 of %3").arg(stage).arg(done).arg(total) : stage);
}

void PurificationPanel::updateActions() {
    const bool product = !product_.isEmpty();
    const bool flagged = audit_ && !audit_->report.flagged().empty();
    // Remove flagged has work left while a flagged image is still in the reference set.
    bool flaggedInSet = false;
    if (flagged)
        for (std::size_t i : audit_->report.flagged())
            flaggedInSet = flaggedInSet || !outOfSet(QString::fromStdString(audit_->report.images[i].sample.path));
    auditButton_->setEnabled(product);
    purify_->setEnabled(product);
    screenButton_->setEnabled(product);
    remove_->setEnabled(product && flaggedInSet);
    recapture_->setEnabled(product && flagged);
    restore_->setEnabled(product && edited_ > 0);
}

// ----------------------------------------------------------------------------------------- list and chart

void PurificationPanel::fillList() {
    const QString selected = list_->currentItem() ? list_->currentItem()->data(PathRole).toString() : detailPath_;
    QSignalBlocker block(list_);
    list_->clear();
    auto add = [this](const std::string& path, int auditIndex) {
        auto* item = new QListWidgetItem(list_);
        item->setData(PathRole, QString::fromStdString(path));
        item->setData(AuditIndexRole, auditIndex);
        item->setTextAlignment(Qt::AlignHCenter | Qt::AlignTop);
        updateItem(item);
    };
    if (audit_) {
        for (std::size_t i : audit_->report.ranking()) add(audit_->report.images[i].sample.path, static_cast<int>(i));
    } else if (purification_) {
        // Most removed patches first.
        std::vector<int> order(purification_->references.size());
        std::iota(order.begin(), order.end(), 0);
        const std::size_t per = purification_->patches->patchesPerImage();
        std::vector<int> removed(order.size(), 0);
        for (std::size_t p = 0; p < purification_->keep.size(); ++p) removed[p / per] += purification_->keep[p] ? 0 : 1;
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return removed[a] > removed[b]; });
        for (int i : order) add(purification_->references[static_cast<std::size_t>(i)].path, -1);
    }
    block.unblock();
    QListWidgetItem* current = nullptr;
    for (int i = 0; i < list_->count() && !current; ++i)
        if (list_->item(i)->data(PathRole).toString() == selected) current = list_->item(i);
    if (!current && list_->count() > 0) current = list_->item(0);  // the most suspicious
    if (current) {
        list_->setCurrentItem(current);
        if (tabs_->currentIndex() == 0) showReference(current);
    } else if (tabs_->currentIndex() == 0) {
        showReference(nullptr);
    }
}

bool PurificationPanel::outOfSet(const QString& path) const {
    return !referencePaths_.isEmpty() && !referencePaths_.contains(path);
}

QVector<int> PurificationPanel::removedOf(const QString& path) const { return removedByPath_.value(path); }

void PurificationPanel::updateItem(QListWidgetItem* item) {
    const QString path = item->data(PathRole).toString();
    const int a = item->data(AuditIndexRole).toInt();
    const bool excluded = outOfSet(path);
    const QString name = QFileInfo(path).fileName();
    bool flagged = false;
    double score = std::numeric_limits<double>::quiet_NaN();
    QString tip = QDir::toNativeSeparators(path);
    if (audit_ && a >= 0) {
        const purify::AuditedImage& image = audit_->report.images[static_cast<std::size_t>(a)];
        flagged = image.flagged;
        score = image.score;
        item->setText(tr("#%1 · %2\n%3").arg(image.rank).arg(number(score), name));
        if (flagged)
            tip += QLatin1Char('\n') +
                   tr("Flagged: audit score %1 > threshold %2").arg(number(score), number(audit_->report.threshold));
    } else {
        const int removed = removedOf(path).size();
        item->setText(purification_ ? tr("%1\n%n patch(es) removed", nullptr, removed).arg(name) : name);
    }
    if (excluded) tip += QLatin1Char('\n') + tr("Out of the reference set now (Restore brings it back)");
    item->setData(FlaggedRole, flagged);
    item->setData(ScoreRole, score);
    item->setData(ExcludedRole, excluded);
    item->setToolTip(tip);
    QFont font = list_->font();
    font.setBold(flagged);
    item->setFont(font);
    item->setForeground(excluded  ? palette().color(QPalette::Disabled, QPalette::Text)
                        : flagged ? kFlagged
                                  : palette().color(QPalette::Text));
    setItemIcon(item);
}

void PurificationPanel::setItemIcon(QListWidgetItem* item) {
    // The same picture when selected: the style's tint would hide the flags and removed patches.
    const QPixmap picture = itemIcon(item);
    QIcon icon;
    icon.addPixmap(picture, QIcon::Normal);
    icon.addPixmap(picture, QIcon::Selected);
    item->setIcon(icon);
}

QPixmap PurificationPanel::itemIcon(const QListWidgetItem* item) {
    const QString path = item->data(PathRole).toString();
    const int side = kThumbnail + 8;
    QPixmap canvas(side, side);
    canvas.fill(Qt::transparent);
    QPainter p(&canvas);
    const QImage thumb = thumbnails_->thumbnail(path);
    QRect image(4, 4, kThumbnail, kThumbnail);
    if (!thumb.isNull()) {
        image = QRect(QPoint((side - thumb.width()) / 2, (side - thumb.height()) / 2), thumb.size());
        p.drawImage(image, thumb);
    } else {
        p.fillRect(image, palette().color(QPalette::AlternateBase));
    }
    const QVector<int> removed = removedOf(path);
    if (purification_ && !removed.isEmpty()) {
        const int gh = purification_->patches->gridHeight, gw = purification_->patches->gridWidth;
        const double cw = static_cast<double>(image.width()) / gw, ch = static_cast<double>(image.height()) / gh;
        p.setPen(Qt::NoPen);
        p.setBrush(kRemoved);
        for (int patch : removed)
            p.drawRect(QRectF(image.left() + (patch % gw) * cw, image.top() + (patch / gw) * ch, cw, ch));
    }
    if (item->data(ExcludedRole).toBool()) {
        p.fillRect(image, QColor(255, 255, 255, 160));
        QFont font = p.font();
        font.setBold(true);
        p.setFont(font);
        p.setPen(QColor(90, 90, 90));
        p.drawText(image, Qt::AlignCenter, tr("removed"));
    }
    p.setBrush(Qt::NoBrush);
    if (item->data(FlaggedRole).toBool()) {
        p.setPen(QPen(kFlagged, 4));
        p.drawRect(image.adjusted(-2, -2, 1, 1));
    } else {
        p.setPen(QPen(palette().color(QPalette::Mid), 1));
        p.drawRect(image.adjusted(0, 0, -1, -1));
    }
    return canvas;
}

void PurificationPanel::plotAudit() {
    chart_->clearPlottables();
    chart_->clearItems();
    if (!audit_ || audit_->report.images.empty()) {
        chart_->xAxis->setRange(0, 10);
        chart_->yAxis->setRange(0, 1);
        chart_->legend->setVisible(false);
        chart_->replot();
        return;
    }
    chart_->legend->setVisible(chart_->height() >= 140);
    const purify::ReferenceAuditReport& r = audit_->report;
    QVector<double> normalKeys, normalValues, flaggedKeys, flaggedValues;
    double high = 0;
    const auto ranking = r.ranking();
    for (std::size_t rank = 0; rank < ranking.size(); ++rank) {
        const purify::AuditedImage& image = r.images[ranking[rank]];
        (image.flagged ? flaggedKeys : normalKeys).append(static_cast<double>(rank + 1));
        (image.flagged ? flaggedValues : normalValues).append(image.score);
        high = std::max(high, image.score);
    }
    auto bars = [this](const QVector<double>& keys, const QVector<double>& values, const QColor& color,
                       const QString& name) {
        auto* b = new QCPBars(chart_->xAxis, chart_->yAxis);
        b->setName(name);
        b->setWidth(0.75);
        b->setPen(QPen(color.darker(120)));
        b->setBrush(color);
        b->setData(keys, values, true);
        b->setSelectable(QCP::stNone);
        return b;
    };
    bars(normalKeys, normalValues, kNormalBar, tr("not flagged"));
    bars(flaggedKeys, flaggedValues, kFlagged, tr("flagged"));
    // Horizontal lines as two-point graphs across the whole range, so that the legend names them.
    const double n1 = static_cast<double>(ranking.size()) + 1.0;
    auto line = [this, n1](double y, const QPen& pen, const QString& name) {
        QCPGraph* g = chart_->addGraph();
        g->setName(name);
        g->setPen(pen);
        g->setData(QVector<double>{0.0, n1}, QVector<double>{y, y}, true);
        g->setSelectable(QCP::stNone);
    };
    if (std::isfinite(r.threshold)) {
        line(r.threshold, QPen(kFlagged, 1.5, Qt::DashLine), tr("threshold %1").arg(number(r.threshold)));
        high = std::max(high, r.threshold);
    }
    line(r.median, QPen(QColor(110, 110, 110), 1.2, Qt::DotLine), tr("median %1").arg(number(r.median)));
    const int n = static_cast<int>(ranking.size());
    auto ticker = qSharedPointerCast<QCPAxisTickerFixed>(chart_->xAxis->ticker());
    // About eight ticks at a round step.
    double step = 1;
    for (double s : {1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0})
        if ((step = s) * 8 >= n) break;
    ticker->setTickStep(step);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    chart_->xAxis->setRange(0.3, n + 0.7);
    chart_->yAxis->setRange(0, high * (chart_->legend->visible() ? 1.3 : 1.08));  // room for the legend
    chart_->replot();
}

// ----------------------------------------------------------------------------------------- detail

bool PurificationPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == detail_ && event->type() == QEvent::Resize) {
        // A low, wide detail column (the dock at the bottom of the window) puts the neighbours beside
        // the image; a tall one (a floating or enlarged dock) puts them in a row below it.
        const bool side = detail_->height() < 430 && detail_->width() > 2 * (kCrop + 30) + 140;
        if (side != detailSide_) arrangeDetail(side);
    } else if (watched == chart_ && event->type() == QEvent::Resize) {
        // A low chart keeps its bars and lines; the legend would cover them (the summary names the threshold).
        if (audit_ && (chart_->height() >= 140) != chart_->legend->visible()) plotAudit();
    }
    return QWidget::eventFilter(watched, event);
}

void PurificationPanel::arrangeDetail(bool side) {
    detailSide_ = side;
    detailBody_->setDirection(side ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    for (QWidget* c : cells_) cropGrid_->removeWidget(c);
    for (int i = 0; i < cells_.size(); ++i)
        cropGrid_->addWidget(cells_[i], side ? i / 2 : 0, side ? i % 2 : i, Qt::AlignTop);
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    const int cellHeight = kCrop + 4 + 3 * QFontMetrics(captions_.front()->font()).height() + 8;
    neighboursScroll_->setHorizontalScrollBarPolicy(side ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    neighboursScroll_->setVerticalScrollBarPolicy(side ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
    if (side) {
        neighboursScroll_->setMinimumHeight(0);
        neighboursScroll_->setMaximumHeight(QWIDGETSIZE_MAX);
        neighboursScroll_->setFixedWidth(2 * (kCrop + 24) + 6 + scrollBar + 4);
    } else {
        neighboursScroll_->setMinimumWidth(0);
        neighboursScroll_->setMaximumWidth(QWIDGETSIZE_MAX);
        neighboursScroll_->setFixedHeight(cellHeight + 2 * fontMetrics().height() + scrollBar + 8);
    }
}

QStringList PurificationPanel::neighbourCaptions() const { return captionTexts_; }

void PurificationPanel::showReference(QListWidgetItem* item) {
    if (!item) {
        detailPath_.clear();
        view_->clear(audit_ || purification_ ? QString() : tr("No reference to show yet."));
        return;
    }
    const QString path = item->data(PathRole).toString();
    detailPath_ = path;
    const int a = item->data(AuditIndexRole).toInt();
    DetailRequest request;
    request.path = path;
    QVector<ReferencePatchView::Outline> outlines;
    captionTexts_.clear();
    if (audit_ && a >= 0) {
        const purify::ReferenceAuditReport& r = audit_->report;
        const purify::AuditedImage& image = r.images[static_cast<std::size_t>(a)];
        request.gridHeight = image.gridHeight;
        request.gridWidth = image.gridWidth;
        const QString name = QFileInfo(path).fileName();
        QString reason;
        if (image.flagged)
            reason = tr("<b>%1 is flagged.</b> Its worst patch (row %2, column %3) is %4 from its nearest other "
                        "references; audit score %5 &gt; threshold %6.")
                         .arg(name)
                         .arg(image.worstPatch.row)
                         .arg(image.worstPatch.column)
                         .arg(number(image.worstPatch.distance), number(image.score), number(r.threshold));
        else if (image.score > r.threshold)
            reason = tr("<b>%1</b> scores %2, above the threshold %3, but the audit flags at most %4 images.")
                         .arg(name, number(image.score), number(r.threshold))
                         .arg(r.maxFlagged);
        else
            reason = tr("<b>%1</b> is not flagged: audit score %2 ≤ threshold %3. Its worst patch (row %4, column "
                        "%5) is %6 from its nearest other references.")
                         .arg(name, number(image.score), number(r.threshold))
                         .arg(image.worstPatch.row)
                         .arg(image.worstPatch.column)
                         .arg(number(image.worstPatch.distance));
        if (outOfSet(path)) reason += QLatin1Char(' ') + tr("It is out of the reference set now.");
        reason_->setText(reason);
        // The worst patches by their leave-one-out score: the worst in red, the next ones in orange.
        const QVector<int> worst = highest(image.patchScores, 0, image.patchScores.size(), kWorstOutlined);
        for (int j = 0; j < worst.size(); ++j)
            outlines.append({worst[j] / image.gridWidth, worst[j] % image.gridWidth, j == 0 ? kFlagged : kSecondary,
                             j == 0 ? 3.0 : 2.0, QString::number(j + 1)});
        request.cells.append({path, QPoint(image.worstPatch.column, image.worstPatch.row)});
        captionTexts_.append(tr("worst patch\nrow %1, col %2\nscore %3")
                                 .arg(image.worstPatch.row)
                                 .arg(image.worstPatch.column)
                                 .arg(number(image.worstPatch.distance)));
        for (const purify::PatchLocation& n : image.neighbours) {
            if (request.cells.size() >= kMaxCrops) break;
            const std::string& other = r.images[n.image].sample.path;
            request.cells.append({QString::fromStdString(other), QPoint(n.column, n.row)});
            captionTexts_.append(tr("%1\nrow %2, col %3\ndistance %4")
                                     .arg(fileName(other))
                                     .arg(n.row)
                                     .arg(n.column)
                                     .arg(number(n.distance)));
        }
        neighboursTitle_->setText(tr("Its worst patch beside its %n nearest patches among the other references:",
                                     nullptr, static_cast<int>(image.neighbours.size())));
    } else if (purification_) {
        request.gridHeight = purification_->patches->gridHeight;
        request.gridWidth = purification_->patches->gridWidth;
        reason_->setText(
            tr("<b>%1</b>: %n patch(es) above the 95th percentile of the %2 scores.", nullptr, removedOf(path).size())
                .arg(QFileInfo(path).fileName(), QString::fromStdString(purify::toString(purification_->method))));
        neighboursTitle_->setText(tr("Audit the references to see the nearest patches of the worst one."));
    }
    view_->clear(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    view_->setOutlines(outlines);
    view_->setRemoved(removedOf(path));
    for (int i = 0; i < kMaxCrops; ++i) {
        crops_[i]->clear();
        cells_[i]->setVisible(i < captionTexts_.size());
        captions_[i]->setText(i < captionTexts_.size() ? captionTexts_[i] : QString());
        captions_[i]->setStyleSheet(i == 0 ? QStringLiteral("color: #d22323; font-weight: bold") : QString());
    }
    requestDetail(request);
}

void PurificationPanel::showScreened(int row) {
    if (!screen_ || row < 0 || row >= screenTable_->rowCount()) return;
    const QTableWidgetItem* rank = screenTable_->item(row, ScreenRankColumn);
    if (!rank) return;
    const auto i = static_cast<std::size_t>(rank->data(Qt::UserRole).toInt());
    const purify::MemoryEnsembleResult& r = screen_->result;
    const QString path = QString::fromStdString(screen_->images[i].path);
    detailPath_ = path;
    const bool flagged = std::find(r.flagged.begin(), r.flagged.end(), i) != r.flagged.end();
    reason_->setText((flagged ? tr("<b>%1 is suspicious:</b> MeDS score %2 &gt; threshold %3.")
                              : tr("<b>%1</b>: MeDS score %2 ≤ threshold %3."))
                         .arg(QFileInfo(path).fileName(), number(r.imageScores[i]), number(r.threshold)));
    // Its top 1 % patches: what its image score averages.
    const std::size_t per = static_cast<std::size_t>(screen_->gridHeight) * screen_->gridWidth;
    const int top = std::max(1, static_cast<int>(std::ceil(screen_->options.topFraction * static_cast<double>(per))));
    const QVector<int> worst = highest(r.patchScores, i * per, per, std::min(top, 48));
    QVector<ReferencePatchView::Outline> outlines;
    for (int j = 0; j < worst.size(); ++j)
        outlines.append({worst[j] / screen_->gridWidth, worst[j] % screen_->gridWidth, j == 0 ? kFlagged : kSecondary,
                         j == 0 ? 3.0 : 2.0, j < kWorstOutlined ? QString::number(j + 1) : QString()});
    captionTexts_.clear();
    for (QWidget* c : cells_) c->hide();
    neighboursTitle_->setText(
        tr("MeDS compares each patch with bootstrap memories of other training images; the "
           "outlined patches are the ones its score averages."));
    view_->clear(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    view_->setOutlines(outlines);
    DetailRequest request;
    request.path = path;
    request.gridHeight = screen_->gridHeight;
    request.gridWidth = screen_->gridWidth;
    requestDetail(request);
}

void PurificationPanel::requestDetail(const DetailRequest& request) {
    if (detailWatcher_->isRunning()) {
        pendingDetail_ = request;  // one decode at a time; the newest request follows
        detailQueued_ = true;
        return;
    }
    detailWatcher_->setFuture(QtConcurrent::run(&PurificationPanel::decodeDetail, request));
}

PurificationPanel::Detail PurificationPanel::decodeDetail(const DetailRequest& request) {
    Detail d;
    d.path = request.path;
    d.gridHeight = request.gridHeight;
    d.gridWidth = request.gridWidth;
    QHash<QString, QImage> decoded;
    auto image = [&](const QString& path) -> const QImage& {
        auto it = decoded.find(path);
        if (it == decoded.end()) {
            QImage img;
            try {
                img = toQImage(decodeImageRgb(path.toStdString()));
            } catch (const std::exception& e) {
                if (path == request.path) d.error = QString::fromStdString(e.what());
            }
            it = decoded.insert(path, img);
        }
        return *it;
    };
    const QImage& full = image(request.path);
    if (!full.isNull())
        d.image = std::max(full.width(), full.height()) > 900
                      ? full.scaled(900, 900, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                      : full;
    for (const auto& [path, at] : request.cells) {
        const QImage& source = image(path);
        if (source.isNull() || request.gridWidth <= 0 || request.gridHeight <= 0) {
            d.crops.append(QImage());
            continue;
        }
        // The cell with one cell of context on every side, its own outline drawn in.
        const double cw = static_cast<double>(source.width()) / request.gridWidth;
        const double ch = static_cast<double>(source.height()) / request.gridHeight;
        const QRect cellRect(static_cast<int>(at.x() * cw), static_cast<int>(at.y() * ch),
                             std::max(1, static_cast<int>(std::lround(cw))),
                             std::max(1, static_cast<int>(std::lround(ch))));
        const QRect context =
            cellRect.adjusted(-cellRect.width(), -cellRect.height(), cellRect.width(), cellRect.height()) &
            source.rect();
        QImage crop = source.copy(context)
                          .convertToFormat(QImage::Format_RGB32)
                          .scaled(kCrop, kCrop, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        QPainter p(&crop);
        const double sx = static_cast<double>(crop.width()) / context.width();
        const double sy = static_cast<double>(crop.height()) / context.height();
        p.setPen(QPen(kFlagged, 2));
        p.drawRect(QRectF((cellRect.x() - context.x()) * sx, (cellRect.y() - context.y()) * sy, cellRect.width() * sx,
                          cellRect.height() * sy));
        d.crops.append(crop);
    }
    return d;
}

void PurificationPanel::applyDetail(const Detail& detail) {
    if (detail.path != detailPath_) return;  // another reference was clicked meanwhile
    if (detail.image.isNull()) {
        view_->clear(tr("%1 could not be read: %2").arg(QFileInfo(detail.path).fileName(), detail.error));
        return;
    }
    view_->setImage(detail.image, detail.gridHeight, detail.gridWidth);
    for (int i = 0; i < detail.crops.size() && i < kMaxCrops; ++i)
        crops_[i]->setPixmap(detail.crops[i].isNull() ? QPixmap() : QPixmap::fromImage(detail.crops[i]));
}

// ----------------------------------------------------------------------------------------- animation

bool PurificationPanel::animating() const { return animation_->isActive(); }

void PurificationPanel::finishAnimation() {
    while (shown_ < order_.size()) animateStep();
    animation_->stop();
}

void PurificationPanel::animateStep() {
    if (!purification_ || shown_ >= order_.size()) {
        animation_->stop();
        updatePurificationText();
        return;
    }
    const int step = std::max(1, (static_cast<int>(order_.size()) + kAnimationSteps - 1) / kAnimationSteps);
    const int end = std::min(static_cast<int>(order_.size()), shown_ + step);
    const std::size_t per = purification_->patches->patchesPerImage();
    QSet<QString> dirty;
    for (int j = shown_; j < end; ++j) {
        const auto patch = static_cast<std::size_t>(order_[j]);
        const QString path = QString::fromStdString(purification_->references[patch / per].path);
        removedByPath_[path].append(static_cast<int>(patch % per));
        dirty.insert(path);
    }
    shown_ = end;
    for (int i = 0; i < list_->count(); ++i)
        if (dirty.contains(list_->item(i)->data(PathRole).toString())) updateItem(list_->item(i));
    if (dirty.contains(detailPath_)) view_->setRemoved(removedOf(detailPath_));
    if (shown_ >= order_.size()) animation_->stop();
    updatePurificationText();
}

void PurificationPanel::updatePurificationText() {
    if (!purification_) {
        purificationText_->hide();
        return;
    }
    const PatchPurification& p = *purification_;
    QSet<QString> touched;
    const std::size_t per = p.patches->patchesPerImage();
    for (std::size_t i = 0; i < p.keep.size(); ++i)
        if (!p.keep[i]) touched.insert(QString::fromStdString(p.references[i / per].path));
    QString text = tr("<b>%1</b>: %2 of %3 patches above the 95th percentile (%4) removed, in %5 of %n reference(s).",
                      nullptr, static_cast<int>(p.references.size()))
                       .arg(QString::fromStdString(purify::toString(p.method)))
                       .arg(QLocale().toString(static_cast<qulonglong>(p.removed)))
                       .arg(QLocale().toString(static_cast<qulonglong>(p.keep.size())))
                       .arg(number(p.cut))
                       .arg(touched.size());
    if (animating())
        text += QLatin1Char(' ') + tr("Painting them highest score first: %1 of %2.").arg(shown_).arg(order_.size());
    if (auroc_ && auroc_->method == p.method) {
        const purify::KeptPatchComparison& c = auroc_->comparison;
        const double gain = c.keptAuroc - c.allAuroc;
        text += QStringLiteral("<br>") +
                tr("Test-set image AUROC (%1 normal, %2 anomalous): <b>%3</b> with every patch, <b>%4</b> with the "
                   "kept ones (%5).")
                    .arg(c.normalTest)
                    .arg(c.anomalousTest)
                    .arg(c.allAuroc, 0, 'f', 4)
                    .arg(c.keptAuroc, 0, 'f', 4)
                    .arg((gain >= 0 ? QStringLiteral("+") : QString()) + QString::number(gain, 'f', 4));
    } else if (!aurocNote_.isEmpty()) {
        text += QStringLiteral("<br>") + aurocNote_.toHtmlEscaped();
    }
    purificationText_->setText(text);
    purificationText_->show();
}

// ----------------------------------------------------------------------------------------- settings

void PurificationPanel::loadSettings(QSettings& s) {
    s.beginGroup(QStringLiteral("purification"));
    const int score = score_->findData(s.value(QStringLiteral("auditScore"), QStringLiteral("imgmax")).toString());
    const int method = method_->findData(s.value(QStringLiteral("patchScore"), QStringLiteral("loo")).toString());
    {
        QSignalBlocker a(score_), b(k_);
        if (score >= 0) score_->setCurrentIndex(score);
        k_->setValue(s.value(QStringLiteral("auditK"), 1.5).toDouble());
    }
    if (method >= 0) method_->setCurrentIndex(method);
    splitter_->restoreState(s.value(QStringLiteral("splitter")).toByteArray());
    s.endGroup();
}

void PurificationPanel::saveSettings(QSettings& s) const {
    s.beginGroup(QStringLiteral("purification"));
    s.setValue(QStringLiteral("auditScore"), score_->currentData().toString());
    s.setValue(QStringLiteral("auditK"), k_->value());
    s.setValue(QStringLiteral("patchScore"), method_->currentData().toString());
    s.setValue(QStringLiteral("splitter"), splitter_->saveState());
    s.endGroup();
}

}  // namespace pb::ui
