#include "app/cli/CommandLine.h"

#include <sstream>
#include <stdexcept>

#include "engine/util/Error.h"

namespace pb::cli {

namespace {

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> items;
    std::stringstream ss(text);
    for (std::string item; std::getline(ss, item, ',');)
        if (!item.empty()) items.push_back(item);
    return items;
}

// The whole text as one number (convert: std::stoi or std::stod), else a pb::Error naming the option.
template <class Convert>
auto parseNumber(const std::string& name, const std::string& text, const char* what, Convert convert) {
    try {
        std::size_t used = 0;
        const auto r = convert(text, &used);
        if (used != text.size()) throw std::invalid_argument(text);
        return r;
    } catch (const std::exception&) {
        throw Error("option --" + name + " expects " + what + ", got '" + text + "'");
    }
}

int parseInt(const std::string& name, const std::string& text) {
    return parseNumber(name, text, "an integer", [](const std::string& t, std::size_t* used) { return std::stoi(t, used); });
}

double parseDouble(const std::string& name, const std::string& text) {
    return parseNumber(name, text, "a number", [](const std::string& t, std::size_t* used) { return std::stod(t, used); });
}

std::vector<int> parseIntList(const std::string& name, const std::string& text) {
    std::vector<int> values;
    for (const auto& item : splitList(text)) {
        try {
            values.push_back(parseInt(name, item));
        } catch (const Error&) {
            throw Error("option --" + name + " expects comma-separated integers, got '" + text + "'");
        }
    }
    if (values.empty()) throw Error("option --" + name + " expects comma-separated integers, got '" + text + "'");
    return values;
}

// A flag given bare or as --flag=true/false, as "true" or "false".
std::string flagText(const std::string& name, const std::string& text) {
    if (text == "1" || text == "true" || text == "yes" || text == "on") return "true";
    if (text == "0" || text == "false" || text == "no" || text == "off") return "false";
    throw Error("option --" + name + " takes no value (or =true / =false), got '" + text + "'");
}

// Checks one value by its option's kind, so that the accessors never see a malformed one.
std::string checked(const OptionSpec& o, const std::string& text) {
    switch (o.kind) {
        case OptionKind::Flag: return flagText(o.name, text);
        case OptionKind::Integer: parseInt(o.name, text); break;
        case OptionKind::Number: parseDouble(o.name, text); break;
        case OptionKind::IntegerList: parseIntList(o.name, text); break;
        case OptionKind::List:
            if (splitList(text).empty()) throw Error("option --" + o.name + " expects a comma-separated list");
            break;
        case OptionKind::Text:
        case OptionKind::Repeatable:
        case OptionKind::Values: break;
    }
    return text;
}

}  // namespace

CommandLine::CommandLine(std::string command, const std::vector<std::string>& args) : command_(std::move(command)) {
    const CommandSpec* spec = findCommand(command_);
    if (!spec) throw std::logic_error("no command '" + command_ + "' in the command table");
    const std::string seeHelp = "; see 'patchbank-cli " + command_ + " --help'";
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.rfind("--", 0) != 0) {
            if (spec->positionals >= 0 && positional_.size() >= static_cast<std::size_t>(spec->positionals))
                throw Error("unexpected argument '" + a + "' for '" + command_ + "'" + seeHelp);
            positional_.push_back(a);
            continue;
        }
        std::string name = a.substr(2);
        std::string inlineValue;
        const auto eq = name.find('=');
        if (eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name.resize(eq);
        }
        const OptionSpec* o = findOption(command_, name);
        if (!o) throw Error("unknown option --" + name + " for '" + command_ + "'" + seeHelp);
        if (options_.count(name) && !o->repeatable())
            throw Error("option --" + name + " is given twice; '" + command_ + "' takes one");
        auto& values = options_[name];
        if (eq != std::string::npos) {
            values.push_back(checked(*o, inlineValue));
        } else if (o->kind == OptionKind::Flag) {
            values.push_back("true");
        } else {
            if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0)
                throw Error("option --" + name + " needs a value (--" + name + " " + o->hint + ")");
            values.push_back(checked(*o, args[++i]));
            // Several values may follow one option: --product a b c
            while (o->kind == OptionKind::Values && i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0)
                values.push_back(args[++i]);
        }
    }
}

const OptionSpec& CommandLine::spec(const std::string& name) const {
    const OptionSpec* o = findOption(command_, name);
    if (!o) throw std::logic_error("'" + command_ + "' reads --" + name + ", which the option table does not give it");
    return *o;
}

bool CommandLine::has(const std::string& name) const {
    spec(name);
    return options_.count(name) > 0;
}

bool CommandLine::flag(const std::string& name) const {
    if (spec(name).kind != OptionKind::Flag) throw std::logic_error("--" + name + " is not a flag");
    return value(name, "false") == "true";
}

std::string CommandLine::value(const std::string& name, const std::string& fallback) const {
    spec(name);
    auto it = options_.find(name);
    return it == options_.end() ? fallback : it->second.back();
}

std::vector<std::string> CommandLine::values(const std::string& name) const {
    spec(name);
    auto it = options_.find(name);
    return it == options_.end() ? std::vector<std::string>{} : it->second;
}

std::vector<std::string> CommandLine::list(const std::string& name, const std::string& fallback) const {
    return splitList(has(name) ? value(name) : fallback);
}

std::vector<int> CommandLine::intList(const std::string& name, const std::string& fallback) const {
    return parseIntList(name, has(name) ? value(name) : fallback);
}

int CommandLine::intValue(const std::string& name, int fallback) const {
    return has(name) ? parseInt(name, value(name)) : fallback;
}

double CommandLine::doubleValue(const std::string& name, double fallback) const {
    return has(name) ? parseDouble(name, value(name)) : fallback;
}

void CommandLine::require(const std::vector<std::string>& names) const {
    for (const auto& name : names)
        if (!has(name)) throw Error("--" + name + " " + spec(name).hint + " is required");
}

}  // namespace pb::cli
