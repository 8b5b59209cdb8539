#pragma once
#include <QColor>

namespace distlab::widgets {

/// The ten categorical colours of matplotlib's tab10 (i taken modulo 10), which students know
/// from their own plots: blue, orange, green, red, purple, brown, pink, grey, olive, cyan.
inline QColor tab10(int i) {
  static const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                                  QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
                                  QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                  QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f),
                                  QColor(0xbc, 0xbd, 0x22), QColor(0x17, 0xbe, 0xcf)};
  return colors[((i % 10) + 10) % 10];
}

}  // namespace distlab::widgets
