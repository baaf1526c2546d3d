// Reads the evaluation options shared by `evaluate` and `demo` from a command line.
#pragma once
#include <string>
#include <vector>

#include "app/cli/CommandLine.h"
#include "engine/experiments/EvaluationOptions.h"

namespace pb::cli {

// The option names parseEvaluationOptions understands (without "--").
std::vector<std::string> evaluationOptionNames();
// Those of them that take no value (--no-cache, --final-norm, ...): a command must pass them to
// CommandLine as flags. They also accept an explicit "--final-norm=false".
std::vector<std::string> evaluationFlagNames();
std::string evaluationOptionsHelp();
// A --preset is applied first; every explicit option then overrides it.
EvaluationOptions parseEvaluationOptions(const CommandLine& cl, const std::string& defaultBackbone);

}  // namespace pb::cli
