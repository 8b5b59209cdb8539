#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// What a lesson computed, as typed tables, curves and images (part of the event contract in
// telemetry/events.h, which carries a LessonResult as one event).

namespace distlab::engine {

/// A grey or RGB picture, 8 bits a channel, row by row.
struct Image {
  int width = 0, height = 0, channels = 1;
  std::vector<std::uint8_t> pixels;
};

/// One column of a result table: numbers, or identifiers (method names, defenses).
struct ResultColumn {
  std::string name;
  std::vector<double> numbers;
  std::vector<std::string> texts;  ///< used instead of numbers when not empty
  std::size_t size() const { return texts.empty() ? numbers.size() : texts.size(); }
};

/// A named table of a lesson's result; written to the run folder as `<name>.csv`.
struct ResultTable {
  std::string name;
  std::vector<ResultColumn> columns;
  /// The column of that name, or nullptr.
  const ResultColumn* column(std::string_view columnName) const;
  std::size_t rows() const { return columns.empty() ? 0 : columns.front().size(); }
};

/// A named curve (x against y) of a lesson's result.
struct ResultCurve {
  std::string name;
  std::string xName, yName;  ///< column names of the axes
  std::vector<double> x, y;
};

struct ResultImage {
  std::string name;
  Image image;
};

/// Everything an experiment computed, typed: the window shows it in the lesson's view (or the
/// generic result pane), and the run folder keeps it as CSV and PNG files.
struct LessonResult {
  std::int64_t timeNs = 0;
  std::string lesson;  ///< the experiment
  std::vector<ResultTable> tables;
  std::vector<ResultCurve> curves;
  std::vector<ResultImage> images;
  const ResultTable* table(std::string_view name) const;
};

}  // namespace distlab::engine
