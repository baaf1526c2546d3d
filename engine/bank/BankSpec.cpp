#include "engine/bank/BankSpec.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <vector>

#include "engine/util/Error.h"

namespace pb {

namespace {

const char* kBudgetHelp = "a fraction (0.0625 or 1/16), a vector count (4096) or megabytes (18MB)";

struct KindName {
    BankKind kind;
    const char* name;
};
constexpr KindName kKinds[] = {
    {BankKind::Flat, "flat"},       {BankKind::Random, "random"},
    {BankKind::Coreset, "coreset"}, {BankKind::VwCoreset, "vwcoreset"},
    {BankKind::KMeans, "kmeans"},   {BankKind::KMeansResidual, "kmeans_residual"},
    {BankKind::IvfPq, "ivfpq"},
};

[[noreturn]] void fail(const std::string& spec, const std::string& what) {
    throw Error("bank spec \"" + spec + "\": " + what);
}

// The shortest decimal spelling that reads back as the same double.
std::string shortest(double value) {
    char buffer[64];
    if (value == std::floor(value) && std::abs(value) < 1e15) {
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
        return buffer;
    }
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
        if (std::strtod(buffer, nullptr) == value) break;
    }
    return buffer;
}

bool parseDouble(const std::string& text, double& value) {
    if (text.empty() || std::isspace(static_cast<unsigned char>(text[0]))) return false;
    char* end = nullptr;
    value = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size() && std::isfinite(value);
}

bool allDigits(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::uint64_t parseUnsigned(const std::string& spec, const std::string& key, const std::string& text) {
    if (!allDigits(text) || text.size() > 19) fail(spec, "option " + key + "=" + text + " is not a non-negative integer");
    return std::stoull(text);
}

int parseInt(const std::string& spec, const std::string& key, const std::string& text, int lo, int hi) {
    const std::uint64_t v = parseUnsigned(spec, key, text);
    if (v < static_cast<std::uint64_t>(lo) || v > static_cast<std::uint64_t>(hi))
        fail(spec, "option " + key + "=" + text + " is out of range [" + std::to_string(lo) + ", " +
                       std::to_string(hi) + "]");
    return static_cast<int>(v);
}

BankBudget parseBudget(const std::string& spec, const std::string& text) {
    BankBudget budget;
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    const auto endsWith = [&](const std::string& suffix) {
        return lower.size() > suffix.size() && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (endsWith("mib") || endsWith("mb")) {
        const std::string number = text.substr(0, text.size() - (endsWith("mib") ? 3 : 2));
        double mb = 0;
        if (!parseDouble(number, mb) || mb <= 0) fail(spec, "budget \"" + text + "\" is not a positive number of MB");
        budget.unit = BankBudget::Unit::Megabytes;
        budget.value = mb;
        return budget;
    }
    const auto slash = text.find('/');
    if (slash != std::string::npos) {
        double a = 0, b = 0;
        if (!parseDouble(text.substr(0, slash), a) || !parseDouble(text.substr(slash + 1), b) || a <= 0 || b <= 0 ||
            a > b)
            fail(spec, "budget \"" + text + "\" is not a fraction in (0, 1]");
        budget.unit = BankBudget::Unit::Fraction;
        budget.value = a / b;
        return budget;
    }
    if (allDigits(text)) {
        if (text.size() > 15 || std::stoull(text) == 0) fail(spec, "budget \"" + text + "\" is not a vector count >= 1");
        budget.unit = BankBudget::Unit::Count;
        budget.value = static_cast<double>(std::stoull(text));
        return budget;
    }
    double f = 0;
    if (!parseDouble(text, f)) fail(spec, "budget \"" + text + "\" is not " + kBudgetHelp);
    if (f <= 0 || f > 1) fail(spec, "budget fraction \"" + text + "\" is not in (0, 1]");
    budget.unit = BankBudget::Unit::Fraction;
    budget.value = f;
    return budget;
}

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const auto pos = text.find(sep, start);
        parts.push_back(text.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
        if (pos == std::string::npos) break;
        start = pos + 1;
    }
    return parts;
}

}  // namespace

std::size_t BankBudget::resolve(std::size_t sourceCount, int dim) const {
    if (sourceCount == 0) return 0;
    double count = static_cast<double>(sourceCount);
    switch (unit) {
    case Unit::All: break;
    case Unit::Fraction: count = std::floor(value * static_cast<double>(sourceCount) + 1e-9); break;
    case Unit::Count: count = value; break;
    case Unit::Megabytes:
        if (dim < 1) throw Error("bank budget " + toString() + ": the dimension must be known");
        count = std::floor(value * 1024.0 * 1024.0 / (4.0 * dim));
        break;
    }
    count = std::max(1.0, std::min(count, static_cast<double>(sourceCount)));
    return static_cast<std::size_t>(count);
}

std::string BankBudget::toString() const {
    switch (unit) {
    case Unit::All: return {};
    case Unit::Fraction: {
        // "1" would read back as a count of one vector: a whole fraction keeps its decimal point.
        const std::string text = shortest(value);
        return text.find_first_not_of("0123456789") == std::string::npos ? text + ".0" : text;
    }
    case Unit::Count: return shortest(value);
    case Unit::Megabytes: return shortest(value) + "MB";
    }
    return {};
}

std::string bankKindName(BankKind kind) {
    for (const auto& k : kKinds)
        if (k.kind == kind) return k.name;
    throw Error("unknown bank kind " + std::to_string(static_cast<int>(kind)));
}

std::string BankSpec::toString() const {
    std::string s = bankKindName(kind);
    if (kind == BankKind::IvfPq)
        return s + ":nlist=" + std::to_string(nlist) + ",m=" + std::to_string(m) + ",nbits=" + std::to_string(nbits) +
               ",nprobe=" + std::to_string(nprobe);
    if (kind == BankKind::Flat) return s;
    s += ":" + budget.toString();
    if (seed != 0) s += ",seed=" + std::to_string(seed);
    if ((kind == BankKind::Coreset || kind == BankKind::VwCoreset) && projection != 128)
        s += ",proj=" + std::to_string(projection);
    if (kind == BankKind::VwCoreset && alpha != 1.0) s += ",alpha=" + shortest(alpha);
    if ((kind == BankKind::KMeans || kind == BankKind::KMeansResidual) && iterations != 25)
        s += ",iter=" + std::to_string(iterations);
    return s;
}

BankSpec parseBankSpec(const std::string& text) {
    BankSpec spec;
    const auto colon = text.find(':');
    const std::string kindText = text.substr(0, colon);
    bool known = false;
    for (const auto& k : kKinds)
        if (kindText == k.name) {
            spec.kind = k.kind;
            known = true;
        }
    if (!known) {
        std::string names;
        for (const auto& k : kKinds) names += (names.empty() ? "" : ", ") + std::string(k.name);
        fail(text, "unknown bank kind \"" + kindText + "\" (known: " + names + ")");
    }
    std::vector<std::string> items;
    if (colon != std::string::npos) {
        items = split(text.substr(colon + 1), ',');
        for (const auto& item : items)
            if (item.empty()) fail(text, "empty item between commas");
    }
    const bool budgeted = spec.kind != BankKind::Flat && spec.kind != BankKind::IvfPq;
    std::size_t first = 0;
    if (budgeted) {
        if (items.empty() || items[0].find('=') != std::string::npos)
            fail(text, bankKindName(spec.kind) + " needs a budget first: " + kBudgetHelp);
        spec.budget = parseBudget(text, items[0]);
        first = 1;
    }
    std::vector<std::string> seen;
    for (std::size_t i = first; i < items.size(); ++i) {
        const auto eq = items[i].find('=');
        if (eq == std::string::npos) fail(text, "\"" + items[i] + "\" is not a key=value option");
        const std::string key = items[i].substr(0, eq);
        const std::string value = items[i].substr(eq + 1);
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) fail(text, "option " + key + " given twice");
        seen.push_back(key);
        const BankKind kind = spec.kind;
        const bool sampled = kind == BankKind::Random || kind == BankKind::Coreset || kind == BankKind::VwCoreset ||
                             kind == BankKind::KMeans || kind == BankKind::KMeansResidual;
        const bool torchCompressor = kind == BankKind::Coreset || kind == BankKind::VwCoreset ||
                                     kind == BankKind::KMeans || kind == BankKind::KMeansResidual;
        if (key == "seed" && sampled) {
            spec.seed = parseUnsigned(text, key, value);
        } else if (key == "proj" && (kind == BankKind::Coreset || kind == BankKind::VwCoreset)) {
            spec.projection = parseInt(text, key, value, 0, 1 << 20);
        } else if (key == "alpha" && kind == BankKind::VwCoreset) {
            if (!parseDouble(value, spec.alpha) || spec.alpha < 0)
                fail(text, "option alpha=" + value + " is not a non-negative number");
        } else if (key == "iter" && (kind == BankKind::KMeans || kind == BankKind::KMeansResidual)) {
            spec.iterations = parseInt(text, key, value, 0, 100000);
        } else if (key == "device" && torchCompressor) {
            if (value.empty()) fail(text, "option device= is empty");
            spec.device = value;
        } else if (kind == BankKind::IvfPq && key == "nlist") {
            spec.nlist = parseInt(text, key, value, 1, 1 << 24);
        } else if (kind == BankKind::IvfPq && key == "m") {
            spec.m = parseInt(text, key, value, 1, 1 << 16);
        } else if (kind == BankKind::IvfPq && key == "nbits") {
            spec.nbits = parseInt(text, key, value, 1, 16);
        } else if (kind == BankKind::IvfPq && key == "nprobe") {
            spec.nprobe = parseInt(text, key, value, 1, 1 << 24);
        } else {
            fail(text, "unknown option \"" + key + "\" for " + bankKindName(kind));
        }
    }
    if (spec.kind == BankKind::IvfPq && spec.nprobe > spec.nlist)
        fail(text, "nprobe=" + std::to_string(spec.nprobe) + " exceeds nlist=" + std::to_string(spec.nlist));
    return spec;
}

}  // namespace pb
