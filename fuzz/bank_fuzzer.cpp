// A memory-bank file as readBank (engine/bank/MemoryBank.cpp) reads it, up to the bank type's own
// load(): FlatBank::load needs the coreset code (LibTorch) and IvfPqBank::load hands the index bytes to
// FAISS, so neither is built here. The checksum is a SHA-256 no fuzzer can forge: verify() runs, and
// the target goes on as if it had passed so that the readers behind it are reached.
#include <nlohmann/json.hpp>

#include "engine/bank/BankFileWriter.h"
#include "engine/bank/BankSpec.h"
#include "engine/bank/BankSupport.h"
#include "engine/io/Safetensors.h"
#include "engine/util/Error.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = pb::fuzz::inputFile("bank.safetensors", data, size);
    try {
        const pb::SafetensorsFile file = pb::SafetensorsFile::open(path);
        if (pb::bank::metadata(file, "format") != "patchbank-bank") return 0;
        pb::bank::metadataUnsigned(file, "version");
        try {
            pb::BankFileWriter::verify(file);
        } catch (const pb::Error&) {
        }
        const pb::BankSpec spec = pb::parseBankSpec(pb::bank::metadata(file, "spec"));
        (void)spec.toString();
        const pb::bank::RowData rows = pb::bank::loadRows(file);
        if (rows.tags.size() != rows.sourceIndex.size()) abort();
        pb::bank::metadata(file, "backbone");
        pb::bank::metadata(file, "layers");
        pb::bank::metadataUnsigned(file, "resolution");
        pb::bank::metadataUnsigned(file, "crop");
        pb::bank::metadataUnsigned(file, "dim");
        try {
            const auto names = nlohmann::json::parse(pb::bank::metadata(file, "tag_names"));
            (void)names.get<std::vector<std::string>>();
        } catch (const nlohmann::json::exception&) {
            // readBank turns this into a pb::Error naming the file.
        }
    } catch (const pb::Error&) {
    }
    return 0;
}
