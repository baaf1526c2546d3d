// SafetensorsFile::open, the reader behind every safetensors file PatchBank takes in (backbone
// weights, feature caches, memory banks, router files), then everything it hands out, then a
// round trip through SafetensorsWriter: what the reader accepts must write back to the same file.
#include <cstdlib>
#include <cstring>

#include "engine/io/Safetensors.h"
#include "engine/util/Error.h"
#include "fuzz/FuzzSupport.h"

namespace {

void check(bool ok) {
    if (!ok) abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = pb::fuzz::inputFile("input.safetensors", data, size);
    pb::SafetensorsFile file;
    try {
        file = pb::SafetensorsFile::open(path);
    } catch (const pb::Error&) {
        return 0;
    }
    std::uint64_t sum = 0;
    for (const auto& t : file.tensors()) {
        check(file.contains(t.name));
        check(t.numel() * pb::dtypeSize(t.dtype) == t.bytes);
        const std::uint8_t* bytes = file.data(t.name);
        for (std::size_t i = 0; i < t.bytes; ++i) sum += bytes[i];  // every byte must be readable
        if (t.dtype == pb::DType::F32 || t.dtype == pb::DType::F64 || t.dtype == pb::DType::F16 ||
            t.dtype == pb::DType::BF16)
            check(file.toFloat32(t.name).size() == t.numel());
    }
    volatile std::uint64_t sink = sum;
    (void)sink;

    pb::SafetensorsWriter writer;
    try {
        for (const auto& t : file.tensors()) writer.add(t.name, t.dtype, t.shape, file.data(t.name), t.bytes);
        for (const auto& [key, value] : file.metadata()) writer.setMetadata(key, value);
    } catch (const pb::Error&) {
        return 0;  // a name the writer reserves or refuses
    }
    const auto again = pb::fuzz::scratchDir() / "again.safetensors";
    writer.save(again);
    const pb::SafetensorsFile reread = pb::SafetensorsFile::open(again);
    check(reread.tensors().size() == file.tensors().size());
    check(reread.metadata() == file.metadata());
    for (const auto& t : file.tensors()) {
        const pb::TensorInfo& r = reread.info(t.name);
        check(r.dtype == t.dtype && r.shape == t.shape && r.bytes == t.bytes);
        check(t.bytes == 0 || std::memcmp(reread.data(t.name), file.data(t.name), t.bytes) == 0);
    }
    return 0;
}
