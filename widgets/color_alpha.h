#pragma once
#include <QColor>

namespace distlab::widgets {

/// `color` with alpha `alpha` (0-255): a faint copy of a curve's colour, for what stays behind it.
inline QColor withAlpha(QColor color, int alpha) {
  color.setAlpha(alpha);
  return color;
}

}  // namespace distlab::widgets
