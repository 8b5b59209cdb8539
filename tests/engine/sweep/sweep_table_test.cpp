#include "sweep/sweep_table.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "../test_support.h"

namespace distlab::engine {
namespace {

class SweepTableTest : public testing::TempDirTest {};

TEST_F(SweepTableTest, WritesEachRunsFinalFiguresAndReadsThemBack) {
  const auto hidden = parseVary("model.hidden=[64],[128,64]");  // a value with a comma
  const auto runs = sweepRuns(nlohmann::json::object(), {hidden}, 2);
  {
    SweepTableWriter writer(path("sweep.csv"), {hidden});
    for (std::size_t i = 0; i < runs.size(); ++i) {
      const std::string folder = path(runs[i].name);
      std::filesystem::create_directories(folder);
      std::ofstream(folder + "/metrics.csv")
          << "version,epoch,test_accuracy,test_loss,bytes_to_server\n"
          << "10,1,0.5,1.0,100\n"
          << "20,2," << 0.8 + 0.01 * static_cast<double>(i) << ",0.4,123456789\n";
      writer.add(i, runs[i], i == 3 ? 1 : 0, folder);  // the last one failed
    }
  }
  const SweepTable table = readSweepTable(path("sweep.csv"));
  EXPECT_EQ(table.fields, (std::vector<std::string>{"model.hidden"}));
  ASSERT_EQ(table.rows.size(), 4u);
  EXPECT_EQ(table.rows[2].values[0], "[128,64]");
  EXPECT_EQ(table.rows[1].repeat, 1);
  EXPECT_EQ(table.rows[3].exitCode, 1);
  EXPECT_EQ(table.rows[3].folder, runs[3].name);
  EXPECT_DOUBLE_EQ(table.rows[2].figures.at("test_accuracy"), 0.82);
  EXPECT_DOUBLE_EQ(table.rows[2].figures.at("bytes_to_server"), 123456789.0);  // not 1.23e+08
  EXPECT_EQ(table.rows[0].figures.count("samples_per_s"), 0u);  // not in that metrics.csv

  // Mean and sample standard deviation over the repeats that finished.
  const auto points = summarizeSweep(table, "test_accuracy");
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(points[0].runs, 2);
  EXPECT_NEAR(points[0].mean, 0.805, 1e-12);
  EXPECT_NEAR(points[0].stddev, std::sqrt(2 * 0.005 * 0.005), 1e-12);
  EXPECT_EQ(points[1].runs, 1);  // its second repeat failed
  EXPECT_NEAR(points[1].mean, 0.82, 1e-12);
  EXPECT_EQ(points[1].stddev, 0.0);
}

TEST_F(SweepTableTest, AFileThatIsNotASweepsTableIsRefusedByName) {
  std::ofstream(path("metrics.csv")) << "version,epoch\n1,2\n";
  EXPECT_NE(testing::errorOf([&] { readSweepTable(path("metrics.csv")); }).find("not a sweep"),
            std::string::npos);
  EXPECT_NE(testing::errorOf([&] { readSweepTable(path("none.csv")); }).find("cannot be read"),
            std::string::npos);
}

}  // namespace
}  // namespace distlab::engine
