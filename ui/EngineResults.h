// Values that cross between the engine thread and the GUI thread in queued signals. They are
// immutable once published (shared_ptr to const), so either thread may read them without locks.
#pragma once
#include <QCoreApplication>
#include <QMetaType>
#include <QString>
#include <QVector>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/backbone/Backbone.h"
#include "engine/dataset/Dataset.h"
#include "engine/experiments/BudgetSweep.h"
#include "engine/experiments/EvaluationOptions.h"
#include "engine/experiments/ProductEvaluation.h"
#include "engine/experiments/ProductModel.h"
#include "engine/experiments/SharedBankEvaluator.h"
#include "engine/util/StageTimes.h"

namespace pb::ui {

// The kinds of work the engine thread does; a newer request supersedes an older one of its kind.
enum class RequestKind {
    OpenDataset,
    ValidateBackbone,
    BuildBank,
    ScoreTestSet,
    ScoreFiles,
    LeaveOneOut,
    ProbeFeatures,  // the feature size of the backbone at the input size, for the bank size estimate
    AddImages,
    SaveBank,
    LoadBank,
    BudgetSweep,
    SharedBank,
};

// What the status bar, the engine panel and error titles call a kind of work (translated). Beside the
// enum, so that a new kind is named where it is declared.
inline QString kindName(RequestKind kind) {
    const char* text = "";
    switch (kind) {
        case RequestKind::OpenDataset: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Opening the data set"); break;
        case RequestKind::ValidateBackbone: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Checking the backbone"); break;
        case RequestKind::BuildBank: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Building the bank"); break;
        case RequestKind::ScoreTestSet: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Scoring the test set"); break;
        case RequestKind::ScoreFiles: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Scoring dropped images"); break;
        case RequestKind::LeaveOneOut: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Leave-one-out scores"); break;
        case RequestKind::ProbeFeatures: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Measuring the feature size"); break;
        case RequestKind::AddImages: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Adding images to the bank"); break;
        case RequestKind::SaveBank: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Saving the bank"); break;
        case RequestKind::LoadBank: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Opening the bank"); break;
        case RequestKind::BudgetSweep: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Budget sweep"); break;
        case RequestKind::SharedBank: text = QT_TRANSLATE_NOOP("pb::ui::EngineController", "Shared bank"); break;
    }
    return QCoreApplication::translate("pb::ui::EngineController", text);
}

// Sizes of a bank, read on the engine thread when the bank is published, so that the GUI never
// reads a model the engine may be changing (adding images).
struct BankSummary {
    std::string spec;              // normalised ("coreset:0.0625")
    std::size_t trainImages = 0;   // images whose patches entered the bank (0 for a bank loaded from a file)
    std::size_t vectors = 0;       // stored bank vectors
    std::size_t sourcePatches = 0; // patches the bank was compressed from
    std::size_t bytes = 0;         // ProductModel::bankBytes()
    double compressionRatio = 0.0; // ProductModel::compressionRatio()
    int featureDim = 0;
    int neighbours = 0;            // k actually averaged into a patch score
};

// A product's bank and the backbone it was built with, immutable once published: adding images
// publishes a new TrainedBank with a new model, so either thread reads any published one without locks.
struct TrainedBank {
    std::shared_ptr<Backbone> backbone;   // declared first: the model refers to it and dies before it
    std::shared_ptr<const ProductModel> model;
    EvaluationOptions options;
    std::string product;
    FeatureIdentity features;             // the loaded backbone's identity and the input geometry
    std::string file;                     // the bank file it was loaded from; empty when built here
    int patchStride = 0;
    double seconds = 0.0;
    StageTimes times;
    BankSummary summary;
};
using TrainedBankPtr = std::shared_ptr<const TrainedBank>;

// Images scored against one bank: the whole test split of a product, or files dropped on the window.
// The evaluation part (images, metrics, default thresholds, the test-set colour scale) comes from the
// engine's one producer (ScoredImagesSummary), as the CLI's reports do; the Workbench applies the
// display rules (review band, data-set colour scale) on top.
struct ScoreResult : ProductEvaluation {
    TrainedBankPtr bank;          // null for a shared multi-product bank
    bool testSet = false;
    // Shared multi-product banks: the product of every bank tag (ScoredImage::nearestTag indexes it).
    bool shared = false;
    std::vector<std::string> tagNames;
};
using ScoreResultPtr = std::shared_ptr<const ScoreResult>;

// A backbone that loaded: its identity (what the features depend on) and its patch stride in pixels.
struct BackboneCheck {
    QString identity;
    int patchStride = 0;
};

// The feature grid the backbone gives at the input size (one forward pass of a blank image).
struct FeatureShape {
    int dim = 0;
    int gridHeight = 0;
    int gridWidth = 0;
    std::size_t patches() const { return static_cast<std::size_t>(gridHeight) * gridWidth; }
};

using DatasetPtr = std::shared_ptr<const Dataset>;

// A shared-bank run: the products (from one or several data sets), the engine and shared-bank settings.
struct SharedBankRequest {
    std::vector<std::pair<DatasetPtr, std::string>> products;
    EvaluationOptions options;
    SharedBankOptions shared;
};

// Its outcome: the evaluation (per-product metrics, WNR, the router's confusion and margins) and, per
// product in evaluation.names order, the scored test images as the inspection views take them.
struct SharedRun {
    SharedBankEvaluation evaluation;  // products[p].images moved into results[p]
    std::vector<ScoreResultPtr> results;
    SharedBankOptions shared;
    EvaluationOptions options;
};
using SharedRunPtr = std::shared_ptr<const SharedRun>;

using BudgetSweepResultPtr = std::shared_ptr<const BudgetSweepResult>;
using LeaveOneOutPtr = std::shared_ptr<const LeaveOneOutScores>;

}  // namespace pb::ui

Q_DECLARE_METATYPE(pb::ui::RequestKind)
Q_DECLARE_METATYPE(pb::ui::TrainedBankPtr)
Q_DECLARE_METATYPE(pb::ui::ScoreResultPtr)
Q_DECLARE_METATYPE(pb::ui::DatasetPtr)
Q_DECLARE_METATYPE(pb::ui::SharedRunPtr)
Q_DECLARE_METATYPE(pb::ui::BudgetSweepResultPtr)
Q_DECLARE_METATYPE(pb::ui::LeaveOneOutPtr)
Q_DECLARE_METATYPE(pb::ui::FeatureShape)
Q_DECLARE_METATYPE(pb::ui::BackboneCheck)
