// Running a PyTorch reference script beside a native benchmark: find the script, find a python3
// that imports torch, run it and read the JSON line it prints.
#pragma once
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace pb::cli {

// bench/<name> in the working folder or beside the build folder (<source>/build*/patchbank-cli).
std::filesystem::path findBenchScript(const std::string& name);

// `preferred` if it imports torch, else /usr/bin/python3 if that does (unless `explicitChoice`);
// empty when none does.
std::string pythonWithTorch(const std::string& preferred, bool explicitChoice);

// Runs `python script arguments` with the thread count in the environment and returns the last JSON
// object it printed; throws pb::Error with its output when it fails. The script's OpenBLAS (numpy's and
// Debian's PyTorch's) gets the kernel this process runs (OPENBLAS_CORETYPE), so that both sides of a
// comparison multiply with the same kernel.
nlohmann::json runPythonReference(const std::string& python, const std::filesystem::path& script,
                                  const std::string& arguments, int threads);

// The kernel a reference's OpenBLAS runs, in words: "Cooperlake (OPENBLAS_CORETYPE: the kernel PatchBank
// runs)", another OPENBLAS_CORETYPE the user set, or the library's own choice.
std::string pythonBlasKernel();

// The shell quoting the reference commands use.
std::string shellQuote(const std::string& s);

}  // namespace pb::cli
