// A suite file (pb::suite::readSuite): JSON, then the expansion of its experiments into cells.
#include "engine/suite/SuiteFile.h"
#include "engine/util/Error.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = pb::fuzz::inputFile("suite.json", data, size);
    try {
        const pb::suite::Suite suite = pb::suite::readSuite(path);
        for (const auto& cell : suite.cells) (void)cell.label();
        (void)suite.cellIds();
    } catch (const pb::Error&) {
    }
    return 0;
}
