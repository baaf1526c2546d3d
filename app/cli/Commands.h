// The commands of patchbank-cli; each takes its command line, read against the option table, and returns
// an exit code. main() has already answered --help. A group's handler (bank, bench, models) runs the
// command CommandLine::command() names.
#pragma once
#include "app/cli/CommandLine.h"

namespace pb::cli {

int runVersion(const CommandLine& cl);
int runEvaluate(const CommandLine& cl);
int runDemo(const CommandLine& cl);
int runBench(const CommandLine& cl);
int runModels(const CommandLine& cl);
int runBank(const CommandLine& cl);
int runRoute(const CommandLine& cl);
int runSweep(const CommandLine& cl);
int runAudit(const CommandLine& cl);
int runSuite(const CommandLine& cl);
int runTrain(const CommandLine& cl);
int runImage(const CommandLine& cl);

}  // namespace pb::cli
