// CsvWriter: RFC 4180 quoting, strict column counts, number formatting, atomic save.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "engine/io/AtomicFile.h"
#include "engine/io/CsvWriter.h"
#include "engine/io/TableReader.h"
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

TEST(CsvWriter, NeutralisesFormulasAndKeepsNumbers) {
    pb::CsvWriter csv({"product", "value"});
    csv.addRow({"=HYPERLINK(\"http://x\",\"y\")", "-1.25"});
    csv.addRow({"+cmd|' /C calc'!A0", "+3"});
    csv.addRow({"-2+3", "-inf"});
    csv.addRow({"@SUM(A1:A2)", "1e-5"});
    csv.addRow({"\tlead", "-"});
    csv.addRow({"bottle", "'quoted"});
    EXPECT_EQ(csv.toString(),
              "product,value\n"
              "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-1.25\n"
              "'+cmd|' /C calc'!A0,+3\n"
              "'-2+3,-inf\n"
              "'@SUM(A1:A2),1e-5\n"
              "'\tlead,-\n"
              "bottle,'quoted\n");
    EXPECT_FALSE(pb::CsvWriter::opensFormula("-0.5"));
    EXPECT_TRUE(pb::CsvWriter::opensFormula("-0x10"));
    EXPECT_TRUE(pb::CsvWriter::opensFormula("=1"));
    EXPECT_FALSE(pb::CsvWriter::opensFormula("a=b"));

    // Reading a table back undoes the apostrophe of a neutralised cell, and only of those.
    const auto dir = pb::test::scratchDir("csv-writer-formulas");
    csv.save(dir / "t.csv");
    const pb::ResultTable table = pb::readCsvTable(dir / "t.csv");
    ASSERT_EQ(table.rows.size(), 6u);
    EXPECT_EQ(table.rows[0][0], "=HYPERLINK(\"http://x\",\"y\")");
    EXPECT_EQ(table.rows[1][0], "+cmd|' /C calc'!A0");
    EXPECT_EQ(table.rows[4][1], "-");
    EXPECT_EQ(table.rows[5][1], "'quoted");
    EXPECT_EQ(table.rows[2][1], "-inf");
}
