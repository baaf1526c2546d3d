// The figures of a command as PNG and SVG files, when patchbank-cli was built with Qt (PATCHBANK_BUILD_GUI).
#pragma once
#include <filesystem>
#include <vector>

#include "engine/io/Figure.h"

namespace pb::cli {

// Writes <dir>/<name>.png and .svg of each figure; returns how many figures were written. A build without
// Qt writes none and says so on stderr, naming them. Throws pb::Error naming a file that cannot be written.
int writeFigures(const std::vector<Figure>& figures, const std::filesystem::path& dir, bool quiet);

}  // namespace pb::cli
