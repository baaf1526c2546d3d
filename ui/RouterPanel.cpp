#include "ui/RouterPanel.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

#include "ui/figures/ProductColors.h"

namespace pb::ui {

namespace {

constexpr int kMarginBins = 20;
const QColor kWrongRoute(255, 205, 205);

QTableWidgetItem* textItem(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

// Sorts by the number, shows it with `decimals`; NaN shows as a dash and sorts first.
QTableWidgetItem* numberItem(double value, int decimals) {
    auto* item = new QTableWidgetItem;
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    item->setData(Qt::DisplayRole, std::isfinite(value) ? QVariant(std::round(value * std::pow(10.0, decimals)) /
                                                                   std::pow(10.0, decimals))
                                                        : QVariant(QStringLiteral("–")));
    item->setData(Qt::UserRole, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString percent(double v) {
    return std::isfinite(v) ? QStringLiteral("%1 %").arg(100.0 * v, 0, 'f', 1) : QStringLiteral("–");
}

QTableWidget* makeTable(QWidget* parent, const QString& name) {
    auto* t = new QTableWidget(parent);
    t->setObjectName(name);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);
    return t;
}

}  // namespace

RouterPanel::RouterPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("routerPanel"));
    summary_ = new QLabel(tr("Run a shared bank (Engine > Shared bank…) to see how its images are routed."), this);
    summary_->setObjectName(QStringLiteral("routerSummary"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    images_ = makeTable(this, QStringLiteral("routedImagesTable"));
    images_->setColumnCount(ImageColumnCount);
    images_->setHorizontalHeaderLabels({tr("Image"), tr("True product"), tr("Routed to"), tr("Margin"), tr("Score"),
                                        tr("Label")});
    images_->horizontalHeader()->setSectionResizeMode(ImageColumn, QHeaderView::Stretch);
    images_->setSortingEnabled(true);
    images_->setToolTip(tr("Wrongly routed images are red; click one to inspect it"));

    confusion_ = makeTable(this, QStringLiteral("confusionTable"));
    confusion_->setSelectionMode(QAbstractItemView::NoSelection);
    confusion_->setToolTip(tr("Rows: the true product; columns: the product the router chose"));
    confusion_->horizontalHeader()->setMinimumSectionSize(72);

    products_ = makeTable(this, QStringLiteral("routerProductsTable"));
    products_->setColumnCount(ProductColumnCount);
    products_->setHorizontalHeaderLabels({tr("Product"), tr("Bank vectors"), tr("Image AUROC"), tr("Pixel AUROC"),
                                          tr("Wrong-neighbour rate"), tr("Routing accuracy"), tr("Median margin")});
    products_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    margins_ = new QCustomPlot(this);
    margins_->setObjectName(QStringLiteral("marginPlot"));
    margins_->setMinimumHeight(140);
    correctBars_ = new QCPBars(margins_->xAxis, margins_->yAxis);
    correctBars_->setName(tr("Routed correctly"));
    correctBars_->setBrush(QColor(30, 110, 220, 150));
    correctBars_->setPen(QPen(QColor(30, 110, 220)));
    wrongBars_ = new QCPBars(margins_->xAxis, margins_->yAxis);
    wrongBars_->setName(tr("Routed wrongly"));
    wrongBars_->setBrush(QColor(220, 50, 40, 170));
    wrongBars_->setPen(QPen(QColor(220, 50, 40)));
    wrongBars_->moveAbove(correctBars_);
    for (QCPBars* b : {correctBars_, wrongBars_}) b->setWidthType(QCPBars::wtPlotCoords);
    margins_->xAxis->setLabel(tr("Routing margin (second-nearest minus nearest prototype distance)"));
    margins_->yAxis->setLabel(tr("Test images"));
    margins_->legend->setVisible(true);
    margins_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);

    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("routerTabs"));
    tabs_->addTab(images_, tr("Images"));
    tabs_->addTab(confusion_, tr("Confusion"));
    tabs_->addTab(margins_, tr("Margins"));
    tabs_->addTab(products_, tr("Products"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(summary_);
    layout->addWidget(tabs_, 1);

    connect(images_, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (!run_ || row < 0) return;
        const QTableWidgetItem* item = images_->item(row, ImageColumn);
        if (!item) return;
        const int p = item->data(ProductRole).toInt();
        const int i = item->data(IndexRole).toInt();
        if (p >= 0 && static_cast<std::size_t>(p) < run_->results.size()) emit imageActivated(run_->results[p], i);
    });
}

void RouterPanel::setRunning(const QString& message) { summary_->setText(message); }

void RouterPanel::setRun(const SharedRunPtr& run) {
    run_ = run;
    wrong_ = 0;
    if (!run) {
        images_->setRowCount(0);
        confusion_->clear();
        products_->setRowCount(0);
        summary_->setText(tr("No shared-bank run yet."));
        return;
    }
    fillImages();
    fillConfusion();
    fillProducts();
    fillMargins();
    const SharedBankEvaluation& e = run->evaluation;
    const auto& routing = e.routing;
    QString routed = routing ? tr("routing accuracy %1 (%2 of %3 test images)")
                                   .arg(percent(routing->accuracy()))
                                   .arg(routing->correct())
                                   .arg(routing->images())
                             : tr("no routing");
    const int dim = e.products.empty() ? 0 : e.products.front().featureDim;
    summary_->setText(
        tr("<b>%1 products</b> in one %2 bank (%3 allocator, %4 MB budget): %5 vectors, %6; %7.<br>"
           "Router: %8 bytes (%9 prototypes × %10 dimensions), %11. Average wrong-neighbour rate %12.")
            .arg(e.names.size())
            .arg(QString::fromStdString(run->shared.method).toHtmlEscaped())
            .arg(QString::fromStdString(e.allocator).toHtmlEscaped())
            .arg(e.budgetMB, 0, 'g', 4)
            .arg(QLocale().toString(static_cast<qulonglong>(e.bankVectors)))
            .arg(QLocale().formattedDataSize(static_cast<qint64>(e.bankBytes)))
            .arg(e.routed ? tr("each test image searched in its routed product's share only")
                          : tr("each test image searched in the whole shared bank"))
            .arg(QLocale().toString(static_cast<qulonglong>(e.routerBytes)))
            .arg(e.names.size())
            .arg(dim)
            .arg(routed)
            .arg(percent(e.averageWrongNeighbourRate)));
}

QString RouterPanel::summaryText() const { return summary_->text(); }

void RouterPanel::fillImages() {
    images_->setSortingEnabled(false);  // rows land where they are put, not where the sort puts them
    images_->clearContents();
    int rows = 0;
    for (const auto& r : run_->results) rows += static_cast<int>(r->images.size());
    images_->setRowCount(rows);
    int row = 0;
    for (std::size_t p = 0; p < run_->results.size(); ++p) {
        const ScoreResult& r = *run_->results[p];
        for (std::size_t i = 0; i < r.images.size(); ++i, ++row) {
            const ScoredImage& img = r.images[i];
            const QString path = QString::fromStdString(img.sample.path);
            auto* name = textItem(QFileInfo(path).fileName());
            name->setToolTip(path);
            name->setData(ProductRole, static_cast<int>(p));
            name->setData(IndexRole, static_cast<int>(i));
            const QString label = img.sample.label == 1   ? tr("anomalous (%1)").arg(QString::fromStdString(img.sample.defect))
                                  : img.sample.label == 0 ? tr("normal")
                                                          : tr("unknown");
            const bool wrong = img.routedProduct != r.product;
            wrong_ += wrong ? 1 : 0;
            QTableWidgetItem* cells[] = {name,
                                         textItem(QString::fromStdString(r.product)),
                                         textItem(QString::fromStdString(img.routedProduct)),
                                         numberItem(img.routeMargin, 4),
                                         numberItem(img.score, 4),
                                         textItem(label)};
            for (int c = 0; c < ImageColumnCount; ++c) {
                if (wrong) {
                    cells[c]->setBackground(kWrongRoute);
                    cells[c]->setToolTip(tr("Routed to %1 instead of %2")
                                             .arg(QString::fromStdString(img.routedProduct),
                                                  QString::fromStdString(r.product)));
                }
                images_->setItem(row, c, cells[c]);
            }
            images_->item(row, TrueColumn)->setForeground(productColor(static_cast<int>(p)).darker(120));
        }
    }
    images_->setSortingEnabled(true);
    images_->resizeColumnsToContents();
    images_->horizontalHeader()->setSectionResizeMode(ImageColumn, QHeaderView::Stretch);
}

void RouterPanel::fillConfusion() {
    confusion_->clear();
    const auto& e = run_->evaluation;
    if (!e.routing) return;
    const auto& names = e.routing->names();
    const auto& matrix = e.routing->confusion();
    const int n = static_cast<int>(names.size());
    confusion_->setRowCount(n);
    confusion_->setColumnCount(n);
    QStringList headers;
    for (const auto& name : names) headers << QString::fromStdString(name);
    confusion_->setHorizontalHeaderLabels(headers);
    confusion_->setVerticalHeaderLabels(headers);
    for (int t = 0; t < n; ++t) {
        std::size_t total = 0;
        for (std::size_t c : matrix[t]) total += c;
        for (int r = 0; r < n; ++r) {
            const std::size_t count = matrix[t][r];
            const double share = total > 0 ? static_cast<double>(count) / static_cast<double>(total) : 0.0;
            auto* item = textItem(QString::number(count));
            item->setTextAlignment(Qt::AlignCenter);
            // White to blue by the share of the row; off the diagonal in red, where a count means a mistake.
            const QColor full = t == r ? QColor(33, 102, 172) : QColor(198, 40, 40);
            const QColor bg = QColor::fromRgbF(1.0 - share * (1.0 - full.redF()), 1.0 - share * (1.0 - full.greenF()),
                                               1.0 - share * (1.0 - full.blueF()));
            item->setBackground(bg);
            item->setForeground(share > 0.5 ? Qt::white : Qt::black);
            item->setToolTip(tr("%1 of %2 test images of %3 routed to %4 (%5)")
                                 .arg(count)
                                 .arg(total)
                                 .arg(headers[t], headers[r])
                                 .arg(percent(share)));
            confusion_->setItem(t, r, item);
        }
    }
    confusion_->resizeColumnsToContents();
}

void RouterPanel::fillProducts() {
    const auto& e = run_->evaluation;
    const int n = static_cast<int>(e.products.size());
    products_->setRowCount(n + 1);
    for (int p = 0; p < n; ++p) {
        const ProductEvaluation& pe = e.products[p];
        const double median = e.routing ? e.routing->margins(p).median : std::numeric_limits<double>::quiet_NaN();
        auto* name = textItem(QString::fromStdString(pe.product));
        name->setForeground(productColor(p).darker(120));
        products_->setItem(p, ProductColumn, name);
        products_->setItem(p, VectorsColumn, numberItem(static_cast<double>(pe.bankPatches), 0));
        products_->setItem(p, ImageAurocColumn, numberItem(pe.metrics.imageAuroc, 4));
        products_->setItem(p, PixelAurocColumn, numberItem(pe.metrics.pixelAuroc, 4));
        products_->setItem(p, WnrColumn, textItem(percent(pe.wrongNeighbourRate)));
        products_->item(p, WnrColumn)->setData(Qt::UserRole, pe.wrongNeighbourRate);
        products_->setItem(p, RoutingColumn, textItem(percent(pe.routingAccuracy)));
        products_->item(p, RoutingColumn)->setData(Qt::UserRole, pe.routingAccuracy);
        products_->setItem(p, MedianMarginColumn, numberItem(median, 4));
    }
    QFont bold = products_->font();
    bold.setBold(true);
    auto* all = textItem(tr("Average"));
    all->setFont(bold);
    products_->setItem(n, ProductColumn, all);
    products_->setItem(n, VectorsColumn, numberItem(static_cast<double>(e.bankVectors), 0));
    products_->setItem(n, ImageAurocColumn, textItem(QString()));
    products_->setItem(n, PixelAurocColumn, textItem(QString()));
    products_->setItem(n, WnrColumn, textItem(percent(e.averageWrongNeighbourRate)));
    products_->item(n, WnrColumn)->setData(Qt::UserRole, e.averageWrongNeighbourRate);
    products_->item(n, WnrColumn)->setFont(bold);
    const double accuracy = e.routing ? e.routing->accuracy() : std::numeric_limits<double>::quiet_NaN();
    products_->setItem(n, RoutingColumn, textItem(percent(accuracy)));
    products_->item(n, RoutingColumn)->setData(Qt::UserRole, accuracy);
    products_->setItem(n, MedianMarginColumn,
                       numberItem(e.routing ? e.routing->margins().median : std::numeric_limits<double>::quiet_NaN(), 4));
}

void RouterPanel::fillMargins() {
    std::vector<double> correct, wrong;
    for (const auto& r : run_->results)
        for (const auto& img : r->images) {
            if (!std::isfinite(img.routeMargin)) continue;
            (img.routedProduct == r->product ? correct : wrong).push_back(img.routeMargin);
        }
    double hi = 0.0;
    for (double m : correct) hi = std::max(hi, m);
    for (double m : wrong) hi = std::max(hi, m);
    if (!(hi > 0)) hi = 1.0;
    const double width = hi / kMarginBins;
    QVector<double> centres(kMarginBins);
    correctCounts_ = QVector<double>(kMarginBins, 0.0);
    wrongCounts_ = QVector<double>(kMarginBins, 0.0);
    for (int b = 0; b < kMarginBins; ++b) centres[b] = (b + 0.5) * width;
    auto bin = [&](double m) { return std::clamp(static_cast<int>(m / width), 0, kMarginBins - 1); };
    for (double m : correct) correctCounts_[bin(m)] += 1.0;
    for (double m : wrong) wrongCounts_[bin(m)] += 1.0;
    correctBars_->setWidth(width * 0.9);
    wrongBars_->setWidth(width * 0.9);
    correctBars_->setData(centres, correctCounts_, true);
    wrongBars_->setData(centres, wrongCounts_, true);
    double top = 1.0;
    for (int b = 0; b < kMarginBins; ++b) top = std::max(top, correctCounts_[b] + wrongCounts_[b]);
    margins_->xAxis->setRange(0.0, hi);
    margins_->yAxis->setRange(0.0, top * 1.1);
    margins_->replot();
}

}  // namespace pb::ui
