#include "engine/recon/ReconstructionJob.h"

#include "engine/experiments/ProductModel.h"
#include "engine/experiments/ScoredImagesSummary.h"
#include "engine/recon/ReconstructionDetector.h"
#include "engine/util/Error.h"

namespace pb {

ReconstructionTrainingResult runReconstructionJob(Backbone& backbone, const ReconstructionJob& job,
                                                  const ReconstructionTrainingObserver& observer,
                                                  const Progress& progress, StageTimes& times) {
    if (job.train.empty()) throw Error("product '" + job.product + "' has no training images");
    if (job.out.empty()) throw Error("no output file for the model");
    job.training.validate();
    auto extractor = createFeatureExtractor(backbone, job.features);
    const TrainingImages images = extractTrainingImages(*extractor, job.train, progress, times);

    std::vector<ExtractedFeatures> validationFeatures;
    if (!job.validation.empty()) {
        std::vector<std::string> paths;
        for (const auto& s : job.validation) paths.push_back(s.path);
        validationFeatures = extractor->extract(paths, "validation features", progress, times);
    }

    ReconstructionProvenance provenance = reconstructionProvenance(backbone, job.features, job.product);
    provenance.gridHeight = images.features.gridHeight;
    provenance.gridWidth = images.features.gridWidth;
    const ReconstructionArchitecture architecture =
        ReconstructionArchitecture::scaledTo(images.features.dim, backbone.layerChannels(), job.blocks);

    ReconstructionTrainingObserver withValidation = observer;
    if (!job.validation.empty()) {
        withValidation.validate = [&, user = observer.validate](const ReconstructionModel& model) {
            std::map<std::string, double> values = user ? user(model) : std::map<std::string, double>{};
            const std::vector<ScoredImage> scored =
                scoreWithReconstruction(model, job.validation, validationFeatures, job.features, Progress{});
            const EvaluationMetrics m = summariseScoredImages(scored).metrics;
            values["image_auroc"] = m.imageAuroc;
            values["image_ap"] = m.imageAp;
            values["pixel_auroc"] = m.pixelAuroc;
            values["pixel_ap"] = m.pixelAp;
            values["aupro_30"] = m.aupro30;
            return values;
        };
    }
    ScopedStageTimer timer(times, "training");
    return trainReconstruction(images, architecture, provenance, job.training, job.out, withValidation, progress);
}

}  // namespace pb
