#include "engine/backbone/TorchScriptBackbone.h"

#include <torch/csrc/jit/ir/ir.h>
#include <torch/script.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "engine/backbone/TorchFeatures.h"
#include "engine/util/Error.h"
#include "engine/util/Sha256.h"

namespace pb {

namespace {

constexpr int kProbeSize = 224;

std::string joined(const std::vector<std::string>& names, std::size_t limit = 40) {
    std::string s;
    for (std::size_t i = 0; i < names.size() && i < limit; ++i) s += (s.empty() ? "" : ", ") + names[i];
    if (names.size() > limit) s += ", ... (" + std::to_string(names.size()) + " in all)";
    return s.empty() ? "(none)" : s;
}

// The first line of a c10::Error: its full text carries a C++ backtrace nobody wants to read.
std::string firstLine(const std::exception& e) {
    std::string s = e.what();
    const auto nl = s.find('\n');
    return nl == std::string::npos ? s : s.substr(0, nl);
}

bool isSequential(const torch::jit::Module& m) {
    const auto type = m.type()->name();
    if (!type) return false;
    const std::string q = type->qualifiedName();
    return q.size() >= 10 && q.compare(q.size() - 10, 10, "Sequential") == 0;
}

bool callsMethods(const torch::jit::Block* block) {
    for (const torch::jit::Node* n : block->nodes()) {
        if (n->kind() == c10::prim::CallMethod) return true;
        for (const torch::jit::Block* b : n->blocks())
            if (callsMethods(b)) return true;
    }
    return false;
}

bool startsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

}  // namespace

struct TorchScriptBackbone::Impl {
    BackboneOptions options;
    torch::jit::Module module;
    torch::Device device{torch::kCPU};
    bool frozen = false;
    std::vector<std::string> tappable;  // children walk order
    std::string digest;
    int stride = 0;
    int dim = 0;

    // Submodules reachable by running children in order: the root's children and, recursively,
    // the children of Sequential containers.
    void collectTappable(const torch::jit::Module& m, const std::string& prefix) {
        for (const auto& child : m.named_children()) {
            const std::string name = prefix + child.name;
            tappable.push_back(name);
            if (isSequential(child.value)) collectTappable(child.value, name + ".");
        }
    }

    // Runs the children of `m` in order, descending into the ones that contain a wanted tap.
    torch::Tensor walk(const torch::jit::Module& m, const std::string& prefix, torch::Tensor x,
                       std::map<std::string, torch::Tensor>& found, std::size_t wanted) {
        for (const auto& child : m.named_children()) {
            if (found.size() == wanted) break;
            const std::string name = prefix + child.name;
            bool inside = false;
            for (const auto& layer : options.layers)
                if (startsWith(layer, name + ".") && !found.count(layer)) inside = true;
            if (inside)
                x = walk(child.value, name + ".", x, found, wanted);
            else
                x = torch::jit::Module(child.value).forward({x}).toTensor();  // a handle copy: forward() is not const
            if (std::find(options.layers.begin(), options.layers.end(), name) != options.layers.end())
                found[name] = x.is_quantized() ? x.dequantize() : x;
        }
        return x;
    }

    std::vector<torch::Tensor> tap(const torch::Tensor& x) {
        std::map<std::string, torch::Tensor> found;
        walk(module, "", x, found, options.layers.size());
        std::vector<torch::Tensor> maps;
        for (const auto& layer : options.layers) {
            const auto it = found.find(layer);
            if (it == found.end()) throw Error("layer \"" + layer + "\" was not reached", options.weightsPath);
            if (it->second.dim() != 4)
                throw Error("layer \"" + layer + "\" gives a " + std::to_string(it->second.dim()) +
                                "-D output, not an NCHW feature map",
                            options.weightsPath);
            maps.push_back(it->second.to(torch::kFloat32));
        }
        return maps;
    }

    void useQnnpack() {
        // Mobile int8 archives are packed for QNNPACK; the default x86 engine gives other logits.
        const auto& engines = at::globalContext().supportedQEngines();
        if (std::find(engines.begin(), engines.end(), at::QEngine::QNNPACK) != engines.end())
            at::globalContext().setQEngine(at::QEngine::QNNPACK);
    }
};

TorchScriptBackbone::TorchScriptBackbone(const BackboneOptions& options) : impl_(std::make_unique<Impl>()) {
    Impl& d = *impl_;
    d.options = options;
    const std::string& path = options.weightsPath;
    if (path.empty()) throw Error("the torchscript backbone needs weightsPath = a TorchScript archive (.pt)");
    if (!std::filesystem::is_regular_file(path)) throw Error("TorchScript archive not found", path);
    d.device = parseDevice(options.device);
    d.useQnnpack();
    try {
        d.module = torch::jit::load(path, d.device);
    } catch (const std::exception& e) {
        throw Error("cannot load the TorchScript archive: " + firstLine(e), path);
    }
    d.module.eval();
    d.digest = "sha256:" + sha256File(path);
    d.frozen = !callsMethods(d.module.get_method("forward").graph()->block());
    if (!d.frozen) d.collectTappable(d.module, "");

    std::set<std::string> seen;
    for (const auto& layer : options.layers) {
        if (!seen.insert(layer).second) throw Error("layer \"" + layer + "\" is listed twice", path);
        if (std::find(d.tappable.begin(), d.tappable.end(), layer) != d.tappable.end()) continue;
        if (d.frozen) {
            std::vector<std::string> left;
            for (const auto& m : d.module.named_modules())
                if (!m.name.empty()) left.push_back(m.name);
            throw Error("cannot tap \"" + layer +
                            "\": the archive is frozen (torch.jit.freeze / optimize_for_mobile inlined every "
                            "submodule into one graph, so its forward() calls no submodule); nothing is tappable. "
                            "Submodules it still lists, unused by forward(): " +
                            joined(left) + ". Export the model without freezing to tap its layers.",
                        path);
        }
        throw Error("cannot tap \"" + layer +
                        "\": not a child of the model or of a Sequential inside it (taps are reached by running "
                        "children in order). Tappable: " +
                        joined(d.tappable),
                    path);
    }
    if (options.layers.empty()) return;

    // Probe once for the stride and the dimension of the aggregated features.
    c10::InferenceMode guard;
    std::vector<torch::Tensor> maps;
    try {
        maps = d.tap(torch::zeros({1, 3, kProbeSize, kProbeSize}, torch::TensorOptions().device(d.device)));
    } catch (const c10::Error& e) {
        throw Error("running the model's children in order failed on a 1x3x224x224 probe: " + firstLine(e), path);
    }
    int64_t finest = 0;
    for (const auto& m : maps) {
        finest = std::max(finest, m.size(2));
        d.dim += static_cast<int>(m.size(1));
    }
    d.stride = static_cast<int>(std::lround(static_cast<double>(kProbeSize) / static_cast<double>(finest)));
}

TorchScriptBackbone::~TorchScriptBackbone() = default;

std::string TorchScriptBackbone::identity() const {
    std::string layers;
    for (const auto& l : impl_->options.layers) layers += (layers.empty() ? "" : ",") + l;
    return "torchscript weights=" + impl_->digest + " layers=" + layers + " agg=bilinear-concat-avgpool3";
}

int TorchScriptBackbone::patchStride() const { return impl_->stride; }

int TorchScriptBackbone::dim() const { return impl_->dim; }

bool TorchScriptBackbone::frozen() const { return impl_->frozen; }

std::vector<std::string> TorchScriptBackbone::tappableLayers() const { return impl_->tappable; }

std::vector<FeatureGrid> TorchScriptBackbone::extract(const std::vector<FloatImage>& batch) {
    Impl& d = *impl_;
    if (d.options.layers.empty())
        throw Error("no layers to tap; tappable: " + joined(d.tappable), d.options.weightsPath);
    std::vector<FeatureGrid> grids;
    if (batch.empty()) return grids;
    d.useQnnpack();
    c10::InferenceMode guard;
    const std::size_t chunk = static_cast<std::size_t>(std::max(1, d.options.batchSize));
    for (std::size_t start = 0; start < batch.size(); start += chunk) {
        const std::vector<FloatImage> part(batch.begin() + static_cast<std::ptrdiff_t>(start),
                                           batch.begin() + static_cast<std::ptrdiff_t>(std::min(batch.size(), start + chunk)));
        std::vector<torch::Tensor> maps;
        try {
            maps = d.tap(imagesToTensor(part, 0, d.device, d.options.weightsPath));
        } catch (const c10::Error& e) {
            throw Error("TorchScript model failed: " + firstLine(e), d.options.weightsPath);
        }
        auto out = toFeatureGrids(aggregateTaps(maps));
        std::move(out.begin(), out.end(), std::back_inserter(grids));
    }
    return grids;
}

std::vector<float> TorchScriptBackbone::runWholeModel(const FloatImage& image) {
    Impl& d = *impl_;
    d.useQnnpack();
    c10::InferenceMode guard;
    try {
        const c10::IValue out = d.module.forward({imagesToTensor({image}, 0, d.device, d.options.weightsPath)});
        if (out.isTensor()) return toFloatVector(out.toTensor());
        if (out.isTuple() && !out.toTupleRef().elements().empty() && out.toTupleRef().elements()[0].isTensor())
            return toFloatVector(out.toTupleRef().elements()[0].toTensor());
    } catch (const c10::Error& e) {
        throw Error("TorchScript model failed: " + firstLine(e), d.options.weightsPath);
    }
    throw Error("the model's forward() does not return a tensor", d.options.weightsPath);
}

}  // namespace pb
