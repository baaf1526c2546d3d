// patchbank-cli models: the catalogue of pretrained backbones, and resumable, verified downloads of them.
#include <chrono>
#include <cstdio>
#include <iostream>

#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "app/cli/TerminalProgress.h"
#include "engine/models/ModelCatalogue.h"
#include "engine/models/ModelDownloader.h"
#include "engine/util/Error.h"

namespace pb::cli {

namespace {

// The licence without its parenthesised note, so the table stays narrow.
std::string shortLicence(const std::string& licence) { return licence.substr(0, licence.find(" (")); }

int list(const CommandLine& cl) {
    const bool verbose = cl.flag("verbose");
    std::printf("%-19s %-9s %-15s %-6s %-11s %s\n", "NAME", "BACKBONE", "LICENCE", "GATED", "LOCAL", "REPO");
    bool anyGated = false;
    for (const auto& m : ModelCatalogue::all()) {
        const std::string state = ModelCatalogue::stateName(ModelCatalogue::state(m, ModelCatalogue::defaultDir(m)));
        std::printf("%-19s %-9s %-15s %-6s %-11s %s\n", m.name.c_str(), m.backbone.c_str(),
                    shortLicence(m.licence).c_str(), m.gated ? "yes" : "no", state.c_str(), m.repo.c_str());
        if (verbose) {
            std::printf("    %s\n", m.description.c_str());
            if (!m.paper.empty()) std::printf("    used by: %s\n", m.paper.c_str());
            std::printf("    licence: %s\n    folder: %s\n", m.licence.c_str(),
                        ModelCatalogue::defaultDir(m).string().c_str());
        }
        anyGated = anyGated || m.gated;
    }
    std::printf("\nmodels folder: %s\n", ModelCatalogue::modelsRoot().string().c_str());
    if (anyGated)
        std::printf("gated models: accept the licence on https://huggingface.co/<repo> while logged in, then set\n"
                    "HF_TOKEN to an access token of that account. PatchBank ships no weights.\n");
    return 0;
}

int fetch(const CommandLine& cl) {
    if (cl.positional().size() != 1) throw Error("models fetch needs exactly one model name (see 'models list')");
    const ModelInfo& model = ModelCatalogue::get(cl.positional()[0]);
    const std::filesystem::path dir = cl.has("dir") ? std::filesystem::path(cl.value("dir")) : ModelCatalogue::defaultDir(model);
    DownloadOptions options;
    options.endpoint = cl.value("endpoint");
    options.maxRetries = cl.intValue("retries", options.maxRetries);
    if (options.maxRetries < 0) throw Error("--retries must be 0 or more");
    const bool quiet = cl.flag("quiet");
    ModelDownloader downloader(options);
    if (!quiet) {
        std::cout << "fetching " << model.name << " (" << model.repo << "@" << model.revision << ") from "
                  << downloader.endpoint() << "\ninto " << dir.string() << "\n";
        if (model.gated && !downloader.hasToken())
            std::cout << "note: " << model.name << " is gated; without HF_TOKEN the hub will refuse it\n";
        std::cout << std::flush;
    }
    ModelDownload result;
    const auto t0 = std::chrono::steady_clock::now();
    {
        TerminalProgress progress(quiet);
        result = downloader.download(model, dir, progress.progress());
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::uint64_t transferred = 0;
    for (const auto& f : result.files) {
        transferred += f.transferred;
        if (quiet) continue;
        const char* how = f.skipped ? "already downloaded" : f.digestVerified ? "SHA-256 verified" : "size verified";
        std::printf("  %-20s %12llu bytes  sha256 %s  %s%s\n", f.file.c_str(), static_cast<unsigned long long>(f.bytes),
                    f.sha256.c_str(), how, f.resumed ? " (resumed)" : "");
    }
    if (!quiet && transferred > 0)
        std::printf("  %.1f MiB in %.1f s (%.1f MiB/s)\n", transferred / 1048576.0, seconds,
                    seconds > 0 ? transferred / 1048576.0 / seconds : 0.0);
    std::printf("%s%s\n", quiet ? "" : "use it with:\n  ", ModelCatalogue::cliFlags(model, dir).c_str());
    return 0;
}

int path(const CommandLine& cl) {
    if (cl.positional().size() != 1) throw Error("models path needs exactly one model name (see 'models list')");
    const ModelInfo& model = ModelCatalogue::get(cl.positional()[0]);
    const auto dir = ModelCatalogue::defaultDir(model);
    std::cout << dir.string() << "\n";
    const ModelState state = ModelCatalogue::state(model, dir);
    if (state != ModelState::Present)
        std::cerr << model.name << " is " << ModelCatalogue::stateName(state) << " there; 'patchbank-cli models fetch "
                  << model.name << "' downloads it\n";
    return 0;
}

}  // namespace

int runModels(const CommandLine& cl) {
    if (cl.command() == "models list") return list(cl);
    if (cl.command() == "models fetch") return fetch(cl);
    return path(cl);
}

}  // namespace pb::cli
