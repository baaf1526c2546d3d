// The engine dock: backbone and weights (validated by creating the backbone on the engine thread),
// feature layers (a block index such as -6 for the Vision Transformers, with their final-norm, L2 and
// precision options), resolution and centre crop, k, image-score rule, device, training-image limit and
// feature cache; "Build bank" and "Score test set" with per-stage progress, elapsed and remaining time,
// and Cancel.
#pragma once
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QWidget>

#include "engine/experiments/EvaluationOptions.h"
#include "ui/EngineResults.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSettings;
class QSpinBox;
class QTimer;
class QToolButton;

namespace pb::ui {

class EnginePanel : public QWidget {
    Q_OBJECT
public:
    explicit EnginePanel(QWidget* parent = nullptr);

    // Everything but the bank spec, which the bank panel holds.
    EvaluationOptions options() const;
    void setProduct(const QString& product);
    // A backbone chosen elsewhere (Models dialog): selects it, sets the weights file and checks it.
    void setBackbone(const QString& name, const QString& weightsPath);
    static bool isVisionTransformer(const QString& backbone);
    // "4.2 s", "12:05", "1:02:03": how the panels write run times.
    static QString duration(double seconds);
    QString product() const { return product_; }

    void loadSettings(QSettings& settings);
    void saveSettings(QSettings& settings) const;

    // Feedback from the engine.
    void onStarted(RequestKind kind);
    void onProgress(RequestKind kind, const QString& stage, qint64 done, qint64 total);
    void onFinished(RequestKind kind, const QString& outcome);
    void onBusyChanged(bool busy);
    void onBackboneValidated(const QString& identity, int patchStride);
    void onBackboneInvalid(const QString& reason);
    void onBankBuilt(const TrainedBankPtr& bank);
    void refreshCacheStatus();

    // Widgets, for shortcuts and tests.
    QComboBox* backboneBox() const { return backbone_; }
    QLineEdit* weightsEdit() const { return weights_; }
    QSpinBox* resolutionSpin() const { return resolution_; }
    QSpinBox* cropSpin() const { return crop_; }
    QLineEdit* layersEdit() const { return layers_; }
    QCheckBox* finalNormCheck() const { return finalNorm_; }
    QCheckBox* l2NormalizeCheck() const { return l2Normalize_; }
    QComboBox* precisionBox() const { return precision_; }
    QSpinBox* kSpin() const { return k_; }
    QCheckBox* scaleKCheck() const { return scaleK_; }
    QComboBox* scoreRuleBox() const { return scoreRule_; }
    QComboBox* deviceBox() const { return device_; }
    QSpinBox* maxTrainSpin() const { return maxTrain_; }
    QSpinBox* maxImageSpin() const { return maxImage_; }
    QCheckBox* cacheCheck() const { return useCache_; }
    QPushButton* buildButton() const { return build_; }
    QPushButton* scoreButton() const { return score_; }
    QPushButton* cancelButton() const { return cancel_; }
    QProgressBar* progressBar() const { return progress_; }
    QLabel* stageLabel() const { return stage_; }
    QLabel* timeLabel() const { return time_; }
    QLabel* bankLabel() const { return bank_; }
    QLabel* weightsStatus() const { return weightsStatus_; }
    QLabel* cacheLabel() const { return cacheStatus_; }

    void setCacheDirectory(const QString& directory);
    QString cacheDirectory() const { return cacheDir_; }

signals:
    void buildRequested();
    void scoreRequested();
    void cancelRequested();
    void validateRequested(const pb::BackboneOptions& options);
    void optionsChanged();

private:
    void chooseWeights();
    void updateTimes();
    void updateWeightsRow();
    void updateBackboneRows();

    QComboBox* backbone_;
    QLineEdit* weights_;
    QToolButton* browse_;
    QLabel* weightsStatus_;
    QLineEdit* layers_;
    QWidget* vitOptions_;
    QCheckBox* finalNorm_;
    QCheckBox* l2Normalize_;
    QComboBox* precision_;
    QSpinBox* resolution_;
    QSpinBox* crop_;
    QSpinBox* k_;
    QCheckBox* scaleK_;
    QComboBox* scoreRule_;
    QComboBox* device_;
    QSpinBox* maxTrain_;
    QSpinBox* maxImage_;
    QCheckBox* useCache_;
    QLabel* cacheStatus_;
    QLabel* productLabel_;
    QPushButton* build_;
    QPushButton* score_;
    QPushButton* cancel_;
    QLabel* stage_;
    QProgressBar* progress_;
    QLabel* time_;
    QLabel* bank_;
    QTimer* ticker_;
    QFutureWatcher<QString>* cacheWatcher_;

    QString product_;
    QString cacheDir_;
    bool gpu_ = false;
    bool layersForVit_ = false;  // the family the layers field was typed for
    QElapsedTimer runClock_;
    QElapsedTimer stageClock_;
    QString stageName_;
    qint64 done_ = 0, total_ = 0;
    double stageStartFraction_ = 0.0;
};

}  // namespace pb::ui
