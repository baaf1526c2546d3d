// Shared by the fuzz targets: the readers under test take a path, so every input is written to a
// scratch folder of this process first (one folder per process, so that -jobs/-fork runs do not
// collide), and removed when the process exits normally.
#pragma once
#include <stdlib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace pb::fuzz {

inline const std::filesystem::path& scratchDir() {
    static const std::filesystem::path dir = [] {
        // /dev/shm keeps the per-input writes off the disk where it exists.
        std::string base = std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : "/tmp";
        if (const char* t = std::getenv("PATCHBANK_FUZZ_TMP")) base = t;
        std::string pattern = base + "/patchbank-fuzz-XXXXXX";
        if (!mkdtemp(pattern.data())) abort();
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(scratchDir(), ec);
        });
        return std::filesystem::path(pattern);
    }();
    return dir;
}

inline void writeBytes(const std::filesystem::path& path, const void* data, std::size_t size) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) abort();
}

// Writes the input to <scratch>/<name> and returns that path.
inline std::filesystem::path inputFile(const std::string& name, const std::uint8_t* data, std::size_t size) {
    const std::filesystem::path path = scratchDir() / name;
    writeBytes(path, data, size);
    return path;
}

}  // namespace pb::fuzz
