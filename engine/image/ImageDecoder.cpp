#include "engine/image/ImageDecoder.h"

#include <cstdint>
#include <limits>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "engine/image/ImageHeader.h"
#include "engine/image/PngDecoder.h"
#include "engine/io/AtomicFile.h"
#include "engine/util/Error.h"

namespace pb {
namespace {

bool isJpeg(const std::string& bytes) {
    return bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
           static_cast<unsigned char>(bytes[1]) == 0xD8 && static_cast<unsigned char>(bytes[2]) == 0xFF;
}

// libjpeg only warns about a missing end and pads the picture with grey, where PIL refuses
// the file ("image file is truncated"). Entropy-coded data stuffs every 0xFF, so an FF D9
// after the first start-of-scan marker can only be the end-of-image marker.
bool jpegHasEnd(const std::string& bytes) {
    const std::size_t sos = bytes.find("\xFF\xDA", 2);
    if (sos == std::string::npos) return false;
    return bytes.find("\xFF\xD9", sos + 2) != std::string::npos;
}

// Decodes with every channel and the native depth, so the conversion below decides the
// result (and not OpenCV's own grey/colour conversion or EXIF rotation). Colour comes in OpenCV's
// order (BGR, BGRA) unless `rgbOrder` is set: the PNG fast path keeps the file's R, G, B (, A).
cv::Mat decodeRaw(const std::string& path, ImageHeader* headerOut, bool& rgbOrder) {
    rgbOrder = false;
    const std::string bytes = readFileBytes(path);
    if (bytes.empty()) throw Error("file is empty", path);
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        throw Error("file is too large to decode (over 2 GiB)", path);
    // The declared size is checked before anything is allocated for the pixels.
    const ImageHeader header = readImageHeader(bytes, path);
    if (header.format.empty())
        throw Error("not a readable image (unknown format; PNG, JPEG, TIFF, WebP, BMP and PNM are read)", path);
    if (header.width == 0 || header.height == 0) throw Error(header.format + " header declares no pixels", path);
    if (header.pixels() > maxImagePixels())
        throw Error(header.format + " declares " + std::to_string(header.width) + " x " +
                        std::to_string(header.height) + " pixels, over the limit of " +
                        std::to_string(maxImagePixels()) + " (a decompression bomb?); raise it with --max-image-pixels",
                    path);
    if (isJpeg(bytes) && !jpegHasEnd(bytes)) throw Error("JPEG file is truncated", path);
    cv::Mat raw;
    if (decodePngFast(bytes, raw)) {
        if (headerOut) *headerOut = header;
        rgbOrder = true;
        return raw;
    }
    try {
        const cv::Mat buffer(1, static_cast<int>(bytes.size()), CV_8U, const_cast<char*>(bytes.data()));
        raw = cv::imdecode(buffer, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception& e) {
        throw Error(std::string("cannot decode image: ") + e.what(), path);
    }
    if (raw.empty()) throw Error("not a readable image (truncated or corrupt " + header.format + ")", path);
    if (static_cast<std::uint64_t>(raw.cols) != header.width || static_cast<std::uint64_t>(raw.rows) != header.height)
        throw Error(header.format + " decodes to another size than its header declares", path);
    if (raw.depth() != CV_8U && raw.depth() != CV_16U)
        throw Error("unsupported pixel type (only 8- and 16-bit images are read)", path);
    if (headerOut) *headerOut = header;
    return raw;
}

// PIL keeps the high byte of 16-bit colour samples (rawmode "RGB;16B") but clips 16-bit
// grey (mode "I"/"I;16") when converting to 8 bits.
cv::Mat to8Bit(const cv::Mat& raw) {
    if (raw.depth() == CV_8U) return raw;
    cv::Mat out(raw.size(), CV_MAKETYPE(CV_8U, raw.channels()));
    const std::size_t n = raw.total() * raw.channels();
    const bool grey = raw.channels() == 1;
    const cv::Mat src = raw.isContinuous() ? raw : raw.clone();
    const auto* in = src.ptr<std::uint16_t>();
    auto* o = out.ptr<std::uint8_t>();
    for (std::size_t i = 0; i < n; ++i)
        o[i] = grey ? static_cast<std::uint8_t>(in[i] > 255 ? 255 : in[i]) : static_cast<std::uint8_t>(in[i] >> 8);
    return out;
}

}  // namespace

cv::Mat decodeImageRgb(const std::string& path, ImageHeader* header) {
    bool rgbOrder = false;
    const cv::Mat img = to8Bit(decodeRaw(path, header, rgbOrder));
    cv::Mat rgb;
    switch (img.channels()) {
        case 1: cv::cvtColor(img, rgb, cv::COLOR_GRAY2RGB); break;
        case 3:
            if (rgbOrder) return img;
            cv::cvtColor(img, rgb, cv::COLOR_BGR2RGB);
            break;
        case 4: cv::cvtColor(img, rgb, rgbOrder ? cv::COLOR_RGBA2RGB : cv::COLOR_BGRA2RGB); break;
        default: throw Error("unsupported channel count " + std::to_string(img.channels()), path);
    }
    return rgb;
}

cv::Mat decodeMask(const std::string& path) {
    bool rgbOrder = false;  // the mask is the same in either order
    const cv::Mat raw = decodeRaw(path, nullptr, rgbOrder);
    cv::Mat colour = raw;
    if (raw.channels() == 4) {
        cv::Mat channels[4];
        cv::split(raw, channels);
        cv::merge(channels, 3, colour);
    } else if (raw.channels() != 1 && raw.channels() != 3) {
        throw Error("unsupported channel count " + std::to_string(raw.channels()), path);
    }
    cv::Mat positive;  // 255 where > 0, per channel
    cv::compare(colour.reshape(1), cv::Scalar::all(0), positive, cv::CMP_GT);
    positive = positive.reshape(colour.channels());
    if (positive.channels() > 1) {
        cv::Mat channels[3];
        cv::split(positive, channels);
        cv::bitwise_or(channels[0], channels[1], positive);
        cv::bitwise_or(positive, channels[2], positive);
    }
    cv::Mat mask;
    positive.convertTo(mask, CV_8U, 1.0 / 255.0);
    return mask;
}

cv::Mat mergeMasks(const std::vector<cv::Mat>& masks) {
    if (masks.empty()) throw Error("no masks to merge");
    cv::Mat merged = cv::Mat::zeros(masks.front().size(), CV_8U);
    for (const cv::Mat& m : masks) {
        if (m.type() != CV_8U) throw Error("masks to merge must be single-channel 8-bit");
        if (m.size() != merged.size())
            throw Error("masks to merge differ in size: " + std::to_string(m.cols) + "x" + std::to_string(m.rows) +
                        " vs " + std::to_string(merged.cols) + "x" + std::to_string(merged.rows));
        merged.setTo(1, m > 0);
    }
    return merged;
}

}  // namespace pb
