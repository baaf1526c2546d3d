#include "engine/models/ModelCatalogue.h"

#include <cstdlib>

#include "engine/models/ModelDownloader.h"
#include "engine/util/Error.h"

namespace pb {

namespace {

const std::string kDinov3Licence = "DINOv3 License (gated: accept on the hub, then set HF_TOKEN)";
const std::string kPollution = "Memory Pollution in Multi-Product Anomaly Detection; Patch purification for "
                               "contaminated few-shot memory banks";

ModelInfo model(std::string name, std::string backbone, std::string repo, std::string licence, bool gated,
                std::string paper, std::string description) {
    ModelInfo m;
    m.name = std::move(name);
    m.backbone = std::move(backbone);
    m.repo = std::move(repo);
    m.revision = "main";
    m.files = {"config.json", "model.safetensors"};
    m.licence = std::move(licence);
    m.gated = gated;
    m.paper = std::move(paper);
    m.description = std::move(description);
    return m;
}

std::vector<ModelInfo> makeCatalogue() {
    return {
        model("dinov3-vits16", "dinov3", "facebook/dinov3-vits16-pretrain-lvd1689m", kDinov3Licence, true, "",
              "DINOv3 ViT-S/16 distilled from the 7B teacher on LVD-1689M; small and fast"),
        model("dinov3-vits16plus", "dinov3", "facebook/dinov3-vits16plus-pretrain-lvd1689m", kDinov3Licence, true,
              "", "DINOv3 ViT-S+/16 (SwiGLU MLP) distilled on LVD-1689M"),
        model("dinov3-vitb16", "dinov3", "facebook/dinov3-vitb16-pretrain-lvd1689m", kDinov3Licence, true, "",
              "DINOv3 ViT-B/16 distilled on LVD-1689M"),
        model("dinov3-vitl16", "dinov3", "facebook/dinov3-vitl16-pretrain-lvd1689m", kDinov3Licence, true,
              kPollution, "DINOv3 ViT-L/16 on LVD-1689M: the reference extractor (448 px, layer -6)"),
        model("dinov3-vith16plus", "dinov3", "facebook/dinov3-vith16plus-pretrain-lvd1689m", kDinov3Licence, true,
              "", "DINOv3 ViT-H+/16 (SwiGLU MLP) distilled on LVD-1689M; the largest distilled ViT"),
        model("dinov2-vits14-reg", "dinov2", "facebook/dinov2-with-registers-small", "Apache-2.0", false, "",
              "DINOv2 ViT-S/14 with 4 register tokens"),
        model("dinov2-vitb14-reg", "dinov2", "facebook/dinov2-with-registers-base", "Apache-2.0", false,
              "Memory-Distilled Selection for Noise-Robust Anomaly Detection (MeDS)",
              "DINOv2 ViT-B/14 with 4 register tokens: the MeDS encoder (448 px, crop 392)"),
        model("dinov2-vitl14-reg", "dinov2", "facebook/dinov2-with-registers-large", "Apache-2.0", false, "",
              "DINOv2 ViT-L/14 with 4 register tokens"),
        model("dinov2-vitb14", "dinov2", "facebook/dinov2-base", "Apache-2.0", false,
              "PatchCore experiment suite (backbone comparison)", "DINOv2 ViT-B/14 without registers"),
        model("dinov2-vitl14", "dinov2", "facebook/dinov2-large", "Apache-2.0", false,
              "Patch purification for contaminated few-shot memory banks (backbone comparison)",
              "DINOv2 ViT-L/14 without registers"),
        model("clip-vit-l14", "clip_vit", "openai/clip-vit-large-patch14", "MIT", false,
              "Patch purification for contaminated few-shot memory banks (backbone comparison)",
              "OpenAI CLIP ViT-L/14 at 224 px; only the vision tower is read"),
    };
}

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

// Quotes a path for a POSIX shell only when it needs it, so the common case stays readable.
std::string shellQuote(const std::string& s) {
    if (!s.empty() && s.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/._-+=:,@%") ==
                          std::string::npos)
        return s;
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

}  // namespace

const std::vector<ModelInfo>& ModelCatalogue::all() {
    static const std::vector<ModelInfo> catalogue = makeCatalogue();
    return catalogue;
}

const ModelInfo* ModelCatalogue::find(const std::string& name) {
    for (const auto& m : all())
        if (m.name == name) return &m;
    return nullptr;
}

const ModelInfo& ModelCatalogue::get(const std::string& name) {
    if (const ModelInfo* m = find(name)) return *m;
    std::string known;
    for (const auto& m : all()) known += (known.empty() ? "" : ", ") + m.name;
    throw Error("unknown model '" + name + "'; known models: " + known);
}

std::filesystem::path ModelCatalogue::modelsRoot() {
    if (const std::string dir = env("PATCHBANK_MODELS_DIR"); !dir.empty()) return dir;
    if (const std::string cache = env("XDG_CACHE_HOME"); !cache.empty())
        return std::filesystem::path(cache) / "patchbank" / "models";
    if (const std::string home = env("HOME"); !home.empty())
        return std::filesystem::path(home) / ".cache" / "patchbank" / "models";
    return std::filesystem::temp_directory_path() / "patchbank" / "models";
}

std::filesystem::path ModelCatalogue::defaultDir(const ModelInfo& model) { return modelsRoot() / model.name; }

std::filesystem::path ModelCatalogue::weightsPath(const ModelInfo&, const std::filesystem::path& dir) {
    return dir / "model.safetensors";
}

ModelState ModelCatalogue::state(const ModelInfo& model, const std::filesystem::path& dir) {
    std::error_code ec;
    std::size_t present = 0, recorded = 0, partial = 0;
    for (const auto& file : model.files) {
        const auto path = dir / file;
        if (std::filesystem::is_regular_file(path, ec)) {
            ++present;
            if (!ModelDownloader::readDigestRecord(path).empty()) ++recorded;
        } else if (std::filesystem::exists(ModelDownloader::partPath(path), ec)) {
            ++partial;
        }
    }
    if (present == model.files.size()) return recorded == present ? ModelState::Present : ModelState::Unverified;
    return present + partial == 0 ? ModelState::Missing : ModelState::Partial;
}

std::string ModelCatalogue::stateName(ModelState state) {
    switch (state) {
        case ModelState::Missing: return "missing";
        case ModelState::Partial: return "partial";
        case ModelState::Unverified: return "unverified";
        case ModelState::Present: return "present";
    }
    return "missing";
}

std::string ModelCatalogue::cliFlags(const ModelInfo& model, const std::filesystem::path& dir) {
    return "--backbone " + model.backbone + " --weights " + shellQuote(weightsPath(model, dir).string());
}

}  // namespace pb
