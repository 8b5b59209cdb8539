#pragma once
#include <QRegularExpression>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace distlab::app {

/// An English line the engine writes, and how to say it in the window's language.
struct TextPattern {
  QRegularExpression re;
  std::function<QString(const QRegularExpressionMatch&)> say;
};

/// The sentence of the first pattern that matches the text, or nothing.
inline std::optional<QString> sayByPattern(const QString& text,
                                           const std::vector<TextPattern>& patterns) {
  for (const auto& pattern : patterns) {
    if (const auto m = pattern.re.match(text); m.hasMatch()) return pattern.say(m);
  }
  return std::nullopt;
}

}  // namespace distlab::app
