// The budget-sweep dock: image AUROC against bank size (MB, log axis) per compression method for the
// current product, run on the engine thread (features extracted once, one bank per method and budget)
// with progress and Cancel. The chart's context menu (and File > Export) saves the sweep as CSV and
// the chart as PNG.
#pragma once
#include <QHash>
#include <QWidget>

#include "ui/EngineResults.h"

class QCheckBox;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSettings;

namespace pb::ui {

class BudgetSweepPanel : public QWidget {
    Q_OBJECT
public:
    explicit BudgetSweepPanel(QWidget* parent = nullptr);

    // The methods checked and the budgets typed ("1/64, 1/32, 0.1"); optionsError() says what is wrong.
    BudgetSweepOptions options() const;
    QString optionsError() const;
    static bool parseFractions(const QString& text, std::vector<double>* fractions, QString* error);

    void setProduct(const QString& product);
    void setRunning(bool running);
    void onProgress(const QString& stage, qint64 done, qint64 total);
    void setResult(const BudgetSweepResultPtr& result);
    void setFailed(const QString& message);
    BudgetSweepResultPtr result() const { return result_; }

    // false with the reason (naming the file) when nothing was written.
    bool exportCsv(const QString& path, QString* error) const;
    bool exportPng(const QString& path, QString* error);

    // Points drawn for a method ("flat" included); -1 when it has no graph.
    int plottedPoints(const QString& method) const;
    QCustomPlot* chart() const { return chart_; }
    QCheckBox* methodCheck(const QString& method) const { return methods_.value(method); }
    QLineEdit* fractionsEdit() const { return fractions_; }
    QCheckBox* pixelCheck() const { return pixel_; }
    QPushButton* runButton() const { return run_; }
    QPushButton* cancelButton() const { return cancel_; }
    QLabel* statusLabel() const { return status_; }

    void loadSettings(QSettings& settings);
    void saveSettings(QSettings& settings) const;

signals:
    void runRequested();
    void cancelRequested();
    void exportCsvRequested();
    void exportPngRequested();

private:
    void plot();
    void showMenu(const QPoint& pos);

    QHash<QString, QCheckBox*> methods_;
    QLineEdit* fractions_;
    QCheckBox* pixel_;
    QPushButton* run_;
    QPushButton* cancel_;
    QProgressBar* progress_;
    QLabel* status_;
    QCustomPlot* chart_;
    QString product_;
    BudgetSweepResultPtr result_;
    QHash<QString, int> plotted_;
};

}  // namespace pb::ui
