// A Hugging Face ViT config.json (VitConfig::fromJson, what VitConfig::load reads), then what the
// backbone asks of the accepted configuration.
#include <string>

#include "engine/backbone/VitConfig.h"
#include "engine/util/Error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const pb::VitConfig c = pb::VitConfig::fromJson(text, "config.json");
        (void)c.summary();
        (void)c.headDim();
        (void)c.positionGrid();
        for (const char* block : {"0", "-1", "-6", "18", "x"}) {
            try {
                (void)c.blockIndex(block, "layers");
            } catch (const pb::Error&) {
            }
        }
    } catch (const pb::Error&) {
    }
    return 0;
}
