// The pretrained models PatchBank knows how to read, where they live on the Hugging Face hub and
// where a download of them is kept. PatchBank never ships weights: users fetch them (ModelDownloader).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace pb {

struct ModelInfo {
    std::string name;         // short name used on the command line, e.g. "dinov3-vitl16"
    std::string backbone;     // BackboneOptions::name that reads it: "dinov3", "dinov2", "clip_vit"
    std::string repo;         // Hugging Face repo id, e.g. "facebook/dinov3-vitl16-pretrain-lvd1689m"
    std::string revision;     // branch, tag or commit
    std::vector<std::string> files;  // fetched into one folder; the weights are "model.safetensors"
    std::string licence;
    bool gated = false;       // the hub requires accepting the licence and a token
    std::string paper;        // which of the reproduced papers uses it (empty: none)
    std::string description;
};

// What of a model is on disk in one folder.
enum class ModelState {
    Missing,     // no file of it
    Partial,     // some files, or an interrupted download (a .part file) that `fetch` resumes
    Unverified,  // every file, but at least one without a digest record (not fetched by PatchBank)
    Present,     // every file, each with the digest record written after a verified download
};

class ModelCatalogue {
public:
    static const std::vector<ModelInfo>& all();
    // nullptr when the name is unknown.
    static const ModelInfo* find(const std::string& name);
    // Throws pb::Error listing the known names when the name is unknown.
    static const ModelInfo& get(const std::string& name);

    // $PATCHBANK_MODELS_DIR, else $XDG_CACHE_HOME/patchbank/models, else ~/.cache/patchbank/models.
    static std::filesystem::path modelsRoot();
    // modelsRoot()/<name>.
    static std::filesystem::path defaultDir(const ModelInfo& model);
    // <dir>/model.safetensors: what to pass as --weights.
    static std::filesystem::path weightsPath(const ModelInfo& model, const std::filesystem::path& dir);
    static ModelState state(const ModelInfo& model, const std::filesystem::path& dir);
    static std::string stateName(ModelState state);  // "missing", "partial", "unverified", "present"
    // The flags that make `patchbank-cli evaluate` use a downloaded model.
    static std::string cliFlags(const ModelInfo& model, const std::filesystem::path& dir);
};

}  // namespace pb
