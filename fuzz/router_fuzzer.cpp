// A router file (PrototypeRouter::load), then one routing call with the loaded prototypes.
#include <vector>

#include "engine/routing/PrototypeRouter.h"
#include "engine/util/Error.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = pb::fuzz::inputFile("router.safetensors", data, size);
    try {
        const pb::PrototypeRouter router = pb::PrototypeRouter::load(path);
        if (router.products() == 0 || router.dim() <= 0) abort();
        const std::vector<float> query(static_cast<std::size_t>(router.dim()), 0.5f);
        const pb::RouteDecision d = router.route(query);
        if (d.product < 0 || static_cast<std::size_t>(d.product) >= router.products()) abort();
    } catch (const pb::Error&) {
    }
    return 0;
}
