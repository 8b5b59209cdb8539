#include "widgets/training_chart.h"

#include "widgets/color_alpha.h"

#include <QChart>
#include <QLineSeries>
#include <QPushButton>

// The earlier runs a user compares the current one with: their test loss and accuracy, dashed
// and dotted in their own colours.

namespace distlab::widgets {

void TrainingChart::showCompared(int id, const QString& label, const QColor& color,
                                 std::vector<CurvePoint> testLoss,
                                 std::vector<CurvePoint> accuracy) {
  auto it = m_compared.find(id);
  if (it == m_compared.end()) {
    auto* test = addSeries(withAlpha(color, 200), 1.5, Qt::DashLine, true);
    auto* acc = addSeries(withAlpha(color, 220), 1.8, Qt::DotLine, false);
    it = m_compared.emplace(id, Compared{label, {}, {}, test, acc}).first;
    connectLegend();
  }
  it->second.label = label;
  it->second.test = std::move(testLoss);
  it->second.accuracy = std::move(accuracy);
  retranslate();  // the series' names
  refresh();
  m_clearComparison->setEnabled(true);
}

void TrainingChart::hideCompared(int id) {
  const auto it = m_compared.find(id);
  if (it == m_compared.end()) return;
  for (QLineSeries* series : {it->second.testSeries, it->second.accuracySeries}) {
    m_hidden.erase(series);
    m_chart->removeSeries(series);
    delete series;
  }
  m_compared.erase(it);
  refresh();
  m_clearComparison->setEnabled(!m_compared.empty());
}

QLineSeries* TrainingChart::comparedAccuracySeries(int id) const {
  const auto it = m_compared.find(id);
  return it == m_compared.end() ? nullptr : it->second.accuracySeries;
}

void TrainingChart::clearComparison() {
  while (!m_compared.empty()) hideCompared(m_compared.begin()->first);
  emit comparisonCleared();
}

}  // namespace distlab::widgets
