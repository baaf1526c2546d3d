// The size an image file declares, read from its header by the codec libraries (libpng, libjpeg,
// libtiff, libwebp) before anything is decoded: a few-KB file can declare 30,000 x 30,000 pixels and
// gigabytes once decoded.
#pragma once
#include <cstdint>
#include <string>

namespace pb {

struct ImageHeader {
    std::string format;  // "PNG", "JPEG", "TIFF", "WebP", "BMP", "PNM"; empty when not recognised
    std::uint64_t width = 0;
    std::uint64_t height = 0;
    std::uint64_t pixels() const { return width * height; }
};

// Throws pb::Error(reason, path) when the header of a recognised format is malformed.
ImageHeader readImageHeader(const std::string& bytes, const std::string& path);

// The most pixels an image may declare before it is decoded. PIL's limit (Image.MAX_IMAGE_PIXELS
// doubled, where it raises DecompressionBombError): 178,956,970, about 13,377 x 13,377.
constexpr std::uint64_t kDefaultMaxImagePixels = 178956970;
std::uint64_t maxImagePixels();
// Settable for the whole process: $PATCHBANK_MAX_IMAGE_PIXELS at start, the CLI's --max-image-pixels;
// 0 restores the start value.
void setMaxImagePixels(std::uint64_t pixels);

}  // namespace pb
