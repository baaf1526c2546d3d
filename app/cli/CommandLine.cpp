#include "app/cli/CommandLine.h"

#include <algorithm>
#include <sstream>

#include "engine/util/Error.h"

namespace pb::cli {

CommandLine::CommandLine(const std::vector<std::string>& args, const std::vector<std::string>& flags) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.rfind("--", 0) != 0) {
            positional_.push_back(a);
            continue;
        }
        std::string name = a.substr(2);
        auto eq = name.find('=');
        if (eq != std::string::npos) {
            options_[name.substr(0, eq)].push_back(name.substr(eq + 1));
        } else if (std::find(flags.begin(), flags.end(), name) != flags.end()) {
            options_[name].push_back("1");
        } else {
            if (i + 1 >= args.size()) throw Error("option --" + name + " needs a value");
            // Several values may follow one option: --product a b c
            options_[name].push_back(args[++i]);
            while (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0 && name == "product")
                options_[name].push_back(args[++i]);
        }
    }
}

bool CommandLine::has(const std::string& name) const { return options_.count(name) > 0; }

std::string CommandLine::value(const std::string& name, const std::string& fallback) const {
    auto it = options_.find(name);
    return it == options_.end() ? fallback : it->second.back();
}

std::vector<std::string> CommandLine::values(const std::string& name) const {
    auto it = options_.find(name);
    return it == options_.end() ? std::vector<std::string>{} : it->second;
}

int CommandLine::intValue(const std::string& name, int fallback) const {
    if (!has(name)) return fallback;
    const std::string v = value(name);
    try {
        std::size_t used = 0;
        int r = std::stoi(v, &used);
        if (used != v.size()) throw std::invalid_argument(v);
        return r;
    } catch (const std::exception&) {
        throw Error("option --" + name + " expects an integer, got '" + v + "'");
    }
}

double CommandLine::doubleValue(const std::string& name, double fallback) const {
    if (!has(name)) return fallback;
    const std::string v = value(name);
    try {
        std::size_t used = 0;
        double r = std::stod(v, &used);
        if (used != v.size()) throw std::invalid_argument(v);
        return r;
    } catch (const std::exception&) {
        throw Error("option --" + name + " expects a number, got '" + v + "'");
    }
}

std::vector<std::string> CommandLine::list(const std::string& name, const std::string& fallback) const {
    std::vector<std::string> items;
    std::stringstream ss(has(name) ? value(name) : fallback);
    for (std::string item; std::getline(ss, item, ',');)
        if (!item.empty()) items.push_back(item);
    return items;
}

void CommandLine::requireOnly(const std::vector<std::string>& known) const {
    for (const auto& [name, _] : options_)
        if (std::find(known.begin(), known.end(), name) == known.end()) throw Error("unknown option --" + name);
}

}  // namespace pb::cli
