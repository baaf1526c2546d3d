// Versions of PatchBank and of the libraries it was built with (About box, --version).
#pragma once
#include <string>

namespace pb {

struct VersionInfo {
    std::string patchbank;
    std::string torch;
    std::string opencv;
    std::string faiss;
};

VersionInfo versionInfo();

}  // namespace pb
