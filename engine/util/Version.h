// Versions of PatchBank and of the libraries it was built with (About box, --version).
#pragma once
#include <string>

namespace pb {

struct VersionInfo {
    std::string patchbank;
    std::string torch;
    std::string opencv;
    std::string faiss;
    std::string blas;  // library, kernel and threads now (see BlasKernel.h)
};

VersionInfo versionInfo();

}  // namespace pb
