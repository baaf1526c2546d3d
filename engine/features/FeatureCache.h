// On-disk cache of patch-feature grids, one safetensors file per (backbone, preprocessing, image content).
// Entries carry a format version and their full key; an entry that does not match or does not parse is
// treated as missing and rebuilt, never trusted.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "engine/features/FeatureGrid.h"
#include "engine/features/FeatureIdentity.h"

namespace pb {

class FeatureCache {
public:
    static constexpr int kFormatVersion = 1;

    // An empty directory disables the cache (every lookup misses, stores do nothing).
    explicit FeatureCache(std::filesystem::path directory = {});

    bool enabled() const { return !directory_.empty(); }
    const std::filesystem::path& directory() const { return directory_; }

    // The key of one image's features: what computed them (the loaded backbone's identity and the
    // exact preprocessing numbers) and what they were computed from.
    static std::string makeKey(const FeatureIdentity& features, const std::string& preprocessing,
                               const std::string& imageDigest);

    struct Entry {
        FeatureGrid grid;
        int originalWidth = 0;   // size of the decoded image the grid was computed from
        int originalHeight = 0;
    };

    std::optional<Entry> load(const std::string& key) const;
    void store(const std::string& key, const Entry& entry) const;  // atomic; errors are not fatal

    // Counts since construction, for status displays.
    std::size_t hits() const { return hits_; }
    std::size_t misses() const { return misses_; }
    std::size_t rejected() const { return rejected_; }

    // The default location: $PATCHBANK_CACHE_DIR, else $XDG_CACHE_HOME/patchbank/features, else ~/.cache/...
    static std::filesystem::path defaultDirectory();

private:
    std::filesystem::path entryPath(const std::string& key) const;

    std::filesystem::path directory_;
    mutable std::size_t hits_ = 0;
    mutable std::size_t misses_ = 0;
    mutable std::size_t rejected_ = 0;
};

}  // namespace pb
