// Reads the feature, kNN and scoring options shared by the evaluation commands (evaluate, demo, bank,
// route, sweep; their entries in the option table) from a command line.
#pragma once
#include <string>

#include "app/cli/CommandLine.h"
#include "engine/experiments/EvaluationOptions.h"

namespace pb::cli {

// A --preset is applied first; every explicit option then overrides it.
EvaluationOptions parseEvaluationOptions(const CommandLine& cl, const std::string& defaultBackbone = kDefaultBackbone);

}  // namespace pb::cli
