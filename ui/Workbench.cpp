#include "ui/Workbench.h"

#include <QDir>
#include <algorithm>
#include <cmath>

#include "engine/experiments/EvaluationReport.h"
#include "engine/experiments/ScoredImagesSummary.h"
#include "engine/util/Error.h"
#include "ui/EngineController.h"
#include "ui/EngineTasks.h"

namespace pb::ui {

Workbench::Workbench(EngineController* controller, QObject* parent) : QObject(parent), controller_(controller) {
    registerHandlers();
}

void Workbench::registerHandlers() {
    auto onResult = [](std::function<void(const QVariant&)> finished) {
        EngineHandler h;
        h.finished = std::move(finished);
        return h;
    };
    controller_->handle(RequestKind::OpenDataset, onResult([this](const QVariant& r) {
                            dataset_ = r.value<DatasetPtr>();
                            products_.clear();
                            product_.clear();
                            emit datasetOpened(dataset_);
                            if (!dataset_->products.empty())
                                setCurrentProduct(QString::fromStdString(dataset_->products.front()));
                        }));
    EngineHandler build;
    build.finished = [this](const QVariant& r) { onBuilt(r.value<TrainedBankPtr>()); };
    build.stopped = [this](const QString&) { scoreAfterBuild_ = buildInFlight_ = false; };
    controller_->handle(RequestKind::BuildBank, build);
    controller_->handle(RequestKind::ScoreTestSet,
                        onResult([this](const QVariant& r) { onTestSetScored(r.value<ScoreResultPtr>()); }));
    controller_->handle(RequestKind::ScoreFiles,
                        onResult([this](const QVariant& r) { emit filesScored(r.value<ScoreResultPtr>()); }));
    EngineHandler leaveOneOut;
    leaveOneOut.finished = [this](const QVariant& r) { onLeaveOneOut(r.value<LeaveOneOutPtr>()); };
    leaveOneOut.stopped = [this](const QString&) { emit leaveOneOutStopped(); };
    controller_->handle(RequestKind::LeaveOneOut, leaveOneOut);
    controller_->handle(RequestKind::AddImages, onResult([this](const QVariant& r) {
                            bank_ = r.value<TrainedBankPtr>();
                            emit bankChanged(RequestKind::AddImages, bank_);
                        }));
    controller_->handle(RequestKind::LoadBank, onResult([this](const QVariant& r) {
                            // The loaded bank is scored like a built one: same product, same settings.
                            bank_ = r.value<TrainedBankPtr>();
                            bankDataset_ = dataset_;
                            buildInFlight_ = false;
                            emit bankChanged(RequestKind::LoadBank, bank_);
                            const QString product = QString::fromStdString(bank_->product);
                            if (dataset_ && std::find(dataset_->products.begin(), dataset_->products.end(),
                                                      bank_->product) != dataset_->products.end())
                                setCurrentProduct(product);
                        }));
    controller_->handle(RequestKind::ScoreWithDetector, onResult([this](const QVariant& r) {
                            const ScoreResultPtr result = r.value<ScoreResultPtr>();
                            if (dataset_ && std::find(dataset_->products.begin(), dataset_->products.end(),
                                                      result->product) != dataset_->products.end())
                                setCurrentProduct(QString::fromStdString(result->product));
                            onTestSetScored(result);
                        }));
    controller_->handle(RequestKind::SaveBank,
                        onResult([this](const QVariant& r) { emit bankSaved(r.toString()); }));
    EngineHandler audit;
    audit.finished = [this](const QVariant& r) {
        const ReferenceAuditPtr a = r.value<ReferenceAuditPtr>();
        const QString product = QString::fromStdString(a->report.product);
        products_[product].audit = a;
        emit referencesAudited(product);
    };
    audit.stopped = [this](const QString& reason) { emit auditStopped(reason); };
    controller_->handle(RequestKind::AuditReferences, audit);
}

void Workbench::setOptions(const EvaluationOptions& options) {
    const bool rulesChanged = options.reviewBand.toString() != options_.reviewBand.toString() ||
                              options.heatmapScale != options_.heatmapScale;
    options_ = options;
    if (!rulesChanged) return;
    for (auto it = products_.begin(); it != products_.end(); ++it)
        if (it->testResult) applyDisplayRules(it.key());
}

const Workbench::ProductState* Workbench::state(const QString& product) const {
    auto it = products_.constFind(product);
    return it == products_.constEnd() ? nullptr : &*it;
}

ScoreResultPtr Workbench::testResult(const QString& product) const {
    const ProductState* s = state(product);
    return s ? s->testResult : nullptr;
}

double Workbench::imageThreshold() const {
    const ProductState* s = state(product_);
    return s ? s->imageThreshold : std::numeric_limits<double>::quiet_NaN();
}

bool Workbench::leaveOneOutValid(const ProductState& s, const QString& product) const {
    // A bank's leave-one-out scores say nothing about a reconstruction model's scores.
    if (s.testResult && s.testResult->detector) return false;
    return s.leaveOneOut && s.leaveOneOutBank && s.leaveOneOutBank == bank_ &&
           QString::fromStdString(bank_->product) == product;
}

LeaveOneOutPtr Workbench::leaveOneOut(const QString& product) const {
    const ProductState* s = state(product);
    return s && leaveOneOutValid(*s, product) ? s->leaveOneOut : nullptr;
}

// ----------------------------------------------------------------------------------------- actions

void Workbench::openDataset(const QString& folder) {
    if (folder.isEmpty()) return;
    controller_->post<OpenDatasetTask>(QDir(folder).absolutePath());
}

void Workbench::setCurrentProduct(const QString& product) {
    if (product == product_) return;
    product_ = product;
    emit currentProductChanged(product);
}

bool Workbench::requireProduct(const QString& title) {
    if (dataset_ && !product_.isEmpty()) return true;
    emit refused(title, tr("Open a data set and select a product first."));
    return false;
}

bool Workbench::bankMatches(const EvaluationOptions& options) const {
    return bank_ && bankDataset_ == dataset_ && QString::fromStdString(bank_->product) == product_ &&
           bank_->options.sameResultsAs(options) && bank_->references == referenceEdits(product_);
}

bool Workbench::buildBank() {
    if (!requireProduct(tr("Build bank"))) return false;
    scoreAfterBuild_ = false;
    bankDataset_ = dataset_;
    buildInFlight_ = true;
    pendingBuildOptions_ = options_;
    pendingBuildProduct_ = product_;
    pendingBuildReferences_ = referenceEdits(product_);
    controller_->cancel(RequestKind::ProbeFeatures);  // the build measures the real thing
    controller_->post<BuildBankTask>(dataset_, product_, pendingBuildOptions_, pendingBuildReferences_);
    return true;
}

bool Workbench::scoreTestSet() {
    if (!requireProduct(tr("Score test set"))) return false;
    if (buildInFlight_ && pendingBuildProduct_ == product_ && bankDataset_ == dataset_ &&
        pendingBuildOptions_.sameResultsAs(options_) && pendingBuildReferences_ == referenceEdits(product_)) {
        scoreAfterBuild_ = true;  // the bank being built is the right one: score when it arrives
        return true;
    }
    if (!buildInFlight_ && bankMatches(options_)) {
        controller_->post<ScoreTestSetTask>(dataset_, product_);
        return true;
    }
    // No bank for these options yet: build it, then score (onBuilt sends the request).
    buildBank();
    scoreAfterBuild_ = true;
    return true;
}

bool Workbench::requireBank(const QString& title, const QString& reason) {
    if (bank_) return true;
    emit refused(title, reason);
    return false;
}

bool Workbench::scoreFiles(const QStringList& paths) {
    if (paths.isEmpty()) return false;
    // A product inspected with a trained model scores dropped images with that model.
    if (const ScoreResultPtr r = testResult(product_); r && r->detector) {
        controller_->post<ScoreFilesTask>(paths, r->detector, r->product);
        return true;
    }
    if (
        !requireBank(tr("Cannot score the images"), tr("Build a bank first: the images are scored against it.")))
        return false;
    controller_->post<ScoreFilesTask>(paths);
    return true;
}

bool Workbench::addImages(const QStringList& paths) {
    if (paths.isEmpty() || !requireBank(tr("Cannot add images to the bank"), tr("Build or open a bank first.")))
        return false;
    controller_->post<AddImagesTask>(paths);
    return true;
}

bool Workbench::saveBank(const QString& path) {
    if (!requireBank(tr("Cannot save the bank"), tr("Build or open a bank first."))) return false;
    controller_->post<SaveBankTask>(path);
    return true;
}

bool Workbench::openBank(const QString& path) {
    if (path.isEmpty()) return false;
    scoreAfterBuild_ = false;
    controller_->post<LoadBankTask>(path, options_);
    return true;
}

bool Workbench::computeLeaveOneOut() {
    if (const ScoreResultPtr r = testResult(product_); r && r->detector) {
        emit refused(tr("Leave-one-out scores"),
                     tr("The test set of %1 was scored by a reconstruction model; leave-one-out scores need a memory "
                        "bank. Score the test set with a bank first.")
                         .arg(product_));
        return false;
    }
    if (!bank_ || QString::fromStdString(bank_->product) != product_) {
        emit refused(tr("Leave-one-out scores"), tr("Build the bank of %1 first.").arg(product_));
        return false;
    }
    controller_->post<LeaveOneOutTask>();
    return true;
}

bool Workbench::scoreWithDetector(const QString& file, const EvaluationOptions& options, std::vector<Sample> test) {
    const QString title = tr("Use the detector");
    if (!dataset_) {
        emit refused(title, tr("Open a data set first: the model scores its test images."));
        return false;
    }
    if (file.isEmpty()) {
        emit refused(title, tr("Choose a model file first."));
        return false;
    }
    scoreAfterBuild_ = false;  // a score asked for before now shows the model's maps instead
    controller_->post<ScoreWithDetectorTask>(dataset_, file, options, std::move(test));
    return true;
}

void Workbench::setImageThreshold(double threshold) {
    if (product_.isEmpty()) return;
    products_[product_].imageThreshold = threshold;
    emit productViewChanged(product_);
}

void Workbench::setPixelThreshold(const QString& product, double threshold) {
    if (product.isEmpty()) return;
    products_[product].pixelThreshold = threshold;
}

void Workbench::setReviewBand(const ReviewBand& band) {
    if (product_.isEmpty()) return;
    ReviewBand b = band;
    if (b.defined() && b.low > b.high) std::swap(b.low, b.high);
    products_[product_].reviewBand = b;
    emit productViewChanged(product_);
}

bool Workbench::exportCsv(const QString& folder, QString* error) const {
    const ProductState* s = state(product_);
    if (!s || !s->testResult) {
        if (error) *error = tr("Score the test set of the product first.");
        return false;
    }
    const ScoreResult& r = *s->testResult;
    // The engine's evaluation of the test set with what the user settled on: "predicted" and "verdict"
    // in scores.csv follow the thresholds and the band on screen.
    ProductEvaluation evaluation = r;
    evaluation.imageThreshold = s->imageThreshold;
    evaluation.pixelThreshold = std::isfinite(s->pixelThreshold) ? s->pixelThreshold : r.pixelThreshold;
    evaluation.reviewBand = s->reviewBand;
    evaluation.mapRange = s->mapRange;
    // A reconstruction model's test set has no bank: its own times and options.
    evaluation.times = r.bank ? r.bank->times : StageTimes{};
    evaluation.times.merge(r.times);
    evaluation.seconds = (r.bank ? r.bank->seconds : 0.0) + r.seconds;
    try {
        EvaluationReport report(folder.toStdString(), r.bank ? r.bank->options : r.detector->options);
        report.writeMetrics({evaluation});
        report.writeScores({evaluation});
    } catch (const std::exception& e) {
        if (error) *error = QString::fromStdString(e.what());
        return false;
    }
    return true;
}

// ----------------------------------------------------------------------------------------- references

ReferenceEdits Workbench::referenceEdits(const QString& product) const {
    const ProductState* s = state(product);
    return s ? s->references : ReferenceEdits{};
}

std::vector<Sample> Workbench::referenceImages(const QString& product) const {
    if (!dataset_ || product.isEmpty()) return {};
    try {
        return ::pb::ui::referenceImages(*dataset_, product.toStdString(), options_, referenceEdits(product));
    } catch (const Error&) {
        return {};  // no training images, or every one removed
    }
}

std::vector<Sample> Workbench::unusedTrainingImages(const QString& product) const {
    if (!dataset_ || product.isEmpty()) return {};
    try {
        return ::pb::ui::unusedTrainingImages(*dataset_, product.toStdString(), options_, referenceEdits(product));
    } catch (const Error&) {
        return {};
    }
}

ReferenceAuditPtr Workbench::audit(const QString& product) const {
    const ProductState* s = state(product);
    return s ? s->audit : nullptr;
}

bool Workbench::auditReferences(const purify::AuditRule& rule) {
    if (!requireProduct(tr("Audit the references"))) return false;
    if (referenceImages(product_).size() < 2) {
        emit refused(
            tr("Audit the references"),
            tr("The audit needs at least two reference images of %1; restore the reference set.").arg(product_));
        return false;
    }
    purify::ReferenceAuditOptions audit;
    audit.rule = rule;
    audit.k = options_.k;
    controller_->post<AuditReferencesTask>(ReferenceSetRequest{dataset_, product_, options_, referenceEdits(product_)},
                                           audit);
    return true;
}

void Workbench::setAuditRule(const purify::AuditRule& rule) {
    for (auto it = products_.begin(); it != products_.end(); ++it) {
        if (!it->audit) continue;
        const purify::AuditRule& was = it->audit->report.rule;
        if (was.score == rule.score && was.k == rule.k && was.maxFraction == rule.maxFraction) continue;
        try {
            auto audit = std::make_shared<ReferenceAudit>(*it->audit);
            audit->report = purify::withAuditRule(it->audit->report, rule);
            it->audit = audit;
        } catch (const Error& e) {
            emit refused(tr("Audit rule"), QString::fromStdString(e.what()));
            continue;
        }
        emit referencesAudited(it.key());
    }
}

bool Workbench::requireFlagged(const QString& title) {
    if (!requireProduct(title)) return false;
    const ReferenceAuditPtr a = audit(product_);
    if (!a) {
        emit refused(title, tr("Audit the reference images of %1 first.").arg(product_));
        return false;
    }
    if (a->report.flagged().empty()) {
        emit refused(title, tr("The audit of %1 flagged no reference image.").arg(product_));
        return false;
    }
    return true;
}

bool Workbench::removeFlaggedReferences() {
    const QString title = tr("Remove flagged");
    if (!requireFlagged(title)) return false;
    const purify::ReferenceAuditReport& report = audit(product_)->report;
    ReferenceEdits edits = referenceEdits(product_);
    int removed = 0;
    for (std::size_t i : report.flagged()) {
        const std::string& path = report.images[i].sample.path;
        auto added = std::find(edits.added.begin(), edits.added.end(), path);
        if (added != edits.added.end()) {
            edits.added.erase(added);  // a recaptured image flagged in turn simply goes again
            ++removed;
        } else if (std::find(edits.excluded.begin(), edits.excluded.end(), path) == edits.excluded.end()) {
            edits.excluded.push_back(path);
            ++removed;
        }
    }
    if (removed == 0) {
        emit refused(title, tr("The flagged images of %1 are already out of its reference set.").arg(product_));
        return false;
    }
    changeReferences(
        edits, tr("Removed %n flagged reference image(s) of %1; rebuilding its bank.", nullptr, removed).arg(product_));
    return true;
}

bool Workbench::recaptureReferences() {
    const QString title = tr("Recapture");
    if (!requireFlagged(title)) return false;
    const purify::ReferenceAuditReport& report = audit(product_)->report;
    ReferenceEdits edits = referenceEdits(product_);
    for (std::size_t i : report.flagged()) {
        const std::string& path = report.images[i].sample.path;
        edits.added.erase(std::remove(edits.added.begin(), edits.added.end(), path), edits.added.end());
        if (std::find(edits.excluded.begin(), edits.excluded.end(), path) == edits.excluded.end())
            edits.excluded.push_back(path);
    }
    // Recapture refills the reference set to its original size with training images it did not use.
    const std::string name = product_.toStdString();
    std::size_t original = 0, current = 0;
    std::vector<Sample> unused;
    try {
        original = ::pb::ui::referenceImages(*dataset_, name, options_, {}).size();
        unused = ::pb::ui::unusedTrainingImages(*dataset_, name, options_, edits);
    } catch (const Error& e) {
        emit refused(title, QString::fromStdString(e.what()));
        return false;
    }
    try {
        current = ::pb::ui::referenceImages(*dataset_, name, options_, edits).size();
    } catch (const Error&) {
        current = 0;  // every reference removed: all of them are to be replaced
    }
    if (current >= original) {
        emit refused(title, tr("The reference set of %1 already holds its %n original image(s).", nullptr,
                               static_cast<int>(original))
                                .arg(product_));
        return false;
    }
    if (unused.empty()) {
        emit refused(title, tr("No unused training images of %1 remain: every one is in the reference set or was "
                               "removed. Use Remove flagged instead, or set a training-image limit in the engine panel "
                               "to keep some in reserve.")
                                .arg(product_));
        return false;
    }
    const std::size_t take = std::min(original - current, unused.size());
    for (std::size_t j = 0; j < take; ++j) edits.added.push_back(unused[j].path);
    QString message = tr("Replaced %n flagged reference image(s) of %1 by unused training images; rebuilding its bank.",
                         nullptr, static_cast<int>(take))
                          .arg(product_);
    if (take < original - current)
        message += QLatin1Char(' ') + tr("Only %n unused image(s) remained.", nullptr, static_cast<int>(unused.size()));
    changeReferences(edits, message);
    return true;
}

bool Workbench::restoreReferences() {
    const QString title = tr("Restore");
    if (!requireProduct(title)) return false;
    if (referenceEdits(product_).empty()) {
        emit refused(title, tr("The reference set of %1 is already the original one.").arg(product_));
        return false;
    }
    changeReferences({}, tr("Restored the original reference set of %1; rebuilding its bank.").arg(product_));
    return true;
}

void Workbench::changeReferences(const ReferenceEdits& edits, const QString& message) {
    ProductState& s = products_[product_];
    s.references = edits;
    const bool scored = s.testResult != nullptr;
    emit referencesChanged(product_, message);
    // The new bank replaces the old one as any build does; a scored product is scored again with it.
    if (scored)
        scoreTestSet();
    else
        buildBank();
}

// ----------------------------------------------------------------------------------------- results

void Workbench::onBuilt(const TrainedBankPtr& bank) {
    bank_ = bank;
    buildInFlight_ = false;
    emit bankChanged(RequestKind::BuildBank, bank);
    if (scoreAfterBuild_) {
        scoreAfterBuild_ = false;
        controller_->post<ScoreTestSetTask>(bankDataset_, QString::fromStdString(bank->product));
    }
}

void Workbench::onTestSetScored(const ScoreResultPtr& result) {
    const QString product = QString::fromStdString(result->product);
    ProductState& s = products_[product];
    s.testResult = result;
    // Defaults from the engine: F1-optimal thresholds when labels exist, else the p99 of the scores.
    s.imageThreshold = result->imageThreshold;
    s.pixelThreshold = result->pixelThreshold;
    s.mapRange = result->mapRange;
    emit testSetScored(result);
    applyDisplayRules(product);
}

void Workbench::onLeaveOneOut(const LeaveOneOutPtr& scores) {
    if (!bank_ || !scores) return;
    const QString product = QString::fromStdString(bank_->product);
    ProductState& s = products_[product];
    s.leaveOneOut = scores;
    s.leaveOneOutBank = bank_;
    emit leaveOneOutChanged(product);
    if (s.testResult && options_.needsLeaveOneOut()) applyDisplayRules(product);
}

void Workbench::applyDisplayRules(const QString& product) {
    ProductState& s = products_[product];
    if (!s.testResult) return;
    const bool haveNormal = leaveOneOutValid(s, product);
    EvaluationOptions rules = options_;
    if (!haveNormal && rules.needsLeaveOneOut()) {
        // Until the leave-one-out scores of this bank arrive: no band from them, the test set's scale.
        if (rules.reviewBand.needsLeaveOneOut()) rules.reviewBand = ReviewBandRule{};
        if (rules.heatmapScale == HeatmapScale::Normal) rules.heatmapScale = HeatmapScale::TestSet;
        if (bank_ && !s.testResult->detector && QString::fromStdString(bank_->product) == product &&
            !controller_->isPending(RequestKind::LeaveOneOut))
            controller_->post<LeaveOneOutTask>();
    }
    try {
        const DisplayRules d = displayRulesFor(s.testResult->images, rules, haveNormal ? s.leaveOneOut.get() : nullptr);
        s.reviewBand = d.reviewBand;
        s.mapRange = d.mapRange;
    } catch (const std::exception& e) {
        s.reviewBand = ReviewBand{};
        s.mapRange = s.testResult->mapRange;
        emit refused(tr("Review band of %1").arg(product), QString::fromStdString(e.what()));
    }
    emit productViewChanged(product);
}

}  // namespace pb::ui
