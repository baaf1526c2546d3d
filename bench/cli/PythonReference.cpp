#include "bench/cli/PythonReference.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <vector>

#include "engine/util/BlasKernel.h"
#include "engine/util/Error.h"

namespace pb::cli {

std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

namespace {

// Runs a command and returns its stdout; exit code in `status`.
std::string capture(const std::string& command, int& status) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) {
        status = -1;
        return out;
    }
    char buffer[4096];
    while (std::size_t got = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, got);
    status = pclose(pipe);
    return out;
}

bool importsTorch(const std::string& python) {
    int status = 0;
    capture(shellQuote(python) + " -c 'import torch' 2>/dev/null", status);
    return status == 0;
}

}  // namespace

std::filesystem::path findBenchScript(const std::string& name) {
    std::vector<std::filesystem::path> candidates{std::filesystem::path("bench") / name};
    char exe[4096];
    const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        const auto dir = std::filesystem::path(exe).parent_path();
        candidates.push_back(dir.parent_path() / "bench" / name);
        candidates.push_back(dir / "bench" / name);
    }
    for (const auto& c : candidates)
        if (std::filesystem::exists(c)) return c;
    return {};
}

std::string pythonWithTorch(const std::string& preferred, bool explicitChoice) {
    if (importsTorch(preferred)) return preferred;
    // A virtual environment's python3 may lack torch; Debian's has it when python3-torch is installed.
    if (!explicitChoice && importsTorch("/usr/bin/python3")) return "/usr/bin/python3";
    return {};
}

std::string pythonBlasKernel() {
    const std::string ours = blasStatus().library.kernel;
    const char* set = std::getenv("OPENBLAS_CORETYPE");
    const std::string theirs = set ? set : ours;
    if (theirs.empty()) return "the library's own choice";
    return theirs + (theirs == ours ? " (OPENBLAS_CORETYPE: the kernel PatchBank runs)" : " (OPENBLAS_CORETYPE)");
}

nlohmann::json runPythonReference(const std::string& python, const std::filesystem::path& script,
                                  const std::string& arguments, int threads) {
    std::ostringstream cmd;
    cmd << "OMP_NUM_THREADS=" << threads << " OPENBLAS_NUM_THREADS=" << threads << " ";
    const std::string kernel = blasStatus().library.kernel;
    if (!kernel.empty() && !std::getenv("OPENBLAS_CORETYPE")) cmd << "OPENBLAS_CORETYPE=" << shellQuote(kernel) << " ";
    cmd << shellQuote(python) << " "
        << shellQuote(script.string()) << " " << arguments << " 2>&1";
    int status = 0;
    const std::string out = capture(cmd.str(), status);
    const auto brace = out.rfind('{');
    try {
        if (status == 0 && brace != std::string::npos) return nlohmann::json::parse(out.substr(brace));
    } catch (const nlohmann::json::exception&) {
    }
    throw Error("the PyTorch reference failed (status " + std::to_string(status) + "): " + out, script.string());
}

}  // namespace pb::cli
