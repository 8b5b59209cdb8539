#pragma once
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace distlab::app {

/// A lesson: an experiment spec plus the title and explanation shown with it.
struct Lesson {
  QByteArray specJson;
  QString name;         ///< the spec's "name", as written (English for shipped lessons)
  QString description;  ///< the spec's "description", as written
};

/// Reads a lesson from a spec file (a path or a ":/presets/..." resource). On failure returns
/// false and a sentence saying why in *error.
bool loadLesson(const QString& path, Lesson* lesson, QString* error);

/// A shipped lesson's title or description in the current language (the build collects every
/// preset's name and description for translation); other text comes back as is.
QString translatedLessonText(const QString& english);

inline constexpr const char* kDefaultLesson = ":/presets/default.json";

/// The lessons of the Lessons menu, in the engine's order (engine/lessons/experiments.cpp), as
/// resource paths.
QStringList shippedLessons();

}  // namespace distlab::app
