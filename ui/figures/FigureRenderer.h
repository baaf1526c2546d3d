// The one renderer of pb::Figure (engine/io/Figure.h): the GUI draws a figure into its own QCustomPlot,
// patchbank-cli saves the same picture as PNG and SVG offscreen, without a display.
#pragma once
#include <filesystem>
#include <vector>

#include "engine/io/Figure.h"

class QCustomPlot;

namespace pb::ui {

// Replaces whatever `plot` showed with `figure`: title, axes, legend (beside the data, never over it), and
// per kind: Lines (markers; a shaded low/high band, or error bars on a lone point), Bars (grouped, with
// low/high error bars), Histogram (step outlines), Matrix (a colour map with its scale; the values
// printed in the cells of grids up to 12 x 12). Calls no replot().
void drawFigure(const Figure& figure, QCustomPlot& plot);

// Writes <dir>/<figure.name>.png and .svg of width x height pixels, each atomically, creating `dir`.
// Works without a QApplication (see ensureFigureApplication); call it from the thread that runs Qt's GUI.
// Throws pb::Error naming the file that could not be written.
void saveFigure(const Figure& figure, const std::filesystem::path& dir, int width = 1000, int height = 650);
void saveFigures(const std::vector<Figure>& figures, const std::filesystem::path& dir, int width = 1000,
                 int height = 650);

// Widgets need a QApplication: a program without one (patchbank-cli) gets an offscreen one, created on the
// first call and kept for the rest of the process; the GUI's own is used as it is. Throws pb::Error when
// the program runs a QCoreApplication, which cannot draw.
void ensureFigureApplication();

}  // namespace pb::ui
