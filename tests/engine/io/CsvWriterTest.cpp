// CsvWriter: RFC 4180 quoting, strict column counts, number formatting, atomic save.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "engine/io/AtomicFile.h"
#include "engine/io/CsvWriter.h"
#include "engine/util/Error.h"
#include "tests/engine/TestData.h"

TEST(CsvWriter, QuotesOnlyWhatNeedsQuoting) {
    pb::CsvWriter csv({"name", "note", "value"});
    csv.addRow({"plain", "a,b", "1"});
    csv.addRow({"say \"hi\"", "two\nlines", "cr\rhere"});
    csv.addRow({"", " spaced ", "x"});
    EXPECT_EQ(csv.rows(), 3u);
    EXPECT_EQ(csv.toString(),
              "name,note,value\n"
              "plain,\"a,b\",1\n"
              "\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\n"
              ", spaced ,x\n");
}

TEST(CsvWriter, RejectsRowsWithTheWrongColumnCount) {
    pb::CsvWriter csv({"a", "b"});
    EXPECT_THROW(csv.addRow({"1"}), pb::Error);
    EXPECT_THROW(csv.addRow({"1", "2", "3"}), pb::Error);
    EXPECT_EQ(csv.rows(), 0u);
    csv.addRow({"1", "2"});
    EXPECT_EQ(csv.rows(), 1u);
}

TEST(CsvWriter, FormatsNumbersShortAndFixed) {
    EXPECT_EQ(pb::CsvWriter::number(0.5), "0.5");
    EXPECT_EQ(pb::CsvWriter::number(3.0), "3");
    EXPECT_EQ(pb::CsvWriter::number(-1.25), "-1.25");
    EXPECT_EQ(pb::CsvWriter::number(0.9823456789), "0.982346");
    EXPECT_EQ(pb::CsvWriter::number(0.9823456789, 3), "0.982");
    EXPECT_EQ(pb::CsvWriter::number(1234567.0), "1234567");
    EXPECT_EQ(pb::CsvWriter::number(-1e-9), "0");
    EXPECT_EQ(pb::CsvWriter::number(std::nan("")), "nan");
    EXPECT_EQ(pb::CsvWriter::number(std::numeric_limits<double>::infinity()), "inf");
    EXPECT_EQ(pb::CsvWriter::number(-std::numeric_limits<double>::infinity()), "-inf");
}

TEST(CsvWriter, SavesAtomically) {
    const auto dir = pb::test::scratchDir("csv-writer");
    pb::CsvWriter csv({"k", "v"});
    csv.addRow({"auroc", pb::CsvWriter::number(0.982)});
    csv.save(dir / "sub/results.csv");
    EXPECT_EQ(pb::readFileBytes(dir / "sub/results.csv"), "k,v\nauroc,0.982\n");
}
