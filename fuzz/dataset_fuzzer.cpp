// Data-set layout recognition and listing (detectLayout, openDataset), the VisA split CSV included.
// The input is the VisA split file (split_csv/1cls.csv), then optionally a NUL byte and a list of
// relative paths, one a line, created as empty files below the data-set root: the CSV's rows can then
// name images and masks that exist, and without a CSV the paths form an MVTec / BTAD / LOCO / plain tree.
#include <filesystem>
#include <string>

#include "engine/dataset/DatasetReader.h"
#include "engine/util/Error.h"
#include "fuzz/FuzzSupport.h"

namespace fs = std::filesystem;

namespace {

// Keeps the tree inside the root and small.
bool acceptable(const fs::path& rel) {
    if (rel.empty() || rel.is_absolute() || rel.string().size() > 200) return false;
    for (const auto& part : rel)
        if (part == ".." || part.string().size() > 100) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fs::path root = pb::fuzz::scratchDir() / "dataset";
    std::error_code ec;
    fs::remove_all(root, ec);
    fs::create_directories(root);

    const std::string input(reinterpret_cast<const char*>(data), size);
    const std::size_t nul = input.find('\0');
    const std::string csv = input.substr(0, nul);
    if (!csv.empty()) pb::fuzz::writeBytes(root / "split_csv" / "1cls.csv", csv.data(), csv.size());
    if (nul != std::string::npos) {
        std::size_t begin = nul + 1;
        for (int files = 0; begin < input.size() && files < 64; ++files) {
            std::size_t end = input.find('\n', begin);
            if (end == std::string::npos) end = input.size();
            const fs::path rel = input.substr(begin, end - begin);
            begin = end + 1;
            if (!acceptable(rel) || rel.string().find('\0') != std::string::npos) continue;
            const fs::path file = root / rel;
            fs::create_directories(file.parent_path(), ec);
            if (!ec && !fs::exists(file, ec)) {
                std::ofstream touch(file);
            }
        }
    }

    try {
        const pb::Dataset ds = pb::openDataset(root);
        for (const auto& s : ds.samples) (void)ds.count(s.product, s.split);
        for (const auto& p : ds.products) {
            (void)ds.select(p, pb::Split::Train);
            // A single product folder is opened the same way.
            if (ds.layout != "folder" && !p.empty() && fs::is_directory(root / p, ec)) {
                try {
                    (void)pb::openDataset(root / p);
                } catch (const pb::Error&) {
                }
            }
        }
    } catch (const pb::Error&) {
    }
    return 0;
}
