// `patchbank-cli bench coreset`, `bench kmeans` and `bench ivfpq`: memory-bank benchmarks.
#pragma once
#include "app/cli/CommandLine.h"

namespace pb::cli {

int runBenchBank(const CommandLine& cl);

}  // namespace pb::cli
