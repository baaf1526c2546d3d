// The "Train detector" dock: trains the reconstruction detector (Dinomaly-style, alone or with MeDS's
// screening, distillation and progressive selection) on a product of the open data set, with the engine
// panel's features, into a model file. The training set is the product's training split or a noisy
// training list (MeDS's published CSVs: injected defects keep their label 1). Live curves: the loss per
// iteration (one colour per phase) and the validation values (image AUROC, pixel AP, AUPRO on the test
// split; the distillation's target MSE); the selection rounds with the training images ranked by score,
// kept ones framed green, dropped ones red, injected defects marked. Cancel keeps the checkpoint and
// Train goes on from it. "Use model" scores the product's test set with the model for the inspection
// view; "Open model…" shows the curves and rounds a model file records. Settings are remembered.
#pragma once
#include <QHash>
#include <QPointer>
#include <QWidget>
#include <optional>

#include "ui/TrainingFeed.h"

class QCheckBox;
class QComboBox;
class QGroupBox;
class QCPAxisRect;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPLegend;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QProgressBar;
class QPushButton;
class QSettings;
class QSpinBox;
class QSplitter;
class QTabWidget;
class QTableWidget;
class QTimer;
class QToolButton;

namespace pb::ui {

class ThumbnailCache;

class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    enum RoundColumns {
        RoundNameColumn,
        RoundIterationColumn,
        RoundKeptColumn,
        RoundThresholdColumn,
        RoundWeightColumn,
        RoundPrecisionColumn,
        RoundRecallColumn,
        RoundColumnCount
    };
    // A selection of the training images: a stage-3 round, or the stage-1 screen (kept = not flagged).
    struct Round {
        QString name;
        int number = 0;      // 1, 2, ... for selection rounds; 0 for the screen
        int iteration = -1;  // global; -1 for the screen
        double weight = 0.0;
        double threshold = 0.0;
        std::vector<double> scores;
        std::vector<char> kept;
        double precision = 0.0;
        double recall = 0.0;
    };

    explicit TrainingPanel(QWidget* parent = nullptr);
    ~TrainingPanel() override;

    // The open data set (its products fill the product box) and the workbench's current product, which
    // the box follows.
    void setDataset(const DatasetPtr& dataset);
    void setCurrentProduct(const QString& product);
    // The engine panel's features: what training extracts and what a model is read with.
    void setFeatures(const EvaluationOptions& options);
    const EvaluationOptions& features() const { return features_; }

    // As the user would choose them (an empty output file: the default one, which follows the product).
    void setListFile(const QString& file);
    void setOutputFile(const QString& file);

    // What stops Train, one line each (also shown in the dock); empty when it can start.
    QStringList inputErrors();
    // The run Train starts; nullopt (with the reasons shown) when the inputs are not right.
    std::optional<ReconstructionJob> job();

    // A run posted with this feed: the curves start again and fill as it reports.
    void startRun(const ReconstructionJob& job, const TrainingFeedPtr& feed);
    void onProgress(const QString& stage, qint64 done, qint64 total);
    void onFinished(const TrainingOutcomePtr& outcome);
    // Failed (the reason) or cancelled (empty).
    void onStopped(const QString& reason);
    bool isRunning() const { return running_; }
    // The curves and rounds of a model file (Open model…). `images` are its training images when known.
    void showHistory(const TrainingHistoryPtr& history);
    void setMessage(const QString& text, bool error = false);

    // The model the dock shows (trained or opened) and the features to read it with; empty before any.
    QString modelFile() const { return modelFile_; }
    EvaluationOptions modelFeatures() const;
    std::vector<Sample> modelTestImages() const { return modelTest_; }

    QComboBox* productBox() const { return product_; }
    QComboBox* methodBox() const { return method_; }
    QLineEdit* listEdit() const { return list_; }
    QLabel* listNote() const { return listNote_; }
    QSpinBox* iterationsSpin() const { return iterations_; }
    QSpinBox* finetuneSpin() const { return finetune_; }
    QSpinBox* batchSpin() const { return batch_; }
    QSpinBox* blocksSpin() const { return blocks_; }
    QSpinBox* seedSpin() const { return seed_; }
    QSpinBox* membersSpin() const { return members_; }
    QCheckBox* validateCheck() const { return validate_; }
    QLineEdit* outputEdit() const { return output_; }
    QLabel* outputNote() const { return outputNote_; }
    QLabel* featuresLabel() const { return featuresLabel_; }
    QLabel* errorLabel() const { return error_; }
    QPushButton* trainButton() const { return train_; }
    QPushButton* cancelButton() const { return cancel_; }
    QPushButton* startOverButton() const { return startOver_; }
    QPushButton* useButton() const { return use_; }
    QPushButton* openButton() const { return open_; }
    QLabel* statusLabel() const { return status_; }
    QLabel* stageLabel() const { return stage_; }
    QProgressBar* progressBar() const { return progress_; }
    QTabWidget* tabs() const { return tabs_; }
    // The loss (top) and the validation values (bottom), two aligned axis rects of one plot.
    QCustomPlot* curvesPlot() const { return curves_; }
    // The loss graph of a phase (reconstruct, distill, finetune) and the validation graph of a value.
    QCPGraph* lossGraph(const QString& phase) const { return lossGraphs_.value(phase); }
    QCPGraph* validationGraph(const QString& value) const { return validationGraphs_.value(value); }
    QTableWidget* roundTable() const { return roundTable_; }
    QListWidget* imageList() const { return images_; }
    QLabel* roundSummary() const { return roundSummary_; }
    const std::vector<Round>& rounds() const { return rounds_; }
    int replots() const { return replots_; }

    void loadSettings(QSettings& settings);
    void saveSettings(QSettings& settings) const;

signals:
    void trainRequested();
    void cancelRequested();
    // Train after removing the model file (a finished run, or one of other settings, is in the way).
    void startOverRequested();
    void useModelRequested();
    void openModelRequested(const QString& file);

private:
    void buildControls();
    void buildPlots();
    void buildRounds();
    void updateMethod();
    void updateButtons();
    void checkList();
    void checkOutput();
    QString defaultOutput() const;
    void followDefaultOutput();
    void chooseList();
    void chooseOutput();
    void chooseModel();
    bool meds() const;

    void clearCurves();
    void addLosses(const QVector<LossPoint>& points);
    void addValidation(const ValidationPoint& point);
    void addRound(Round round);
    Round roundOf(const SelectionRound& round) const;
    void addScreen(const std::vector<double>& scores, double threshold);
    void setHistory(const TrainingHistory& history);
    void scheduleReplot();
    void replot();
    // The dock's method and iterations, for the axis before any run is shown.
    ReconstructionTrainingOptions settingsOptions() const;
    void updatePhaseMarker();
    void fillRoundRow(int row);
    void showRound(int row);
    void setItemIcon(QListWidgetItem* item);
    // The training images of a recorded run when the dock's settings give as many as it trained on.
    std::vector<Sample> guessTrainingImages(const TrainingHistory& history) const;
    QString iterationText() const;

    DatasetPtr dataset_;
    EvaluationOptions features_;
    QString currentProduct_;
    bool outputChosen_ = false;  // the user picked the model file; otherwise it follows product and method
    QString listError_;
    QString outputError_;

    // The run or model shown.
    bool running_ = false;
    TrainingFeedPtr feed_;
    ReconstructionTrainingOptions shownOptions_;
    QString shownProduct_;
    std::vector<Sample> trainingImages_;
    std::vector<Round> rounds_;
    int lastIteration_ = 0;  // global, of the newest loss point
    int resumedAt_ = -1;
    QString modelFile_;
    EvaluationOptions modelFeatures_;
    bool modelFeaturesKnown_ = false;  // trained here: the features it was trained with
    std::vector<Sample> modelTest_;
    std::vector<Sample> runTest_;  // of the run in flight

    QComboBox* product_;
    QComboBox* method_;
    QLineEdit* list_;
    QToolButton* browseList_;
    QLabel* listNote_;
    QLabel* iterationsLabel_;
    QSpinBox* iterations_;
    QLabel* finetuneLabel_;
    QSpinBox* finetune_;
    QSpinBox* batch_;
    QSpinBox* blocks_;
    QSpinBox* seed_;
    QLabel* membersLabel_;
    QSpinBox* members_;
    QCheckBox* validate_;
    QLineEdit* output_;
    QToolButton* browseOutput_;
    QLabel* outputNote_;
    QLabel* featuresLabel_;
    QLabel* error_;
    QPushButton* train_;
    QPushButton* cancel_;
    QPushButton* startOver_;
    QPushButton* use_;
    QPushButton* open_;
    QLabel* status_;
    QLabel* stage_;
    QProgressBar* progress_;

    QTabWidget* tabs_;
    QCustomPlot* curves_;
    QCPAxisRect* lossRect_;
    QCPAxisRect* validationRect_;
    QCPLegend* lossLegend_;
    QCPLegend* validationLegend_;
    QHash<QString, QCPGraph*> lossGraphs_;
    QHash<QString, QCPGraph*> validationGraphs_;
    QList<QCPItemStraightLine*> phaseMarkers_;  // in both rects
    QList<QCPItemText*> hints_;  // what an empty rect will show
    QCPItemText* phaseLabel_;
    QTimer* replotTimer_;
    int replots_ = 0;
    QTableWidget* roundTable_;
    QLabel* roundSummary_;
    QListWidget* images_;
    ThumbnailCache* thumbnails_;
    QSplitter* splitter_;
    QList<QGroupBox*> groups_;  // the controls' sections, top to bottom
};

}  // namespace pb::ui
