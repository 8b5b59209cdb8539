#pragma once
#include <QString>
#include <QStringList>

#include <vector>

#include "telemetry/events.h"
#include "widgets/result_pane.h"

namespace distlab::app {

/// A record's picture as a QImage (a copy).
QImage qtImage(const engine::Image& image);
/// Any LessonResult as the generic result pane's values.
widgets::ResultData resultData(const engine::LessonResult& result);

/// A table's numeric column (empty when the table or the column is missing).
std::vector<double> numbersOf(const engine::LessonResult& result, const char* table,
                              const char* column);
/// A table's text column (empty when missing).
QStringList textsOf(const engine::LessonResult& result, const char* table, const char* column);

}  // namespace distlab::app
