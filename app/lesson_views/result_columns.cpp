#include "app/lesson_views/result_columns.h"

namespace distlab::app {

using namespace distlab::engine;

QImage qtImage(const Image& i) {
  if (i.width <= 0 || i.height <= 0) return {};
  const auto format = i.channels == 3 ? QImage::Format_RGB888 : QImage::Format_Grayscale8;
  return QImage(i.pixels.data(), i.width, i.height, i.width * i.channels, format).copy();
}

widgets::ResultData resultData(const LessonResult& r) {
  widgets::ResultData d;
  d.lesson = QString::fromStdString(r.lesson);
  for (const auto& t : r.tables) {
    widgets::ResultData::Table table{QString::fromStdString(t.name), {}};
    for (const auto& c : t.columns) {
      widgets::ResultData::Column column{QString::fromStdString(c.name), c.numbers, {}};
      for (const auto& s : c.texts) column.texts << QString::fromStdString(s);
      table.columns.push_back(std::move(column));
    }
    d.tables.push_back(std::move(table));
  }
  for (const auto& c : r.curves) {
    d.curves.push_back({QString::fromStdString(c.name), QString::fromStdString(c.xName),
                        QString::fromStdString(c.yName), c.x, c.y});
  }
  for (const auto& i : r.images) d.pictures.push_back({QString::fromStdString(i.name), qtImage(i.image)});
  return d;
}

std::vector<double> numbersOf(const LessonResult& r, const char* table, const char* column) {
  const ResultTable* t = r.table(table);
  const ResultColumn* c = t ? t->column(column) : nullptr;
  return c ? c->numbers : std::vector<double>{};
}

QStringList textsOf(const LessonResult& r, const char* table, const char* column) {
  const ResultTable* t = r.table(table);
  const ResultColumn* c = t ? t->column(column) : nullptr;
  QStringList out;
  if (c) {
    for (const auto& s : c->texts) out << QString::fromStdString(s);
  }
  return out;
}

}  // namespace distlab::app
