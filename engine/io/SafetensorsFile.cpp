#include "engine/io/SafetensorsFile.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <unordered_set>
#include <utility>

#include "engine/util/Error.h"

namespace pb {

// The read-only mapping of the whole file; unmapped when the last copy of the file goes.
struct SafetensorsFile::Mapping {
    const std::uint8_t* bytes = nullptr;
    std::size_t size = 0;

    Mapping(const Mapping&) = delete;
    Mapping& operator=(const Mapping&) = delete;
    Mapping(const std::uint8_t* b, std::size_t s) : bytes(b), size(s) {}
    ~Mapping() {
        if (bytes) munmap(const_cast<std::uint8_t*>(bytes), size);
    }
};

namespace {

// The official implementation refuses headers above 100 MB; so do we (a corrupt length
// must not make us parse gigabytes).
constexpr std::uint64_t kMaxHeaderBytes = 100'000'000;
constexpr int kMaxJsonDepth = 64;

// Just enough JSON for a safetensors header: a full parser of the grammar, keeping numbers
// as their source text so that offsets are read as exact 64-bit integers.
struct Json {
    enum class Kind { Null, Bool, Number, String, Array, Object };
    Kind kind = Kind::Null;
    std::string text;  // String: the decoded value; Number: the literal
    std::vector<Json> items;
    std::vector<std::pair<std::string, Json>> members;
};

class JsonParser {
public:
    JsonParser(const char* begin, const char* end) : p_(begin), end_(end) {}

    Json parseDocument() {
        Json value = parseValue(0);
        skipSpace();
        if (p_ != end_) fail("unexpected characters after the JSON header");
        return value;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw std::invalid_argument(what + " (at byte " + std::to_string(offset()) + " of the header)");
    }
    std::size_t offset() const { return static_cast<std::size_t>(p_ - start_); }

    void skipSpace() {
        while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
    }
    bool consume(char c) {
        skipSpace();
        if (p_ != end_ && *p_ == c) {
            ++p_;
            return true;
        }
        return false;
    }
    void expect(char c) {
        if (!consume(c)) fail(std::string("expected '") + c + "'");
    }

    Json parseValue(int depth) {
        if (depth > kMaxJsonDepth) fail("JSON nested too deeply");
        skipSpace();
        if (p_ == end_) fail("unexpected end of the JSON header");
        Json v;
        switch (*p_) {
        case '{': parseObject(v, depth); break;
        case '[': parseArray(v, depth); break;
        case '"':
            v.kind = Json::Kind::String;
            v.text = parseString();
            break;
        case 't': parseLiteral("true", v, Json::Kind::Bool); break;
        case 'f': parseLiteral("false", v, Json::Kind::Bool); break;
        case 'n': parseLiteral("null", v, Json::Kind::Null); break;
        default:
            if (*p_ == '-' || (*p_ >= '0' && *p_ <= '9')) {
                v.kind = Json::Kind::Number;
                v.text = parseNumber();
            } else {
                fail(std::string("unexpected character '") + *p_ + "'");
            }
        }
        return v;
    }

    void parseLiteral(const char* word, Json& v, Json::Kind kind) {
        const std::size_t n = std::strlen(word);
        if (static_cast<std::size_t>(end_ - p_) < n || std::strncmp(p_, word, n) != 0) fail("invalid literal");
        p_ += n;
        v.kind = kind;
        v.text = word;
    }

    void parseObject(Json& v, int depth) {
        v.kind = Json::Kind::Object;
        ++p_;
        if (consume('}')) return;
        // A set, not a scan of the members: a header of many keys must not take quadratic time.
        std::unordered_set<std::string> keys;
        do {
            skipSpace();
            if (p_ == end_ || *p_ != '"') fail("expected a string key");
            std::string key = parseString();
            if (!keys.insert(key).second) fail("duplicate key \"" + key + "\"");
            expect(':');
            v.members.emplace_back(std::move(key), parseValue(depth + 1));
        } while (consume(','));
        expect('}');
    }

    void parseArray(Json& v, int depth) {
        v.kind = Json::Kind::Array;
        ++p_;
        if (consume(']')) return;
        do {
            v.items.push_back(parseValue(depth + 1));
        } while (consume(','));
        expect(']');
    }

    std::string parseNumber() {
        const char* s = p_;
        if (*p_ == '-') ++p_;
        if (p_ == end_ || !(*p_ >= '0' && *p_ <= '9')) fail("invalid number");
        if (*p_ == '0') {
            ++p_;
        } else {
            while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        }
        if (p_ != end_ && *p_ == '.') {
            ++p_;
            if (p_ == end_ || !(*p_ >= '0' && *p_ <= '9')) fail("invalid number");
            while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        }
        if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
            ++p_;
            if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (p_ == end_ || !(*p_ >= '0' && *p_ <= '9')) fail("invalid number");
            while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        }
        return std::string(s, p_);
    }

    unsigned hex4() {
        if (end_ - p_ < 4) fail("truncated \\u escape");
        unsigned v = 0;
        for (int i = 0; i < 4; ++i, ++p_) {
            const char c = *p_;
            v <<= 4;
            if (c >= '0' && c <= '9') v |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f') v |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= static_cast<unsigned>(c - 'A' + 10);
            else fail("invalid \\u escape");
        }
        return v;
    }

    static void appendUtf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xc0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3f));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xe0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (cp & 0x3f));
        } else {
            out += static_cast<char>(0xf0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (cp & 0x3f));
        }
    }

    std::string parseString() {
        ++p_;  // opening quote
        std::string out;
        while (true) {
            if (p_ == end_) fail("unterminated string");
            const char c = *p_++;
            if (c == '"') return out;
            if (static_cast<unsigned char>(c) < 0x20) fail("control character in a string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (p_ == end_) fail("unterminated string");
            const char e = *p_++;
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                unsigned cp = hex4();
                if (cp >= 0xd800 && cp < 0xdc00) {  // surrogate pair
                    if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') fail("lone surrogate in \\u escape");
                    p_ += 2;
                    const unsigned low = hex4();
                    if (low < 0xdc00 || low >= 0xe000) fail("invalid surrogate pair");
                    cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                } else if (cp >= 0xdc00 && cp < 0xe000) {
                    fail("lone surrogate in \\u escape");
                }
                appendUtf8(out, cp);
                break;
            }
            default: fail(std::string("invalid escape '\\") + e + "'");
            }
        }
    }

    const char* p_;
    const char* end_;
    const char* start_ = p_;
};

// A JSON number that must be a non-negative integer fitting in 64 bits.
bool toUnsigned(const Json& v, std::uint64_t& out) {
    if (v.kind != Json::Kind::Number || v.text.empty()) return false;
    std::uint64_t n = 0;
    for (char c : v.text) {
        if (c < '0' || c > '9') return false;  // sign, fraction or exponent
        const std::uint64_t d = static_cast<std::uint64_t>(c - '0');
        if (n > (std::numeric_limits<std::uint64_t>::max() - d) / 10) return false;
        n = n * 10 + d;
    }
    out = n;
    return true;
}

const Json* member(const Json& obj, const std::string& key) {
    for (const auto& m : obj.members)
        if (m.first == key) return &m.second;
    return nullptr;
}

std::uint64_t readLittleEndian64(const std::uint8_t* p) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

}  // namespace

SafetensorsFile SafetensorsFile::open(const std::filesystem::path& path) {
    const std::string where = path.string();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(std::string("cannot open safetensors file: ") + std::strerror(errno), where);
    struct stat st {};
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw Error("not a regular file", where);
    }
    const auto fileSize = static_cast<std::size_t>(st.st_size);
    if (fileSize < 8) {
        ::close(fd);
        throw Error("truncated safetensors file: " + std::to_string(fileSize) +
                        " bytes, shorter than the 8-byte header length",
                    where);
    }
    void* addr = mmap(nullptr, fileSize, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (addr == MAP_FAILED) throw Error(std::string("cannot map safetensors file: ") + std::strerror(errno), where);

    SafetensorsFile file;
    file.path_ = path;
    file.mapping_ = std::make_shared<const Mapping>(static_cast<const std::uint8_t*>(addr), fileSize);
    const std::uint8_t* bytes = file.mapping_->bytes;

    const std::uint64_t headerLen = readLittleEndian64(bytes);
    if (headerLen < 2 || headerLen > kMaxHeaderBytes || headerLen > fileSize - 8)
        throw Error("bad header length " + std::to_string(headerLen) + " for a file of " + std::to_string(fileSize) +
                        " bytes (truncated or not a safetensors file)",
                    where);
    const char* headerBegin = reinterpret_cast<const char*>(bytes + 8);
    if (headerBegin[0] != '{') throw Error("header does not start with '{' (not a safetensors file)", where);

    Json header;
    try {
        header = JsonParser(headerBegin, headerBegin + headerLen).parseDocument();
    } catch (const std::invalid_argument& e) {
        throw Error(std::string("malformed JSON header: ") + e.what(), where);
    }
    if (header.kind != Json::Kind::Object) throw Error("JSON header is not an object", where);

    const std::size_t dataSize = fileSize - 8 - static_cast<std::size_t>(headerLen);
    file.dataSection_ = bytes + 8 + headerLen;

    for (const auto& [name, entry] : header.members) {
        if (name == "__metadata__") {
            if (entry.kind != Json::Kind::Object) throw Error("__metadata__ is not an object", where);
            for (const auto& [key, value] : entry.members) {
                if (value.kind != Json::Kind::String)
                    throw Error("__metadata__ value of \"" + key + "\" is not a string", where);
                file.metadata_[key] = value.text;
            }
            continue;
        }
        const std::string tensor = "tensor \"" + name + "\": ";
        if (entry.kind != Json::Kind::Object) throw Error(tensor + "entry is not an object", where);
        const Json* dtype = member(entry, "dtype");
        const Json* shape = member(entry, "shape");
        const Json* offsets = member(entry, "data_offsets");
        if (!dtype || !shape || !offsets) throw Error(tensor + "needs dtype, shape and data_offsets", where);

        TensorInfo info;
        info.name = name;
        if (dtype->kind != Json::Kind::String || !parseDType(dtype->text, info.dtype))
            throw Error(tensor + "unknown dtype " + (dtype->kind == Json::Kind::String ? dtype->text : "(not a string)"),
                        where);
        if (shape->kind != Json::Kind::Array) throw Error(tensor + "shape is not an array", where);
        // Element count with overflow checks: a hostile shape must not wrap around to a small size.
        std::uint64_t numel = 1;
        for (const auto& d : shape->items) {
            std::uint64_t n = 0;
            if (!toUnsigned(d, n) || n > static_cast<std::uint64_t>(std::numeric_limits<int64_t>::max()))
                throw Error(tensor + "shape entries must be non-negative integers", where);
            if (n != 0 && numel > std::numeric_limits<std::uint64_t>::max() / n)
                throw Error(tensor + "shape is too large", where);
            numel *= n;
            info.shape.push_back(static_cast<int64_t>(n));
        }
        std::uint64_t begin = 0, end = 0;
        if (offsets->kind != Json::Kind::Array || offsets->items.size() != 2 || !toUnsigned(offsets->items[0], begin) ||
            !toUnsigned(offsets->items[1], end))
            throw Error(tensor + "data_offsets must be two non-negative integers", where);
        if (begin > end)
            throw Error(tensor + "data_offsets [" + std::to_string(begin) + ", " + std::to_string(end) + "] are reversed",
                        where);
        if (end > dataSize)
            throw Error(tensor + "data_offsets [" + std::to_string(begin) + ", " + std::to_string(end) +
                            "] run past the data section (" + std::to_string(dataSize) + " bytes; file truncated?)",
                        where);
        const std::uint64_t elementSize = dtypeSize(info.dtype);
        if (numel > std::numeric_limits<std::uint64_t>::max() / elementSize || numel * elementSize != end - begin)
            throw Error(tensor + "shape x " + toString(info.dtype) + " size does not match its byte range of " +
                            std::to_string(end - begin) + " bytes",
                        where);
        info.offset = static_cast<std::size_t>(begin);
        info.bytes = static_cast<std::size_t>(end - begin);
        file.tensors_.push_back(std::move(info));
    }

    std::stable_sort(file.tensors_.begin(), file.tensors_.end(), [](const TensorInfo& a, const TensorInfo& b) {
        return a.offset != b.offset ? a.offset < b.offset : a.bytes < b.bytes;
    });
    // The tensors must tile the data section exactly, as the official reader demands.
    std::size_t expected = 0;
    for (std::size_t i = 0; i < file.tensors_.size(); ++i) {
        const auto& t = file.tensors_[i];
        if (t.offset < expected)
            throw Error("tensor \"" + t.name + "\" overlaps tensor \"" + file.tensors_[i - 1].name + "\"", where);
        if (t.offset > expected)
            throw Error("gap in the data section before tensor \"" + t.name + "\" (bytes " + std::to_string(expected) +
                            ".." + std::to_string(t.offset) + " belong to no tensor)",
                        where);
        expected = t.offset + t.bytes;
        file.index_[t.name] = i;
    }
    if (expected != dataSize)
        throw Error("data section has " + std::to_string(dataSize - expected) + " trailing bytes that belong to no tensor",
                    where);
    return file;
}

bool SafetensorsFile::contains(const std::string& name) const { return index_.count(name) != 0; }

const TensorInfo& SafetensorsFile::info(const std::string& name) const {
    const auto it = index_.find(name);
    if (it == index_.end()) throw Error("no tensor named \"" + name + "\"", path_.string());
    return tensors_[it->second];
}

const std::uint8_t* SafetensorsFile::data(const std::string& name) const { return dataSection_ + info(name).offset; }

std::vector<float> SafetensorsFile::toFloat32(const std::string& name) const {
    const TensorInfo& t = info(name);
    const std::uint8_t* src = dataSection_ + t.offset;
    const std::size_t n = t.numel();
    std::vector<float> out(n);
    // memcpy per element: the data need not be aligned for its type.
    switch (t.dtype) {
    case DType::F32:
        if (n != 0) std::memcpy(out.data(), src, n * sizeof(float));  // an empty vector's data() may be null
        break;
    case DType::F64:
        for (std::size_t i = 0; i < n; ++i) {
            double d;
            std::memcpy(&d, src + i * 8, 8);
            out[i] = static_cast<float>(d);
        }
        break;
    case DType::F16:
    case DType::BF16:
        for (std::size_t i = 0; i < n; ++i) {
            std::uint16_t h;
            std::memcpy(&h, src + i * 2, 2);
            out[i] = t.dtype == DType::F16 ? halfToFloat(h) : bfloat16ToFloat(h);
        }
        break;
    default:
        throw Error("tensor \"" + name + "\" has dtype " + toString(t.dtype) + ", not a floating-point type",
                    path_.string());
    }
    return out;
}

}  // namespace pb
