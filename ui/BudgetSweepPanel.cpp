#include "ui/BudgetSweepPanel.h"

#include <QCheckBox>
#include <QDir>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

#include "engine/util/Error.h"
#include "ui/figures/ProductColors.h"

namespace pb::ui {

namespace {
const char* kDefaultFractions = "1/64, 1/32, 1/16, 1/8, 1/4";
}  // namespace

BudgetSweepPanel::BudgetSweepPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("budgetSweepPanel"));
    auto* methodGrid = new QGridLayout;
    int column = 0;
    for (const std::string& method : BudgetSweep::knownMethods()) {
        const QString name = QString::fromStdString(method);
        auto* check = new QCheckBox(name, this);
        check->setObjectName(QStringLiteral("sweep_%1").arg(name));
        check->setChecked(name == QLatin1String("random") || name == QLatin1String("coreset") ||
                          name == QLatin1String("kmeans"));
        methods_.insert(name, check);
        methodGrid->addWidget(check, column / 3, column % 3);
        ++column;
    }
    methods_.value(QStringLiteral("ivfpq"))
        ->setToolTip(tr("IVF-PQ keeps every vector and varies its code size (sub-quantisers m)"));
    fractions_ = new QLineEdit(QString::fromLatin1(kDefaultFractions), this);
    fractions_->setObjectName(QStringLiteral("sweepFractionsEdit"));
    fractions_->setToolTip(tr("Budgets of the compressors as fractions of the training patches, e.g. 1/64, 0.05"));
    pixel_ = new QCheckBox(tr("Pixel AUROC too"), this);
    pixel_->setObjectName(QStringLiteral("sweepPixelCheck"));
    pixel_->setToolTip(tr("Also measure the pixel AUROC of every point (slower); it goes into the CSV"));
    run_ = new QPushButton(tr("Run sweep"), this);
    run_->setObjectName(QStringLiteral("sweepRunButton"));
    run_->setToolTip(tr("Build a bank per method and budget for the current product and score its test set"));
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setObjectName(QStringLiteral("sweepCancelButton"));
    cancel_->setEnabled(false);
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("sweepProgress"));
    progress_->setRange(0, 1);
    progress_->setValue(0);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("sweepStatus"));
    status_->setWordWrap(true);
    status_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    chart_ = new QCustomPlot(this);
    chart_->setObjectName(QStringLiteral("sweepChart"));
    chart_->setMinimumSize(300, 180);
    chart_->xAxis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
    chart_->xAxis->setTicker(ticker);
    chart_->xAxis->setNumberFormat(QStringLiteral("gb"));
    chart_->xAxis->setLabel(tr("Bank size (MB, log scale)"));
    chart_->yAxis->setLabel(tr("Image AUROC"));
    chart_->legend->setVisible(true);
    chart_->legend->setFont(QFont(font().family(), std::max(6, font().pointSize() - 1)));
    chart_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    chart_->setContextMenuPolicy(Qt::CustomContextMenu);
    chart_->setToolTip(tr("Right-click to export the sweep as CSV or the chart as PNG"));

    auto* controls = new QVBoxLayout;
    controls->addLayout(methodGrid);
    auto* budgets = new QHBoxLayout;
    budgets->addWidget(new QLabel(tr("Budgets"), this));
    budgets->addWidget(fractions_, 1);
    controls->addLayout(budgets);
    controls->addWidget(pixel_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(run_);
    buttons->addWidget(cancel_);
    controls->addLayout(buttons);
    controls->addWidget(progress_);
    controls->addWidget(status_);
    controls->addStretch(1);
    auto* side = new QWidget(this);
    side->setLayout(controls);
    side->setMaximumWidth(340);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(side);
    layout->addWidget(chart_, 1);

    connect(run_, &QPushButton::clicked, this, &BudgetSweepPanel::runRequested);
    connect(cancel_, &QPushButton::clicked, this, &BudgetSweepPanel::cancelRequested);
    connect(chart_, &QWidget::customContextMenuRequested, this, &BudgetSweepPanel::showMenu);
    setProduct(QString());
    plot();
}

bool BudgetSweepPanel::parseFractions(const QString& text, std::vector<double>* fractions, QString* error) {
    try {
        *fractions = BudgetSweep::parseFractions(text.toStdString());
        return true;
    } catch (const Error& e) {
        fractions->clear();
        *error = QString::fromStdString(e.what());
        return false;
    }
}

BudgetSweepOptions BudgetSweepPanel::options() const {
    BudgetSweepOptions o;
    o.methods.clear();
    for (const std::string& method : BudgetSweep::knownMethods())
        if (methods_.value(QString::fromStdString(method))->isChecked()) o.methods.push_back(method);
    QString error;
    std::vector<double> fractions;
    if (parseFractions(fractions_->text(), &fractions, &error)) o.fractions = fractions;
    o.pixelAuroc = pixel_->isChecked();
    return o;
}

QString BudgetSweepPanel::optionsError() const {
    bool any = false;
    for (QCheckBox* c : methods_) any = any || c->isChecked();
    if (!any) return tr("Check at least one method.");
    QString error;
    std::vector<double> fractions;
    if (!parseFractions(fractions_->text(), &fractions, &error)) return error;
    return QString();
}

void BudgetSweepPanel::setProduct(const QString& product) {
    product_ = product;
    run_->setEnabled(!product.isEmpty() && !cancel_->isEnabled());
    if (!result_) status_->setText(product.isEmpty() ? tr("Select a product.") : tr("Product: %1").arg(product));
}

void BudgetSweepPanel::setRunning(bool running) {
    cancel_->setEnabled(running);
    run_->setEnabled(!running && !product_.isEmpty());
    if (running) {
        progress_->setRange(0, 0);
        status_->setText(tr("Sweeping %1…").arg(product_));
    } else {
        progress_->setRange(0, 1);
    }
}

void BudgetSweepPanel::onProgress(const QString& stage, qint64 done, qint64 total) {
    if (total > 0) {
        progress_->setRange(0, static_cast<int>(std::min<qint64>(total, 1 << 30)));
        progress_->setValue(static_cast<int>(std::min(done, total)));
    }
    status_->setText(total > 0 ? tr("%1: %2 of %3").arg(stage).arg(done).arg(total) : stage);
}

void BudgetSweepPanel::setFailed(const QString& message) {
    setRunning(false);
    progress_->setValue(0);
    status_->setText(message);
}

void BudgetSweepPanel::setResult(const BudgetSweepResultPtr& result) {
    result_ = result;
    setRunning(false);
    progress_->setValue(progress_->maximum());
    if (result) {
        QString text = tr("%1: %n point(s) from %2 training patches × %3 dimensions (%4), %5 test images, in %6 s.",
                          nullptr, static_cast<int>(result->points.size()))
                           .arg(QString::fromStdString(result->product))
                           .arg(QLocale().toString(static_cast<qulonglong>(result->sourcePatches)))
                           .arg(result->featureDim)
                           .arg(QLocale().formattedDataSize(static_cast<qint64>(result->sourceBytes)))
                           .arg(result->testImages)
                           .arg(result->seconds, 0, 'f', 1);
        if (!result->problems.empty())
            text += QLatin1Char(' ') + tr("%n point(s) skipped: %1", nullptr, static_cast<int>(result->problems.size()))
                                           .arg(QString::fromStdString(result->problems.front()));
        status_->setText(text);
    }
    plot();
}

void BudgetSweepPanel::plot() {
    chart_->clearGraphs();
    plotted_.clear();
    if (!result_ || result_->points.empty()) {
        chart_->xAxis->setRange(0.01, 100);
        chart_->yAxis->setRange(0.5, 1.0);
        chart_->replot();
        return;
    }
    // One graph per method in the order the sweep ran them, flat (the reference) as a single diamond.
    QStringList order;
    for (const auto& p : result_->points) {
        const QString m = QString::fromStdString(p.method);
        if (!order.contains(m)) order << m;
    }
    double xLow = std::numeric_limits<double>::max(), xHigh = 0.0, yLow = 1.0;
    for (int g = 0; g < order.size(); ++g) {
        QVector<double> x, y;
        for (const auto& p : result_->points) {
            if (QString::fromStdString(p.method) != order[g] || !(p.megabytes > 0) || !std::isfinite(p.imageAuroc))
                continue;
            x << p.megabytes;
            y << p.imageAuroc;
            xLow = std::min(xLow, p.megabytes);
            xHigh = std::max(xHigh, p.megabytes);
            yLow = std::min(yLow, p.imageAuroc);
        }
        QCPGraph* graph = chart_->addGraph();
        graph->setName(order[g]);
        const bool flat = order[g] == QLatin1String("flat");
        const QColor color = flat ? QColor(40, 40, 40) : productColor(g);
        graph->setPen(QPen(color, 2));
        graph->setLineStyle(flat ? QCPGraph::lsNone : QCPGraph::lsLine);
        graph->setScatterStyle(QCPScatterStyle(flat ? QCPScatterStyle::ssDiamond : QCPScatterStyle::ssCircle, color,
                                               flat ? QColor(40, 40, 40) : Qt::white, flat ? 10 : 7));
        graph->setData(x, y);
        plotted_.insert(order[g], x.size());
    }
    if (xHigh <= 0.0) xLow = 0.01, xHigh = 1.0;
    chart_->xAxis->setRange(xLow / 1.5, xHigh * 1.5);
    chart_->yAxis->setRange(std::max(0.0, std::floor((yLow - 0.02) * 20.0) / 20.0), 1.005);
    chart_->replot();
}

int BudgetSweepPanel::plottedPoints(const QString& method) const { return plotted_.value(method, -1); }

void BudgetSweepPanel::showMenu(const QPoint& pos) {
    QMenu menu(this);
    QAction* csv = menu.addAction(tr("Export sweep as CSV…"));
    QAction* png = menu.addAction(tr("Export chart as PNG…"));
    csv->setEnabled(result_ != nullptr);
    png->setEnabled(result_ != nullptr);
    QAction* chosen = menu.exec(chart_->mapToGlobal(pos));
    if (chosen == csv) emit exportCsvRequested();
    if (chosen == png) emit exportPngRequested();
}

bool BudgetSweepPanel::exportCsv(const QString& path, QString* error) const {
    if (!result_) {
        *error = tr("Run a budget sweep first.");
        return false;
    }
    try {
        BudgetSweep::writeCsv(*result_, path.toStdString());
        return true;
    } catch (const std::exception& e) {
        *error = QString::fromStdString(e.what());
        return false;
    }
}

bool BudgetSweepPanel::exportPng(const QString& path, QString* error) {
    if (!result_) {
        *error = tr("Run a budget sweep first.");
        return false;
    }
    chart_->replot(QCustomPlot::rpImmediateRefresh);
    if (!chart_->savePng(path, std::max(chart_->width(), 900), std::max(chart_->height(), 560))) {
        *error = tr("Could not write %1").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

void BudgetSweepPanel::loadSettings(QSettings& s) {
    s.beginGroup(QStringLiteral("budgetSweep"));
    const QStringList methods = s.value(QStringLiteral("methods")).toStringList();
    if (!methods.isEmpty())
        for (auto it = methods_.begin(); it != methods_.end(); ++it) it.value()->setChecked(methods.contains(it.key()));
    fractions_->setText(s.value(QStringLiteral("fractions"), QString::fromLatin1(kDefaultFractions)).toString());
    pixel_->setChecked(s.value(QStringLiteral("pixelAuroc"), false).toBool());
    s.endGroup();
}

void BudgetSweepPanel::saveSettings(QSettings& s) const {
    s.beginGroup(QStringLiteral("budgetSweep"));
    QStringList methods;
    for (auto it = methods_.begin(); it != methods_.end(); ++it)
        if (it.value()->isChecked()) methods << it.key();
    methods.sort();
    s.setValue(QStringLiteral("methods"), methods);
    s.setValue(QStringLiteral("fractions"), fractions_->text());
    s.setValue(QStringLiteral("pixelAuroc"), pixel_->isChecked());
    s.endGroup();
}

}  // namespace pb::ui
