// The router dock of a shared multi-product bank run: per test image the product the prototype
// router picked and its margin (a sortable table, wrong routes highlighted; a click shows the image),
// the confusion matrix across products (heat-coloured), the margin distribution, the Wrong-Neighbour
// Rate per product and on average, each product's metrics and the router's size.
#pragma once
#include <QVector>
#include <QWidget>

#include "ui/EngineResults.h"

class QCustomPlot;
class QCPBars;
class QLabel;
class QTabWidget;
class QTableWidget;

namespace pb::ui {

class RouterPanel : public QWidget {
    Q_OBJECT
public:
    enum ImageColumns { ImageColumn, TrueColumn, RoutedColumn, MarginColumn, ScoreColumn, LabelColumn, ImageColumnCount };
    enum ProductColumns {
        ProductColumn,
        VectorsColumn,
        ImageAurocColumn,
        PixelAurocColumn,
        WnrColumn,
        RoutingColumn,
        MedianMarginColumn,
        ProductColumnCount
    };
    // Item data of the image table's first column: the product and the image index in its result.
    static constexpr int ProductRole = Qt::UserRole + 1;
    static constexpr int IndexRole = Qt::UserRole + 2;

    explicit RouterPanel(QWidget* parent = nullptr);

    void setRun(const SharedRunPtr& run);
    void setRunning(const QString& message);  // a run was asked for; its results replace these
    SharedRunPtr run() const { return run_; }

    QString summaryText() const;
    int wrongRoutes() const { return wrong_; }
    // Margins histogram heights (correctly and wrongly routed images) and the bin width.
    const QVector<double>& correctCounts() const { return correctCounts_; }
    const QVector<double>& wrongCounts() const { return wrongCounts_; }

    QLabel* summaryLabel() const { return summary_; }
    QTabWidget* tabs() const { return tabs_; }
    QTableWidget* imagesTable() const { return images_; }
    QTableWidget* confusionTable() const { return confusion_; }
    QTableWidget* productsTable() const { return products_; }
    QCustomPlot* marginPlot() const { return margins_; }

signals:
    void imageActivated(const pb::ui::ScoreResultPtr& result, int index);

private:
    void fillImages();
    void fillConfusion();
    void fillProducts();
    void fillMargins();

    QLabel* summary_;
    QTabWidget* tabs_;
    QTableWidget* images_;
    QTableWidget* confusion_;
    QTableWidget* products_;
    QCustomPlot* margins_;
    QCPBars* correctBars_;
    QCPBars* wrongBars_;
    SharedRunPtr run_;
    int wrong_ = 0;
    QVector<double> correctCounts_, wrongCounts_;
};

}  // namespace pb::ui
