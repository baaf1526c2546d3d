// Engine > Shared bank…: the settings of a memory-pollution experiment. Products to share one bank
// (checkable, from the open data set and from extra data-set folders, opened in the background), the
// compressor of every share, the total budget in MB, how it is split (allocator), whether test images
// are routed to their product's share and the router's metric. "Run" hands the request to the window,
// which runs it on the engine thread; the settings are remembered.
#pragma once
#include <QDialog>
#include <QFutureWatcher>
#include <QVector>

#include "ui/EngineResults.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QTreeWidget;

namespace pb::ui {

class SharedBankDialog : public QDialog {
    Q_OBJECT
public:
    explicit SharedBankDialog(QWidget* parent = nullptr);

    // The open data set: its products, all checked. Extra data sets come after it.
    void setDataset(const DatasetPtr& dataset);
    // false when a data set with the same root is listed already.
    bool addDataset(const DatasetPtr& dataset, bool checked);
    // Opens a data-set folder off the GUI thread and lists its products (unchecked); datasetAdded or
    // datasetFailed tells when it is done.
    void addDatasetFolder(const QString& folder);
    bool isOpeningFolder() const { return opening_.isRunning(); }
    // The feature grid at the current input size (dim 0: unknown) and the training-image limit, for the
    // budget hint ("= N vectors, about M training patches").
    void setFeatureShape(const FeatureShape& shape, int maxTrainImages);

    // Checks a product (of any listed data set) on or off; false when it is not listed.
    bool setProductChecked(const QString& product, bool checked);
    QStringList checkedProducts() const;
    // The checked products and the shared-bank settings; the window adds the engine settings.
    SharedBankRequest request() const;
    // Empty when the request can run; otherwise why not (no product, the same name twice).
    QString problem() const;

    void loadSettings(QSettings& settings);
    void saveSettings(QSettings& settings) const;

    QTreeWidget* productTree() const { return products_; }
    QComboBox* compressorBox() const { return compressor_; }
    QLineEdit* methodOptionsEdit() const { return methodOptions_; }
    QDoubleSpinBox* budgetSpin() const { return budget_; }
    QComboBox* allocatorBox() const { return allocator_; }
    QCheckBox* routeCheck() const { return route_; }
    QComboBox* metricBox() const { return metric_; }
    QPushButton* runButton() const { return run_; }
    QPushButton* addFolderButton() const { return addFolder_; }
    QLabel* statusLabel() const { return status_; }

signals:
    void runRequested(const pb::ui::SharedBankRequest& request);
    void datasetAdded(const QString& root);
    void datasetFailed(const QString& folder, const QString& reason);

private:
    struct Opened {
        DatasetPtr dataset;
        QString folder;
        QString error;
    };
    void chooseFolder();
    void onFolderOpened();
    void updateHint();
    void tryRun();

    QTreeWidget* products_;
    QPushButton* addFolder_;
    QComboBox* compressor_;
    QLineEdit* methodOptions_;
    QDoubleSpinBox* budget_;
    QLabel* budgetHint_;
    QComboBox* allocator_;
    QCheckBox* route_;
    QComboBox* metric_;
    QLabel* status_;
    QPushButton* run_;

    QVector<DatasetPtr> datasets_;  // index = the tree's top-level item
    QFutureWatcher<Opened> opening_;
    FeatureShape shape_;
    int maxTrain_ = 0;
};

}  // namespace pb::ui
