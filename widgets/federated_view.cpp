#include "widgets/federated_view.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLabel>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace distlab::widgets {
namespace {

std::vector<std::pair<double, double>> pointsOf(const QLineSeries* series) {
  std::vector<std::pair<double, double>> out;
  for (const QPointF& p : series->points()) out.emplace_back(p.x(), p.y());
  return out;
}

}  // namespace

FederatedView::FederatedView(QWidget* parent)
    : QWidget(parent),
      m_intro(new QLabel),
      m_participation(new ParticipationChart),
      m_legend(new QLabel),
      m_summary(new QLabel),
      m_drift(new QChart),
      m_cosine(new QLineSeries),
      m_spread(new QLineSeries),
      m_roundAxis(new QValueAxis),
      m_valueAxis(new QValueAxis),
      m_compare(new QChart),
      m_compareView(nullptr),
      m_compareRounds(new QValueAxis),
      m_compareAccuracy(new QValueAxis),
      m_privacy(new PrivacyComparisonTable) {
  m_cosine->setColor(QColor(21, 101, 192));
  m_spread->setColor(QColor(230, 81, 0));
  m_drift->addSeries(m_cosine);
  m_drift->addSeries(m_spread);
  m_drift->addAxis(m_roundAxis, Qt::AlignBottom);
  m_drift->addAxis(m_valueAxis, Qt::AlignLeft);
  for (auto* s : {m_cosine, m_spread}) {
    s->attachAxis(m_roundAxis);
    s->attachAxis(m_valueAxis);
  }
  m_roundAxis->setLabelFormat("%d");
  m_roundAxis->setRange(0, 1);
  m_valueAxis->setRange(0, 1);
  m_drift->legend()->setAlignment(Qt::AlignBottom);
  auto* view = new QChartView(m_drift);
  view->setRenderHint(QPainter::Antialiasing);
  m_driftView = view;
  m_compare->addAxis(m_compareRounds, Qt::AlignBottom);
  m_compare->addAxis(m_compareAccuracy, Qt::AlignLeft);
  m_compareRounds->setLabelFormat("%d");
  m_compareAccuracy->setRange(0, 1);
  m_compare->legend()->setAlignment(Qt::AlignBottom);
  auto* compareView = new QChartView(m_compare);
  compareView->setRenderHint(QPainter::Antialiasing);
  m_compareView = compareView;
  m_compareView->hide();
  auto* charts = new QHBoxLayout;
  charts->addWidget(view, 1);
  charts->addWidget(m_compareView, 1);
  for (auto* label : {m_intro, m_summary}) label->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 4, 8, 4);
  layout->addWidget(m_intro);
  layout->addWidget(m_participation, 3);
  layout->addWidget(m_legend);
  layout->addWidget(m_summary);
  layout->addLayout(charts, 4);
  layout->addWidget(m_privacy, 2);
  m_privacy->hide();
  m_layout = layout;
  m_charts = charts;
  retranslate();
}

void FederatedView::setClients(int clients) { m_participation->setClients(clients); }

void FederatedView::setRounds(int rounds) {
  m_rounds = rounds;
  showRounds(rounds);
}

void FederatedView::showRounds(int last) {
  // Ticks at a round step of 1, 2 or 5 times a power of ten: about ten of them.
  double step = 1.0;
  for (double power = 1.0; last / step > 10.0; power *= 10.0) {
    for (double m : {1.0, 2.0, 5.0}) {
      step = m * power;
      if (last / step <= 10.0) break;
    }
  }
  m_roundAxis->setTickType(QValueAxis::TicksDynamic);
  m_roundAxis->setTickAnchor(0.0);
  m_roundAxis->setTickInterval(step);
  m_roundAxis->setRange(0, std::max(1, last));
}

void FederatedView::addRound(const FederatedRoundData& round) {
  m_participation->setRound(round.round, round.offline, round.sampled, round.outcomes,
                            round.applied);
  m_last = round;
  m_driftView->setVisible(!round.secure);  // masked updates: nothing to measure
  fitCharts();
  if (round.meanNorm > 0.0) {  // a round in which some update arrived
    const double spread = round.normSpread / round.meanNorm;
    // A retried round replaces its earlier attempt's point.
    for (auto* s : {m_cosine, m_spread}) {
      if (s->count() > 0 && s->at(s->count() - 1).x() == round.round + 1) {
        s->remove(s->count() - 1);
      }
    }
    m_cosine->append(round.round + 1, round.meanCosine);  // rounds counted from 1, as shown
    m_spread->append(round.round + 1, spread);
    m_low = std::min({m_low, round.meanCosine, spread});
    m_high = std::max({m_high, round.meanCosine, spread});
    m_valueAxis->setRange(m_low, m_high);
    showRounds(std::max(m_rounds, round.round + 1));
  }
  retranslate();
}

void FederatedView::setComparison(std::vector<ComparisonCurve> curves) {
  m_curves = std::move(curves);
  m_compare->removeAllSeries();
  // The lesson's own run solid, the others after it; one colour each.
  static const QColor kColors[] = {{21, 101, 192}, {46, 125, 50}, {198, 40, 40}, {106, 27, 154},
                                   {230, 81, 0}};
  double last = 1.0;
  for (std::size_t i = 0; i < m_curves.size(); ++i) {
    auto* series = new QLineSeries;
    series->setName(m_curves[i].label);
    series->setColor(kColors[i % std::size(kColors)]);
    for (const auto& [round, accuracy] : m_curves[i].points) {
      series->append(round, accuracy);
      last = std::max(last, round);
    }
    m_compare->addSeries(series);
    series->attachAxis(m_compareRounds);
    series->attachAxis(m_compareAccuracy);
  }
  m_compareRounds->setRange(0, last);
  m_compareView->setVisible(!m_curves.empty());
  fitCharts();
  retranslate();
}

void FederatedView::setPrivacyComparison(std::vector<PrivacyComparisonRow> rows) {
  m_privacy->setVisible(!rows.empty());
  m_privacy->setRows(std::move(rows));
  fitCharts();
}

void FederatedView::fitCharts() {
  // A row of hidden charts keeps no room: the table below gets it.
  const bool charts = !m_driftView->isHidden() || !m_compareView->isHidden();
  m_layout->setStretchFactor(m_charts, charts ? 4 : 0);
}

void FederatedView::clear() {
  setComparison({});
  setPrivacyComparison({});
  m_participation->clear();
  m_driftView->show();
  fitCharts();
  m_cosine->clear();
  m_spread->clear();
  m_last = {};
  m_low = 0.0;
  m_high = 1.0;
  m_valueAxis->setRange(0, 1);
  showRounds(m_rounds);
  retranslate();
}

QString FederatedView::summary() const { return m_summary->text(); }

std::vector<std::pair<double, double>> FederatedView::cosinePoints() const {
  return pointsOf(m_cosine);
}
std::vector<std::pair<double, double>> FederatedView::spreadPoints() const {
  return pointsOf(m_spread);
}

void FederatedView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void FederatedView::retranslate() {
  m_intro->setText(tr("Who took part in each round: rounds from left to right, clients from top "
                      "to bottom. A red mark above a round: too few results, the global model "
                      "stayed as it was."));
  using C = ParticipationChart::Cell;
  const std::pair<C, QString> kinds[] = {
      {C::Trained, tr("trained")},          {C::LateCarried, tr("late, used next round")},
      {C::LateDropped, tr("late, dropped")}, {C::DroppedOut, tr("dropped out")},
      {C::Lost, tr("process lost")},        {C::Offline, tr("offline")},
      {C::Idle, tr("not sampled")}};
  QStringList legend;
  for (const auto& [kind, name] : kinds) {
    legend << QStringLiteral("<span style=\"color:%1\">&#9632;</span> %2 (%3)")
                  .arg(ParticipationChart::color(kind).name(), name.toHtmlEscaped())
                  .arg(m_participation->count(kind));
  }
  m_legend->setText(legend.join("&nbsp;&nbsp; "));
  m_drift->setTitle(tr("Client drift of the updates"));
  m_cosine->setName(tr("cosine to the mean update"));
  m_spread->setName(tr("spread of the norms (std / mean)"));
  m_roundAxis->setTitleText(tr("Round"));
  m_compare->setTitle(tr("Test accuracy by round: each client rule on these clients, and IID "
                         "data"));
  m_compareRounds->setTitleText(tr("Round"));
  m_compareAccuracy->setTitleText(tr("Test accuracy"));
  if (m_participation->rounds() == 0) {
    m_summary->setText(tr("The rounds appear here while a federated run trains."));
    return;
  }
  int trained = 0, late = 0, dropped = 0, lost = 0;
  for (C c : m_last.outcomes) {
    trained += c == C::Trained;
    late += c == C::LateCarried || c == C::LateDropped;
    dropped += c == C::DroppedOut;
    lost += c == C::Lost;
  }
  QString text = tr("Round %1: %2 of %3 online clients sampled; %4 trained, %5 late, %6 dropped "
                    "out, %7 lost.")
                     .arg(m_last.round + 1)
                     .arg(m_last.sampled.size())
                     .arg(m_last.available)
                     .arg(trained)
                     .arg(late)
                     .arg(dropped)
                     .arg(lost);
  if (!m_last.carried.empty()) {
    text += ' ' + tr("%n late update(s) from the round before used.", nullptr,
                     static_cast<int>(m_last.carried.size()));
  }
  if (m_last.attempt > 0) text += ' ' + tr("Attempt %1.").arg(m_last.attempt + 1);
  if (!m_last.applied) text += ' ' + tr("Too few results: the model stayed.");
  if (m_last.meanNorm > 0.0) {
    text += ' ' + tr("The updates' mean cosine to their mean: %1.").arg(m_last.meanCosine, 0, 'f', 2);
  }
  if (m_last.secure) {
    text += ' ' + tr("The server saw the updates masked or encrypted only, so there is no drift "
                     "to measure.");
    if (m_last.recovered > 0) {
      text += ' ' + tr("%n dropout(s) recovered from the survivors' shares this round.", nullptr,
                       m_last.recovered);
    }
  }
  m_summary->setText(text);
}

}  // namespace distlab::widgets
