// Whole-file reads and crash-safe writes: a reader never sees a half-written result file.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>

namespace pb {

// Writes to a temporary file in the same folder, fsyncs it and renames it over `path`,
// so the old content stays intact until the new one is complete. Creates parent folders.
// Throws pb::Error naming the file.
// A temporary name next to target that no other writer (thread, process or machine) uses.
std::filesystem::path temporaryPathFor(const std::filesystem::path& target);

// Removes the temporaries in `folder` of writers on this host that no longer run (killed mid-write);
// returns how many. writeFileAtomic does this once per folder and process.
std::size_t removeStaleTemporaries(const std::filesystem::path& folder);

void writeFileAtomic(const std::filesystem::path& path, const std::string& bytes);
void writeFileAtomic(const std::filesystem::path& path, const void* data, std::size_t size);

// Reads the whole file. Throws pb::Error naming the file when it is missing or unreadable.
std::string readFileBytes(const std::filesystem::path& path);

}  // namespace pb
