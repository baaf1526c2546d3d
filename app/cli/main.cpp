// patchbank-cli: everything the workbench does, headless.
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "app/cli/Options.h"
#include "engine/util/BlasKernel.h"
#include "engine/util/Error.h"
#include "engine/util/Threads.h"

// Before any library initialises: see pb::restartWithPassiveOpenMp.
__attribute__((section(".preinit_array"), used)) static void (*const kOpenMpWaitPolicy)(int, char**, char**) =
    &pb::restartWithPassiveOpenMp;

namespace {

bool isHelp(const std::string& arg) { return arg == "--help" || arg == "-h" || arg == "help"; }

}  // namespace

int main(int argc, char** argv) {
    pb::selectBlasKernel(argv);  // first: it may restart the process with a better BLAS kernel
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || isHelp(args[0])) {
        std::cout << pb::cli::overviewHelp();
        return args.empty() ? 2 : 0;
    }
    // Keyed by the first word of the command; a group's handler dispatches on CommandLine::command().
    const std::map<std::string, std::function<int(const pb::cli::CommandLine&)>> handlers = {
        {"version", pb::cli::runVersion}, {"evaluate", pb::cli::runEvaluate}, {"demo", pb::cli::runDemo},
        {"bench", pb::cli::runBench},     {"models", pb::cli::runModels},     {"bank", pb::cli::runBank},
        {"route", pb::cli::runRoute},     {"sweep", pb::cli::runSweep},       {"audit", pb::cli::runAudit},
        {"suite", pb::cli::runSuite},     {"train", pb::cli::runTrain},       {"image", pb::cli::runImage},
    };
    auto handler = handlers.find(args[0]);
    if (handler == handlers.end()) {
        std::cerr << "patchbank-cli: unknown command '" << args[0] << "'\n";
        std::cout << pb::cli::overviewHelp();
        return 2;
    }
    std::string command = args[0];
    try {
        std::size_t used = 1;
        const std::vector<std::string> actions = pb::cli::subcommands(args[0]);
        if (!actions.empty()) {
            if (args.size() < 2 || isHelp(args[1])) {
                std::cout << pb::cli::groupHelp(args[0]);
                return args.size() < 2 ? 2 : 0;
            }
            if (!pb::cli::findCommand(command + " " + args[1])) {
                std::string names;
                for (std::size_t i = 0; i < actions.size(); ++i)
                    names += (i == 0 ? "" : i + 1 == actions.size() ? " or " : ", ") + actions[i];
                throw pb::Error("unknown " + command + " command '" + args[1] + "'; use " + names +
                                " (see 'patchbank-cli " + command + " --help')");
            }
            command += " " + args[1];
            used = 2;
        }
        const pb::cli::CommandLine cl(command, std::vector<std::string>(args.begin() + used, args.end()));
        if (cl.flag("help")) {
            std::cout << pb::cli::commandHelp(command);
            return 0;
        }
        return handler->second(cl);
    } catch (const pb::Error& e) {
        std::cerr << "patchbank-cli " << command << ": error: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "patchbank-cli " << command << ": unexpected error: " << e.what() << "\n";
        return 1;
    }
}
