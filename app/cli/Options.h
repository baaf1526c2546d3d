// The commands and options of patchbank-cli, each declared once: the parser (CommandLine), every
// command's --help and the top-level command list are all generated from these two tables.
#pragma once
#include <string>
#include <vector>

namespace pb::cli {

// The backbone of every command that extracts features, unless --backbone names another. The demo's
// synthetic images need no pretrained weights, so it defaults to the weights-free descriptors.
inline constexpr const char* kDefaultBackbone = "mobilenetv2_100";
inline constexpr const char* kDemoBackbone = "descriptors";

// How an option's value is read and checked.
enum class OptionKind {
    Flag,  // no value; also "--name=true" / "--name=false"
    Integer,  // one whole number
    Number,  // one real number
    Text,  // one string
    List,  // one comma-separated list: "a,b,c"
    IntegerList,  // one comma-separated list of whole numbers
    Repeatable,  // one string per occurrence; the option may be given several times
    Values,  // repeatable, and several values may follow one occurrence: --product a b c
};

struct OptionSpec {
    std::string name;  // without "--"
    std::string hint;  // what the value is, in the help: "DIR", "N"; empty for a flag
    OptionKind kind = OptionKind::Text;
    std::vector<std::string> commands;  // the commands that take it; "*" = every command
    std::string help;  // its lines, separated by '\n'

    bool takes(const std::string& command) const;
    bool repeatable() const { return kind == OptionKind::Repeatable || kind == OptionKind::Values; }
};

struct CommandSpec {
    std::string name;  // "evaluate", or "bank build" for a command of a group
    std::string summary;  // its line in the command list
    std::string usage;  // without "patchbank-cli "; several forms on several lines
    std::string description;  // the --help's text between the usage and the options; may be empty
    int positionals = 0;  // arguments other than options it takes at most; -1: any number
};

const std::vector<OptionSpec>& optionTable();
const std::vector<CommandSpec>& commandTable();

// nullptr when there is no such command.
const CommandSpec* findCommand(const std::string& name);
// The options `command` takes, in table order.
std::vector<const OptionSpec*> commandOptions(const std::string& command);
// `command`'s option called `name`; nullptr when it takes none of that name.
const OptionSpec* findOption(const std::string& command, const std::string& name);
// The commands of a group ("bank" -> "build", "info", ...), in table order; empty when `group` is none.
std::vector<std::string> subcommands(const std::string& group);

std::string overviewHelp();  // patchbank-cli --help
std::string groupHelp(const std::string& group);  // patchbank-cli bank --help
std::string commandHelp(const std::string& command);  // patchbank-cli bank build --help

}  // namespace pb::cli
