#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <unistd.h>

#include <opencv2/imgcodecs.hpp>

#include "engine/dataset/DatasetReader.h"
#include "engine/util/Error.h"
#include "tests/engine/TestData.h"

namespace fs = std::filesystem;

namespace {

// A tiny real image file (the reader never decodes, but the files should be genuine).
void writeImage(const fs::path& p) {
    fs::create_directories(p.parent_path());
    cv::Mat img(8, 8, CV_8UC3, cv::Scalar(10, 20, 30));
    ASSERT_TRUE(cv::imwrite(p.string(), img)) << p;
}

void writeText(const fs::path& p, const std::string& text = "not an image") {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
}

bool hasProblem(const pb::Dataset& ds, const fs::path& file, const std::string& reasonPart) {
    return std::any_of(ds.problems.begin(), ds.problems.end(), [&](const pb::Problem& p) {
        return p.file == file.string() && p.reason.find(reasonPart) != std::string::npos;
    });
}

const pb::Sample& sampleAt(const pb::Dataset& ds, const fs::path& path) {
    auto it = std::find_if(ds.samples.begin(), ds.samples.end(), [&](const pb::Sample& s) { return s.path == path.string(); });
    if (it == ds.samples.end()) throw std::runtime_error("no sample " + path.string());
    return *it;
}

bool sortedByPath(const pb::Dataset& ds) {
    return std::is_sorted(ds.samples.begin(), ds.samples.end(),
                          [](const pb::Sample& a, const pb::Sample& b) { return a.path < b.path; });
}

}  // namespace

TEST(DatasetReader, RecognisesImageExtensionsInAnyCase) {
    for (const char* name : {"a.png", "b.JPG", "c.jpeg", "d.Bmp", "e.tif", "f.TIFF"}) EXPECT_TRUE(pb::isImageFile(name)) << name;
    for (const char* name : {"a.txt", "b.gif", "png", "c.png.bak", "mask"}) EXPECT_FALSE(pb::isImageFile(name)) << name;
}

TEST(DatasetReader, SplitNames) {
    EXPECT_EQ(pb::toString(pb::Split::Train), "train");
    EXPECT_EQ(pb::toString(pb::Split::Validation), "validation");
    EXPECT_EQ(pb::toString(pb::Split::Test), "test");
}

TEST(DatasetReader, ReadsMvtecLayoutWithProblems) {
    const auto root = pb::test::scratchDir("dataset-mvtec");
    writeImage(root / "zipper" / "train" / "good" / "001.png");
    writeImage(root / "zipper" / "train" / "good" / "000.png");
    writeText(root / "zipper" / "train" / "good" / "notes.txt");
    writeText(root / "zipper" / "train" / "good" / ".DS_Store");  // hidden debris: ignored silently
    writeImage(root / "zipper" / "test" / "good" / "000.png");
    writeImage(root / "zipper" / "test" / "crack" / "000.png");
    writeImage(root / "zipper" / "test" / "crack" / "001.png");
    writeImage(root / "zipper" / "ground_truth" / "crack" / "000_mask.png");
    writeImage(root / "bottle" / "train" / "good" / "000.png");
    fs::create_directories(root / "bottle" / "test" / "good");  // empty test split
    writeText(root / "license.txt");

    EXPECT_EQ(pb::detectLayout(root), "mvtec");
    std::vector<pb::Problem> reported;
    pb::Progress progress;
    progress.onProblem = [&](const pb::Problem& p) { reported.push_back(p); };
    std::size_t steps = 0;
    progress.onStep = [&](const std::string&, std::size_t, std::size_t) { ++steps; };
    const pb::Dataset ds = pb::openDataset(root, &progress);

    EXPECT_EQ(ds.layout, "mvtec");
    EXPECT_EQ(ds.root, root.string());
    EXPECT_EQ(ds.products, (std::vector<std::string>{"bottle", "zipper"}));
    ASSERT_EQ(ds.samples.size(), 6u);
    EXPECT_TRUE(sortedByPath(ds));
    EXPECT_EQ(ds.count("zipper", pb::Split::Train), 2u);
    EXPECT_EQ(ds.count("zipper", pb::Split::Test), 3u);
    EXPECT_EQ(ds.count("zipper", pb::Split::Test, 1), 2u);
    EXPECT_EQ(ds.count("zipper", pb::Split::Test, 0), 1u);
    EXPECT_EQ(ds.count("", pb::Split::Train), 3u);
    EXPECT_EQ(ds.count("bottle", pb::Split::Test), 0u);

    const auto train = ds.select("zipper", pb::Split::Train);
    ASSERT_EQ(train.size(), 2u);
    EXPECT_EQ(train[0].path, (root / "zipper" / "train" / "good" / "000.png").string());
    EXPECT_EQ(train[0].defect, "good");
    EXPECT_EQ(train[0].label, 0);
    EXPECT_TRUE(train[0].maskPaths.empty());

    const auto& withMask = sampleAt(ds, root / "zipper" / "test" / "crack" / "000.png");
    EXPECT_EQ(withMask.product, "zipper");
    EXPECT_EQ(withMask.split, pb::Split::Test);
    EXPECT_EQ(withMask.defect, "crack");
    EXPECT_EQ(withMask.label, 1);
    EXPECT_EQ(withMask.maskPaths, (std::vector<std::string>{(root / "zipper" / "ground_truth" / "crack" / "000_mask.png").string()}));
    const auto& noMask = sampleAt(ds, root / "zipper" / "test" / "crack" / "001.png");
    EXPECT_EQ(noMask.label, 1);
    EXPECT_TRUE(noMask.maskPaths.empty());

    EXPECT_TRUE(hasProblem(ds, root / "zipper" / "ground_truth" / "crack" / "001_mask.png", "mask"));
    EXPECT_TRUE(hasProblem(ds, root / "zipper" / "train" / "good" / "notes.txt", "not an image"));
    EXPECT_TRUE(hasProblem(ds, root / "bottle" / "test", "empty split"));
    EXPECT_EQ(ds.problems.size(), 3u);
    EXPECT_EQ(reported.size(), ds.problems.size());
    EXPECT_GT(steps, 0u);
}

TEST(DatasetReader, OpensOneProductFolder) {
    const auto root = pb::test::scratchDir("dataset-mvtec-single");
    writeImage(root / "screw" / "train" / "good" / "000.png");
    writeImage(root / "screw" / "test" / "good" / "000.png");
    writeImage(root / "screw" / "test" / "thread_top" / "000.png");
    writeImage(root / "screw" / "ground_truth" / "thread_top" / "000_mask.png");
    const pb::Dataset ds = pb::openDataset(root / "screw" / "");  // a trailing separator is fine
    EXPECT_EQ(ds.layout, "mvtec");
    EXPECT_EQ(ds.products, (std::vector<std::string>{"screw"}));
    EXPECT_EQ(ds.samples.size(), 3u);
    EXPECT_TRUE(ds.problems.empty());
}

TEST(DatasetReader, ReadsVisaSplitFile) {
    const auto root = pb::test::scratchDir("dataset-visa");
    writeImage(root / "candle" / "Data" / "Images" / "Normal" / "0000.JPG");
    writeImage(root / "candle" / "Data" / "Images" / "Normal" / "0001.JPG");
    writeImage(root / "candle" / "Data" / "Images" / "Normal" / "0002.JPG");
    writeImage(root / "candle" / "Data" / "Images" / "Anomaly" / "0100.JPG");
    writeImage(root / "candle" / "Data" / "Images" / "Anomaly" / "0101.JPG");
    writeImage(root / "candle" / "Data" / "Masks" / "Anomaly" / "0100.png");
    writeImage(root / "pcb1" / "Data" / "Images" / "Normal" / "0000.JPG");
    writeImage(root / "pcb1" / "Data" / "Images" / "Anomaly" / "0100.JPG");
    writeImage(root / "pcb1" / "Data" / "Masks" / "Anomaly" / "0100.png");
    writeText(root / "split_csv" / "1cls.csv",
              "object,split,label,image,mask\r\n"
              "candle,train,normal,candle/Data/Images/Normal/0000.JPG,\r\n"
              "candle,train,normal,candle/Data/Images/Normal/0001.JPG,\r\n"
              "candle,test,normal,candle/Data/Images/Normal/0002.JPG,\r\n"
              "candle,test,anomaly,candle/Data/Images/Anomaly/0100.JPG,candle/Data/Masks/Anomaly/0100.png\r\n"
              "candle,test,anomaly,candle/Data/Images/Anomaly/0101.JPG,candle/Data/Masks/Anomaly/0101.png\r\n"
              "candle,test,normal,candle/Data/Images/Normal/9999.JPG,\r\n"
              "pcb1,train,normal,pcb1/Data/Images/Normal/0000.JPG,\r\n"
              "pcb1,test,anomaly,\"pcb1/Data/Images/Anomaly/0100.JPG\",pcb1/Data/Masks/Anomaly/0100.png\r\n");

    EXPECT_EQ(pb::detectLayout(root), "visa");
    const pb::Dataset ds = pb::openDataset(root);
    EXPECT_EQ(ds.layout, "visa");
    EXPECT_EQ(ds.products, (std::vector<std::string>{"candle", "pcb1"}));
    EXPECT_EQ(ds.samples.size(), 7u);
    EXPECT_TRUE(sortedByPath(ds));
    EXPECT_EQ(ds.count("candle", pb::Split::Train, 0), 2u);
    EXPECT_EQ(ds.count("candle", pb::Split::Test, 0), 1u);
    EXPECT_EQ(ds.count("candle", pb::Split::Test, 1), 2u);
    const auto& anomaly = sampleAt(ds, root / "candle" / "Data" / "Images" / "Anomaly" / "0100.JPG");
    EXPECT_EQ(anomaly.label, 1);
    EXPECT_EQ(anomaly.defect, "anomaly");
    EXPECT_EQ(anomaly.maskPaths, (std::vector<std::string>{(root / "candle" / "Data" / "Masks" / "Anomaly" / "0100.png").string()}));
    const auto& normal = sampleAt(ds, root / "candle" / "Data" / "Images" / "Normal" / "0002.JPG");
    EXPECT_EQ(normal.defect, "good");
    EXPECT_EQ(normal.label, 0);
    EXPECT_TRUE(sampleAt(ds, root / "candle" / "Data" / "Images" / "Anomaly" / "0101.JPG").maskPaths.empty());
    EXPECT_EQ(sampleAt(ds, root / "pcb1" / "Data" / "Images" / "Anomaly" / "0100.JPG").maskPaths.size(), 1u);

    EXPECT_TRUE(hasProblem(ds, root / "candle" / "Data" / "Masks" / "Anomaly" / "0101.png", "missing"));
    EXPECT_TRUE(hasProblem(ds, root / "candle" / "Data" / "Images" / "Normal" / "9999.JPG", "missing"));
    EXPECT_EQ(ds.problems.size(), 2u);

    // One product folder of VisA: the split file one level up, rows of that product only.
    const pb::Dataset one = pb::openDataset(root / "pcb1");
    EXPECT_EQ(one.layout, "visa");
    EXPECT_EQ(one.products, (std::vector<std::string>{"pcb1"}));
    EXPECT_EQ(one.samples.size(), 2u);
}

TEST(DatasetReader, RejectsVisaSplitFileWithoutColumns) {
    const auto root = pb::test::scratchDir("dataset-visa-bad");
    writeText(root / "split_csv" / "1cls.csv", "object,split,image\ncandle,train,a.png\n");
    try {
        pb::openDataset(root);
        FAIL() << "expected pb::Error";
    } catch (const pb::Error& e) {
        EXPECT_EQ(e.file(), (root / "split_csv" / "1cls.csv").string());
        EXPECT_NE(e.reason().find("label"), std::string::npos) << e.reason();
    }
}

TEST(DatasetReader, ReadsBtadLayoutMatchingMasksByStem) {
    const auto root = pb::test::scratchDir("dataset-btad");
    writeImage(root / "01" / "train" / "ok" / "0000.bmp");
    writeImage(root / "01" / "train" / "ok" / "0001.bmp");
    writeImage(root / "01" / "test" / "ok" / "0000.bmp");
    writeImage(root / "01" / "test" / "ko" / "0000.bmp");
    writeImage(root / "01" / "test" / "ko" / "0001.bmp");
    writeImage(root / "01" / "test" / "ko" / "0002.bmp");
    writeImage(root / "01" / "ground_truth" / "ko" / "0000.png");
    writeImage(root / "01" / "ground_truth" / "ko" / "0001.bmp");
    writeImage(root / "03" / "train" / "ok" / "0000.png");
    writeImage(root / "03" / "test" / "ok" / "0000.png");

    EXPECT_EQ(pb::detectLayout(root), "btad");
    const pb::Dataset ds = pb::openDataset(root);
    EXPECT_EQ(ds.layout, "btad");
    EXPECT_EQ(ds.products, (std::vector<std::string>{"01", "03"}));
    EXPECT_EQ(ds.count("01", pb::Split::Train, 0), 2u);
    EXPECT_EQ(ds.count("01", pb::Split::Test, 0), 1u);
    EXPECT_EQ(ds.count("01", pb::Split::Test, 1), 3u);
    EXPECT_EQ(sampleAt(ds, root / "01" / "test" / "ok" / "0000.bmp").defect, "good");
    const auto& ko0 = sampleAt(ds, root / "01" / "test" / "ko" / "0000.bmp");
    EXPECT_EQ(ko0.defect, "ko");
    EXPECT_EQ(ko0.label, 1);
    EXPECT_EQ(ko0.maskPaths, (std::vector<std::string>{(root / "01" / "ground_truth" / "ko" / "0000.png").string()}));
    EXPECT_EQ(sampleAt(ds, root / "01" / "test" / "ko" / "0001.bmp").maskPaths,
              (std::vector<std::string>{(root / "01" / "ground_truth" / "ko" / "0001.bmp").string()}));
    EXPECT_TRUE(sampleAt(ds, root / "01" / "test" / "ko" / "0002.bmp").maskPaths.empty());
    EXPECT_TRUE(hasProblem(ds, root / "01" / "ground_truth" / "ko" / "0002.png", "mask"));
    EXPECT_EQ(ds.problems.size(), 1u);
}

TEST(DatasetReader, ReadsMvtecLocoWithSeveralMasksPerImage) {
    const auto root = pb::test::scratchDir("dataset-loco");
    const auto p = root / "juice_bottle";
    writeImage(p / "train" / "good" / "000.png");
    writeImage(p / "validation" / "good" / "000.png");
    writeImage(p / "test" / "good" / "000.png");
    writeImage(p / "test" / "logical_anomalies" / "000.png");
    writeImage(p / "test" / "logical_anomalies" / "001.png");
    writeImage(p / "test" / "structural_anomalies" / "000.png");
    writeImage(p / "ground_truth" / "logical_anomalies" / "000" / "001.png");
    writeImage(p / "ground_truth" / "logical_anomalies" / "000" / "000.png");
    writeImage(p / "ground_truth" / "structural_anomalies" / "000" / "000.png");

    EXPECT_EQ(pb::detectLayout(root), "mvtec_loco");
    const pb::Dataset ds = pb::openDataset(root);
    EXPECT_EQ(ds.layout, "mvtec_loco");
    EXPECT_EQ(ds.products, (std::vector<std::string>{"juice_bottle"}));
    EXPECT_EQ(ds.count("juice_bottle", pb::Split::Train), 1u);
    EXPECT_EQ(ds.count("juice_bottle", pb::Split::Validation), 1u);
    EXPECT_EQ(ds.count("juice_bottle", pb::Split::Test, 1), 3u);
    const auto& logical = sampleAt(ds, p / "test" / "logical_anomalies" / "000.png");
    EXPECT_EQ(logical.defect, "logical_anomalies");
    EXPECT_EQ(logical.maskPaths, (std::vector<std::string>{(p / "ground_truth" / "logical_anomalies" / "000" / "000.png").string(),
                                                            (p / "ground_truth" / "logical_anomalies" / "000" / "001.png").string()}));
    EXPECT_EQ(sampleAt(ds, p / "test" / "structural_anomalies" / "000.png").maskPaths.size(), 1u);
    EXPECT_TRUE(sampleAt(ds, p / "test" / "logical_anomalies" / "001.png").maskPaths.empty());
    EXPECT_TRUE(hasProblem(ds, p / "ground_truth" / "logical_anomalies" / "001" / "000.png", "mask"));
    EXPECT_EQ(ds.problems.size(), 1u);
}

TEST(DatasetReader, ReadsPlainFolderAsUnlabelledTestImages) {
    const auto root = pb::test::scratchDir("dataset-folder") / "line3";
    writeImage(root / "b.png");
    writeImage(root / "a.jpg");
    writeImage(root / "shift2" / "c.png");
    writeText(root / "readme.md");

    EXPECT_EQ(pb::detectLayout(root), "folder");
    const pb::Dataset ds = pb::openDataset(root);
    EXPECT_EQ(ds.layout, "folder");
    EXPECT_EQ(ds.products, (std::vector<std::string>{"line3"}));
    ASSERT_EQ(ds.samples.size(), 3u);
    EXPECT_TRUE(sortedByPath(ds));
    for (const auto& s : ds.samples) {
        EXPECT_EQ(s.split, pb::Split::Test);
        EXPECT_EQ(s.label, -1);
        EXPECT_EQ(s.product, "line3");
        EXPECT_TRUE(s.maskPaths.empty());
    }
    EXPECT_EQ(ds.samples[2].path, (root / "shift2" / "c.png").string());
    EXPECT_TRUE(hasProblem(ds, root / "readme.md", "not an image"));
    EXPECT_EQ(ds.problems.size(), 1u);
}

TEST(DatasetReader, ThrowsForMissingEmptyOrImagelessFolders) {
    const auto root = pb::test::scratchDir("dataset-errors");
    EXPECT_THROW(pb::detectLayout(root / "absent"), pb::Error);
    EXPECT_THROW(pb::openDataset(root / "absent"), pb::Error);
    EXPECT_THROW(pb::detectLayout(root), pb::Error);  // empty
    writeText(root / "docs" / "a.txt");
    try {
        pb::openDataset(root);
        FAIL() << "expected pb::Error";
    } catch (const pb::Error& e) {
        EXPECT_EQ(e.file(), root.string());
    }
    writeText(root / "file.png", "x");
    EXPECT_THROW(pb::detectLayout(root / "file.png"), pb::Error);  // not a folder
}

TEST(DatasetReader, ReportsUnreadableClassFolder) {
    if (geteuid() == 0) GTEST_SKIP() << "root reads every folder; permissions cannot be tested";
    const auto root = pb::test::scratchDir("dataset-unreadable");
    writeImage(root / "tile" / "train" / "good" / "000.png");
    writeImage(root / "tile" / "test" / "good" / "000.png");
    writeImage(root / "tile" / "test" / "crack" / "000.png");
    fs::permissions(root / "tile" / "test" / "crack", fs::perms::none);
    const pb::Dataset ds = pb::openDataset(root);
    fs::permissions(root / "tile" / "test" / "crack", fs::perms::owner_all);
    EXPECT_EQ(ds.samples.size(), 2u);
    EXPECT_TRUE(hasProblem(ds, root / "tile" / "test" / "crack", "cannot read"));
}

TEST(DatasetReader, ListsMvtecBottle) {
    PB_REQUIRE_SHARED();
    const auto root = pb::test::sharedDir() / "data" / "mvtec_ad";
    const pb::Dataset ds = pb::openDataset(root);
    EXPECT_EQ(ds.layout, "mvtec");
    EXPECT_EQ(ds.products, (std::vector<std::string>{"bottle"}));
    EXPECT_EQ(ds.count("bottle", pb::Split::Train), 209u);
    EXPECT_EQ(ds.count("bottle", pb::Split::Test), 83u);
    EXPECT_EQ(ds.count("bottle", pb::Split::Test, 1), 63u);
    EXPECT_EQ(ds.count("bottle", pb::Split::Test, 0), 20u);
    EXPECT_TRUE(ds.problems.empty()) << ds.problems.front().file << ": " << ds.problems.front().reason;
    for (const auto& s : ds.select("bottle", pb::Split::Test)) {
        if (s.label == 0) continue;
        ASSERT_EQ(s.maskPaths.size(), 1u) << s.path;
        EXPECT_TRUE(fs::exists(s.maskPaths[0])) << s.maskPaths[0];
        EXPECT_EQ(fs::path(s.maskPaths[0]).parent_path().filename(), s.defect);
    }
    EXPECT_EQ(sampleAt(ds, root / "bottle" / "test" / "broken_large" / "000.png").maskPaths[0],
              (root / "bottle" / "ground_truth" / "broken_large" / "000_mask.png").string());
}

TEST(DatasetReader, ListsMagneticTileQuickly) {
    PB_REQUIRE_SHARED();
    const auto root = pb::test::sharedDir() / "data" / "magnetic_tile";
    const auto t0 = std::chrono::steady_clock::now();
    const pb::Dataset ds = pb::openDataset(root);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_EQ(ds.layout, "mvtec");
    EXPECT_EQ(ds.products, (std::vector<std::string>{"magnetic_tile"}));
    EXPECT_EQ(ds.count("magnetic_tile", pb::Split::Train), 762u);
    EXPECT_EQ(ds.count("magnetic_tile", pb::Split::Test), 582u);
    EXPECT_EQ(ds.count("magnetic_tile", pb::Split::Test, 1), 392u);
    EXPECT_TRUE(ds.problems.empty()) << ds.problems.front().file << ": " << ds.problems.front().reason;
    std::size_t withMask = 0;
    for (const auto& s : ds.samples) withMask += s.maskPaths.size();
    EXPECT_EQ(withMask, 392u);
    EXPECT_TRUE(sortedByPath(ds));
    EXPECT_LT(seconds, 2.0) << "listing must not decode images";
}
