#include "engine/image/PngDecoder.h"

#include <libdeflate.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace pb {
namespace {

std::uint32_t bigEndian(const unsigned char* p) {
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

int paethPredictor(int a, int b, int c) {
    const int pa = std::abs(b - c), pb = std::abs(a - c), pc = std::abs(a + b - 2 * c);
    return pa <= pb && pa <= pc ? a : (pb <= pc ? b : c);
}

#if defined(__SSE2__)
// Paeth for BPP-byte pixels (3 or 4) from byte `x` on, while a 4-byte read stays in the row; returns where
// it stopped. A pixel's bytes sit in 16-bit lanes: a (left, already decoded), b (up), c (up-left); the
// predictor picks a, b or c by the smallest of |b - c|, |a - c|, |a + b - 2c|, ties in that order. For
// 3-byte pixels the fourth lane holds the next pixel's bytes: lanes never mix, and only BPP bytes are
// stored.
template <int BPP>
std::size_t paethVector(const unsigned char* in, unsigned char* row, const unsigned char* up, std::size_t x,
                        std::size_t length) {
    const __m128i zero = _mm_setzero_si128(), ones = _mm_set1_epi16(-1);
    auto load = [&](const unsigned char* p) {
        std::int32_t v;
        std::memcpy(&v, p, 4);
        return _mm_unpacklo_epi8(_mm_cvtsi32_si128(v), zero);
    };
    auto absolute = [&](__m128i v) { return _mm_max_epi16(v, _mm_sub_epi16(zero, v)); };
    __m128i a = load(row + x - BPP), c = load(up + x - BPP);
    for (; x + 4 <= length; x += BPP) {
        const __m128i b = load(up + x);
        const __m128i bc = _mm_sub_epi16(b, c), ac = _mm_sub_epi16(a, c);
        const __m128i pa = absolute(bc), pb = absolute(ac), pc = absolute(_mm_add_epi16(bc, ac));
        const __m128i takeA = _mm_andnot_si128(_mm_or_si128(_mm_cmpgt_epi16(pa, pb), _mm_cmpgt_epi16(pa, pc)), ones);
        const __m128i takeB = _mm_andnot_si128(_mm_cmpgt_epi16(pb, pc), ones);
        const __m128i bOrC = _mm_or_si128(_mm_and_si128(takeB, b), _mm_andnot_si128(takeB, c));
        const __m128i predicted = _mm_or_si128(_mm_and_si128(takeA, a), _mm_andnot_si128(takeA, bOrC));
        std::int32_t filtered;
        std::memcpy(&filtered, in + x, 4);
        const __m128i decoded = _mm_add_epi8(_mm_packus_epi16(predicted, zero), _mm_cvtsi32_si128(filtered));
        const std::int32_t pixel = _mm_cvtsi128_si32(decoded);
        std::memcpy(row + x, &pixel, BPP);
        a = _mm_unpacklo_epi8(decoded, zero);
        c = b;
    }
    return x;
}
#endif

// Paeth on one row of `bpp`-byte pixels: in holds the filtered bytes, up the row above (all zero for the
// first row), row receives the samples.
void unfilterPaeth(const unsigned char* in, unsigned char* row, const unsigned char* up, std::size_t length, int bpp) {
    std::size_t x = 0;
    for (; x < static_cast<std::size_t>(bpp) && x < length; ++x) row[x] = static_cast<unsigned char>(in[x] + up[x]);
#if defined(__SSE2__)
    if (bpp == 3) x = paethVector<3>(in, row, up, x, length);
    if (bpp == 4) x = paethVector<4>(in, row, up, x, length);
#endif
    for (; x < length; ++x)
        row[x] = static_cast<unsigned char>(in[x] + paethPredictor(row[x - bpp], up[x], up[x - bpp]));
}

// Undoes the filters of `height` rows in `data` (each a filter byte and `length` bytes) into `out`.
bool unfilter(const unsigned char* data, std::size_t height, std::size_t length, int bpp, unsigned char* out) {
    const std::vector<unsigned char> zeros(length, 0);
    const std::size_t step = static_cast<std::size_t>(bpp);
    for (std::size_t y = 0; y < height; ++y) {
        const unsigned char* in = data + y * (length + 1) + 1;
        unsigned char* row = out + y * length;
        const unsigned char* up = y ? out + (y - 1) * length : zeros.data();
        switch (in[-1]) {
        case 0: std::memcpy(row, in, length); break;
        case 1:
            for (std::size_t x = 0; x < length; ++x)
                row[x] = static_cast<unsigned char>(in[x] + (x >= step ? row[x - step] : 0));
            break;
        case 2:
            for (std::size_t x = 0; x < length; ++x) row[x] = static_cast<unsigned char>(in[x] + up[x]);
            break;
        case 3:
            for (std::size_t x = 0; x < length; ++x)
                row[x] = static_cast<unsigned char>(in[x] + ((x >= step ? row[x - step] : 0) + up[x]) / 2);
            break;
        case 4: unfilterPaeth(in, row, up, length, bpp); break;
        default: return false;
        }
    }
    return true;
}

struct DecompressorDeleter {
    void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

// What a thread keeps from one image to the next: its decompressor, and the compressed and filtered bytes
// of the last image, since fresh buffers of a few megabytes would be mapped and faulted in 4 KiB at a
// time for every image.
struct Scratch {
    std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> decompressor{libdeflate_alloc_decompressor()};
    std::string compressed;
    std::unique_ptr<unsigned char[]> filtered;
    std::size_t capacity = 0;
};
constexpr std::size_t kKeptScratchBytes = std::size_t(64) << 20;

}  // namespace

bool decodePngFast(const std::string& bytes, cv::Mat& out) {
    static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t size = bytes.size();
    if (size < 8 + 25 || std::memcmp(p, signature, 8) != 0) return false;
    std::uint32_t width = 0, height = 0;
    int channels = 0;
    bool sawHeader = false, sawEnd = false;
    thread_local Scratch scratch;
    std::string& idat = scratch.compressed;
    idat.clear();
    for (std::size_t pos = 8; pos + 12 <= size;) {
        const std::uint32_t length = bigEndian(p + pos);
        if (length > size - pos - 12) return false;
        const unsigned char* type = p + pos + 4;
        const unsigned char* data = p + pos + 8;
        if (static_cast<std::uint32_t>(libdeflate_crc32(0, type, length + 4)) != bigEndian(data + length)) return false;
        if (!sawHeader) {
            // IHDR first: 8-bit samples, colour type 0 (grey), 2 (RGB) or 6 (RGBA), no interlacing.
            if (std::memcmp(type, "IHDR", 4) != 0 || length != 13) return false;
            width = bigEndian(data);
            height = bigEndian(data + 4);
            const int depth = data[8], colour = data[9];
            if (depth != 8 || data[10] != 0 || data[11] != 0 || data[12] != 0) return false;
            channels = colour == 0 ? 1 : colour == 2 ? 3 : colour == 6 ? 4 : 0;
            if (!channels || width == 0 || height == 0 || width > (1u << 24) || height > (1u << 24)) return false;
            sawHeader = true;
        } else if (std::memcmp(type, "IDAT", 4) == 0) {
            idat.append(reinterpret_cast<const char*>(data), length);
        } else if (std::memcmp(type, "IEND", 4) == 0) {
            sawEnd = true;
            break;
        } else if (std::memcmp(type, "PLTE", 4) == 0) {
            return false;
        } else if (!(type[0] & 0x20)) {
            return false;  // an unknown critical chunk
        }
        pos += 12 + length;
    }
    if (!sawHeader || !sawEnd || idat.empty()) return false;
    const std::size_t length = static_cast<std::size_t>(width) * static_cast<std::size_t>(channels);
    const std::size_t expected = (length + 1) * height;
    if (expected / (length + 1) != height || height > static_cast<std::size_t>(std::numeric_limits<int>::max()) ||
        width > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        return false;
    std::unique_ptr<unsigned char[]> own;
    unsigned char* filtered = nullptr;
    if (expected <= kKeptScratchBytes) {
        if (scratch.capacity < expected) {
            scratch.filtered.reset(new unsigned char[expected]);
            scratch.capacity = expected;
        }
        filtered = scratch.filtered.get();
    } else {
        own.reset(new unsigned char[expected]);
        filtered = own.get();
    }
    std::size_t produced = 0;
    const bool inflated = scratch.decompressor &&
                          libdeflate_zlib_decompress(scratch.decompressor.get(), idat.data(), idat.size(), filtered,
                                                     expected, &produced) == LIBDEFLATE_SUCCESS &&
                          produced == expected;
    if (idat.capacity() > kKeptScratchBytes) std::string().swap(idat);
    if (!inflated) return false;
    cv::Mat image(static_cast<int>(height), static_cast<int>(width), CV_MAKETYPE(CV_8U, channels));
    if (!unfilter(filtered, height, length, channels, image.ptr<unsigned char>())) return false;
    out = image;
    return true;
}

}  // namespace pb
