// A suite's results log as a set of rows without their timings: what two runs of the same cells share.
#pragma once
#include <filesystem>
#include <set>
#include <string>

#include "engine/suite/ResultsLog.h"
#include "engine/suite/SuiteRunner.h"

namespace pb::test {

inline std::set<std::string> suiteRows(const std::filesystem::path& log) {
    std::set<std::string> out;
    for (const auto& row : pb::suite::ResultsLog::read(log)) out.insert(pb::suite::withoutTimings(row).dump());
    return out;
}

}  // namespace pb::test
