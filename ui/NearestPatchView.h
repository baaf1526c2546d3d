// Side-by-side comparison for the pixel under the cursor: the patch of the inspected image and
// its nearest normal patch in the bank (cropped from the training image it came from). Training
// images are decoded in the background and a few are kept, so moving the mouse stays fluid.
#pragma once
#include <QCache>
#include <QFutureWatcher>
#include <QImage>
#include <QWidget>

#include "engine/experiments/ProductModel.h"

class QLabel;

namespace pb::ui {

class NearestPatchView : public QWidget {
    Q_OBJECT
public:
    explicit NearestPatchView(QWidget* parent = nullptr);

    // query: the cell of the inspected image; origin: where its nearest bank patch comes from.
    void showPatch(const QImage& query, const QString& queryCaption, const BankPatchOrigin& origin);
    void clear(const QString& message = QString());
    QString trainingImagePath() const { return originPath_; }
    QLabel* nearestLabel() const { return nearest_; }

signals:
    void nearestShown(const QString& trainingImage);

private:
    struct Decoded {
        QString path;
        QImage image;
    };
    void showNearest();
    static QImage crop(const QImage& image, const BankPatchOrigin& origin);

    QLabel* query_;
    QLabel* queryCaption_;
    QLabel* nearest_;
    QLabel* nearestCaption_;
    QCache<QString, QImage> decoded_;
    QFutureWatcher<Decoded>* watcher_;
    QString loading_;
    BankPatchOrigin origin_;
    QString originPath_;
};

}  // namespace pb::ui
