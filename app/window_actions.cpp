#include "app/window_actions.h"

#include <QAction>
#include <QActionGroup>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStyle>
#include <QToolBar>

#include "app/language.h"
#include "app/lessons.h"

namespace distlab::app {

WindowActions::WindowActions(QMainWindow* window, Language* language) {
  const auto icon = [window](QStyle::StandardPixmap p) { return window->style()->standardIcon(p); };
  newExperiment = new QAction(window);
  newExperiment->setShortcut(QKeySequence::New);
  quit = new QAction(window);
  quit->setShortcut(QKeySequence::Quit);
  QObject::connect(quit, &QAction::triggered, window, &QWidget::close);
  run = new QAction(icon(QStyle::SP_MediaPlay), QString(), window);
  run->setShortcut(Qt::Key_F5);
  stop = new QAction(icon(QStyle::SP_MediaStop), QString(), window);
  stop->setShortcuts({QKeySequence(Qt::Key_Escape), QKeySequence(Qt::SHIFT | Qt::Key_F5)});
  pause = new QAction(icon(QStyle::SP_MediaPause), QString(), window);
  pause->setCheckable(true);
  pause->setShortcut(Qt::Key_F6);
  step = new QAction(icon(QStyle::SP_MediaSkipForward), QString(), window);
  step->setShortcut(Qt::Key_F10);
  sweep = new QAction(window);
  about = new QAction(window);
  QObject::connect(about, &QAction::triggered, window, [window] {
    QMessageBox::about(window, tr("About DistLab"),
                       tr("DistLab: a lab for learning distributed training of "
                                       "neural networks."));
  });
  english = new QAction("English", window);
  chinese = new QAction(QString::fromUtf8("中文"), window);
  auto* languages = new QActionGroup(window);
  for (auto* action : {english, chinese}) {
    action->setCheckable(true);
    languages->addAction(action);
  }
  (language->current() == "zh_CN" ? chinese : english)->setChecked(true);
  QObject::connect(english, &QAction::triggered, window, [language] { language->set("en"); });
  QObject::connect(chinese, &QAction::triggered, window, [this, language] {
    if (!language->set("zh_CN")) english->setChecked(true);
  });

  QMenuBar* bar = window->menuBar();
  file = bar->addMenu(QString());
  lessons = bar->addMenu(QString());
  runMenu = bar->addMenu(QString());
  for (auto* a : {run, pause, step, stop}) runMenu->addAction(a);
  runMenu->addSeparator();
  runMenu->addAction(sweep);
  view = bar->addMenu(QString());
  presentation = view->addAction(QString());
  presentation->setCheckable(true);
  presentation->setShortcut(Qt::Key_F11);
  dark = view->addAction(QString());
  dark->setCheckable(true);
  const QSettings settings;
  presentation->setChecked(settings.value("view/presentation", false).toBool());
  dark->setChecked(settings.value("view/dark", false).toBool());
  languageMenu = bar->addMenu(QString());
  languageMenu->addAction(english);
  languageMenu->addAction(chinese);
  help = bar->addMenu(QString());
  help->addAction(about);
  toolBar = window->addToolBar(QString());
  toolBar->setObjectName("mainToolBar");
  toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  for (auto* a : {run, pause, step, stop}) toolBar->addAction(a);
}

void WindowActions::retranslate() {
  file->setTitle(tr("&File"));
  lessons->setTitle(tr("L&essons"));
  for (const auto& [action, title] : lessonActions) action->setText(translatedLessonText(title));
  runMenu->setTitle(tr("&Run"));
  languageMenu->setTitle(tr("&Language"));
  view->setTitle(tr("&View"));
  presentation->setText(tr("&Presentation mode"));
  presentation->setToolTip(tr("Larger text for a projector (F11)"));
  dark->setText(tr("&Dark theme"));
  help->setTitle(tr("&Help"));
  toolBar->setWindowTitle(tr("Run"));
  newExperiment->setText(tr("&New experiment"));
  quit->setText(tr("&Quit"));
  run->setText(tr("Run"));
  run->setToolTip(tr("Run the current lesson's experiment on real processes (F5)"));
  pause->setText(pause->isChecked() ? tr("Resume") : tr("Pause"));
  pause->setToolTip(tr("Hold every worker before its next step, or let them go on (F6). Pressed "
                       "before Run: the run starts held"));
  step->setText(tr("Step"));
  step->setToolTip(tr(
      "While paused: every worker takes one more step, one round of a synchronous run (F10)"));
  sweep->setText(tr("Parameter &sweep..."));
  sweep->setToolTip(tr("Run the experiment once for every combination of values of one or two "
                       "fields, and chart a final figure against them"));
  stop->setText(tr("Stop"));
  stop->setToolTip(tr("Stop the run and every worker process (Esc)"));
  about->setText(tr("&About DistLab"));
}

}  // namespace distlab::app
