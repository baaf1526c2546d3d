// What the suite tests share: the small demo data set they run tests/data/suites/demo.json on, and a results
// log as a set of rows without their timings (what two runs of the same cells share).
#pragma once
#include <filesystem>
#include <set>
#include <string>

#include "engine/suite/ResultsLog.h"
#include "engine/synth/DemoDatasetGenerator.h"
#include "engine/suite/SuiteRunner.h"

namespace pb::test {

// The demo data set under dir/demo: ten training images per product, four good and six defective tests.
inline std::filesystem::path generateSuiteDemo(const std::filesystem::path& dir) {
    pb::DemoDatasetOptions demo;
    demo.trainPerProduct = 10;
    demo.testGoodPerProduct = 4;
    demo.testDefectPerProduct = 6;
    pb::generateDemoDataset(dir / "demo", demo);
    return dir / "demo";
}

inline std::set<std::string> suiteRows(const std::filesystem::path& log) {
    std::set<std::string> out;
    for (const auto& row : pb::suite::ResultsLog::read(log)) out.insert(pb::suite::withoutTimings(row).dump());
    return out;
}

}  // namespace pb::test
