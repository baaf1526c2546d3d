// Reads the evaluation options shared by `evaluate` and `demo` from a command line.
#pragma once
#include <string>
#include <vector>

#include "app/cli/CommandLine.h"
#include "engine/experiments/EvaluationOptions.h"

namespace pb::cli {

// The option names parseEvaluationOptions understands (without "--").
std::vector<std::string> evaluationOptionNames();
std::string evaluationOptionsHelp();
EvaluationOptions parseEvaluationOptions(const CommandLine& cl, const std::string& defaultBackbone);

}  // namespace pb::cli
