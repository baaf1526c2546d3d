// The memory-bank dock: how the product's bank is compressed (flat, random, coreset, vwcoreset,
// kmeans, kmeans_residual, IVF-PQ), its budget as a fraction, a vector count or megabytes, the IVF-PQ
// parameters, and a live readout of the bank's size and compression ratio: estimated from the
// product's training patch count and feature size before the bank is built, the real figures after.
// Add images, Save bank and Open bank are asked for here and carried out by the main window.
#pragma once
#include <QWidget>
#include <string>

#include "engine/bank/BankSpec.h"
#include "ui/EngineResults.h"

class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSpinBox;

namespace pb::ui {

class BankPanel : public QWidget {
    Q_OBJECT
public:
    enum class BudgetUnit { Fraction, Vectors, Megabytes };

    // The size of a bank built from `sourcePatches` vectors of dimension `dim` with `spec`.
    struct Estimate {
        std::size_t vectors = 0;
        std::size_t bytes = 0;
        double compressionRatio = 0.0;
        QString problem;  // why this bank cannot be built (IVF-PQ m not dividing the dimension, ...)
    };
    static Estimate estimate(const BankSpec& spec, std::size_t sourcePatches, int dim);

    explicit BankPanel(QWidget* parent = nullptr);

    // The spec the widgets describe, normalised ("coreset:0.0625").
    QString spec() const;
    // Sets every widget from a spec; false (with the reason shown under the spec field) when malformed.
    bool setSpec(const QString& spec);
    QString specError() const { return specError_; }
    // The spec as the engine gets it: with device=cuda for the compressors when the engine runs there.
    std::string engineSpec(const std::string& device) const;

    // What the estimate needs: the current product and how many training images the build will read,
    // and the feature grid of the backbone at the input size (dim 0: not known yet).
    void setProduct(const QString& product, qint64 trainImages);
    void setFeatureShape(const FeatureShape& shape);
    void setFeatureShapePending();
    // The bank now in use (null: none); its real size is shown.
    void setBank(const TrainedBankPtr& bank);

    void loadSettings(QSettings& settings);
    void saveSettings(QSettings& settings) const;

    // The readout, for the window's status and for tests.
    bool hasEstimate() const { return estimated_; }
    Estimate currentEstimate() const { return estimate_; }
    qint64 shownBankBytes() const { return bank_ ? static_cast<qint64>(bank_->summary.bytes) : -1; }
    QString estimateText() const;
    QString bankText() const;

    QComboBox* methodBox() const { return method_; }
    QDoubleSpinBox* budgetSpin() const { return budget_; }
    QComboBox* unitBox() const { return unit_; }
    QSpinBox* seedSpin() const { return seed_; }
    QSpinBox* nlistSpin() const { return nlist_; }
    QSpinBox* mSpin() const { return m_; }
    QSpinBox* nbitsSpin() const { return nbits_; }
    QSpinBox* nprobeSpin() const { return nprobe_; }
    QLineEdit* specEdit() const { return specEdit_; }
    QLabel* estimateLabel() const { return estimateLabel_; }
    QLabel* bankLabel() const { return bankLabel_; }
    QPushButton* addImagesButton() const { return addImages_; }
    QPushButton* saveButton() const { return save_; }
    QPushButton* openButton() const { return open_; }

signals:
    void specChanged(const QString& spec);
    void addImagesRequested();
    void saveRequested();
    void openRequested();

private:
    BankSpec widgetSpec() const;
    void onWidgetsChanged();
    void updateVisibility();
    void updateEstimate();
    void setUnit(BudgetUnit unit);
    BudgetUnit unit() const;

    QComboBox* method_;
    QDoubleSpinBox* budget_;
    QComboBox* unit_;
    QSpinBox* seed_;
    QGroupBox* ivfBox_;
    QSpinBox* nlist_;
    QSpinBox* m_;
    QSpinBox* nbits_;
    QSpinBox* nprobe_;
    QLineEdit* specEdit_;
    QLabel* specStatus_;
    QLabel* estimateLabel_;
    QLabel* bankLabel_;
    QPushButton* addImages_;
    QPushButton* save_;
    QPushButton* open_;
    QWidget* budgetRow_;

    BankSpec base_;       // options the widgets do not show (proj, alpha, iter) survive a round trip
    QString specError_;
    bool syncing_ = false;
    double unitValues_[3] = {0.1, 4096, 18};  // the last value of each unit
    QString product_;
    qint64 trainImages_ = 0;
    FeatureShape shape_;
    bool shapePending_ = false;
    bool estimated_ = false;
    Estimate estimate_;
    TrainedBankPtr bank_;
};

}  // namespace pb::ui
