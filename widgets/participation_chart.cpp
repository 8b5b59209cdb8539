#include "widgets/participation_chart.h"

#include <QImage>
#include <QPainter>

#include <algorithm>

namespace distlab::widgets {

ParticipationChart::ParticipationChart(QWidget* parent) : QWidget(parent) {
  setMinimumHeight(160);
}

QColor ParticipationChart::color(Cell kind) {
  switch (kind) {
    case Cell::Offline:
      return {189, 189, 189};
    case Cell::Trained:
      return {46, 125, 50};
    case Cell::LateCarried:
      return {249, 168, 37};
    case Cell::LateDropped:
      return {230, 81, 0};
    case Cell::DroppedOut:
      return {198, 40, 40};
    case Cell::Lost:
      return {33, 33, 33};
    case Cell::Idle:
      break;
  }
  return {240, 240, 240};
}

void ParticipationChart::setClients(int clients) {
  m_clients = std::max(m_clients, clients);
  for (auto& r : m_rounds) r.cells.resize(static_cast<std::size_t>(m_clients), Cell::Idle);
  update();
}

void ParticipationChart::setRound(int round, const std::vector<int>& offline,
                                  const std::vector<int>& sampled,
                                  const std::vector<Cell>& outcomes, bool applied) {
  if (round < 0) return;
  int largest = m_clients - 1;
  for (int c : offline) largest = std::max(largest, c);
  for (int c : sampled) largest = std::max(largest, c);
  setClients(largest + 1);
  if (static_cast<std::size_t>(round) >= m_rounds.size()) {
    m_rounds.resize(static_cast<std::size_t>(round) + 1,
                    Round{std::vector<Cell>(static_cast<std::size_t>(m_clients), Cell::Idle), true});
  }
  Round& r = m_rounds[static_cast<std::size_t>(round)];
  std::fill(r.cells.begin(), r.cells.end(), Cell::Idle);  // a retry replaces the attempt before
  for (int c : offline) {
    if (c >= 0) r.cells[static_cast<std::size_t>(c)] = Cell::Offline;
  }
  for (std::size_t i = 0; i < sampled.size() && i < outcomes.size(); ++i) {
    if (sampled[i] >= 0) r.cells[static_cast<std::size_t>(sampled[i])] = outcomes[i];
  }
  r.applied = applied;
  update();
}

void ParticipationChart::clear() {
  m_rounds.clear();
  m_clients = 0;
  update();
}

ParticipationChart::Cell ParticipationChart::cell(int round, int client) const {
  if (round < 0 || round >= rounds() || client < 0 || client >= m_clients) return Cell::Idle;
  return m_rounds[static_cast<std::size_t>(round)].cells[static_cast<std::size_t>(client)];
}

bool ParticipationChart::applied(int round) const {
  return round < 0 || round >= rounds() || m_rounds[static_cast<std::size_t>(round)].applied;
}

int ParticipationChart::count(Cell kind) const {
  int n = 0;
  for (const auto& r : m_rounds) n += static_cast<int>(std::count(r.cells.begin(), r.cells.end(), kind));
  return n;
}

void ParticipationChart::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().base());
  if (m_rounds.empty() || m_clients == 0) return;
  // One pixel a cell, then scaled to the widget: thousands of clients stay one picture.
  QImage image(rounds(), m_clients, QImage::Format_RGB32);
  for (int r = 0; r < rounds(); ++r) {
    for (int c = 0; c < m_clients; ++c) image.setPixelColor(r, c, color(cell(r, c)));
  }
  const int line = QFontMetrics(font()).height();
  const QRect area = rect().adjusted(4, 10, -4, -4 - line);
  p.drawImage(area, image);
  p.setPen(palette().text().color());
  p.drawText(QRect(area.left(), area.bottom() + 2, area.width(), line), Qt::AlignCenter,
             tr("Rounds 1 to %1 from left to right; clients 0 to %2 from top to bottom")
                 .arg(rounds())
                 .arg(m_clients - 1));
  const double width = static_cast<double>(area.width()) / rounds();
  p.setPen(Qt::NoPen);
  p.setBrush(QColor(198, 40, 40));
  for (int r = 0; r < rounds(); ++r) {
    if (applied(r)) continue;
    const double x = area.left() + r * width;
    p.drawRect(QRectF(x, 2, std::max(width, 2.0), 6));
  }
}

}  // namespace distlab::widgets
