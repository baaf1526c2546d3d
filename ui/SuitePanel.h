// The "Reproduce paper" dock: runs an experiment suite (suites/*.json, the tables and figures of a paper)
// in the background. The user picks a suite, gives each of its data-set names a folder and each of its
// backbones a weights file (or none: random weights), and a results log; "Add to queue" queues the run.
// The queue runs one cell at a time on the engine thread with Pause, Resume and Cancel; the cell table,
// the per-cell and overall progress, and the suite's tables and figures fill as cells finish. "Export
// all…" writes the tables, the figures and a copy of the log. Folders, weights and logs are remembered.
#pragma once
#include <QHash>
#include <QPointer>
#include <QWidget>
#include <memory>
#include <vector>

#include "ui/SuiteQueue.h"

class QComboBox;
class QCustomPlot;
class QGridLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSettings;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;
class QToolButton;
class QTreeWidget;

namespace pb::ui {

class SuiteCellModel;

class SuitePanel : public QWidget {
    Q_OBJECT
public:
    enum CellColumns {
        CellIdColumn,
        CellExperimentColumn,
        CellProductColumn,
        CellParametersColumn,
        CellStateColumn,
        CellSecondsColumn,
        CellColumnCount
    };

    explicit SuitePanel(SuiteQueue* queue, QWidget* parent = nullptr);
    ~SuitePanel() override;

    // Adds a suite file to the list and selects it; false with the reason shown in the panel (the
    // pb::Error text) when it cannot be read.
    bool openSuiteFile(const QString& file);
    QString suiteFile() const;
    std::shared_ptr<const suite::Suite> suite() const { return suite_; }
    // The workbench's open data set: offered for the data-set name that matches its folder's name.
    void setOpenDataset(const QString& folder);
    void setCacheDir(const QString& dir) { cacheDir_ = dir; }
    void setDatasetFolder(const QString& name, const QString& folder);
    void setWeights(const QString& backbone, const QString& file);
    void setLogPath(const QString& file);
    // What stops the current inputs from running, one line each (also shown beside the fields).
    QStringList inputErrors();
    SuiteRunRequest request() const;
    // Checks the inputs and queues the run; false with the reasons shown inline.
    bool addToQueue();
    // The tables (csv, md, tex), the figures and a copy of the results log of the run shown into `folder`.
    bool exportAll(const QString& folder, QString* error = nullptr);

    SuiteQueue* queue() const { return queue_; }
    QComboBox* suiteBox() const { return suiteBox_; }
    QLabel* suiteInfo() const { return suiteInfo_; }
    QLabel* suiteError() const { return suiteError_; }
    QLineEdit* datasetEdit(const QString& name) const;
    QLabel* datasetNote(const QString& name) const;
    QLineEdit* weightsEdit(const QString& backbone) const;
    QLabel* weightsNote(const QString& backbone) const;
    QLineEdit* logEdit() const { return log_; }
    QLabel* logNote() const { return logNote_; }
    QPushButton* addButton() const { return add_; }
    QLabel* addError() const { return addError_; }
    QTreeWidget* queueView() const { return queueView_; }
    QPushButton* pauseButton() const { return pause_; }
    QPushButton* resumeButton() const { return resume_; }
    QPushButton* cancelButton() const { return cancel_; }
    QLabel* cellStage() const { return cellStage_; }
    QProgressBar* cellProgress() const { return cellProgress_; }
    QLabel* overallLabel() const { return overall_; }
    QProgressBar* overallProgress() const { return overallProgress_; }
    QLabel* timeLabel() const { return time_; }
    QLabel* statusLabel() const { return status_; }
    QTabWidget* resultTabs() const { return tabs_; }
    QTableView* cellView() const { return cellView_; }
    // The tab of a ResultTable by its name; null when the run shown has no such table.
    QTableView* tableView(const QString& name) const;
    QListWidget* figureList() const { return figureList_; }
    // The figure shown, drawn at the export size (the widget itself is never shown), and its picture.
    QCustomPlot* figurePlot() const { return figurePlot_; }
    QWidget* figurePicture() const { return figurePicture_; }
    QPushButton* exportButton() const { return export_; }
    QLabel* exportStatus() const { return exportStatus_; }
    QSplitter* splitter() const { return splitter_; }
    QTabWidget* sideTabs() const { return sideTabs_; }

    void loadSettings(QSettings& settings);
    void saveSettings(QSettings& settings) const;

private:
    struct Row {
        QString key;  // data-set name or backbone
        QLineEdit* edit = nullptr;
        QToolButton* browse = nullptr;
        QLabel* note = nullptr;
    };

    void addShippedSuites();
    int addSuiteItem(const QString& file, const suite::Suite& suite);
    void onSuiteChosen();
    void rebuildInputs();
    void clearRows(std::vector<Row>& rows, QGridLayout* grid);
    void checkDataset(const Row& row, bool strict);
    void checkWeights(const Row& row, bool strict);
    void checkLog(bool strict);
    QString defaultLog() const;
    void chooseFolder(const Row& row);
    void chooseWeights(const Row& row);
    void chooseLog();
    void chooseSuiteFile();
    void chooseExportFolder();

    void refreshQueue();
    void refreshRun(int id);
    void onSelectionChanged();
    void updateButtons();
    void updateProgress();
    void updateTimes();
    void fitCellColumns();
    void showSnapshot();
    void showFigure();
    int selectedRun() const;
    int progressRun() const;  // the run whose progress shows: the active one, else the one shown

    SuiteQueue* queue_;
    std::shared_ptr<const suite::Suite> suite_;
    QString openDataset_;
    QString cacheDir_;
    QHash<QString, QString> folders_;  // data-set name -> folder the user gave
    QHash<QString, QString> weights_;  // backbone -> weights file
    QHash<QString, QString> logs_;  // suite name -> results log
    QStringList userSuites_;  // suite files opened by hand

    QComboBox* suiteBox_;
    QPushButton* openSuite_;
    QLabel* suiteInfo_;
    QLabel* suiteError_;
    QGridLayout* datasetGrid_;
    QGridLayout* weightsGrid_;
    std::vector<Row> datasets_;
    std::vector<Row> backbones_;
    QLabel* weightsHint_;
    QLineEdit* log_;
    QToolButton* browseLog_;
    QLabel* logNote_;
    QPushButton* add_;
    QLabel* addError_;

    QTreeWidget* queueView_;
    QPushButton* pause_;
    QPushButton* resume_;
    QPushButton* cancel_;
    QLabel* cellStage_;
    QProgressBar* cellProgress_;
    QLabel* overall_;
    QProgressBar* overallProgress_;
    QLabel* time_;
    QLabel* status_;
    QTimer* ticker_;

    QLabel* resultsTitle_;
    QPushButton* export_;
    QLabel* exportStatus_;
    QTabWidget* tabs_;
    QTableView* cellView_;
    SuiteCellModel* cellModel_;
    QWidget* figuresTab_;
    QListWidget* figureList_;
    QCustomPlot* figurePlot_;
    QWidget* figurePicture_;
    QLabel* figureNote_;
    QStringList tableNames_;  // the tabs between Cells and Figures
    QTabWidget* sideTabs_;  // New run, Queue
    QSplitter* splitter_;
    int shownCell_ = -1;  // the cell the progress line describes, of run shownCellRun_
    int shownCellRun_ = 0;
};

}  // namespace pb::ui
