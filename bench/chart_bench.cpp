// Repaint cost of the training view with large series (issue 4's target: < 16 ms with a
// 1,000,000-point series). Offscreen platform; each iteration redraws the whole chart widget.
// Run: QT_QPA_PLATFORM=offscreen build/bench/distlab_bench_chart --benchmark_repetitions=5
//      --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QImage>
#include <QPainter>

#include <cmath>

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
