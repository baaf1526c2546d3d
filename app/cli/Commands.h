// The subcommands of patchbank-cli; each takes the arguments after its name and returns an exit code.
#pragma once
#include <string>
#include <vector>

namespace pb::cli {

int runVersion(const std::vector<std::string>& args);
int runEvaluate(const std::vector<std::string>& args);
int runDemo(const std::vector<std::string>& args);
int runBench(const std::vector<std::string>& args);
int runModels(const std::vector<std::string>& args);
int runBank(const std::vector<std::string>& args);
int runRoute(const std::vector<std::string>& args);
int runSweep(const std::vector<std::string>& args);

}  // namespace pb::cli
