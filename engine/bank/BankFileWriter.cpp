#include "engine/bank/BankFileWriter.h"

#include <system_error>

#include "engine/util/Error.h"
#include "engine/util/Sha256.h"

namespace pb {

void BankFileWriter::addTensor(const std::string& name, DType dtype, std::vector<int64_t> shape, const void* data,
                               std::size_t bytes) {
    writer_.add(name, dtype, std::move(shape), data, bytes);
    digests_[name] = sha256Hex(data, bytes);
}

void BankFileWriter::setMetadata(const std::string& key, const std::string& value) { writer_.setMetadata(key, value); }

void BankFileWriter::save(const std::filesystem::path& path) {
    writer_.setMetadata("checksum", checksum(digests_));
    if (path.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(path.parent_path(), ec);
        if (ec) throw Error("cannot create the folder: " + ec.message(), path.parent_path().string());
    }
    writer_.save(path);
}

std::string BankFileWriter::checksum(const std::map<std::string, std::string>& tensorDigests) {
    Sha256 hasher;
    for (const auto& [name, digest] : tensorDigests) {
        const std::string line = name + ":" + digest + "\n";
        hasher.update(line.data(), line.size());
    }
    return hasher.hexDigest();
}

void BankFileWriter::verify(const SafetensorsFile& file) {
    const auto it = file.metadata().find("checksum");
    if (it == file.metadata().end()) throw Error("memory bank without a checksum", file.path().string());
    std::map<std::string, std::string> digests;
    for (const auto& t : file.tensors()) digests[t.name] = sha256Hex(file.data(t.name), t.bytes);
    if (checksum(digests) != it->second)
        throw Error("memory bank is corrupt (checksum mismatch)", file.path().string());
}

}  // namespace pb
