// Suite figures (engine/io/Figure.h) drawn with QCustomPlot for the suite panel: its preview and the PNGs
// of "Export all…". Lines figures only (every figure the suites make today): one line with markers per
// series, a logarithmic x axis when the figure asks for one, the title, axis labels and a legend.
#pragma once
#include <QString>
#include <QStringList>
#include <vector>

#include "engine/io/Figure.h"

class QCustomPlot;

namespace pb::ui {

bool canPreview(const Figure& figure);
// Clears the plot and draws the figure; a figure it cannot draw leaves the plot empty.
void previewFigure(const Figure& figure, QCustomPlot& plot);
// <dir>/<name>.png of every figure it can draw; returns the files written. Throws pb::Error naming the
// file that could not be written.
QStringList savePreviews(const std::vector<Figure>& figures, const QString& dir, int width = 1000, int height = 650);

}  // namespace pb::ui
