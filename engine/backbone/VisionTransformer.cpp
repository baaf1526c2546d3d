#include "engine/backbone/VisionTransformer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <set>

#include "engine/backbone/CpuGemm.h"
#include "engine/backbone/TorchFeatures.h"
#include "engine/io/Safetensors.h"
#include "engine/util/Error.h"
#include "engine/util/Sha256.h"

namespace pb {

namespace {

using torch::Tensor;

std::string shapeText(const std::vector<int64_t>& shape) {
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string familyName(VitFamily f) {
    switch (f) {
        case VitFamily::DinoV3: return "dinov3";
        case VitFamily::DinoV2: return "dinov2";
        case VitFamily::Clip: return "clip_vit";
    }
    return "vit";
}

// splitmix64: portable deterministic stand-in weights for benchmarks.
std::uint64_t splitmix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

// One tensor the model expects, under its HF name (without the file's prefix).
struct Spec {
    std::string name;
    std::vector<int64_t> shape;
};

// The HF names of one family, so that the spec list and the loader cannot disagree.
struct Names {
    std::string anchor;      // the tensor that locates the model inside a file (its prefix)
    std::string blockSpace;  // what every block tensor starts with
    std::string cls, registers, position, patchWeight, patchBias, preNorm, finalNorm;
    std::string norm1, norm2, q, k, v, o, ls1, ls2;
    std::string mlpIn, mlpGate, mlpOut;  // gated: gate + in (up), else in only

    std::string block(int i, const std::string& leaf) const { return blockSpace + std::to_string(i) + "." + leaf; }
};

Names namesFor(const VitConfig& c) {
    Names n;
    switch (c.family) {
        case VitFamily::DinoV3:
            n.anchor = n.cls = "embeddings.cls_token";
            n.registers = "embeddings.register_tokens";
            n.patchWeight = "embeddings.patch_embeddings.weight";
            n.patchBias = "embeddings.patch_embeddings.bias";
            n.finalNorm = "norm";
            n.blockSpace = "layer.";
            n.norm1 = "norm1";
            n.norm2 = "norm2";
            n.q = "attention.q_proj";
            n.k = "attention.k_proj";
            n.v = "attention.v_proj";
            n.o = "attention.o_proj";
            n.ls1 = "layer_scale1.lambda1";
            n.ls2 = "layer_scale2.lambda1";
            n.mlpGate = "mlp.gate_proj";
            n.mlpIn = "mlp.up_proj";
            n.mlpOut = "mlp.down_proj";
            break;
        case VitFamily::DinoV2:
            n.anchor = n.cls = "embeddings.cls_token";
            n.registers = "embeddings.register_tokens";
            n.position = "embeddings.position_embeddings";
            n.patchWeight = "embeddings.patch_embeddings.projection.weight";
            n.patchBias = "embeddings.patch_embeddings.projection.bias";
            n.finalNorm = "layernorm";
            n.blockSpace = "encoder.layer.";
            n.norm1 = "norm1";
            n.norm2 = "norm2";
            n.q = "attention.attention.query";
            n.k = "attention.attention.key";
            n.v = "attention.attention.value";
            n.o = "attention.output.dense";
            n.ls1 = "layer_scale1.lambda1";
            n.ls2 = "layer_scale2.lambda1";
            // SwiGLU keeps gate and value in one matrix (weights_in = [gate; up]).
            n.mlpIn = c.gatedMlp ? "mlp.weights_in" : "mlp.fc1";
            n.mlpOut = c.gatedMlp ? "mlp.weights_out" : "mlp.fc2";
            break;
        case VitFamily::Clip:
            n.anchor = n.cls = "embeddings.class_embedding";
            n.position = "embeddings.position_embedding.weight";
            n.patchWeight = "embeddings.patch_embedding.weight";
            n.preNorm = "pre_layrnorm";
            n.finalNorm = "post_layernorm";
            n.blockSpace = "encoder.layers.";
            n.norm1 = "layer_norm1";
            n.norm2 = "layer_norm2";
            n.q = "self_attn.q_proj";
            n.k = "self_attn.k_proj";
            n.v = "self_attn.v_proj";
            n.o = "self_attn.out_proj";
            n.mlpIn = "mlp.fc1";
            n.mlpOut = "mlp.fc2";
            break;
    }
    return n;
}

// Every tensor the config implies, in the model's order.
std::vector<Spec> specsFor(const VitConfig& c) {
    const Names n = namesFor(c);
    const int64_t C = c.hiddenSize, I = c.intermediateSize, P = c.patchSize, M = c.positionGrid();
    std::vector<Spec> s;
    if (c.family == VitFamily::Clip) {
        s.push_back({n.cls, {C}});
        s.push_back({n.patchWeight, {C, c.numChannels, P, P}});
        s.push_back({n.position, {M * M + 1, C}});
        s.push_back({n.preNorm + ".weight", {C}});
        s.push_back({n.preNorm + ".bias", {C}});
    } else {
        s.push_back({n.cls, {1, 1, C}});
        if (c.numRegisters > 0) s.push_back({n.registers, {1, c.numRegisters, C}});
        if (c.family == VitFamily::DinoV2) s.push_back({n.position, {1, M * M + 1, C}});
        s.push_back({n.patchWeight, {C, c.numChannels, P, P}});
        s.push_back({n.patchBias, {C}});
    }
    for (int i = 0; i < c.numLayers; ++i) {
        auto linear = [&](const std::string& leaf, int64_t out, int64_t in, bool bias) {
            s.push_back({n.block(i, leaf + ".weight"), {out, in}});
            if (bias) s.push_back({n.block(i, leaf + ".bias"), {out}});
        };
        s.push_back({n.block(i, n.norm1 + ".weight"), {C}});
        s.push_back({n.block(i, n.norm1 + ".bias"), {C}});
        linear(n.q, C, C, c.queryBias);
        linear(n.k, C, C, c.keyBias);
        linear(n.v, C, C, c.valueBias);
        linear(n.o, C, C, c.projBias);
        if (c.layerScale) s.push_back({n.block(i, n.ls1), {C}});
        s.push_back({n.block(i, n.norm2 + ".weight"), {C}});
        s.push_back({n.block(i, n.norm2 + ".bias"), {C}});
        if (c.gatedMlp && c.family == VitFamily::DinoV3) {
            linear(n.mlpGate, I, C, c.mlpBias);
            linear(n.mlpIn, I, C, c.mlpBias);
        } else {
            linear(n.mlpIn, c.gatedMlp ? 2 * I : I, C, c.mlpBias);
        }
        linear(n.mlpOut, C, I, c.mlpBias);
        if (c.layerScale) s.push_back({n.block(i, n.ls2), {C}});
    }
    s.push_back({n.finalNorm + ".weight", {C}});
    s.push_back({n.finalNorm + ".bias", {C}});
    return s;
}

struct Block {
    Tensor norm1w, norm1b, norm2w, norm2b;  // float32
    Tensor qkvW, qkvB;                      // [3C, C] compute dtype; bias undefined when q, k and v have none
    Tensor oW, oB;
    Tensor ls1, ls2;                        // float32, undefined for CLIP
    Tensor fc1W, fc1B, fc2W, fc2B;          // gated: fc1 = [gate; up], [2I, C]
};

Tensor quickGelu(const Tensor& x) { return x * at::sigmoid(1.702 * x); }

// Meta/HF DINOv3 RoPE tables for an h x w grid, float32, computed in the original's order:
// periods = base^(2k/(D/2)), coordinates 2(i+0.5)/n - 1 per axis, angles 2*pi*coord/period,
// [y angles, x angles] tiled twice.
std::pair<Tensor, Tensor> computeRope(int64_t h, int64_t w, int64_t headDim, double base) {
    const auto f32 = torch::TensorOptions().dtype(torch::kFloat32);
    const Tensor periods = at::pow(base, 2 * at::arange(headDim / 4, f32) / static_cast<double>(headDim / 2));
    const Tensor ch = at::arange(0.5, static_cast<double>(h), 1.0, f32) / static_cast<double>(h);
    const Tensor cw = at::arange(0.5, static_cast<double>(w), 1.0, f32) / static_cast<double>(w);
    const auto grid = at::meshgrid({ch, cw}, "ij");
    Tensor coords = at::stack({grid[0], grid[1]}, -1).flatten(0, 1);  // [hw, 2]
    coords = 2.0 * coords - 1.0;
    Tensor angles = 2 * M_PI * coords.unsqueeze(-1) / periods.view({1, 1, -1});  // [hw, 2, D/4]
    angles = angles.flatten(1, 2).tile({1, 2});                                    // [hw, D]
    return {at::cos(angles), at::sin(angles)};
}

torch::ScalarType parsePrecision(const std::string& p, const torch::Device& device, const std::string& where) {
    if (p.empty() || p == "fp32" || p == "float32") return torch::kFloat32;
    if (p == "bf16" || p == "bfloat16") return torch::kBFloat16;
    if (p == "fp16" || p == "float16" || p == "half") {
        if (!device.is_cuda())
            throw Error("precision fp16 needs a CUDA device (LibTorch has no fp16 matrix products on the CPU); use fp32 or bf16",
                        where);
        return torch::kHalf;
    }
    throw Error("unknown precision \"" + p + "\" (fp32, bf16, fp16)", where);
}

}  // namespace

struct VisionTransformer::Impl {
    std::mutex mutex;  // one forward at a time: the caches and scratch buffers are shared
    BackboneOptions options;
    VitConfig config;
    Names names;
    std::string where;  // the weights file, for messages
    torch::Device device{torch::kCPU};
    torch::ScalarType dtype = torch::kFloat32;
    std::string weightsDigest;
    std::vector<int> taps;  // resolved block indices, in concatenation order

    Tensor cls;          // [1, 1, C] float32
    Tensor registers;    // [1, R, C] or undefined
    Tensor position;     // [1, 1 + M*M, C] float32 or undefined
    Tensor patchW, patchB;
    Tensor preNormW, preNormB, finalNormW, finalNormB;
    std::vector<Block> blocks;

    // Buffers reused from block to block and batch to batch on the CPU: a fresh multi-megabyte
    // tensor costs a page fault per 4 KiB when first written, which took a quarter of the
    // forward time. GPU allocations are cached by LibTorch already.
    struct Scratch {
        Tensor qkv, ctx, out, hidden;
        std::vector<Tensor> attention;  // per thread: scores and probabilities [2, T, T]
    } scratch;
    std::map<std::pair<int64_t, int64_t>, std::pair<Tensor, Tensor>> ropeCache;      // (h, w) -> cos, sin [hw, D]
    std::map<std::tuple<int64_t, int64_t, bool>, Tensor> positionCache;             // (h, w, square image)

    int64_t prefixTokens() const { return 1 + config.numRegisters; }

    // ---------------------------------------------------------------- weights
    void load(const std::function<Tensor(const Spec&)>& read) {
        const int64_t C = config.hiddenSize;
        auto get = [&](const std::string& name, std::vector<int64_t> shape) { return read({name, std::move(shape)}); };
        auto toCompute = [&](const Tensor& t) { return t.to(device, dtype).contiguous(); };
        auto toF32 = [&](const Tensor& t) { return t.to(device, torch::kFloat32).contiguous(); };
        const int64_t M = config.positionGrid(), I = config.intermediateSize;
        if (config.family == VitFamily::Clip) {
            cls = toF32(get(names.cls, {C}).view({1, 1, C}));
            patchW = toF32(get(names.patchWeight, {C, config.numChannels, config.patchSize, config.patchSize}));
            position = toF32(get(names.position, {M * M + 1, C}).view({1, M * M + 1, C}));
            preNormW = toF32(get(names.preNorm + ".weight", {C}));
            preNormB = toF32(get(names.preNorm + ".bias", {C}));
        } else {
            cls = toF32(get(names.cls, {1, 1, C}));
            if (config.numRegisters > 0) registers = toF32(get(names.registers, {1, config.numRegisters, C}));
            if (config.family == VitFamily::DinoV2) position = toF32(get(names.position, {1, M * M + 1, C}));
            patchW = toF32(get(names.patchWeight, {C, config.numChannels, config.patchSize, config.patchSize}));
            patchB = toF32(get(names.patchBias, {C}));
        }
        blocks.assign(static_cast<std::size_t>(config.numLayers), Block{});
        for (int i = 0; i < config.numLayers; ++i) {
            Block& b = blocks[static_cast<std::size_t>(i)];
            auto w = [&](const std::string& leaf, int64_t out, int64_t in) {
                return get(names.block(i, leaf + ".weight"), {out, in});
            };
            auto bias = [&](const std::string& leaf, int64_t out, bool present) {
                return present ? get(names.block(i, leaf + ".bias"), {out}) : Tensor();
            };
            b.norm1w = toF32(get(names.block(i, names.norm1 + ".weight"), {C}));
            b.norm1b = toF32(get(names.block(i, names.norm1 + ".bias"), {C}));
            // One [3C, C] product instead of three; a missing bias (DINOv3's k) is an exact zero.
            const Tensor wq = w(names.q, C, C), wk = w(names.k, C, C), wv = w(names.v, C, C);
            b.qkvW = toCompute(at::cat({wq, wk, wv}, 0));
            const Tensor bq = bias(names.q, C, config.queryBias), bk = bias(names.k, C, config.keyBias),
                         bv = bias(names.v, C, config.valueBias);
            if (bq.defined() || bk.defined() || bv.defined()) {
                auto orZero = [&](const Tensor& t) { return t.defined() ? t : at::zeros({C}, torch::kFloat32); };
                b.qkvB = toCompute(at::cat({orZero(bq), orZero(bk), orZero(bv)}, 0));
            }
            b.oW = toCompute(w(names.o, C, C));
            const Tensor bo = bias(names.o, C, config.projBias);
            if (bo.defined()) b.oB = toCompute(bo);
            if (config.layerScale) b.ls1 = toF32(get(names.block(i, names.ls1), {C}));
            b.norm2w = toF32(get(names.block(i, names.norm2 + ".weight"), {C}));
            b.norm2b = toF32(get(names.block(i, names.norm2 + ".bias"), {C}));
            if (config.gatedMlp && config.family == VitFamily::DinoV3) {
                b.fc1W = toCompute(at::cat({w(names.mlpGate, I, C), w(names.mlpIn, I, C)}, 0));
                if (config.mlpBias)
                    b.fc1B = toCompute(at::cat({bias(names.mlpGate, I, true), bias(names.mlpIn, I, true)}, 0));
            } else {
                const int64_t rows = config.gatedMlp ? 2 * I : I;
                b.fc1W = toCompute(w(names.mlpIn, rows, C));
                if (config.mlpBias) b.fc1B = toCompute(bias(names.mlpIn, rows, true));
            }
            b.fc2W = toCompute(w(names.mlpOut, C, I));
            if (config.mlpBias) b.fc2B = toCompute(bias(names.mlpOut, C, true));
            if (config.layerScale) b.ls2 = toF32(get(names.block(i, names.ls2), {C}));
        }
        finalNormW = toF32(get(names.finalNorm + ".weight", {C}));
        finalNormB = toF32(get(names.finalNorm + ".bias", {C}));
    }

    void loadFile() {
        const SafetensorsFile file = SafetensorsFile::open(options.weightsPath);
        // The model may sit under a prefix ("vision_model." in CLIP files, "dinov2." in classifier exports).
        std::string prefix;
        if (!file.contains(names.anchor)) {
            for (const auto& t : file.tensors())
                if (endsWith(t.name, "." + names.anchor)) {
                    prefix = t.name.substr(0, t.name.size() - names.anchor.size());
                    break;
                }
        }
        const auto specs = specsFor(config);
        // Check everything before converting anything, so the message names the first problem in model order.
        for (const auto& spec : specs) {
            const std::string full = prefix + spec.name;
            if (!file.contains(full))
                throw Error("missing tensor \"" + full + "\" (expected shape " + shapeText(spec.shape) + " from " +
                                configName() + ": " + config.summary() + ")",
                            where);
            const TensorInfo& info = file.info(full);
            if (info.shape != spec.shape)
                throw Error("tensor \"" + full + "\" has shape " + shapeText(info.shape) + ", expected " +
                                shapeText(spec.shape) + " from " + configName() + " (" + config.summary() + ")",
                            where);
            if (info.dtype != DType::F32 && info.dtype != DType::F16 && info.dtype != DType::BF16 &&
                info.dtype != DType::F64)
                throw Error("tensor \"" + full + "\" has dtype " + toString(info.dtype) + ", expected a float type",
                            where);
        }
        // Blocks beyond the config mean the config does not describe this file.
        std::set<std::string> expected;
        for (const auto& spec : specs) expected.insert(prefix + spec.name);
        for (const auto& t : file.tensors())
            if (startsWith(t.name, prefix + names.blockSpace) && !expected.count(t.name))
                throw Error("unexpected tensor \"" + t.name + "\" " + shapeText(t.shape) + " that the model of " +
                                configName() + " (" + config.summary() + ") does not have",
                            where);
        load([&](const Spec& spec) {
            const std::vector<float> values = file.toFloat32(prefix + spec.name);
            return torch::from_blob(const_cast<float*>(values.data()), spec.shape, torch::kFloat32).clone();
        });
        weightsDigest = "sha256:" + sha256File(options.weightsPath);
    }

    void loadRandom() {
        load([](const Spec& spec) {
            std::uint64_t state = kRandomSeed;
            for (unsigned char ch : spec.name) state = (state ^ ch) * 0x100000001b3ull;
            int64_t n = 1;
            for (auto d : spec.shape) n *= d;
            std::vector<float> v(static_cast<std::size_t>(n));
            auto uniform = [&] { return static_cast<float>((splitmix(state) >> 40) * (1.0 / 16777216.0)) * 2.0f - 1.0f; };
            const bool matrix = spec.shape.size() >= 2 && !endsWith(spec.name, "_token") &&
                                !endsWith(spec.name, "position_embeddings") && !endsWith(spec.name, "position_embedding.weight");
            if (matrix) {
                const float bound = 1.0f / std::sqrt(static_cast<float>(n / spec.shape[0]));
                for (auto& x : v) x = bound * uniform();
            } else if (endsWith(spec.name, "lambda1")) {
                for (auto& x : v) x = 0.1f + 0.05f * uniform();
            } else if (endsWith(spec.name, ".weight") && spec.shape.size() == 1) {  // LayerNorm gain
                for (auto& x : v) x = 1.0f + 0.1f * uniform();
            } else {
                for (auto& x : v) x = 0.02f * uniform();
            }
            return torch::from_blob(v.data(), spec.shape, torch::kFloat32).clone();
        });
        weightsDigest = "random(seed=" + std::to_string(kRandomSeed) + ")";
    }

    std::string configName() const {
        return options.configPath.empty() ? std::string("config.json") : options.configPath;
    }

    // ---------------------------------------------------------------- forward
    bool reuseBuffers() const { return device.is_cpu() && dtype == torch::kFloat32; }

    // A [rows, cols] float32 view of `slot`'s storage, grown when too small.
    static Tensor take(Tensor& slot, int64_t rows, int64_t cols) {
        const int64_t n = rows * cols;
        if (!slot.defined() || slot.numel() < n) slot = at::empty({n}, torch::kFloat32);
        return slot.narrow(0, 0, n).view({rows, cols});
    }

    const std::pair<Tensor, Tensor>& rope(int64_t h, int64_t w) {
        auto it = ropeCache.find({h, w});
        if (it == ropeCache.end()) {
            auto tables = computeRope(h, w, config.headDim(), config.ropeTheta);
            it = ropeCache.emplace(std::make_pair(h, w), std::make_pair(tables.first.to(device).contiguous(), tables.second.to(device).contiguous()))
                     .first;
        }
        return it->second;
    }

    // [1, 1 + h*w, C] float32: the stored embedding, or its grid resized as the family's reference does.
    const Tensor& positions(int64_t h, int64_t w, bool squareImage) {
        const auto key = std::make_tuple(h, w, squareImage);
        auto it = positionCache.find(key);
        if (it != positionCache.end()) return it->second;
        const int64_t M = config.positionGrid(), C = config.hiddenSize;
        Tensor result;
        const bool asStored = h * w == M * M && (config.family == VitFamily::Clip ? h == w : squareImage);
        if (asStored) {
            result = position;
        } else {
            const Tensor grid = position.slice(1, 1).reshape({1, M, M, C}).permute({0, 3, 1, 2}).contiguous();
            Tensor resized;
            switch (config.posEmbedResize) {
                case PosEmbedResize::BicubicAntialias:
                    resized = at::_upsample_bicubic2d_aa(grid, {h, w}, /*align_corners=*/false);
                    break;
                case PosEmbedResize::BicubicOffset: {
                    // Original non-register DINOv2 / older HF: scale_factor (n + 0.1) / M, which
                    // both sets the output size (floor) and the sampling step.
                    const std::vector<double> scales{(static_cast<double>(h) + 0.1) / static_cast<double>(M),
                                                     (static_cast<double>(w) + 0.1) / static_cast<double>(M)};
                    resized = at::upsample_bicubic2d(grid, c10::nullopt, false, at::ArrayRef<double>(scales));
                    break;
                }
                case PosEmbedResize::Bicubic:
                    // HF CLIPVisionEmbeddings.interpolate_pos_encoding: plain bicubic (a = -0.75,
                    // clamped edges), output size = grid, align_corners=False, no antialiasing.
                    resized = at::upsample_bicubic2d(grid, {h, w}, /*align_corners=*/false);
                    break;
                case PosEmbedResize::None:
                    throw Error("this model has no learned position embedding", where);
            }
            if (resized.size(2) != h || resized.size(3) != w)
                throw Error("position embedding resized to " + std::to_string(resized.size(2)) + "x" +
                                std::to_string(resized.size(3)) + " instead of " + std::to_string(h) + "x" +
                                std::to_string(w),
                            where);
            result = at::cat({position.slice(1, 0, 1), resized.permute({0, 2, 3, 1}).reshape({1, h * w, C})}, 1);
        }
        return positionCache.emplace(key, result.contiguous()).first->second;
    }

    // Images [B, ch, H, W] -> tokens entering block 0, [B, T, C] float32 contiguous.
    Tensor embed(const Tensor& images) {
        const int64_t B = images.size(0), C = config.hiddenSize;
        const int64_t h = images.size(2) / config.patchSize, w = images.size(3) / config.patchSize;
        if (h < 1 || w < 1)
            throw Error("the image (" + std::to_string(images.size(3)) + "x" + std::to_string(images.size(2)) +
                            ") is smaller than one " + std::to_string(config.patchSize) + "-pixel patch",
                        where);
        const int64_t P = config.patchSize;
        Tensor patches = at::conv2d(images, patchW, patchB, {P, P});  // [B, C, h, w]
        patches = patches.flatten(2).transpose(1, 2);                             // [B, hw, C]
        const Tensor clsB = cls.expand({B, 1, C});
        switch (config.family) {
            case VitFamily::DinoV3:
                if (registers.defined()) return at::cat({clsB, registers.expand({B, config.numRegisters, C}), patches}, 1);
                return at::cat({clsB, patches}, 1);
            case VitFamily::DinoV2: {
                // Positions go on [CLS, patches]; the registers come in afterwards, without positions.
                const Tensor x = at::cat({clsB, patches}, 1) + positions(h, w, images.size(2) == images.size(3));
                if (!registers.defined()) return x;
                return at::cat({x.slice(1, 0, 1), registers.expand({B, config.numRegisters, C}), x.slice(1, 1)}, 1);
            }
            case VitFamily::Clip: {
                const Tensor x = at::cat({clsB, patches}, 1) + positions(h, w, images.size(2) == images.size(3));
                return at::layer_norm(x, {C}, preNormW, preNormB, config.layerNormEps);
            }
        }
        return {};
    }

    // q and k of the patch tokens rotated in place inside qkv [B, T, 3, H, D].
    void applyRope(Tensor& qkv, const std::pair<Tensor, Tensor>& tables) {
        const int64_t D = config.headDim(), N = tables.first.size(0), half = D / 2;
        if (qkv.device().is_cpu() && qkv.scalar_type() == torch::kFloat32 && qkv.is_contiguous()) {
            // A plain loop: the same arithmetic through strided tensor views took as long as the
            // rest of a ViT-S block on the CPU.
            const int64_t B = qkv.size(0), T = qkv.size(1), C = config.hiddenSize, H = config.numHeads;
            const int64_t P = prefixTokens();
            float* base = qkv.data_ptr<float>();
            const float* cosT = tables.first.data_ptr<float>();
            const float* sinT = tables.second.data_ptr<float>();
            at::parallel_for(0, B * N, 32, [&](int64_t begin, int64_t end) {
                for (int64_t i = begin; i < end; ++i) {
                    const int64_t b = i / N, n = i % N;
                    float* row = base + (b * T + P + n) * 3 * C;
                    const float* c = cosT + n * D;
                    const float* s = sinT + n * D;
                    for (int64_t part = 0; part < 2 * H; ++part) {  // q heads, then k heads
                        float* x = row + part * D;
                        for (int64_t j = 0; j < half; ++j) {
                            const float x1 = x[j], x2 = x[j + half];
                            x[j] = x1 * c[j] - x2 * s[j];
                            x[j + half] = x2 * c[j + half] + x1 * s[j + half];
                        }
                    }
                }
            });
            return;
        }
        Tensor qk = qkv.slice(1, prefixTokens()).slice(2, 0, 2);  // [B, N, 2, H, D] view
        Tensor x = dtype == torch::kFloat32 ? qk : qk.to(torch::kFloat32);
        const Tensor c1 = tables.first.slice(1, 0, half).view({1, N, 1, 1, half});
        const Tensor c2 = tables.first.slice(1, half).view({1, N, 1, 1, half});
        const Tensor s1 = tables.second.slice(1, 0, half).view({1, N, 1, 1, half});
        const Tensor s2 = tables.second.slice(1, half).view({1, N, 1, 1, half});
        Tensor x1 = x.slice(-1, 0, half), x2 = x.slice(-1, half);
        // q*cos + rotate_half(q)*sin with rotate_half([x1, x2]) = [-x2, x1].
        const Tensor r1 = x1 * c1 - x2 * s1;
        const Tensor r2 = x2 * c2 + x1 * s2;
        x1.copy_(r1);
        x2.copy_(r2);
        if (dtype != torch::kFloat32) qk.copy_(x);
    }

    // Multi-head attention of qkv [B*T, 3C] -> context [B*T, C], softmax in float32.
    Tensor attention(const Tensor& qkv, int64_t B, int64_t T) {
        const int64_t C = config.hiddenSize, H = config.numHeads, D = config.headDim();
        const double scale = 1.0 / std::sqrt(static_cast<double>(D));
        if (qkv.device().is_cpu() && qkv.scalar_type() == torch::kFloat32 && qkv.is_contiguous()) {
            // Straight from the fused qkv rows into the context columns of each head: no
            // transposes or copies, two matrix products and a softmax per (image, head), in
            // reused buffers (oneDNN's sgemm, or LibTorch's mm on the same strided views).
            const bool onednn = cpuGemmEnabled();
            Tensor ctx = take(scratch.ctx, B * T, C);
            const float* base = qkv.data_ptr<float>();
            float* out = ctx.data_ptr<float>();
            const int64_t threads = at::get_num_threads();
            if (static_cast<int64_t>(scratch.attention.size()) < threads) scratch.attention.resize(static_cast<std::size_t>(threads));
            for (auto& slot : scratch.attention) take(slot, 2 * T, T);  // sized before the threads start
            auto buffers = [&](int64_t thread, Tensor& scores, Tensor& probs) {
                const Tensor both = take(scratch.attention[static_cast<std::size_t>(thread)], 2 * T, T);
                scores = both.narrow(0, 0, T);
                probs = both.narrow(0, T, T);
            };
            auto head = [&](int64_t index, Tensor& scores, Tensor& probs) {
                const int64_t b = index / H, hd = index % H;
                if (onednn) {
                    const float* q = base + b * T * 3 * C + hd * D;
                    cpuSgemm(false, true, T, T, D, static_cast<float>(scale), q, 3 * C, q + C, 3 * C, 0.0f,
                             scores.data_ptr<float>(), T);
                    at::_softmax_out(probs, scores, 1, false);
                    cpuSgemm(false, false, T, D, T, 1.0f, probs.data_ptr<float>(), T, q + 2 * C, 3 * C, 0.0f,
                             out + b * T * C + hd * D, C);
                } else {
                    const Tensor rows = qkv.narrow(0, b * T, T);  // [T, 3C]
                    const Tensor q = rows.narrow(1, hd * D, D), k = rows.narrow(1, C + hd * D, D);
                    const Tensor v = rows.narrow(1, 2 * C + hd * D, D);
                    Tensor target = ctx.narrow(0, b * T, T).narrow(1, hd * D, D);
                    at::mm_out(scores, q, k.t()).mul_(scale);
                    at::_softmax_out(probs, scores, 1, false);
                    at::mm_out(target, probs, v);
                }
            };
            const int64_t jobs = B * H;
            // OpenBLAS runs its own threads, so only oneDNN's products go inside the parallel loop.
            if (onednn && jobs >= at::get_num_threads()) {
                at::parallel_for(0, jobs, 1, [&](int64_t begin, int64_t end) {
                    c10::InferenceMode guard;  // thread-local: the pool's threads do not inherit it
                    Tensor scores, probs;
                    buffers(at::get_thread_num(), scores, probs);
                    for (int64_t i = begin; i < end; ++i) head(i, scores, probs);
                });
            } else {  // few heads, or BLAS threads: let each product use the threads
                Tensor scores, probs;
                buffers(0, scores, probs);
                for (int64_t i = 0; i < jobs; ++i) head(i, scores, probs);
            }
            return ctx;
        }
        // Other devices and types. One copy into head-major [3, B, H, T, D]: at::matmul on the
        // strided views would copy k^T element by element (8x slower on the CPU).
        const Tensor heads = qkv.view({B, T, 3, H, D}).permute({2, 0, 3, 1, 4}).contiguous();
        const Tensor q = heads[0], k = heads[1], v = heads[2];  // [B, H, T, D]
        const Tensor scores = at::matmul(q, k.transpose(-2, -1)).mul_(scale);
        const Tensor probs = scores.scalar_type() == torch::kFloat32
                                 ? at::_softmax(scores, -1, false)
                                 : at::softmax(scores, -1, torch::kFloat32).to(qkv.scalar_type());
        return at::matmul(probs, v).transpose(1, 2).reshape({B * T, C});
    }

    Tensor activate(Tensor m) const {
        const int64_t I = config.intermediateSize;
        Tensor gate = config.gatedMlp ? m.slice(1, 0, I) : m;
        Tensor act;
        switch (config.activation) {
            case VitActivation::Gelu: act = config.gatedMlp ? at::gelu(gate) : at::gelu_(gate); break;
            case VitActivation::GeluTanh: act = config.gatedMlp ? at::gelu(gate, "tanh") : at::gelu_(gate, "tanh"); break;
            case VitActivation::QuickGelu: act = quickGelu(gate); break;
            case VitActivation::Silu: act = config.gatedMlp ? at::silu(gate) : at::silu_(gate); break;
        }
        return config.gatedMlp ? act.mul_(m.slice(1, I)) : act;
    }

    // One pre-norm block; x [B, T, C] float32 contiguous is updated in place.
    void runBlock(const Block& blk, Tensor& x, const std::pair<Tensor, Tensor>* ropeTables) {
        const int64_t B = x.size(0), T = x.size(1), C = x.size(2);
        Tensor h = at::layer_norm(x, {C}, blk.norm1w, blk.norm1b, config.layerNormEps).view({B * T, C});
        const bool reuse = reuseBuffers();
        Tensor qkv = linear2d(h.to(dtype), blk.qkvW, blk.qkvB, reuse ? take(scratch.qkv, B * T, 3 * C) : Tensor());
        if (ropeTables) {
            Tensor q5 = qkv.view({B, T, 3, config.numHeads, config.headDim()});
            applyRope(q5, *ropeTables);
        }
        Tensor a = linear2d(attention(qkv, B, T), blk.oW, blk.oB, reuse ? take(scratch.out, B * T, C) : Tensor())
                       .view({B, T, C})
                       .to(torch::kFloat32);
        if (blk.ls1.defined()) x.addcmul_(a, blk.ls1);
        else x.add_(a);
        h = at::layer_norm(x, {C}, blk.norm2w, blk.norm2b, config.layerNormEps).view({B * T, C});
        Tensor m = activate(linear2d(h.to(dtype), blk.fc1W, blk.fc1B,
                                     reuse ? take(scratch.hidden, B * T, blk.fc1W.size(0)) : Tensor()));
        // `a` has been added, so its buffer takes the second projection.
        Tensor o = linear2d(m, blk.fc2W, blk.fc2B, reuse ? take(scratch.out, B * T, C) : Tensor())
                       .view({B, T, C})
                       .to(torch::kFloat32);
        if (blk.ls2.defined()) x.addcmul_(o, blk.ls2);
        else x.add_(o);
    }

    // Runs the embedding and blocks 0..lastBlock; `visit` sees the embeddings (index -1) and each block output.
    Tensor forward(const Tensor& images, int lastBlock, const std::function<void(int, const Tensor&)>& visit) {
        const int64_t h = images.size(2) / config.patchSize, w = images.size(3) / config.patchSize;
        const std::pair<Tensor, Tensor>* tables = config.family == VitFamily::DinoV3 ? &rope(h, w) : nullptr;
        Tensor x = embed(images).contiguous();
        if (visit) visit(-1, x);
        for (int i = 0; i <= lastBlock; ++i) {
            runBlock(blocks[static_cast<std::size_t>(i)], x, tables);
            if (visit) visit(i, x);
        }
        return x;
    }

    Tensor finalNorm(const Tensor& tokens) const {
        return at::layer_norm(tokens, {config.hiddenSize}, finalNormW, finalNormB, config.layerNormEps);
    }

    Tensor input(const std::vector<FloatImage>& images) const {
        return imagesToTensor(images, config.numChannels, device, name());
    }

    std::string name() const { return familyName(config.family); }
};

namespace {

TokenTensor toTokens(const Tensor& t) {
    const Tensor c = t.to(torch::kCPU, torch::kFloat32).contiguous();
    TokenTensor out;
    out.batch = static_cast<int>(c.size(0));
    out.tokens = static_cast<int>(c.size(1));
    out.dim = static_cast<int>(c.size(2));
    out.data.assign(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    return out;
}

}  // namespace

VisionTransformer::VisionTransformer(const BackboneOptions& options)
    : VisionTransformer(
          [&] {
              if (options.weightsPath.empty() && options.configPath.empty())
                  throw Error("the " + options.name + " backbone needs --weights model.safetensors (with config.json beside it)");
              const std::filesystem::path config =
                  options.configPath.empty() ? std::filesystem::path(options.weightsPath).parent_path() / "config.json"
                                             : std::filesystem::path(options.configPath);
              VitConfig c = VitConfig::load(config);
              const std::string family = familyName(c.family);
              if (options.name != family && (options.name == "dinov3" || options.name == "dinov2" || options.name == "clip_vit"))
                  throw Error("describes a " + family + " model (model_type \"" + c.modelType + "\"), not " + options.name +
                                  "; use --backbone " + family,
                              config.string());
              return c;
          }(),
          [&] {
              BackboneOptions o = options;
              if (o.configPath.empty())
                  o.configPath = (std::filesystem::path(options.weightsPath).parent_path() / "config.json").string();
              return o;
          }()) {}

VisionTransformer::VisionTransformer(const VitConfig& config, const BackboneOptions& options)
    : impl_(std::make_unique<Impl>()) {
    Impl& d = *impl_;
    d.options = options;
    d.config = config;
    d.names = namesFor(config);
    d.where = options.weightsPath.empty() ? d.name() : options.weightsPath;
    d.device = parseDevice(options.device);
    d.dtype = parsePrecision(options.precision, d.device, d.where);
    const std::vector<std::string> layers = options.layers.empty() ? std::vector<std::string>{"-1"} : options.layers;
    for (const auto& layer : layers) {
        const int index = config.blockIndex(layer, d.where);
        if (std::find(d.taps.begin(), d.taps.end(), index) != d.taps.end())
            throw Error("ViT block " + std::to_string(index) + " is listed twice (\"" + layer + "\")", d.where);
        d.taps.push_back(index);
    }
    if (options.weightsPath.empty()) d.loadRandom();
    else d.loadFile();
}

VisionTransformer::~VisionTransformer() = default;

std::string VisionTransformer::name() const { return impl_->name(); }

std::string VisionTransformer::identity() const {
    const Impl& d = *impl_;
    std::string blocks;
    for (int t : d.taps) blocks += (blocks.empty() ? "" : ",") + std::to_string(t);
    return d.name() + " weights=" + d.weightsDigest + " arch=" + d.config.summary() + " block=" + blocks +
           " norm=" + (d.options.finalNorm ? "1" : "0") + " l2=" + (d.options.l2Normalize ? "1" : "0") +
           " precision=" + (d.dtype == torch::kFloat32 ? "fp32" : d.dtype == torch::kBFloat16 ? "bf16" : "fp16");
}

int VisionTransformer::patchStride() const { return impl_->config.patchSize; }

const VitConfig& VisionTransformer::config() const { return impl_->config; }

int VisionTransformer::dim() const { return impl_->config.hiddenSize * static_cast<int>(impl_->taps.size()); }

std::vector<int> VisionTransformer::blocks() const { return impl_->taps; }

std::vector<FeatureGrid> VisionTransformer::extract(const std::vector<FloatImage>& batch) {
    std::vector<FeatureGrid> grids;
    if (batch.empty()) return grids;
    Impl& d = *impl_;
    std::lock_guard<std::mutex> lock(d.mutex);
    c10::InferenceMode guard;
    const int last = *std::max_element(d.taps.begin(), d.taps.end());
    const std::size_t chunk = static_cast<std::size_t>(std::max(1, d.options.batchSize));
    for (std::size_t start = 0; start < batch.size(); start += chunk) {
        const std::vector<FloatImage> part(batch.begin() + static_cast<std::ptrdiff_t>(start),
                                           batch.begin() + static_cast<std::ptrdiff_t>(std::min(batch.size(), start + chunk)));
        const Tensor images = d.input(part);
        const int64_t h = images.size(2) / d.config.patchSize, w = images.size(3) / d.config.patchSize;
        std::map<int, Tensor> tapped;
        d.forward(images, last, [&](int index, const Tensor& x) {
            if (std::find(d.taps.begin(), d.taps.end(), index) != d.taps.end())
                tapped[index] = x.slice(1, d.prefixTokens()).clone();  // x is updated in place by later blocks
        });
        std::vector<Tensor> parts;
        for (int t : d.taps) parts.push_back(d.options.finalNorm ? d.finalNorm(tapped[t]) : tapped[t]);
        Tensor features = parts.size() == 1 ? parts.front() : at::cat(parts, 2);  // [B, hw, dim]
        if (d.options.l2Normalize) features = features / features.norm(2, {2}, true).clamp_min(1e-12);
        features = features.to(torch::kCPU, torch::kFloat32).contiguous();
        const float* src = features.data_ptr<float>();
        const std::size_t per = static_cast<std::size_t>(h * w * features.size(2));
        for (int64_t b = 0; b < features.size(0); ++b) {
            FeatureGrid g;
            g.height = static_cast<int>(h);
            g.width = static_cast<int>(w);
            g.dim = static_cast<int>(features.size(2));
            g.data.assign(src + b * per, src + (b + 1) * per);
            grids.push_back(std::move(g));
        }
    }
    return grids;
}

VitTrace VisionTransformer::trace(const std::vector<FloatImage>& batch) {
    Impl& d = *impl_;
    std::lock_guard<std::mutex> lock(d.mutex);
    c10::InferenceMode guard;
    VitTrace trace;
    const Tensor last = d.forward(d.input(batch), d.config.numLayers - 1, [&](int index, const Tensor& x) {
        if (index < 0) trace.embeddings = toTokens(x);
        else trace.blocks.push_back(toTokens(x));
    });
    trace.finalNorm = toTokens(d.finalNorm(last));
    return trace;
}

TokenTensor VisionTransformer::positionEmbedding(int gridH, int gridW) {
    Impl& d = *impl_;
    std::lock_guard<std::mutex> lock(d.mutex);
    if (d.config.family == VitFamily::DinoV3)
        throw Error("DINOv3 has no learned position embedding (it uses RoPE)", d.where);
    if (gridH < 1 || gridW < 1) throw Error("empty patch grid", d.where);
    c10::InferenceMode guard;
    return toTokens(d.positions(gridH, gridW, gridH == gridW));
}

void VisionTransformer::ropeTables(int gridH, int gridW, std::vector<float>& cosTable, std::vector<float>& sinTable) {
    Impl& d = *impl_;
    std::lock_guard<std::mutex> lock(d.mutex);
    if (d.config.family != VitFamily::DinoV3) throw Error("only DINOv3 uses RoPE", d.where);
    if (gridH < 1 || gridW < 1) throw Error("empty patch grid", d.where);
    c10::InferenceMode guard;
    const auto& tables = d.rope(gridH, gridW);
    cosTable = toFloatVector(tables.first);
    sinTable = toFloatVector(tables.second);
}

bool VisionTransformer::fastCpuGemmAvailable() { return cpuGemmAvailable(); }

void VisionTransformer::setFastCpuGemmEnabled(bool enabled) { setCpuGemmEnabled(enabled); }

}  // namespace pb
