#pragma once
#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QMenu;
class QPoint;
class QWidget;

namespace distlab::widgets {
class SpecForm;
}

namespace distlab::app {

class RunController;
class ViewTabs;

/// The File menu and the views' right-click menu: open, save and recent experiments; open a
/// finished run's folder; a view as
/// PNG, SVG or PDF; the data behind it as CSV; a report folder. Problems are logged and, unless
/// the window runs unattended, shown in a message box.
class FileActions : public QObject {
  Q_OBJECT

 public:
  struct Window {
    QWidget* parent;
    widgets::SpecForm* form;
    ViewTabs* tabs;
    RunController* run;
    std::function<bool(const QString& path)> openLesson;
    std::function<bool(const QString& dir)> openRun;
    std::function<bool(const QString& dir, const QByteArray& token)> followRun;
    std::function<void(const QString& message)> setStatus;
    std::function<void(const QString& line)> log;
    std::function<QString()> lastExperiment;  ///< the experiment of the run on show
  };
  explicit FileActions(Window window, QObject* parent = nullptr);

  /// Fills the File menu (new, open, recent, save, save as, export view, export report, quit).
  void fillMenu(QMenu* menu, QAction* newAction, QAction* quit);
  void retranslate();
  void setEnabled(bool idle);

  bool saveSpec(const QString& path);
  bool exportCurrentView(const QString& path, int scale = 2);
  bool exportViewData(const QString& tableFile, const QString& path);
  bool exportReport(const QString& dir);
  /// The view's own right-click menu: its picture, the data behind it, the report.
  void showViewMenu(const QPoint& globalPos);
  /// The experiment's file (empty for shipped lessons and new experiments).
  void setSpecPath(const QString& path);
  QAction* reportAction() const { return m_report; }
  /// Puts a spec file or a run (or sweep) folder first in File > Recent (kept with QSettings).
  void rememberRecent(const QString& path);

 private:
  void failed(const QString& title, const QString& error);
  void updateRecentMenu();
  void openDialog();
  /// File > Follow a running cluster: its folder, then its token (from the environment or asked).
  void followDialog();

  Window m_window;
  QString m_specPath;
  QAction *m_open, *m_openRun, *m_followRun, *m_save, *m_saveAs, *m_export, *m_report;
  QMenu* m_recent = nullptr;
};

}  // namespace distlab::app
