// distlab: the lab window. Options: [SPEC.json | RUN_FOLDER...] [--run [--paused]] [--follow DIR]
// [--lang en|zh_CN] [--view NAME] [--screenshot FILE [--screenshot-at SECONDS]] [--report DIR]
#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTimer>

#include <cstdio>

#include "app/language.h"
#include "app/lessons.h"
#include "app/main_window.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName("DistLab");
  QApplication::setApplicationName("DistLab");

  QCommandLineParser parser;
  parser.setApplicationDescription("DistLab: a lab for distributed training of neural networks.");
  parser.addHelpOption();
  parser.addPositionalArgument(
      "spec",
      "Experiment spec (JSON), or run or sweep folders to show (each listed in the Runs "
      "panel, the last one on show, the others drawn on its chart for comparison); "
      "default: the default lesson.",
      "[spec | folder...]");
  const QCommandLineOption runOption("run", "Start training at once.");
  const QCommandLineOption pausedOption(
      "paused",
      "With --run: start the cluster held, every worker waiting before its first step "
      "until Step or Resume (as Pause pressed before Run).");
  const QCommandLineOption langOption("lang", "Language: en or zh_CN.", "code");
  const QCommandLineOption shotOption(
      "screenshot", "Save a picture of the window to FILE when the run ends, then quit.", "file");
  const QCommandLineOption shotAtOption(
      "screenshot-at",
      "With --screenshot: take it this many seconds after the start, while the "
      "run is live, instead of when it ends.",
      "seconds");
  const QCommandLineOption viewOption(
      "view",
      "The view to show: training, timeline, data, staleness, traffic, cluster, averaging, "
      "aggregation, convexity, privacy or results.",
      "name", "training");
  const QCommandLineOption reportOption(
      "report",
      "With --run: when the run ends, write the report folder (every view as PNG and SVG, the "
      "data as CSV, report.html) into DIR, then quit.",
      "dir");
  const QCommandLineOption followOption(
      "follow",
      "Follow the run still going in DIR (started by distlab-engine run or under mpirun), with "
      "the token in DISTLAB_RUN_TOKEN.",
      "dir");
  parser.addOptions({runOption, pausedOption, langOption, shotOption, shotAtOption, viewOption,
                     reportOption, followOption});
  parser.process(app);

  distlab::app::Language language;
  const QString code =
      parser.isSet(langOption)
          ? parser.value(langOption)
          : QSettings().value("language", distlab::app::Language::systemDefault()).toString();
  if (code != "en" && code != "zh_CN") {
    std::fprintf(stderr, "distlab: --lang \"%s\" is not allowed; allowed values: en, zh_CN\n",
                 qPrintable(code));
    return 2;
  }
  language.set(code);

  distlab::app::MainWindow window(&language);
  const QStringList args = parser.positionalArguments();
  // An unattended run (a picture, a report) has nobody to close a message box: it is told on
  // stderr and ends.
  if (parser.isSet(shotOption) || parser.isSet(reportOption)) {
    app.setProperty("distlab.headless", true);
  }
  // Folders are finished runs (or sweeps) to show, with the default lesson in the form until
  // they open.
  QStringList runDirs;
  for (const QString& arg : args) {
    if (QFileInfo(arg).isDir()) runDirs << arg;
  }
  if (!window.openLesson(args.isEmpty() || !runDirs.isEmpty() ? distlab::app::kDefaultLesson
                                                              : args.first())) {
    std::fprintf(stderr, "distlab: %s\n", qPrintable(window.log()->toPlainText().trimmed()));
    return 1;
  }
  if (!window.showView(parser.value(viewOption))) {
    std::fprintf(stderr, "distlab: --view \"%s\" is not allowed; allowed values: %s\n",
                 qPrintable(parser.value(viewOption)), qPrintable(window.viewNames().join(", ")));
    return 2;
  }
  window.show();
  for (const QString& dir : runDirs) {
    if (!window.openRun(dir)) {
      std::fprintf(stderr, "distlab: %s: %s\n", qPrintable(dir), qPrintable(window.statusText()));
      return 1;
    }
  }
  // Several runs: the last on show, the others on its chart for comparison.
  for (qsizetype i = 0; i + 1 < runDirs.size(); ++i) window.compareRun(runDirs[i]);
  if (parser.isSet(followOption) &&
      !window.followRun(parser.value(followOption), qgetenv("DISTLAB_RUN_TOKEN"))) {
    std::fprintf(stderr, "distlab: %s\n", qPrintable(window.statusText()));
    return 1;
  }

  if (parser.isSet(shotOption)) {
    app.setProperty("distlab.headless", true);  // no modal boxes in unattended runs
    const QString file = parser.value(shotOption);
    // The view asked for, even where a result has since brought its lesson's own view forward.
    const QString view = parser.isSet(viewOption) ? parser.value(viewOption) : QString();
    auto save = [&window, file, view] {
      if (!view.isEmpty() && window.showView(view)) QCoreApplication::processEvents();
      const bool ok = window.grab().save(file);
      std::fprintf(stderr, ok ? "saved %s\n" : "could not save %s\n", qPrintable(file));
      QApplication::exit(ok ? 0 : 1);
    };
    if (parser.isSet(shotAtOption)) {
      bool ok = false;
      const double seconds = parser.value(shotAtOption).toDouble(&ok);
      if (!ok || seconds < 0) {
        std::fprintf(stderr,
                     "distlab: --screenshot-at \"%s\" is not allowed; allowed: seconds >= 0\n",
                     qPrintable(parser.value(shotAtOption)));
        return 2;
      }
      QTimer::singleShot(static_cast<int>(seconds * 1000), save);
    } else {
      QObject::connect(&window, &distlab::app::MainWindow::runEnded, &window,
                       [save] { QTimer::singleShot(300, save); });
      // A run of its own or a followed one: when it ends; otherwise once the folders are shown.
      if (!parser.isSet(runOption) && !parser.isSet(followOption)) QTimer::singleShot(500, save);
    }
  }
  if (parser.isSet(reportOption)) {
    if (!parser.isSet(runOption)) {
      std::fprintf(stderr, "distlab: --report needs --run (it reports on the run it starts)\n");
      return 2;
    }
    app.setProperty("distlab.headless", true);
    const QString dir = parser.value(reportOption);
    QObject::connect(&window, &distlab::app::MainWindow::runEnded, &window, [&window, dir] {
      const bool ok = window.exportReport(dir);
      std::fprintf(stderr, ok ? "report in %s\n" : "could not write the report in %s\n",
                   qPrintable(dir));
      QApplication::exit(ok ? 0 : 1);
    });
  }
  if (parser.isSet(pausedOption) && !parser.isSet(runOption)) {
    std::fprintf(stderr, "distlab: --paused goes with --run; it was ignored\n");
  }
  if (parser.isSet(runOption)) {
    if (parser.isSet(pausedOption)) window.setPaused(true);
    // A spec the window refuses starts no run: a --report or a --screenshot at the run's end
    // says why and ends (the picture shows the fields marked) instead of waiting for ever.
    const bool waitsForTheEnd =
        parser.isSet(reportOption) || (parser.isSet(shotOption) && !parser.isSet(shotAtOption));
    const QString shot = parser.isSet(shotOption) ? parser.value(shotOption) : QString();
    QTimer::singleShot(0, &window, [&window, waitsForTheEnd, shot] {
      window.run();
      // An engine that could not start ends the run (runEnded): those handlers say so.
      if (window.isRunning() || !waitsForTheEnd || window.specProblems().isEmpty()) return;
      std::fprintf(stderr, "distlab: %s\n", qPrintable(window.statusText()));
      for (const QString& problem : window.specProblems()) {
        std::fprintf(stderr, "  %s\n", qPrintable(problem));
      }
      QTimer::singleShot(300, &window, [&window, shot] {  // once the marked fields are laid out
        if (!shot.isEmpty()) {
          const bool saved = window.grab().save(shot);
          std::fprintf(stderr, saved ? "saved %s\n" : "could not save %s\n", qPrintable(shot));
        }
        QApplication::exit(1);
      });
    });
  }
  return app.exec();
}
