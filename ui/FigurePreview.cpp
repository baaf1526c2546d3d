#include "ui/FigurePreview.h"

#include <qcustomplot.h>
#include <QDir>
#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/util/Error.h"
#include "ui/ProductColors.h"

namespace pb::ui {

namespace {

// The title sits in a row of its own above the axis rect, kept between redraws.
QCPTextElement* titleOf(QCustomPlot& plot) {
    if (plot.plotLayout()->rowCount() > 1)
        if (auto* title = qobject_cast<QCPTextElement*>(plot.plotLayout()->element(0, 0))) return title;
    plot.plotLayout()->insertRow(0);
    auto* title =
        new QCPTextElement(&plot, QString(), QFont(plot.font().family(), plot.font().pointSize() + 1, QFont::Bold));
    plot.plotLayout()->addElement(0, 0, title);
    return title;
}

}  // namespace

bool canPreview(const Figure& figure) { return figure.kind == FigureKind::Lines; }

void previewFigure(const Figure& figure, QCustomPlot& plot) {
    plot.clearGraphs();
    plot.clearItems();
    QCPTextElement* title = titleOf(plot);
    title->setText(QString::fromStdString(figure.title));
    plot.xAxis->setLabel(QString::fromStdString(figure.xLabel));
    plot.yAxis->setLabel(QString::fromStdString(figure.yLabel));
    if (figure.logX) {
        plot.xAxis->setScaleType(QCPAxis::stLogarithmic);
        QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
        plot.xAxis->setTicker(ticker);
        plot.xAxis->setNumberFormat(QStringLiteral("gb"));
    } else {
        plot.xAxis->setScaleType(QCPAxis::stLinear);
        plot.xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        plot.xAxis->setNumberFormat(QStringLiteral("g"));
    }
    plot.legend->setVisible(canPreview(figure) && !figure.series.empty());
    // Bottom right: the curves (AUROC, recovery) mostly run high.
    plot.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    if (!canPreview(figure)) {
        plot.replot();
        return;
    }
    double xLow = std::numeric_limits<double>::infinity(), xHigh = -xLow, yLow = xLow, yHigh = -xLow;
    for (std::size_t s = 0; s < figure.series.size(); ++s) {
        const FigureSeries& series = figure.series[s];
        QVector<double> x, y;
        for (std::size_t i = 0; i < series.x.size() && i < series.y.size(); ++i) {
            // NaN is "no value"; a log axis cannot place zero or less.
            if (!std::isfinite(series.x[i]) || !std::isfinite(series.y[i]) || (figure.logX && series.x[i] <= 0))
                continue;
            x << series.x[i];
            y << series.y[i];
            xLow = std::min(xLow, series.x[i]);
            xHigh = std::max(xHigh, series.x[i]);
            yLow = std::min(yLow, series.y[i]);
            yHigh = std::max(yHigh, series.y[i]);
        }
        QCPGraph* graph = plot.addGraph();
        graph->setName(QString::fromStdString(series.name));
        const QColor color = productColor(static_cast<int>(s));
        graph->setPen(QPen(color, 2));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, Qt::white, 7));
        graph->setData(x, y, true);
    }
    if (!std::isfinite(xLow)) {
        xLow = figure.logX ? 0.1 : 0.0;
        xHigh = 1.0;
        yLow = 0.0;
        yHigh = 1.0;
    }
    // A margin around the points, so that markers at the edges stay whole.
    if (figure.logX) {
        plot.xAxis->setRange(xLow / 1.5, xHigh * 1.5);
    } else {
        const double pad = xHigh > xLow ? 0.05 * (xHigh - xLow) : 0.5;
        plot.xAxis->setRange(xLow - pad, xHigh + pad);
    }
    const double yPad = yHigh > yLow ? 0.08 * (yHigh - yLow) : 0.05;
    plot.yAxis->setRange(yLow - yPad, yHigh + yPad);
    plot.replot();
}

QStringList savePreviews(const std::vector<Figure>& figures, const QString& dir, int width, int height) {
    QStringList written;
    QCustomPlot plot;
    plot.resize(width, height);
    plot.legend->setFont(QFont(plot.font().family(), std::max(6, plot.font().pointSize() - 1)));
    for (const Figure& figure : figures) {
        if (!canPreview(figure)) continue;
        previewFigure(figure, plot);
        const QString file = QDir(dir).filePath(QString::fromStdString(figure.name) + QStringLiteral(".png"));
        if (!plot.savePng(file, width, height)) throw Error("cannot write the figure", file.toStdString());
        written << file;
    }
    return written;
}

}  // namespace pb::ui
