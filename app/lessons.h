#pragma once
#include <QByteArray>
#include <QString>

namespace distlab::app {

/// A lesson: an experiment spec plus the title and explanation shown with it.
struct Lesson {
  QByteArray specJson;
  QString title;        ///< from the spec's "name", translated when a translation exists
  QString description;  ///< from the spec's "description", likewise
};

/// Reads a lesson from a spec file (a path or a ":/presets/..." resource). On failure returns
/// false and a sentence saying why in *error.
bool loadLesson(const QString& path, Lesson* lesson, QString* error);

inline constexpr const char* kDefaultLesson = ":/presets/default.json";

}  // namespace distlab::app
