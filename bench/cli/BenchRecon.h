// `patchbank-cli bench recon`: training throughput of the reconstruction detector (iterations/s of
// the real trainer on random features) and of the same model and optimiser step in PyTorch eager
// (bench/recon_pytorch_reference.py), side by side in one run.
#pragma once
#include "app/cli/CommandLine.h"

namespace pb::cli {

int runBenchRecon(const CommandLine& cl);

}  // namespace pb::cli
