// The picture in the middle of the window: the original image at full resolution with zoom and
// pan, the heatmap overlaid with adjustable opacity, ground-truth and predicted-region outlines,
// and the patch under the cursor. Only item properties change when a setting moves: no recompute.
#pragma once
#include <QGraphicsView>
#include <QImage>
#include <QPainterPath>

class QGraphicsPathItem;
class QGraphicsPixmapItem;
class QGraphicsRectItem;

namespace pb::ui {

class InspectionView : public QGraphicsView {
    Q_OBJECT
public:
    explicit InspectionView(QWidget* parent = nullptr);

    void setImage(const QImage& image);  // resets heat and outlines
    void setHeat(const QImage& heat);    // same size as the image; null hides it
    void setGroundTruthOutline(const QPainterPath& path);
    void setPredictedOutline(const QPainterPath& path);
    void setOverlayOpacity(double opacity);
    void setOverlayVisible(bool visible);
    void setGroundTruthVisible(bool visible);
    void setPredictedVisible(bool visible);
    // The patch cell under the cursor, in image pixels; empty hides it.
    void setPatchMarker(const QRectF& rect);

    bool overlayVisible() const { return overlayVisible_; }
    double zoom() const;
    QSize imageSize() const { return imageSize_; }

public slots:
    void zoomIn();
    void zoomOut();
    void fitToWindow();
    void actualSize();

signals:
    // Image pixel under the cursor; emitted with (-1, -1) when it leaves the image.
    void hovered(const QPointF& imagePixel);
    void zoomChanged(double zoom);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void scaleBy(double factor);

    QGraphicsPixmapItem* image_;
    QGraphicsPixmapItem* heat_;
    QGraphicsPathItem* groundTruth_;
    QGraphicsPathItem* predicted_;
    QGraphicsRectItem* marker_;
    QSize imageSize_;
    bool overlayVisible_ = true;
    bool fitted_ = true;  // keeps fitting on resize until the user zooms
};

}  // namespace pb::ui
