#include "app/look.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyle>
#include <QVariant>

namespace distlab::app {

double applyLook(bool presentation, bool dark) {
  QFont font = QApplication::font();
  // The size before any scaling, kept on the application so a second window does not scale twice.
  QVariant baseSize = qApp->property("distlab.baseFontSize");
  if (!baseSize.isValid()) {
    baseSize = font.pointSizeF() > 0 ? font.pointSizeF() : 10.0;
    qApp->setProperty("distlab.baseFontSize", baseSize);
  }
  const double scale = presentation ? 1.6 : 1.0;
  font.setPointSizeF(baseSize.toDouble() * scale);
  QApplication::setFont(font);
  QPalette palette = QApplication::style()->standardPalette();
  if (dark) {
    const QColor window(0x2d, 0x2f, 0x33), base(0x22, 0x24, 0x27), text(0xe8, 0xe8, 0xe8);
    const QColor disabled(0x80, 0x80, 0x80);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xd8));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    for (auto role : {QPalette::Text, QPalette::ButtonText, QPalette::WindowText}) {
      palette.setColor(QPalette::Disabled, role, disabled);
    }
  }
  QApplication::setPalette(palette);
  return scale;
}

}  // namespace distlab::app
