#include "ui/SuitePanel.h"

#include <qcustomplot.h>
#include <QAbstractTableModel>
#include <QComboBox>
#include <QDir>
#include <QFile>
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
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <set>

#include "engine/backbone/Backbone.h"
#include "engine/suite/SuiteFile.h"
#include "engine/util/Error.h"
#include "ui/EnginePanel.h"
#include "ui/figures/FigureRenderer.h"

namespace pb::ui {

namespace {

const QColor kErrorColor(190, 30, 30);
const QColor kRunningColor(25, 95, 200);
const QColor kDoneColor(30, 125, 60);
const QColor kHintColor(105, 105, 105);
constexpr int IdRole = Qt::UserRole + 1;
constexpr int kFigureWidth = 1000;  // the figures' size in pixels, as patchbank-cli suite summarize writes them
constexpr int kFigureHeight = 650;
constexpr double kMinFigureWidth = 720.0;

// {"method": "audit", "seed": 0} -> "method=audit, seed=0": what tells the cells of an experiment apart.
QString parameters(const nlohmann::json& params) {
    QStringList parts;
    for (const auto& [key, value] : params.items())
        parts << QString::fromStdString(key + "=" + (value.is_string() ? value.get<std::string>() : value.dump()));
    return parts.join(QStringLiteral(", "));
}

void setNote(QLabel* label, const QString& text, bool error) {
    label->setTextFormat(text.contains(QLatin1String("<a href")) ? Qt::RichText : Qt::PlainText);
    label->setText(text);
    label->setVisible(!text.isEmpty());
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, error ? kErrorColor : kHintColor);
    label->setPalette(palette);
}

QLabel* noteLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    label->hide();
    return label;
}

QString seconds(double s) { return s >= 0 ? QString::number(s, 'f', s < 10 ? 2 : 1) : QString(); }

bool numeric(const std::string& text) {
    if (text.empty()) return false;
    char* end = nullptr;
    std::strtod(text.c_str(), &end);
    return end && *end == '\0';
}

// One ResultTable in a QTableView.
class ResultTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;
    void setTable(const ResultTable& table) {
        beginResetModel();
        table_ = table;
        endResetModel();
    }
    const ResultTable& table() const { return table_; }
    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(table_.rows.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(table_.columns.size());
    }
    QVariant data(const QModelIndex& index, int role) const override {
        if (!index.isValid() || static_cast<std::size_t>(index.row()) >= table_.rows.size()) return {};
        const auto& row = table_.rows[static_cast<std::size_t>(index.row())];
        if (static_cast<std::size_t>(index.column()) >= row.size()) return {};
        const std::string& cell = row[static_cast<std::size_t>(index.column())];
        if (role == Qt::DisplayRole) return QString::fromStdString(cell);
        if (role == Qt::TextAlignmentRole)
            return static_cast<int>(numeric(cell) ? Qt::AlignRight | Qt::AlignVCenter
                                                  : Qt::AlignLeft | Qt::AlignVCenter);
        return {};
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override {
        if (role != Qt::DisplayRole || orientation != Qt::Horizontal || section < 0 ||
            static_cast<std::size_t>(section) >= table_.columns.size())
            return {};
        return QString::fromStdString(table_.columns[static_cast<std::size_t>(section)]);
    }

private:
    ResultTable table_;
};

// A figure at the proportions Export all writes, drawn for the space it has: never narrower than the
// renderer's text needs (its fonts are sized for the exported pictures), then scaled to fit.
class FigurePicture : public QWidget {
public:
    FigurePicture(QCustomPlot* plot, QWidget* parent) : QWidget(parent), plot_(plot) {}
    // The plot holds another figure: drawn again at the next paint.
    void refresh() {
        picture_ = QPixmap();
        update();
    }

protected:
    void paintEvent(QPaintEvent*) override {
        const QSizeF fitted = QSizeF(kFigureWidth, kFigureHeight).scaled(QSizeF(size()), Qt::KeepAspectRatio);
        if (fitted.isEmpty()) return;
        const double ratio = devicePixelRatioF();
        const QSize pixels = (fitted * ratio).toSize();
        if (picture_.isNull() || picture_.size() != pixels) {
            const double logical = std::max(fitted.width(), kMinFigureWidth);
            picture_ = plot_->toPixmap(qRound(logical), qRound(logical * kFigureHeight / kFigureWidth),
                                       pixels.width() / logical);
            picture_.setDevicePixelRatio(ratio);
        }
        QPainter painter(this);
        painter.drawPixmap(QPointF((width() - fitted.width()) / 2, (height() - fitted.height()) / 2), picture_);
    }

private:
    QCustomPlot* plot_;
    QPixmap picture_;
};

}  // namespace

// The cells of the run shown, with their state in the queue.
class SuiteCellModel : public QAbstractTableModel {
public:
    SuiteCellModel(SuiteQueue* queue, QObject* parent) : QAbstractTableModel(parent), queue_(queue) {}
    void setRun(int id) {
        beginResetModel();
        run_ = id;
        endResetModel();
    }
    int run() const { return run_; }
    void cellChanged(int row) { emit dataChanged(index(row, 0), index(row, SuitePanel::CellColumnCount - 1)); }
    int rowCount(const QModelIndex& parent = {}) const override {
        const SuiteQueue::Run* r = queue_->run(run_);
        return parent.isValid() || !r ? 0 : static_cast<int>(r->cells.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : SuitePanel::CellColumnCount;
    }
    QVariant data(const QModelIndex& index, int role) const override {
        const SuiteQueue::Run* r = queue_->run(run_);
        if (!r || !index.isValid() || static_cast<std::size_t>(index.row()) >= r->cells.size()) return {};
        const suite::SuiteCell& cell = r->request.suite->cells[static_cast<std::size_t>(index.row())];
        const SuiteQueue::Cell& state = r->cells[static_cast<std::size_t>(index.row())];
        const int column = index.column();
        if (role == Qt::DisplayRole) {
            switch (column) {
                case SuitePanel::CellIdColumn: return QString::fromStdString(cell.id);
                case SuitePanel::CellExperimentColumn: return QString::fromStdString(cell.experiment);
                case SuitePanel::CellProductColumn: return QString::fromStdString(cell.label());
                case SuitePanel::CellParametersColumn: return parameters(cell.params);
                case SuitePanel::CellStateColumn: return stateName(state.state);
                case SuitePanel::CellSecondsColumn: return seconds(state.seconds);
                default: return {};
            }
        }
        if (role == Qt::ForegroundRole && column == SuitePanel::CellStateColumn) {
            switch (state.state) {
                case SuiteQueue::CellState::Running: return QBrush(kRunningColor);
                case SuiteQueue::CellState::Done: return QBrush(kDoneColor);
                case SuiteQueue::CellState::Failed: return QBrush(kErrorColor);
                case SuiteQueue::CellState::Pending: return QBrush(kHintColor);
            }
        }
        if (role == Qt::FontRole && state.state == SuiteQueue::CellState::Running) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if (role == Qt::ToolTipRole) {
            if (state.state == SuiteQueue::CellState::Failed) return state.error;
            if (column == SuitePanel::CellParametersColumn) return parameters(cell.params);
            if (column == SuitePanel::CellIdColumn)
                return SuitePanel::tr("Features: %1").arg(QString::fromStdString(cell.features.dump()));
        }
        if (role == Qt::TextAlignmentRole && column == SuitePanel::CellSecondsColumn)
            return static_cast<int>(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override {
        if (role != Qt::DisplayRole || orientation != Qt::Horizontal) return {};
        switch (section) {
            case SuitePanel::CellIdColumn: return SuitePanel::tr("Cell");
            case SuitePanel::CellExperimentColumn: return SuitePanel::tr("Experiment");
            case SuitePanel::CellProductColumn: return SuitePanel::tr("Product");
            case SuitePanel::CellParametersColumn: return SuitePanel::tr("Parameters");
            case SuitePanel::CellStateColumn: return SuitePanel::tr("State");
            case SuitePanel::CellSecondsColumn: return SuitePanel::tr("Seconds");
            default: return {};
        }
    }
    static QString stateName(SuiteQueue::CellState state) {
        switch (state) {
            case SuiteQueue::CellState::Pending: return SuitePanel::tr("pending");
            case SuiteQueue::CellState::Running: return SuitePanel::tr("running");
            case SuiteQueue::CellState::Done: return SuitePanel::tr("done");
            case SuiteQueue::CellState::Failed: return SuitePanel::tr("failed");
        }
        return {};
    }

private:
    SuiteQueue* queue_;
    int run_ = 0;
};

SuitePanel::SuitePanel(SuiteQueue* queue, QWidget* parent) : QWidget(parent), queue_(queue) {
    setObjectName(QStringLiteral("suitePanel"));
    ticker_ = new QTimer(this);
    ticker_->setInterval(1000);

    // --- what to run
    suiteBox_ = new QComboBox(this);
    suiteBox_->setObjectName(QStringLiteral("suiteCombo"));
    suiteBox_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    suiteBox_->setMinimumContentsLength(14);
    suiteBox_->setToolTip(tr("The experiment suites shipped with PatchBank and the suite files you opened"));
    openSuite_ = new QPushButton(tr("Open suite file…"), this);
    openSuite_->setObjectName(QStringLiteral("openSuiteButton"));
    suiteInfo_ = new QLabel(this);
    suiteInfo_->setObjectName(QStringLiteral("suiteInfo"));
    suiteInfo_->setWordWrap(true);
    suiteInfo_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    suiteInfo_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    suiteError_ = noteLabel(this);
    suiteError_->setObjectName(QStringLiteral("suiteError"));
    suiteError_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* suiteGroup = new QGroupBox(tr("Suite"), this);
    auto* suiteGrid = new QGridLayout(suiteGroup);
    suiteGrid->addWidget(suiteBox_, 0, 0);
    suiteGrid->addWidget(openSuite_, 0, 1);
    suiteGrid->addWidget(suiteError_, 1, 0, 1, 2);
    suiteGrid->addWidget(suiteInfo_, 2, 0, 1, 2);
    suiteGrid->setColumnStretch(0, 1);

    auto* datasetGroup = new QGroupBox(tr("Data-set folders"), this);
    datasetGrid_ = new QGridLayout(datasetGroup);
    datasetGrid_->setColumnStretch(1, 1);
    auto* weightsGroup = new QGroupBox(tr("Weights"), this);
    auto* weightsLayout = new QVBoxLayout(weightsGroup);
    weightsGrid_ = new QGridLayout;
    weightsGrid_->setColumnStretch(1, 1);
    weightsLayout->addLayout(weightsGrid_);
    weightsHint_ = noteLabel(this);
    setNote(weightsHint_, tr("Optional: a backbone without a weights file runs on random weights."), false);
    weightsLayout->addWidget(weightsHint_);

    log_ = new QLineEdit(this);
    log_->setObjectName(QStringLiteral("suiteLogEdit"));
    log_->setToolTip(
        tr("The results log: one line per finished cell, appended as each cell ends. A run "
           "goes on from the cells its log holds."));
    browseLog_ = new QToolButton(this);
    browseLog_->setText(QStringLiteral("…"));
    browseLog_->setToolTip(tr("Choose the results log"));
    logNote_ = noteLabel(this);
    logNote_->setObjectName(QStringLiteral("suiteLogNote"));
    auto* logGroup = new QGroupBox(tr("Results log"), this);
    auto* logGrid = new QGridLayout(logGroup);
    logGrid->addWidget(log_, 0, 0);
    logGrid->addWidget(browseLog_, 0, 1);
    logGrid->addWidget(logNote_, 1, 0, 1, 2);
    logGrid->setColumnStretch(0, 1);

    add_ = new QPushButton(tr("Add to queue"), this);
    add_->setObjectName(QStringLiteral("suiteAddButton"));
    add_->setToolTip(tr("Queue this suite run; queued runs go one after the other"));
    addError_ = noteLabel(this);
    addError_->setObjectName(QStringLiteral("suiteAddError"));

    auto* setup = new QWidget(this);
    auto* setupLayout = new QVBoxLayout(setup);
    setupLayout->setContentsMargins(0, 0, 4, 0);
    setupLayout->addWidget(suiteGroup);
    setupLayout->addWidget(datasetGroup);
    setupLayout->addWidget(weightsGroup);
    setupLayout->addWidget(logGroup);
    setupLayout->addWidget(add_);
    setupLayout->addWidget(addError_);
    setupLayout->addStretch(1);
    // In a scroll area: a low dock never squeezes the fields.
    auto* setupScroll = new QScrollArea(this);
    setupScroll->setWidget(setup);
    setupScroll->setWidgetResizable(true);
    setupScroll->setFrameShape(QFrame::NoFrame);
    setupScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    // --- the queue and its progress
    queueView_ = new QTreeWidget(this);
    queueView_->setObjectName(QStringLiteral("suiteQueueView"));
    queueView_->setHeaderLabels({tr("Suite"), tr("Results log"), tr("State")});
    queueView_->setRootIsDecorated(false);
    queueView_->setUniformRowHeights(true);
    queueView_->setSelectionMode(QAbstractItemView::SingleSelection);
    queueView_->setTextElideMode(Qt::ElideMiddle);
    queueView_->header()->setStretchLastSection(true);
    queueView_->setMinimumHeight(70);
    pause_ = new QPushButton(tr("Pause"), this);
    pause_->setObjectName(QStringLiteral("suitePauseButton"));
    pause_->setToolTip(tr("Start no further cell; the cell running now finishes and is kept"));
    resume_ = new QPushButton(tr("Resume"), this);
    resume_->setObjectName(QStringLiteral("suiteResumeButton"));
    resume_->setToolTip(tr("Go on from where the results logs stand"));
    cancel_ = new QPushButton(tr("Cancel run"), this);
    cancel_->setObjectName(QStringLiteral("suiteCancelButton"));
    cancel_->setToolTip(tr("Stop the selected run now and take it off the queue; its log keeps the cells done"));
    cellStage_ = new QLabel(this);
    cellStage_->setObjectName(QStringLiteral("suiteCellStage"));
    cellStage_->setWordWrap(true);
    cellStage_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    cellProgress_ = new QProgressBar(this);
    cellProgress_->setObjectName(QStringLiteral("suiteCellProgress"));
    cellProgress_->setRange(0, 1);
    cellProgress_->setValue(0);
    overall_ = new QLabel(this);
    overall_->setObjectName(QStringLiteral("suiteOverall"));
    overall_->setWordWrap(true);
    overall_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    overallProgress_ = new QProgressBar(this);
    overallProgress_->setObjectName(QStringLiteral("suiteOverallProgress"));
    overallProgress_->setFormat(QStringLiteral("%v / %m"));
    overallProgress_->setRange(0, 1);
    overallProgress_->setValue(0);
    time_ = new QLabel(this);
    time_->setObjectName(QStringLiteral("suiteTime"));
    status_ = noteLabel(this);
    status_->setObjectName(QStringLiteral("suiteStatus"));

    auto* queueColumn = new QWidget(this);
    auto* queueLayout = new QVBoxLayout(queueColumn);
    queueLayout->setContentsMargins(2, 4, 4, 0);
    queueLayout->addWidget(queueView_, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(pause_);
    buttons->addWidget(resume_);
    buttons->addWidget(cancel_);
    queueLayout->addLayout(buttons);
    queueLayout->addWidget(cellStage_);
    queueLayout->addWidget(cellProgress_);
    queueLayout->addWidget(overall_);
    queueLayout->addWidget(overallProgress_);
    queueLayout->addWidget(time_);
    queueLayout->addWidget(status_);

    // --- the results of the run shown
    resultsTitle_ = new QLabel(tr("Queue a run to see its cells, tables and figures."), this);
    resultsTitle_->setObjectName(QStringLiteral("suiteResultsTitle"));
    resultsTitle_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    export_ = new QPushButton(tr("Export all…"), this);
    export_->setObjectName(QStringLiteral("suiteExportButton"));
    export_->setToolTip(
        tr("Write the tables (CSV, Markdown, LaTeX), the figures and a copy of the results log "
           "into a folder"));
    exportStatus_ = noteLabel(this);
    exportStatus_->setObjectName(QStringLiteral("suiteExportStatus"));
    exportStatus_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    cellModel_ = new SuiteCellModel(queue_, this);
    cellView_ = new QTableView(this);
    cellView_->setObjectName(QStringLiteral("suiteCellView"));
    cellView_->setModel(cellModel_);
    cellView_->verticalHeader()->hide();
    cellView_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    cellView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    cellView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    cellView_->setWordWrap(false);
    cellView_->setTextElideMode(Qt::ElideRight);
    {
        // Fixed widths: measuring thousands of rows on every change would be slow.
        QHeaderView* h = cellView_->horizontalHeader();
        const QFontMetrics fm = fontMetrics();
        h->setSectionResizeMode(QHeaderView::Interactive);
        QFont bold = font();
        bold.setBold(true);  // the running cell's row
        h->resizeSection(CellIdColumn, QFontMetrics(bold).horizontalAdvance(QStringLiteral("0123456789abcdef")) + 16);
        h->resizeSection(CellStateColumn, fm.horizontalAdvance(tr("running")) + 28);
        h->resizeSection(CellSecondsColumn, fm.horizontalAdvance(tr("Seconds")) + 20);
        h->setSectionResizeMode(CellParametersColumn, QHeaderView::Stretch);
        // The state and time next to the cell id, always in view; the parameters take what is left.
        h->moveSection(CellStateColumn, 1);
        h->moveSection(CellSecondsColumn, 2);
    }
    figureList_ = new QListWidget(this);
    figureList_->setObjectName(QStringLiteral("suiteFigureList"));
    figureList_->setMaximumWidth(220);
    figureList_->setWordWrap(true);
    // Not shown itself: the figure is drawn into it at the export size, and the picture is shown.
    figurePlot_ = new QCustomPlot(this);
    figurePlot_->setObjectName(QStringLiteral("suiteFigurePlot"));
    figurePlot_->hide();
    figurePlot_->resize(kFigureWidth, kFigureHeight);
    figurePicture_ = new FigurePicture(figurePlot_, this);
    figurePicture_->setObjectName(QStringLiteral("suiteFigurePicture"));
    figurePicture_->setMinimumSize(280, 180);
    figureNote_ = noteLabel(this);
    figuresTab_ = new QWidget(this);
    auto* figuresLayout = new QGridLayout(figuresTab_);
    figuresLayout->setContentsMargins(2, 2, 2, 2);
    figuresLayout->addWidget(figureNote_, 0, 0, 1, 2);
    figuresLayout->addWidget(figureList_, 1, 0);
    figuresLayout->addWidget(figurePicture_, 1, 1);
    figuresLayout->setColumnStretch(1, 1);
    figuresLayout->setRowStretch(1, 1);
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("suiteResultTabs"));
    tabs_->setDocumentMode(true);
    tabs_->setUsesScrollButtons(true);
    tabs_->addTab(cellView_, tr("Cells"));
    tabs_->addTab(figuresTab_, tr("Figures"));

    auto* resultsColumn = new QWidget(this);
    auto* resultsLayout = new QVBoxLayout(resultsColumn);
    resultsLayout->setContentsMargins(4, 0, 0, 0);
    auto* resultsTop = new QHBoxLayout;
    resultsTop->addWidget(resultsTitle_, 1);
    resultsTop->addWidget(export_);
    resultsLayout->addLayout(resultsTop);
    resultsLayout->addWidget(exportStatus_);
    resultsLayout->addWidget(tabs_, 1);

    // Setting up a run and watching the queue share the left column: the results get the width.
    sideTabs_ = new QTabWidget(this);
    sideTabs_->setObjectName(QStringLiteral("suiteSideTabs"));
    sideTabs_->setDocumentMode(true);
    sideTabs_->addTab(setupScroll, tr("New run"));
    sideTabs_->addTab(queueColumn, tr("Queue"));
    sideTabs_->setMinimumWidth(290);

    splitter_ = new QSplitter(Qt::Horizontal, this);
    splitter_->setObjectName(QStringLiteral("suiteSplitter"));
    splitter_->setChildrenCollapsible(false);
    splitter_->addWidget(sideTabs_);
    splitter_->addWidget(resultsColumn);
    splitter_->setStretchFactor(0, 0);
    splitter_->setStretchFactor(1, 1);
    splitter_->setSizes({360, 900});
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter_);

    connect(suiteBox_, &QComboBox::currentIndexChanged, this, &SuitePanel::onSuiteChosen);
    connect(openSuite_, &QPushButton::clicked, this, &SuitePanel::chooseSuiteFile);
    connect(log_, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (suite_) logs_.insert(QString::fromStdString(suite_->name), text.trimmed());
        checkLog(false);
    });
    connect(browseLog_, &QToolButton::clicked, this, &SuitePanel::chooseLog);
    connect(add_, &QPushButton::clicked, this, &SuitePanel::addToQueue);
    connect(pause_, &QPushButton::clicked, queue_, &SuiteQueue::pause);
    connect(resume_, &QPushButton::clicked, queue_, &SuiteQueue::resume);
    connect(cancel_, &QPushButton::clicked, this, [this] {
        if (const int id = selectedRun()) queue_->cancel(id);
    });
    connect(export_, &QPushButton::clicked, this, &SuitePanel::chooseExportFolder);
    connect(queueView_, &QTreeWidget::itemSelectionChanged, this, &SuitePanel::onSelectionChanged);
    connect(figureList_, &QListWidget::currentRowChanged, this, &SuitePanel::showFigure);
    connect(ticker_, &QTimer::timeout, this, &SuitePanel::updateTimes);

    connect(queue_, &SuiteQueue::runsChanged, this, &SuitePanel::refreshQueue);
    connect(queue_, &SuiteQueue::runChanged, this, [this](int id) {
        refreshRun(id);
        updateButtons();
        updateProgress();
    });
    connect(queue_, &SuiteQueue::cellChanged, this, [this](int id, int index) {
        if (id != cellModel_->run()) return;
        cellModel_->cellChanged(index);
        const SuiteQueue::Run* r = queue_->run(id);
        if (r && r->cells[static_cast<std::size_t>(index)].state == SuiteQueue::CellState::Running) {
            cellView_->scrollTo(cellModel_->index(index, CellIdColumn), QAbstractItemView::EnsureVisible);
            updateProgress();
        }
    });
    connect(queue_, &SuiteQueue::cellProgress, this,
            [this](int id, int index, const QString& stage, qint64 done, qint64 total) {
                if (id != progressRun() || id != shownCellRun_ || index != shownCell_) return;
                if (index < 0) {  // the request that opens the log
                    cellStage_->setText(stage);
                    return;
                }
                const SuiteQueue::Run* r = queue_->run(id);
                const suite::SuiteCell& cell = r->request.suite->cells[static_cast<std::size_t>(index)];
                const QString title =
                    tr("Cell %1 (%2, %3)")
                        .arg(QString::fromStdString(cell.id), QString::fromStdString(cell.experiment),
                             QString::fromStdString(cell.label()));
                cellStage_->setText(title + QLatin1Char('\n') +
                                    (total > 0 ? tr("%1: %2 of %3").arg(stage).arg(done).arg(total) : stage));
                if (total > 0) {
                    cellProgress_->setRange(0, static_cast<int>(std::min<qint64>(total, 1 << 30)));
                    cellProgress_->setValue(static_cast<int>(std::min(done, total)));
                } else {
                    cellProgress_->setRange(0, 0);
                }
            });
    connect(queue_, &SuiteQueue::snapshotChanged, this, [this](int id) {
        if (id == selectedRun()) showSnapshot();
        updateButtons();
    });
    connect(queue_, &SuiteQueue::pausedChanged, this, [this] {
        updateButtons();
        updateProgress();
    });
    connect(queue_, &SuiteQueue::refused, this, [this](const QString& reason) { setNote(addError_, reason, true); });

    addShippedSuites();
    onSuiteChosen();
    refreshQueue();
}

SuitePanel::~SuitePanel() = default;

// ----------------------------------------------------------------------------------------- suites

void SuitePanel::addShippedSuites() {
    const std::filesystem::path folder = suite::shippedSuitesFolder();
    if (folder.empty()) return;
    for (const auto& file : suite::suiteFiles(folder)) {
        try {
            addSuiteItem(QString::fromStdString(file.string()), suite::readSuite(file));
        } catch (const Error&) {
            // `patchbank-cli suite list` names the files it skips; the panel lists only what it can run.
        }
    }
}

int SuitePanel::addSuiteItem(const QString& file, const suite::Suite& s) {
    const QString path = QFileInfo(file).absoluteFilePath();
    const int existing = suiteBox_->findData(path);
    if (existing >= 0) return existing;
    const QSignalBlocker block(suiteBox_);
    suiteBox_->addItem(
        tr("%1 (%n cell(s))", nullptr, static_cast<int>(s.cells.size())).arg(QString::fromStdString(s.name)), path);
    const int index = suiteBox_->count() - 1;
    suiteBox_->setItemData(index, QDir::toNativeSeparators(path), Qt::ToolTipRole);
    return index;
}

bool SuitePanel::openSuiteFile(const QString& file) {
    try {
        const suite::Suite s = suite::readSuite(file.toStdString());
        const int index = addSuiteItem(file, s);
        const QString path = QFileInfo(file).absoluteFilePath();
        if (!userSuites_.contains(path)) userSuites_ << path;
        setNote(suiteError_, QString(), false);
        if (suiteBox_->currentIndex() == index)
            onSuiteChosen();
        else
            suiteBox_->setCurrentIndex(index);
        return true;
    } catch (const Error& e) {
        setNote(suiteError_,
                tr("Cannot use %1: %2").arg(QDir::toNativeSeparators(file), QString::fromStdString(e.what())), true);
        return false;
    }
}

QString SuitePanel::suiteFile() const { return suiteBox_->currentData().toString(); }

void SuitePanel::onSuiteChosen() {
    suite_.reset();
    const QString file = suiteFile();
    if (!file.isEmpty()) {
        try {
            suite_ = std::make_shared<const suite::Suite>(suite::readSuite(file.toStdString()));
            setNote(suiteError_, QString(), false);
        } catch (const Error& e) {
            setNote(suiteError_, QString::fromStdString(e.what()), true);
        }
    }
    if (suite_) {
        std::set<std::string> experiments;
        for (const auto& cell : suite_->cells) experiments.insert(cell.experiment);
        QStringList datasets, kinds;
        for (const auto& d : suite_->datasets) datasets << QString::fromStdString(d);
        for (const auto& k : suite_->kinds) kinds << QString::fromStdString(k);
        QString text = tr("%n cell(s)", nullptr, static_cast<int>(suite_->cells.size())) + QStringLiteral(" · ") +
                       tr("%n experiment(s) (%1)", nullptr, static_cast<int>(experiments.size()))
                           .arg(kinds.join(QStringLiteral(", "))) +
                       QStringLiteral(" · ") + tr("data sets: %1").arg(datasets.join(QStringLiteral(", ")));
        if (!suite_->source.empty()) text += QLatin1Char('\n') + QString::fromStdString(suite_->source);
        suiteInfo_->setText(text);
        suiteInfo_->setToolTip(QDir::toNativeSeparators(file));
    } else {
        suiteInfo_->setText(file.isEmpty() ? tr("No suite: open a suite file.") : QString());
    }
    setNote(addError_, QString(), false);
    rebuildInputs();
    updateButtons();
}

void SuitePanel::chooseSuiteFile() {
    const QString start =
        userSuites_.isEmpty() ? QFileInfo(suiteFile()).absolutePath() : QFileInfo(userSuites_.last()).absolutePath();
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Open a suite file"), start, tr("Suite files (*.json);;All files (*)"));
    if (!file.isEmpty()) openSuiteFile(file);
}

// ----------------------------------------------------------------------------------------- inputs

void SuitePanel::clearRows(std::vector<Row>& rows, QGridLayout* grid) {
    for (Row& row : rows) {
        for (QWidget* w :
             {static_cast<QWidget*>(row.edit), static_cast<QWidget*>(row.browse), static_cast<QWidget*>(row.note)}) {
            grid->removeWidget(w);
            w->hide();
            w->deleteLater();
        }
    }
    // The name labels.
    while (QLayoutItem* item = grid->takeAt(0)) {
        if (QWidget* w = item->widget()) {
            w->hide();
            w->deleteLater();
        }
        delete item;
    }
    rows.clear();
}

void SuitePanel::rebuildInputs() {
    clearRows(datasets_, datasetGrid_);
    clearRows(backbones_, weightsGrid_);
    if (!suite_) {
        weightsHint_->hide();
        const QSignalBlocker block(log_);
        log_->clear();
        setNote(logNote_, QString(), false);
        return;
    }
    int line = 0;
    for (const std::string& d : suite_->datasets) {
        Row row;
        row.key = QString::fromStdString(d);
        row.edit = new QLineEdit(this);
        row.edit->setObjectName(QStringLiteral("suiteDataset_%1").arg(row.key));
        row.edit->setPlaceholderText(tr("folder of %1").arg(row.key));
        row.browse = new QToolButton(this);
        row.browse->setText(QStringLiteral("…"));
        row.browse->setToolTip(tr("Choose the folder of the data set %1").arg(row.key));
        row.note = noteLabel(this);
        row.note->setObjectName(QStringLiteral("suiteDatasetNote_%1").arg(row.key));
        QString folder = folders_.value(row.key);
        const bool matches =
            !openDataset_.isEmpty() && QFileInfo(openDataset_).fileName().compare(row.key, Qt::CaseInsensitive) == 0;
        if (folder.isEmpty() && matches) folder = openDataset_;
        row.edit->setText(folder);
        datasetGrid_->addWidget(new QLabel(row.key, this), line, 0);
        datasetGrid_->addWidget(row.edit, line, 1);
        datasetGrid_->addWidget(row.browse, line, 2);
        datasetGrid_->addWidget(row.note, line + 1, 1, 1, 2);
        line += 2;
        datasets_.push_back(row);
        connect(row.edit, &QLineEdit::textChanged, this, [this, row](const QString& text) {
            folders_.insert(row.key, text.trimmed());
            checkDataset(row, false);
        });
        connect(row.browse, &QToolButton::clicked, this, [this, row] { chooseFolder(row); });
        connect(row.note, &QLabel::linkActivated, row.edit, [this, row] { row.edit->setText(openDataset_); });
        checkDataset(row, false);
    }

    std::set<std::string> names;
    for (const auto& cell : suite_->cells) names.insert(cell.features.value("backbone", BackboneOptions{}.name));
    line = 0;
    bool anyWeights = false;
    for (const std::string& name : names) {
        Row row;
        row.key = QString::fromStdString(name);
        BackboneOptions options;
        options.name = name;
        const bool takesWeights = !randomWeightsWarning(options).empty();
        anyWeights = anyWeights || takesWeights;
        row.edit = new QLineEdit(this);
        row.edit->setObjectName(QStringLiteral("suiteWeights_%1").arg(row.key));
        row.browse = new QToolButton(this);
        row.browse->setText(QStringLiteral("…"));
        row.browse->setToolTip(tr("Choose the weights file of %1").arg(row.key));
        row.note = noteLabel(this);
        row.note->setObjectName(QStringLiteral("suiteWeightsNote_%1").arg(row.key));
        if (takesWeights) {
            row.edit->setPlaceholderText(tr("none: random weights"));
            row.edit->setText(weights_.value(row.key));
        } else {
            row.edit->setPlaceholderText(tr("needs no weights"));
            row.edit->setEnabled(false);
            row.browse->setEnabled(false);
        }
        weightsGrid_->addWidget(new QLabel(row.key, this), line, 0);
        weightsGrid_->addWidget(row.edit, line, 1);
        weightsGrid_->addWidget(row.browse, line, 2);
        weightsGrid_->addWidget(row.note, line + 1, 1, 1, 2);
        line += 2;
        backbones_.push_back(row);
        connect(row.edit, &QLineEdit::textChanged, this, [this, row](const QString& text) {
            weights_.insert(row.key, text.trimmed());
            checkWeights(row, false);
        });
        connect(row.browse, &QToolButton::clicked, this, [this, row] { chooseWeights(row); });
        checkWeights(row, false);
    }
    weightsHint_->setVisible(anyWeights);

    const QSignalBlocker block(log_);
    const QString remembered = logs_.value(QString::fromStdString(suite_->name));
    log_->setText(remembered.isEmpty() ? defaultLog() : remembered);
    checkLog(false);
}

void SuitePanel::checkDataset(const Row& row, bool strict) {
    const QString folder = row.edit->text().trimmed();
    const bool matches =
        !openDataset_.isEmpty() && QFileInfo(openDataset_).fileName().compare(row.key, Qt::CaseInsensitive) == 0;
    QString error;
    if (folder.isEmpty()) {
        if (strict) error = tr("Give the folder of the data set %1.").arg(row.key);
    } else if (!QFileInfo(folder).isDir()) {
        error = tr("No folder %1.").arg(QDir::toNativeSeparators(folder));
    }
    const bool offer = matches && (folder.isEmpty() || QFileInfo(folder).canonicalFilePath() !=
                                                           QFileInfo(openDataset_).canonicalFilePath());
    if (!offer) {
        setNote(row.note, error, !error.isEmpty());
        return;
    }
    const QString link = tr("The open data set has this name: <a href=\"use\">use %1</a>")
                             .arg(QDir::toNativeSeparators(openDataset_).toHtmlEscaped());
    setNote(row.note, error.isEmpty() ? link : error.toHtmlEscaped() + QStringLiteral("<br>") + link, !error.isEmpty());
}

void SuitePanel::checkWeights(const Row& row, bool strict) {
    Q_UNUSED(strict);
    if (!row.edit->isEnabled()) {
        setNote(row.note, QString(), false);
        return;
    }
    const QString file = row.edit->text().trimmed();
    if (file.isEmpty())
        setNote(row.note, tr("No weights file: %1 runs on random weights and its scores mean little.").arg(row.key),
                false);
    else if (!QFileInfo(file).isFile())
        setNote(row.note, tr("No file %1.").arg(QDir::toNativeSeparators(file)), true);
    else
        setNote(row.note, QString(), false);
}

void SuitePanel::checkLog(bool strict) {
    const QString file = log_->text().trimmed();
    if (file.isEmpty()) {
        setNote(logNote_, strict ? tr("Give the results log.") : QString(), strict);
        return;
    }
    const QFileInfo info(file);
    if (info.isDir())
        setNote(logNote_, tr("%1 is a folder; give a file.").arg(QDir::toNativeSeparators(file)), true);
    else if (info.exists())
        setNote(logNote_, tr("The log exists: the run goes on from the cells it holds."), false);
    else
        setNote(logNote_, tr("A new log: every finished cell is appended to it."), false);
}

QString SuitePanel::defaultLog() const {
    if (!suite_) return QString();
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("suites/%1.jsonl").arg(QString::fromStdString(suite_->name)));
}

QStringList SuitePanel::inputErrors() {
    QStringList errors;
    if (!suite_) {
        errors << (suiteError_->text().isEmpty() ? tr("Choose a suite.") : suiteError_->text());
        return errors;
    }
    for (const Row& row : datasets_) {
        checkDataset(row, true);
        const QString folder = row.edit->text().trimmed();
        if (folder.isEmpty())
            errors << tr("The data set %1 has no folder.").arg(row.key);
        else if (!QFileInfo(folder).isDir())
            errors << tr("The folder of %1 does not exist: %2").arg(row.key, QDir::toNativeSeparators(folder));
    }
    for (const Row& row : backbones_) {
        checkWeights(row, true);
        const QString file = row.edit->text().trimmed();
        if (row.edit->isEnabled() && !file.isEmpty() && !QFileInfo(file).isFile())
            errors << tr("The weights of %1 do not exist: %2").arg(row.key, QDir::toNativeSeparators(file));
    }
    checkLog(true);
    const QString log = log_->text().trimmed();
    if (log.isEmpty())
        errors << tr("Give the results log.");
    else if (QFileInfo(log).isDir())
        errors << tr("The results log %1 is a folder.").arg(QDir::toNativeSeparators(log));
    return errors;
}

SuiteRunRequest SuitePanel::request() const {
    SuiteRunRequest r;
    r.suiteFile = suiteFile();
    r.suite = suite_;
    for (const Row& row : datasets_)
        if (!row.edit->text().trimmed().isEmpty())
            r.datasets[row.key.toStdString()] = QDir::cleanPath(row.edit->text().trimmed()).toStdString();
    for (const Row& row : backbones_)
        if (row.edit->isEnabled() && !row.edit->text().trimmed().isEmpty())
            r.weights[row.key.toStdString()] = row.edit->text().trimmed().toStdString();
    r.log = log_->text().trimmed();
    r.cacheDir = cacheDir_;
    return r;
}

bool SuitePanel::addToQueue() {
    const QStringList errors = inputErrors();
    if (!errors.isEmpty()) {
        setNote(addError_, errors.join(QLatin1Char('\n')), true);
        return false;
    }
    setNote(addError_, QString(), false);
    const int id = queue_->add(request());
    if (!id) return false;  // the queue's reason is shown by its refused signal
    for (int i = 0; i < queueView_->topLevelItemCount(); ++i)
        if (queueView_->topLevelItem(i)->data(0, IdRole).toInt() == id)
            queueView_->setCurrentItem(queueView_->topLevelItem(i));
    if (queue_->isPaused()) setNote(addError_, tr("Queued; the queue is paused: Resume starts it."), false);
    sideTabs_->setCurrentIndex(1);
    return true;
}

void SuitePanel::setOpenDataset(const QString& folder) {
    openDataset_ = folder;
    for (const Row& row : datasets_) {
        if (row.edit->text().trimmed().isEmpty() &&
            QFileInfo(folder).fileName().compare(row.key, Qt::CaseInsensitive) == 0)
            row.edit->setText(folder);
        checkDataset(row, false);
    }
}

void SuitePanel::setDatasetFolder(const QString& name, const QString& folder) {
    folders_.insert(name, folder);
    if (QLineEdit* edit = datasetEdit(name)) edit->setText(folder);
}

void SuitePanel::setWeights(const QString& backbone, const QString& file) {
    weights_.insert(backbone, file);
    if (QLineEdit* edit = weightsEdit(backbone)) edit->setText(file);
}

void SuitePanel::setLogPath(const QString& file) { log_->setText(file); }

QLineEdit* SuitePanel::datasetEdit(const QString& name) const {
    for (const Row& row : datasets_)
        if (row.key == name) return row.edit;
    return nullptr;
}

QLabel* SuitePanel::datasetNote(const QString& name) const {
    for (const Row& row : datasets_)
        if (row.key == name) return row.note;
    return nullptr;
}

QLineEdit* SuitePanel::weightsEdit(const QString& backbone) const {
    for (const Row& row : backbones_)
        if (row.key == backbone) return row.edit;
    return nullptr;
}

QLabel* SuitePanel::weightsNote(const QString& backbone) const {
    for (const Row& row : backbones_)
        if (row.key == backbone) return row.note;
    return nullptr;
}

void SuitePanel::chooseFolder(const Row& row) {
    QString start = row.edit->text().trimmed();
    if (start.isEmpty()) start = openDataset_;
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("The folder of the data set %1").arg(row.key), start);
    if (!folder.isEmpty()) row.edit->setText(folder);
}

void SuitePanel::chooseWeights(const Row& row) {
    const QString file =
        QFileDialog::getOpenFileName(this, tr("The weights of %1").arg(row.key), row.edit->text().trimmed(),
                                     tr("Weights (*.safetensors *.pt *.pth);;All files (*)"));
    if (!file.isEmpty()) row.edit->setText(file);
}

void SuitePanel::chooseLog() {
    // The log is appended to, never replaced: no overwrite question.
    const QString file = QFileDialog::getSaveFileName(this, tr("The results log"), log_->text().trimmed(),
                                                      tr("Results logs (*.jsonl);;All files (*)"), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (!file.isEmpty()) log_->setText(file);
}

// ----------------------------------------------------------------------------------------- queue

int SuitePanel::selectedRun() const {
    const QTreeWidgetItem* item = queueView_->currentItem();
    return item && item->isSelected() ? item->data(0, IdRole).toInt() : 0;
}

int SuitePanel::progressRun() const {
    if (queue_->activeRun()) return queue_->activeRun();
    return selectedRun();
}

void SuitePanel::refreshQueue() {
    const int selected = selectedRun();
    const bool wasEmpty = queueView_->topLevelItemCount() == 0;
    {
        const QSignalBlocker block(queueView_);
        queueView_->clear();
        QTreeWidgetItem* select = nullptr;
        for (int id : queue_->runs()) {
            auto* item = new QTreeWidgetItem(queueView_);
            item->setData(0, IdRole, id);
            if (id == selected) select = item;
            if (!select && id == queue_->activeRun()) select = item;
        }
        for (int id : queue_->runs()) refreshRun(id);
        if (!select && queueView_->topLevelItemCount() > 0) select = queueView_->topLevelItem(0);
        if (select) {
            queueView_->setCurrentItem(select);
            select->setSelected(true);
        }
        queueView_->resizeColumnToContents(0);
        queueView_->resizeColumnToContents(2);
    }
    sideTabs_->setTabText(1, queue_->runs().isEmpty() ? tr("Queue") : tr("Queue (%1)").arg(queue_->runs().size()));
    if (wasEmpty && !queue_->runs().isEmpty()) sideTabs_->setCurrentIndex(1);
    onSelectionChanged();
}

void SuitePanel::refreshRun(int id) {
    const SuiteQueue::Run* r = queue_->run(id);
    if (!r) return;
    QTreeWidgetItem* item = nullptr;
    for (int i = 0; i < queueView_->topLevelItemCount() && !item; ++i)
        if (queueView_->topLevelItem(i)->data(0, IdRole).toInt() == id) item = queueView_->topLevelItem(i);
    if (!item) return;
    const QString cells = tr("%1 / %2").arg(r->done).arg(r->cells.size());
    QString state;
    switch (r->state) {
        case SuiteQueue::RunState::Waiting: state = tr("waiting, %1").arg(cells); break;
        case SuiteQueue::RunState::Running: state = tr("running, %1").arg(cells); break;
        case SuiteQueue::RunState::Paused: state = tr("paused, %1").arg(cells); break;
        case SuiteQueue::RunState::Done:
            state = r->failed > 0 ? tr("done, %1, %2 failed").arg(cells).arg(r->failed) : tr("done, %1").arg(cells);
            break;
        case SuiteQueue::RunState::Failed: state = tr("failed"); break;
    }
    item->setText(0, QString::fromStdString(r->request.suite->name));
    item->setText(1, QFileInfo(r->request.log).fileName());
    item->setText(2, state);
    const QString tip =
        QDir::toNativeSeparators(r->request.log) + (r->message.isEmpty() ? QString() : QLatin1Char('\n') + r->message);
    for (int c = 0; c < 3; ++c) item->setToolTip(c, tip);
    item->setForeground(2, r->state == SuiteQueue::RunState::Failed    ? QBrush(kErrorColor)
                           : r->state == SuiteQueue::RunState::Running ? QBrush(kRunningColor)
                           : r->state == SuiteQueue::RunState::Done    ? QBrush(kDoneColor)
                                                                       : QBrush());
    if (id == selectedRun()) {
        resultsTitle_->setText(tr("<b>%1</b> — %2")
                                   .arg(QString::fromStdString(r->request.suite->name).toHtmlEscaped(),
                                        QFileInfo(r->request.log).fileName().toHtmlEscaped()));
        resultsTitle_->setToolTip(QDir::toNativeSeparators(r->request.log));
    }
}

void SuitePanel::onSelectionChanged() {
    const int id = selectedRun();
    queue_->setShownRun(id);
    if (cellModel_->run() != id) {
        cellModel_->setRun(id);
        fitCellColumns();
    }
    if (!id) resultsTitle_->setText(tr("Queue a run to see its cells, tables and figures."));
    refreshRun(id);
    showSnapshot();
    updateButtons();
    updateProgress();
}

void SuitePanel::fitCellColumns() {
    const SuiteQueue::Run* r = queue_->run(cellModel_->run());
    if (!r) return;
    // The experiment and product names of a suite are few: their widths, not every row's, size the columns.
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics fm(bold);
    std::set<std::string> experiments, products;
    for (const auto& cell : r->request.suite->cells) {
        experiments.insert(cell.experiment);
        products.insert(cell.label());
    }
    int experiment = fm.horizontalAdvance(tr("Experiment")), product = fm.horizontalAdvance(tr("Product"));
    for (const auto& e : experiments)
        experiment = std::max(experiment, fm.horizontalAdvance(QString::fromStdString(e)));
    for (const auto& p : products) product = std::max(product, fm.horizontalAdvance(QString::fromStdString(p)));
    cellView_->horizontalHeader()->resizeSection(CellExperimentColumn, experiment + 16);
    cellView_->horizontalHeader()->resizeSection(CellProductColumn, product + 16);
}

void SuitePanel::updateButtons() {
    bool unfinished = false;
    for (int id : queue_->runs()) {
        const auto state = queue_->run(id)->state;
        unfinished = unfinished || (state != SuiteQueue::RunState::Done && state != SuiteQueue::RunState::Failed);
    }
    pause_->setEnabled(!queue_->isPaused() && unfinished);
    resume_->setEnabled(queue_->isPaused());
    const SuiteQueue::Run* r = queue_->run(selectedRun());
    cancel_->setEnabled(r != nullptr);
    const bool finished = r && (r->state == SuiteQueue::RunState::Done || r->state == SuiteQueue::RunState::Failed);
    cancel_->setText(finished ? tr("Remove") : tr("Cancel run"));
    cancel_->setToolTip(finished
                            ? tr("Take the run off the list; its results log stays")
                            : tr("Stop the selected run now and take it off the queue; its log keeps the cells done"));
    export_->setEnabled(r && r->snapshot && r->snapshot->rows > 0);
    add_->setEnabled(suite_ != nullptr);
}

void SuitePanel::updateProgress() {
    const int id = progressRun();
    const SuiteQueue::Run* r = queue_->run(id);
    if (!r) {
        shownCell_ = -1;
        shownCellRun_ = 0;
        cellStage_->setText(tr("No run queued."));
        cellProgress_->setRange(0, 1);
        cellProgress_->setValue(0);
        overall_->clear();
        overallProgress_->setRange(0, 1);
        overallProgress_->setValue(0);
        time_->clear();
        setNote(status_, queue_->isPaused() ? tr("The queue is paused.") : QString(), false);
        ticker_->stop();
        return;
    }
    const int total = static_cast<int>(r->cells.size());
    overall_->setText((r->failed > 0 ? tr("%1: %2 of %3 cells done, %4 failed")
                                           .arg(QString::fromStdString(r->request.suite->name))
                                           .arg(r->done)
                                           .arg(total)
                                           .arg(r->failed)
                                     : tr("%1: %2 of %3 cells done")
                                           .arg(QString::fromStdString(r->request.suite->name))
                                           .arg(r->done)
                                           .arg(total)));
    overallProgress_->setRange(0, std::max(1, total));
    overallProgress_->setValue(
        static_cast<int>(std::min<std::size_t>(r->done + r->failed, static_cast<std::size_t>(total))));
    if (r->running != shownCell_ || id != shownCellRun_) {
        shownCell_ = r->running;
        shownCellRun_ = id;
        if (r->running >= 0) {
            const suite::SuiteCell& cell = r->request.suite->cells[static_cast<std::size_t>(r->running)];
            cellStage_->setText(tr("Cell %1 (%2, %3)")
                                    .arg(QString::fromStdString(cell.id), QString::fromStdString(cell.experiment),
                                         QString::fromStdString(cell.label())) +
                                QLatin1Char('\n') + tr("starting…"));
            cellProgress_->setRange(0, 0);
        } else {
            cellStage_->setText(r->state == SuiteQueue::RunState::Done      ? tr("Every cell has run.")
                                : r->state == SuiteQueue::RunState::Running ? tr("Opening the results log…")
                                                                            : tr("No cell running."));
            cellProgress_->setRange(0, 1);
            cellProgress_->setValue(r->state == SuiteQueue::RunState::Done ? 1 : 0);
        }
    }
    // A run's own message (restored, cancelled, failed cells) already says what Resume does.
    QString status = r->message;
    if (status.isEmpty() && queue_->isPaused() && !queue_->isBusy())
        status = tr("The queue is paused: Resume goes on from where the results logs stand.");
    setNote(status_, status, r->state == SuiteQueue::RunState::Failed);
    updateTimes();
    if (queue_->isBusy())
        ticker_->start();
    else
        ticker_->stop();
}

void SuitePanel::updateTimes() {
    const int id = progressRun();
    if (!queue_->run(id)) {
        time_->clear();
        return;
    }
    const double elapsed = queue_->elapsedSeconds(id);
    const double remaining = queue_->remainingSeconds(id);
    QString text = tr("Elapsed %1").arg(EnginePanel::duration(elapsed));
    if (remaining >= 0 && queue_->run(id)->state != SuiteQueue::RunState::Done)
        text += tr(" · about %1 left").arg(EnginePanel::duration(remaining));
    time_->setText(text);
}

// ----------------------------------------------------------------------------------------- results

QTableView* SuitePanel::tableView(const QString& name) const {
    const int at = tableNames_.indexOf(name);
    if (at < 0) return nullptr;
    QWidget* tab = tabs_->widget(1 + at);
    return tab ? tab->findChild<QTableView*>() : nullptr;
}

void SuitePanel::showSnapshot() {
    const SuiteQueue::Run* r = queue_->run(selectedRun());
    const SuiteSnapshotPtr snapshot = r ? r->snapshot : nullptr;
    const std::vector<ResultTable> none;
    const std::vector<ResultTable>& tables = snapshot ? snapshot->tables : none;

    QStringList names;
    for (const ResultTable& t : tables) names << QString::fromStdString(t.name);
    if (names != tableNames_) {
        // Other tables: new tabs, the one in view kept when it is still there.
        const QString current = tabs_->tabText(tabs_->currentIndex());
        while (tabs_->count() > 2) {
            QWidget* tab = tabs_->widget(1);
            tabs_->removeTab(1);
            tab->deleteLater();
        }
        for (int i = 0; i < names.size(); ++i) {
            auto* tab = new QWidget;
            auto* layout = new QVBoxLayout(tab);
            layout->setContentsMargins(2, 4, 2, 2);
            auto* caption = new QLabel(tab);
            caption->setObjectName(QStringLiteral("suiteTableCaption"));
            caption->setWordWrap(true);
            caption->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
            caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
            auto* view = new QTableView(tab);
            view->setObjectName(QStringLiteral("suiteTable_%1").arg(names[i]));
            auto* model = new ResultTableModel(view);
            view->setModel(model);
            view->verticalHeader()->hide();
            view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
            view->setEditTriggers(QAbstractItemView::NoEditTriggers);
            view->setSelectionBehavior(QAbstractItemView::SelectRows);
            view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
            view->horizontalHeader()->setStretchLastSection(true);
            layout->addWidget(caption);
            layout->addWidget(view, 1);
            tabs_->insertTab(1 + i, tab, names[i]);
        }
        tableNames_ = names;
        for (int i = 0; i < tabs_->count(); ++i)
            if (tabs_->tabText(i) == current) tabs_->setCurrentIndex(i);
    }
    for (int i = 0; i < names.size(); ++i) {
        QWidget* tab = tabs_->widget(1 + i);
        auto* view = tab->findChild<QTableView*>();
        static_cast<ResultTableModel*>(view->model())->setTable(tables[static_cast<std::size_t>(i)]);
        tab->findChild<QLabel*>(QStringLiteral("suiteTableCaption"))
            ->setText(QString::fromStdString(tables[static_cast<std::size_t>(i)].caption));
        tabs_->setTabToolTip(1 + i, QString::fromStdString(tables[static_cast<std::size_t>(i)].caption));
    }

    const QString currentFigure =
        figureList_->currentItem() ? figureList_->currentItem()->data(Qt::UserRole).toString() : QString();
    {
        const QSignalBlocker block(figureList_);
        figureList_->clear();
        if (snapshot)
            for (std::size_t i = 0; i < snapshot->figures.size(); ++i) {
                const Figure& f = snapshot->figures[i];
                auto* item =
                    new QListWidgetItem(QString::fromStdString(f.title.empty() ? f.name : f.title), figureList_);
                item->setData(Qt::UserRole, QString::fromStdString(f.name));
                item->setData(Qt::UserRole + 1, static_cast<int>(i));
                item->setToolTip(QString::fromStdString(f.name));
                if (item->data(Qt::UserRole).toString() == currentFigure) figureList_->setCurrentItem(item);
            }
        if (!figureList_->currentItem() && figureList_->count() > 0) figureList_->setCurrentRow(0);
    }
    showFigure();
}

void SuitePanel::showFigure() {
    const SuiteQueue::Run* r = queue_->run(selectedRun());
    const QListWidgetItem* item = figureList_->currentItem();
    const int index = item ? item->data(Qt::UserRole + 1).toInt() : -1;
    const bool shown = r && r->snapshot && index >= 0 && static_cast<std::size_t>(index) < r->snapshot->figures.size();
    figurePicture_->setVisible(shown);
    setNote(figureNote_, shown ? QString() : tr("The figures fill in as cells finish."), false);
    if (!shown) return;
    drawFigure(r->snapshot->figures[static_cast<std::size_t>(index)], *figurePlot_);
    static_cast<FigurePicture*>(figurePicture_)->refresh();
}

bool SuitePanel::exportAll(const QString& folder, QString* error) {
    const SuiteQueue::Run* r = queue_->run(selectedRun());
    QString problem;
    if (!r || !r->snapshot || r->snapshot->rows == 0) {
        problem = tr("Nothing to export yet: no cell of this run has finished.");
    } else if (!QDir().mkpath(folder)) {
        problem = tr("Cannot create %1.").arg(QDir::toNativeSeparators(folder));
    } else {
        try {
            for (const ResultTable& t : r->snapshot->tables) t.save(folder.toStdString());
            saveFigures(r->snapshot->figures, folder.toStdString(), kFigureWidth, kFigureHeight);
            const QString log = QDir(folder).filePath(QFileInfo(r->request.log).fileName());
            if (QFileInfo(log).absoluteFilePath() != QFileInfo(r->request.log).absoluteFilePath()) {
                QFile::remove(log);
                if (!QFile::copy(r->request.log, log)) throw Error("cannot copy the results log", log.toStdString());
            }
            setNote(exportStatus_,
                    tr("Wrote %n table(s) as CSV, Markdown and LaTeX, %1 figure(s) as PNG and SVG and the results "
                       "log (%2) to %3",
                       nullptr, static_cast<int>(r->snapshot->tables.size()))
                        .arg(r->snapshot->figures.size())
                        .arg(QFileInfo(log).fileName(), QDir::toNativeSeparators(folder)),
                    false);
            if (error) error->clear();
            return true;
        } catch (const Error& e) {
            problem = QString::fromStdString(e.what());
        }
    }
    setNote(exportStatus_, problem, true);
    if (error) *error = problem;
    return false;
}

void SuitePanel::chooseExportFolder() {
    QSettings settings;
    const QString start = settings.value(QStringLiteral("suitePanel/exportFolder")).toString();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Export the tables, figures and log to"), start);
    if (folder.isEmpty()) return;
    settings.setValue(QStringLiteral("suitePanel/exportFolder"), folder);
    exportAll(folder);
}

// ----------------------------------------------------------------------------------------- settings

namespace {

QHash<QString, QString> readMap(const QSettings& s, const QString& key) {
    QHash<QString, QString> out;
    for (const QString& item : s.value(key).toStringList()) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        if (eq > 0) out.insert(item.left(eq), item.mid(eq + 1));
    }
    return out;
}

QStringList writeMap(const QHash<QString, QString>& map) {
    QStringList out;
    for (auto it = map.begin(); it != map.end(); ++it)
        if (!it.value().isEmpty()) out << it.key() + QLatin1Char('=') + it.value();
    out.sort();
    return out;
}

}  // namespace

void SuitePanel::loadSettings(QSettings& s) {
    s.beginGroup(QStringLiteral("suitePanel"));
    folders_ = readMap(s, QStringLiteral("datasets"));
    weights_ = readMap(s, QStringLiteral("weights"));
    logs_ = readMap(s, QStringLiteral("logs"));
    const QStringList files = s.value(QStringLiteral("suiteFiles")).toStringList();
    const QString current = s.value(QStringLiteral("suite")).toString();
    const QByteArray split = s.value(QStringLiteral("splitter")).toByteArray();
    s.endGroup();
    for (const QString& file : files) {
        try {
            addSuiteItem(file, suite::readSuite(file.toStdString()));
            userSuites_ << QFileInfo(file).absoluteFilePath();
        } catch (const Error&) {
            // A suite file that moved or broke since: it leaves the list.
        }
    }
    const int index = suiteBox_->findData(current);
    if (index >= 0 && index != suiteBox_->currentIndex())
        suiteBox_->setCurrentIndex(index);
    else
        onSuiteChosen();
    if (!split.isEmpty()) splitter_->restoreState(split);
}

void SuitePanel::saveSettings(QSettings& s) const {
    s.beginGroup(QStringLiteral("suitePanel"));
    s.setValue(QStringLiteral("datasets"), writeMap(folders_));
    s.setValue(QStringLiteral("weights"), writeMap(weights_));
    s.setValue(QStringLiteral("logs"), writeMap(logs_));
    s.setValue(QStringLiteral("suiteFiles"), userSuites_);
    s.setValue(QStringLiteral("suite"), suiteFile());
    s.setValue(QStringLiteral("splitter"), splitter_->saveState());
    s.endGroup();
}

}  // namespace pb::ui
