#include "engine/recon/ReconstructionTrainer.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

#include "engine/purify/ImageAudit.h"
#include "engine/recon/ReconstructionNetwork.h"
#include "engine/scoring/ImageScoreRule.h"
#include "engine/util/Error.h"
#include "engine/util/Sha256.h"
#include "engine/util/TensorMemory.h"

namespace pb {

// ---- options ----

void ReconstructionTrainingOptions::validate() const {
    if (method != "recon" && method != "meds") throw Error("training method must be recon or meds, not '" + method + "'");
    if (iterations < 1) throw Error("iterations must be at least 1");
    if (method == "meds" && finetuneIterations < 1) throw Error("fine-tune iterations must be at least 1");
    if (batchSize < 1) throw Error("batch size must be at least 1");
    if (!(learningRate > 0) || !(finalLearningRate >= 0)) throw Error("learning rates must be positive");
    if (warmupIterations < 0) throw Error("warm-up iterations must not be negative");
    if (!(weightDecay >= 0)) throw Error("weight decay must not be negative");
    if (!(distillWeight > 0)) throw Error("the distillation loss weight must be positive");
    if (!(madMultiplier >= 0)) throw Error("the MAD multiplier must not be negative");
    if (validateEvery < 0 || checkpointEvery < 1) throw Error("validation and checkpoint intervals must be positive");
}

nlohmann::json ReconstructionTrainingOptions::toJson() const {
    return {{"method", method},
            {"iterations", iterations},
            {"finetune_iterations", method == "meds" ? finetuneIterations : 0},
            {"batch_size", batchSize},
            {"learning_rate", learningRate},
            {"final_learning_rate", finalLearningRate},
            {"warmup_iterations", warmupIterations},
            {"weight_decay", weightDecay},
            {"distill_weight", distillWeight},
            {"mad_multiplier", madMultiplier},
            {"seed", seed},
            {"ensemble", {{"members", ensemble.members}, {"fraction", ensemble.fraction}, {"seed", ensemble.seed},
                          {"top_fraction", ensemble.topFraction}}}};
}

ReconstructionTrainingOptions ReconstructionTrainingOptions::fromJson(const nlohmann::json& j) {
    ReconstructionTrainingOptions o;
    o.method = j.at("method").get<std::string>();
    o.iterations = j.at("iterations").get<int>();
    o.finetuneIterations = j.at("finetune_iterations").get<int>();
    o.batchSize = j.at("batch_size").get<int>();
    o.learningRate = j.at("learning_rate").get<double>();
    o.finalLearningRate = j.at("final_learning_rate").get<double>();
    o.warmupIterations = j.at("warmup_iterations").get<int>();
    o.weightDecay = j.at("weight_decay").get<double>();
    o.distillWeight = j.at("distill_weight").get<double>();
    o.madMultiplier = j.at("mad_multiplier").get<double>();
    o.seed = j.at("seed").get<int>();
    const auto& e = j.at("ensemble");
    o.ensemble.members = e.at("members").get<int>();
    o.ensemble.fraction = e.at("fraction").get<double>();
    o.ensemble.seed = e.at("seed").get<int>();
    o.ensemble.topFraction = e.at("top_fraction").get<double>();
    return o;
}

std::string TrainingImages::digest() const {
    Sha256 h;
    for (const auto& s : samples) {
        h.update(s.path.data(), s.path.size());
        h.update("\n", 1);
    }
    h.update(features.data.data(), features.data.size() * sizeof(float));
    return h.hexDigest();
}

std::size_t SelectionRound::keptCount() const {
    return static_cast<std::size_t>(std::count(kept.begin(), kept.end(), 1));
}

double warmCosineLearningRate(const ReconstructionTrainingOptions& o, int it, int total) {
    const int warmup = std::min(o.warmupIterations, std::max(0, total - 1));
    if (it < warmup) return o.learningRate * (it + 1) / warmup;
    const int span = std::max(1, total - warmup);
    const double progress = std::min(1.0, static_cast<double>(it - warmup) / span);
    return o.finalLearningRate + 0.5 * (o.learningRate - o.finalLearningRate) * (1.0 + std::cos(M_PI * progress));
}

// ---- history in JSON ----

namespace {

nlohmann::json toJson(const LossPoint& p) { return nlohmann::json::array({p.phase, p.iteration, p.loss, p.learningRate}); }

nlohmann::json toJson(const ValidationPoint& p) {
    return {{"phase", p.phase}, {"iteration", p.iteration}, {"values", p.values}};
}

nlohmann::json number(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }
double number(const nlohmann::json& j) { return j.is_number() ? j.get<double>() : std::nan(""); }

nlohmann::json toJson(const SelectionRound& r) {
    nlohmann::json scores = nlohmann::json::array();
    for (double s : r.scores) scores.push_back(number(s));
    return {{"iteration", r.iteration}, {"weight", r.weight}, {"threshold", number(r.threshold)}, {"scores", scores},
            {"kept", std::vector<int>(r.kept.begin(), r.kept.end())}, {"precision", number(r.precision)},
            {"recall", number(r.recall)}};
}

}  // namespace

std::vector<Sample> trainedSamples(const nlohmann::json& training) {
    std::vector<Sample> out;
    if (!training.contains("samples")) return out;
    for (const auto& j : training["samples"]) {
        Sample s;
        s.path = j.at("path").get<std::string>();
        s.label = j.value("label", -1);
        s.defect = j.value("defect", std::string());
        s.product = j.value("product", std::string());
        s.split = Split::Train;
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<LossPoint> lossHistory(const nlohmann::json& training) {
    std::vector<LossPoint> out;
    if (!training.contains("losses")) return out;
    for (const auto& p : training["losses"])
        out.push_back({p.at(0).get<std::string>(), p.at(1).get<int>(), number(p.at(2)), number(p.at(3))});
    return out;
}

std::vector<ValidationPoint> validationHistory(const nlohmann::json& training) {
    std::vector<ValidationPoint> out;
    if (!training.contains("validation")) return out;
    for (const auto& p : training["validation"]) {
        ValidationPoint v{p.at("phase").get<std::string>(), p.at("iteration").get<int>(), {}};
        for (const auto& [key, value] : p.at("values").items()) v.values[key] = number(value);
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<SelectionRound> selectionHistory(const nlohmann::json& training) {
    std::vector<SelectionRound> out;
    if (!training.contains("rounds")) return out;
    for (const auto& r : training["rounds"]) {
        SelectionRound s;
        s.iteration = r.at("iteration").get<int>();
        s.weight = r.at("weight").get<double>();
        s.threshold = number(r.at("threshold"));
        for (const auto& v : r.at("scores")) s.scores.push_back(number(v));
        for (int k : r.at("kept").get<std::vector<int>>()) s.kept.push_back(static_cast<char>(k));
        s.precision = number(r.at("precision"));
        s.recall = number(r.at("recall"));
        out.push_back(std::move(s));
    }
    return out;
}

// ---- training ----

namespace {

// AdamW with AMSGrad and StableAdamW's update clipping: each tensor's step is divided by
// max(1, RMS(g / sqrt(v_hat))), so that a rare large gradient cannot throw the weights far.
class StableAdamW {
public:
    StableAdamW(std::vector<std::pair<std::string, torch::Tensor>> params, double weightDecay)
        : params_(std::move(params)), weightDecay_(weightDecay) {
        for (const auto& [name, p] : params_)
            state_.push_back({torch::zeros_like(p), torch::zeros_like(p), torch::zeros_like(p)});
    }

    void step(double lr) {
        ++steps_;
        const double bc1 = 1.0 - std::pow(kBeta1, steps_), bc2 = 1.0 - std::pow(kBeta2, steps_);
        torch::NoGradGuard noGrad;
        for (std::size_t i = 0; i < params_.size(); ++i) {
            torch::Tensor& p = params_[i].second;
            if (!p.grad().defined()) continue;
            const torch::Tensor g = p.grad();
            State& s = state_[i];
            s.m.mul_(kBeta1).add_(g, 1.0 - kBeta1);
            s.v.mul_(kBeta2).addcmul_(g, g, 1.0 - kBeta2);
            torch::maximum_out(s.vmax, s.vmax, s.v);
            const torch::Tensor vhat = s.v / bc2;
            const double rms = std::sqrt((g * g / vhat.clamp_min(kEps * kEps)).mean().item<double>());
            const double stepLr = lr / std::max(1.0, rms);
            p.mul_(1.0 - stepLr * weightDecay_);
            p.addcdiv_(s.m / bc1, (s.vmax / bc2).sqrt_().add_(kEps), -stepLr);
        }
    }

    void zeroGrad() {
        for (auto& [name, p] : params_)
            if (p.grad().defined()) p.mutable_grad() = torch::Tensor();
    }

    int steps() const { return steps_; }

    std::vector<std::pair<std::string, std::vector<float>>> save() const {
        std::vector<std::pair<std::string, std::vector<float>>> out;
        auto flat = [](const torch::Tensor& t) {
            const torch::Tensor c = t.to(torch::kCPU).contiguous();
            return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
        };
        for (std::size_t i = 0; i < params_.size(); ++i) {
            out.emplace_back("m." + params_[i].first, flat(state_[i].m));
            out.emplace_back("v." + params_[i].first, flat(state_[i].v));
            out.emplace_back("vmax." + params_[i].first, flat(state_[i].vmax));
        }
        return out;
    }

    void load(const std::vector<std::pair<std::string, std::vector<float>>>& tensors, int steps) {
        std::map<std::string, const std::vector<float>*> byName;
        for (const auto& [name, values] : tensors) byName[name] = &values;
        torch::NoGradGuard noGrad;
        for (std::size_t i = 0; i < params_.size(); ++i) {
            for (auto [prefix, target] : {std::make_pair("m.", &state_[i].m), std::make_pair("v.", &state_[i].v),
                                          std::make_pair("vmax.", &state_[i].vmax)}) {
                auto it = byName.find(prefix + params_[i].first);
                if (it == byName.end() || static_cast<std::int64_t>(it->second->size()) != target->numel())
                    throw Error("the checkpoint's optimiser state does not match the model (" + std::string(prefix) +
                                params_[i].first + ")");
                target->copy_(torch::from_blob(const_cast<float*>(it->second->data()), target->sizes(), torch::kFloat32)
                                  .to(target->device()));
            }
        }
        steps_ = steps;
    }

private:
    static constexpr double kBeta1 = 0.9, kBeta2 = 0.999, kEps = 1e-10;
    struct State {
        torch::Tensor m, v, vmax;
    };
    std::vector<std::pair<std::string, torch::Tensor>> params_;
    std::vector<State> state_;
    double weightDecay_;
    int steps_ = 0;
};

// The order of the images in epoch `epoch` of a phase: a function of the seed, so a resumed run
// draws the same batches.
std::vector<std::int64_t> epochOrder(const std::vector<std::int64_t>& pool, int seed, int phase, int epoch) {
    std::vector<std::int64_t> order = pool;
    std::mt19937_64 rng(static_cast<std::uint64_t>(seed) * 1000003ull + static_cast<std::uint64_t>(phase) * 7919ull +
                        static_cast<std::uint64_t>(epoch));
    for (std::size_t i = order.size(); i > 1; --i) {
        const std::size_t j = static_cast<std::size_t>(rng() % i);
        std::swap(order[i - 1], order[j]);
    }
    return order;
}

// Image scores of every training image: the mean of the top 1% of its patch map.
std::vector<double> trainingImageScores(const ReconstructionModel& model, const TrainingImages& images, int batch) {
    const std::size_t n = images.features.images(), per = images.features.patchesPerImage();
    const std::vector<float> maps = model.patchScores(images.features.data.data(), n, per, batch);
    std::vector<double> scores(n);
    for (std::size_t i = 0; i < n; ++i)
        scores[i] = imageScore(std::vector<float>(maps.begin() + i * per, maps.begin() + (i + 1) * per),
                               ImageScoreRule::TopPercentMean);
    return scores;
}

int phaseIndex(const std::string& phase) { return phase == "reconstruct" ? 0 : phase == "distill" ? 1 : 2; }

}  // namespace

ReconstructionTrainingResult trainReconstruction(const TrainingImages& images,
                                                 const ReconstructionArchitecture& architecture,
                                                 const ReconstructionProvenance& provenance,
                                                 const ReconstructionTrainingOptions& options,
                                                 const std::filesystem::path& checkpointPath,
                                                 const ReconstructionTrainingObserver& observer,
                                                 const Progress& progress) {
    options.validate();
    architecture.validate();
    const TensorMemoryReuse reuse;  // every step allocates the same activations and gradients
    const std::size_t n = images.features.images(), per = images.features.patchesPerImage();
    if (n < 2 || images.samples.size() != n) throw Error("training needs at least two images, each with its features");
    if (images.features.dim != architecture.dim)
        throw Error("the features have " + std::to_string(images.features.dim) + " channels, the model " +
                    std::to_string(architecture.dim));
    const std::string digest = images.digest();
    const bool meds = options.method == "meds";

    ReconstructionTrainingResult result;
    ReconstructionCheckpoint& cp = result.checkpoint;
    cp.provenance = provenance;
    nlohmann::json& training = cp.training;
    std::vector<float> targets;  // stage 1 maps [n][per]
    nlohmann::json state = {{"phase", meds ? "screen" : "reconstruct"}, {"iteration", 0}, {"complete", false}, {"steps", 0}};

    // Resume from an unfinished checkpoint of the same run.
    bool resumed = false;
    if (std::filesystem::exists(checkpointPath)) {
        ReconstructionCheckpoint old = readReconstructionCheckpoint(checkpointPath, provenance);
        auto refuse = [&](const std::string& what) {
            throw Error("exists and was trained " + what + "; remove it or choose another output", checkpointPath.string());
        };
        if (old.training.value("data_digest", std::string()) != digest) refuse("on other images or features");
        if (old.training.value("options", nlohmann::json()) != options.toJson()) refuse("with other training options");
        if (!(old.model.architecture() == architecture)) refuse("with another architecture");
        if (old.provenance.toJson() != provenance.toJson()) refuse("on another product or layers");
        cp = std::move(old);
        state = training.at("state");
        result.losses = lossHistory(training);
        result.validation = validationHistory(training);
        result.rounds = selectionHistory(training);
        if (state.value("complete", false)) {
            result.alreadyComplete = true;
            if (observer.onStart) observer.onStart(images.samples, state.value("steps", 0), training);
            return result;
        }
        for (const auto& [name, values] : cp.tensors)
            if (name == "meds.targets" && values.size() == n * per) targets = values;
        resumed = true;
    } else {
        cp.model = ReconstructionModel(architecture, options.seed);
        nlohmann::json samples = nlohmann::json::array();
        for (const auto& s : images.samples)
            samples.push_back({{"path", s.path}, {"label", s.label}, {"defect", s.defect}, {"product", s.product}});
        training = {{"options", options.toJson()}, {"data_digest", digest}, {"images", n}, {"samples", samples},
                    {"losses", nlohmann::json::array()}, {"validation", nlohmann::json::array()},
                    {"rounds", nlohmann::json::array()}};
    }

    cp.model.setDevice(options.device);
    ReconstructionNetwork network = cp.model.impl().network;
    const torch::Device device = cp.model.impl().device;
    StableAdamW optimiser(namedParameters(network), options.weightDecay);
    if (resumed) {
        std::vector<std::pair<std::string, std::vector<float>>> moments;
        for (const auto& t : cp.tensors)
            if (t.first.rfind("meds.", 0) != 0) moments.push_back(t);
        if (state.value("steps", 0) > 0) optimiser.load(moments, state.value("steps", 0));
        result.resumedAt = state.value("steps", 0);
    }
    if (observer.onStart) observer.onStart(images.samples, result.resumedAt, training);

    auto save = [&]() {
        state["steps"] = optimiser.steps();
        training["state"] = state;
        cp.tensors = optimiser.save();
        if (!targets.empty()) cp.tensors.emplace_back("meds.targets", targets);
        writeReconstructionCheckpoint(cp, checkpointPath);
        if (observer.onCheckpoint) observer.onCheckpoint(checkpointPath);
    };

    // On the CPU the features are used in place; on a GPU they are copied there once.
    const torch::Tensor features = torch::from_blob(const_cast<float*>(images.features.data.data()),
                                                    {static_cast<std::int64_t>(n), static_cast<std::int64_t>(per),
                                                     images.features.dim},
                                                    torch::kFloat32)
                                       .to(device);
    torch::Tensor targetTensor;
    std::vector<std::int64_t> everyone(n);
    std::iota(everyone.begin(), everyone.end(), 0);

    auto validate = [&](const std::string& phase, int it) {
        ValidationPoint v{phase, it, {}};
        if (phase == "distill") {
            const std::vector<float> maps = cp.model.patchScores(images.features.data.data(), n, per, options.batchSize);
            double se = 0;
            for (std::size_t i = 0; i < maps.size(); ++i) se += (maps[i] - targets[i]) * static_cast<double>(maps[i] - targets[i]);
            v.values["target_mse"] = se / static_cast<double>(maps.size());
        }
        if (observer.validate)
            for (const auto& [key, value] : observer.validate(cp.model)) v.values[key] = value;
        if (v.values.empty()) return;
        training["validation"].push_back(toJson(v));
        result.validation.push_back(v);
        if (observer.onValidation) observer.onValidation(v);
    };

    // Step `it` of a phase on the images `batch`: one optimiser step, its loss, then the validation point
    // and the checkpoint when due. A cancel is seen before the step, never half-way through it.
    auto iterate = [&](const std::string& phase, int it, int total, const std::vector<std::int64_t>& batch) {
        progress.step("training: " + phase, static_cast<std::size_t>(it), static_cast<std::size_t>(total));
        torch::manual_seed(static_cast<std::uint64_t>(options.seed) * 1000003ull +
                           static_cast<std::uint64_t>(phaseIndex(phase)) * 100000007ull + static_cast<std::uint64_t>(it));
        network->train();
        const torch::Tensor index = torch::tensor(batch, torch::kInt64).to(device);
        const torch::Tensor x = features.index_select(0, index);
        const torch::Tensor map = network->anomalyMap(x);
        const torch::Tensor loss = phase == "distill"
                                       ? options.distillWeight * torch::mse_loss(map, targetTensor.index_select(0, index))
                                       : map.mean();
        optimiser.zeroGrad();
        loss.backward();
        const double lr = warmCosineLearningRate(options, it, total);
        optimiser.step(lr);
        const LossPoint point{phase, it, loss.item<double>(), lr};
        training["losses"].push_back(toJson(point));
        result.losses.push_back(point);
        if (observer.onLoss) observer.onLoss(point);
        state["iteration"] = it + 1;
        if (options.validateEvery > 0 && ((it + 1) % options.validateEvery == 0 || it + 1 == total)) validate(phase, it + 1);
        if ((it + 1) % options.checkpointEvery == 0 && it + 1 < total) save();
    };

    // A phase over every image, epoch after epoch, from the state's iteration to `total`.
    auto runPhase = [&](const std::string& phase, int total) {
        const std::size_t batch = static_cast<std::size_t>(options.batchSize);
        const int stepsPerEpoch = static_cast<int>((n + batch - 1) / batch);
        for (int it = state.value("iteration", 0); it < total; ++it) {
            const std::vector<std::int64_t> order = epochOrder(everyone, options.seed, phaseIndex(phase), it / stepsPerEpoch);
            const std::size_t begin = static_cast<std::size_t>(it % stepsPerEpoch) * batch;
            iterate(phase, it, total, std::vector<std::int64_t>(order.begin() + begin, order.begin() + std::min(n, begin + batch)));
        }
    };

    try {
        if (!meds) {
            runPhase("reconstruct", options.iterations);
        } else {
            if (state["phase"] == "screen") {
                if (targets.empty()) {
                    purify::MemoryEnsembleOptions e = options.ensemble;
                    e.device = options.device;
                    const purify::MemoryEnsembleResult screen =
                        purify::screenWithMemoryEnsemble(images.features.normalised(), e, progress);
                    targets = screen.patchScores;
                    training["screen"] = {{"image_scores", screen.imageScores}, {"flagged", screen.flagged},
                                          {"threshold", number(screen.threshold)}};
                    if (observer.onScreened) observer.onScreened(screen);
                }
                state["phase"] = "distill";
                state["iteration"] = 0;
                save();
            }
            targetTensor = torch::from_blob(targets.data(), {static_cast<std::int64_t>(n), static_cast<std::int64_t>(per)},
                                            torch::kFloat32)
                               .to(device);
            if (state["phase"] == "distill") {
                runPhase("distill", options.iterations);
                state["phase"] = "finetune";
                state["iteration"] = 0;
                state["distilled_scores"] = trainingImageScores(cp.model, images, options.batchSize);
                save();
            }
            // Stage 3: select, then fine-tune on the kept images for one epoch, until T iterations.
            const int total = options.finetuneIterations;
            const std::vector<double> distilled = state.at("distilled_scores").get<std::vector<double>>();
            const std::size_t batch = static_cast<std::size_t>(options.batchSize);
            int it = state.value("iteration", 0);
            while (it < total) {
                std::vector<std::int64_t> kept;
                int epochStart = it;
                if (state.contains("kept") && state.value("epoch_end", -1) > it) {
                    kept = state["kept"].get<std::vector<std::int64_t>>();
                    epochStart = state.value("epoch_start", it);
                } else {
                    SelectionRound round;
                    round.iteration = it;
                    round.weight = std::max(1.0 - it / (0.5 * total), 0.0);
                    const std::vector<double> current = trainingImageScores(cp.model, images, options.batchSize);
                    round.scores.resize(n);
                    for (std::size_t i = 0; i < n; ++i) round.scores[i] = (1.0 - round.weight) * current[i] + round.weight * distilled[i];
                    const double med = purify::median(round.scores);
                    const double mad = purify::medianAbsoluteDeviation(round.scores, med);
                    round.threshold = med + std::min(static_cast<double>(it) / total, 1.0) * options.madMultiplier * mad;
                    round.kept.assign(n, 0);
                    std::size_t normal = 0, keptNormal = 0;
                    for (std::size_t i = 0; i < n; ++i) {
                        round.kept[i] = round.scores[i] < round.threshold;
                        if (round.kept[i]) kept.push_back(static_cast<std::int64_t>(i));
                        normal += images.samples[i].label == 0;
                        keptNormal += round.kept[i] && images.samples[i].label == 0;
                    }
                    if (kept.empty()) {  // every score equal: keep them all
                        kept = everyone;
                        std::fill(round.kept.begin(), round.kept.end(), 1);
                        keptNormal = normal;
                    }
                    const double nan = std::numeric_limits<double>::quiet_NaN();
                    round.precision = kept.empty() ? nan : static_cast<double>(keptNormal) / kept.size();
                    round.recall = normal ? static_cast<double>(keptNormal) / normal : nan;
                    training["rounds"].push_back(toJson(round));
                    result.rounds.push_back(round);
                    if (observer.onSelection) observer.onSelection(round);
                    const int epochSteps = static_cast<int>((kept.size() + batch - 1) / batch);
                    state["kept"] = kept;
                    state["epoch_start"] = it;
                    state["epoch_end"] = std::min(total, it + epochSteps);
                }
                const std::vector<std::int64_t> order = epochOrder(kept, options.seed, 2, epochStart);
                const int end = state["epoch_end"].get<int>();
                for (; it < end; ++it) {
                    const std::size_t begin = static_cast<std::size_t>(it - epochStart) * batch;
                    iterate("finetune", it, total,
                            std::vector<std::int64_t>(order.begin() + begin, order.begin() + std::min(order.size(), begin + batch)));
                }
            }
        }
    } catch (const Cancelled&) {
        save();
        throw;
    }
    state["complete"] = true;
    network->eval();
    save();
    return result;
}

}  // namespace pb
