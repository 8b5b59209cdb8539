#include "widgets/convexity_view.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace distlab::widgets {
namespace {

const QColor kLineColors[] = {QColor(0x94, 0x67, 0xbd), QColor(0x44, 0x44, 0x44),
                              QColor(0x2c, 0xa0, 0x2c)};

}  // namespace

ConvexityView::ConvexityView(QWidget* parent)
    : QWidget(parent), m_intro(new QLabel), m_verdict(new QLabel) {
  m_intro->setWordWrap(true);
  m_verdict->setWordWrap(true);
  auto* charts = new QHBoxLayout;
  for (int c = 0; c < 2; ++c) {
    m_charts[c] = new QChart;
    m_roundAxes[c] = new QValueAxis;
    m_lossAxes[c] = new QValueAxis;
    m_charts[c]->addAxis(m_roundAxes[c], Qt::AlignBottom);
    m_charts[c]->addAxis(m_lossAxes[c], Qt::AlignLeft);
    m_charts[c]->legend()->setAlignment(Qt::AlignBottom);
    m_roundAxes[c]->setLabelFormat("%d");
    for (int l = 0; l < 3; ++l) {
      m_series[c][l] = new QLineSeries;
      m_series[c][l]->setPen(QPen(kLineColors[l], l == 1 ? 2.0 : 2.5, l == 1 ? Qt::DashLine : Qt::SolidLine));
      m_charts[c]->addSeries(m_series[c][l]);
      m_series[c][l]->attachAxis(m_roundAxes[c]);
      m_series[c][l]->attachAxis(m_lossAxes[c]);
    }
    auto* view = new QChartView(m_charts[c]);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(280);
    charts->addWidget(view, 1);
  }
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 4, 8, 4);
  layout->addWidget(m_intro);
  layout->addLayout(charts, 1);
  layout->addWidget(m_verdict);
  setData({});
}

void ConvexityView::setData(ConvexityData results) {
  m_data = std::move(results);
  // Both charts on the same loss scale, so the two cases compare at a glance.
  double lo = 1e300, hi = 0, rounds = 1;
  for (int c = 0; c < 2; ++c) {
    const auto& rows = c == 0 ? m_data.commonStart : m_data.differentStarts;
    QList<QPointF> lines[3];
    for (const auto& r : rows) {
      const double values[3] = {r.averagedModelLoss, r.meanMemberLoss, r.ensembleLoss};
      for (int l = 0; l < 3; ++l) {
        lines[l].append({static_cast<double>(r.round), values[l]});
        lo = std::min(lo, values[l]);
        hi = std::max(hi, values[l]);
      }
      rounds = std::max(rounds, static_cast<double>(r.round));
    }
    for (int l = 0; l < 3; ++l) m_series[c][l]->replace(lines[l]);
  }
  if (lo > hi) lo = 0, hi = 1;
  for (int c = 0; c < 2; ++c) {
    m_roundAxes[c]->setRange(0, rounds);
    m_lossAxes[c]->setRange(std::max(0.0, lo - 0.05 * (hi - lo)), hi + 0.05 * (hi - lo));
  }
  retranslate();
}

QString ConvexityView::verdict() const { return m_verdict->text(); }

void ConvexityView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void ConvexityView::retranslate() {
  m_intro->setText(
      tr("If the loss is convex in the parameters, the averaged model is never worse than the "
         "mean of the models: f(mean of w) <= mean of f(w). A network's loss is convex only in "
         "its output, so averaging the outputs (the ensemble) keeps that promise and averaging "
         "the parameters may not. Test loss after each round:"));
  m_charts[0]->setTitle(tr("Common start, averaged every round"));
  m_charts[1]->setTitle(tr("Different random starts, never averaged"));
  for (int c = 0; c < 2; ++c) {
    m_roundAxes[c]->setTitleText(tr("Round"));
    m_lossAxes[c]->setTitleText(tr("Test cross-entropy"));
    m_series[c][0]->setName(tr("f(averaged model)"));
    m_series[c][1]->setName(tr("mean of f(models)"));
    m_series[c][2]->setName(tr("f(ensemble)"));
  }
  if (!hasData() || m_data.differentStarts.empty()) {
    m_verdict->setText(tr("Press Run to train the models."));
    return;
  }
  const auto& common = m_data.commonStart.back();
  const auto& different = m_data.differentStarts.back();
  m_verdict->setText(
      tr("After the last round: from a common start the averaged model scores %1 against the "
         "models' mean %2; from different starts %3 against %4 (%5x). The ensemble: %6 and %7, "
         "never above the mean.")
          .arg(common.averagedModelLoss, 0, 'f', 3)
          .arg(common.meanMemberLoss, 0, 'f', 3)
          .arg(different.averagedModelLoss, 0, 'f', 3)
          .arg(different.meanMemberLoss, 0, 'f', 3)
          .arg(different.averagedModelLoss / std::max(1e-12, different.meanMemberLoss), 0, 'f', 2)
          .arg(common.ensembleLoss, 0, 'f', 3)
          .arg(different.ensembleLoss, 0, 'f', 3));
}

}  // namespace distlab::widgets
