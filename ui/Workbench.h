// The inspection workflow without widgets: the open data set, the current product, the bank in use,
// every product's scored test set with the thresholds, review band and colour scale the user settled
// on, and sequences such as build-then-score. MainWindow shows it and forwards the user's actions;
// tests drive it directly. All engine work goes through the EngineController, so nothing here waits
// on the engine, and every bank it holds is an immutable published value.
#pragma once
#include <QHash>
#include <QObject>
#include <QStringList>
#include <limits>

#include "ui/EngineResults.h"

namespace pb::ui {

class EngineController;

class Workbench : public QObject {
    Q_OBJECT
public:
    struct ProductState {
        ScoreResultPtr testResult;  // the latest scored test split
        double imageThreshold = std::numeric_limits<double>::quiet_NaN();
        double pixelThreshold = std::numeric_limits<double>::quiet_NaN();
        ReviewBand reviewBand;      // undefined: imageThreshold alone decides
        MapRange mapRange;          // the heatmaps' colour scale
        LeaveOneOutPtr leaveOneOut; // of leaveOneOutBank's training images
        TrainedBankPtr leaveOneOutBank;
    };

    // Registers the handlers of the workflow's kinds of engine work with the controller.
    explicit Workbench(EngineController* controller, QObject* parent = nullptr);

    EngineController* controller() const { return controller_; }
    const EvaluationOptions& options() const { return options_; }
    // The options of the next build and of the display rules; a change of the review-band rule or the
    // heatmap scale is applied to every scored product at once (asking for leave-one-out scores when
    // the rule needs them).
    void setOptions(const EvaluationOptions& options);

    DatasetPtr dataset() const { return dataset_; }
    QString currentProduct() const { return product_; }
    TrainedBankPtr bank() const { return bank_; }
    bool buildInFlight() const { return buildInFlight_; }
    // nullptr for a product nothing has been scored or set for.
    const ProductState* state(const QString& product) const;
    ScoreResultPtr testResult(const QString& product) const;
    double imageThreshold() const;  // of the current product; NaN when unknown
    // The leave-one-out scores of the bank in use when they belong to `product`'s bank, else null.
    LeaveOneOutPtr leaveOneOut(const QString& product) const;

    // The user's actions. Those that cannot start emit refused(title, reason) and return false.
    void openDataset(const QString& folder);
    void setCurrentProduct(const QString& product);
    bool buildBank();
    bool scoreTestSet();  // builds the bank first when it is missing or the options changed
    bool scoreFiles(const QStringList& paths);
    bool addImages(const QStringList& paths);
    bool saveBank(const QString& path);
    bool openBank(const QString& path);
    bool computeLeaveOneOut();
    void setImageThreshold(double threshold);  // the current product's
    void setPixelThreshold(const QString& product, double threshold);
    void setReviewBand(const ReviewBand& band);  // the current product's; T1 > T2 is swapped
    // metrics.csv and scores.csv of the current product with the thresholds and band the user settled on.
    bool exportCsv(const QString& folder, QString* error = nullptr) const;

signals:
    void datasetOpened(const pb::ui::DatasetPtr& dataset);
    void currentProductChanged(const QString& product);
    // A new bank is in use: built, grown by Add images, or read from a file.
    void bankChanged(pb::ui::RequestKind kind, const pb::ui::TrainedBankPtr& bank);
    void bankSaved(const QString& path);
    void testSetScored(const pb::ui::ScoreResultPtr& result);
    void filesScored(const pb::ui::ScoreResultPtr& result);
    void leaveOneOutChanged(const QString& product);
    void leaveOneOutStopped();  // the scores asked for will not come (error, cancel)
    // The thresholds, review band or colour scale of a product changed.
    void productViewChanged(const QString& product);
    void refused(const QString& title, const QString& reason);

private:
    void registerHandlers();
    bool requireProduct(const QString& title);
    bool requireBank(const QString& title, const QString& reason);
    bool bankMatches(const EvaluationOptions& options) const;
    bool leaveOneOutValid(const ProductState& s, const QString& product) const;
    // Review band and colour scale of `product` from the options' rules; asks for the leave-one-out
    // scores when a rule needs them and they are not there yet.
    void applyDisplayRules(const QString& product);
    void onBuilt(const TrainedBankPtr& bank);
    void onTestSetScored(const ScoreResultPtr& result);
    void onLeaveOneOut(const LeaveOneOutPtr& scores);

    EngineController* controller_;
    EvaluationOptions options_;
    DatasetPtr dataset_;
    QString product_;
    TrainedBankPtr bank_;
    DatasetPtr bankDataset_;        // the data set the bank was built from
    bool scoreAfterBuild_ = false;  // "Score test set" asked for a bank first
    bool buildInFlight_ = false;    // the latest build has not reported its bank (or its end) yet
    EvaluationOptions pendingBuildOptions_;
    QString pendingBuildProduct_;
    QHash<QString, ProductState> products_;
};

}  // namespace pb::ui
