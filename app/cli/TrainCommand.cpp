#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>

#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "app/cli/EvaluationOptionsParser.h"
#include "app/cli/TerminalProgress.h"
#include "engine/dataset/DatasetReader.h"
#include "engine/io/CsvWriter.h"
#include "engine/purify/NoisyTrainingSplit.h"
#include "engine/recon/ReconstructionJob.h"
#include "engine/util/Error.h"

namespace pb::cli {

namespace {

// Ctrl-C / SIGTERM stop training at the next iteration, after a checkpoint.
std::atomic<const CancelToken*> gCancel{nullptr};
extern "C" void stopTraining(int) {
    if (const CancelToken* token = gCancel.load()) token->cancel();
}

std::string path(const std::filesystem::path& model, const std::string& suffix) { return model.string() + suffix; }

void writeCurves(const ReconstructionTrainingResult& r, const std::filesystem::path& model) {
    CsvWriter loss({"phase", "iteration", "loss", "learning_rate"});
    for (const auto& p : r.losses)
        loss.addRow({p.phase, std::to_string(p.iteration), CsvWriter::number(p.loss, 8), CsvWriter::number(p.learningRate, 8)});
    loss.save(path(model, ".loss.csv"));
    std::vector<std::string> keys;
    for (const auto& v : r.validation)
        for (const auto& [key, value] : v.values)
            if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    std::vector<std::string> header = {"phase", "iteration"};
    header.insert(header.end(), keys.begin(), keys.end());
    CsvWriter validation(header);
    for (const auto& v : r.validation) {
        std::vector<std::string> row = {v.phase, std::to_string(v.iteration)};
        for (const auto& key : keys) row.push_back(v.values.count(key) ? CsvWriter::number(v.values.at(key), 6) : "");
        validation.addRow(row);
    }
    validation.save(path(model, ".validation.csv"));
    CsvWriter selection({"round", "iteration", "weight", "threshold", "images", "kept", "precision", "recall"});
    for (std::size_t i = 0; i < r.rounds.size(); ++i) {
        const auto& s = r.rounds[i];
        selection.addRow({std::to_string(i), std::to_string(s.iteration), CsvWriter::number(s.weight), CsvWriter::number(s.threshold),
                          std::to_string(s.kept.size()), std::to_string(s.keptCount()), CsvWriter::number(s.precision),
                          CsvWriter::number(s.recall)});
    }
    selection.save(path(model, ".selection.csv"));
}

}  // namespace

int runTrain(const CommandLine& cl) {
    cl.require({"data", "product", "out"});
    if (cl.value("model", "recon") != "recon") throw Error("--model must be recon (the reconstruction detector)");
    if (cl.has("protocol") && !cl.has("noise-split")) throw Error("--protocol needs --noise-split");
    ReconstructionJob job;
    job.features = parseEvaluationOptions(cl);
    job.product = cl.value("product");
    job.out = cl.value("out");
    job.blocks = cl.intValue("blocks", 8);
    ReconstructionTrainingOptions& t = job.training;
    t.method = cl.flag("meds") ? "meds" : "recon";
    t.iterations = cl.intValue("iterations", t.iterations);
    t.finetuneIterations = cl.intValue("finetune-iterations", t.finetuneIterations);
    t.batchSize = cl.intValue("train-batch", t.batchSize);
    t.seed = cl.intValue("seed", 0);
    t.ensemble.seed = t.seed;
    t.ensemble.members = cl.intValue("members", t.ensemble.members);
    t.validateEvery = cl.intValue("validate-every", t.validateEvery);
    t.checkpointEvery = cl.intValue("checkpoint-every", t.checkpointEvery);
    t.device = job.features.backbone.device;  // --device: the backbone and the training
    t.validate();

    const Dataset dataset = openDataset(cl.value("data"));
    if (std::find(dataset.products.begin(), dataset.products.end(), job.product) == dataset.products.end())
        throw Error("no product named '" + job.product + "' in the data set", dataset.root);
    if (cl.has("noise-split")) {
        const purify::NoisyTrainingSet noisy = purify::readNoisyTrainingSplit(cl.value("noise-split"), dataset, job.product);
        job.train = noisy.train;
        job.validation = noisy.testSet(cl.value("protocol", "disjoint"));
    } else {
        job.train = dataset.select(job.product, Split::Train);
        job.validation = dataset.select(job.product, Split::Test);
        if (job.features.maxTrainImages > 0 && job.train.size() > static_cast<std::size_t>(job.features.maxTrainImages))
            job.train.resize(static_cast<std::size_t>(job.features.maxTrainImages));
    }
    if (!cl.flag("validate")) job.validation.clear();

    const bool quiet = cl.flag("quiet");
    auto backbone = createBackbone(job.features.backbone);
    TerminalProgress terminal(quiet);
    for (const auto& problem : dataset.problems) terminal.progress().problem(problem.file, problem.reason);
    ReconstructionTrainingObserver observer;
    auto say = [&](const std::string& line) {
        if (quiet) return;
        terminal.finishLine();
        std::cout << line << std::endl;
    };
    observer.onScreened = [&](const purify::MemoryEnsembleResult& r) {
        say("stage 1: the memory ensemble flags " + std::to_string(r.flagged.size()) + " of " +
            std::to_string(r.imageScores.size()) + " training images");
    };
    observer.onValidation = [&](const ValidationPoint& v) {
        std::string line = v.phase + " " + std::to_string(v.iteration) + ":";
        for (const auto& [key, value] : v.values) line += " " + key + " " + CsvWriter::number(value, 4);
        say(line);
    };
    observer.onSelection = [&](const SelectionRound& s) {
        say("selection at " + std::to_string(s.iteration) + ": keep " + std::to_string(s.keptCount()) + " of " +
            std::to_string(s.kept.size()) + " (threshold " + CsvWriter::number(s.threshold, 4) + ", precision " +
            CsvWriter::number(s.precision, 3) + ", recall " + CsvWriter::number(s.recall, 3) + ")");
    };
    int lastPrinted = -1;
    observer.onLoss = [&](const LossPoint& p) {
        if (p.iteration / 50 == lastPrinted / 50 && p.iteration != 0) return;
        lastPrinted = p.iteration;
        say(p.phase + " " + std::to_string(p.iteration) + ": loss " + CsvWriter::number(p.loss, 5) + ", lr " +
            CsvWriter::number(p.learningRate, 6));
    };

    gCancel.store(&terminal.progress().cancel);
    auto previousInt = std::signal(SIGINT, stopTraining);
    auto previousTerm = std::signal(SIGTERM, stopTraining);
    StageTimes times;
    ReconstructionTrainingResult result;
    try {
        result = runReconstructionJob(*backbone, job, observer, terminal.progress(), times);
    } catch (const Cancelled&) {
        std::signal(SIGINT, previousInt);
        std::signal(SIGTERM, previousTerm);
        gCancel.store(nullptr);
        terminal.finishLine();
        std::cerr << "stopped; the checkpoint is in " << job.out.string() << ": run the same command again to resume\n";
        return 130;
    }
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);
    gCancel.store(nullptr);
    terminal.finishLine();
    writeCurves(result, job.out);
    if (!quiet) {
        if (result.alreadyComplete) std::cout << job.out.string() << " is already trained (same data and options)\n";
        else if (result.resumedAt >= 0) std::cout << "resumed at optimiser step " << result.resumedAt << "\n";
        std::cout << "model written to " << job.out.string() << " (" << result.checkpoint.model.parameterCount()
                  << " parameters); curves in " << path(job.out, ".loss.csv") << ", .validation.csv, .selection.csv\n";
        for (const auto& [stage, seconds] : times.entries()) std::printf("  %s %.1fs\n", stage.c_str(), seconds);
    }
    return 0;
}

}  // namespace pb::cli
