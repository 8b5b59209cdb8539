#include "widgets/staleness_view.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace distlab::widgets {
namespace {
constexpr std::size_t kBins = 21;  // 0..19 and "20 or more"
}

StalenessView::StalenessView(QWidget* parent)
    : QWidget(parent),
      m_chart(new QChart),
      m_series(new QBarSeries),
      m_gapSet(new QBarSet(QString())),
      m_stalenessSet(new QBarSet(QString())),
      m_axis(new QBarCategoryAxis),
      m_countAxis(new QValueAxis),
      m_summary(new QLabel),
      m_gaps(kBins, 0),
      m_staleness(kBins, 0) {
  m_gapSet->setColor(QColor(0xd6, 0x27, 0x28));
  m_stalenessSet->setColor(QColor(0x1f, 0x77, 0xb4));
  m_series->append(m_gapSet);
  m_series->append(m_stalenessSet);
  m_chart->addSeries(m_series);
  m_chart->addAxis(m_axis, Qt::AlignBottom);
  m_chart->addAxis(m_countAxis, Qt::AlignLeft);
  m_series->attachAxis(m_axis);
  m_series->attachAxis(m_countAxis);
  m_countAxis->setLabelFormat("%d");
  m_chart->legend()->setAlignment(Qt::AlignBottom);
  QStringList bins;
  for (std::size_t i = 0; i + 1 < kBins; ++i) bins << QString::number(i);
  bins << QString::number(kBins - 1) + "+";
  m_axis->append(bins);
  auto* view = new QChartView(m_chart);
  view->setRenderHint(QPainter::Antialiasing);
  m_summary->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 4, 8, 4);
  layout->addWidget(m_summary);
  layout->addWidget(view, 1);
  retranslate();  // the titles; refresh() sets only the bars and the summary
  refresh();
}

void StalenessView::setBound(std::optional<int> bound) {
  m_bound = bound;
  retranslate();
}

void StalenessView::add(std::uint64_t clockGap, std::uint64_t staleness) {
  ++m_gaps[std::min<std::size_t>(clockGap, kBins - 1)];
  ++m_staleness[std::min<std::size_t>(staleness, kBins - 1)];
  ++m_count;
  m_maxGap = std::max(m_maxGap, clockGap);
  m_stalenessSum += static_cast<double>(staleness);
}

void StalenessView::clear() {
  std::fill(m_gaps.begin(), m_gaps.end(), 0);
  std::fill(m_staleness.begin(), m_staleness.end(), 0);
  m_count = m_maxGap = 0;
  m_stalenessSum = 0;
  refresh();
}

std::uint64_t StalenessView::gapCount(std::size_t gap) const {
  return gap < kBins ? m_gaps[gap] : 0;
}
std::uint64_t StalenessView::stalenessCount(std::size_t staleness) const {
  return staleness < kBins ? m_staleness[staleness] : 0;
}

void StalenessView::refresh() {
  QList<qreal> gaps, stale;
  std::uint64_t tallest = 1;
  for (std::size_t i = 0; i < kBins; ++i) {
    gaps << static_cast<qreal>(m_gaps[i]);
    stale << static_cast<qreal>(m_staleness[i]);
    tallest = std::max({tallest, m_gaps[i], m_staleness[i]});
  }
  m_gapSet->remove(0, m_gapSet->count());
  m_gapSet->append(gaps);
  m_stalenessSet->remove(0, m_stalenessSet->count());
  m_stalenessSet->append(stale);
  // A new range only when the bars outgrow it or shrink well inside it (a new run): each change
  // relayouts the axis labels, which at every batch cost more than the rest of the view.
  const double top = static_cast<double>(tallest);
  if (top > m_countAxis->max() || top < 0.3 * m_countAxis->max()) {
    m_countAxis->setRange(0, top * 1.3);
    m_countAxis->applyNiceNumbers();
  }
  showSummary();
}

QString StalenessView::summary() const { return m_summary->text(); }

void StalenessView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void StalenessView::retranslate() {
  m_chart->setTitle(m_bound
                        ? tr("Staleness of the applied updates (SSP bound: %1 steps)").arg(*m_bound)
                        : tr("Staleness of the applied updates"));
  m_gapSet->setLabel(tr("steps ahead of the slowest worker when it started"));
  m_stalenessSet->setLabel(tr("updates applied between its pull and its push"));
  m_countAxis->setTitleText(tr("Applied updates"));
  showSummary();
}

void StalenessView::showSummary() {
  if (m_count == 0) {
    m_summary->setText(tr("The staleness of every applied update appears here during a run."));
    return;
  }
  m_summary->setText(
      tr("%1 updates applied; at most %2 steps ahead of the slowest; on average %3 other updates "
         "came in between a worker's pull and its push")
          .arg(m_count)
          .arg(m_maxGap)
          .arg(m_stalenessSum / static_cast<double>(m_count), 0, 'f', 2));
}

}  // namespace distlab::widgets
