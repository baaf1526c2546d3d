// `patchbank-cli evaluate --support N ...`: the purification paper's contaminated few-shot protocol over a
// grid of setups, supports, rates, seeds and methods; writes purification.csv (one row per run) and
// purification_summary.csv (seeds averaged per product, then products, as the paper aggregates).
#pragma once
#include "app/cli/CommandLine.h"
#include "engine/experiments/EvaluationOptions.h"

namespace pb::cli {

int runContaminationProtocol(const CommandLine& cl, const EvaluationOptions& options);

}  // namespace pb::cli
