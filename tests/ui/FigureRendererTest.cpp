// The figure renderer (ui/figures): every kind of pb::Figure drawn and saved as PNG and SVG offscreen, the
// PNGs checked for what they show and kept in $PATCHBANK_SCREENSHOT_DIR/figures to be looked at.
#include <gtest/gtest.h>

#include <qcustomplot.h>
#include <unistd.h>
#include <QApplication>
#include <QColor>
#include <QFile>
#include <QImage>
#include <QXmlStreamReader>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>

#include "engine/util/Error.h"
#include "ui/figures/FigureRenderer.h"
#include "ui/figures/ProductColors.h"

namespace fs = std::filesystem;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

fs::path outputDir() {
    const char* screenshots = std::getenv("PATCHBANK_SCREENSHOT_DIR");
    const fs::path dir = screenshots && *screenshots ? fs::path(screenshots) / "figures"
                                                     : fs::temp_directory_path() / "patchbank-figure-tests";
    fs::create_directories(dir);
    return dir;
}

pb::FigureSeries series(const std::string& name, std::vector<double> x, std::vector<double> y) {
    pb::FigureSeries s;
    s.name = name;
    s.x = std::move(x);
    s.y = std::move(y);
    return s;
}

// AUROC vs bank size: a band on one method, an error bar on the lone flat point, log x.
pb::Figure linesFigure() {
    pb::Figure f;
    f.name = "test_lines";
    f.title = "Image AUROC vs bank size (mean over products)";
    f.xLabel = "bank size (MiB, mean over products)";
    f.yLabel = "image AUROC";
    f.kind = pb::FigureKind::Lines;
    f.logX = true;
    auto coreset = series("coreset", {0.6, 1.2, 2.4, 4.8, 9.6}, {0.93, 0.958, 0.972, 0.981, 0.984});
    coreset.low = {0.91, 0.945, 0.963, 0.975, 0.979};
    coreset.high = {0.95, 0.97, 0.98, 0.987, 0.989};
    f.series.push_back(coreset);
    f.series.push_back(series("random", {0.6, 1.2, 2.4, 4.8, 9.6}, {0.85, 0.9, 0.93, 0.955, 0.97}));
    f.series.push_back(series("kmeans", {0.6, 1.2, 2.4, 4.8, 9.6}, {0.95, 0.966, 0.976, 0.982, 0.985}));
    f.series.push_back(series("kmeans_residual", {0.6, 1.2, 2.4, 4.8}, {0.955, 0.97, 0.979, 0.983}));
    auto flat = series("flat", {38.4}, {0.986});
    flat.low = {0.98};
    flat.high = {0.99};
    f.series.push_back(flat);
    return f;
}

// Per-category bars with long category names and error bars on one method.
pb::Figure barsFigure() {
    pb::Figure f;
    f.name = "test_bars";
    f.title = "Image AUROC per product: none, audit & oracle (<1 = not perfect)";  // XML-escaped in the SVG
    f.yLabel = "image AUROC";
    f.kind = pb::FigureKind::Bars;
    f.categories = {"mvtec_ad/bottle", "mvtec_ad/transistor",       "visa/pcb1",     "visa/macaroni2",
                    "btad/01",         "magnetic_tile/MT_Blowhole", "mvtec_ad/screw"};
    auto none = series("none", {}, {0.91, 0.82, 0.88, 0.7, 0.93, 0.76, 0.64});
    auto audit = series("audit", {}, {0.97, 0.9, 0.93, 0.79, 0.95, 0.81, 0.75});
    audit.low = {0.95, 0.87, 0.9, 0.75, 0.93, 0.77, 0.7};
    audit.high = {0.985, 0.93, 0.95, 0.83, 0.97, 0.85, 0.8};
    auto oracle = series("oracle", {}, {0.99, 0.95, 0.96, 0.86, 0.97, kNaN, 0.82});
    f.series = {none, audit, oracle};
    return f;
}

// Two score distributions, the engine's bins as centres and counts.
pb::Figure histogramFigure() {
    pb::Figure f;
    f.name = "test_histogram";
    f.title = "Image scores";
    f.xLabel = "image score";
    f.yLabel = "images";
    f.kind = pb::FigureKind::Histogram;
    pb::FigureSeries normal, anomalous;
    normal.name = "normal";
    anomalous.name = "anomalous";
    for (int b = 0; b < 30; ++b) {
        const double centre = 0.1 + 0.02 * b;
        normal.x.push_back(centre);
        normal.y.push_back(std::round(40 * std::exp(-std::pow((centre - 0.3) / 0.06, 2))));
        anomalous.x.push_back(centre);
        anomalous.y.push_back(std::round(25 * std::exp(-std::pow((centre - 0.52) / 0.08, 2))));
    }
    f.series = {normal, anomalous};
    return f;
}

// A heatmap grid with one unknown cell: methods x contamination rates.
pb::Figure matrixFigure(int rows = 5, int columns = 7) {
    pb::Figure f;
    f.name = rows <= 12 && columns <= 12 ? "test_matrix" : "test_matrix_large";
    f.title = "Damage recovered per method and contamination rate";
    f.xLabel = "contamination rate";
    f.yLabel = "method";
    f.kind = pb::FigureKind::Matrix;
    f.valueLabel = "damage recovered";
    for (int r = 0; r < rows; ++r) {
        f.rowLabels.push_back(r == 0 ? "mahalanobis" : "method " + std::to_string(r));
        std::vector<double> row;
        for (int c = 0; c < columns; ++c) row.push_back(std::sin(0.7 * r + 0.3 * c) * 0.5 + 0.4);
        f.matrix.push_back(row);
    }
    for (int c = 0; c < columns; ++c) f.columnLabels.push_back("rate " + std::to_string(5 * c) + "%");
    f.matrix[1][2] = kNaN;
    return f;
}

// Pixels within `tolerance` (sum of channel differences) of `colour` inside `area`.
int pixelsNear(const QImage& image, const QColor& colour, const QRect& area, int tolerance = 40) {
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor p = image.pixelColor(x, y);
            if (std::abs(p.red() - colour.red()) + std::abs(p.green() - colour.green()) +
                    std::abs(p.blue() - colour.blue()) <=
                tolerance)
                ++n;
        }
    return n;
}

int distinctColours(const QImage& image, const QRect& area) {
    std::set<QRgb> colours;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x) colours.insert(image.pixel(x, y) & 0xffffff);
    return static_cast<int>(colours.size());
}

// The data area of a 1000 x 650 figure: right of the y axis, left of the legend, below the title.
const QRect kDataArea(120, 70, 640, 470);

void expectPng(const fs::path& file, int width, int height) {
    ASSERT_TRUE(fs::exists(file)) << file;
    QImage image;
    ASSERT_TRUE(image.load(QString::fromStdString(file.string()))) << file;
    EXPECT_EQ(image.width(), width);
    EXPECT_EQ(image.height(), height);
    EXPECT_GT(distinctColours(image, kDataArea), 20) << file << " looks blank";
}

void expectSvg(const fs::path& file) {
    ASSERT_TRUE(fs::exists(file)) << file;
    QFile in(QString::fromStdString(file.string()));
    ASSERT_TRUE(in.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&in);
    QString root;
    int paths = 0, texts = 0;  // lines and outlines, labels
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        if (root.isEmpty()) root = xml.name().toString();
        if (xml.name() == QLatin1String("path") || xml.name() == QLatin1String("polyline")) ++paths;
        if (xml.name() == QLatin1String("text")) ++texts;
    }
    EXPECT_FALSE(xml.hasError()) << file << ": " << xml.errorString().toStdString();
    EXPECT_EQ(root, QStringLiteral("svg"));
    EXPECT_GT(paths, 0) << file;
    EXPECT_GT(texts, 0) << file;
}

QImage load(const fs::path& file) { return QImage(QString::fromStdString(file.string())); }

}  // namespace

// Declared first: run alone (ctest) or first in the binary, it starts in a process without a QApplication.
// A display that does not exist and a platform that needs one must not matter.
TEST(FigureRenderer, SavesWithoutAQApplicationOrDisplay) {
    if (QCoreApplication::instance()) GTEST_SKIP() << "a QApplication exists already";
    setenv("QT_QPA_PLATFORM", "xcb", 1);
    setenv("DISPLAY", ":987", 1);
    const fs::path dir = outputDir() / "headless";
    fs::remove_all(dir);
    pb::ui::saveFigures({linesFigure(), matrixFigure()}, dir);
    ASSERT_NE(qobject_cast<QApplication*>(QCoreApplication::instance()), nullptr);
    EXPECT_EQ(QGuiApplication::platformName(), QStringLiteral("offscreen"));
    for (const char* name : {"test_lines", "test_matrix"}) {
        expectPng(dir / (std::string(name) + ".png"), 1000, 650);
        expectSvg(dir / (std::string(name) + ".svg"));
    }
    // Nothing but the figures: the temporary files were renamed into place.
    int files = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        ++files;
        EXPECT_NE(entry.path().filename().string().front(), '.') << entry.path();
    }
    EXPECT_EQ(files, 4);
}

TEST(FigureRenderer, EveryKindAsPngAndSvg) {
    const fs::path dir = outputDir();
    const std::vector<pb::Figure> figures = {linesFigure(), barsFigure(), histogramFigure(), matrixFigure(),
                                             matrixFigure(20, 24)};
    pb::ui::saveFigures(figures, dir);
    for (const auto& figure : figures) {
        SCOPED_TRACE(figure.name);
        expectPng(dir / (figure.name + ".png"), 1000, 650);
        expectSvg(dir / (figure.name + ".svg"));
    }
    // Each series in its own colour, in the data area (not only in the legend).
    for (const auto& figure : {linesFigure(), barsFigure(), histogramFigure()}) {
        const QImage image = load(dir / (figure.name + ".png"));
        for (std::size_t i = 0; i < figure.series.size(); ++i)
            EXPECT_GT(pixelsNear(image, pb::ui::productColor(static_cast<int>(i)), kDataArea), 30)
                << figure.name << " series " << figure.series[i].name;
    }
    // The matrix spans the colour scale: its darkest and its lightest cells.
    const QImage matrix = load(dir / "test_matrix.png");
    EXPECT_GT(pixelsNear(matrix, QColor(0x44, 0x01, 0x54), kDataArea, 60), 200);
    EXPECT_GT(pixelsNear(matrix, QColor(0xfd, 0xe7, 0x25), kDataArea, 60), 200);

    // Another size is another size.
    pb::ui::saveFigure(barsFigure(), dir / "small", 640, 400);
    EXPECT_EQ(load(dir / "small/test_bars.png").size(), QSize(640, 400));
}

TEST(FigureRenderer, OnePlotRedrawnWithEveryKind) {
    pb::ui::ensureFigureApplication();
    QCustomPlot plot;
    plot.resize(1000, 650);
    for (const auto& figure : {matrixFigure(), barsFigure(), histogramFigure(), linesFigure(), matrixFigure()}) {
        SCOPED_TRACE(figure.name);
        pb::ui::drawFigure(figure, plot);
        const QImage image = plot.toPixmap(1000, 650).toImage();
        EXPECT_GT(distinctColours(image, kDataArea), 20);
        // What an earlier figure drew is gone: one axis rect, a colour scale only with a matrix.
        EXPECT_EQ(plot.axisRectCount(), 1);
        int scales = 0;
        for (QCPLayoutElement* element : plot.plotLayout()->elements(true))
            scales += qobject_cast<QCPColorScale*>(element) != nullptr;
        EXPECT_EQ(scales, figure.kind == pb::FigureKind::Matrix ? 1 : 0);
        EXPECT_EQ(plot.legend->visible(), figure.kind != pb::FigureKind::Matrix);
        if (figure.kind == pb::FigureKind::Bars) EXPECT_EQ(plot.plottableCount(), 4);  // 3 bars, 1 error bars
        if (figure.kind == pb::FigureKind::Histogram) EXPECT_EQ(plot.graphCount(), 2);
        if (figure.kind == pb::FigureKind::Matrix) EXPECT_EQ(plot.itemCount(), 5 * 7 - 1);  // no text on NaN
        if (figure.kind == pb::FigureKind::Lines) EXPECT_EQ(plot.legend->itemCount(), 5);
    }
    // Every value unknown (recovery where the contamination did no damage): axes and a note, not a blank.
    pb::Figure unknown = linesFigure();
    for (auto& s : unknown.series) std::fill(s.y.begin(), s.y.end(), kNaN);
    pb::ui::drawFigure(unknown, plot);
    ASSERT_EQ(plot.itemCount(), 1);
    EXPECT_EQ(qobject_cast<QCPItemText*>(plot.item(0))->text(), QStringLiteral("no known values to draw"));
}

TEST(FigureRenderer, RefusesWhatCannotBeWritten) {
    const fs::path dir = fs::temp_directory_path() / ("patchbank-figures-bad-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path file = dir / "a-file";
    std::ofstream(file) << "not a folder";
    try {
        pb::ui::saveFigure(linesFigure(), file / "figures");
        ADD_FAILURE() << "a folder under a regular file was accepted";
    } catch (const pb::Error& e) {
        EXPECT_NE(std::string(e.what()).find((file / "figures" / "test_lines.png").string()), std::string::npos)
            << e.what();
    }
    pb::Figure unnamed = linesFigure();
    unnamed.name = "../escape";
    EXPECT_THROW(pb::ui::saveFigure(unnamed, dir), pb::Error);
    unnamed.name.clear();
    EXPECT_THROW(pb::ui::saveFigure(unnamed, dir), pb::Error);
    EXPECT_FALSE(fs::exists(dir / "escape.png"));
    fs::remove_all(dir);
}
