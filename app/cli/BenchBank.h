// `patchbank-cli bench coreset` and `bench ivfpq`: memory-bank benchmarks. The bench command hands
// its whole argument list over (the first positional argument is "coreset" or "ivfpq").
#pragma once
#include <string>
#include <vector>

namespace pb::cli {

int runBenchBank(const std::vector<std::string>& args);

}  // namespace pb::cli
