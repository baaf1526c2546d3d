#include "engine/image/ImageHeader.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <jpeglib.h>
#include <png.h>
#include <tiffio.h>
#include <webp/decode.h>

#include "engine/util/Error.h"

namespace pb {
namespace {

// $PATCHBANK_MAX_IMAGE_PIXELS sets it for every program (the GUI, suite runs); --max-image-pixels overrides.
std::uint64_t initialMaxImagePixels() {
    const char* v = std::getenv("PATCHBANK_MAX_IMAGE_PIXELS");
    if (!v || !*v) return kDefaultMaxImagePixels;
    char* end = nullptr;
    const unsigned long long n = std::strtoull(v, &end, 10);
    return end && *end == '\0' && n > 0 ? n : kDefaultMaxImagePixels;
}

std::atomic<std::uint64_t> gMaxImagePixels{initialMaxImagePixels()};

bool startsWith(const std::string& bytes, const char* magic, std::size_t n) {
    return bytes.size() >= n && std::memcmp(bytes.data(), magic, n) == 0;
}

// ---- PNG (libpng reads the signature and IHDR) ----
struct PngSource {
    const std::string* bytes;
    std::size_t at;
};

void pngRead(png_structp png, png_bytep out, png_size_t n) {
    auto* src = static_cast<PngSource*>(png_get_io_ptr(png));
    if (src->at + n > src->bytes->size()) png_error(png, "file ends inside the PNG header");
    std::memcpy(out, src->bytes->data() + src->at, n);
    src->at += n;
}

void pngError(png_structp png, png_const_charp) { png_longjmp(png, 1); }
void pngWarning(png_structp, png_const_charp) {}

bool readPng(const std::string& bytes, ImageHeader& h) {
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, pngError, pngWarning);
    if (!png) return false;
    png_infop info = png_create_info_struct(png);
    PngSource src{&bytes, 0};
    png_uint_32 w = 0, ht = 0;
    bool ok = false;
    if (info && setjmp(png_jmpbuf(png)) == 0) {
        // The IHDR's own limits are 2^31 - 1; ours comes after, with the file's name.
        png_set_user_limits(png, 0x7fffffff, 0x7fffffff);
        png_set_read_fn(png, &src, pngRead);
        png_read_info(png, info);
        w = png_get_image_width(png, info);
        ht = png_get_image_height(png, info);
        ok = true;
    }
    png_destroy_read_struct(&png, info ? &info : nullptr, nullptr);
    h.width = w;
    h.height = ht;
    return ok;
}

// ---- JPEG (libjpeg reads the markers up to the frame header) ----
struct JpegError {
    jpeg_error_mgr mgr;
    std::jmp_buf jump;
};

void jpegErrorExit(j_common_ptr info) { std::longjmp(reinterpret_cast<JpegError*>(info->err)->jump, 1); }
void jpegMessage(j_common_ptr) {}

bool readJpeg(const std::string& bytes, ImageHeader& h) {
    jpeg_decompress_struct info;
    JpegError err;
    info.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = jpegErrorExit;
    err.mgr.output_message = jpegMessage;
    bool ok = false;
    if (setjmp(err.jump) == 0) {
        jpeg_create_decompress(&info);
        jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
        jpeg_read_header(&info, TRUE);
        h.width = info.image_width;
        h.height = info.image_height;
        ok = true;
    }
    jpeg_destroy_decompress(&info);
    return ok;
}

// ---- TIFF (libtiff reads the first directory from memory) ----
struct TiffSource {
    const std::string* bytes;
    toff_t at;
};

tsize_t tiffRead(thandle_t h, tdata_t out, tsize_t n) {
    auto* src = static_cast<TiffSource*>(h);
    const toff_t size = src->bytes->size();
    if (src->at >= size || n <= 0) return 0;
    const toff_t count = std::min<toff_t>(static_cast<toff_t>(n), size - src->at);
    std::memcpy(out, src->bytes->data() + src->at, count);
    src->at += count;
    return static_cast<tsize_t>(count);
}
tsize_t tiffWrite(thandle_t, tdata_t, tsize_t) { return 0; }
toff_t tiffSeek(thandle_t h, toff_t offset, int whence) {
    auto* src = static_cast<TiffSource*>(h);
    const toff_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? src->at : src->bytes->size();
    src->at = base + offset;
    return src->at;
}
int tiffClose(thandle_t) { return 0; }
toff_t tiffSize(thandle_t h) { return static_cast<TiffSource*>(h)->bytes->size(); }
int tiffMap(thandle_t, tdata_t*, toff_t*) { return 0; }
void tiffUnmap(thandle_t, tdata_t, toff_t) {}

bool readTiff(const std::string& bytes, ImageHeader& h) {
    TIFFSetErrorHandler(nullptr);
    TIFFSetWarningHandler(nullptr);
    TiffSource src{&bytes, 0};
    TIFF* tif = TIFFClientOpen("memory", "rm", &src, tiffRead, tiffWrite, tiffSeek, tiffClose, tiffSize, tiffMap,
                               tiffUnmap);
    if (!tif) return false;
    std::uint32_t w = 0, ht = 0;
    const bool ok = TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &w) == 1 && TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &ht) == 1;
    TIFFClose(tif);
    h.width = w;
    h.height = ht;
    return ok;
}

// ---- WebP ----
bool readWebp(const std::string& bytes, ImageHeader& h) {
    int w = 0, ht = 0;
    if (!WebPGetInfo(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), &w, &ht)) return false;
    h.width = static_cast<std::uint64_t>(w);
    h.height = static_cast<std::uint64_t>(ht);
    return true;
}

// ---- BMP (BITMAPINFOHEADER and later: signed 32-bit width and height; negative height = top-down) ----
std::int32_t le32(const std::string& b, std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
    return static_cast<std::int32_t>(v);
}

bool readBmp(const std::string& bytes, ImageHeader& h) {
    if (bytes.size() < 26) return false;
    const std::int32_t headerSize = le32(bytes, 14);
    if (headerSize == 12) {  // OS/2 BITMAPCOREHEADER: 16-bit sizes
        h.width = static_cast<unsigned char>(bytes[18]) | static_cast<unsigned char>(bytes[19]) << 8;
        h.height = static_cast<unsigned char>(bytes[20]) | static_cast<unsigned char>(bytes[21]) << 8;
        return true;
    }
    const std::int64_t w = le32(bytes, 18), ht = le32(bytes, 22);
    h.width = static_cast<std::uint64_t>(w < 0 ? -w : w);
    h.height = static_cast<std::uint64_t>(ht < 0 ? -ht : ht);
    return true;
}

// ---- PNM (P1-P6: ASCII width and height after the magic, '#' comments between) ----
bool readPnm(const std::string& bytes, ImageHeader& h) {
    std::size_t at = 2;
    std::uint64_t values[2] = {0, 0};
    for (std::uint64_t& v : values) {
        while (at < bytes.size() && (std::isspace(static_cast<unsigned char>(bytes[at])) || bytes[at] == '#')) {
            if (bytes[at] == '#')
                while (at < bytes.size() && bytes[at] != '\n') ++at;
            else
                ++at;
        }
        const std::size_t start = at;
        while (at < bytes.size() && std::isdigit(static_cast<unsigned char>(bytes[at])) && at - start < 12)
            v = v * 10 + static_cast<std::uint64_t>(bytes[at++] - '0');
        if (at == start) return false;
    }
    h.width = values[0];
    h.height = values[1];
    return true;
}

}  // namespace

ImageHeader readImageHeader(const std::string& bytes, const std::string& path) {
    ImageHeader h;
    bool ok = true;
    if (startsWith(bytes, "\x89PNG\r\n\x1a\n", 8)) {
        h.format = "PNG";
        ok = readPng(bytes, h);
    } else if (startsWith(bytes, "\xFF\xD8\xFF", 3)) {
        h.format = "JPEG";
        ok = readJpeg(bytes, h);
    } else if (startsWith(bytes, "II*\0", 4) || startsWith(bytes, "MM\0*", 4)) {
        h.format = "TIFF";
        ok = readTiff(bytes, h);
    } else if (bytes.size() >= 12 && startsWith(bytes, "RIFF", 4) && bytes.compare(8, 4, "WEBP") == 0) {
        h.format = "WebP";
        ok = readWebp(bytes, h);
    } else if (startsWith(bytes, "BM", 2)) {
        h.format = "BMP";
        ok = readBmp(bytes, h);
    } else if (bytes.size() >= 3 && bytes[0] == 'P' && bytes[1] >= '1' && bytes[1] <= '6') {
        h.format = "PNM";
        ok = readPnm(bytes, h);
    }
    if (!ok) throw Error("malformed " + h.format + " header", path);
    return h;
}

std::uint64_t maxImagePixels() { return gMaxImagePixels.load(std::memory_order_relaxed); }

void setMaxImagePixels(std::uint64_t pixels) {
    gMaxImagePixels.store(pixels == 0 ? initialMaxImagePixels() : pixels, std::memory_order_relaxed);
}

}  // namespace pb
