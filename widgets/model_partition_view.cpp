#include "widgets/model_partition_view.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QThread>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <map>

namespace distlab::widgets {
namespace {

const QColor kStageColors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28),
                               QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd),
                               QColor(0xff, 0x7f, 0x0e)};

QString megabytes(double bytes) { return QString::number(bytes / 1e6, 'f', 2); }

QString perStage(const std::vector<double>& bytes) {
  QStringList parts;
  for (double b : bytes) parts << megabytes(b);
  return parts.join(" / ");
}

}  // namespace

ModelPartitionView::ModelPartitionView(QWidget* parent)
    : QWidget(parent),
      m_intro(new QLabel),
      m_bubbleChart(new QChart),
      m_bytesChart(new QChart),
      m_microAxis(new QLogValueAxis),
      m_bubbleAxis(new QValueAxis),
      m_batchAxis(new QLogValueAxis),
      m_bytesAxis(new QLogValueAxis),
      m_summary(new QLabel),
      m_bubbleView(nullptr),
      m_bytesView(nullptr),
      m_diagramTitle(new QLabel),
      m_diagram(new LayoutDiagram) {
  m_intro->setWordWrap(true);
  m_summary->setWordWrap(true);
  m_microAxis->setBase(2);
  m_microAxis->setLabelFormat("%d");
  m_bubbleAxis->setRange(0, 1);
  m_bubbleAxis->setLabelFormat("%.1f");
  m_batchAxis->setBase(4);
  m_batchAxis->setLabelFormat("%d");
  m_bytesAxis->setBase(10);
  m_bytesAxis->setLabelFormat("%.0g");
  m_bubbleChart->addAxis(m_microAxis, Qt::AlignBottom);
  m_bubbleChart->addAxis(m_bubbleAxis, Qt::AlignLeft);
  m_bytesChart->addAxis(m_batchAxis, Qt::AlignBottom);
  m_bytesChart->addAxis(m_bytesAxis, Qt::AlignLeft);
  auto* charts = new QHBoxLayout;
  for (QChart* chart : {m_bubbleChart, m_bytesChart}) {
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto* view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(300);
    charts->addWidget(view, 1);
    (chart == m_bubbleChart ? m_bubbleView : m_bytesView) = view;
  }
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 4, 8, 4);
  layout->addWidget(m_intro);
  layout->addLayout(charts, 1);
  layout->addWidget(m_diagramTitle);
  layout->addWidget(m_diagram);
  layout->addWidget(m_summary);
  setData({});
}

void ModelPartitionView::setData(ModelPartitionData data) {
  m_data = std::move(data);
  rebuildSeries();
  // A tensor or skeleton run has no pipeline to draw: its numbers are in the line below.
  const bool pipeline = !m_data.bubbles.empty() || !m_data.bytes.empty() || !hasData();
  m_bubbleView->setVisible(pipeline);
  m_bytesView->setVisible(pipeline);
  m_intro->setVisible(pipeline);
  m_diagram->setBlocks(m_data.split, m_data.layout);
  m_diagram->setVisible(!m_data.layout.empty());
  m_diagramTitle->setVisible(!m_data.layout.empty());
  m_diagram->setMinimumHeight(pipeline ? 150 : 320);
  retranslate();
}

double ModelPartitionView::crossoverBatch() const {
  // Data parallelism's bytes per example fall as 1/batch; the pipeline's stay: they cross where
  // the two are equal, batch = batch_i * dataParallel_i / pipeline.
  if (m_data.bytes.empty() || m_data.bytes.front().pipeline <= 0) return 0.0;
  const auto& b = m_data.bytes.front();
  return b.batch * b.dataParallel / b.pipeline;
}

void ModelPartitionView::rebuildSeries() {
  m_bubbleChart->removeAllSeries();
  m_bytesChart->removeAllSeries();
  std::map<int, std::vector<ModelPartitionData::Bubble>> byStages;
  for (const auto& b : m_data.bubbles) byStages[b.stages].push_back(b);
  int colour = 0;
  double microMax = 2;
  for (const auto& [stages, points] : byStages) {
    const QColor c = kStageColors[colour++ % std::size(kStageColors)];
    auto* measured = new QLineSeries;
    auto* theory = new QLineSeries;
    measured->setPen(QPen(c, 2.5));
    measured->setPointsVisible(true);
    theory->setPen(QPen(c, 1.5, Qt::DashLine));
    measured->setProperty("stages", stages);
    theory->setProperty("stages", stages);
    for (const auto& p : points) {
      measured->append(p.micro, p.measured);
      theory->append(p.micro, p.theory);
      microMax = std::max(microMax, static_cast<double>(p.micro));
    }
    for (auto* s : {measured, theory}) {
      m_bubbleChart->addSeries(s);
      s->attachAxis(m_microAxis);
      s->attachAxis(m_bubbleAxis);
    }
    // One legend entry per stage count: the title says which line is the theory.
    for (auto* marker : m_bubbleChart->legend()->markers(theory)) marker->setVisible(false);
  }
  m_microAxis->setRange(1, microMax);
  if (m_data.bytes.empty()) return;
  auto* dataParallel = new QLineSeries;
  auto* pipeline = new QLineSeries;
  auto* measured = new QScatterSeries;
  dataParallel->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 2.5));
  pipeline->setPen(QPen(QColor(0xd6, 0x27, 0x28), 2.5));
  measured->setColor(QColor(0xd6, 0x27, 0x28));
  measured->setMarkerSize(11);
  double lo = 1e300, hi = 0, batchMin = 1e300, batchMax = 0;
  for (const auto& b : m_data.bytes) {
    dataParallel->append(b.batch, b.dataParallel);
    pipeline->append(b.batch, b.pipeline);
    if (b.measured > 0) measured->append(b.batch, b.measured);
    lo = std::min({lo, b.dataParallel, b.pipeline});
    hi = std::max({hi, b.dataParallel, b.pipeline});
    batchMin = std::min(batchMin, b.batch);
    batchMax = std::max(batchMax, b.batch);
  }
  for (QXYSeries* s : std::initializer_list<QXYSeries*>{dataParallel, pipeline, measured}) {
    m_bytesChart->addSeries(s);
    s->attachAxis(m_batchAxis);
    s->attachAxis(m_bytesAxis);
  }
  m_batchAxis->setRange(batchMin, batchMax);
  m_bytesAxis->setRange(std::pow(10, std::floor(std::log10(std::max(lo, 1.0)))),
                        std::pow(10, std::ceil(std::log10(std::max(hi, 10.0)))));
}

QString ModelPartitionView::summary() const { return m_summary->text(); }

void ModelPartitionView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void ModelPartitionView::retranslate() {
  m_intro->setText(
      tr("Split by layers, the stages pass intermediate results instead of parameters. With m "
         "micro-batches a pipeline of p stages idles (p-1)/(m+p-1) of the time while it fills "
         "and drains (its bubble); 1F1B holds fewer micro-batches' activations than GPipe."));
  m_bubbleChart->setTitle(tr("Bubble: idle share of the stages (solid: measured, dashed: "
                             "theory)"));
  m_microAxis->setTitleText(tr("Micro-batches m"));
  m_bubbleAxis->setTitleText(tr("Idle share"));
  m_diagramTitle->setText(tr("Who holds which neurons: a column per layer with weights (its "
                            "width below)"));
  m_bytesChart->setTitle(tr("Bytes per example: data parallel 2 x model / batch, pipeline 2 x "
                            "width"));
  m_batchAxis->setTitleText(tr("Batch size"));
  m_bytesAxis->setTitleText(tr("Bytes per example"));
  for (auto* s : m_bubbleChart->series()) {
    const int stages = s->property("stages").toInt();
    s->setName(tr("%1 stages").arg(stages));
  }
  const auto series = m_bytesChart->series();
  if (series.size() == 3) {
    series[0]->setName(tr("data parallel"));
    series[1]->setName(tr("pipeline"));
    series[2]->setName(tr("measured"));
  }
  QStringList lines;
  if (!m_data.gpipeActivationBytes.empty()) {
    lines << tr("Peak activation memory per stage (MB): GPipe %1, 1F1B %2.")
                 .arg(perStage(m_data.gpipeActivationBytes),
                      perStage(m_data.oneFOneBActivationBytes));
  }
  if (const double cross = crossoverBatch(); cross > 0) {
    lines << tr("Per example the pipeline sends less than data parallelism for batches below "
                "%1, more above.")
                 .arg(cross, 0, 'f', 0);
  }
  if (!m_data.bubbles.empty()) {
    lines << tr("Measured on %1 cores: with more stages than cores the stages take turns on the "
                "CPU, which shows as idle time the theory does not have.")
                 .arg(QThread::idealThreadCount());
  }
  if (m_data.tensorUpdateBytes > 0) {
    lines << tr("Split within layers, each process sends %1 MB per update (data parallel: %2 "
                "MB) and holds %3 MB of the model (whole: %4 MB).")
                 .arg(megabytes(m_data.tensorUpdateBytes), megabytes(m_data.dataParallelUpdateBytes),
                      megabytes(m_data.shardModelBytes), megabytes(m_data.wholeModelBytes));
  }
  if (m_data.modelParameters > 0) {
    lines << tr("Random skeleton partition: test accuracy %1% with sub-networks of %2 of the "
                "model's %3 parameters and %4 MB sent to the workers; model averaging of the "
                "whole network: %5% and %6 MB.")
                 .arg(100 * m_data.skeletonAccuracy, 0, 'f', 2)
                 .arg(m_data.skeletonWorkerParameters, 0, 'f', 0)
                 .arg(m_data.modelParameters, 0, 'f', 0)
                 .arg(megabytes(m_data.skeletonBytes))
                 .arg(100 * m_data.averagingAccuracy, 0, 'f', 2)
                 .arg(megabytes(m_data.averagingBytes));
  }
  m_summary->setText(hasData() ? lines.join(' ')
                               : tr("Press Run: the measurements appear here when the lesson "
                                    "ends."));
}

}  // namespace distlab::widgets
