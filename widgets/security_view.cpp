#include "widgets/security_view.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPen>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace distlab::widgets {
namespace {

const QColor kAttacker(198, 40, 40);
const QColor kHonest(21, 101, 192);

QChartView* viewOf(QChart* chart) {
  auto* view = new QChartView(chart);
  view->setMinimumHeight(250);
  chart->setMargins(QMargins(4, 2, 4, 2));
  view->setRenderHint(QPainter::Antialiasing);
  return view;
}

QString share(double value) {
  return value < 0 ? QStringLiteral("-") : QString::number(100.0 * value, 'f', 1) + "%";
}

}  // namespace

SecurityView::SecurityView(QWidget* parent)
    : QWidget(parent),
      m_intro(new QLabel),
      m_grid(new VerdictGrid),
      m_legend(new QLabel),
      m_summary(new QLabel),
      m_normChart(new QChart),
      m_normRounds(new QValueAxis),
      m_normAxis(new QLogValueAxis),
      m_cosineChart(new QChart),
      m_cosineRounds(new QValueAxis),
      m_cosineAxis(new QValueAxis),
      m_attackerSeries(new QLineSeries),
      m_honestSeries(new QLineSeries),
      m_backdoorSeries(new QLineSeries),
      m_table(new QTableWidget) {
  m_normChart->addAxis(m_normRounds, Qt::AlignBottom);
  m_normChart->addAxis(m_normAxis, Qt::AlignLeft);
  m_normAxis->setLabelFormat("%g");
  m_normAxis->setBase(10);
  m_normRounds->setLabelFormat("%d");
  m_normChart->legend()->setAlignment(Qt::AlignBottom);
  m_cosineChart->addAxis(m_cosineRounds, Qt::AlignBottom);
  m_cosineChart->addAxis(m_cosineAxis, Qt::AlignLeft);
  m_cosineRounds->setLabelFormat("%d");
  m_cosineAxis->setRange(-1, 1);
  m_attackerSeries->setColor(kAttacker);
  m_honestSeries->setColor(kHonest);
  QPen dashed(QColor(106, 27, 154));
  dashed.setStyle(Qt::DashLine);
  dashed.setWidth(2);
  m_backdoorSeries->setPen(dashed);
  for (auto* s : {m_attackerSeries, m_honestSeries, m_backdoorSeries}) {
    m_cosineChart->addSeries(s);
    s->attachAxis(m_cosineRounds);
    s->attachAxis(m_cosineAxis);
  }
  m_cosineChart->legend()->setAlignment(Qt::AlignBottom);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  m_table->verticalHeader()->hide();
  m_table->hide();
  auto* charts = new QHBoxLayout;
  charts->addWidget(viewOf(m_normChart), 1);
  charts->addWidget(viewOf(m_cosineChart), 1);
  for (auto* label : {m_intro, m_summary, m_legend}) label->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 4, 8, 4);
  layout->addWidget(m_intro);
  // The charts get the room: the grid of a few dozen workers reads at 150 pixels, and the
  // table scrolls.
  m_grid->setMaximumHeight(120);
  m_table->setMinimumHeight(100);
  m_table->setMaximumHeight(150);
  layout->addWidget(m_grid, 1);
  layout->addWidget(m_legend);
  layout->addWidget(m_summary);
  layout->addLayout(charts, 4);
  layout->addWidget(m_table, 1);
  retranslate();
}

void SecurityView::setWorkers(int workers) {
  m_grid->setWorkers(workers);
  ensureNormSeries(workers);
}

void SecurityView::setAttackers(std::vector<int> attackers) {
  m_grid->setAttackers(std::move(attackers));
  for (std::size_t w = 0; w < m_normSeries.size(); ++w) {
    m_normSeries[w]->setColor(m_grid->isAttacker(static_cast<int>(w)) ? kAttacker : kHonest);
  }
  retranslate();
}

void SecurityView::ensureNormSeries(int workers) {
  while (static_cast<int>(m_normSeries.size()) < workers) {
    auto* s = new QLineSeries;
    s->setColor(m_grid->isAttacker(static_cast<int>(m_normSeries.size())) ? kAttacker : kHonest);
    m_normChart->addSeries(s);
    s->attachAxis(m_normRounds);
    s->attachAxis(m_normAxis);
    m_normSeries.push_back(s);
    m_norms.emplace_back();
  }
  retranslate();
}

void SecurityView::addRound(const VerdictRoundData& round) {
  int largest = m_grid->workers() - 1;
  for (const int w : round.workers) largest = std::max(largest, w);
  setWorkers(largest + 1);
  m_grid->addRound(round.workers, round.fates);
  double attackerSum = 0, honestSum = 0;
  int attackers = 0, honest = 0;
  for (std::size_t i = 0; i < round.workers.size(); ++i) {
    const int w = round.workers[i];
    const bool attacker = m_grid->isAttacker(w);
    const bool flagged = i < round.fates.size() && round.fates[i] != VerdictGrid::Fate::Kept;
    m_flagged += flagged;
    m_flaggedAttackers += flagged && attacker;
    m_attackerPushes += attacker;
    m_honestPushes += !attacker;
    if (i < round.scores.size())
      (attacker ? m_attackerScoreSum : m_honestScoreSum) += round.scores[i];
    if (i < round.norms.size() && round.norms[i] > 0 && w >= 0) {
      m_norms[static_cast<std::size_t>(w)].emplace_back(round.update, round.norms[i]);
      m_lowNorm = m_lowNorm > 0 ? std::min(m_lowNorm, round.norms[i]) : round.norms[i];
      m_highNorm = std::max(m_highNorm, round.norms[i]);
    }
    if (i < round.cosines.size()) {
      (attacker ? attackerSum : honestSum) += round.cosines[i];
      (attacker ? attackers : honest) += 1;
    }
  }
  if (attackers) m_attackerCos.emplace_back(round.update, attackerSum / attackers);
  if (honest) m_honestCos.emplace_back(round.update, honestSum / honest);
  m_lastUpdate = std::max(m_lastUpdate, round.update);
}

void SecurityView::setJudgesClients(bool clients) { m_grid->setRowsAreClients(clients); }

double SecurityView::attackerScore() const {
  return m_attackerPushes ? m_attackerScoreSum / static_cast<double>(m_attackerPushes) : 0.0;
}

double SecurityView::honestScore() const {
  return m_honestPushes ? m_honestScoreSum / static_cast<double>(m_honestPushes) : 0.0;
}

void SecurityView::addBackdoor(double update, double success) {
  m_backdoor.emplace_back(update, success);
}

void SecurityView::refresh() {
  // Every 1,000th point is plenty for a line of many rounds (replace() of 100k points is slow).
  const auto thin = [](const auto& points) {
    QList<QPointF> out;
    const std::size_t step = std::max<std::size_t>(1, points.size() / 1000);
    for (std::size_t i = 0; i < points.size(); i += step) {
      out.append(QPointF(points[i].first, points[i].second));
    }
    return out;
  };
  for (std::size_t w = 0; w < m_normSeries.size(); ++w) {
    QList<QPointF> points;
    const auto& all = m_norms[w];
    const std::size_t step = std::max<std::size_t>(1, all.size() / 1000);
    for (std::size_t i = 0; i < all.size(); i += step) points.append(all[i]);
    m_normSeries[w]->replace(points);
  }
  m_attackerSeries->replace(thin(m_attackerCos));
  m_honestSeries->replace(thin(m_honestCos));
  m_backdoorSeries->replace(thin(m_backdoor));
  const int last = std::max(1, m_lastUpdate);
  m_normRounds->setRange(0, last);
  m_cosineRounds->setRange(0, last);
  if (m_highNorm > 0) {
    m_normAxis->setRange(std::pow(10.0, std::floor(std::log10(m_lowNorm))),
                         std::pow(10.0, std::ceil(std::log10(m_highNorm))));
  }
  retranslate();
}

void SecurityView::setComparison(std::vector<SecurityComparisonRow> rows) {
  m_rows = std::move(rows);
  fillTable();
}

QString SecurityView::attackName(const QString& id) {
  if (id == "none") return tr("no attack");
  if (id == "sign-flip") return tr("sign flip");
  if (id == "scale") return tr("scaled update");
  if (id == "backdoor") return tr("backdoor trigger");
  if (id == "ipm") return tr("inner-product manipulation");
  if (id == "alie") return tr("a little is enough");
  if (id == "label-flip") return tr("label flip");
  if (id == "gaussian") return tr("Gaussian noise");
  if (id == "model-replacement") return tr("model replacement");
  return id;
}

QString SecurityView::ruleName(const QString& id) {
  if (id == "mean") return tr("plain mean");
  if (id == "median") return tr("coordinate-wise median");
  if (id == "trimmed-mean") return tr("trimmed mean");
  if (id == "krum") return tr("Krum");
  if (id == "multi-krum") return tr("Multi-Krum");
  if (id == "bulyan") return tr("Bulyan");
  if (id == "norm-clip") return tr("norm clipping");
  if (id == "centered-clip") return tr("centered clipping");
  return id;
}

void SecurityView::fillTable() {
  m_table->setVisible(!m_rows.empty());
  m_table->setColumnCount(6);
  m_table->setHorizontalHeaderLabels({tr("Attack"), tr("Server's rule"), tr("Test accuracy"),
                                      tr("Backdoor success"), tr("Flag precision"),
                                      tr("Flag recall")});
  m_table->setRowCount(static_cast<int>(m_rows.size()));
  for (int r = 0; r < static_cast<int>(m_rows.size()); ++r) {
    const auto& row = m_rows[static_cast<std::size_t>(r)];
    const QString cells[] = {attackName(row.attack), ruleName(row.rule),
                             share(row.accuracy),  share(row.backdoor),
                             share(row.precision), share(row.recall)};
    for (int c = 0; c < 6; ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      if (row.attack != QLatin1String("none") && c == 2 && row.accuracy < 0.5) {
        item->setForeground(kAttacker);  // the rule did not hold
      }
      m_table->setItem(r, c, item);
    }
  }
}

void SecurityView::clear() {
  m_grid->clear();
  for (auto& n : m_norms) n.clear();
  m_attackerCos.clear();
  m_honestCos.clear();
  m_backdoor.clear();
  m_rows.clear();
  m_lowNorm = m_highNorm = 0.0;
  m_lastUpdate = 0;
  m_flagged = m_flaggedAttackers = m_attackerPushes = m_honestPushes = 0;
  m_attackerScoreSum = m_honestScoreSum = 0.0;
  refresh();
  fillTable();
}

double SecurityView::precision() const {
  return m_flagged ? static_cast<double>(m_flaggedAttackers) / static_cast<double>(m_flagged)
                   : -1.0;
}

double SecurityView::recall() const {
  return m_attackerPushes
             ? static_cast<double>(m_flaggedAttackers) / static_cast<double>(m_attackerPushes)
             : -1.0;
}

QString SecurityView::summary() const {
  if (m_grid->rounds() == 0) return tr("No judged round yet.");
  QString text = tr("%1 rounds judged: %2 pushes kept, %3 clipped, %4 excluded. Of the flagged "
                    "pushes %5 were the attackers' (precision); of the attackers' pushes %6 "
                    "were flagged (recall).")
                     .arg(m_grid->rounds())
                     .arg(m_grid->count(VerdictGrid::Fate::Kept))
                     .arg(m_grid->count(VerdictGrid::Fate::Clipped))
                     .arg(m_grid->count(VerdictGrid::Fate::Excluded))
                     .arg(share(precision()), share(recall()));
  if (m_attackerPushes > 0 && (m_attackerScoreSum != 0.0 || m_honestScoreSum != 0.0)) {
    text += " " + tr("The rule's mean score (Krum's distance score, the clipping factor or the "
                     "share of trimmed values): attackers %1, honest workers %2.")
                      .arg(attackerScore(), 0, 'g', 4)
                      .arg(honestScore(), 0, 'g', 4);
  }
  if (!m_backdoor.empty()) {
    text += " " + tr("Backdoor success at the last test: %1.").arg(share(m_backdoor.back().second));
  }
  return text;
}

void SecurityView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslate();
    fillTable();
  }
  QWidget::changeEvent(event);
}

void SecurityView::retranslate() {
  m_intro->setText(
      tr("Every round the server judges each push before it aggregates: a column "
         "of the grid is a round, a row a worker (the attackers named in red)."));
  m_legend->setText(tr("<span style='color:%1'>&#9632;</span> kept &nbsp; "
                       "<span style='color:%2'>&#9632;</span> clipped &nbsp; "
                       "<span style='color:%3'>&#9632;</span> excluded")
                        .arg(VerdictGrid::color(VerdictGrid::Fate::Kept).name(),
                             VerdictGrid::color(VerdictGrid::Fate::Clipped).name(),
                             VerdictGrid::color(VerdictGrid::Fate::Excluded).name()));
  m_summary->setText(summary());
  m_normChart->setTitle(tr("Length of each worker's update (log scale)"));
  m_normRounds->setTitleText(tr("Server update"));
  m_normAxis->setTitleText(tr("Norm"));
  m_cosineChart->setTitle(tr("Agreement with the aggregate"));
  m_cosineRounds->setTitleText(tr("Server update"));
  m_cosineAxis->setTitleText(tr("Cosine / share"));
  m_attackerSeries->setName(tr("Attackers' mean cosine"));
  m_honestSeries->setName(tr("Honest workers' mean cosine"));
  m_backdoorSeries->setName(tr("Backdoor success"));
  m_backdoorSeries->setVisible(!m_backdoor.empty());
  // One legend entry for the attackers' lines and one for the honest ones.
  bool attackerNamed = false, honestNamed = false;
  for (std::size_t w = 0; w < m_normSeries.size(); ++w) {
    const bool attacker = m_grid->isAttacker(static_cast<int>(w));
    bool& named = attacker ? attackerNamed : honestNamed;
    m_normSeries[w]->setName(attacker ? tr("Attackers") : tr("Honest workers"));
    for (auto* marker : m_normChart->legend()->markers(m_normSeries[w])) marker->setVisible(!named);
    named = true;
  }
}

}  // namespace distlab::widgets
