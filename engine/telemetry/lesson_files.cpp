#include "telemetry/lesson_files.h"

#include <charconv>
#include <cmath>

#include "core/png_file.h"

namespace distlab::engine {

Table csvTableOf(const ResultTable& table) {
  Table t;
  for (const auto& c : table.columns) t.header.push_back(c.name);
  for (std::size_t r = 0; r < table.rows(); ++r) {
    std::vector<std::string> row;
    for (const auto& c : table.columns) {
      if (!c.texts.empty()) {
        row.push_back(r < c.texts.size() ? c.texts[r] : "");
        continue;
      }
      const double v = r < c.numbers.size() ? c.numbers[r] : NAN;
      char text[32];
      const char* end = text;
      if (std::isfinite(v)) end = std::to_chars(text, text + sizeof text, v).ptr;
      row.emplace_back(static_cast<const char*>(text), end);
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::vector<std::string> writeLessonFiles(const LessonResult& result, const std::string& dir) {
  std::vector<std::string> written;
  for (const auto& table : result.tables) {
    writeCsvFile(csvTableOf(table), dir + "/" + table.name + ".csv");
    written.push_back(table.name + ".csv");
  }
  for (const auto& image : result.images) {
    const Image& i = image.image;
    writePng(dir + "/" + image.name + ".png", i.width, i.height, i.channels, i.pixels);
    written.push_back(image.name + ".png");
  }
  return written;
}

}  // namespace distlab::engine
