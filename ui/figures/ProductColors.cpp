#include "ui/figures/ProductColors.h"

#include <QCoreApplication>

namespace pb::ui {

QColor productColor(int product) {
    static const QRgb colors[] = {0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759, 0xb07aa1,
                                  0x76b7b2, 0xedc948, 0xff9da7, 0x9c755f, 0xbab0ac};
    const int n = static_cast<int>(sizeof colors / sizeof colors[0]);
    return QColor::fromRgb(colors[((product % n) + n) % n]);
}

std::vector<QRgb> productColorTable() {
    std::vector<QRgb> table(256);
    for (int i = 0; i < 255; ++i) table[static_cast<std::size_t>(i)] = productColor(i).rgba();
    table[255] = qRgba(0, 0, 0, 0);
    return table;
}

QString productLegendHtml(const std::vector<std::string>& names, const std::vector<double>& shares) {
    QString html;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (!html.isEmpty()) html += QStringLiteral("&nbsp;&nbsp; ");
        html += QStringLiteral("<span style=\"color:%1; font-size:large\">■</span>&nbsp;%2")
                    .arg(productColor(static_cast<int>(i)).name(), QString::fromStdString(names[i]).toHtmlEscaped());
        if (i < shares.size())
            html += QStringLiteral(" %1%").arg(100.0 * shares[i], 0, 'f', shares[i] < 0.1 && shares[i] > 0 ? 2 : 1);
    }
    return html;
}

}  // namespace pb::ui
