#pragma once
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "sweep/sweep_grid.h"

namespace distlab::engine {

/// The final figures a sweep keeps of each run (metrics.csv's last row), in sweep.csv's order.
inline const std::vector<std::string>& sweepFigures() {
  static const std::vector<std::string> figures = {"test_accuracy", "test_loss",       "elapsed_s",
                                                   "samples_per_s", "bytes_to_server", "version"};
  return figures;
}

/// Writes DIR/sweep.csv a row at a time, flushed, so a sweep cut short keeps what it ran:
/// run, one column per varied field, repeat, seed, exit_code, the figures, folder.
class SweepTableWriter {
 public:
  SweepTableWriter(const std::string& path, const std::vector<SweepAxis>& axes);
  /// The row of run `index` (0-based) whose folder is `folder` (its metrics.csv is read).
  void add(std::size_t index, const SweepRun& run, int exitCode, const std::string& folder);

 private:
  std::ofstream m_out;
  std::vector<SweepAxis> m_axes;
};

/// sweep.csv read back.
struct SweepTable {
  std::vector<std::string> fields;  ///< the varied fields, in grid order
  struct Row {
    std::vector<std::string> values;  ///< one per field, as given to --vary
    int repeat = 0;
    int exitCode = 0;
    std::map<std::string, double> figures;  ///< those present and numeric
    std::string folder;                     ///< relative to the sweep's folder
  };
  std::vector<Row> rows;
};

/// Reads a sweep.csv; throws Error naming the file when it is missing or not a sweep's table.
SweepTable readSweepTable(const std::string& path);

/// One grid point of a sweep over its repeats: the mean of a figure and its sample standard
/// deviation (0 with one repeat), from the runs that finished (exit code 0) and have it.
struct SweepPoint {
  std::vector<std::string> values;
  double mean = 0.0, stddev = 0.0;
  int runs = 0;
};

/// The grid points in the table's order (first seen first), for `figure`; points without any
/// finished run with that figure are left out.
std::vector<SweepPoint> summarizeSweep(const SweepTable& table, const std::string& figure);

}  // namespace distlab::engine
