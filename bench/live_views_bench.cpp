// Every view of the lab window during a live run of a real cluster (default: 8 workers, one
// straggler). At 30 frames a second all six views are painted (the one on show and the five in
// the other tabs, each as a full offscreen paint), and a 5 ms probe timer measures how late the
// UI thread runs it between frames: that lateness is everything else on the UI thread (decoding
// telemetry, feeding the views, their refreshes, waiting for a core). Prints medians and 99th
// percentiles at the end.
//
//   QT_QPA_PLATFORM=offscreen build/bench/distlab_bench_live [SPEC]
#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "app/language.h"
#include "app/main_window.h"
#include "widgets/data_view.h"
#include "widgets/staleness_view.h"
#include "widgets/timeline_view.h"
#include "widgets/topology_view.h"
#include "widgets/traffic_view.h"
#include "widgets/training_chart.h"

namespace {

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[index];
}

// CPU time of this thread: with the cluster's processes on the same cores, the wall time of a
// paint includes waiting for a core; the CPU time is the paint's own cost.
double threadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  const QString spec = argc > 1 ? argv[1] : DISTLAB_SOURCE_DIR "/bench/specs/live8.json";
  distlab::app::Language language;
  distlab::app::MainWindow window(&language);
  if (!window.openLesson(spec)) return 1;
  window.resize(1360, 860);
  window.show();
  const std::vector<QWidget*> views = {window.chart(),         window.timeline(),
                                       window.dataView(),      window.stalenessView(),
                                       window.trafficView(),   window.topologyView()};
  for (const char* name : {"training", "timeline", "data", "staleness", "traffic", "cluster"}) {
    window.showView(name);  // each laid out at the window's size once
    QCoreApplication::processEvents();
  }
  window.showView("timeline");

  const char* names[] = {"training", "timeline", "data", "staleness", "traffic", "cluster"};
  std::vector<double> frameMs, frameCpuMs, lateMs;
  bool framePainted = false;  // since the last probe: then its lateness is the frame's
  std::vector<std::vector<double>> viewMs(views.size());
  QTimer frame;
  frame.setInterval(33);
  QObject::connect(&frame, &QTimer::timeout, [&] {
    QElapsedTimer t;
    t.start();
    const double cpu0 = threadCpuMs();
    for (std::size_t v = 0; v < views.size(); ++v) {
      QElapsedTimer one;
      one.start();
      views[v]->grab();
      viewMs[v].push_back(static_cast<double>(one.nsecsElapsed()) / 1e6);
    }
    frameMs.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    frameCpuMs.push_back(threadCpuMs() - cpu0);
    framePainted = true;
  });
  QTimer probe;
  probe.setTimerType(Qt::PreciseTimer);
  probe.setInterval(5);
  QElapsedTimer sinceProbe;
  QObject::connect(&probe, &QTimer::timeout, [&] {
    if (sinceProbe.isValid() && !framePainted) {
      lateMs.push_back(std::max(0.0, static_cast<double>(sinceProbe.nsecsElapsed()) / 1e6 - 5.0));
    }
    sinceProbe.restart();
    framePainted = false;
  });
  QElapsedTimer wall;
  QObject::connect(&window, &distlab::app::MainWindow::runEnded, [&] {
    frame.stop();
    probe.stop();
    std::printf("run: %.1f s, %s\n", static_cast<double>(wall.elapsed()) / 1e3,
                qPrintable(window.statusText()));
    std::printf("all six views painted: %zu frames, median %.1f ms, p99 %.1f ms, max %.1f ms\n",
                frameMs.size(), percentile(frameMs, 0.5), percentile(frameMs, 0.99),
                percentile(frameMs, 1.0));
    std::printf("  their CPU time: median %.1f ms, p99 %.1f ms\n", percentile(frameCpuMs, 0.5),
                percentile(frameCpuMs, 0.99));
    for (std::size_t v = 0; v < views.size(); ++v) {
      std::printf("  %-9s median %.1f ms, p99 %.1f ms\n", names[v], percentile(viewMs[v], 0.5),
                  percentile(viewMs[v], 0.99));
    }
    std::printf("UI thread lateness between frames (5 ms probe): median %.1f ms, p99 %.1f ms, max %.1f ms\n",
                percentile(lateMs, 0.5), percentile(lateMs, 0.99), percentile(lateMs, 1.0));
    QApplication::quit();
  });
  wall.start();
  window.run();
  frame.start();
  probe.start();
  return app.exec();
}
