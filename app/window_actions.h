#pragma once
#include <QCoreApplication>

#include <utility>
#include <vector>

class QAction;
class QMainWindow;
class QMenu;
class QToolBar;

namespace distlab::app {

class Language;

/// The window's menus and toolbar besides File: Lessons, Run (run, pause, step, stop, sweep), View
/// (presentation mode, dark theme, kept across sessions), Language and Help, with their texts in
/// the window's language.
struct WindowActions {
  Q_DECLARE_TR_FUNCTIONS(WindowActions)

 public:
  WindowActions(QMainWindow* window, Language* language);
  void retranslate();

  QMenu *file, *lessons, *runMenu, *view, *languageMenu, *help;
  QToolBar* toolBar;
  QAction *newExperiment, *quit, *run, *pause, *step, *stop, *sweep;
  QAction *presentation, *dark, *english, *chinese, *about;
  /// Each lesson's action and its English title (translated at retranslate()).
  std::vector<std::pair<QAction*, QString>> lessonActions;
};

}  // namespace distlab::app
