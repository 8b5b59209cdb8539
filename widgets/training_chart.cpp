#include "widgets/training_chart.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLineSeries>
#include <QPen>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace distlab::widgets {

TrainingChart::TrainingChart(QWidget* parent)
    : QWidget(parent),
      m_chart(new QChart),
      m_trainLoss(new QLineSeries),
      m_testLoss(new QLineSeries),
      m_accuracy(new QLineSeries),
      m_epochAxis(new QValueAxis),
      m_lossAxis(new QValueAxis),
      m_accuracyAxis(new QValueAxis) {
  m_trainLoss->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 2));
  m_testLoss->setPen(QPen(QColor(0xff, 0x7f, 0x0e), 2));
  m_accuracy->setPen(QPen(QColor(0x2c, 0xa0, 0x2c), 2.5));
  for (auto* series : {m_trainLoss, m_testLoss, m_accuracy}) {
    series->setPointsVisible(true);
    m_chart->addSeries(series);
  }
  m_chart->addAxis(m_epochAxis, Qt::AlignBottom);
  m_chart->addAxis(m_lossAxis, Qt::AlignLeft);
  m_chart->addAxis(m_accuracyAxis, Qt::AlignRight);
  for (auto* series : {m_trainLoss, m_testLoss}) {
    series->attachAxis(m_epochAxis);
    series->attachAxis(m_lossAxis);
  }
  m_accuracy->attachAxis(m_epochAxis);
  m_accuracy->attachAxis(m_accuracyAxis);
  m_epochAxis->setLabelFormat("%d");
  m_epochAxis->setTickType(QValueAxis::TicksDynamic);
  m_epochAxis->setTickAnchor(0.0);
  m_accuracyAxis->setRange(0.0, 1.0);
  m_accuracyAxis->setTickCount(6);
  m_accuracyAxis->setLabelFormat("%.1f");
  m_accuracyAxis->setGridLineVisible(false);  // two grids that do not line up read as noise
  m_lossAxis->setLabelFormat("%.2f");
  m_chart->legend()->setAlignment(Qt::AlignBottom);
  clear();

  m_view = new QChartView(m_chart, this);
  m_view->setRenderHint(QPainter::Antialiasing);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_view);
  retranslate();
}

void TrainingChart::addEpoch(double epoch, double trainLoss, double testLoss, double testAccuracy) {
  m_trainLoss->append(epoch, trainLoss);
  m_testLoss->append(epoch, testLoss);
  m_accuracy->append(epoch, testAccuracy);
  m_maxLoss = std::max({m_maxLoss, trainLoss, testLoss});
  m_maxEpoch = std::max(m_maxEpoch, epoch);
  setEpochRange(m_maxEpoch);
  m_lossAxis->setRange(0.0, m_maxLoss * 1.1);
  m_lossAxis->applyNiceNumbers();  // round tick values (0.1, 0.2, ...) instead of 0.61, 0.46
}

void TrainingChart::clear() {
  for (auto* series : {m_trainLoss, m_testLoss, m_accuracy}) series->clear();
  m_maxLoss = 0.0;
  m_maxEpoch = 0.0;
  setEpochRange(1.0);
  m_lossAxis->setRange(0.0, 1.0);
}

void TrainingChart::setEpochRange(double lastEpoch) {
  // From 0 to the next whole epoch; ticks on whole epochs, at most about ten of them.
  const int last = std::max(1, static_cast<int>(std::ceil(lastEpoch - 1e-9)));
  m_epochAxis->setRange(0.0, last);
  m_epochAxis->setTickInterval(std::max(1, (last + 9) / 10));
}

int TrainingChart::pointCount() const { return static_cast<int>(m_accuracy->count()); }

void TrainingChart::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void TrainingChart::retranslate() {
  m_chart->setTitle(tr("Training progress"));
  m_trainLoss->setName(tr("Training loss"));
  m_testLoss->setName(tr("Test loss"));
  m_accuracy->setName(tr("Test accuracy"));
  m_epochAxis->setTitleText(tr("Epoch"));
  m_lossAxis->setTitleText(tr("Loss"));
  m_accuracyAxis->setTitleText(tr("Accuracy"));
}

}  // namespace distlab::widgets
