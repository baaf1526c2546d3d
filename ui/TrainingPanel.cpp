#include "ui/TrainingPanel.h"

#include <qcustomplot.h>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

#include "engine/purify/NoisyTrainingSplit.h"
#include "engine/util/Error.h"
#include "ui/EnginePanel.h"
#include "ui/ThumbnailCache.h"

namespace pb::ui {

namespace {

constexpr int kThumbnail = 80;
constexpr int kReplotMs = 100;  // at most ten redraws a second, however fast the points come
const QColor kErrorColor(190, 30, 30);
const QColor kHintColor(105, 105, 105);
const QColor kKept(30, 150, 60);
const QColor kDropped(210, 35, 35);
const QColor kDefect(255, 190, 0);
constexpr int PathRole = Qt::UserRole + 1;
constexpr int IndexRole = Qt::UserRole + 2;

struct Series {
    const char* key;
    const char* name;
    QRgb color;
};
// The phases of training, in the order they run, and the validation values drawn.
const Series kPhases[] = {{"reconstruct", QT_TRANSLATE_NOOP("pb::ui::TrainingPanel", "reconstruct"), 0x4e79a7},
                          {"distill", QT_TRANSLATE_NOOP("pb::ui::TrainingPanel", "distill (stage 2)"), 0xb07aa1},
                          {"finetune", QT_TRANSLATE_NOOP("pb::ui::TrainingPanel", "fine-tune (stage 3)"), 0x59a14f}};
const Series kValues[] = {
    {"image_auroc", QT_TRANSLATE_NOOP("pb::ui::TrainingPanel", "image AUROC"), 0xe15759},
    {"pixel_ap", QT_TRANSLATE_NOOP("pb::ui::TrainingPanel", "pixel AP"), 0xf28e2b},
    {"aupro_30", QT_TRANSLATE_NOOP("pb::ui::TrainingPanel", "AUPRO (30 %)"), 0x76b7b2},
    {"target_mse", QT_TRANSLATE_NOOP("pb::ui::TrainingPanel", "target MSE (right axis)"), 0x9c755f}};

// A legend in a row of its own above its axis rect: as wide as the rect even while it is empty (an empty
// QCPLegend would cap the width of its layout column, and with it the rect's).
class RowLegend : public QCPLegend {
public:
    QSize maximumOuterSizeHint() const override {
        return QSize(QWIDGETSIZE_MAX, QCPLegend::maximumOuterSizeHint().height());
    }
};

QString number(double v, int decimals = 3) {
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("–");
}

QString compact(double v) { return std::isfinite(v) ? QString::number(v, 'g', 4) : QStringLiteral("–"); }

void setNote(QLabel* label, const QString& text, bool error) {
    label->setText(text);
    label->setVisible(!text.isEmpty());
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, error ? kErrorColor : kHintColor);
    label->setPalette(palette);
}

QLabel* noteLabel(QWidget* parent, const QString& name) {
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    label->hide();
    return label;
}

QSpinBox* spin(QWidget* parent, const QString& name, int low, int high, int value, const QString& tip) {
    auto* s = new QSpinBox(parent);
    s->setObjectName(name);
    s->setRange(low, high);
    s->setValue(value);
    s->setToolTip(tip);
    s->setGroupSeparatorShown(true);
    return s;
}

QTableWidgetItem* cell(const QString& text, bool number = true) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    item->setTextAlignment(number ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    return item;
}

// Normal images kept / images kept, and normal images kept / normal images (NaN when undefined).
std::pair<double, double> precisionRecall(const std::vector<char>& kept, const std::vector<Sample>& images) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (images.size() != kept.size()) return {nan, nan};
    std::size_t keptCount = 0, normal = 0, keptNormal = 0;
    for (std::size_t i = 0; i < kept.size(); ++i) {
        keptCount += kept[i] ? 1 : 0;
        normal += images[i].label == 0 ? 1 : 0;
        keptNormal += kept[i] && images[i].label == 0 ? 1 : 0;
    }
    return {keptCount ? static_cast<double>(keptNormal) / keptCount : nan,
            normal ? static_cast<double>(keptNormal) / normal : nan};
}

}  // namespace

TrainingPanel::TrainingPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("trainingPanel"));
    thumbnails_ = new ThumbnailCache(kThumbnail, this);
    replotTimer_ = new QTimer(this);
    replotTimer_->setSingleShot(true);
    replotTimer_->setInterval(kReplotMs);
    connect(replotTimer_, &QTimer::timeout, this, &TrainingPanel::replot);

    buildControls();
    buildPlots();
    buildRounds();

    auto* controls = new QWidget(this);
    auto* controlsLayout = new QVBoxLayout(controls);
    controlsLayout->setContentsMargins(0, 0, 4, 0);
    for (QGroupBox* box : groups_) controlsLayout->addWidget(box);
    controlsLayout->addStretch(1);
    // The settings scroll in a low dock; the buttons and what stops Train stay in sight below them.
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("trainingControls"));
    scroll->setWidget(controls);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(controls->sizeHint().width() + 16);
    auto* buttons = new QGridLayout;
    buttons->setContentsMargins(0, 0, 4, 0);
    buttons->addWidget(train_, 0, 0);
    buttons->addWidget(cancel_, 0, 1);
    buttons->addWidget(startOver_, 1, 0, 1, 2);
    buttons->addWidget(use_, 2, 0);
    buttons->addWidget(open_, 2, 1);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(scroll, 1);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(error_);
    left->setMaximumWidth(380);

    splitter_ = new QSplitter(Qt::Horizontal, this);
    splitter_->setObjectName(QStringLiteral("trainingSplitter"));
    splitter_->addWidget(left);
    splitter_->addWidget(tabs_);
    splitter_->setStretchFactor(0, 0);
    splitter_->setStretchFactor(1, 1);
    splitter_->setChildrenCollapsible(false);

    // Progress and outcome across the whole dock: always in sight, however low it is.
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(status_, 3);
    runRow->addWidget(stage_, 2);
    runRow->addWidget(progress_);
    progress_->setFixedWidth(200);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter_, 1);
    layout->addLayout(runRow);

    setDataset(nullptr);
    updateMethod();
    clearCurves();
}

TrainingPanel::~TrainingPanel() = default;

// ----------------------------------------------------------------------------------------- controls

void TrainingPanel::buildControls() {
    product_ = new QComboBox(this);
    product_->setObjectName(QStringLiteral("trainingProductCombo"));
    product_->setToolTip(tr("The product of the open data set to train on"));
    list_ = new QLineEdit(this);
    list_->setObjectName(QStringLiteral("trainingListEdit"));
    list_->setPlaceholderText(tr("none: the product's training images"));
    list_->setClearButtonEnabled(true);
    list_->setToolTip(
        tr("A noisy training list (filename,clsname), as MeDS publishes them: the product's rows are "
           "its training images, defective test images among them"));
    browseList_ = new QToolButton(this);
    browseList_->setText(QStringLiteral("…"));
    browseList_->setToolTip(tr("Choose a noisy training list"));
    listNote_ = noteLabel(this, QStringLiteral("trainingListNote"));

    method_ = new QComboBox(this);
    method_->setObjectName(QStringLiteral("trainingMethodCombo"));
    method_->addItem(tr("Detector alone"), QStringLiteral("recon"));
    method_->addItem(tr("Detector with MeDS"), QStringLiteral("meds"));
    method_->setItemData(0, tr("Reconstruct every training image (as Dinomaly trains)"), Qt::ToolTipRole);
    method_->setItemData(1,
                         tr("MeDS: screen the training images with a memory ensemble, distil its maps, then fine-tune "
                            "on the images each selection round keeps"),
                         Qt::ToolTipRole);
    iterationsLabel_ = new QLabel(tr("Iterations"), this);
    iterations_ = spin(this, QStringLiteral("trainingIterationsSpin"), 1, 1000000, 10000,
                       tr("Optimiser steps (MeDS: of the distillation, stage 2)"));
    finetuneLabel_ = new QLabel(tr("Fine-tune iterations"), this);
    finetune_ = spin(this, QStringLiteral("trainingFinetuneSpin"), 1, 1000000, 10000,
                     tr("MeDS stage 3: progressive selection and fine-tuning on the images kept"));
    batch_ = spin(this, QStringLiteral("trainingBatchSpin"), 1, 4096, 16, tr("Training images per step"));
    blocks_ = spin(this, QStringLiteral("trainingBlocksSpin"), 1, 64, 8,
                   tr("Decoder blocks, split evenly over the backbone's tapped layers"));
    seed_ = spin(this, QStringLiteral("trainingSeedSpin"), 0, 1000000, 0,
                 tr("Seeds the initial weights and the order of the batches"));
    membersLabel_ = new QLabel(tr("Ensemble members"), this);
    members_ = spin(this, QStringLiteral("trainingMembersSpin"), 1, 10000, 100,
                    tr("MeDS stage 1: bootstrap memories of 10 % of the training images each"));
    validate_ = new QCheckBox(tr("Validate on the test split"), this);
    validate_->setObjectName(QStringLiteral("trainingValidateCheck"));
    validate_->setChecked(true);
    validate_->setToolTip(
        tr("Score the product's test images as training goes: image AUROC, pixel AP and AUPRO "
           "show when the detector starts to over-fit (with a noisy list: the test images it "
           "does not list)"));

    output_ = new QLineEdit(this);
    output_->setObjectName(QStringLiteral("trainingOutputEdit"));
    output_->setToolTip(
        tr("The model file (safetensors): written as training goes, so that a stopped run goes on "
           "from it"));
    browseOutput_ = new QToolButton(this);
    browseOutput_->setText(QStringLiteral("…"));
    browseOutput_->setToolTip(tr("Choose where the model is written"));
    outputNote_ = noteLabel(this, QStringLiteral("trainingOutputNote"));
    featuresLabel_ = noteLabel(this, QStringLiteral("trainingFeaturesLabel"));

    train_ = new QPushButton(QIcon(QStringLiteral(":/icons/build-bank.svg")), tr("Train"), this);
    train_->setObjectName(QStringLiteral("trainButton"));
    train_->setToolTip(tr("Train the detector; an unfinished run in the model file goes on from where it stopped"));
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setObjectName(QStringLiteral("trainingCancelButton"));
    cancel_->setToolTip(tr("Stop training; the model file keeps the run so far and Train goes on from it"));
    startOver_ = new QPushButton(tr("Start over (replace the model file)"), this);
    startOver_->setObjectName(QStringLiteral("trainingStartOverButton"));
    startOver_->setToolTip(tr("Delete the model file in the way and train from the start"));
    startOver_->hide();
    use_ = new QPushButton(tr("Use model"), this);
    use_->setObjectName(QStringLiteral("trainingUseButton"));
    use_->setToolTip(
        tr("Score the product's test images with the model: the inspection view, the histogram and the "
           "metrics show its maps"));
    open_ = new QPushButton(tr("Open model…"), this);
    open_->setObjectName(QStringLiteral("trainingOpenButton"));
    open_->setToolTip(tr("Show the curves and selection rounds a model file records"));
    error_ = noteLabel(this, QStringLiteral("trainingError"));

    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("trainingStatus"));
    status_->setWordWrap(true);
    status_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    stage_ = new QLabel(this);
    stage_->setObjectName(QStringLiteral("trainingStage"));
    stage_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    stage_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("trainingProgress"));
    progress_->setRange(0, 1);
    progress_->setValue(0);

    auto* setBox = new QGroupBox(tr("Training set"), this);
    auto* setGrid = new QGridLayout(setBox);
    setGrid->addWidget(new QLabel(tr("Product"), setBox), 0, 0);
    setGrid->addWidget(product_, 0, 1, 1, 2);
    setGrid->addWidget(new QLabel(tr("Noisy list"), setBox), 1, 0);
    setGrid->addWidget(list_, 1, 1);
    setGrid->addWidget(browseList_, 1, 2);
    setGrid->addWidget(listNote_, 2, 0, 1, 3);
    setGrid->setColumnStretch(1, 1);

    auto* methodBox = new QGroupBox(tr("Method"), this);
    auto* methodGrid = new QGridLayout(methodBox);
    int row = 0;
    methodGrid->addWidget(method_, row++, 0, 1, 2);
    methodGrid->addWidget(iterationsLabel_, row, 0);
    methodGrid->addWidget(iterations_, row++, 1);
    methodGrid->addWidget(finetuneLabel_, row, 0);
    methodGrid->addWidget(finetune_, row++, 1);
    methodGrid->addWidget(membersLabel_, row, 0);
    methodGrid->addWidget(members_, row++, 1);
    methodGrid->addWidget(new QLabel(tr("Batch size"), methodBox), row, 0);
    methodGrid->addWidget(batch_, row++, 1);
    methodGrid->addWidget(new QLabel(tr("Decoder blocks"), methodBox), row, 0);
    methodGrid->addWidget(blocks_, row++, 1);
    methodGrid->addWidget(new QLabel(tr("Seed"), methodBox), row, 0);
    methodGrid->addWidget(seed_, row++, 1);
    methodGrid->addWidget(validate_, row++, 0, 1, 2);
    methodGrid->setColumnStretch(1, 1);

    auto* outBox = new QGroupBox(tr("Model file"), this);
    auto* outGrid = new QGridLayout(outBox);
    outGrid->addWidget(output_, 0, 0);
    outGrid->addWidget(browseOutput_, 0, 1);
    outGrid->addWidget(outputNote_, 1, 0, 1, 2);
    outGrid->addWidget(featuresLabel_, 2, 0, 1, 2);
    outGrid->setColumnStretch(0, 1);
    groups_ = {setBox, methodBox, outBox};

    connect(product_, &QComboBox::currentIndexChanged, this, [this] {
        followDefaultOutput();
        checkList();
        updateButtons();
    });
    connect(method_, &QComboBox::currentIndexChanged, this, [this] {
        updateMethod();
        followDefaultOutput();
        if (shownProduct_.isEmpty()) scheduleReplot();
    });
    connect(list_, &QLineEdit::editingFinished, this, &TrainingPanel::checkList);
    connect(list_, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty()) checkList();  // the clear button
    });
    connect(browseList_, &QToolButton::clicked, this, &TrainingPanel::chooseList);
    // Before any run is shown, the curves' axis previews the settings' length.
    for (QSpinBox* box : {iterations_, finetune_})
        connect(box, &QSpinBox::valueChanged, this, [this] {
            if (shownProduct_.isEmpty()) scheduleReplot();
        });
    connect(output_, &QLineEdit::textEdited, this, [this] { outputChosen_ = true; });
    connect(output_, &QLineEdit::textChanged, this, [this] {
        checkOutput();
        updateButtons();
    });
    connect(browseOutput_, &QToolButton::clicked, this, &TrainingPanel::chooseOutput);
    connect(train_, &QPushButton::clicked, this, &TrainingPanel::trainRequested);
    connect(cancel_, &QPushButton::clicked, this, &TrainingPanel::cancelRequested);
    connect(startOver_, &QPushButton::clicked, this, &TrainingPanel::startOverRequested);
    connect(use_, &QPushButton::clicked, this, &TrainingPanel::useModelRequested);
    connect(open_, &QPushButton::clicked, this, &TrainingPanel::chooseModel);
}

void TrainingPanel::buildPlots() {
    // One plot, two axis rects with the same margins: the loss and the validation values share the
    // iteration axis, aligned, whatever width their value axes take.
    curves_ = new QCustomPlot(this);
    curves_->setObjectName(QStringLiteral("trainingCurves"));
    curves_->setMinimumSize(300, 260);
    curves_->setNoAntialiasingOnDrag(true);
    // Rows: the loss legend, the loss, the validation legend, the validation values. The legends sit in
    // rows of their own, so that they never cover a curve.
    lossRect_ = curves_->axisRect();
    curves_->setAutoAddPlottableToLegend(false);
    lossRect_->insetLayout()->take(curves_->legend);
    lossRect_->insetLayout()->simplify();
    delete curves_->legend;
    curves_->legend = nullptr;
    validationRect_ = new QCPAxisRect(curves_);
    lossLegend_ = new RowLegend;
    validationLegend_ = new RowLegend;
    QCPLayoutGrid* layout = curves_->plotLayout();
    layout->insertRow(0);
    layout->addElement(0, 0, lossLegend_);
    layout->addElement(2, 0, validationLegend_);
    layout->addElement(3, 0, validationRect_);
    layout->setRowSpacing(2);
    layout->setRowStretchFactor(0, 0.001);
    layout->setRowStretchFactor(2, 0.001);
    lossLegend_->setLayer(QStringLiteral("legend"));
    validationLegend_->setLayer(QStringLiteral("legend"));
    auto* margins = new QCPMarginGroup(curves_);
    lossRect_->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    validationRect_->setMarginGroup(QCP::msLeft | QCP::msRight, margins);

    const QFont small(font().family(), std::max(6, font().pointSize() - 1));
    for (QCPLegend* legend : {lossLegend_, validationLegend_}) {
        legend->setVisible(true);
        legend->setFont(small);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);  // one row
        legend->setBrush(Qt::NoBrush);
        legend->setBorderPen(Qt::NoPen);
        legend->setIconSize(18, 8);
        legend->setColumnSpacing(16);
        legend->setMargins(QMargins(60, 2, 60, 0));
    }

    for (QCPAxisRect* rect : {lossRect_, validationRect_}) {
        QCPAxis* x = rect->axis(QCPAxis::atBottom);
        x->ticker()->setTickCount(8);
        x->setRange(0, 100);
    }
    validationRect_->axis(QCPAxis::atBottom)->setLabel(tr("Iteration"));  // the axis both share
    QCPAxis* lossY = lossRect_->axis(QCPAxis::atLeft);
    lossY->setLabel(tr("Loss (log)"));
    lossY->setScaleType(QCPAxis::stLogarithmic);
    lossY->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    lossY->setNumberFormat(QStringLiteral("gb"));
    for (const Series& s : kPhases) {
        QCPGraph* g = curves_->addGraph(lossRect_->axis(QCPAxis::atBottom), lossY);
        g->setName(tr(s.name));
        g->setPen(QPen(QColor::fromRgb(s.color), 1.6));
        g->setAdaptiveSampling(true);
        lossGraphs_.insert(QString::fromLatin1(s.key), g);
    }
    QCPAxis* metricsY = validationRect_->axis(QCPAxis::atLeft);
    metricsY->setLabel(tr("Test split"));
    metricsY->setRange(0, 1.05);
    QCPAxis* mseY = validationRect_->axis(QCPAxis::atRight);
    mseY->setLabel(tr("Target MSE (log)"));
    mseY->setScaleType(QCPAxis::stLogarithmic);
    mseY->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    mseY->setNumberFormat(QStringLiteral("gb"));
    for (const Series& s : kValues) {
        const bool mse = qstrcmp(s.key, "target_mse") == 0;
        QCPGraph* g = curves_->addGraph(validationRect_->axis(QCPAxis::atBottom), mse ? mseY : metricsY);
        g->setName(tr(s.name));
        g->setPen(QPen(QColor::fromRgb(s.color), 1.6, mse ? Qt::DashLine : Qt::SolidLine));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));
        validationGraphs_.insert(QString::fromLatin1(s.key), g);
    }

    // Where fine-tuning starts (MeDS), in both rects; and what an empty rect will show.
    for (QCPAxisRect* rect : {lossRect_, validationRect_}) {
        auto* line = new QCPItemStraightLine(curves_);
        line->setPen(QPen(QColor(120, 120, 120), 1, Qt::DashLine));
        line->setClipAxisRect(rect);
        for (QCPItemPosition* p : {line->point1, line->point2})
            p->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        line->setVisible(false);
        phaseMarkers_.append(line);
        auto* hint = new QCPItemText(curves_);
        hint->setClipAxisRect(rect);
        hint->position->setType(QCPItemPosition::ptAxisRectRatio);
        hint->position->setAxisRect(rect);
        hint->position->setCoords(0.5, 0.5);
        hint->setColor(kHintColor);
        hints_.append(hint);
    }
    hints_[0]->setText(tr("The loss of every iteration appears here as training runs."));
    hints_[1]->setText(tr("Image AUROC, pixel AP and AUPRO on the test split (and MeDS's target MSE) appear here."));
    phaseLabel_ = new QCPItemText(curves_);
    phaseLabel_->setClipAxisRect(lossRect_);
    phaseLabel_->position->setAxisRect(lossRect_);
    phaseLabel_->position->setAxes(lossRect_->axis(QCPAxis::atBottom), lossY);
    phaseLabel_->position->setTypeX(QCPItemPosition::ptPlotCoords);
    phaseLabel_->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    phaseLabel_->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    phaseLabel_->setText(tr(" fine-tune →"));
    phaseLabel_->setFont(small);
    phaseLabel_->setColor(QColor(90, 90, 90));
    phaseLabel_->setVisible(false);

    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("trainingTabs"));
    tabs_->addTab(curves_, tr("Curves"));
}

void TrainingPanel::buildRounds() {
    roundTable_ = new QTableWidget(this);
    roundTable_->setObjectName(QStringLiteral("trainingRoundTable"));
    roundTable_->setColumnCount(RoundColumnCount);
    roundTable_->setHorizontalHeaderLabels(
        {tr("Round"), tr("Iteration"), tr("Kept"), tr("Threshold"), tr("w"), tr("Precision"), tr("Recall")});
    roundTable_->horizontalHeaderItem(RoundWeightColumn)->setToolTip(tr("Weight of the distilled model's scores"));
    roundTable_->horizontalHeaderItem(RoundPrecisionColumn)
        ->setToolTip(tr("Normal images among those kept (needs the noisy list's labels)"));
    roundTable_->horizontalHeaderItem(RoundRecallColumn)->setToolTip(tr("Normal images kept among all normal ones"));
    roundTable_->verticalHeader()->hide();
    roundTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    roundTable_->setSelectionBehavior(QAbstractItemView::SelectRows);
    roundTable_->setSelectionMode(QAbstractItemView::SingleSelection);
    roundTable_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    roundTable_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    roundSummary_ = new QLabel(tr("MeDS's selection rounds appear here as stage 3 runs."), this);
    roundSummary_->setObjectName(QStringLiteral("trainingRoundSummary"));
    roundSummary_->setWordWrap(true);
    roundSummary_->setTextFormat(Qt::RichText);
    roundSummary_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    images_ = new QListWidget(this);
    images_->setObjectName(QStringLiteral("trainingImageList"));
    images_->setViewMode(QListView::IconMode);
    images_->setMovement(QListView::Static);
    images_->setResizeMode(QListView::Adjust);
    images_->setWrapping(true);
    images_->setWordWrap(true);
    images_->setUniformItemSizes(true);
    images_->setIconSize(QSize(kThumbnail + 10, kThumbnail + 10));
    images_->setGridSize(QSize(kThumbnail + 30, kThumbnail + 10 + 2 * fontMetrics().height() + 8));
    images_->setSpacing(2);
    images_->setSelectionMode(QAbstractItemView::SingleSelection);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(4, 0, 0, 0);
    rightLayout->addWidget(roundSummary_);
    rightLayout->addWidget(images_, 1);
    auto* page = new QSplitter(Qt::Horizontal, this);
    page->setObjectName(QStringLiteral("trainingRoundsPage"));
    page->addWidget(roundTable_);
    page->addWidget(right);
    page->setStretchFactor(0, 0);
    page->setStretchFactor(1, 1);
    page->setSizes({450, 640});  // the table's columns in full
    page->setChildrenCollapsible(false);
    tabs_->addTab(page, tr("Selection rounds"));

    connect(roundTable_, &QTableWidget::currentCellChanged, this, [this](int row) { showRound(row); });
    connect(thumbnails_, &ThumbnailCache::thumbnailReady, this, [this](const QString& path) {
        for (int i = 0; i < images_->count(); ++i)
            if (images_->item(i)->data(PathRole).toString() == path) setItemIcon(images_->item(i));
    });
}

bool TrainingPanel::meds() const { return method_->currentData().toString() == QLatin1String("meds"); }

void TrainingPanel::updateMethod() {
    const bool m = meds();
    iterationsLabel_->setText(m ? tr("Distillation iterations") : tr("Iterations"));
    for (QWidget* w : std::initializer_list<QWidget*>{finetuneLabel_, finetune_, membersLabel_, members_})
        w->setVisible(m);
}

void TrainingPanel::updateButtons() {
    const bool product = dataset_ && product_->currentIndex() >= 0;
    train_->setEnabled(!running_ && product);
    cancel_->setEnabled(running_);
    const QString file = !modelFile_.isEmpty() ? modelFile_ : output_->text();
    use_->setEnabled(!running_ && dataset_ && !file.isEmpty() && QFileInfo(file).isFile());
    for (QWidget* w :
         std::initializer_list<QWidget*>{product_, method_, list_, browseList_, iterations_, finetune_, batch_, blocks_,
                                         seed_, members_, validate_, output_, browseOutput_})
        w->setEnabled(!running_);
    if (running_) startOver_->hide();
}

void TrainingPanel::setDataset(const DatasetPtr& dataset) {
    dataset_ = dataset;
    const QString was = product_->currentText();
    {
        QSignalBlocker block(product_);
        product_->clear();
        if (dataset_)
            for (const std::string& p : dataset_->products) product_->addItem(QString::fromStdString(p));
        int index = product_->findText(currentProduct_.isEmpty() ? was : currentProduct_);
        if (index < 0 && product_->count() > 0) index = 0;
        product_->setCurrentIndex(index);
    }
    followDefaultOutput();
    checkList();
    checkOutput();
    updateButtons();
}

void TrainingPanel::setCurrentProduct(const QString& product) {
    currentProduct_ = product;
    if (running_) return;
    const int index = product_->findText(product);
    if (index >= 0) product_->setCurrentIndex(index);
}

void TrainingPanel::setFeatures(const EvaluationOptions& options) {
    features_ = options;
    QString text = tr("Features (Engine panel): %1, %2 px")
                       .arg(QString::fromStdString(options.backbone.name))
                       .arg(options.resolution);
    if (options.crop > 0) text += tr(", crop %1").arg(options.crop);
    if (!options.backbone.layers.empty()) {
        QStringList layers;
        for (const std::string& l : options.backbone.layers) layers << QString::fromStdString(l);
        text += tr(", layers %1").arg(layers.join(QLatin1Char(',')));
    }
    if (options.backbone.weightsPath.empty() && options.backbone.name != "descriptors")
        text += QLatin1String(" — ") + tr("random weights: its scores mean little");
    setNote(featuresLabel_, text, false);
}

QString TrainingPanel::defaultOutput() const {
    const QString product = product_->currentText().isEmpty() ? QStringLiteral("model") : product_->currentText();
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("models/%1-%2.safetensors").arg(product, method_->currentData().toString()));
}

void TrainingPanel::followDefaultOutput() {
    if (outputChosen_ && !output_->text().isEmpty()) return;
    outputChosen_ = false;
    output_->setText(defaultOutput());
}

void TrainingPanel::checkList() {
    listError_.clear();
    const QString list = list_->text().trimmed();
    const QString product = product_->currentText();
    if (!dataset_ || product.isEmpty()) {
        setNote(listNote_, list.isEmpty() ? QString() : tr("Open a data set to read the list against."), false);
        return;
    }
    if (list.isEmpty()) {
        const std::size_t train = dataset_->count(product.toStdString(), Split::Train);
        setNote(listNote_, tr("Training images of the product: %1.").arg(train), false);
        return;
    }
    try {
        const purify::NoisyTrainingSet set =
            purify::readNoisyTrainingSplit(list.toStdString(), *dataset_, product.toStdString());
        setNote(listNote_,
                tr("Training images listed: %1, injected defects among them: %2. Validation on the test images "
                   "not listed: %3.")
                    .arg(set.train.size())
                    .arg(set.defective())
                    .arg(set.test.size()),
                false);
    } catch (const Error& e) {
        listError_ = QString::fromStdString(e.what());
        setNote(listNote_, listError_, true);
    }
}

void TrainingPanel::checkOutput() {
    outputError_.clear();
    const QString path = output_->text().trimmed();
    if (path.isEmpty()) {
        outputError_ = tr("Choose the model file to write.");
        setNote(outputNote_, outputError_, true);
        return;
    }
    const QFileInfo file(path);
    const QFileInfo folder(file.absolutePath());
    if (file.isDir()) {
        outputError_ = tr("%1 is a folder; name the model file inside it.").arg(QDir::toNativeSeparators(path));
    } else if (file.exists() && !file.isWritable()) {
        outputError_ = tr("%1 cannot be written.").arg(QDir::toNativeSeparators(path));
    } else if (!folder.exists() && outputChosen_) {
        outputError_ = tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(folder.filePath()));
    } else if (folder.exists() && (!folder.isDir() || !folder.isWritable())) {
        outputError_ = tr("The folder %1 cannot be written to.").arg(QDir::toNativeSeparators(folder.filePath()));
    }
    if (!outputError_.isEmpty()) {
        setNote(outputNote_, outputError_, true);
        return;
    }
    setNote(outputNote_,
            file.exists() ? tr("Exists: Train goes on from it when it holds an unfinished run of these settings.")
                          : tr("A new model file."),
            false);
}

void TrainingPanel::chooseList() {
    const QString start = list_->text().isEmpty() ? QString() : QFileInfo(list_->text()).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Noisy training list"), start,
                                                      tr("Training lists (*.csv);;All files (*)"));
    if (file.isEmpty()) return;
    list_->setText(file);
    checkList();
}

void TrainingPanel::chooseOutput() {
    const QString file = QFileDialog::getSaveFileName(this, tr("Model file"), output_->text(),
                                                      tr("Model files (*.safetensors);;All files (*)"), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (file.isEmpty()) return;
    outputChosen_ = true;
    output_->setText(file);
}

void TrainingPanel::chooseModel() {
    const QString start = !modelFile_.isEmpty() ? modelFile_ : output_->text();
    const QString file = QFileDialog::getOpenFileName(this, tr("Open a model file"), QFileInfo(start).absolutePath(),
                                                      tr("Model files (*.safetensors);;All files (*)"));
    if (!file.isEmpty()) emit openModelRequested(file);
}

QStringList TrainingPanel::inputErrors() {
    QStringList errors;
    if (!dataset_) {
        errors << tr("Open a data set first (File > Open data set folder): training uses its images.");
    } else if (product_->currentText().isEmpty()) {
        errors << tr("The data set has no product to train on.");
    } else {
        checkList();
        if (!listError_.isEmpty())
            errors << tr("The noisy list cannot be used: %1").arg(listError_);
        else if (list_->text().trimmed().isEmpty() &&
                 dataset_->count(product_->currentText().toStdString(), Split::Train) < 2)
            errors << tr("%1 has fewer than two training images.").arg(product_->currentText());
    }
    checkOutput();
    if (!outputError_.isEmpty()) errors << outputError_;
    setNote(error_, errors.join(QLatin1Char('\n')), true);
    return errors;
}

std::optional<ReconstructionJob> TrainingPanel::job() {
    if (!inputErrors().isEmpty()) return std::nullopt;
    ReconstructionJob j;
    j.features = features_;
    j.product = product_->currentText().toStdString();
    const QString list = list_->text().trimmed();
    std::vector<Sample> test;
    if (list.isEmpty()) {
        j.train = dataset_->select(j.product, Split::Train);
        test = dataset_->select(j.product, Split::Test);
    } else {
        try {
            purify::NoisyTrainingSet set = purify::readNoisyTrainingSplit(list.toStdString(), *dataset_, j.product);
            j.train = std::move(set.train);
            test = std::move(set.test);
        } catch (const Error& e) {
            setNote(error_, QString::fromStdString(e.what()), true);
            return std::nullopt;
        }
    }
    if (validate_->isChecked()) j.validation = test;
    ReconstructionTrainingOptions& o = j.training;
    o.method = method_->currentData().toString().toStdString();
    o.iterations = iterations_->value();
    o.finetuneIterations = finetune_->value();
    o.batchSize = batch_->value();
    o.seed = seed_->value();
    o.ensemble.members = members_->value();
    // About 25 validation points and 10 checkpoints a run (neither changes what a checkpoint resumes).
    const int total = o.iterations + (o.method == "meds" ? o.finetuneIterations : 0);
    o.validateEvery = std::max(1, total / 25);
    o.checkpointEvery = std::clamp(total / 10, 1, 500);
    j.blocks = blocks_->value();
    const QString out = QDir::cleanPath(output_->text().trimmed());
    if (!outputChosen_) QDir().mkpath(QFileInfo(out).absolutePath());  // the default models folder
    j.out = out.toStdString();
    runTest_ = test;
    return j;
}

void TrainingPanel::setListFile(const QString& file) {
    list_->setText(file);
    checkList();
}

void TrainingPanel::setOutputFile(const QString& file) {
    outputChosen_ = !file.isEmpty();
    output_->setText(file.isEmpty() ? defaultOutput() : file);
}

EvaluationOptions TrainingPanel::modelFeatures() const { return modelFeaturesKnown_ ? modelFeatures_ : features_; }

// ----------------------------------------------------------------------------------------- a run

void TrainingPanel::startRun(const ReconstructionJob& job, const TrainingFeedPtr& feed) {
    if (feed_) disconnect(feed_.get(), nullptr, this, nullptr);
    feed_ = feed;
    running_ = true;
    resumedAt_ = -1;
    shownOptions_ = job.training;
    shownProduct_ = QString::fromStdString(job.product);
    trainingImages_ = job.train;
    modelFile_ = QString::fromStdString(job.out.string());
    modelFeatures_ = job.features;
    modelFeaturesKnown_ = true;
    modelTest_ = runTest_;
    clearCurves();
    setNote(error_, QString(), false);
    startOver_->hide();
    setMessage(tr("Training %1 (%2, %3)…").arg(shownProduct_, method_->currentText(), iterationText()));
    stage_->clear();
    progress_->setRange(0, 0);
    updatePhaseMarker();

    connect(feed.get(), &TrainingFeed::trainingSet, this, [this](const SampleListPtr& images) {
        if (images) trainingImages_ = *images;
    });
    connect(feed.get(), &TrainingFeed::resumed, this, [this](const TrainingHistoryPtr& history) {
        setHistory(*history);
        resumedAt_ = history->steps;
        setMessage(tr("Resumed at iteration %1 of %2 from %3.")
                       .arg(history->steps)
                       .arg(history->totalIterations())
                       .arg(QDir::toNativeSeparators(modelFile_)));
    });
    connect(feed.get(), &TrainingFeed::losses, this, &TrainingPanel::addLosses);
    connect(feed.get(), &TrainingFeed::validation, this, &TrainingPanel::addValidation);
    connect(feed.get(), &TrainingFeed::selection, this, [this](const SelectionRound& round) {
        addRound(roundOf(round));
        roundTable_->setCurrentCell(roundTable_->rowCount() - 1, 0);
    });
    connect(feed.get(), &TrainingFeed::screened, this, [this](const QVector<double>& scores, double threshold) {
        addScreen(std::vector<double>(scores.begin(), scores.end()), threshold);
        if (roundTable_->rowCount() == 1) roundTable_->setCurrentCell(0, 0);
    });
    connect(feed.get(), &TrainingFeed::checkpointWritten, this, [this] { updateButtons(); });
    updateButtons();
}

QString TrainingPanel::iterationText() const {
    return shownOptions_.method == "meds"
               ? tr("%1 + %2 iterations").arg(shownOptions_.iterations).arg(shownOptions_.finetuneIterations)
               : tr("%1 iterations").arg(shownOptions_.iterations);
}

void TrainingPanel::onProgress(const QString& stage, qint64 done, qint64 total) {
    if (!running_) return;
    if (total > 0) {
        progress_->setRange(0, static_cast<int>(std::min<qint64>(total, 1 << 30)));
        progress_->setValue(static_cast<int>(std::min(done, total)));
    } else {
        progress_->setRange(0, 0);
    }
    stage_->setText(total > 0 ? tr("%1: %2 of %3").arg(stage).arg(done).arg(total) : stage);
}

void TrainingPanel::onFinished(const TrainingOutcomePtr& outcome) {
    running_ = false;
    if (feed_) disconnect(feed_.get(), nullptr, this, nullptr);
    feed_.reset();
    trainingImages_ = outcome->images;
    modelFeatures_ = outcome->features;
    modelFeaturesKnown_ = true;
    setHistory(outcome->history);
    progress_->setRange(0, 1);
    progress_->setValue(1);
    stage_->clear();
    const QString file = QDir::toNativeSeparators(QString::fromStdString(outcome->history.file));
    const int total = outcome->history.totalIterations();
    if (outcome->alreadyComplete)
        setMessage(tr("%1 already holds this finished run; its curves are shown. Change a setting or the "
                      "model file to train another, or start over.")
                       .arg(file));
    else if (outcome->resumedAt >= 0)
        setMessage(tr("Resumed at iteration %1 and finished %2 iterations in %3; the model is in %4.")
                       .arg(outcome->resumedAt)
                       .arg(total)
                       .arg(EnginePanel::duration(outcome->seconds), file));
    else
        setMessage(tr("Trained %1 in %2 iterations (%3); the model is in %4.")
                       .arg(QString::fromStdString(outcome->history.product))
                       .arg(total)
                       .arg(EnginePanel::duration(outcome->seconds), file));
    if (outcome->alreadyComplete) startOver_->show();
    updateButtons();
}

void TrainingPanel::onStopped(const QString& reason) {
    running_ = false;
    if (feed_) disconnect(feed_.get(), nullptr, this, nullptr);
    feed_.reset();
    progress_->setRange(0, 1);
    progress_->setValue(0);
    stage_->clear();
    const QString file = QDir::toNativeSeparators(modelFile_);
    if (reason.isEmpty()) {
        if (QFileInfo(modelFile_).isFile() && lastIteration_ > 0)
            setMessage(tr("Cancelled at iteration %1; %2 keeps the run so far and Train goes on from there.")
                           .arg(lastIteration_)
                           .arg(file));
        else
            setMessage(tr("Cancelled before the first iteration."));
    } else {
        setMessage(tr("Training failed: %1").arg(reason), true);
        // The model file holds a finished run or one of other settings: it can be replaced.
        if (reason.contains(QLatin1String("exists and was trained"))) startOver_->show();
    }
    updateButtons();
}

void TrainingPanel::showHistory(const TrainingHistoryPtr& history) {
    if (running_ || !history) return;
    modelFile_ = QString::fromStdString(history->file);
    modelFeaturesKnown_ = false;  // read with the engine panel's features, refused when they differ
    modelTest_.clear();
    shownOptions_ = history->options;
    shownProduct_ = QString::fromStdString(history->product);
    trainingImages_ = guessTrainingImages(*history);
    setHistory(*history);
    const QString file = QDir::toNativeSeparators(modelFile_);
    QString text = history->complete
                       ? tr("%1: a finished run of %2 (%3).").arg(file, shownProduct_, iterationText())
                       : tr("%1: an unfinished run of %2 (%3), stopped at iteration %4; Train with the same settings "
                            "goes on from it.")
                             .arg(file, shownProduct_, iterationText())
                             .arg(history->steps);
    if (!history->rounds.empty() && trainingImages_.empty())
        text += QLatin1Char(' ') + tr("Its training images are not those of the dock's settings: the rounds show "
                                      "scores without pictures.");
    setMessage(text);
    stage_->clear();
    updateButtons();
}

void TrainingPanel::setMessage(const QString& text, bool error) {
    status_->setText(text);
    QPalette palette = status_->palette();
    palette.setColor(QPalette::WindowText, error ? kErrorColor : this->palette().color(QPalette::WindowText));
    status_->setPalette(palette);
}

std::vector<Sample> TrainingPanel::guessTrainingImages(const TrainingHistory& history) const {
    if (!history.samples.empty()) return history.samples;  // the file names them
    if (!dataset_ || history.product.empty()) return {};
    const std::string& product = history.product;
    if (std::find(dataset_->products.begin(), dataset_->products.end(), product) == dataset_->products.end()) return {};
    std::vector<Sample> images = dataset_->select(product, Split::Train);
    const QString list = list_->text().trimmed();
    if (!list.isEmpty() && product_->currentText().toStdString() == product) {
        try {
            images = purify::readNoisyTrainingSplit(list.toStdString(), *dataset_, product).train;
        } catch (const Error&) {
        }
    }
    return images.size() == history.images ? images : std::vector<Sample>{};
}

// ----------------------------------------------------------------------------------------- curves

void TrainingPanel::clearCurves() {
    for (QCPGraph* g : lossGraphs_) g->data()->clear();
    for (QCPGraph* g : validationGraphs_) g->data()->clear();
    lastIteration_ = 0;
    rounds_.clear();
    roundTable_->setRowCount(0);
    images_->clear();
    roundSummary_->setText(tr("MeDS's selection rounds appear here as stage 3 runs."));
    tabs_->setTabText(1, tr("Selection rounds"));
    replot();
}

void TrainingPanel::addLosses(const QVector<LossPoint>& points) {
    TrainingHistory axis;
    axis.options = shownOptions_;
    for (const LossPoint& p : points) {
        const int x = axis.globalIteration(p.phase, p.iteration) + 1;
        if (QCPGraph* g = lossGraphs_.value(QString::fromStdString(p.phase)); g && p.loss > 0 && std::isfinite(p.loss))
            g->addData(x, p.loss);
        lastIteration_ = std::max(lastIteration_, x);
    }
    if (running_ && resumedAt_ < 0 && !points.isEmpty())
        setMessage(tr("Training %1 (%2, %3): iteration %4.")
                       .arg(shownProduct_, method_->currentText(), iterationText())
                       .arg(lastIteration_));
    else if (running_ && resumedAt_ >= 0 && !points.isEmpty())
        setMessage(tr("Resumed at iteration %1; now at iteration %2 of %3.")
                       .arg(resumedAt_)
                       .arg(lastIteration_)
                       .arg(shownOptions_.iterations +
                            (shownOptions_.method == "meds" ? shownOptions_.finetuneIterations : 0)));
    scheduleReplot();
}

void TrainingPanel::addValidation(const ValidationPoint& point) {
    TrainingHistory axis;
    axis.options = shownOptions_;
    const double x = axis.globalIteration(point.phase, point.iteration);
    for (const auto& [key, value] : point.values) {
        QCPGraph* g = validationGraphs_.value(QString::fromStdString(key));
        if (!g || !std::isfinite(value) || (key == "target_mse" && value <= 0)) continue;
        g->addData(x, value);
    }
    scheduleReplot();
}

TrainingPanel::Round TrainingPanel::roundOf(const SelectionRound& round) const {
    Round r;
    const auto earlier = std::count_if(rounds_.begin(), rounds_.end(), [](const Round& x) { return x.iteration >= 0; });
    r.number = static_cast<int>(earlier + 1);
    r.name = tr("Round %1").arg(r.number);
    TrainingHistory axis;
    axis.options = shownOptions_;
    r.iteration = axis.globalIteration("finetune", round.iteration);
    r.weight = round.weight;
    r.threshold = round.threshold;
    r.scores = round.scores;
    r.kept = round.kept;
    r.precision = round.precision;
    r.recall = round.recall;
    return r;
}

void TrainingPanel::addScreen(const std::vector<double>& scores, double threshold) {
    Round r;
    r.name = tr("Stage 1 screen");
    r.weight = std::numeric_limits<double>::quiet_NaN();
    r.threshold = threshold;
    r.scores = scores;
    r.kept.resize(scores.size());
    for (std::size_t i = 0; i < scores.size(); ++i) r.kept[i] = !(scores[i] > threshold);
    std::tie(r.precision, r.recall) = precisionRecall(r.kept, trainingImages_);
    rounds_.insert(rounds_.begin(), r);
    roundTable_->insertRow(0);
    fillRoundRow(0);
}

void TrainingPanel::addRound(Round round) {
    rounds_.push_back(std::move(round));
    const int row = roundTable_->rowCount();
    roundTable_->insertRow(row);
    fillRoundRow(row);
    const auto selections =
        std::count_if(rounds_.begin(), rounds_.end(), [](const Round& x) { return x.iteration >= 0; });
    tabs_->setTabText(1, tr("Selection rounds (%1)").arg(selections));
}

void TrainingPanel::fillRoundRow(int row) {
    const Round& r = rounds_[static_cast<std::size_t>(row)];
    const std::size_t kept = static_cast<std::size_t>(std::count(r.kept.begin(), r.kept.end(), 1));
    roundTable_->setItem(row, RoundNameColumn,
                         cell(r.number > 0 ? QString::number(r.number) : tr("screen"), false));
    roundTable_->item(row, RoundNameColumn)->setToolTip(r.name);
    roundTable_->setItem(row, RoundIterationColumn,
                         cell(r.iteration >= 0 ? QString::number(r.iteration) : tr("before")));
    roundTable_->setItem(row, RoundKeptColumn, cell(tr("%1 / %2").arg(kept).arg(r.kept.size())));
    roundTable_->setItem(row, RoundThresholdColumn, cell(compact(r.threshold)));
    roundTable_->setItem(row, RoundWeightColumn, cell(number(r.weight, 2)));
    roundTable_->setItem(row, RoundPrecisionColumn, cell(number(r.precision)));
    roundTable_->setItem(row, RoundRecallColumn, cell(number(r.recall)));
}

void TrainingPanel::setHistory(const TrainingHistory& history) {
    shownOptions_ = history.options;
    shownProduct_ = QString::fromStdString(history.product);
    clearCurves();
    addLosses(QVector<LossPoint>(history.losses.begin(), history.losses.end()));
    for (const ValidationPoint& v : history.validation) addValidation(v);
    if (!history.screenScores.empty()) addScreen(history.screenScores, history.screenThreshold);
    for (const SelectionRound& r : history.rounds) addRound(roundOf(r));
    if (roundTable_->rowCount() > 0) roundTable_->setCurrentCell(roundTable_->rowCount() - 1, 0);
    updatePhaseMarker();
    replot();
}

void TrainingPanel::updatePhaseMarker() {
    const bool m = shownOptions_.method == "meds";
    const double x = shownOptions_.iterations + 0.5;
    for (QCPItemStraightLine* line : phaseMarkers_) {
        line->setVisible(m);
        line->point1->setCoords(x, 0.5);
        line->point2->setCoords(x, 1);
    }
    phaseLabel_->setVisible(m);
    phaseLabel_->position->setCoords(x, 0.02);
}

void TrainingPanel::scheduleReplot() {
    if (!replotTimer_->isActive()) replotTimer_->start();
}

void TrainingPanel::replot() {
    replotTimer_->stop();
    ++replots_;
    // The whole run's width from the start, so that the curves grow into it; before any run, the settings'.
    const ReconstructionTrainingOptions& o = shownProduct_.isEmpty() ? settingsOptions() : shownOptions_;
    const int total = std::max(1, o.iterations + (o.method == "meds" ? o.finetuneIterations : 0));
    for (QCPAxisRect* rect : {lossRect_, validationRect_}) rect->axis(QCPAxis::atBottom)->setRange(0, total + 0.5);

    bool any = false;
    QCPRange loss(0.01, 1);
    for (QCPGraph* g : lossGraphs_) {
        bool ok = false;
        const QCPRange r = g->getValueRange(ok, QCP::sdPositive);
        if (!ok) continue;
        loss = any ? QCPRange(std::min(loss.lower, r.lower), std::max(loss.upper, r.upper)) : r;
        any = true;
    }
    lossRect_->axis(QCPAxis::atLeft)->setRange(any ? QCPRange(loss.lower / 1.5, loss.upper * 1.5) : loss);
    hints_[0]->setVisible(!any);
    // The legends list what is drawn, in the order of the series.
    lossLegend_->clearItems();
    for (const Series& s : kPhases)
        if (QCPGraph* g = lossGraphs_.value(QString::fromLatin1(s.key)); !g->data()->isEmpty())
            g->addToLegend(lossLegend_);
    lossLegend_->setVisible(lossLegend_->itemCount() > 0);

    QCPGraph* mse = validationGraphs_.value(QStringLiteral("target_mse"));
    bool ok = false;
    const QCPRange m = mse->getValueRange(ok, QCP::sdPositive);
    QCPAxis* mseY = validationRect_->axis(QCPAxis::atRight);
    mseY->setVisible(ok);
    if (ok) mseY->setRange(m.lower / 1.5, m.upper * 1.5);
    validationLegend_->clearItems();
    bool values = false;
    for (const Series& s : kValues)
        if (QCPGraph* g = validationGraphs_.value(QString::fromLatin1(s.key)); !g->data()->isEmpty()) {
            g->addToLegend(validationLegend_);
            values = true;
        }
    validationLegend_->setVisible(values);
    hints_[1]->setVisible(!values);
    curves_->replot(QCustomPlot::rpQueuedReplot);
}

ReconstructionTrainingOptions TrainingPanel::settingsOptions() const {
    ReconstructionTrainingOptions o;
    o.method = method_->currentData().toString().toStdString();
    o.iterations = iterations_->value();
    o.finetuneIterations = finetune_->value();
    return o;
}

// ----------------------------------------------------------------------------------------- rounds

void TrainingPanel::showRound(int row) {
    images_->clear();
    if (row < 0 || static_cast<std::size_t>(row) >= rounds_.size()) return;
    const Round& r = rounds_[static_cast<std::size_t>(row)];
    const bool pictures = trainingImages_.size() == r.scores.size();
    const std::size_t kept = static_cast<std::size_t>(std::count(r.kept.begin(), r.kept.end(), 1));
    std::size_t defects = 0, defectsKept = 0;
    if (pictures)
        for (std::size_t i = 0; i < r.scores.size(); ++i)
            if (trainingImages_[i].label == 1) {
                ++defects;
                defectsKept += r.kept[i] ? 1 : 0;
            }
    QString summary = r.iteration >= 0 ? tr("<b>%1</b> at iteration %2: kept %3 of %4 below the threshold %5 (w = %6).")
                                             .arg(r.name)
                                             .arg(r.iteration)
                                             .arg(kept)
                                             .arg(r.kept.size())
                                             .arg(compact(r.threshold), number(r.weight, 2))
                                       : tr("<b>%1</b>: the memory ensemble flagged %2 of %3 above %4.")
                                             .arg(r.name)
                                             .arg(r.kept.size() - kept)
                                             .arg(r.kept.size())
                                             .arg(compact(r.threshold));
    if (defects > 0)
        summary += QLatin1Char(' ') + tr("%1 of the %2 injected defects kept; precision %3, recall %4.")
                                          .arg(defectsKept)
                                          .arg(defects)
                                          .arg(number(r.precision), number(r.recall));
    summary += QStringLiteral("<br><span style=\"color:%1\">■</span> %2 &nbsp; <span style=\"color:%3\">■</span> %4")
                   .arg(kKept.name(), tr("kept"), kDropped.name(), tr("dropped"));
    if (defects > 0)
        summary += QStringLiteral(" &nbsp; <span style=\"color:%1\">▲</span> %2")
                       .arg(kDefect.darker(110).name(), tr("injected defect"));
    if (!pictures)
        summary += QStringLiteral("<br>") + tr("The training images of this run are not known here: scores only.");
    roundSummary_->setText(summary);

    // Most anomalous first.
    std::vector<std::size_t> order(r.scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return r.scores[a] > r.scores[b]; });
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
        const std::size_t i = order[rank];
        auto* item = new QListWidgetItem(images_);
        const QString path = pictures ? QString::fromStdString(trainingImages_[i].path) : QString();
        const bool defect = pictures && trainingImages_[i].label == 1;
        item->setData(PathRole, path);
        item->setData(IndexRole, static_cast<int>(i));
        item->setData(Qt::UserRole + 3, static_cast<bool>(r.kept[i]));
        item->setData(Qt::UserRole + 4, defect);
        // An injected defect's name says which test folder it came from (its file name alone repeats).
        QString name = pictures ? QFileInfo(path).fileName() : tr("image %1").arg(i + 1);
        if (defect) name = QString::fromStdString(trainingImages_[i].defect) + QLatin1Char('/') + name;
        item->setText(tr("#%1 · %2\n%3").arg(rank + 1).arg(compact(r.scores[i]), name));
        item->setTextAlignment(Qt::AlignHCenter | Qt::AlignTop);
        QString tip = pictures ? QDir::toNativeSeparators(path) : tr("training image %1").arg(i + 1);
        tip += QLatin1Char('\n') + (r.kept[i] ? tr("kept: score %1 below the threshold %2")
                                              : tr("dropped: score %1 at or above the threshold %2"))
                                       .arg(compact(r.scores[i]), compact(r.threshold));
        if (defect)
            tip += QLatin1Char('\n') +
                   tr("a defect the noisy list injected (%1)").arg(QString::fromStdString(trainingImages_[i].defect));
        item->setToolTip(tip);
        setItemIcon(item);
    }
}

void TrainingPanel::setItemIcon(QListWidgetItem* item) {
    const QString path = item->data(PathRole).toString();
    const bool kept = item->data(Qt::UserRole + 3).toBool();
    const bool defect = item->data(Qt::UserRole + 4).toBool();
    const int side = kThumbnail + 10;
    QPixmap canvas(side, side);
    canvas.fill(Qt::transparent);
    QPainter p(&canvas);
    p.setRenderHint(QPainter::Antialiasing);
    const QImage thumb = path.isEmpty() ? QImage() : thumbnails_->thumbnail(path);
    QRect image(5, 5, kThumbnail, kThumbnail);
    if (!thumb.isNull()) {
        image = QRect(QPoint((side - thumb.width()) / 2, (side - thumb.height()) / 2), thumb.size());
        p.drawImage(image, thumb);
    } else {
        p.fillRect(image, palette().color(QPalette::AlternateBase));
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(kept ? kKept : kDropped, 4));
    p.drawRect(image.adjusted(-2, -2, 1, 1));
    if (defect) {
        // A warning triangle in the corner: a defect the protocol injected, whatever the round decided.
        const QPointF tip(image.right() - 12, image.top() + 3);
        QPolygonF triangle;
        triangle << tip << QPointF(tip.x() - 10, tip.y() + 18) << QPointF(tip.x() + 10, tip.y() + 18);
        p.setPen(QPen(Qt::black, 1.2));
        p.setBrush(kDefect);
        p.drawPolygon(triangle);
        QFont font = p.font();
        font.setBold(true);
        font.setPixelSize(12);
        p.setFont(font);
        p.drawText(QRectF(tip.x() - 10, tip.y() + 4, 20, 14), Qt::AlignCenter, QStringLiteral("!"));
    }
    p.end();
    // The same picture when selected: the style's tint would hide the frames.
    QIcon icon;
    icon.addPixmap(canvas, QIcon::Normal);
    icon.addPixmap(canvas, QIcon::Selected);
    item->setIcon(icon);
}

// ----------------------------------------------------------------------------------------- settings

void TrainingPanel::loadSettings(QSettings& s) {
    s.beginGroup(QStringLiteral("training"));
    const int method = method_->findData(s.value(QStringLiteral("method"), QStringLiteral("recon")).toString());
    if (method >= 0) method_->setCurrentIndex(method);
    list_->setText(s.value(QStringLiteral("list")).toString());
    iterations_->setValue(s.value(QStringLiteral("iterations"), iterations_->value()).toInt());
    finetune_->setValue(s.value(QStringLiteral("finetuneIterations"), finetune_->value()).toInt());
    batch_->setValue(s.value(QStringLiteral("batchSize"), batch_->value()).toInt());
    blocks_->setValue(s.value(QStringLiteral("blocks"), blocks_->value()).toInt());
    seed_->setValue(s.value(QStringLiteral("seed"), seed_->value()).toInt());
    members_->setValue(s.value(QStringLiteral("members"), members_->value()).toInt());
    validate_->setChecked(s.value(QStringLiteral("validate"), true).toBool());
    outputChosen_ = s.value(QStringLiteral("outputChosen"), false).toBool();
    const QString output = s.value(QStringLiteral("output")).toString();
    if (outputChosen_ && !output.isEmpty())
        output_->setText(output);
    else
        followDefaultOutput();
    s.endGroup();
    updateMethod();
    checkList();
    checkOutput();
    updateButtons();
}

void TrainingPanel::saveSettings(QSettings& s) const {
    s.beginGroup(QStringLiteral("training"));
    s.setValue(QStringLiteral("method"), method_->currentData().toString());
    s.setValue(QStringLiteral("list"), list_->text());
    s.setValue(QStringLiteral("iterations"), iterations_->value());
    s.setValue(QStringLiteral("finetuneIterations"), finetune_->value());
    s.setValue(QStringLiteral("batchSize"), batch_->value());
    s.setValue(QStringLiteral("blocks"), blocks_->value());
    s.setValue(QStringLiteral("seed"), seed_->value());
    s.setValue(QStringLiteral("members"), members_->value());
    s.setValue(QStringLiteral("validate"), validate_->isChecked());
    s.setValue(QStringLiteral("outputChosen"), outputChosen_);
    s.setValue(QStringLiteral("output"), output_->text());
    s.endGroup();
}

}  // namespace pb::ui
