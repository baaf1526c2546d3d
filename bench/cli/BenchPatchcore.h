// `patchbank-cli bench patchcore`: exact kNN, compressed-bank kNN and the greedy coreset on a product's
// real features, against the Python PatchCore pipeline (bench/patchcore_reference.py) run beside them.
#pragma once

namespace pb::cli {

class CommandLine;
int runBenchPatchcore(const CommandLine& cl);

}  // namespace pb::cli
