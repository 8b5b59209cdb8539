#include "widgets/compression_view.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHeaderView>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace distlab::widgets {
namespace {

QColor colourOf(const QString& encoder) {
  if (encoder == "float32") return QColor(66, 66, 66);
  if (encoder == "fp16") return QColor(21, 101, 192);
  if (encoder == "int8") return QColor(100, 181, 246);
  if (encoder == "topk") return QColor(198, 40, 40);
  if (encoder == "randk") return QColor(239, 108, 0);
  if (encoder == "qsgd") return QColor(46, 125, 50);
  return QColor(106, 27, 154);  // sign
}

QString percentOf(double share) {
  return QString::number(share * 100.0, 'g', share >= 0.01 ? 3 : 2) + "%";
}

}  // namespace

CompressionView::CompressionView(QWidget* parent)
    : QWidget(parent),
      m_chart(new QChart),
      m_bytesAxis(new QLogValueAxis),
      m_accuracyAxis(new QValueAxis),
      m_table(new QTableWidget) {
  m_bytesAxis->setBase(10);
  m_bytesAxis->setLabelFormat("%g");
  m_bytesAxis->setMinorTickCount(-1);
  m_chart->addAxis(m_bytesAxis, Qt::AlignBottom);
  m_chart->addAxis(m_accuracyAxis, Qt::AlignLeft);
  m_chart->legend()->setAlignment(Qt::AlignRight);
  QFont small = m_chart->legend()->font();  // a dozen runs must fit beside the chart
  small.setPointSizeF(small.pointSizeF() * 0.85);
  m_chart->legend()->setFont(small);
  auto* chartView = new QChartView(m_chart);
  chartView->setRenderHint(QPainter::Antialiasing);
  chartView->setMinimumHeight(300);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 4, 8, 4);
  layout->addWidget(chartView, 3);
  layout->addWidget(m_table, 2);
  retranslate();
}

QString CompressionView::runName(const CompressionData::Run& r) {
  QString name;
  if (r.encoder == "float32") name = tr("32-bit floats");
  else if (r.encoder == "fp16") name = tr("16-bit floats");
  else if (r.encoder == "int8") name = tr("8-bit integers");
  else if (r.encoder == "topk") name = tr("top-k %1").arg(percentOf(r.ratio));
  else if (r.encoder == "randk") name = tr("random-k %1").arg(percentOf(r.ratio));
  else if (r.encoder == "qsgd") name = tr("QSGD, %1 levels").arg(r.levels);
  else if (r.encoder == "sign") name = tr("sign, 1 bit");
  else name = r.encoder;
  return r.feedback ? tr("%1 + error feedback").arg(name) : name;
}

void CompressionView::setData(CompressionData data) {
  m_data = std::move(data);
  rebuildChart();
  retranslate();
}

void CompressionView::rebuildChart() {
  m_chart->removeAllSeries();
  double low = INFINITY, high = 0, worst = 1, best = 0;
  std::vector<const CompressionData::Run*> front;
  for (const auto& r : m_data.runs) {
    const double megabytes = std::max(r.bytesPushed / 1e6, 1e-3);
    auto* point = new QScatterSeries;
    point->setColor(colourOf(r.encoder));
    point->setBorderColor(r.feedback ? Qt::black : colourOf(r.encoder));
    point->setMarkerShape(r.feedback ? QScatterSeries::MarkerShapeRectangle
                                     : QScatterSeries::MarkerShapeCircle);
    point->setMarkerSize(11);
    point->append(megabytes, r.accuracy);
    m_chart->addSeries(point);
    low = std::min(low, megabytes);
    high = std::max(high, megabytes);
    worst = std::min(worst, r.accuracy);
    best = std::max(best, r.accuracy);
    if (r.pareto) front.push_back(&r);
  }
  std::sort(front.begin(), front.end(),
            [](const auto* a, const auto* b) { return a->bytesPushed < b->bytesPushed; });
  auto* line = new QLineSeries;
  line->setPen(QPen(QColor(120, 120, 120), 1.5, Qt::DashLine));
  for (const auto* r : front) line->append(std::max(r->bytesPushed / 1e6, 1e-3), r->accuracy);
  m_chart->addSeries(line);
  for (auto* s : m_chart->series()) {
    s->attachAxis(m_bytesAxis);
    s->attachAxis(m_accuracyAxis);
  }
  if (m_data.runs.empty()) {
    m_bytesAxis->setRange(1, 1000);
    m_accuracyAxis->setRange(0, 1);
    return;
  }
  m_bytesAxis->setRange(std::pow(10, std::floor(std::log10(low))),
                        std::pow(10, std::ceil(std::log10(high * 1.01))));
  const double margin = std::max(0.01, (best - worst) * 0.1);
  m_accuracyAxis->setRange(std::max(0.0, worst - margin), std::min(1.0, best + margin));
}

void CompressionView::fillTable() {
  m_table->setColumnCount(6);
  m_table->setHorizontalHeaderLabels({tr("Update sent as"), tr("MB pushed"), tr("Fewer bytes"),
                                      tr("Test accuracy"), tr("Seconds"), tr("On the front")});
  // Fewest bytes first: the table reads along the chart's axis.
  std::vector<const CompressionData::Run*> rows;
  for (const auto& r : m_data.runs) rows.push_back(&r);
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto* a, const auto* b) { return a->bytesPushed < b->bytesPushed; });
  m_table->setRowCount(static_cast<int>(rows.size()));
  for (int i = 0; i < m_table->rowCount(); ++i) {
    const auto& r = *rows[static_cast<std::size_t>(i)];
    const QString cells[] = {
        runName(r), QString::number(r.bytesPushed / 1e6, 'f', 1),
        r.bytesPushed > 0 ? QString::number(r.rawBytes / r.bytesPushed, 'f', 1) + "x" : "–",
        QString::number(r.accuracy * 100.0, 'f', 2) + "%", QString::number(r.seconds, 'f', 1),
        r.pareto ? tr("yes") : QString()};
    for (int c = 0; c < 6; ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      if (c == 0) item->setForeground(colourOf(r.encoder).darker(110));
      m_table->setItem(i, c, item);
    }
  }
}

void CompressionView::retranslate() {
  m_chart->setTitle(tr("Test accuracy against the bytes the workers pushed (dashed: the runs "
                       "nothing beats on both; squares: with error feedback)"));
  m_bytesAxis->setTitleText(tr("MB pushed (log scale)"));
  m_accuracyAxis->setTitleText(tr("test accuracy"));
  const auto series = m_chart->series();
  for (int i = 0; i < series.size() && i < static_cast<int>(m_data.runs.size()); ++i) {
    series[i]->setName(runName(m_data.runs[static_cast<std::size_t>(i)]));
  }
  if (!series.isEmpty() && series.size() == static_cast<int>(m_data.runs.size()) + 1) {
    series.back()->setName(tr("front"));
  }
  fillTable();
}

void CompressionView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace distlab::widgets
