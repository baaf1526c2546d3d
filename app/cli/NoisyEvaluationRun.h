// `evaluate --model MODEL` (a trained reconstruction detector instead of a memory bank) and
// `evaluate --noise-split LIST` (MeDS's noisy-training protocol, disjoint or shared-pool test set,
// optionally the bank built from what the stage-1 memory ensemble keeps): one product, one report.
#pragma once
#include "app/cli/CommandLine.h"
#include "engine/experiments/EvaluationOptions.h"

namespace pb::cli {

int runModelOrNoisyEvaluation(const CommandLine& cl, EvaluationOptions options);

}  // namespace pb::cli
