#include "ui/InspectionView.h"

#include <QGraphicsPathItem>
#include <QGraphicsPixmapItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QMouseEvent>
#include <QWheelEvent>
#include <algorithm>

namespace pb::ui {

namespace {
QPen cosmeticPen(const QColor& color, qreal width) {
    QPen pen(color, width);
    pen.setCosmetic(true);  // stays the same width on screen at every zoom
    return pen;
}
}  // namespace

InspectionView::InspectionView(QWidget* parent) : QGraphicsView(parent) {
    setObjectName(QStringLiteral("inspectionView"));
    auto* scene = new QGraphicsScene(this);
    scene->setItemIndexMethod(QGraphicsScene::NoIndex);  // five items: an index costs more than it saves
    setScene(scene);
    image_ = scene->addPixmap({});
    image_->setTransformationMode(Qt::FastTransformation);  // pixels stay crisp when zoomed in
    heat_ = scene->addPixmap({});
    heat_->setOpacity(0.5);
    groundTruth_ = scene->addPath({}, cosmeticPen(QColor(0, 230, 0), 2.0));
    predicted_ = scene->addPath({}, cosmeticPen(QColor(255, 40, 40), 2.0));
    QPen markerPen = cosmeticPen(QColor(255, 255, 255), 1.5);
    markerPen.setStyle(Qt::DashLine);
    marker_ = scene->addRect({}, markerPen);
    marker_->setVisible(false);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setMouseTracking(true);
    setBackgroundBrush(QColor(48, 48, 48));
    setRenderHint(QPainter::SmoothPixmapTransform, false);
    setMinimumSize(200, 200);
}

void InspectionView::setImage(const QImage& image) {
    const bool sizeChanged = image.size() != imageSize_;
    imageSize_ = image.size();
    image_->setPixmap(QPixmap::fromImage(image));
    heat_->setPixmap({});
    groundTruth_->setPath({});
    predicted_->setPath({});
    marker_->setVisible(false);
    scene()->setSceneRect(QRectF(QPointF(0, 0), QSizeF(imageSize_)));
    if (sizeChanged || fitted_) fitToWindow();
}

void InspectionView::setHeat(const QImage& heat) {
    heat_->setPixmap(heat.isNull() ? QPixmap() : QPixmap::fromImage(heat));
}

void InspectionView::setGroundTruthOutline(const QPainterPath& path) { groundTruth_->setPath(path); }

void InspectionView::setPredictedOutline(const QPainterPath& path) { predicted_->setPath(path); }

void InspectionView::setOverlayOpacity(double opacity) { heat_->setOpacity(std::clamp(opacity, 0.0, 1.0)); }

void InspectionView::setOverlayVisible(bool visible) {
    overlayVisible_ = visible;
    heat_->setVisible(visible);
}

void InspectionView::setGroundTruthVisible(bool visible) { groundTruth_->setVisible(visible); }

void InspectionView::setPredictedVisible(bool visible) { predicted_->setVisible(visible); }

void InspectionView::setPatchMarker(const QRectF& rect) {
    marker_->setRect(rect);
    marker_->setVisible(!rect.isEmpty());
}

double InspectionView::zoom() const { return transform().m11(); }

void InspectionView::scaleBy(double factor) {
    const double current = zoom();
    const double target = std::clamp(current * factor, 0.02, 64.0);
    fitted_ = false;
    scale(target / current, target / current);
    emit zoomChanged(zoom());
}

void InspectionView::zoomIn() { scaleBy(1.25); }

void InspectionView::zoomOut() { scaleBy(0.8); }

void InspectionView::fitToWindow() {
    if (imageSize_.isEmpty()) return;
    fitInView(QRectF(QPointF(0, 0), QSizeF(imageSize_)), Qt::KeepAspectRatio);
    fitted_ = true;
    emit zoomChanged(zoom());
}

void InspectionView::actualSize() {
    resetTransform();
    fitted_ = false;
    emit zoomChanged(zoom());
}

void InspectionView::wheelEvent(QWheelEvent* event) {
    // Wheel zooms about the cursor; the scroll bars and a drag pan.
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    scaleBy(delta > 0 ? 1.15 : 1.0 / 1.15);
    event->accept();
}

void InspectionView::mouseMoveEvent(QMouseEvent* event) {
    QGraphicsView::mouseMoveEvent(event);
    const QPointF p = mapToScene(event->position().toPoint());
    if (!imageSize_.isEmpty() && p.x() >= 0 && p.y() >= 0 && p.x() < imageSize_.width() && p.y() < imageSize_.height())
        emit hovered(p);
    else
        emit hovered(QPointF(-1, -1));
}

void InspectionView::leaveEvent(QEvent* event) {
    QGraphicsView::leaveEvent(event);
    emit hovered(QPointF(-1, -1));
}

void InspectionView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (fitted_) fitToWindow();
}

}  // namespace pb::ui
