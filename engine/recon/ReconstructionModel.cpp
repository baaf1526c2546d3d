#include "engine/recon/ReconstructionModel.h"

#include <torch/torch.h>

#include <algorithm>
#include <numeric>

#include "engine/io/SafetensorsFile.h"
#include "engine/io/SafetensorsWriter.h"
#include "engine/recon/ReconstructionNetwork.h"
#include "engine/util/Error.h"
#include "engine/util/TorchDevice.h"

namespace pb {

namespace {
constexpr const char* kFormat = "patchbank-reconstruction";
constexpr int kVersion = 1;
}  // namespace

ReconstructionArchitecture ReconstructionArchitecture::scaledTo(int dim, const std::vector<int>& layerChannels,
                                                                int blocks) {
    ReconstructionArchitecture a;
    a.dim = dim;
    a.blocks = blocks;
    if (layerChannels.size() > 1 && std::accumulate(layerChannels.begin(), layerChannels.end(), 0) == dim &&
        blocks % static_cast<int>(layerChannels.size()) == 0)
        a.groups = layerChannels;
    return a;
}

int ReconstructionArchitecture::resolvedHeads() const { return heads > 0 ? heads : std::max(1, dim / 64); }

std::vector<int> ReconstructionArchitecture::resolvedGroups() const {
    return groups.empty() ? std::vector<int>{dim} : groups;
}

void ReconstructionArchitecture::validate() const {
    if (dim < 1) throw Error("reconstruction model: feature dimension must be positive, not " + std::to_string(dim));
    if (blocks < 1 || blocks > 64) throw Error("reconstruction model: blocks must be 1 to 64, not " + std::to_string(blocks));
    if (mlpRatio < 1 || mlpRatio > 16) throw Error("reconstruction model: MLP ratio must be 1 to 16, not " + std::to_string(mlpRatio));
    if (!(dropout >= 0.0 && dropout < 1.0)) throw Error("reconstruction model: dropout must be in [0, 1)");
    const int h = resolvedHeads();
    if (dim % h != 0)
        throw Error("reconstruction model: " + std::to_string(h) + " heads do not divide the width " + std::to_string(dim));
    const auto g = resolvedGroups();
    if (std::accumulate(g.begin(), g.end(), 0) != dim || std::any_of(g.begin(), g.end(), [](int c) { return c < 1; }))
        throw Error("reconstruction model: the layer groups' channels must be positive and sum to the width " +
                    std::to_string(dim));
    if (blocks % static_cast<int>(g.size()) != 0)
        throw Error("reconstruction model: " + std::to_string(blocks) + " blocks cannot be split evenly over " +
                    std::to_string(g.size()) + " layer groups");
}

nlohmann::json ReconstructionArchitecture::toJson() const {
    return {{"dim", dim}, {"heads", resolvedHeads()}, {"blocks", blocks}, {"mlp_ratio", mlpRatio},
            {"dropout", dropout}, {"groups", resolvedGroups()}};
}

ReconstructionArchitecture ReconstructionArchitecture::fromJson(const nlohmann::json& j) {
    ReconstructionArchitecture a;
    a.dim = j.at("dim").get<int>();
    a.heads = j.at("heads").get<int>();
    a.blocks = j.at("blocks").get<int>();
    a.mlpRatio = j.at("mlp_ratio").get<int>();
    a.dropout = j.at("dropout").get<double>();
    a.groups = j.at("groups").get<std::vector<int>>();
    if (a.groups.size() == 1) a.groups.clear();
    return a;
}

nlohmann::json ReconstructionProvenance::toJson() const {
    return {{"backbone", features.backbone}, {"resolution", features.resolution}, {"crop", features.crop},
            {"layers", layers}, {"grid_height", gridHeight}, {"grid_width", gridWidth}, {"product", product}};
}

ReconstructionProvenance ReconstructionProvenance::fromJson(const nlohmann::json& j) {
    ReconstructionProvenance p;
    p.features.backbone = j.at("backbone").get<std::string>();
    p.features.resolution = j.at("resolution").get<int>();
    p.features.crop = j.at("crop").get<int>();
    p.layers = j.at("layers").get<std::string>();
    p.gridHeight = j.at("grid_height").get<int>();
    p.gridWidth = j.at("grid_width").get<int>();
    p.product = j.value("product", std::string());
    return p;
}

// ---- network ----

LinearAttentionImpl::LinearAttentionImpl(int dim, int heads_) : heads(heads_) {
    qkv = register_module("qkv", torch::nn::Linear(dim, 3 * dim));
    proj = register_module("proj", torch::nn::Linear(dim, dim));
}

torch::Tensor LinearAttentionImpl::forward(const torch::Tensor& x) {
    const auto b = x.size(0), n = x.size(1), c = x.size(2);
    const auto parts = qkv->forward(x).reshape({b, n, 3, heads, c / heads}).permute({2, 0, 3, 1, 4});
    const torch::Tensor q = torch::elu(parts[0]) + 1.0;
    const torch::Tensor k = torch::elu(parts[1]) + 1.0;
    const torch::Tensor v = parts[2];
    const torch::Tensor kv = torch::matmul(k.transpose(-2, -1), v);                         // [b, h, d, d]
    const torch::Tensor z = 1.0 / (q * k.sum(-2, true)).sum(-1, true);                      // [b, h, n, 1]
    const torch::Tensor out = torch::matmul(q, kv) * z;                                     // [b, h, n, d]
    return proj->forward(out.transpose(1, 2).reshape({b, n, c}));
}

DecoderBlockImpl::DecoderBlockImpl(int dim, int heads, int mlpRatio) {
    norm1 = register_module("norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(1e-8)));
    attention = register_module("attention", LinearAttention(dim, heads));
    norm2 = register_module("norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(1e-8)));
    fc1 = register_module("fc1", torch::nn::Linear(dim, dim * mlpRatio));
    fc2 = register_module("fc2", torch::nn::Linear(dim * mlpRatio, dim));
}

torch::Tensor DecoderBlockImpl::forward(const torch::Tensor& x) {
    torch::Tensor y = x + attention->forward(norm1->forward(x));
    return y + fc2->forward(torch::gelu(fc1->forward(norm2->forward(y))));
}

ReconstructionNetworkImpl::ReconstructionNetworkImpl(const ReconstructionArchitecture& a)
    : architecture(a), groups(a.resolvedGroups()) {
    const int d = a.dim;
    bottleneck1 = register_module("bottleneck1", torch::nn::Linear(d, d * a.mlpRatio));
    bottleneck2 = register_module("bottleneck2", torch::nn::Linear(d * a.mlpRatio, d));
    dropout = register_module("dropout", torch::nn::Dropout(a.dropout));
    blocks = register_module("blocks", torch::nn::ModuleList());
    for (int i = 0; i < a.blocks; ++i) blocks->push_back(DecoderBlock(d, a.resolvedHeads(), a.mlpRatio));
}

std::vector<torch::Tensor> ReconstructionNetworkImpl::decode(const torch::Tensor& x) {
    torch::Tensor y = dropout->forward(bottleneck2->forward(dropout->forward(torch::gelu(bottleneck1->forward(x)))));
    std::vector<torch::Tensor> outputs;
    for (const auto& block : *blocks) {
        y = block->as<DecoderBlock>()->forward(y);
        outputs.push_back(y);
    }
    return outputs;
}

torch::Tensor ReconstructionNetworkImpl::anomalyMap(const torch::Tensor& x) {
    const std::vector<torch::Tensor> outputs = decode(x);
    const int g = static_cast<int>(groups.size());
    const int perGroup = static_cast<int>(outputs.size()) / g;
    torch::Tensor map;
    std::int64_t channel = 0;
    for (int i = 0; i < g; ++i) {
        // Group i (shallow first) is reconstructed by the i-th run of blocks counted from the last one.
        torch::Tensor fused = outputs[outputs.size() - 1 - static_cast<std::size_t>(i * perGroup)];
        for (int j = 1; j < perGroup; ++j) fused = fused + outputs[outputs.size() - 1 - static_cast<std::size_t>(i * perGroup + j)];
        fused = fused / static_cast<double>(perGroup);
        const torch::Tensor en = x.narrow(2, channel, groups[i]);
        const torch::Tensor de = fused.narrow(2, channel, groups[i]);
        channel += groups[i];
        const torch::Tensor distance = 1.0 - torch::cosine_similarity(en, de, 2, 1e-8);
        map = map.defined() ? map + distance : distance;
    }
    return map / static_cast<double>(g);
}

std::vector<std::pair<std::string, torch::Tensor>> namedParameters(const ReconstructionNetwork& network) {
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (const auto& item : network->named_parameters()) out.emplace_back(item.key(), item.value());
    return out;
}

// ---- model ----

ReconstructionModel::ReconstructionModel() = default;
ReconstructionModel::~ReconstructionModel() = default;
ReconstructionModel::ReconstructionModel(ReconstructionModel&&) noexcept = default;
ReconstructionModel& ReconstructionModel::operator=(ReconstructionModel&&) noexcept = default;

ReconstructionModel::ReconstructionModel(const ReconstructionArchitecture& architecture, int seed)
    : impl_(std::make_unique<Impl>()) {
    architecture.validate();
    impl_->architecture = architecture;
    torch::manual_seed(static_cast<std::uint64_t>(seed));
    impl_->network = ReconstructionNetwork(architecture);
    torch::NoGradGuard noGrad;
    for (auto& module : impl_->network->modules(false)) {
        if (auto* linear = module->as<torch::nn::LinearImpl>()) {
            // timm's trunc_normal_(std=0.01): normal, redrawn outside +-2 (i.e. never at this std).
            linear->weight.normal_(0.0, 0.01).clamp_(-2.0, 2.0);
            linear->bias.zero_();
        }
    }
}

ReconstructionModel ReconstructionModel::clone() const {
    ReconstructionModel copy;
    if (!impl_) return copy;
    copy.impl_ = std::make_unique<Impl>();
    copy.impl_->architecture = impl_->architecture;
    copy.impl_->network = ReconstructionNetwork(impl_->architecture);
    copy.impl_->device = impl_->device;
    copy.impl_->network->to(impl_->device);
    torch::NoGradGuard noGrad;
    const auto from = namedParameters(impl_->network);
    const auto to = namedParameters(copy.impl_->network);
    for (std::size_t i = 0; i < from.size(); ++i) to[i].second.copy_(from[i].second);
    copy.impl_->network->train(impl_->network->is_training());
    return copy;
}

void ReconstructionModel::setDevice(const std::string& device) {
    if (!impl_) throw Error("the reconstruction model is empty");
    impl_->device = parseDevice(device, "reconstruction model");
    impl_->network->to(impl_->device);
}

std::string ReconstructionModel::device() const { return impl_ ? impl_->device.str() : std::string("cpu"); }

const ReconstructionArchitecture& ReconstructionModel::architecture() const {
    if (!impl_) throw Error("the reconstruction model is empty");
    return impl_->architecture;
}

std::size_t ReconstructionModel::parameterCount() const {
    std::size_t n = 0;
    if (impl_)
        for (const auto& p : impl_->network->parameters()) n += static_cast<std::size_t>(p.numel());
    return n;
}

std::vector<float> ReconstructionModel::patchScores(const float* features, std::size_t images, std::size_t patches,
                                                    int batch) const {
    if (!impl_) throw Error("the reconstruction model is empty");
    std::vector<float> out(images * patches);
    if (images == 0) return out;
    const int dim = impl_->architecture.dim;
    const bool wasTraining = impl_->network->is_training();
    impl_->network->eval();
    {
        c10::InferenceMode guard;
        const std::size_t step = static_cast<std::size_t>(std::max(1, batch));
        for (std::size_t begin = 0; begin < images; begin += step) {
            const std::size_t n = std::min(step, images - begin);
            const torch::Tensor x = torch::from_blob(const_cast<float*>(features + begin * patches * dim),
                                                     {static_cast<std::int64_t>(n), static_cast<std::int64_t>(patches), dim},
                                                     torch::kFloat32).to(impl_->device);
            const torch::Tensor map = impl_->network->anomalyMap(x).to(torch::kCPU).contiguous();
            std::copy(map.data_ptr<float>(), map.data_ptr<float>() + n * patches, out.begin() + static_cast<std::ptrdiff_t>(begin * patches));
        }
    }
    impl_->network->train(wasTraining);
    return out;
}

// ---- checkpoint ----

void writeReconstructionCheckpoint(const ReconstructionCheckpoint& checkpoint, const std::filesystem::path& path) {
    if (checkpoint.model.empty()) throw Error("an empty reconstruction model cannot be written", path.string());
    SafetensorsWriter out;
    out.setMetadata("format", kFormat);
    out.setMetadata("version", std::to_string(kVersion));
    out.setMetadata("architecture", checkpoint.model.architecture().toJson().dump());
    out.setMetadata("provenance", checkpoint.provenance.toJson().dump());
    out.setMetadata("training", checkpoint.training.dump());
    for (const auto& [name, tensor] : namedParameters(checkpoint.model.impl().network)) {
        const torch::Tensor t = tensor.detach().to(torch::kCPU).contiguous();
        out.addFloat32("model." + name, std::vector<int64_t>(t.sizes().begin(), t.sizes().end()), t.data_ptr<float>());
    }
    for (const auto& [name, values] : checkpoint.tensors)
        out.addFloat32("train." + name, {static_cast<int64_t>(values.size())}, values.data());
    out.save(path);
}

ReconstructionCheckpoint readReconstructionCheckpoint(const std::filesystem::path& path) {
    if (!std::filesystem::exists(path)) throw Error("no such reconstruction model", path.string());
    const SafetensorsFile file = SafetensorsFile::open(path);
    const auto& meta = file.metadata();
    auto field = [&](const std::string& key) {
        auto it = meta.find(key);
        if (it == meta.end()) throw Error("not a PatchBank reconstruction model (no \"" + key + "\" metadata)", path.string());
        return it->second;
    };
    if (field("format") != kFormat)
        throw Error("not a PatchBank reconstruction model (format \"" + field("format") + "\")", path.string());
    if (field("version") != std::to_string(kVersion))
        throw Error("reconstruction model format version " + field("version") + " is not " + std::to_string(kVersion) +
                    "; train it again with this version", path.string());
    ReconstructionCheckpoint c;
    try {
        const ReconstructionArchitecture architecture = ReconstructionArchitecture::fromJson(nlohmann::json::parse(field("architecture")));
        architecture.validate();
        c.provenance = ReconstructionProvenance::fromJson(nlohmann::json::parse(field("provenance")));
        c.training = nlohmann::json::parse(field("training"));
        c.model = ReconstructionModel(architecture, 0);
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("damaged reconstruction model metadata: ") + e.what(), path.string());
    } catch (const Error& e) {
        throw Error(e.reason(), path.string());
    }
    torch::NoGradGuard noGrad;
    for (auto& [name, tensor] : namedParameters(c.model.impl().network)) {
        const std::string key = "model." + name;
        if (!file.contains(key)) throw Error("the model has no tensor \"" + key + "\"", path.string());
        const std::vector<float> values = file.toFloat32(key);
        if (static_cast<std::int64_t>(values.size()) != tensor.numel())
            throw Error("tensor \"" + key + "\" has " + std::to_string(values.size()) + " values, the architecture needs " +
                        std::to_string(tensor.numel()), path.string());
        tensor.copy_(torch::from_blob(const_cast<float*>(values.data()), tensor.sizes(), torch::kFloat32));
    }
    for (const auto& info : file.tensors())
        if (info.name.rfind("train.", 0) == 0) c.tensors.emplace_back(info.name.substr(6), file.toFloat32(info.name));
    return c;
}

ReconstructionCheckpoint readReconstructionCheckpoint(const std::filesystem::path& path,
                                                      const ReconstructionProvenance& expected) {
    ReconstructionCheckpoint c = readReconstructionCheckpoint(path);
    const ReconstructionProvenance& p = c.provenance;
    auto differs = [&](const std::string& what, const std::string& have, const std::string& want) {
        throw Error("the model was trained on other features: " + what + " is " + have + ", these features have " + want,
                    path.string());
    };
    if (p.features.backbone != expected.features.backbone) differs("the backbone", p.features.backbone, expected.features.backbone);
    if (p.features.resolution != expected.features.resolution)
        differs("the resolution", std::to_string(p.features.resolution), std::to_string(expected.features.resolution));
    if (p.features.crop != expected.features.crop) differs("the crop", std::to_string(p.features.crop), std::to_string(expected.features.crop));
    if (expected.gridHeight > 0 && (p.gridHeight != expected.gridHeight || p.gridWidth != expected.gridWidth))
        differs("the patch grid", std::to_string(p.gridHeight) + "x" + std::to_string(p.gridWidth),
                std::to_string(expected.gridHeight) + "x" + std::to_string(expected.gridWidth));
    return c;
}

}  // namespace pb
