#include "app/file_actions.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QTabWidget>

#include "app/report_export.h"
#include "app/run_controller.h"
#include "app/view_export.h"
#include "app/view_tabs.h"
#include "comm/handshake.h"
#include "widgets/spec_form.h"

namespace distlab::app {

FileActions::FileActions(Window window, QObject* parent)
    : QObject(parent),
      m_window(std::move(window)),
      m_open(new QAction(this)),
      m_openRun(new QAction(this)),
      m_followRun(new QAction(this)),
      m_save(new QAction(this)),
      m_saveAs(new QAction(this)),
      m_export(new QAction(this)),
      m_report(new QAction(this)) {
  m_open->setShortcut(QKeySequence::Open);
  connect(m_open, &QAction::triggered, this, &FileActions::openDialog);
  m_openRun->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_O);
  connect(m_openRun, &QAction::triggered, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(
        m_window.parent, tr("Open a run folder (holding events.jsonl)"));
    if (!dir.isEmpty()) m_window.openRun(dir);
  });
  connect(m_followRun, &QAction::triggered, this, &FileActions::followDialog);
  m_save->setShortcut(QKeySequence::Save);
  connect(m_save, &QAction::triggered, this, [this] { saveSpec(m_specPath); });
  m_saveAs->setShortcut(QKeySequence::SaveAs);
  connect(m_saveAs, &QAction::triggered, this, [this] { saveSpec(QString()); });
  m_export->setShortcut(Qt::CTRL | Qt::Key_E);
  connect(m_export, &QAction::triggered, this, [this] {
    const QString path = QFileDialog::getSaveFileName(
        m_window.parent, tr("Export view"), QString(),
        tr("PNG picture, 2x (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (!path.isEmpty()) exportCurrentView(path);
  });
  m_report->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_E);
  connect(m_report, &QAction::triggered, this, [this] {
    const QString dir =
        QFileDialog::getExistingDirectory(m_window.parent, tr("Export report into folder"));
    if (!dir.isEmpty()) exportReport(dir);
  });
}

void FileActions::followDialog() {
  const QString dir = QFileDialog::getExistingDirectory(
      m_window.parent, tr("Follow the run whose folder this is (holding events.jsonl)"));
  if (dir.isEmpty()) return;
  // The token the run was started with: this window's environment has it when it was exported
  // for mpirun here; otherwise it is asked for (never shown).
  QByteArray token = qgetenv(engine::kTokenEnvironmentVariable);
  if (token.isEmpty()) {
    bool ok = false;
    const QString typed = QInputDialog::getText(
        m_window.parent, tr("Follow a running cluster"),
        tr("The run's token (%1):").arg(QString::fromLatin1(engine::kTokenEnvironmentVariable)),
        QLineEdit::Password, QString(), &ok);
    if (!ok || typed.isEmpty()) return;
    token = typed.trimmed().toLatin1();
  }
  m_window.followRun(dir, token);
}

void FileActions::fillMenu(QMenu* menu, QAction* newAction, QAction* quit) {
  menu->addAction(newAction);
  menu->addAction(m_open);
  menu->addAction(m_openRun);
  menu->addAction(m_followRun);
  m_recent = menu->addMenu(QString());
  menu->addAction(m_save);
  menu->addAction(m_saveAs);
  menu->addAction(m_export);
  menu->addAction(m_report);
  menu->addSeparator();
  menu->addAction(quit);
  updateRecentMenu();
}

void FileActions::retranslate() {
  m_open->setText(tr("&Open experiment..."));
  m_openRun->setText(tr("Open &run..."));
  m_openRun->setToolTip(
      tr("Show a finished run from its folder: one the window, "
         "distlab-engine run or a sweep wrote"));
  m_followRun->setText(tr("&Follow a running cluster..."));
  m_followRun->setToolTip(
      tr("Watch and steer a run started elsewhere (distlab-engine run, or "
         "mpirun ... distlab-engine mpi) from its folder, with its token"));
  m_save->setText(tr("&Save experiment"));
  m_saveAs->setText(tr("Save experiment &as..."));
  m_export->setText(tr("&Export view..."));
  m_export->setToolTip(tr("Save the view on show as a PNG, SVG or PDF for a report"));
  m_report->setText(tr("Export &report..."));
  m_report->setToolTip(
      tr("Write a folder with every view as PNG and SVG, the data as CSV, "
         "the spec and a report.html"));
  if (m_recent) m_recent->setTitle(tr("Recent experiments and runs"));
  updateRecentMenu();
}

void FileActions::setEnabled(bool idle) {
  m_open->setEnabled(idle);
  m_openRun->setEnabled(idle);
  if (m_recent) m_recent->setEnabled(idle && !m_recent->isEmpty());
}

void FileActions::setSpecPath(const QString& path) {
  m_specPath = path;
  if (!path.isEmpty()) rememberRecent(path);
}

void FileActions::failed(const QString& title, const QString& error) {
  m_window.log(error);
  if (!qApp->property("distlab.headless").toBool()) {
    QMessageBox::warning(m_window.parent, title, error);
  }
}

bool FileActions::saveSpec(const QString& path) {
  QString target = path;
  if (target.isEmpty()) {
    target = QFileDialog::getSaveFileName(m_window.parent, tr("Save experiment"), QString(),
                                          tr("Experiment specs (*.json)"));
    if (target.isEmpty()) return false;
    if (!target.endsWith(".json")) target += ".json";
  }
  // Written next to the target first and renamed over it: a failed save loses nothing.
  QSaveFile file(target);
  const QByteArray json = QJsonDocument(m_window.form->spec()).toJson(QJsonDocument::Indented);
  if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
    failed(tr("Save experiment"), tr("Cannot save %1: %2").arg(target, file.errorString()));
    return false;
  }
  setSpecPath(target);
  m_window.setStatus(tr("Saved %1").arg(QDir::toNativeSeparators(target)));
  return true;
}

bool FileActions::exportCurrentView(const QString& path, int scale) {
  QString error;
  if (!exportView(m_window.tabs->widget()->currentWidget(), path, scale, &error)) {
    failed(tr("Export view"), error);
    return false;
  }
  m_window.setStatus(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
  return true;
}

bool FileActions::exportViewData(const QString& tableFile, const QString& path) {
  QString error;
  const QString folder = m_window.run->runFolder();
  if (!QDir(folder).exists()) {
    error = tr("There is no data yet: run the experiment first.");
  } else if (exportRunTable(folder, tableFile, path, &error)) {
    m_window.setStatus(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
  }
  failed(tr("Export data"), error);
  return false;
}

bool FileActions::exportReport(const QString& dir) {
  const QString runFolder = m_window.run->runFolder();
  if (!QFileInfo::exists(runFolder + "/spec.json")) {
    failed(tr("Export report"), tr("There is nothing to report yet: run the experiment first."));
    return false;
  }
  if (!QDir().mkpath(dir)) {
    failed(tr("Export report"), tr("Cannot create the folder %1").arg(dir));
    return false;
  }
  QApplication::setOverrideCursor(Qt::WaitCursor);
  ViewTabs* tabs = m_window.tabs;
  const QString shown = tabs->currentName();
  const QStringList views = tabs->reportViews(m_window.lastExperiment());
  std::vector<ReportPicture> pictures;
  QString error;
  for (int n = 0; n < views.size() && error.isEmpty(); ++n) {
    // Each view is shown while it is drawn, so its layout has the size of the window's.
    tabs->show(views[n]);
    QCoreApplication::sendPostedEvents();
    m_window.setStatus(tr("Writing the report: %1 (%2 of %3)")
                           .arg(tabs->title(views[n]))
                           .arg(n + 1)
                           .arg(views.size()));
    for (const char* suffix : {".png", ".svg"}) {
      if (error.isEmpty())
        exportView(tabs->view(views[n]), dir + "/" + views[n] + suffix, 2, &error);
    }
    pictures.push_back({views[n], tabs->title(views[n]), tabs->filesOf(views[n])});
  }
  tabs->show(shown);
  if (error.isEmpty()) writeReportFolder(runFolder, dir, pictures, &error);
  QApplication::restoreOverrideCursor();
  if (!error.isEmpty()) {
    failed(tr("Export report"), error);
    return false;
  }
  m_window.setStatus(
      tr("Report written to %1").arg(QDir::toNativeSeparators(dir + "/report.html")));
  return true;
}

void FileActions::showViewMenu(const QPoint& globalPos) {
  QMenu menu(m_window.parent);
  const QString name = m_window.tabs->currentName();
  menu.addAction(tr("Export picture (PNG, SVG or PDF)..."), this, [this, name] {
    const QString path = QFileDialog::getSaveFileName(
        m_window.parent, tr("Export view"), name + ".png",
        tr("PNG picture (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty()) return;
    int scale = 2;
    if (QFileInfo(path).suffix().toLower() == "png") {
      bool ok = false;
      scale = QInputDialog::getInt(m_window.parent, tr("Export view"), tr("Scale (1x to 4x):"), 2,
                                   1, 4, 1, &ok);
      if (!ok) return;
    }
    exportCurrentView(path, scale);
  });
  const bool haveData = QDir(m_window.run->runFolder()).exists();
  for (const QString& table : m_window.tabs->filesOf(name)) {
    const bool picture = table.endsWith(".png");
    const QString text = picture ? tr("Export the picture (%1)...").arg(table)
                                 : tr("Export data as CSV (%1)...").arg(table);
    auto* action = menu.addAction(text, this, [this, table, picture] {
      const QString path =
          QFileDialog::getSaveFileName(m_window.parent, tr("Export data"), table,
                                       picture ? tr("PNG image (*.png)") : tr("CSV table (*.csv)"));
      if (!path.isEmpty()) exportViewData(table, path);
    });
    action->setEnabled(haveData);
    if (!haveData) action->setToolTip(tr("Run the experiment first"));
  }
  if (name == "timeline") {
    auto* trace = menu.addAction(tr("Export as a trace for Perfetto (JSON)..."), this, [this] {
      const QString path = QFileDialog::getSaveFileName(m_window.parent, tr("Export trace"),
                                                        "trace.json", tr("Chrome trace (*.json)"));
      if (path.isEmpty()) return;
      QString error;
      QApplication::setOverrideCursor(Qt::WaitCursor);
      const bool ok = exportRunTrace(m_window.run->runFolder(), path, &error);
      QApplication::restoreOverrideCursor();
      if (!ok) return failed(tr("Export trace"), error);
      m_window.setStatus(tr("Saved %1: open it in ui.perfetto.dev or chrome://tracing")
                             .arg(QDir::toNativeSeparators(path)));
    });
    trace->setEnabled(haveData);
    if (!haveData) trace->setToolTip(tr("Run the experiment first"));
  }
  menu.addSeparator();
  menu.addAction(m_report);
  menu.exec(globalPos);
}

void FileActions::rememberRecent(const QString& path) {
  QSettings settings;
  QStringList recent = settings.value("recentFiles").toStringList();
  recent.removeAll(path);
  recent.prepend(path);
  while (recent.size() > 8) recent.removeLast();
  settings.setValue("recentFiles", recent);
  updateRecentMenu();
}

void FileActions::updateRecentMenu() {
  if (!m_recent) return;
  m_recent->clear();
  for (const QString& path : QSettings().value("recentFiles").toStringList()) {
    if (!QFileInfo::exists(path)) continue;
    const bool folder = QFileInfo(path).isDir();
    auto* action =
        m_recent->addAction(folder ? tr("%1 (run folder)").arg(QFileInfo(path).fileName())
                                   : QFileInfo(path).fileName());
    action->setToolTip(QDir::toNativeSeparators(path));
    connect(action, &QAction::triggered, this, [this, path, folder] {
      if (m_window.run->isRunning()) return;
      if (folder) {
        m_window.openRun(path);
      } else {
        m_window.openLesson(path);
      }
    });
  }
  m_recent->setEnabled(!m_recent->isEmpty());
}

void FileActions::openDialog() {
  const QString path = QFileDialog::getOpenFileName(m_window.parent, tr("Open experiment"),
                                                    QString(), tr("Experiment specs (*.json)"));
  if (!path.isEmpty()) m_window.openLesson(path);
}

}  // namespace distlab::app
