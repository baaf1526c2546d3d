// The option table of patchbank-cli against what users see and what the parser accepts: every command's
// --help lists exactly the options the table gives it, each of them is accepted, and an option of
// another command is refused with a message naming the option and the command.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "CliRunner.h"
#include "app/cli/CommandLine.h"
#include "app/cli/EvaluationOptionsParser.h"
#include "app/cli/Options.h"
#include "engine/util/Error.h"

using pb::cli::CommandLine;
using pb::cli::OptionKind;
using pb::cli::OptionSpec;
using pb::test::runCli;

namespace {

std::vector<std::string> commandNames() {
    std::vector<std::string> names;
    for (const auto& c : pb::cli::commandTable()) names.push_back(c.name);
    return names;
}

std::set<std::string> tableOptions(const std::string& command) {
    std::set<std::string> names;
    for (const auto* o : pb::cli::commandOptions(command)) names.insert(o->name);
    return names;
}

// The "--name" that starts each line of the help's options section (continuation lines are indented
// further, so an option named inside a help text is not counted).
std::set<std::string> helpOptions(const std::string& help) {
    std::set<std::string> names;
    std::stringstream lines(help);
    bool inOptions = false;
    for (std::string line; std::getline(lines, line);) {
        if (line == "options:") {
            inOptions = true;
        } else if (inOptions && line.rfind("  --", 0) == 0) {
            names.insert(line.substr(4, line.find(' ', 4) - 4));
        }
    }
    return names;
}

// A well-formed value for an option of this kind; empty for a flag.
std::string sampleValue(const OptionSpec& o) {
    switch (o.kind) {
        case OptionKind::Flag: return "";
        case OptionKind::Integer: return "3";
        case OptionKind::Number: return "0.5";
        case OptionKind::IntegerList: return "1,2";
        case OptionKind::List: return "a,b";
        default: return "x";
    }
}

std::vector<std::string> argsFor(const OptionSpec& o) {
    std::vector<std::string> args{"--" + o.name};
    if (o.kind != OptionKind::Flag) args.push_back(sampleValue(o));
    return args;
}

// The first option of the table, by name, that `command` does not take.
const OptionSpec* foreignOption(const std::string& command) {
    for (const auto& o : pb::cli::optionTable())
        if (!pb::cli::findOption(command, o.name)) return &o;
    return nullptr;
}

std::string unknownOptionMessage(const std::string& option, const std::string& command) {
    return "unknown option --" + option + " for '" + command + "'; see 'patchbank-cli " + command + " --help'";
}

}  // namespace

TEST(CliOptionTable, IsWellFormed) {
    const auto commands = commandNames();
    ASSERT_FALSE(commands.empty());
    for (const auto& o : pb::cli::optionTable()) {
        EXPECT_FALSE(o.help.empty()) << o.name;
        EXPECT_EQ(o.hint.empty(), o.kind == OptionKind::Flag) << o.name << ": a hint exactly for options with values";
        ASSERT_FALSE(o.commands.empty()) << o.name;
        for (const auto& c : o.commands)
            EXPECT_TRUE(c == "*" || pb::cli::findCommand(c)) << "--" << o.name << " names no command '" << c << "'";
    }
    for (const auto& command : commands) {
        std::set<std::string> seen;
        for (const auto* o : pb::cli::commandOptions(command))
            EXPECT_TRUE(seen.insert(o->name).second) << command << " has two entries for --" << o->name;
        EXPECT_TRUE(seen.count("help")) << command;
        EXPECT_FALSE(pb::cli::findCommand(command)->summary.empty()) << command;
    }
    // Groups are the first words of their commands.
    EXPECT_EQ(pb::cli::subcommands("bank"), (std::vector<std::string>{"build", "info", "score", "add"}));
    EXPECT_EQ(pb::cli::subcommands("bench"),
              (std::vector<std::string>{"knn", "features", "vit", "recon", "patchcore", "coreset", "kmeans", "ivfpq"}));
    EXPECT_EQ(pb::cli::subcommands("models"), (std::vector<std::string>{"list", "fetch", "path"}));
    EXPECT_TRUE(pb::cli::subcommands("evaluate").empty());
}

TEST(CliOptionTable, HelpListsExactlyTheOptionsOfEachCommand) {
    for (const auto& command : commandNames()) {
        const std::string help = pb::cli::commandHelp(command);
        EXPECT_EQ(help.rfind("usage: patchbank-cli " + command, 0), 0u) << help;
        EXPECT_EQ(helpOptions(help), tableOptions(command)) << help;
    }
}

TEST(CliOptionTable, EachCommandAcceptsItsOptionsAndRefusesOthers) {
    for (const auto& command : commandNames()) {
        std::vector<std::string> all;
        for (const auto* o : pb::cli::commandOptions(command)) {
            const auto args = argsFor(*o);
            EXPECT_NO_THROW(CommandLine(command, args)) << command << " --" << o->name;
            all.insert(all.end(), args.begin(), args.end());
        }
        const CommandLine cl(command, all);
        for (const auto* o : pb::cli::commandOptions(command)) {
            EXPECT_TRUE(cl.has(o->name)) << command << " --" << o->name;
            if (o->kind == OptionKind::Flag) EXPECT_TRUE(cl.flag(o->name)) << command << " --" << o->name;
        }
        // Every option of the table that this command does not take is refused, naming both.
        for (const auto& o : pb::cli::optionTable()) {
            if (pb::cli::findOption(command, o.name)) continue;
            try {
                CommandLine(command, argsFor(o));
                ADD_FAILURE() << command << " accepted --" << o.name;
            } catch (const pb::Error& e) {
                EXPECT_NE(std::string(e.what()).find(unknownOptionMessage(o.name, command)), std::string::npos)
                    << e.what();
            }
        }
    }
}

TEST(CliCommandLine, ValuesAreCheckedByKind) {
    auto error = [](const std::string& command, const std::vector<std::string>& args) -> std::string {
        try {
            CommandLine(command, args);
        } catch (const pb::Error& e) {
            return e.what();
        }
        return "(accepted)";
    };
    EXPECT_EQ(error("evaluate", {"--k", "five"}), "option --k expects an integer, got 'five'");
    EXPECT_EQ(error("evaluate", {"--k=2.5"}), "option --k expects an integer, got '2.5'");
    EXPECT_EQ(error("evaluate", {"--smoothing", "x"}), "option --smoothing expects a number, got 'x'");
    EXPECT_EQ(error("bench ivfpq", {"--nprobe", "1,two"}),
              "option --nprobe expects comma-separated integers, got '1,two'");
    EXPECT_EQ(error("evaluate", {"--final-norm=maybe"}),
              "option --final-norm takes no value (or =true / =false), got 'maybe'");
    EXPECT_EQ(error("evaluate", {"--out"}), "option --out needs a value (--out DIR)");
    EXPECT_EQ(error("evaluate", {"--cache", "--no-cache"}), "option --cache needs a value (--cache DIR)");
    EXPECT_EQ(error("sweep", {"--out", "a.csv", "--out", "b.csv"}), "option --out is given twice; 'sweep' takes one");
    EXPECT_EQ(error("sweep", {"stray"}), "unexpected argument 'stray' for 'sweep'; see 'patchbank-cli sweep --help'");
    EXPECT_EQ(error("bank info", {"a.pbbank", "b.pbbank"}),
              "unexpected argument 'b.pbbank' for 'bank info'; see 'patchbank-cli bank info --help'");
    EXPECT_EQ(error("evaluate", {"--fixed-k"}), unknownOptionMessage("fixed-k", "evaluate"));
    EXPECT_EQ(error("bank build", {"--foo", "1"}), unknownOptionMessage("foo", "bank build"));

    // --name=value, --flag=false, several values after --product, repeated --data, negative numbers.
    const CommandLine cl("evaluate", {"--data", "a", "--product", "x", "y", "z", "--data=b", "--k=7", "--quiet=false",
                                      "--no-images", "--layer", "-6", "--smoothing", "1.5"});
    EXPECT_EQ(cl.values("data"), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(cl.values("product"), (std::vector<std::string>{"x", "y", "z"}));
    EXPECT_EQ(cl.intValue("k", 5), 7);
    EXPECT_EQ(cl.intValue("crop", 9), 9);
    EXPECT_EQ(cl.intValue("layer", 0), -6);
    EXPECT_DOUBLE_EQ(cl.doubleValue("smoothing", 0.0), 1.5);
    EXPECT_TRUE(cl.has("quiet"));
    EXPECT_FALSE(cl.flag("quiet"));
    EXPECT_TRUE(cl.flag("no-images"));
    EXPECT_FALSE(cl.flag("shared"));
    EXPECT_TRUE(cl.positional().empty());
    EXPECT_EQ(cl.list("layers", "2,,3"), (std::vector<std::string>{"2", "3"}));
    try {
        cl.require({"data", "out"});
        ADD_FAILURE() << "--out is missing";
    } catch (const pb::Error& e) {
        EXPECT_STREQ(e.what(), "--out DIR is required");
    }
    // Reading an option the table does not give the command is a programming error.
    EXPECT_THROW(cl.has("vectors"), std::logic_error);

    const CommandLine bench("bench ivfpq", {"--nbits", "4,8", "--queries", "100"});
    EXPECT_EQ(bench.intList("nbits"), (std::vector<int>{4, 8}));
    EXPECT_EQ(bench.intList("nprobe", "1,4"), (std::vector<int>{1, 4}));
    const CommandLine add("bank add", {"--bank", "a.pbbank", "one.png", "--out", "b.pbbank", "two.png"});
    EXPECT_EQ(add.positional(), (std::vector<std::string>{"one.png", "two.png"}));
}

TEST(CliCommandLine, ScaleKIsOffUnlessGiven) {
    auto options = [](std::vector<std::string> args) {
        args.insert(args.end(), {"--backbone", "descriptors", "--no-cache"});
        return pb::cli::parseEvaluationOptions(CommandLine("bank score", args));
    };
    const auto plain = options({});
    EXPECT_FALSE(plain.scaleKWithCompression);
    EXPECT_EQ(plain.k, 5);
    EXPECT_EQ(plain.backbone.name, "descriptors");
    EXPECT_TRUE(options({"--scale-k"}).scaleKWithCompression);
    EXPECT_FALSE(options({"--scale-k=false"}).scaleKWithCompression);
    EXPECT_EQ(options({"--k", "3"}).k, 3);
    EXPECT_EQ(pb::cli::parseEvaluationOptions(CommandLine("sweep", {"--no-cache"})).backbone.name,
              pb::cli::kDefaultBackbone);
}

TEST(CliOptions, EveryCommandListsAndAcceptsExactlyItsOptions) {
    for (const auto& command : commandNames()) {
        // Every option the command takes, with a value of its kind, before --help: the parser reads them
        // all before the help is printed.
        std::string arguments = command;
        for (const auto* o : pb::cli::commandOptions(command))
            if (o->name != "help")
                for (const auto& a : argsFor(*o)) arguments += " " + a;
        const auto run = runCli(arguments + " --help");
        EXPECT_EQ(run.exitCode, 0) << arguments << "\n" << run.output;
        EXPECT_EQ(run.output.find("unknown option"), std::string::npos) << run.output;
        EXPECT_EQ(run.output.rfind("usage: patchbank-cli " + command, 0), 0u) << run.output;
        EXPECT_EQ(helpOptions(run.output), tableOptions(command)) << run.output;
    }
}

TEST(CliOptions, OptionsOfOtherCommandsAreRefused) {
    for (const auto& command : commandNames()) {
        const OptionSpec* other = foreignOption(command);
        ASSERT_NE(other, nullptr) << command;
        const auto run = runCli(command + " --" + other->name + " 3");
        EXPECT_EQ(run.exitCode, 1) << run.output;
        EXPECT_NE(run.output.find(unknownOptionMessage(other->name, command)), std::string::npos) << run.output;
    }
    const auto badInteger = runCli("bank build --data d --product p --bank flat --out o --resolution big");
    EXPECT_EQ(badInteger.exitCode, 1);
    EXPECT_NE(badInteger.output.find("option --resolution expects an integer, got 'big'"), std::string::npos)
        << badInteger.output;
}

TEST(CliOptions, TopLevelAndGroupHelpListEveryCommand) {
    const auto run = runCli("--help");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_EQ(run.output, pb::cli::overviewHelp());
    for (const auto& c : pb::cli::commandTable())
        EXPECT_NE(run.output.find("\n  " + c.name + "   "), std::string::npos) << c.name << "\n" << run.output;
    for (const std::string group : {"bank", "bench", "models"}) {
        const auto help = runCli(group + " --help");
        EXPECT_EQ(help.exitCode, 0) << help.output;
        for (const auto& name : pb::cli::subcommands(group))
            EXPECT_NE(help.output.find("\n  " + group + " " + name), std::string::npos) << name << "\n" << help.output;
        EXPECT_EQ(runCli(group).exitCode, 2);  // a group without its command: the help, as a usage error
    }
    const auto unknown = runCli("bank frobnicate");
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_NE(unknown.output.find("unknown bank command 'frobnicate'; use build, info, score or add"),
              std::string::npos)
        << unknown.output;
}
