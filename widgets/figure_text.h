#pragma once
#include <QString>

#include <optional>

namespace distlab::widgets {

/// A measured figure in the window's locale, "-" when there is none (or it is NaN).
QString figureText(const std::optional<double>& value, int decimals);
/// A byte count as "38.6 MB" (SI units), "-" when there is none.
QString bytesText(const std::optional<double>& value, int decimals = 1);

}  // namespace distlab::widgets
