#include "engine/util/TorchDevice.h"

#include "engine/util/Error.h"
#include "engine/util/TensorMemory.h"

namespace pb {

torch::Device parseDevice(const std::string& device, const std::string& who) {
    // Every LibTorch user in the engine chooses its device here first: the place to give LibTorch its
    // CPU memory pool, before the tensors of the work that follows.
    installTensorMemoryPool();
    const std::string prefix = who.empty() ? std::string() : who + ": ";
    if (device.empty() || device == "cpu") return torch::Device(torch::kCPU);
    if (device.rfind("cuda", 0) == 0) {
        if (!torch::cuda::is_available())
            throw Error(prefix + "device \"" + device +
                        "\" requested, but this LibTorch build has no CUDA support or no GPU is visible; use \"cpu\"");
        try {
            return torch::Device(device);
        } catch (const c10::Error&) {
            throw Error(prefix + "invalid device \"" + device + "\" (use \"cpu\", \"cuda\" or \"cuda:N\")");
        }
    }
    throw Error(prefix + "unknown device \"" + device + "\" (use \"cpu\", \"cuda\" or \"cuda:N\")");
}

}  // namespace pb
