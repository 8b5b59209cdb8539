#pragma once
#include <QObject>
#include <QString>
#include <QStringList>

#include <vector>

class QTabWidget;
class QWidget;

namespace distlab::widgets {
class ResultPane;
}

namespace distlab::app {

class ClusterViews;
class LessonView;

/// The window's views as tabs: the cluster's (training, timeline, data, staleness, traffic,
/// cluster), every lesson's own view, and the generic result pane (results). It knows their
/// names (for --view, the report's files and the CSV menus), their titles in the window's
/// language, and which to show for which lesson.
class ViewTabs : public QObject {
  Q_OBJECT

 public:
  ViewTabs(ClusterViews* cluster, widgets::ResultPane* results, std::vector<LessonView*> lessons,
           QObject* parent = nullptr);

  QTabWidget* widget() const { return m_tabs; }
  /// Every view's name, in tab order.
  const QStringList& names() const { return m_names; }
  QString currentName() const;
  /// Brings a view forward; false for a name that is not a view.
  bool show(const QString& name);
  QWidget* view(const QString& name) const;
  QString title(const QString& name) const;
  /// The lesson of this experiment is open: its own view shows (and comes forward); other
  /// lessons' views stay only while they hold results.
  void showLesson(const QString& experiment);
  /// A result arrived: the result pane shows, and the lesson's view (if any) comes forward.
  void showResult(const QString& experiment, const QStringList& files);
  /// The views a report of a run of this experiment holds: the cluster's, a lesson's own view
  /// only for that lesson's run, and the result pane when the run computed a result.
  QStringList reportViews(const QString& experiment) const;
  /// The files (CSV tables, pictures) behind a view, for export.
  QStringList filesOf(const QString& name) const;
  void retranslate();

 private:
  LessonView* lessonView(const QString& name) const;
  int indexOf(const QString& name) const { return static_cast<int>(m_names.indexOf(name)); }

  QTabWidget* m_tabs;
  widgets::ResultPane* m_results;
  std::vector<LessonView*> m_lessons;
  QStringList m_names;
  QString m_resultLesson;  ///< the experiment of the result on show
  QStringList m_resultFiles;
};

}  // namespace distlab::app
