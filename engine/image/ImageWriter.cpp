#include "engine/image/ImageWriter.h"

#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "engine/io/AtomicFile.h"
#include "engine/util/Error.h"

namespace pb {

void writePng(const std::filesystem::path& path, const cv::Mat& image, bool imageIsRgb) {
    if (image.empty()) throw Error("cannot write an empty image", path.string());
    if (image.depth() != CV_8U && image.depth() != CV_16U)
        throw Error("PNG needs an 8- or 16-bit image", path.string());
    const int cn = image.channels();
    if (cn != 1 && cn != 3 && cn != 4) throw Error("PNG needs 1, 3 or 4 channels", path.string());
    // A fresh Mat for the swap: assigning `image` first would share its buffer and
    // cvtColor would then swap the caller's pixels in place.
    cv::Mat toEncode;
    if (imageIsRgb && cn == 3)
        cv::cvtColor(image, toEncode, cv::COLOR_RGB2BGR);
    else if (imageIsRgb && cn == 4)
        cv::cvtColor(image, toEncode, cv::COLOR_RGBA2BGRA);
    else
        toEncode = image;
    std::vector<std::uint8_t> bytes;
    try {
        if (!cv::imencode(".png", toEncode, bytes)) throw Error("PNG encoding failed", path.string());
    } catch (const cv::Exception& e) {
        throw Error(std::string("PNG encoding failed: ") + e.what(), path.string());
    }
    writeFileAtomic(path, bytes.data(), bytes.size());
}

}  // namespace pb
