// patchbank-cli: everything the workbench does, headless.
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "app/cli/Commands.h"
#include "engine/util/BlasKernel.h"
#include "engine/util/Error.h"

namespace {

void printUsage() {
    std::cout << "usage: patchbank-cli <command> [options]\n\n"
                 "commands:\n"
                 "  evaluate   build a bank from the train split and score the test split\n"
                 "  bank       memory bank files: 'bank build|info|score|add'\n"
                 "  route      route test images to products with the prototype router\n"
                 "  sweep      image AUROC against bank size for every compressor (the budget sweep)\n"
                 "  demo       generate the embedded synthetic data set and evaluate it\n"
                 "  bench      benchmarks: knn, features, vit, coreset, kmeans, ivfpq ('bench --help')\n"
                 "  models     pretrained backbones: 'models list', 'models fetch NAME', 'models path NAME'\n"
                 "  version    versions of PatchBank and its libraries\n\n"
                 "'patchbank-cli <command> --help' describes a command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
    pb::selectBlasKernel(argv);  // first: it may restart the process with a better BLAS kernel
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        printUsage();
        return args.empty() ? 2 : 0;
    }
    const std::map<std::string, std::function<int(const std::vector<std::string>&)>> commands = {
        {"version", pb::cli::runVersion},
        {"evaluate", pb::cli::runEvaluate},
        {"demo", pb::cli::runDemo},
        {"bench", pb::cli::runBench},
        {"models", pb::cli::runModels},
        {"bank", pb::cli::runBank},
        {"route", pb::cli::runRoute},
        {"sweep", pb::cli::runSweep},
    };
    auto it = commands.find(args[0]);
    if (it == commands.end()) {
        std::cerr << "patchbank-cli: unknown command '" << args[0] << "'\n";
        printUsage();
        return 2;
    }
    try {
        return it->second(std::vector<std::string>(args.begin() + 1, args.end()));
    } catch (const pb::Error& e) {
        std::cerr << "patchbank-cli " << args[0] << ": error: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "patchbank-cli " << args[0] << ": unexpected error: " << e.what() << "\n";
        return 1;
    }
}
