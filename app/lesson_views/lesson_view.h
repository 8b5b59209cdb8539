#pragma once
#include <QCoreApplication>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

#include <memory>
#include <vector>

#include "telemetry/events.h"

class QWidget;

namespace distlab::app {

/// A lesson's own view, where the generic result pane is not enough: it shows the typed result
/// of one experiment (LessonResult::lesson) its own way. One class a file in app/lesson_views/,
/// one line in lesson_views.cpp.
class LessonView : public QObject {
  Q_OBJECT

 public:
  using QObject::QObject;
  /// The experiment whose results it shows ("averaging", "aggregation", ...).
  virtual QString lesson() const = 0;
  /// The view's name for --view, the report's files and the CSV menu ("averaging", "privacy").
  virtual QString viewName() const = 0;
  virtual QWidget* widget() const = 0;
  /// The tab's title and tooltip, in the window's language.
  virtual QString title() const = 0;
  virtual QString toolTip() const = 0;
  virtual bool hasData() const = 0;
  virtual void clear() = 0;
  /// A spec of its lesson was opened or is about to run.
  virtual void prepare(const QJsonObject& spec) { (void)spec; }
  /// Shows a result of its experiment; returns the status line to show, in the window's
  /// language.
  virtual QString show(const engine::LessonResult& result) = 0;
  /// Records of the run while it goes (attack progress, captured pushes).
  virtual void onEvents(const std::vector<engine::Event>& batch) { (void)batch; }
  /// The files of the last result in the run folder (tables and pictures), for export.
  QStringList files() const { return m_files; }

 signals:
  /// The view wants its lesson run with this spec (the privacy view's Attack button).
  void runRequested(const QJsonObject& spec);
  /// A line for the log, in the window's language.
  void logLine(const QString& line);

 protected:
  /// Remembers which files a result wrote (its tables as CSV, its images as PNG).
  void rememberFiles(const engine::LessonResult& result);

 private:
  QStringList m_files;
};

/// What a lesson view made of one widget shares: the widget, whether it shows data, clearing it.
/// A subclass declares its own tr() context (Q_DECLARE_TR_FUNCTIONS with its class name), the one
/// lupdate files its strings under; without it tr() would look them up under LessonView.
template <class View>
class WidgetLessonView : public LessonView {
 public:
  WidgetLessonView() : m_view(new View) {}
  QWidget* widget() const override { return m_view; }
  bool hasData() const override { return m_view->hasData(); }
  void clear() override { m_view->clear(); }

 protected:
  View* m_view;
};

/// Where a view finds the run it belongs to.
struct LessonViewContext {
  std::function<QString()> runFolder;
  std::function<bool()> running;
  std::function<QJsonObject()> currentSpec;  ///< the Experiment panel's spec
};

/// Every lesson's own view (lesson_views.cpp).
std::vector<std::unique_ptr<LessonView>> makeLessonViews(const LessonViewContext& context);

}  // namespace distlab::app
