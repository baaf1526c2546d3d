#include "engine/io/SafetensorsWriter.h"

#include "engine/io/AtomicFile.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <system_error>

#include "engine/util/Error.h"

namespace pb {

namespace {

std::string jsonString(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + "\"";
}

}  // namespace

void SafetensorsWriter::add(const std::string& name, DType dtype, std::vector<int64_t> shape, const void* data,
                            std::size_t bytes) {
    if (name.empty() || name == "__metadata__") throw Error("invalid tensor name \"" + name + "\"");
    for (const auto& e : entries_)
        if (e.name == name) throw Error("tensor \"" + name + "\" added twice");
    std::size_t numel = 1;
    for (auto d : shape) {
        if (d < 0) throw Error("tensor \"" + name + "\" has a negative dimension");
        numel *= static_cast<std::size_t>(d);
    }
    if (numel * dtypeSize(dtype) != bytes)
        throw Error("tensor \"" + name + "\": " + std::to_string(bytes) + " bytes given, shape x " + toString(dtype) +
                    " needs " + std::to_string(numel * dtypeSize(dtype)));
    if (bytes != 0 && data == nullptr) throw Error("tensor \"" + name + "\": no data");
    Entry e{name, dtype, std::move(shape), {}};
    e.bytes.resize(bytes);
    if (bytes) std::memcpy(e.bytes.data(), data, bytes);
    entries_.push_back(std::move(e));
}

void SafetensorsWriter::addFloat32(const std::string& name, std::vector<int64_t> shape, const float* data) {
    std::size_t numel = 1;
    for (auto d : shape) numel *= static_cast<std::size_t>(std::max<int64_t>(d, 0));
    add(name, DType::F32, std::move(shape), data, numel * sizeof(float));
}

void SafetensorsWriter::setMetadata(const std::string& key, const std::string& value) { metadata_[key] = value; }

void SafetensorsWriter::save(const std::filesystem::path& path) const {
    // Largest element first, then by name, so that every tensor stays aligned to its size.
    std::vector<const Entry*> order;
    for (const auto& e : entries_) order.push_back(&e);
    std::stable_sort(order.begin(), order.end(), [](const Entry* a, const Entry* b) {
        const auto sa = dtypeSize(a->dtype), sb = dtypeSize(b->dtype);
        return sa != sb ? sa > sb : a->name < b->name;
    });

    std::string header = "{";
    bool first = true;
    if (!metadata_.empty()) {
        header += "\"__metadata__\":{";
        for (const auto& [k, v] : metadata_) {
            if (!first) header += ",";
            header += jsonString(k) + ":" + jsonString(v);
            first = false;
        }
        header += "}";
        first = false;
    }
    std::size_t offset = 0;
    for (const Entry* e : order) {
        if (!first) header += ",";
        first = false;
        header += jsonString(e->name) + ":{\"dtype\":\"" + toString(e->dtype) + "\",\"shape\":[";
        for (std::size_t i = 0; i < e->shape.size(); ++i) header += (i ? "," : "") + std::to_string(e->shape[i]);
        header += "],\"data_offsets\":[" + std::to_string(offset) + "," + std::to_string(offset + e->bytes.size()) + "]}";
        offset += e->bytes.size();
    }
    header += "}";
    header.append((8 - header.size() % 8) % 8, ' ');

    std::uint8_t lengthBytes[8];
    std::uint64_t n = header.size();
    for (int i = 0; i < 8; ++i) lengthBytes[i] = static_cast<std::uint8_t>(n >> (8 * i));

    const std::filesystem::path tmp = temporaryPathFor(path);
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw Error("cannot create " + tmp.string() + " for writing", path.string());
        out.write(reinterpret_cast<const char*>(lengthBytes), 8);
        out.write(header.data(), static_cast<std::streamsize>(header.size()));
        for (const Entry* e : order)
            out.write(reinterpret_cast<const char*>(e->bytes.data()), static_cast<std::streamsize>(e->bytes.size()));
        out.flush();
        if (!out) {
            out.close();
            std::error_code ec;
            std::filesystem::remove(tmp, ec);
            throw Error("write failed (disk full?)", path.string());
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(tmp, ignored);
        throw Error("cannot rename the temporary file into place: " + ec.message(), path.string());
    }
}

}  // namespace pb
