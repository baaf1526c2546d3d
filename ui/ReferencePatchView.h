// One reference image of the purification panel, scaled to fit, with cells of its patch grid drawn
// over it: outlines for the worst patches (with their rank) and a purple wash for the patches a
// patch filter removes. The cells are proportional to the original image, as the audit's own images draw them.
#pragma once
#include <QColor>
#include <QImage>
#include <QString>
#include <QVector>
#include <QWidget>

namespace pb::ui {

class ReferencePatchView : public QWidget {
public:
    struct Outline {
        int row = 0;
        int column = 0;
        QColor color;
        qreal width = 2.0;
        QString label;  // drawn at the cell's top-left corner; empty: none
    };

    explicit ReferencePatchView(QWidget* parent = nullptr);

    // `image` may be a reduced copy of the original: the grid covers it whole.
    void setImage(const QImage& image, int gridHeight, int gridWidth);
    void setOutlines(const QVector<Outline>& outlines);
    void setRemoved(const QVector<int>& patches);  // row * gridWidth + column
    // Shown instead of an image (empty data, loading, an unreadable file).
    void setMessage(const QString& message);
    void clear(const QString& message = QString());

    bool hasImage() const { return !image_.isNull(); }
    int outlineCount() const { return outlines_.size(); }
    int removedCount() const { return removed_.size(); }
    QSize sizeHint() const override { return {360, 300}; }
    QSize minimumSizeHint() const override { return {160, 120}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QRectF imageRect() const;
    QRectF cellRect(const QRectF& target, int row, int column) const;

    QImage image_;
    int gridHeight_ = 0;
    int gridWidth_ = 0;
    QVector<Outline> outlines_;
    QVector<int> removed_;
    QString message_;
};

}  // namespace pb::ui
