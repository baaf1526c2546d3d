// patchbank-cli suite list|run|status|summarize|verify|merge: the experiment suites, headless, resumable and shardable.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <tuple>

#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "app/cli/FigureOutput.h"
#include "app/cli/TerminalProgress.h"
#include "engine/features/FeatureCache.h"
#include "engine/suite/ResultsLog.h"
#include "engine/suite/SuiteFile.h"
#include "engine/suite/SuiteRunner.h"
#include "engine/suite/SuiteSummary.h"
#include "engine/suite/SuiteVerify.h"
#include "engine/util/Error.h"

namespace pb::cli {

namespace {

namespace fs = std::filesystem;

// "NAME=VALUE" items of a repeatable option; a bare VALUE gets the key "" when allowBare.
std::map<std::string, std::string> assignments(const CommandLine& cl, const std::string& option, bool allowBare) {
    std::map<std::string, std::string> out;
    for (const auto& item : cl.values(option)) {
        const auto eq = item.find('=');
        if (eq == std::string::npos) {
            if (!allowBare) throw Error("--" + option + " takes NAME=VALUE, got '" + item + "'");
            out[""] = item;
        } else {
            out[item.substr(0, eq)] = item.substr(eq + 1);
        }
    }
    return out;
}

suite::Suite suiteArgument(const CommandLine& cl) {
    if (cl.positional().size() != 1) throw Error(cl.command() + " needs the suite file");
    return suite::readSuite(cl.positional().front());
}

int list(const CommandLine& cl) {
    const fs::path dir = cl.positional().empty() ? suite::shippedSuitesFolder() : fs::path(cl.positional().front());
    if (dir.empty() || !fs::is_directory(dir)) throw Error("no suites folder found; give one: suite list DIR");
    for (const auto& file : suite::suiteFiles(dir)) {
        try {
            const suite::Suite s = suite::readSuite(file);
            std::string datasets;
            for (const auto& d : s.datasets) datasets += (datasets.empty() ? "" : ",") + d;
            std::printf("%-22s %6zu cells  data sets: %-28s %s\n", s.name.c_str(), s.cells.size(), datasets.c_str(),
                        file.string().c_str());
            if (!s.source.empty()) std::printf("%22s %s\n", "", s.source.c_str());
        } catch (const Error& e) {
            std::cerr << "skipped: " << e.what() << "\n";
        }
    }
    return 0;
}

suite::SuiteRunOptions runOptions(const CommandLine& cl) {
    suite::SuiteRunOptions o;
    o.datasets = assignments(cl, "data", false);
    if (cl.takes("weights")) o.weights = assignments(cl, "weights", true);
    if (cl.takes("cache") && !cl.flag("no-cache")) o.cacheDir = cl.value("cache", FeatureCache::defaultDirectory().string());
    if (cl.has("shard")) std::tie(o.shard, o.shards) = suite::parseShard(cl.value("shard"));
    if (cl.has("out")) o.modelsDir = cl.value("out") + ".models";  // trained detectors beside the log
    return o;
}

int status(const CommandLine& cl) {
    cl.require({"out"});
    const suite::Suite s = suiteArgument(cl);
    suite::SuiteRunOptions o;
    if (cl.has("shard")) std::tie(o.shard, o.shards) = suite::parseShard(cl.value("shard"));
    std::size_t inShard = 0, done = 0;
    std::set<std::string> finished;
    if (fs::exists(cl.value("out")))
        for (const auto& row : suite::ResultsLog::read(cl.value("out"))) finished.insert(row["cell"].get<std::string>());
    for (std::size_t i = 0; i < s.cells.size(); ++i)
        if (suite::inShard(i, o.shard, o.shards)) {
            ++inShard;
            done += finished.count(s.cells[i].id);
        }
    std::printf("%s: %zu cells, %zu in shard %d/%d, %zu done, %zu to run\n", s.name.c_str(), s.cells.size(), inShard,
                o.shard, o.shards, done, inShard - done);
    return 0;
}

int run(const CommandLine& cl) {
    cl.require({"out"});
    suite::SuiteRunner runner(suiteArgument(cl), runOptions(cl));
    suite::ResultsLog log(cl.value("out"));
    if (log.repairedBytes() > 0)
        std::cerr << "note: cut a torn last line (" << log.repairedBytes() << " bytes) from " << log.path().string()
                  << "; its cell runs again\n";
    const suite::SuiteStatus before = runner.status(log);
    TerminalProgress terminal(cl.flag("quiet"));
    const auto start = std::chrono::steady_clock::now();
    std::size_t ran = 0;
    runner.run(log, terminal.progress(), [&](const suite::SuiteCell& cell, const nlohmann::json&) {
        ++ran;
        if (cl.flag("quiet")) return;
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const std::size_t left = before.inShard - before.done - ran;
        terminal.finishLine();
        std::printf("cell %s %s %s done (%zu left, ETA %.0f s)\n", cell.id.c_str(), cell.experiment.c_str(),
                    cell.label().c_str(), left, elapsed / ran * left);
    });
    terminal.finishLine();
    if (!cl.flag("quiet"))
        std::printf("%zu cells run, %zu were done before; log: %s\n", ran, before.done, log.path().string().c_str());
    if (!runner.failures().empty())
        std::fprintf(stderr, "%zu cells failed (run the suite again to retry them): %s\n", runner.failures().size(),
                     runner.failures().begin()->first.c_str());
    return terminal.problems() > 0 || !runner.failures().empty() ? 3 : 0;
}

int merge(const CommandLine& cl) {
    cl.require({"out"});
    if (cl.positional().size() < 2) throw Error("suite merge needs the suite file and at least one results log");
    const suite::Suite s = suite::readSuite(cl.positional().front());
    const std::vector<fs::path> logs(cl.positional().begin() + 1, cl.positional().end());
    const suite::MergeReport report = suite::mergeLogs(logs, s.cellIds(), cl.value("out"));
    std::printf("%zu rows merged into %s; %zu missing, %zu duplicate, %zu not in the suite\n", report.rows,
                cl.value("out").c_str(), report.missing.size(), report.duplicates.size(), report.unexpected.size());
    for (const auto& c : report.missing) std::printf("missing: %s\n", c.c_str());
    for (const auto& c : report.duplicates) std::printf("duplicate: %s\n", c.c_str());
    return report.missing.empty() && report.duplicates.empty() ? 0 : 4;
}

int summarize(const CommandLine& cl) {
    cl.require({"out"});
    if (cl.positional().size() != 2) throw Error("suite summarize needs the suite file and its results log");
    const suite::Suite s = suite::readSuite(cl.positional()[0]);
    const auto rows = suite::ResultsLog::read(cl.positional()[1]);
    const auto tables = suite::summariseSuite(s, rows);
    if (tables.empty()) throw Error("the log holds no finished cell of suite '" + s.name + "'", cl.positional()[1]);
    const fs::path out = cl.value("out");
    for (const auto& table : tables) {
        table.save(out);
        if (!cl.flag("quiet")) std::cout << "## " << table.name << "\n\n" << table.markdown() << "\n";
    }
    if (!cl.flag("quiet"))
        std::cout << tables.size() << " tables written to " << out.string() << " (.csv, .md, .tex)\n";
    if (!cl.flag("no-figures")) writeFigures(suite::suiteFigures(s, rows), out, cl.flag("quiet"));
    return 0;
}

int verify(const CommandLine& cl) {
    cl.require({"reference"});
    if (cl.positional().size() != 1) throw Error("suite verify needs the folder of produced tables");
    const auto checks = suite::verifyTables(cl.positional().front(), cl.value("reference"),
                                            cl.value("reference-root", ""), cl.doubleValue("tolerance", 0.005));
    const ResultTable table = suite::verificationTable(checks);
    if (cl.has("out")) table.save(cl.value("out"));
    std::size_t within = 0, outside = 0, missing = 0;
    for (const auto& c : checks) {
        within += c.verdict == suite::VerifyCheck::Verdict::Within;
        outside += c.verdict == suite::VerifyCheck::Verdict::Outside;
        missing += c.verdict == suite::VerifyCheck::Verdict::Missing;
    }
    if (!cl.flag("quiet")) std::cout << table.markdown() << "\n";
    std::printf("%zu checks: %zu within tolerance, %zu outside, %zu missing\n", checks.size(), within, outside, missing);
    return outside + missing == 0 ? 0 : 5;
}

}  // namespace

int runSuite(const CommandLine& cl) {
    if (cl.command() == "suite verify") return verify(cl);
    if (cl.command() == "suite list") return list(cl);
    if (cl.command() == "suite summarize") return summarize(cl);
    if (cl.command() == "suite status") return status(cl);
    if (cl.command() == "suite merge") return merge(cl);
    return run(cl);
}

}  // namespace pb::cli
