// The image browser: thumbnails of the open data set with filters (product, split, defect,
// label, score) and sorting by score. Emits the image the user selects.
#pragma once
#include <QWidget>

#include "ui/EngineResults.h"
#include "ui/SampleFilter.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListView;

namespace pb::ui {

class SampleListModel;
class ThumbnailCache;

class ImageBrowser : public QWidget {
    Q_OBJECT
public:
    explicit ImageBrowser(QWidget* parent = nullptr);

    void setDataset(const DatasetPtr& dataset);
    void setScores(const QHash<QString, double>& scores);
    void setImageThreshold(double threshold, const ReviewBand& band = {});
    // Narrows the filters to a product / split / defect (from the data-set tree); empty = any.
    void showSubset(const QString& product, int split, const QString& defect);

    SampleListModel* model() const { return model_; }
    QListView* view() const { return view_; }
    QString currentPath() const;
    bool selectPath(const QString& path);
    QString currentProduct() const;

public slots:
    void selectNext();
    void selectPrevious();

signals:
    void currentPathChanged(const QString& path);
    void productFilterChanged(const QString& product);

private:
    void applyFilter();
    void refillDefects();
    void updateCount();
    void selectRow(int row);

    ThumbnailCache* thumbnails_;
    SampleListModel* model_;
    QListView* view_;
    QComboBox* product_;
    QComboBox* split_;
    QComboBox* defect_;
    QComboBox* label_;
    QDoubleSpinBox* minScore_;
    QCheckBox* scoredOnly_;
    QCheckBox* sortByScore_;
    QLabel* count_;
    DatasetPtr dataset_;
    QString restorePath_;
    bool updating_ = false;
};

}  // namespace pb::ui
