#include "telemetry/metrics_table.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "../test_support.h"

namespace distlab::engine {
namespace {

class MetricsTableTest : public testing::TempDirTest {};

TEST_F(MetricsTableTest, ReadsNumbersAndLeavesOutARowCutShort) {
  std::ofstream(path("metrics.csv")) << "version,epoch,test_accuracy,note\n"
                                        "50,1.5,0.81,x\n"
                                        "100,3.0,0.86,\n"
                                        "150,4.5,0.8";  // the crash came mid-row
  const MetricsTable t = readMetricsTable(path("metrics.csv"));
  ASSERT_EQ(t.columns.size(), 4u);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.column("epoch"), 1);
  EXPECT_EQ(t.column("nope"), -1);
  EXPECT_DOUBLE_EQ(*t.last("test_accuracy"), 0.86);
  EXPECT_DOUBLE_EQ(*t.max("test_accuracy"), 0.86);
  EXPECT_DOUBLE_EQ(*t.max("version"), 100.0);
  EXPECT_TRUE(std::isnan(t.rows[0][3]));  // "x" is not a number
  EXPECT_FALSE(t.last("nope").has_value());
}

TEST_F(MetricsTableTest, AMissingOrEmptyFileIsAnEmptyTable) {
  EXPECT_TRUE(readMetricsTable(path("none.csv")).columns.empty());
  std::ofstream(path("empty.csv")) << "";
  const auto empty = readMetricsTable(path("empty.csv"));
  EXPECT_TRUE(empty.rows.empty());
  EXPECT_FALSE(empty.last("epoch").has_value());
}

TEST(CsvCellTest, QuotesWhatNeedsItAndSplitsItBack) {
  EXPECT_EQ(csvCell("0.05"), "0.05");
  EXPECT_EQ(csvCell("[128,64]"), "\"[128,64]\"");
  EXPECT_EQ(csvCell("say \"hi\""), "\"say \"\"hi\"\"\"");
  const std::string line = csvCell("a,b") + "," + csvCell("c\"d") + ",," + csvCell("e");
  EXPECT_EQ(splitCsvCells(line), (std::vector<std::string>{"a,b", "c\"d", "", "e"}));
}

}  // namespace
}  // namespace distlab::engine
