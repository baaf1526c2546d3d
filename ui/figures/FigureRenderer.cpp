#include "ui/figures/FigureRenderer.h"

#include <qcustomplot.h>
#include <QApplication>
#include <QBuffer>
#include <QFontInfo>
#include <QFontMetrics>
#include <QImage>
#include <QPixmap>
#include <QSvgGenerator>
#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/io/AtomicFile.h"
#include "engine/util/Error.h"
#include "ui/figures/ProductColors.h"

namespace pb::ui {

namespace {

namespace fs = std::filesystem;

// Pixel sizes, not points: the PNG and the SVG (whose resolution differs) then show text the same size.
constexpr int kTickPx = 13;
constexpr int kLabelPx = 15;
constexpr int kTitlePx = 18;
constexpr int kLegendPx = 13;
constexpr int kCellPx = 12;
constexpr int kMaxPrintedCells = 12;  // a matrix prints its values up to this many rows and columns
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QFont figureFont(int pixels, bool bold = false) {
    // The family the application's font resolves to ("DejaVu Sans" rather than "Sans Serif"): the name an
    // SVG file must give for its viewer to find the font.
    QFont font(QFontInfo(QApplication::font()).family());
    font.setPixelSize(pixels);
    font.setBold(bold);
    return font;
}

QString qs(const std::string& s) { return QString::fromStdString(s); }

double at(const std::vector<double>& v, std::size_t i) { return i < v.size() ? v[i] : kNaN; }

// Series i: its colour, and a marker shape that differs too (grey print); dashed once the colours repeat.
QColor seriesColor(int i) { return productColor(i); }

QCPScatterStyle::ScatterShape seriesShape(int i) {
    static const QCPScatterStyle::ScatterShape shapes[] = {
        QCPScatterStyle::ssCircle,           QCPScatterStyle::ssSquare,
        QCPScatterStyle::ssTriangle,         QCPScatterStyle::ssDiamond,
        QCPScatterStyle::ssTriangleInverted, QCPScatterStyle::ssCrossSquare,
        QCPScatterStyle::ssPlusCircle,       QCPScatterStyle::ssStar};
    return shapes[i % 8];
}

QPen seriesPen(int i) {
    QPen pen(seriesColor(i), 2.5);
    if (i >= 10) pen.setStyle(Qt::DashLine);
    return pen;
}

struct Span {
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    void add(double v) {
        if (!std::isfinite(v)) return;
        low = std::min(low, v);
        high = std::max(high, v);
    }
    bool empty() const { return !(low <= high); }
};

// A linear range around the data with a margin; a single value gets room on both sides.
QCPRange padded(const Span& s, double fraction) {
    if (s.empty()) return QCPRange(0, 1);
    const double span = s.high - s.low;
    if (span <= 0) {
        const double half = s.low == 0 ? 0.5 : std::abs(s.low) * 0.1;
        return QCPRange(s.low - half, s.high + half);
    }
    return QCPRange(s.low - span * fraction, s.high + span * fraction);
}

void setUpAxis(QCPAxis* axis, const QString& label) {
    axis->setVisible(true);
    axis->setScaleType(QCPAxis::stLinear);
    axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    axis->setRangeReversed(false);
    axis->setTickLabelRotation(0);
    axis->setNumberFormat(QStringLiteral("gb"));
    axis->setNumberPrecision(6);
    axis->setTickLength(0, 5);
    axis->setSubTickLength(0, 3);
    axis->setLabel(label);
    axis->setLabelFont(figureFont(kLabelPx));
    axis->setTickLabelFont(figureFont(kTickPx));
    axis->setBasePen(QPen(QColor(60, 60, 60), 1));
    axis->setTickPen(QPen(QColor(60, 60, 60), 1));
    axis->setSubTickPen(QPen(QColor(60, 60, 60), 1));
    axis->grid()->setVisible(true);
    axis->grid()->setSubGridVisible(false);
    axis->grid()->setPen(QPen(QColor(220, 220, 220), 1, Qt::DotLine));
    axis->grid()->setZeroLinePen(Qt::NoPen);
}

// Category, row or column labels as the tick labels at 0, 1, ...
QSharedPointer<QCPAxisTickerText> textTicker(const std::vector<std::string>& labels) {
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (std::size_t i = 0; i < labels.size(); ++i) ticker->addTick(static_cast<double>(i), qs(labels[i]));
    return ticker;
}

// Tilts the labels of a horizontal axis when the widest does not fit its slot.
void tiltWhenCrowded(QCPAxis* axis, const std::vector<std::string>& labels, double slotPixels) {
    const QFontMetrics metrics(axis->tickLabelFont());
    int widest = 0;
    for (const auto& label : labels) widest = std::max(widest, metrics.horizontalAdvance(qs(label)));
    if (widest > 0.9 * slotPixels) axis->setTickLabelRotation(slotPixels < metrics.height() * 1.6 ? -90 : -40);
}

// Under three decades the powers of ten alone leave too few ticks: 1, 2 and 5 of each decade then (or every
// digit when even those are too few).
void setLogAxis(QCPAxis* axis, double low, double high) {
    axis->setScaleType(QCPAxis::stLogarithmic);
    axis->setRange(low, high);
    if (high / low >= 1000) {
        QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
        ticker->setSubTickCount(8);
        axis->setTicker(ticker);
        return;
    }
    for (const std::vector<int>& mantissas : {std::vector<int>{1, 2, 5}, std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
        QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
        for (int e = static_cast<int>(std::floor(std::log10(low))); e <= static_cast<int>(std::ceil(std::log10(high)));
             ++e)
            for (int m : mantissas) {
                const double v = m * std::pow(10.0, e);
                if (v >= low && v <= high) ticker->addTick(v, QString::number(v, 'g', 3));
            }
        axis->setTicker(ticker);
        if (ticker->ticks().size() >= 3) return;
    }
}

// Horizontal pixels the axis rect will get: the plot's width less the axis label, legend and margins.
double plotAreaPixels(const QCustomPlot& plot, bool legend) {
    const int width = plot.width() > 200 ? plot.width() : 1000;
    return std::max(100.0, width - 90.0 - (legend ? 170.0 : 0.0));
}

// Back to an empty plot: one axis rect and the legend, nothing else, whatever an earlier figure left.
QCPAxisRect* reset(QCustomPlot& plot) {
    plot.clearPlottables();
    plot.clearItems();
    // The rect of the plot's own axes (a colour scale has an axis rect of its own).
    QCPAxisRect* rect = nullptr;
    for (QCPAxisRect* r : plot.axisRects())
        if (r->axes().contains(plot.xAxis)) rect = r;
    if (!rect || !plot.legend) throw Error("the plot has lost its axis rect or its legend");
    for (QCPLayoutElement* element :
         {static_cast<QCPLayoutElement*>(rect), static_cast<QCPLayoutElement*>(plot.legend)})
        if (element && element->layout()) element->layout()->take(element);
    for (auto* group : plot.findChildren<QCPMarginGroup*>()) delete group;
    for (auto* group : plot.findChildren<QCPBarsGroup*>()) delete group;
    plot.plotLayout()->clear();
    plot.plotLayout()->simplify();
    plot.setBackground(Qt::white);
    for (QCPAxis* axis : rect->axes()) axis->setVisible(false);
    setUpAxis(plot.xAxis, {});
    setUpAxis(plot.yAxis, {});
    return rect;
}

// `text` broken at spaces into lines no wider than `width` pixels (a word longer than that keeps its line).
QString wrapped(const QString& text, const QFont& font, int width) {
    const QFontMetrics metrics(font);
    QStringList lines;
    QString line;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString longer = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (!line.isEmpty() && metrics.horizontalAdvance(longer) > width) {
            lines << line;
            line = word;
        } else {
            line = longer;
        }
    }
    if (!line.isEmpty()) lines << line;
    return lines.join(QLatin1Char('\n'));
}

// The plot's layout: the title above, below it a grid with the axis rect, to whose right the legend or
// the colour scale goes.
QCPLayoutGrid* layOut(QCustomPlot& plot, const Figure& figure, QCPAxisRect* rect) {
    int row = 0;
    if (!figure.title.empty()) {
        const QFont font = figureFont(kTitlePx, true);
        const int width = plot.width() > 200 ? plot.width() : 1000;
        auto* title = new QCPTextElement(&plot, wrapped(qs(figure.title), font, width - 40), font);
        title->setMargins(QMargins(8, 10, 8, 4));
        plot.plotLayout()->addElement(row++, 0, title);
        plot.plotLayout()->setRowStretchFactor(0, 0.001);
    }
    auto* body = new QCPLayoutGrid;
    plot.plotLayout()->addElement(row, 0, body);
    body->addElement(0, 0, rect);
    return body;
}

// The legend on the right of the data, at the top, in as many columns as its rows need.
void placeLegend(QCustomPlot& plot, QCPLayoutGrid* body, QCPAxisRect* rect, bool show) {
    QCPLegend* legend = plot.legend;
    legend->setVisible(show);
    if (!show) {
        rect->insetLayout()->addElement(legend, Qt::AlignRight | Qt::AlignTop);
        return;
    }
    auto* side = new QCPLayoutGrid;
    body->addElement(0, 1, side);
    body->setColumnStretchFactor(1, 0.001);
    side->addElement(0, 0, legend);
    side->addElement(1, 0, new QCPLayoutElement(&plot));
    side->setRowStretchFactor(0, 0.001);
    side->setMargins(QMargins(0, 14, 10, 0));
    const int height = plot.height() > 200 ? plot.height() : 650;
    legend->setFillOrder(QCPLayoutGrid::foRowsFirst);
    legend->setWrap(std::max(4, (height - 140) / 24));
}

void styleLegend(QCPLegend* legend) {
    legend->setFont(figureFont(kLegendPx));
    legend->setBorderPen(QPen(QColor(200, 200, 200)));
    legend->setBrush(QColor(255, 255, 255));
    legend->setIconSize(30, 16);
    legend->setRowSpacing(2);
    legend->setColumnSpacing(10);
    legend->setFillOrder(QCPLayoutGrid::foRowsFirst);
    legend->setWrap(0);
}

bool anyName(const Figure& figure) {
    return std::any_of(figure.series.begin(), figure.series.end(),
                       [](const FigureSeries& s) { return !s.name.empty(); });
}

bool hasBounds(const FigureSeries& s) {
    return !s.y.empty() && s.low.size() == s.y.size() && s.high.size() == s.y.size();
}

// Error bars on `data` from the series' low and high (0 where either is unknown).
void addErrorBars(QCustomPlot& plot, QCPAbstractPlottable* data, const QVector<double>& y, const QVector<double>& low,
                  const QVector<double>& high, const QColor& color) {
    QVector<double> minus(y.size()), plus(y.size());
    for (int k = 0; k < y.size(); ++k) {
        const bool known = std::isfinite(y[k]) && std::isfinite(low[k]) && std::isfinite(high[k]);
        minus[k] = known ? std::max(0.0, y[k] - low[k]) : 0.0;
        plus[k] = known ? std::max(0.0, high[k] - y[k]) : 0.0;
    }
    auto* bars = new QCPErrorBars(plot.xAxis, plot.yAxis);
    bars->removeFromLegend();
    bars->setDataPlottable(data);
    bars->setData(minus, plus);
    bars->setPen(QPen(color, 1.5));
    bars->setWhiskerWidth(8);
}

void drawLines(const Figure& figure, QCustomPlot& plot) {
    Span xs, ys;
    for (std::size_t i = 0; i < figure.series.size(); ++i) {
        const FigureSeries& s = figure.series[i];
        const int index = static_cast<int>(i);
        QVector<double> x, y, low, high;
        for (std::size_t k = 0; k < s.x.size() && k < s.y.size(); ++k) {
            if (!std::isfinite(s.x[k]) || (figure.logX && s.x[k] <= 0)) continue;
            x << s.x[k];
            y << s.y[k];
            low << at(s.low, k);
            high << at(s.high, k);
            xs.add(x.back());
            for (double v : {y.back(), low.back(), high.back()}) ys.add(v);
        }
        const QColor color = seriesColor(index);
        // The band first: a plottable added later is drawn on top of it.
        if (hasBounds(s) && x.size() >= 2) {
            QCPGraph* lower = plot.addGraph();
            lower->removeFromLegend();
            lower->setPen(Qt::NoPen);
            lower->setData(x, low);
            QCPGraph* upper = plot.addGraph();
            upper->removeFromLegend();
            upper->setPen(Qt::NoPen);
            QColor fill = color;
            fill.setAlpha(45);
            upper->setBrush(fill);
            upper->setChannelFillGraph(lower);
            upper->setData(x, high);
        }
        QCPGraph* graph = plot.addGraph();
        graph->setName(qs(s.name));
        graph->setPen(seriesPen(index));
        // Hollow markers: series that meet at a point all stay visible there.
        graph->setScatterStyle(QCPScatterStyle(seriesShape(index), QPen(color, 2), Qt::NoBrush, 9));
        graph->setData(x, y);
        if (s.name.empty()) graph->removeFromLegend();
        if (hasBounds(s) && x.size() == 1) addErrorBars(plot, graph, y, low, high, color);
    }
    if (figure.logX && !xs.empty())
        setLogAxis(plot.xAxis, xs.low / 1.4, xs.high * 1.4);
    else
        plot.xAxis->setRange(padded(xs, 0.04));
    plot.yAxis->setRange(padded(ys, 0.06));
}

void drawBars(const Figure& figure, QCustomPlot& plot, bool legend) {
    const std::size_t categories = figure.categories.size();
    const int n = std::max<int>(1, static_cast<int>(figure.series.size()));
    QCPBarsGroup* group = n > 1 ? new QCPBarsGroup(&plot) : nullptr;
    if (group) group->setSpacing(1);
    Span ys;
    ys.add(0);  // bars stand on zero
    for (std::size_t i = 0; i < figure.series.size(); ++i) {
        const FigureSeries& s = figure.series[i];
        const QColor color = seriesColor(static_cast<int>(i));
        QVector<double> keys, y, low, high;
        for (std::size_t c = 0; c < categories && c < s.y.size(); ++c) {
            if (!std::isfinite(s.y[c])) continue;
            keys << static_cast<double>(c);
            y << s.y[c];
            low << at(s.low, c);
            high << at(s.high, c);
            for (double v : {y.back(), low.back(), high.back()}) ys.add(v);
        }
        auto* bars = new QCPBars(plot.xAxis, plot.yAxis);
        bars->setName(qs(s.name));
        if (s.name.empty()) bars->removeFromLegend();
        bars->setWidthType(QCPBars::wtPlotCoords);
        bars->setWidth(0.8 / n);
        bars->setBrush(color);
        bars->setPen(QPen(color.darker(125), 1));
        if (group) bars->setBarsGroup(group);
        bars->setData(keys, y, true);
        if (hasBounds(s)) addErrorBars(plot, bars, y, low, high, QColor(40, 40, 40));
    }
    plot.xAxis->setTicker(textTicker(figure.categories));
    plot.xAxis->setTickLength(0, 4);
    plot.xAxis->grid()->setVisible(false);
    plot.xAxis->setRange(-0.6, static_cast<double>(std::max<std::size_t>(categories, 1)) - 0.4);
    tiltWhenCrowded(plot.xAxis, figure.categories,
                    plotAreaPixels(plot, legend) / static_cast<double>(std::max<std::size_t>(categories, 1)));
    QCPRange range = padded(ys, 0.08);
    if (ys.low >= 0) range.lower = 0;
    if (ys.high <= 0) range.upper = 0;
    plot.yAxis->setRange(range);
}

void drawHistogram(const Figure& figure, QCustomPlot& plot) {
    Span xs, ys;
    ys.add(0);
    for (std::size_t i = 0; i < figure.series.size(); ++i) {
        const FigureSeries& s = figure.series[i];
        std::vector<std::pair<double, double>> bins;
        for (std::size_t k = 0; k < s.x.size() && k < s.y.size(); ++k)
            if (std::isfinite(s.x[k]) && (!figure.logX || s.x[k] > 0)) bins.emplace_back(s.x[k], s.y[k]);
        std::sort(bins.begin(), bins.end());
        double width = std::numeric_limits<double>::infinity();
        for (std::size_t k = 1; k < bins.size(); ++k)
            if (bins[k].first > bins[k - 1].first) width = std::min(width, bins[k].first - bins[k - 1].first);
        if (!std::isfinite(width)) width = bins.empty() || bins[0].first == 0 ? 1.0 : std::abs(bins[0].first) * 0.1;
        // An empty bin on either side closes the outline down to zero at the outer edges.
        QVector<double> x, y;
        if (!bins.empty()) {
            x << bins.front().first - width;
            y << 0;
        }
        for (const auto& [centre, count] : bins) {
            x << centre;
            y << count;
            ys.add(count);
        }
        if (!bins.empty()) {
            x << bins.back().first + width;
            y << 0;
            xs.add(bins.front().first - width / 2);
            xs.add(bins.back().first + width / 2);
        }
        const QColor color = seriesColor(static_cast<int>(i));
        QCPGraph* graph = plot.addGraph();
        graph->setName(qs(s.name));
        if (s.name.empty()) graph->removeFromLegend();
        graph->setLineStyle(QCPGraph::lsStepCenter);
        graph->setPen(seriesPen(static_cast<int>(i)));
        QColor fill = color;
        fill.setAlpha(40);
        graph->setBrush(fill);
        graph->setData(x, y, true);
    }
    if (figure.logX && !xs.empty() && xs.low > 0)
        setLogAxis(plot.xAxis, xs.low / 1.2, xs.high * 1.2);
    else
        plot.xAxis->setRange(padded(xs, 0.03));
    plot.yAxis->setRange(0, ys.high > 0 ? ys.high * 1.1 : 1.0);
}

// Viridis (perceptually even, readable in grey and with colour blindness), sampled at five stops.
QCPColorGradient viridis() {
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0.0, QColor(0x44, 0x01, 0x54));
    g.setColorStopAt(0.25, QColor(0x3b, 0x52, 0x8b));
    g.setColorStopAt(0.5, QColor(0x21, 0x91, 0x8c));
    g.setColorStopAt(0.75, QColor(0x5e, 0xc9, 0x62));
    g.setColorStopAt(1.0, QColor(0xfd, 0xe7, 0x25));
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    g.setLevelCount(256);
    g.setNanHandling(QCPColorGradient::nhTransparent);
    return g;
}

QString cellText(double v, double largest) {
    if (largest >= 1000) return QString::number(v, 'g', 4);
    const int decimals = largest >= 100 ? 0 : largest >= 10 ? 1 : largest >= 1 ? 2 : 3;
    return QString::number(v, 'f', decimals);
}

void drawMatrix(const Figure& figure, QCustomPlot& plot, QCPLayoutGrid* body, QCPAxisRect* rect) {
    const int rows = static_cast<int>(figure.matrix.size());
    int columns = 0;
    for (const auto& row : figure.matrix) columns = std::max(columns, static_cast<int>(row.size()));
    plot.xAxis->grid()->setVisible(false);
    plot.yAxis->grid()->setVisible(false);
    for (QCPAxis* axis : {plot.xAxis, plot.yAxis}) {
        axis->setTickLength(0, 4);
        axis->setSubTickLength(0, 0);
    }
    plot.xAxis->setTicker(textTicker(figure.columnLabels));
    plot.yAxis->setTicker(textTicker(figure.rowLabels));
    plot.xAxis->setRange(-0.5, std::max(columns, 1) - 0.5);
    plot.yAxis->setRange(-0.5, std::max(rows, 1) - 0.5);
    plot.yAxis->setRangeReversed(true);  // the first row at the top, as in the table
    if (rows == 0 || columns == 0) return;
    tiltWhenCrowded(plot.xAxis, figure.columnLabels, plotAreaPixels(plot, true) / columns);

    Span values;
    for (const auto& row : figure.matrix)
        for (double v : row) values.add(v);
    QCPRange range = values.empty() ? QCPRange(0, 1) : QCPRange(values.low, values.high);
    if (!(range.upper > range.lower)) range = padded(values, 0);

    // A colour map has cells centred on its key and value range; one row or column is stored twice, half a
    // cell wide each, since a single cell would be drawn with no width.
    const int keyCells = std::max(columns, 2), valueCells = std::max(rows, 2);
    auto* map = new QCPColorMap(plot.xAxis, plot.yAxis);
    map->removeFromLegend();
    map->data()->setSize(keyCells, valueCells);
    map->data()->setRange(columns > 1 ? QCPRange(0, columns - 1) : QCPRange(-0.25, 0.25),
                          rows > 1 ? QCPRange(0, rows - 1) : QCPRange(-0.25, 0.25));
    for (int kc = 0; kc < keyCells; ++kc)
        for (int vc = 0; vc < valueCells; ++vc) {
            const auto& row = figure.matrix[static_cast<std::size_t>(rows > 1 ? vc : 0)];
            map->data()->setCell(kc, vc, at(row, static_cast<std::size_t>(columns > 1 ? kc : 0)));
        }
    map->setInterpolate(false);
    map->setTightBoundary(false);

    auto* scale = new QCPColorScale(&plot);
    body->addElement(0, 1, scale);
    body->setColumnStretchFactor(1, 0.001);
    scale->setType(QCPAxis::atRight);
    scale->setBarWidth(16);
    scale->setMargins(QMargins(6, 0, 10, 0));
    scale->axis()->setLabel(qs(figure.valueLabel));
    scale->axis()->setLabelFont(figureFont(kLabelPx));
    scale->axis()->setTickLabelFont(figureFont(kTickPx));
    map->setColorScale(scale);
    const QCPColorGradient gradient = viridis();
    scale->setGradient(gradient);
    scale->setDataRange(range);
    // The scale's bar as tall as the grid, not as the grid and its tick labels.
    auto* group = new QCPMarginGroup(&plot);
    rect->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    scale->setMarginGroup(QCP::msTop | QCP::msBottom, group);

    if (rows > kMaxPrintedCells || columns > kMaxPrintedCells) return;
    const double largest = std::max(std::abs(range.lower), std::abs(range.upper));
    QCPColorGradient shades = gradient;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c) {
            const double v = at(figure.matrix[static_cast<std::size_t>(r)], static_cast<std::size_t>(c));
            if (!std::isfinite(v)) continue;
            auto* label = new QCPItemText(&plot);
            label->setClipAxisRect(rect);
            label->setClipToAxisRect(true);
            label->position->setAxes(plot.xAxis, plot.yAxis);
            label->position->setType(QCPItemPosition::ptPlotCoords);
            label->position->setCoords(c, r);
            label->setPositionAlignment(Qt::AlignCenter);
            label->setFont(figureFont(kCellPx));
            label->setText(cellText(v, largest));
            // Dark text on the light end of the scale, white on the dark end.
            const QColor cell = QColor::fromRgba(shades.color(v, range));
            const double luminance = 0.2126 * cell.redF() + 0.7152 * cell.greenF() + 0.0722 * cell.blueF();
            label->setColor(luminance > 0.4 ? QColor(20, 20, 20) : Qt::white);
        }
}

// True when the figure has no known value at all (e.g. recovery where the contamination did no damage).
bool nothingToDraw(const Figure& figure) {
    const auto known = [](const std::vector<double>& v) {
        return std::any_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
    };
    if (figure.kind == FigureKind::Matrix) return std::none_of(figure.matrix.begin(), figure.matrix.end(), known);
    return std::none_of(figure.series.begin(), figure.series.end(), [&](const FigureSeries& s) { return known(s.y); });
}

}  // namespace

void drawFigure(const Figure& figure, QCustomPlot& plot) {
    QCPAxisRect* rect = reset(plot);
    styleLegend(plot.legend);
    QCPLayoutGrid* body = layOut(plot, figure, rect);
    plot.xAxis->setLabel(qs(figure.xLabel));
    plot.yAxis->setLabel(qs(figure.yLabel));
    const bool legend = figure.kind != FigureKind::Matrix && anyName(figure);
    placeLegend(plot, body, rect, legend);
    switch (figure.kind) {
        case FigureKind::Lines: drawLines(figure, plot); break;
        case FigureKind::Bars: drawBars(figure, plot, legend); break;
        case FigureKind::Histogram: drawHistogram(figure, plot); break;
        case FigureKind::Matrix: drawMatrix(figure, plot, body, rect); break;
    }
    if (nothingToDraw(figure)) {
        auto* note = new QCPItemText(&plot);
        note->position->setType(QCPItemPosition::ptAxisRectRatio);
        note->position->setAxisRect(rect);
        note->position->setCoords(0.5, 0.5);
        note->setFont(figureFont(kLabelPx));
        note->setColor(QColor(110, 110, 110));
        note->setText(QStringLiteral("no known values to draw"));
    }
}

void ensureFigureApplication() {
    if (QCoreApplication* app = QCoreApplication::instance()) {
        if (!qobject_cast<QApplication*>(app))
            throw Error("drawing a figure needs a QApplication; this program runs a QCoreApplication");
        return;
    }
    // No display is needed or used: "-platform" wins over QT_QPA_PLATFORM and leaves the environment alone.
    static int argc = 3;
    static char program[] = "patchbank", option[] = "-platform", platform[] = "offscreen";
    static char* argv[] = {program, option, platform, nullptr};
    new QApplication(argc, argv);  // kept until the process exits: Qt allows one per process
}

void saveFigure(const Figure& figure, const fs::path& dir, int width, int height) {
    const fs::path png = dir / (figure.name + ".png");
    const fs::path svg = dir / (figure.name + ".svg");
    if (figure.name.empty() || figure.name == "." || figure.name == ".." || figure.name.find('/') != std::string::npos)
        throw Error("a figure's name must be a file name, not '" + figure.name + "'", png.string());
    if (width < 50 || height < 50)
        throw Error("a figure of " + std::to_string(width) + " x " + std::to_string(height) + " pixels is too small",
                    png.string());
    ensureFigureApplication();
    QCustomPlot plot;
    plot.resize(width, height);
    drawFigure(figure, plot);

    QByteArray pngBytes;
    {
        QBuffer buffer(&pngBytes);
        buffer.open(QIODevice::WriteOnly);
        const QPixmap pixmap = plot.toPixmap(width, height);
        if (pixmap.isNull() || !pixmap.toImage().save(&buffer, "PNG"))
            throw Error("could not draw the figure as PNG", png.string());
    }
    writeFileAtomic(png, pngBytes.constData(), static_cast<std::size_t>(pngBytes.size()));

    QByteArray svgBytes;
    {
        QBuffer buffer(&svgBytes);
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(QSize(width, height));
        generator.setViewBox(QRect(0, 0, width, height));
        generator.setResolution(96);
        // QSvgGenerator writes these two as they are, unlike the text it draws.
        generator.setTitle(qs(figure.title).toHtmlEscaped());
        generator.setDescription(QStringLiteral("PatchBank figure %1").arg(qs(figure.name).toHtmlEscaped()));
        QCPPainter painter;
        if (!painter.begin(&generator)) throw Error("could not draw the figure as SVG", svg.string());
        painter.setMode(QCPPainter::pmVectorized);
        plot.toPainter(&painter, width, height);
        painter.end();
    }
    if (svgBytes.isEmpty()) throw Error("could not draw the figure as SVG", svg.string());
    writeFileAtomic(svg, svgBytes.constData(), static_cast<std::size_t>(svgBytes.size()));
}

void saveFigures(const std::vector<Figure>& figures, const fs::path& dir, int width, int height) {
    for (const auto& figure : figures) saveFigure(figure, dir, width, height);
}

}  // namespace pb::ui
