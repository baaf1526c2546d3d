#include <algorithm>
#include <cstdio>

#include "app/cli/Commands.h"
#include "engine/image/ImageDecoder.h"
#include "engine/image/ImageHeader.h"
#include "engine/util/Error.h"

namespace pb::cli {

int runImage(const CommandLine& cl) {
    if (cl.positional().empty()) throw Error("image check needs at least one image file");
    setMaxImagePixels(static_cast<std::uint64_t>(std::max(0, cl.intValue("max-image-pixels", 0))));
    int refused = 0;
    for (const std::string& file : cl.positional()) {
        try {
            ImageHeader header;
            const cv::Mat rgb = decodeImageRgb(file, &header);
            std::printf("%s: %s, %d x %d, read as RGB\n", file.c_str(), header.format.c_str(), rgb.cols, rgb.rows);
        } catch (const Error& e) {
            ++refused;
            std::printf("refused: %s\n", e.what());
        }
    }
    std::fflush(stdout);
    return refused > 0 ? 1 : 0;
}

}  // namespace pb::cli
