#include "engine/backbone/VitConfig.h"

#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "engine/util/Error.h"

namespace pb {

namespace {

using nlohmann::json;

// Reads keys of one JSON object, naming the key (with its parent, e.g. "vision_config.patch_size")
// and the file in every error.
class Keys {
public:
    Keys(const json& object, std::string prefix, std::string where)
        : j_(object), prefix_(std::move(prefix)), where_(std::move(where)) {}

    bool has(const std::string& key) const { return j_.contains(key) && !j_.at(key).is_null(); }

    int requiredInt(const std::string& key) const {
        if (!has(key)) throw Error("missing key \"" + prefix_ + key + "\"", where_);
        return toInt(key);
    }
    int optionalInt(const std::string& key, int fallback) const { return has(key) ? toInt(key) : fallback; }

    double optionalDouble(const std::string& key, double fallback) const {
        if (!has(key)) return fallback;
        const json& v = j_.at(key);
        if (!v.is_number()) throw Error("key \"" + prefix_ + key + "\" must be a number, got " + v.dump(), where_);
        return v.get<double>();
    }

    bool optionalBool(const std::string& key, bool fallback) const {
        if (!has(key)) return fallback;
        const json& v = j_.at(key);
        if (!v.is_boolean()) throw Error("key \"" + prefix_ + key + "\" must be true or false, got " + v.dump(), where_);
        return v.get<bool>();
    }

    std::string optionalString(const std::string& key, const std::string& fallback) const {
        if (!has(key)) return fallback;
        const json& v = j_.at(key);
        if (!v.is_string()) throw Error("key \"" + prefix_ + key + "\" must be a string, got " + v.dump(), where_);
        return v.get<std::string>();
    }

    [[noreturn]] void fail(const std::string& key, const std::string& why) const {
        throw Error("key \"" + prefix_ + key + "\" " + why, where_);
    }

private:
    int toInt(const std::string& key) const {
        const json& v = j_.at(key);
        // HF writes integers; accept 4.0 too (hand-edited files) but not 4.5. Out of int range is refused
        // before any conversion (converting an out-of-range double to int is undefined).
        constexpr auto lo = std::numeric_limits<int>::min();
        constexpr auto hi = std::numeric_limits<int>::max();
        if (v.is_number_unsigned()) {
            const std::uint64_t n = v.get<std::uint64_t>();
            if (n <= static_cast<std::uint64_t>(hi)) return static_cast<int>(n);
        } else if (v.is_number_integer()) {
            const std::int64_t n = v.get<std::int64_t>();
            if (n >= lo && n <= hi) return static_cast<int>(n);
        } else if (v.is_number_float()) {
            const double d = v.get<double>();
            if (d >= lo && d <= hi && d == std::trunc(d)) return static_cast<int>(d);
        }
        throw Error("key \"" + prefix_ + key + "\" must be an integer, got " + v.dump(), where_);
    }

    const json& j_;
    std::string prefix_;
    std::string where_;
};

VitActivation parseActivation(const Keys& k, const std::string& fallback) {
    const std::string act = k.optionalString("hidden_act", fallback);
    if (act == "gelu") return VitActivation::Gelu;
    if (act == "gelu_pytorch_tanh" || act == "gelu_new") return VitActivation::GeluTanh;
    if (act == "quick_gelu") return VitActivation::QuickGelu;
    if (act == "silu" || act == "swish") return VitActivation::Silu;
    k.fail("hidden_act", "has an unsupported value \"" + act + "\" (gelu, gelu_pytorch_tanh, gelu_new, quick_gelu, silu)");
}

const char* activationName(VitActivation a) {
    switch (a) {
        case VitActivation::Gelu: return "gelu";
        case VitActivation::GeluTanh: return "gelu_tanh";
        case VitActivation::QuickGelu: return "quick_gelu";
        case VitActivation::Silu: return "silu";
    }
    return "?";
}

void readCommon(const Keys& k, VitConfig& c) {
    c.hiddenSize = k.requiredInt("hidden_size");
    c.numLayers = k.requiredInt("num_hidden_layers");
    c.numHeads = k.requiredInt("num_attention_heads");
    c.patchSize = k.requiredInt("patch_size");
    c.numChannels = k.optionalInt("num_channels", 3);
}

void validate(const Keys& k, const VitConfig& c) {
    auto positive = [&](const char* key, int v) {
        if (v <= 0) k.fail(key, "must be positive, got " + std::to_string(v));
    };
    positive("hidden_size", c.hiddenSize);
    positive("num_hidden_layers", c.numLayers);
    positive("num_attention_heads", c.numHeads);
    positive("patch_size", c.patchSize);
    positive("num_channels", c.numChannels);
    positive("intermediate_size", c.intermediateSize);
    if (c.numRegisters < 0) k.fail("num_register_tokens", "must not be negative");
    if (c.hiddenSize % c.numHeads != 0)
        k.fail("num_attention_heads", "(" + std::to_string(c.numHeads) + ") does not divide hidden_size (" +
                                          std::to_string(c.hiddenSize) + ")");
    if (c.family == VitFamily::DinoV3 && c.headDim() % 4 != 0)
        k.fail("num_attention_heads", "gives a head dimension of " + std::to_string(c.headDim()) +
                                          "; 2-D RoPE needs a multiple of 4");
    if (c.family != VitFamily::DinoV3) {
        positive("image_size", c.imageSize);
        if (c.imageSize % c.patchSize != 0)
            k.fail("image_size", "(" + std::to_string(c.imageSize) + ") is not a multiple of patch_size (" +
                                     std::to_string(c.patchSize) + ")");
    }
    if (!(c.layerNormEps > 0)) k.fail("layer_norm_eps", "must be positive");
}

}  // namespace

int VitConfig::positionGrid() const { return family == VitFamily::DinoV3 ? 0 : imageSize / patchSize; }

std::string VitConfig::summary() const {
    std::ostringstream s;
    s << modelType << " d" << hiddenSize << " L" << numLayers << " h" << numHeads << " mlp" << intermediateSize
      << (gatedMlp ? "g" : "") << " p" << patchSize << " c" << numChannels << " reg" << numRegisters << " act"
      << activationName(activation) << " eps" << layerNormEps;
    if (family == VitFamily::DinoV3) s << " rope" << ropeTheta;
    else s << " pos" << positionGrid();
    s << " bias" << queryBias << keyBias << valueBias << projBias << mlpBias << " ls" << layerScale;
    return s.str();
}

int VitConfig::blockIndex(const std::string& text, const std::string& where) const {
    int value = 0;
    try {
        std::size_t used = 0;
        value = std::stoi(text, &used);
        if (used != text.size()) throw std::invalid_argument(text);
    } catch (const std::exception&) {
        throw Error("ViT layer \"" + text + "\" is not a block index (use e.g. -6 or 18)", where);
    }
    if (value < -numLayers || value >= numLayers)
        throw Error("ViT layer " + text + " is out of range: the model has " + std::to_string(numLayers) +
                        " blocks (indices " + std::to_string(-numLayers) + " .. " + std::to_string(numLayers - 1) + ")",
                    where);
    return value < 0 ? value + numLayers : value;
}

VitConfig VitConfig::fromJson(const std::string& text, const std::string& where) {
    json root;
    try {
        root = json::parse(text);
    } catch (const json::exception& e) {
        throw Error(std::string("malformed JSON: ") + e.what(), where);
    }
    if (!root.is_object()) throw Error("malformed config: the top level is not a JSON object", where);
    const Keys top(root, "", where);
    if (!top.has("model_type")) throw Error("missing key \"model_type\"", where);
    std::string type = top.optionalString("model_type", "");

    VitConfig c;
    c.modelType = type;
    if (type == "clip") {
        // A full CLIPModel config: the vision tower is described by "vision_config".
        if (!root.contains("vision_config") || !root.at("vision_config").is_object())
            throw Error("missing key \"vision_config\" (a \"clip\" config must describe its vision tower)", where);
        const Keys k(root.at("vision_config"), "vision_config.", where);
        c.modelType = "clip_vision_model";
        c.family = VitFamily::Clip;
        readCommon(k, c);
        c.intermediateSize = k.requiredInt("intermediate_size");
        c.imageSize = k.requiredInt("image_size");
        c.layerNormEps = k.optionalDouble("layer_norm_eps", 1e-5);
        c.activation = parseActivation(k, "quick_gelu");
        c.layerScale = false;
        c.posEmbedResize = PosEmbedResize::Bicubic;
        validate(k, c);
        return c;
    }
    const Keys& k = top;
    if (type == "dinov3_vit") {
        c.family = VitFamily::DinoV3;
        readCommon(k, c);
        c.intermediateSize = k.requiredInt("intermediate_size");
        c.numRegisters = k.optionalInt("num_register_tokens", 0);
        c.ropeTheta = k.optionalDouble("rope_theta", 100.0);
        c.layerNormEps = k.optionalDouble("layer_norm_eps", 1e-5);
        c.gatedMlp = k.optionalBool("use_gated_mlp", false);
        c.activation = parseActivation(k, "gelu");
        c.queryBias = k.optionalBool("query_bias", true);
        c.keyBias = k.optionalBool("key_bias", false);
        c.valueBias = k.optionalBool("value_bias", true);
        c.projBias = k.optionalBool("proj_bias", true);
        c.mlpBias = k.optionalBool("mlp_bias", true);
        c.imageSize = k.optionalInt("image_size", 224);
        c.layerScale = true;
        c.posEmbedResize = PosEmbedResize::None;
        if (!(c.ropeTheta > 0)) k.fail("rope_theta", "must be positive");
    } else if (type == "dinov2" || type == "dinov2_with_registers") {
        c.family = VitFamily::DinoV2;
        readCommon(k, c);
        c.imageSize = k.requiredInt("image_size");
        const double ratio = k.optionalDouble("mlp_ratio", 4.0);
        if (!(ratio > 0)) k.fail("mlp_ratio", "must be positive");
        const double width = c.hiddenSize * ratio;
        if (!(width >= std::numeric_limits<int>::min() && width <= std::numeric_limits<int>::max()))
            k.fail("mlp_ratio", "gives an MLP width outside the int range");
        const int hidden = static_cast<int>(width);
        c.gatedMlp = k.optionalBool("use_swiglu_ffn", false);
        // HF Dinov2SwiGLUFFN: two thirds of the ratio width, rounded up to a multiple of 8.
        c.intermediateSize = c.gatedMlp ? (static_cast<int>(hidden * 2.0 / 3.0) + 7) / 8 * 8 : hidden;
        c.activation = c.gatedMlp ? VitActivation::Silu : parseActivation(k, "gelu");
        c.layerNormEps = k.optionalDouble("layer_norm_eps", 1e-6);
        const bool qkvBias = k.optionalBool("qkv_bias", true);
        c.queryBias = c.keyBias = c.valueBias = qkvBias;
        c.projBias = c.mlpBias = true;
        c.numRegisters = type == "dinov2" ? 0 : k.optionalInt("num_register_tokens", 4);
        c.layerScale = true;
        c.posEmbedResize = type == "dinov2" ? PosEmbedResize::BicubicOffset : PosEmbedResize::BicubicAntialias;
    } else if (type == "clip_vision_model") {
        c.family = VitFamily::Clip;
        readCommon(k, c);
        c.intermediateSize = k.requiredInt("intermediate_size");
        c.imageSize = k.requiredInt("image_size");
        c.layerNormEps = k.optionalDouble("layer_norm_eps", 1e-5);
        c.activation = parseActivation(k, "quick_gelu");
        c.layerScale = false;
        c.posEmbedResize = PosEmbedResize::Bicubic;
    } else {
        throw Error("unknown \"model_type\" \"" + type +
                        "\"; the ViT backbone reads dinov3_vit, dinov2, dinov2_with_registers, clip_vision_model and clip",
                    where);
    }
    validate(k, c);
    return c;
}

VitConfig VitConfig::load(const std::filesystem::path& configJson) {
    std::ifstream in(configJson, std::ios::binary);
    if (!in) throw Error("cannot read the model configuration (config.json)", configJson.string());
    std::ostringstream text;
    text << in.rdbuf();
    return fromJson(text.str(), configJson.string());
}

VitConfig VitConfig::dinov3(int hiddenSize, int numLayers, int numHeads, int intermediateSize) {
    VitConfig c;
    c.family = VitFamily::DinoV3;
    c.modelType = "dinov3_vit";
    c.hiddenSize = hiddenSize;
    c.numLayers = numLayers;
    c.numHeads = numHeads;
    c.intermediateSize = intermediateSize;
    c.patchSize = 16;
    c.numRegisters = 4;
    c.imageSize = 224;
    c.layerNormEps = 1e-5;
    c.ropeTheta = 100.0;
    c.activation = VitActivation::Gelu;
    c.keyBias = false;
    c.layerScale = true;
    c.posEmbedResize = PosEmbedResize::None;
    return c;
}

}  // namespace pb
