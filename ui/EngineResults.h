// Values that cross between the engine thread and the GUI thread in queued signals. They are
// immutable once published (shared_ptr to const), so either thread may read them without locks.
#pragma once
#include <QMetaType>
#include <QString>
#include <QVector>
#include <memory>
#include <string>
#include <vector>

#include "engine/backbone/Backbone.h"
#include "engine/dataset/Dataset.h"
#include "engine/experiments/EvaluationOptions.h"
#include "engine/experiments/ProductEvaluation.h"
#include "engine/experiments/ProductModel.h"
#include "engine/util/StageTimes.h"

namespace pb::ui {

// The kinds of work the engine thread does; a newer request supersedes an older one of its kind.
enum class RequestKind { OpenDataset, ValidateBackbone, BuildBank, ScoreTestSet, ScoreFiles, LeaveOneOut };

// A product's bank and the backbone it was built with. After publication only const members
// of the model are used from the GUI thread (origin()); they read data that scoring never changes.
struct TrainedBank {
    std::shared_ptr<Backbone> backbone;   // declared first: the model refers to it and dies before it
    std::shared_ptr<ProductModel> model;
    EvaluationOptions options;
    std::string product;
    std::string backboneIdentity;
    int patchStride = 0;
    double seconds = 0.0;
    StageTimes times;
};
using TrainedBankPtr = std::shared_ptr<const TrainedBank>;

// Images scored against one bank: the whole test split of a product, or files dropped on the window.
struct ScoreResult {
    TrainedBankPtr bank;
    std::string product;
    bool testSet = false;
    std::vector<ScoredImage> images;
    EvaluationMetrics metrics;    // NaN where labels or masks are missing
    bool hasMasks = false;
    double pixelThreshold = 0.0;  // F1-optimal over pooled pixels with masks, else p99 of the maps
    float mapLow = 0.0f;          // range of every map value: one colour scale for the whole set
    float mapHigh = 1.0f;
    double seconds = 0.0;
    StageTimes times;
};
using ScoreResultPtr = std::shared_ptr<const ScoreResult>;

using DatasetPtr = std::shared_ptr<const Dataset>;

}  // namespace pb::ui

Q_DECLARE_METATYPE(pb::ui::RequestKind)
Q_DECLARE_METATYPE(pb::ui::TrainedBankPtr)
Q_DECLARE_METATYPE(pb::ui::ScoreResultPtr)
Q_DECLARE_METATYPE(pb::ui::DatasetPtr)
