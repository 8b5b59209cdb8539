#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace distlab::engine {

/// A run folder's metrics.csv read back: a row per evaluation (cluster runs) or per epoch
/// (`train`), numbers only. The runs panel and a sweep's summary read a run's figures from it.
struct MetricsTable {
  std::vector<std::string> columns;
  std::vector<std::vector<double>> rows;  ///< a cell that is not a number is NaN

  /// The column's index, or -1.
  int column(const std::string& name) const;
  /// The column's value in the last row; nothing when there is no such column or row.
  std::optional<double> last(const std::string& name) const;
  /// The column's largest value over all rows (a best accuracy, say).
  std::optional<double> max(const std::string& name) const;
};

/// Reads PATH; an empty table when the file is missing or has no header (a run that failed
/// before its first evaluation). A row cut short by a crash is left out.
MetricsTable readMetricsTable(const std::string& path);

/// A CSV cell as a number, whatever the process's locale; NaN when it is not one whole.
double parseNumber(std::string_view text);

/// Splits one CSV line into cells, honouring double quotes ("a,b" is one cell, "" a quote).
std::vector<std::string> splitCsvCells(const std::string& line);
/// A cell as CSV writes it: quoted when it holds a comma, a quote or a line break.
std::string csvCell(const std::string& text);

}  // namespace distlab::engine
