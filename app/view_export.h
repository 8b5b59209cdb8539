#pragma once
#include <QString>

class QWidget;

namespace distlab::app {

/// Writes a picture of a view for a report: PNG at `scale` times its size (1 to 4), or SVG / PDF
/// (vector), chosen by the file's extension. On failure returns false and a sentence in *error.
bool exportView(QWidget* view, const QString& path, int scale, QString* error);

}  // namespace distlab::app
