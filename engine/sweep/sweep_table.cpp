#include "sweep/sweep_table.h"

#include <charconv>
#include <cmath>

#include "core/error.h"
#include "telemetry/metrics_table.h"

namespace distlab::engine {

SweepTableWriter::SweepTableWriter(const std::string& path, const std::vector<SweepAxis>& axes)
    : m_out(path), m_axes(axes) {
  if (!m_out) throw Error("sweep: cannot write " + path);
  m_out << "run";
  for (const auto& a : m_axes) m_out << ',' << csvCell(a.field);
  m_out << ",repeat,seed,exit_code";
  for (const auto& f : sweepFigures()) m_out << ',' << f;
  m_out << ",folder\n" << std::flush;
}

void SweepTableWriter::add(std::size_t index, const SweepRun& run, int exitCode,
                           const std::string& folder) {
  const MetricsTable metrics = readMetricsTable(folder + "/metrics.csv");
  m_out << index + 1;
  for (std::size_t a = 0; a < m_axes.size(); ++a)
    m_out << ',' << csvCell(m_axes[a].texts[run.choice[a]]);
  m_out << ',' << run.repeat << ',' << run.spec.seed << ',' << exitCode;
  for (const auto& f : sweepFigures()) {
    m_out << ',';
    if (const auto v = metrics.last(f); v && !std::isnan(*v)) {
      char text[32];  // the shortest form that reads back as the same double
      m_out.write(text, std::to_chars(text, text + sizeof text, *v).ptr - text);
    }
  }
  m_out << ',' << csvCell(run.name) << '\n' << std::flush;
}

SweepTable readSweepTable(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(path + ": cannot be read");
  std::string line;
  std::getline(in, line);
  const auto header = splitCsvCells(line);
  auto at = [&](const std::string& name) {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return static_cast<int>(i);
    return -1;
  };
  const int repeat = at("repeat"), code = at("exit_code"), folder = at("folder");
  if (header.empty() || header[0] != "run" || repeat < 1 || code < 0 || folder < 0)
    throw Error(path + ": not a sweep's table (its header must start run,FIELD...,repeat)");
  SweepTable table;
  table.fields.assign(header.begin() + 1, header.begin() + repeat);
  while (std::getline(in, line)) {
    const auto cells = splitCsvCells(line);
    if (cells.size() != header.size()) continue;  // cut short
    SweepTable::Row row;
    row.values.assign(cells.begin() + 1, cells.begin() + repeat);
    row.repeat = std::atoi(cells[static_cast<std::size_t>(repeat)].c_str());
    row.exitCode = std::atoi(cells[static_cast<std::size_t>(code)].c_str());
    row.folder = cells[static_cast<std::size_t>(folder)];
    for (const auto& f : sweepFigures()) {
      const int c = at(f);
      if (c < 0 || cells[static_cast<std::size_t>(c)].empty()) continue;
      const double v = parseNumber(cells[static_cast<std::size_t>(c)]);
      if (!std::isnan(v)) row.figures[f] = v;
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::vector<SweepPoint> summarizeSweep(const SweepTable& table, const std::string& figure) {
  std::vector<SweepPoint> points;
  std::vector<std::vector<double>> samples;
  for (const auto& row : table.rows) {
    const auto it = row.figures.find(figure);
    if (row.exitCode != 0 || it == row.figures.end()) continue;
    std::size_t p = 0;
    while (p < points.size() && points[p].values != row.values) ++p;
    if (p == points.size()) {
      points.push_back({row.values, 0.0, 0.0, 0});
      samples.emplace_back();
    }
    samples[p].push_back(it->second);
  }
  for (std::size_t p = 0; p < points.size(); ++p) {
    const auto& xs = samples[p];
    double sum = 0.0;
    for (const double x : xs) sum += x;
    const double mean = sum / static_cast<double>(xs.size());
    double squares = 0.0;
    for (const double x : xs) squares += (x - mean) * (x - mean);
    points[p].mean = mean;
    points[p].stddev =
        xs.size() > 1 ? std::sqrt(squares / static_cast<double>(xs.size() - 1)) : 0.0;
    points[p].runs = static_cast<int>(xs.size());
  }
  return points;
}

}  // namespace distlab::engine
