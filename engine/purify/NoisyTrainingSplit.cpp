#include "engine/purify/NoisyTrainingSplit.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "engine/util/Error.h"

namespace pb::purify {

std::size_t NoisyTrainingSet::defective() const {
    return static_cast<std::size_t>(std::count_if(train.begin(), train.end(), [](const Sample& s) { return s.label == 1; }));
}

NoisyTrainingSet readNoisyTrainingSplit(const std::filesystem::path& list, const Dataset& dataset,
                                        const std::string& product) {
    std::ifstream in(list);
    if (!in) throw Error("cannot open the training list", list.string());
    std::string line;
    if (!std::getline(in, line) || line.rfind("filename,clsname", 0) != 0)
        throw Error("expected the header 'filename,clsname'", list.string());
    std::map<std::string, const Sample*> byPath;
    for (const auto& s : dataset.samples)
        if (s.product == product) byPath[std::filesystem::path(s.path).lexically_normal().string()] = &s;
    const std::filesystem::path root(dataset.root);
    NoisyTrainingSet out;
    std::set<std::string> listed;
    for (std::size_t row = 2; std::getline(in, line); ++row) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        const auto comma = line.rfind(',');
        if (comma == std::string::npos)
            throw Error("row " + std::to_string(row) + " has no class column", list.string());
        if (line.substr(comma + 1) != product) continue;
        const std::string path = (root / line.substr(0, comma)).lexically_normal().string();
        auto it = byPath.find(path);
        if (it == byPath.end())
            throw Error("row " + std::to_string(row) + ": " + line.substr(0, comma) + " is not an image of '" + product +
                            "' in " + dataset.root,
                        list.string());
        Sample s = *it->second;
        s.split = Split::Train;
        out.train.push_back(std::move(s));
        listed.insert(path);
    }
    if (out.train.empty()) throw Error("no training image of '" + product + "' is listed", list.string());
    for (const auto& s : dataset.select(product, Split::Test)) {
        out.sharedPoolTest.push_back(s);
        if (!listed.count(std::filesystem::path(s.path).lexically_normal().string())) out.test.push_back(s);
    }
    return out;
}

const std::vector<Sample>& NoisyTrainingSet::testSet(const std::string& protocol) const {
    if (protocol == "disjoint") return test;
    if (protocol == "shared") return sharedPoolTest;
    throw Error("the noisy-training protocol is disjoint or shared, not '" + protocol + "'");
}

}  // namespace pb::purify
