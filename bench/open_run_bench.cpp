// Opening a large finished run in the window (File > Open run): a synthetic run folder of
// SPANS spans on 4 workers and the server (compute, push, pull, wait in turn) and POINTS step
// losses (the chart's metric points), then the time to a drawn window: reading events.jsonl,
// handing the records to every view, and painting the window once. Prints each part and the
// total, medians of ROUNDS.
//
//   QT_QPA_PLATFORM=offscreen build/bench/distlab_bench_open_run [SPANS [POINTS [ROUNDS]]]
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "app/language.h"
#include "app/lessons.h"
#include "app/main_window.h"
#include "telemetry/event_file_reader.h"
#include "telemetry/event_log.h"

namespace {

using namespace distlab::engine;

void writeRun(const QString& dir, long spans, long points) {
  EventLog log((dir + "/events.jsonl").toStdString());
  RunStarted started;
  started.experiment = "cluster";
  started.workers = 4;
  started.parameters = 235146;
  started.sync = "bsp";
  started.partition = "shuffle-split";
  log.append(started);
  const SpanKind kinds[] = {SpanKind::Compute, SpanKind::Push, SpanKind::Pull, SpanKind::Wait};
  const long perPoint = std::max(1L, spans / std::max(1L, points));
  std::int64_t t = 0;
  long lossesWritten = 0;
  for (long i = 0; i < spans; ++i) {
    Span s;
    s.lane = static_cast<int>(i % 5) - 1;  // the server's lane and 4 workers
    s.kind = kinds[(i / 5) % 4];
    s.startNs = t;
    s.endNs = t + 200'000;
    s.step = static_cast<std::uint64_t>(i / 20);
    s.bytes = s.kind == SpanKind::Push || s.kind == SpanKind::Pull ? 940'000 : 0;
    log.append(s);
    t += 50'000;
    if (i % perPoint == 0 && lossesWritten < points) {
      log.append(StepLoss{t, static_cast<int>(lossesWritten % 4),
                          static_cast<std::uint64_t>(lossesWritten / 4),
                          2.0 / (1.0 + static_cast<double>(lossesWritten) * 1e-4)});
      ++lossesWritten;
    }
    if (i % 10'000 == 0) {
      Evaluation e;
      e.timeNs = t;
      e.update = static_cast<std::uint64_t>(i / 20);
      e.epoch = static_cast<double>(i) / static_cast<double>(spans) * 10.0;
      e.elapsedSeconds = static_cast<double>(t) / 1e9;
      e.testLoss = 0.5;
      e.testAccuracy = 0.85;
      log.append(e);
    }
  }
  RunEnded ended;
  ended.timeNs = t;
  log.append(ended);
  log.flush();
  QFile spec(dir + "/spec.json");
  QFile lesson(distlab::app::kDefaultLesson);
  if (spec.open(QIODevice::WriteOnly) && lesson.open(QIODevice::ReadOnly))
    spec.write(lesson.readAll());
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  app.setProperty("distlab.headless", true);
  const long spans = argc > 1 ? std::atol(argv[1]) : 1'000'000;
  const long points = argc > 2 ? std::atol(argv[2]) : 100'000;
  const int rounds = argc > 3 ? std::atoi(argv[3]) : 3;
  QTemporaryDir dir;
  writeRun(dir.path(), spans, points);
  std::printf("run folder: %ld spans, %ld step losses, events.jsonl %.0f MB\n", spans, points,
              static_cast<double>(QFileInfo(dir.filePath("events.jsonl")).size()) / 1e6);
  std::vector<double> readMs, openMs, paintMs, totalMs;
  for (int r = 0; r < rounds; ++r) {
    QElapsedTimer t;
    t.start();
    // The log decoded alone, block by block as the window reads it.
    EventFileReader reader(dir.filePath("events.jsonl").toStdString());
    std::vector<Event> block;
    std::size_t records = 0;
    while (reader.next(block)) records += block.size();
    readMs.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);

    distlab::app::Language language;
    distlab::app::MainWindow window(&language);
    window.openLesson(distlab::app::kDefaultLesson);
    window.resize(1360, 860);
    window.show();
    QCoreApplication::processEvents();
    t.restart();
    if (!window.openRun(dir.path())) return 1;
    openMs.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    QElapsedTimer paint;
    paint.start();
    QCoreApplication::processEvents();
    window.grab();  // the window drawn once, the view on show with it
    paintMs.push_back(static_cast<double>(paint.nsecsElapsed()) / 1e6);
    totalMs.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    std::printf("round %d: %zu records; open %.0f ms, paint %.0f ms, total %.0f ms\n", r + 1,
                records, openMs.back(), paintMs.back(), totalMs.back());
  }
  std::printf(
      "median of %d: decoding events.jsonl alone %.0f ms; openRun %.0f ms; first paint %.0f ms; "
      "to a drawn window %.0f ms\n",
      rounds, median(readMs), median(openMs), median(paintMs), median(totalMs));
  return 0;
}
