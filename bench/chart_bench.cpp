// Repaint cost of the training view: with large series (issue 4's target: < 16 ms with a
// 1,000,000-point series) and with a live 8-worker stream (target: frame p99 < 33 ms, memory flat).
// Offscreen platform; each measured frame redraws the whole chart widget.
// Run: QT_QPA_PLATFORM=offscreen build/bench/distlab_bench_chart --benchmark_repetitions=5
//      --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QImage>
#include <QPainter>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <vector>

#include "widgets/timeline_view.h"
#include "widgets/traffic_view.h"
#include "widgets/training_chart.h"

namespace {

using distlab::widgets::TrainingChart;

void fill(TrainingChart& chart, int points) {
  for (int i = 0; i < points; ++i) {
    const double epoch = 10.0 * i / points;
    chart.addWorkerLoss(0, epoch, epoch * 3, 1.0 / (1.0 + epoch) + 0.1 * std::sin(i * 0.37));
  }
  for (int e = 1; e <= 10; ++e) chart.addEvaluation(e, e * 3.0, 0.5 / e, 0.6 / e, 0.8);
}

// Painting the chart as it is (the series were decimated when they were last refreshed).
void BM_RepaintChart(benchmark::State& state) {
  TrainingChart chart;
  chart.resize(1280, 720);
  fill(chart, static_cast<int>(state.range(0)));
  chart.refresh();
  QImage image(chart.size(), QImage::Format_ARGB32_Premultiplied);
  for (auto _ : state) {
    QPainter painter(&image);
    chart.render(&painter);
  }
}

// New data arrived: recompute every curve (EMA smoothing + decimation), then paint.
void BM_RefreshAndRepaintChart(benchmark::State& state) {
  TrainingChart chart;
  chart.resize(1280, 720);
  chart.setSmoothing(0.6);
  fill(chart, static_cast<int>(state.range(0)));
  QImage image(chart.size(), QImage::Format_ARGB32_Premultiplied);
  for (auto _ : state) {
    chart.refresh();
    QPainter painter(&image);
    chart.render(&painter);
  }
}

long residentKb() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

// A live run as the window sees it: 8 workers x 500 loss points a second, one batch and one
// redraw per 33 ms frame, for `seconds` of simulated time (no sleeping: the frames are timed).
// Counters: frame time median and p99 (ms) over the first 60 s, resident memory after 60 s,
// after 250 s (each worker's history reaches its cap of 100,000 points at 200 s) and at the end.
void BM_StreamEightWorkers(benchmark::State& state) {
  const int seconds = static_cast<int>(state.range(0));
  for (auto _ : state) {
    TrainingChart chart;
    chart.resize(1280, 720);
    chart.setSmoothing(0.6);
    QImage image(chart.size(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> frames;
    long rssAt60 = 0, rssAt250 = 0;
    long step = 0;
    const int framesPerSecond = 30;
    for (int frame = 0; frame < seconds * framesPerSecond; ++frame) {
      const double now = static_cast<double>(frame) / framesPerSecond;
      for (int w = 0; w < 8; ++w) {
        for (int k = 0; k < 500 / framesPerSecond + (frame % 3 == 0 ? 2 : 0); ++k) {
          const double epoch = (step + k) / 1000.0;
          chart.addWorkerLoss(w, epoch, now, 1.0 / (1.0 + epoch) + 0.05 * std::sin(k + w));
        }
      }
      step += 500 / framesPerSecond;
      if (frame % framesPerSecond == 0) {
        chart.addEvaluation(step / 1000.0, now, 0.5, 0.55, 0.8);  // one evaluation a second
      }
      // After the first minute only every 10th frame is drawn: the rest of the run is there to
      // show that memory stays flat, not to time more frames.
      if (frame >= 60 * framesPerSecond && frame % 10 != 0) continue;
      const auto start = std::chrono::steady_clock::now();
      chart.refresh();
      QPainter painter(&image);
      chart.render(&painter);
      const double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count();
      if (frame < 60 * framesPerSecond) frames.push_back(ms);
      if (frame == 60 * framesPerSecond - 1) rssAt60 = residentKb();
      if (frame == 250 * framesPerSecond) rssAt250 = residentKb();  // the history cap is full
    }
    std::sort(frames.begin(), frames.end());
    state.counters["frame_median_ms"] = frames[frames.size() / 2];
    state.counters["frame_p99_ms"] = frames[frames.size() * 99 / 100];
    state.counters["rss_60s_MB"] = static_cast<double>(rssAt60) / 1024.0;
    if (rssAt250) state.counters["rss_250s_MB"] = static_cast<double>(rssAt250) / 1024.0;
    state.counters["rss_end_MB"] = static_cast<double>(residentKb()) / 1024.0;
  }
}

// The timeline with 8 workers and 1,000,000 spans, zoomed out to show all of them.
void BM_RepaintTimelineMillionSpans(benchmark::State& state) {
  distlab::widgets::TimelineView view;
  view.resize(1280, 500);
  const int perWorker = 125'000;
  for (int w = 0; w < 8; ++w) {
    std::int64_t t = 0;
    for (int i = 0; i < perWorker; ++i) {
      const std::int64_t d = (i % 4 == 0 ? 600'000 : 150'000) + w * 1000;
      view.addSpan(w, {t, t + d, static_cast<std::uint32_t>(i / 4), 940584,
                       static_cast<std::uint8_t>(i % 4)});
      t += d;
    }
  }
  view.refresh();
  view.showAll();
  QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
  for (auto _ : state) {
    QPainter painter(&image);
    view.render(&painter);
  }
  state.counters["bytes_per_span"] =
      static_cast<double>(view.store().bytesUsed()) / static_cast<double>(view.store().spanCount());
}

// The traffic view after a minute of 8 workers (PUSH up, PARAMS down, heartbeats): one paint.
void BM_RepaintTrafficView(benchmark::State& state) {
  using distlab::widgets::TrafficView;
  TrafficView view;
  view.resize(1300, 700);
  for (int i = 0; i < 60 * 50; ++i) {
    for (int w = 0; w < 8; ++w) {
      const double t = i * 0.02;
      view.add(w, t, TrafficView::Kind::Push, 940'613);
      view.add(w, t, TrafficView::Kind::Params, 940'608);
      if (i % 10 == 0) view.add(w, t, TrafficView::Kind::Heartbeat, 12);
    }
  }
  view.refresh();
  QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
  for (auto _ : state) {
    QPainter painter(&image);
    view.render(&painter);
  }
}

BENCHMARK(BM_RepaintTrafficView)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RepaintTimelineMillionSpans)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StreamEightWorkers)->Arg(60)->Arg(600)->Iterations(1)->Unit(benchmark::kSecond);
BENCHMARK(BM_RepaintChart)->Arg(10'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RefreshAndRepaintChart)->Arg(10'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
