#include "widgets/figure_text.h"

#include <QLocale>

#include <cmath>

namespace distlab::widgets {

QString figureText(const std::optional<double>& value, int decimals) {
  if (!value || std::isnan(*value)) return QStringLiteral("-");
  return QLocale().toString(*value, 'f', decimals);
}

QString bytesText(const std::optional<double>& value, int decimals) {
  if (!value || std::isnan(*value)) return QStringLiteral("-");
  return QLocale().formattedDataSize(static_cast<qint64>(*value), decimals,
                                     QLocale::DataSizeSIFormat);
}

}  // namespace distlab::widgets
