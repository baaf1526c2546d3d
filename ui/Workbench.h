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
        ReferenceEdits references;  // the reference set the product's bank is built from
        ReferenceAuditPtr audit;  // the latest audit of its reference set, under the current rule
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
    // Scores test images with a reconstruction model file read with `options`' features (the engine
    // refuses a model of other features): `test`, or the test split of the model's product. The result
    // is the product's scored test set, shown as a bank's is.
    bool scoreWithDetector(const QString& file, const EvaluationOptions& options, std::vector<Sample> test = {});
    void setImageThreshold(double threshold);  // the current product's
    void setPixelThreshold(const QString& product, double threshold);
    void setReviewBand(const ReviewBand& band);  // the current product's; T1 > T2 is swapped
    // metrics.csv and scores.csv of the current product with the thresholds and band the user settled on.
    bool exportCsv(const QString& folder, QString* error = nullptr) const;

    // The reference set of a product: its training images as the options select them, with the edits
    // the purification actions made. An empty list when no data set is open or nothing is left.
    ReferenceEdits referenceEdits(const QString& product) const;
    std::vector<Sample> referenceImages(const QString& product) const;
    std::vector<Sample> unusedTrainingImages(const QString& product) const;
    ReferenceAuditPtr audit(const QString& product) const;
    // Audits the current product's reference set under `rule`, with the options' k as the leave-one-out
    // neighbours (referencesAudited reports it).
    bool auditReferences(const purify::AuditRule& rule);
    // Applies another rule (score variant, k) to the current product's audit at once, without engine work.
    void setAuditRule(const purify::AuditRule& rule);
    // Purification actions on the current product's reference set; each rebuilds its bank in the
    // background (and scores the test set again when it had been scored). Remove and Recapture need an
    // audit with flagged images; Recapture needs unused training images and says so when none remain.
    bool removeFlaggedReferences();
    bool recaptureReferences();
    bool restoreReferences();

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
    // An audit arrived, or the rule of the one shown changed.
    void referencesAudited(const QString& product);
    void auditStopped(const QString& reason);  // the audit asked for will not come (empty reason: cancelled)
    // The purification actions changed a product's reference set; `message` says what was done.
    void referencesChanged(const QString& product, const QString& message);

private:
    void registerHandlers();
    bool requireProduct(const QString& title);
    bool requireBank(const QString& title, const QString& reason);
    bool bankMatches(const EvaluationOptions& options) const;
    bool requireFlagged(const QString& title);
    // Sets the current product's reference set and rebuilds its bank (build-then-score when it was scored).
    void changeReferences(const ReferenceEdits& edits, const QString& message);
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
    ReferenceEdits pendingBuildReferences_;
    QHash<QString, ProductState> products_;
};

}  // namespace pb::ui
