// `patchbank-cli bench vit`: times the native ViT forward (DINOv3 architecture, random weights) and,
// when python3 with torch is available, the same model in PyTorch eager, side by side.
#pragma once
#include <string>
#include <vector>

namespace pb::cli {

// args: the options after "bench vit" (see --help). Returns the exit code.
int runBenchVit(const std::vector<std::string>& args);

}  // namespace pb::cli
