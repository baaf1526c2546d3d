#include <iostream>

#include "app/cli/Commands.h"
#include "engine/util/Version.h"

namespace pb::cli {

int runVersion(const CommandLine&) {
    auto v = versionInfo();
    std::cout << "PatchBank " << v.patchbank << "\nLibTorch " << v.torch << "\nOpenCV " << v.opencv << "\nFAISS "
              << v.faiss << "\nBLAS " << v.blas << "\n";
    return 0;
}

}  // namespace pb::cli
