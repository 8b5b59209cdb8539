#include "telemetry/metrics_table.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>

namespace distlab::engine {

int MetricsTable::column(const std::string& name) const {
  const auto it = std::find(columns.begin(), columns.end(), name);
  return it == columns.end() ? -1 : static_cast<int>(it - columns.begin());
}

std::optional<double> MetricsTable::last(const std::string& name) const {
  const int c = column(name);
  if (c < 0 || rows.empty()) return std::nullopt;
  return rows.back()[static_cast<std::size_t>(c)];
}

std::optional<double> MetricsTable::max(const std::string& name) const {
  const int c = column(name);
  std::optional<double> best;
  if (c < 0) return best;
  for (const auto& row : rows) {
    const double v = row[static_cast<std::size_t>(c)];
    if (!std::isnan(v) && (!best || v > *best)) best = v;
  }
  return best;
}

std::vector<std::string> splitCsvCells(const std::string& line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cells.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cells.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cells.emplace_back();
    } else if (c != '\r') {
      cells.back() += c;
    }
  }
  return cells;
}

std::string csvCell(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

double parseNumber(std::string_view text) {
  // from_chars, not strtod: a window's process runs in the user's locale, where "0.95" may
  // not be a number.
  double v = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  return !text.empty() && ec == std::errc() && end == text.data() + text.size()
             ? v
             : std::numeric_limits<double>::quiet_NaN();
}

MetricsTable readMetricsTable(const std::string& path) {
  MetricsTable table;
  std::ifstream in(path);
  std::string line;
  if (!std::getline(in, line) || line.empty()) return table;
  table.columns = splitCsvCells(line);
  while (std::getline(in, line)) {
    const auto cells = splitCsvCells(line);
    if (cells.size() != table.columns.size()) continue;  // cut short by a crash
    std::vector<double> row;
    row.reserve(cells.size());
    for (const auto& cell : cells) {
      char* end = nullptr;
      const double v = std::strtod(cell.c_str(), &end);
      row.push_back(
          !cell.empty() && end && *end == '\0' ? v : std::numeric_limits<double>::quiet_NaN());
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace distlab::engine
