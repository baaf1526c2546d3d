// One colour per product of a shared multi-product bank, the same in every view (the neighbour-product
// overlay, its legend, the router panel), so that a patch coloured like "wood" on a carpet image reads
// as pollution at a glance. A figure's series take the same colours (FigureRenderer).
#pragma once
#include <QColor>
#include <QRgb>
#include <QString>
#include <string>
#include <vector>

namespace pb::ui {

// Distinct, colour-blind-friendly colours (Tableau 10), repeating after ten products.
QColor productColor(int product);
// 256 entries: productColor(i) for i < 255, transparent for 255 (no product: the cropped-away border).
std::vector<QRgb> productColorTable();
// "■ carpet 97.5%  ■ wood 2.5%" as rich text; shares empty: names only.
QString productLegendHtml(const std::vector<std::string>& names, const std::vector<double>& shares = {});

}  // namespace pb::ui
