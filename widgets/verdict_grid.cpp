#include "widgets/verdict_grid.h"

#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace distlab::widgets {

VerdictGrid::VerdictGrid(QWidget* parent) : QWidget(parent) { setMinimumHeight(140); }

QColor VerdictGrid::color(Fate fate) {
  switch (fate) {
    case Fate::Kept:
      return {129, 199, 132};
    case Fate::Clipped:
      return {249, 168, 37};
    case Fate::Excluded:
      return {198, 40, 40};
    case Fate::None:
      break;
  }
  return {240, 240, 240};
}

void VerdictGrid::setWorkers(int workers) {
  m_workers = std::max(m_workers, workers);
  for (auto& r : m_rounds) r.resize(static_cast<std::size_t>(m_workers), Fate::None);
  update();
}

void VerdictGrid::setRowsAreClients(bool clients) {
  m_clients = clients;
  update();
}

QString VerdictGrid::rowName(int row) const {
  return m_clients ? tr("Client %1").arg(row) : tr("Worker %1").arg(row);
}

void VerdictGrid::setAttackers(std::vector<int> attackers) {
  m_attackers = std::move(attackers);
  update();
}

void VerdictGrid::addRound(const std::vector<int>& workers, const std::vector<Fate>& fates) {
  int largest = m_workers - 1;
  for (int w : workers) largest = std::max(largest, w);
  setWorkers(largest + 1);
  std::vector<Fate> row(static_cast<std::size_t>(m_workers), Fate::None);
  for (std::size_t i = 0; i < workers.size() && i < fates.size(); ++i) {
    if (workers[i] >= 0) row[static_cast<std::size_t>(workers[i])] = fates[i];
  }
  m_rounds.push_back(std::move(row));
  update();
}

void VerdictGrid::clear() {
  m_rounds.clear();
  m_attackers.clear();
  m_workers = 0;
  m_clients = false;
  update();
}

VerdictGrid::Fate VerdictGrid::fate(int round, int worker) const {
  if (round < 0 || round >= rounds() || worker < 0 || worker >= m_workers) return Fate::None;
  return m_rounds[static_cast<std::size_t>(round)][static_cast<std::size_t>(worker)];
}

int VerdictGrid::count(Fate kind) const {
  int n = 0;
  for (const auto& r : m_rounds) n += static_cast<int>(std::count(r.begin(), r.end(), kind));
  return n;
}

bool VerdictGrid::isAttacker(int worker) const {
  return std::find(m_attackers.begin(), m_attackers.end(), worker) != m_attackers.end();
}

void VerdictGrid::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().base());
  if (m_rounds.empty() || m_workers == 0) return;
  const QFontMetrics metrics(font());
  const int line = metrics.height();
  const int labels = metrics.horizontalAdvance(rowName(m_workers - 1)) + 8;
  const QRect area = rect().adjusted(labels, 4, -4, -4 - line);
  // One pixel a cell, then scaled to the widget, as the participation grid does.
  QImage image(rounds(), m_workers, QImage::Format_RGB32);
  for (int r = 0; r < rounds(); ++r) {
    for (int w = 0; w < m_workers; ++w) image.setPixelColor(r, w, color(fate(r, w)));
  }
  p.drawImage(area, image);
  const double rowHeight = static_cast<double>(area.height()) / m_workers;
  // Worker names, as many as fit without overlapping: the attackers' first, in red and bold.
  std::vector<double> taken;  // the centres of the names drawn
  const auto draw = [&](int w, bool attacker) {
    const double centre = area.top() + (w + 0.5) * rowHeight;
    for (const double c : taken) {
      if (std::abs(c - centre) < line) return;
    }
    taken.push_back(centre);
    QFont f = font();
    f.setBold(attacker);
    p.setFont(f);
    p.setPen(attacker ? QColor(198, 40, 40) : palette().text().color());
    p.drawText(QRectF(0, centre - line, labels - 6, 2.0 * line), Qt::AlignRight | Qt::AlignVCenter,
               rowName(w));
  };
  for (int w = 0; w < m_workers; ++w) {
    if (isAttacker(w)) draw(w, true);
  }
  for (int w = 0; w < m_workers; ++w) {
    if (!isAttacker(w)) draw(w, false);
  }
  p.setFont(font());
  p.setPen(palette().text().color());
  p.drawText(QRect(area.left(), area.bottom() + 2, area.width(), line), Qt::AlignCenter,
             tr("Rounds 1 to %1 from left to right").arg(rounds()));
}

}  // namespace distlab::widgets
