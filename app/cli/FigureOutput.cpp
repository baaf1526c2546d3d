#include "app/cli/FigureOutput.h"

#include <iostream>

#ifdef PATCHBANK_HAVE_FIGURES
#include "ui/figures/FigureRenderer.h"
#endif

namespace pb::cli {

int writeFigures(const std::vector<Figure>& figures, const std::filesystem::path& dir, bool quiet) {
    if (figures.empty()) return 0;
#ifdef PATCHBANK_HAVE_FIGURES
    ui::saveFigures(figures, dir);
    if (!quiet) std::cout << figures.size() << " figures written to " << dir.string() << " (.png, .svg)\n";
    return static_cast<int>(figures.size());
#else
    (void)dir;
    (void)quiet;
    std::string names;
    for (const auto& f : figures) names += (names.empty() ? "" : ", ") + f.name;
    std::cerr << "note: figures need the Qt build (PATCHBANK_BUILD_GUI=ON); not written: " << names << "\n";
    return 0;
#endif
}

}  // namespace pb::cli
