#include "engine/backbone/TimmCnn.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "engine/backbone/CnnArchitecture.h"
#include "engine/backbone/TorchFeatures.h"
#include "engine/io/Safetensors.h"
#include "engine/util/Error.h"
#include "engine/util/Sha256.h"

namespace pb {

namespace {

std::string shapeText(const std::vector<int64_t>& shape) {
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

std::string joined(const std::vector<std::string>& names, const char* separator = ", ") {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : separator) + n;
    return s;
}

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// splitmix64: a tiny, portable generator, so the random weights are the same on every platform.
std::uint64_t splitmix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

// Deterministic stand-in weights with sane statistics (He-uniform convs, BatchNorm near
// identity with random statistics), seeded per tensor name so that order does not matter.
std::vector<float> randomTensor(const TensorSpec& spec) {
    std::uint64_t state = TimmCnn::kRandomSeed;
    for (unsigned char c : spec.name) state = (state ^ c) * 0x100000001b3ull;
    std::size_t n = 1;
    for (auto d : spec.shape) n *= static_cast<std::size_t>(d);
    std::vector<float> v(n);
    auto uniform = [&] { return static_cast<float>((splitmix(state) >> 40) * (1.0 / 16777216.0)) * 2.0f - 1.0f; };
    if (spec.shape.size() >= 2) {
        std::size_t fanIn = n / static_cast<std::size_t>(spec.shape[0]);
        const float bound = spec.shape.size() == 4 ? std::sqrt(6.0f / fanIn) : 1.0f / std::sqrt(float(fanIn));
        for (auto& x : v) x = bound * uniform();
    } else if (endsWith(spec.name, "running_var")) {
        for (auto& x : v) x = 1.0f + 0.5f * uniform();
    } else if (endsWith(spec.name, ".weight")) {  // BatchNorm gamma
        for (auto& x : v) x = 1.0f + 0.2f * uniform();
    } else {  // BatchNorm beta / running_mean, classifier bias
        for (auto& x : v) x = 0.1f * uniform();
    }
    return v;
}

}  // namespace

struct TimmCnn::Impl {
    BackboneOptions options;
    std::unique_ptr<CnnArchitecture> arch;
    torch::Device device{torch::kCPU};
    std::vector<std::string> layers;  // what extract() taps, in concatenation order
    std::vector<int> layerIndex;      // their indices in arch->tapNames()
    bool hasHead = false;
    std::string weightsDigest;  // "sha256:<hex>" or "random(seed=N)"

    int indexOf(const std::string& layer) const {
        const auto names = arch->tapNames();
        const auto it = std::find(names.begin(), names.end(), layer);
        if (it == names.end())
            throw Error(arch->name() + " has no layer \"" + layer + "\" to tap; it has: " + joined(names),
                        options.weightsPath);
        return static_cast<int>(it - names.begin());
    }

    void loadFile() {
        const SafetensorsFile file = SafetensorsFile::open(options.weightsPath);
        const std::string& where = options.weightsPath;
        const std::string arch_ = arch->name();
        std::set<std::string> expected;
        // Check every tensor first, so that the error names the first mismatch in timm's order.
        auto check = [&](const TensorSpec& spec) {
            const TensorInfo& info = file.info(spec.name);
            if (info.shape != spec.shape)
                throw Error("tensor \"" + spec.name + "\" has shape " + shapeText(info.shape) + ", " + arch_ +
                                " expects " + shapeText(spec.shape),
                            where);
            if (info.dtype != DType::F32 && info.dtype != DType::F16 && info.dtype != DType::BF16 &&
                info.dtype != DType::F64)
                throw Error("tensor \"" + spec.name + "\" has dtype " + toString(info.dtype) + ", expected a float type",
                            where);
        };
        for (const auto& spec : arch->bodySpecs()) {
            if (!file.contains(spec.name))
                throw Error("missing tensor \"" + spec.name + "\" (shape " + shapeText(spec.shape) + ") that " + arch_ +
                                " needs; is this a timm " + arch_ + " file?",
                            where);
            check(spec);
            expected.insert(spec.name);
        }
        // The classifier is optional as a whole (features_only exports leave it out).
        const auto head = arch->headSpecs();
        std::size_t present = 0;
        for (const auto& spec : head) present += file.contains(spec.name) ? 1 : 0;
        if (present != 0 && present != head.size()) {
            for (const auto& spec : head)
                if (!file.contains(spec.name))
                    throw Error("missing classifier tensor \"" + spec.name + "\" (shape " + shapeText(spec.shape) +
                                    "); the file has part of the classifier only",
                                where);
        }
        hasHead = present == head.size();
        if (hasHead)
            for (const auto& spec : head) {
                check(spec);
                expected.insert(spec.name);
            }
        for (const auto& t : file.tensors())
            if (!expected.count(t.name) && !endsWith(t.name, ".num_batches_tracked"))
                throw Error("unexpected tensor \"" + t.name + "\" " + shapeText(t.shape) + " that " + arch_ +
                                " does not have; is this a timm " + arch_ + " file?",
                            where);

        arch->load([&](const TensorSpec& spec) { return file.toFloat32(spec.name); }, hasHead);
        weightsDigest = "sha256:" + sha256File(options.weightsPath);
    }

    // Runs the network on a batch; returns the wanted taps (in `indices` order) and optionally logits.
    std::vector<torch::Tensor> run(const torch::Tensor& x, const std::vector<int>& indices, torch::Tensor* logits) {
        std::vector<bool> wanted(arch->tapNames().size(), false);
        for (int i : indices) wanted[static_cast<std::size_t>(i)] = true;
        auto all = arch->forward(x, wanted, logits);
        std::vector<torch::Tensor> out;
        for (int i : indices) out.push_back(all[static_cast<std::size_t>(i)]);
        return out;
    }

    torch::Tensor input(const std::vector<FloatImage>& images) const {
        // Channels-last: oneDNN's convolutions (depthwise and 1x1 above all) run several times
        // faster on NHWC than on NCHW on the CPU; every later op keeps the layout.
        return imagesToTensor(images, 3, device, arch->name()).contiguous(at::MemoryFormat::ChannelsLast);
    }
};

TimmCnn::TimmCnn(const BackboneOptions& options) : impl_(std::make_unique<Impl>()) {
    Impl& d = *impl_;
    d.options = options;
    d.arch = CnnArchitecture::create(options.name);
    if (!d.arch)
        throw Error("unknown timm CNN \"" + options.name + "\"; known: " + joined(CnnArchitecture::names()),
                    options.weightsPath);
    d.device = parseDevice(options.device);
    d.layers = options.layers.empty() ? d.arch->defaultTaps() : options.layers;
    for (const auto& layer : d.layers) {
        const int i = d.indexOf(layer);
        if (std::find(d.layerIndex.begin(), d.layerIndex.end(), i) != d.layerIndex.end())
            throw Error("layer \"" + layer + "\" is listed twice", options.weightsPath);
        d.layerIndex.push_back(i);
    }
    if (options.weightsPath.empty()) {
        d.arch->load(randomTensor, true);
        d.hasHead = true;
        d.weightsDigest = "random(seed=" + std::to_string(kRandomSeed) + ")";
    } else {
        d.loadFile();
    }
    d.arch->to(d.device);
}

TimmCnn::~TimmCnn() = default;

std::string TimmCnn::name() const { return impl_->arch->name(); }

std::string TimmCnn::identity() const {
    return impl_->arch->name() + " weights=" + impl_->weightsDigest + " layers=" + joined(impl_->layers, ",") +
           " agg=bilinear-concat-avgpool3";
}

int TimmCnn::patchStride() const {
    const auto strides = impl_->arch->tapStrides();
    int s = 0;
    for (int i : impl_->layerIndex) s = s == 0 ? strides[static_cast<std::size_t>(i)] : std::min(s, strides[static_cast<std::size_t>(i)]);
    return s;
}

int TimmCnn::dim() const {
    const auto channels = impl_->arch->tapChannels();
    int sum = 0;
    for (int i : impl_->layerIndex) sum += channels[static_cast<std::size_t>(i)];
    return sum;
}

std::vector<int> TimmCnn::layerChannels() const {
    const auto channels = impl_->arch->tapChannels();
    std::vector<int> out;
    for (int i : impl_->layerIndex) out.push_back(channels[static_cast<std::size_t>(i)]);
    return out;
}

std::vector<std::string> TimmCnn::layers() const { return impl_->layers; }

std::vector<std::string> TimmCnn::tappableLayers() const { return impl_->arch->tapNames(); }

std::vector<FeatureGrid> TimmCnn::extract(const std::vector<FloatImage>& batch) {
    std::vector<FeatureGrid> grids;
    if (batch.empty()) return grids;
    c10::InferenceMode guard;
    const std::size_t chunk = static_cast<std::size_t>(std::max(1, impl_->options.batchSize));
    for (std::size_t start = 0; start < batch.size(); start += chunk) {
        const std::vector<FloatImage> part(batch.begin() + static_cast<std::ptrdiff_t>(start),
                                           batch.begin() + static_cast<std::ptrdiff_t>(std::min(batch.size(), start + chunk)));
        const auto maps = impl_->run(impl_->input(part), impl_->layerIndex, nullptr);
        auto out = toFeatureGrids(aggregateTaps(maps));
        std::move(out.begin(), out.end(), std::back_inserter(grids));
    }
    return grids;
}

std::vector<float> TimmCnn::logits(const FloatImage& image) {
    if (!impl_->hasHead)
        throw Error("the weights file has no classifier (a features-only export), so there are no logits",
                    impl_->options.weightsPath);
    c10::InferenceMode guard;
    torch::Tensor logits;
    impl_->run(impl_->input({image}), {}, &logits);
    return toFloatVector(logits);
}

std::vector<FeatureGrid> TimmCnn::stages(const FloatImage& image) { return taps(image, impl_->arch->featureStages()); }

std::vector<FeatureGrid> TimmCnn::taps(const FloatImage& image, const std::vector<std::string>& names) {
    std::vector<int> indices;
    for (const auto& n : names) indices.push_back(impl_->indexOf(n));
    c10::InferenceMode guard;
    const auto maps = impl_->run(impl_->input({image}), indices, nullptr);
    std::vector<FeatureGrid> grids;
    for (const auto& m : maps) grids.push_back(toFeatureGrids(m).front());
    return grids;
}

std::vector<std::string> TimmCnn::architectures() { return CnnArchitecture::names(); }

}  // namespace pb
