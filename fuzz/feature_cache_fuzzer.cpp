// One entry of the on-disk feature cache, read by FeatureCache::load: a damaged entry must be a miss
// (and removed), never a crash, and an accepted one must describe a consistent grid.
#include "engine/features/FeatureCache.h"
#include "fuzz/FuzzSupport.h"

namespace {

// The key the seed entries were written under (fuzz/make_seeds.cpp).
constexpr const char* kKey = "ab0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto dir = pb::fuzz::scratchDir() / "cache";
    const std::string key = kKey;
    pb::fuzz::writeBytes(dir / key.substr(0, 2) / (key + ".safetensors"), data, size);
    const pb::FeatureCache cache(dir);
    const auto entry = cache.load(key);
    if (entry) {
        const pb::FeatureGrid& g = entry->grid;
        if (g.height < 0 || g.width < 0 || g.dim < 0) abort();
        const std::size_t cells = static_cast<std::size_t>(g.height) * static_cast<std::size_t>(g.width);
        if (cells * static_cast<std::size_t>(g.dim) != g.data.size()) abort();
    }
    return 0;
}
