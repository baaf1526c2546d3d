// `patchbank-cli bench vit`: times the native ViT forward (DINOv3 architecture, random weights) and,
// when python3 with torch is available, the same model in PyTorch eager, side by side.
#pragma once
#include "app/cli/CommandLine.h"

namespace pb::cli {

// Returns the exit code.
int runBenchVit(const CommandLine& cl);

}  // namespace pb::cli
