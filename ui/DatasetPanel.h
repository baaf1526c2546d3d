// The open data set at a glance: its layout, products, splits and defect types with image counts
// in a tree, and every file that was skipped or is missing, with the reason, in a problems table.
#pragma once
#include <QWidget>

#include "ui/EngineResults.h"

class QTabWidget;
class QTableWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace pb::ui {

class DatasetPanel : public QWidget {
    Q_OBJECT
public:
    explicit DatasetPanel(QWidget* parent = nullptr);

    void setDataset(const DatasetPtr& dataset);
    // Problems found later (by the engine while decoding), added below the listing's.
    void addProblem(const QString& source, const QString& file, const QString& reason);
    int problemCount() const;
    QTreeWidget* tree() const { return tree_; }
    QTableWidget* problems() const { return problems_; }

signals:
    // product empty = the whole data set; split -1 = any; defect empty = any.
    void subsetSelected(const QString& product, int split, const QString& defect);

private:
    void updateProblemsTitle();

    QTabWidget* tabs_;
    QTreeWidget* tree_;
    QTableWidget* problems_;
};

}  // namespace pb::ui
