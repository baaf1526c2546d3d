#include "ui/ReferencePatchView.h"

#include <QPainter>
#include <QPalette>

namespace pb::ui {

ReferencePatchView::ReferencePatchView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("referencePatchView"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAutoFillBackground(true);
}

void ReferencePatchView::setImage(const QImage& image, int gridHeight, int gridWidth) {
    image_ = image;
    gridHeight_ = gridHeight;
    gridWidth_ = gridWidth;
    message_.clear();
    update();
}

void ReferencePatchView::setOutlines(const QVector<Outline>& outlines) {
    outlines_ = outlines;
    update();
}

void ReferencePatchView::setRemoved(const QVector<int>& patches) {
    removed_ = patches;
    update();
}

void ReferencePatchView::setMessage(const QString& message) {
    message_ = message;
    update();
}

void ReferencePatchView::clear(const QString& message) {
    image_ = QImage();
    outlines_.clear();
    removed_.clear();
    gridHeight_ = gridWidth_ = 0;
    message_ = message;
    update();
}

QRectF ReferencePatchView::imageRect() const {
    if (image_.isNull()) return {};
    const QSizeF size = QSizeF(image_.size()).scaled(QSizeF(rect().adjusted(4, 4, -4, -4).size()), Qt::KeepAspectRatio);
    return QRectF(QPointF((width() - size.width()) / 2.0, (height() - size.height()) / 2.0), size);
}

QRectF ReferencePatchView::cellRect(const QRectF& target, int row, int column) const {
    const double cw = target.width() / gridWidth_, ch = target.height() / gridHeight_;
    return {target.left() + column * cw, target.top() + row * ch, cw, ch};
}

void ReferencePatchView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    if (image_.isNull()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, message_);
        return;
    }
    const QRectF target = imageRect();
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(target, image_);
    if (gridHeight_ <= 0 || gridWidth_ <= 0) return;
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(150, 40, 200, 120));  // removed by the patch filter: purple, as in the panel's list
    for (int patch : removed_) p.drawRect(cellRect(target, patch / gridWidth_, patch % gridWidth_));
    // Last first, so that the worst patch is drawn on top of its neighbours.
    QFont font = p.font();
    font.setBold(true);
    p.setFont(font);
    for (auto it = outlines_.crbegin(); it != outlines_.crend(); ++it) {
        const QRectF cell = cellRect(target, it->row, it->column);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(it->color, it->width));
        p.drawRect(cell);
        if (it->label.isEmpty()) continue;
        QRectF box(cell.topLeft() - QPointF(0, p.fontMetrics().height() + 2),
                   QSizeF(p.fontMetrics().horizontalAdvance(it->label) + 6, p.fontMetrics().height() + 2));
        if (box.top() < target.top()) box.moveTop(cell.bottom());  // a top-row cell: its label goes below

        p.fillRect(box, it->color);
        p.setPen(Qt::white);
        p.drawText(box, Qt::AlignCenter, it->label);
    }
    if (!message_.isEmpty()) {
        p.setPen(palette().color(QPalette::Text));
        p.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignBottom | Qt::AlignHCenter | Qt::TextWordWrap, message_);
    }
}

}  // namespace pb::ui
