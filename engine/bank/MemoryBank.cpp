#include "engine/bank/MemoryBank.h"

#include <nlohmann/json.hpp>

#include "engine/bank/BankFileWriter.h"
#include "engine/bank/BankSpec.h"
#include "engine/bank/BankSupport.h"
#include "engine/bank/FlatBank.h"
#include "engine/bank/IvfPqBank.h"
#include "engine/io/Safetensors.h"
#include "engine/util/Error.h"

namespace pb {

namespace {

constexpr const char* kFormat = "patchbank-bank";
constexpr int kVersion = 1;

}  // namespace

std::unique_ptr<MemoryBank> createBank(const std::string& specText) {
    const BankSpec spec = parseBankSpec(specText);
    if (spec.kind == BankKind::IvfPq) return std::make_unique<IvfPqBank>(spec);
    return std::make_unique<FlatBank>(spec);
}

void writeBank(const MemoryBank& bank, const BankProvenance& provenance, const std::vector<std::string>& tagNames,
               const std::filesystem::path& path) {
    const std::string name = path.string();
    if (provenance.dim != 0 && bank.dim() != 0 && provenance.dim != bank.dim())
        throw Error("provenance dim " + std::to_string(provenance.dim) + " differs from the bank's dimension " +
                        std::to_string(bank.dim()),
                    name);
    if (!tagNames.empty())
        for (std::size_t r = 0; r < bank.size(); ++r) {
            const std::int32_t t = bank.tag(static_cast<std::int64_t>(r));
            if (t < 0 || static_cast<std::size_t>(t) >= tagNames.size())
                throw Error("bank row " + std::to_string(r) + " has tag " + std::to_string(t) + " but only " +
                                std::to_string(tagNames.size()) + " tag names are given",
                            name);
        }
    BankFileWriter out;
    out.setMetadata("format", kFormat);
    out.setMetadata("version", std::to_string(kVersion));
    out.setMetadata("spec", bank.spec());
    out.setMetadata("dim", std::to_string(bank.dim()));
    out.setMetadata("backbone", provenance.features.backbone);
    out.setMetadata("layers", provenance.layers);
    out.setMetadata("resolution", std::to_string(provenance.features.resolution));
    out.setMetadata("crop", std::to_string(provenance.features.crop));
    out.setMetadata("tag_names", nlohmann::json(tagNames).dump());
    bank.save(out);
    out.save(path);
}

LoadedBank readBank(const std::filesystem::path& path) {
    const std::string name = path.string();
    const SafetensorsFile file = SafetensorsFile::open(path);
    const auto& meta = file.metadata();
    const auto format = meta.find("format");
    if (format == meta.end() || format->second != kFormat) throw Error("not a PatchBank memory bank", name);
    const std::uint64_t version = bank::metadataUnsigned(file, "version");
    if (version != static_cast<std::uint64_t>(kVersion))
        throw Error("memory bank format version " + std::to_string(version) + "; this build reads version " +
                        std::to_string(kVersion) + " (rebuild the bank)",
                    name);
    BankFileWriter::verify(file);

    LoadedBank loaded;
    try {
        loaded.bank = createBank(bank::metadata(file, "spec"));
    } catch (const Error& e) {
        throw Error(e.reason(), name);
    }
    loaded.bank->load(file);
    loaded.provenance.features.backbone = bank::metadata(file, "backbone");
    loaded.provenance.layers = bank::metadata(file, "layers");
    loaded.provenance.features.resolution = static_cast<int>(bank::metadataUnsigned(file, "resolution"));
    loaded.provenance.features.crop = static_cast<int>(bank::metadataUnsigned(file, "crop"));
    loaded.provenance.dim = loaded.bank->dim();
    try {
        const auto names = nlohmann::json::parse(bank::metadata(file, "tag_names"));
        loaded.tagNames = names.get<std::vector<std::string>>();
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("bad tag_names metadata: ") + e.what(), name);
    }
    return loaded;
}

LoadedBank readBank(const std::filesystem::path& path, const BankProvenance& expected) {
    LoadedBank loaded = readBank(path);
    const BankProvenance& got = loaded.provenance;
    const auto refuse = [&](const std::string& field, const std::string& have, const std::string& want) {
        throw Error("memory bank built from other features: " + field + " is \"" + have + "\", expected \"" + want +
                        "\"",
                    path.string());
    };
    if (got.features.backbone != expected.features.backbone)
        refuse("backbone", got.features.backbone, expected.features.backbone);
    if (got.layers != expected.layers) refuse("layers", got.layers, expected.layers);
    if (got.features.resolution != expected.features.resolution)
        refuse("resolution", got.features.geometry(), expected.features.geometry());
    if (got.features.crop != expected.features.crop) refuse("crop", got.features.geometry(), expected.features.geometry());
    if (expected.dim != 0 && got.dim != expected.dim) refuse("dim", std::to_string(got.dim), std::to_string(expected.dim));
    return loaded;
}

}  // namespace pb
