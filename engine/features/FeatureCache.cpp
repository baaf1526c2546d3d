#include "engine/features/FeatureCache.h"

#include <cstdlib>
#include <cstring>
#include <limits>

#include "engine/io/SafetensorsFile.h"
#include "engine/io/SafetensorsWriter.h"
#include "engine/util/Error.h"
#include "engine/util/Sha256.h"

namespace pb {

namespace fs = std::filesystem;

FeatureCache::FeatureCache(fs::path directory) : directory_(std::move(directory)) {}

std::string FeatureCache::makeKey(const FeatureIdentity& features, const std::string& preprocessing,
                                  const std::string& imageDigest) {
    // The preprocessing text spells out the geometry of `features` and the normalisation too.
    const std::string text = "v" + std::to_string(kFormatVersion) + "|" + features.backbone + "|" + preprocessing +
                             "|" + imageDigest;
    return sha256Hex(text.data(), text.size());
}

fs::path FeatureCache::entryPath(const std::string& key) const {
    return directory_ / key.substr(0, 2) / (key + ".safetensors");
}

std::optional<FeatureCache::Entry> FeatureCache::load(const std::string& key) const {
    if (!enabled()) return std::nullopt;
    const fs::path path = entryPath(key);
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        ++misses_;
        return std::nullopt;
    }
    try {
        auto file = SafetensorsFile::open(path);
        const auto& meta = file.metadata();
        auto version = meta.find("patchbank.cache_version");
        auto storedKey = meta.find("patchbank.key");
        if (version == meta.end() || version->second != std::to_string(kFormatVersion) || storedKey == meta.end() ||
            storedKey->second != key)
            throw Error("cache entry has another version or key", path.string());
        const TensorInfo& info = file.info("features");
        if (info.dtype != DType::F32 || info.shape.size() != 3) throw Error("unexpected tensor layout", path.string());
        // FeatureGrid holds int sizes, and no image gives an empty grid.
        for (const auto extent : info.shape)
            if (extent <= 0 || extent > std::numeric_limits<int>::max())
                throw Error("unexpected tensor layout", path.string());
        Entry entry;
        entry.originalWidth = std::stoi(meta.at("patchbank.original_width"));
        entry.originalHeight = std::stoi(meta.at("patchbank.original_height"));
        FeatureGrid& grid = entry.grid;
        grid.height = static_cast<int>(info.shape[0]);
        grid.width = static_cast<int>(info.shape[1]);
        grid.dim = static_cast<int>(info.shape[2]);
        grid.data.resize(info.numel());
        std::memcpy(grid.data.data(), file.data("features"), info.bytes);
        ++hits_;
        return entry;
    } catch (const std::exception&) {
        // A stale or corrupt entry is rebuilt by the caller; remove it so it is not read again.
        ++rejected_;
        ++misses_;
        fs::remove(path, ec);
        return std::nullopt;
    }
}

void FeatureCache::store(const std::string& key, const Entry& entry) const {
    if (!enabled()) return;
    try {
        const FeatureGrid& grid = entry.grid;
        SafetensorsWriter writer;
        writer.setMetadata("patchbank.cache_version", std::to_string(kFormatVersion));
        writer.setMetadata("patchbank.key", key);
        writer.setMetadata("patchbank.original_width", std::to_string(entry.originalWidth));
        writer.setMetadata("patchbank.original_height", std::to_string(entry.originalHeight));
        writer.addFloat32("features", {grid.height, grid.width, grid.dim}, grid.data.data());
        const fs::path path = entryPath(key);
        fs::create_directories(path.parent_path());
        writer.save(path);
    } catch (const std::exception&) {
        // A cache that cannot be written (full disk, read-only folder) only costs speed.
    }
}

fs::path FeatureCache::defaultDirectory() {
    if (const char* dir = std::getenv("PATCHBANK_CACHE_DIR"); dir && *dir) return dir;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "patchbank" / "features";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "patchbank" / "features";
    return fs::temp_directory_path() / "patchbank-features";
}

}  // namespace pb
