// A figure as data: what to draw, computed headless by the engine (the suite summaries), drawn by the Qt
// figure renderer (ui/figures) in the GUI and the CLI alike, so both make the same picture.
#pragma once
#include <string>
#include <vector>

namespace pb {

enum class FigureKind {
    Lines,      // one polyline per series over x (e.g. AUROC vs budget per method)
    Bars,       // grouped bars: one group per category, one bar per series (series[i].y[c] for category c)
    Histogram,  // one outline per series; x = bin centres, y = counts (the engine bins)
    Matrix      // a colour grid: matrix[row][column], labelled by rowLabels and columnLabels
};

struct FigureSeries {
    std::string name;
    std::vector<double> x;     // Lines and Histogram; unused for Bars
    std::vector<double> y;
    std::vector<double> low;   // optional band / error bar (same length as y, or empty)
    std::vector<double> high;
};

struct Figure {
    std::string name;   // file stem: <name>.png, <name>.svg
    std::string title;
    std::string xLabel;
    std::string yLabel;
    FigureKind kind = FigureKind::Lines;
    bool logX = false;
    std::vector<FigureSeries> series;
    std::vector<std::string> categories;  // Bars: the groups, in order
    std::vector<std::vector<double>> matrix;  // Matrix: rows x columns; NaN = no value (drawn blank)
    std::vector<std::string> rowLabels;
    std::vector<std::string> columnLabels;
    std::string valueLabel;  // Matrix: what the colour means
};

}  // namespace pb
