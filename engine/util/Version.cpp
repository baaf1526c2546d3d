#include "engine/util/Version.h"

#include "engine/util/BlasKernel.h"
#include "engine/util/BuildInfo.h"

namespace pb {

VersionInfo versionInfo() {
    return VersionInfo{PATCHBANK_VERSION, PATCHBANK_TORCH_VERSION, PATCHBANK_OPENCV_VERSION, PATCHBANK_FAISS_VERSION, blasSummary()};
}

}  // namespace pb
