#include "widgets/client_shares_plot.h"

#include <QImage>
#include <QPainter>

#include <algorithm>

namespace distlab::widgets {
namespace {

constexpr int kBins = 20;

/// White for none of a client's examples, deep blue for all of them.
QColor shareColor(double share) {
  const double s = std::clamp(share, 0.0, 1.0);
  return QColor::fromRgbF(static_cast<float>(1.0 - 0.9 * s), static_cast<float>(1.0 - 0.7 * s),
                          static_cast<float>(1.0 - 0.35 * s));
}

}  // namespace

ClientSharesPlot::ClientSharesPlot(QWidget* parent) : QWidget(parent) { setMinimumHeight(240); }

void ClientSharesPlot::setShares(int classes, std::vector<std::uint64_t> counts) {
  m_classes = std::max(classes, 0);
  m_counts = std::move(counts);
  m_sizes.clear();
  if (m_classes > 0) {
    m_counts.resize(m_counts.size() / static_cast<std::size_t>(m_classes) *
                    static_cast<std::size_t>(m_classes));
    for (std::size_t at = 0; at < m_counts.size(); at += static_cast<std::size_t>(m_classes)) {
      std::uint64_t size = 0;
      for (int k = 0; k < m_classes; ++k) size += m_counts[at + static_cast<std::size_t>(k)];
      m_sizes.push_back(size);
    }
  }
  update();
}

void ClientSharesPlot::setClassNames(QStringList names) {
  m_names = std::move(names);
  update();
}

int ClientSharesPlot::clients() const { return static_cast<int>(m_sizes.size()); }

std::uint64_t ClientSharesPlot::clientSize(int client) const {
  return client < 0 || client >= clients() ? 0 : m_sizes[static_cast<std::size_t>(client)];
}

double ClientSharesPlot::share(int client, int label) const {
  const std::uint64_t size = clientSize(client);
  if (size == 0 || label < 0 || label >= m_classes) return 0.0;
  return static_cast<double>(
             m_counts[static_cast<std::size_t>(client) * static_cast<std::size_t>(m_classes) +
                      static_cast<std::size_t>(label)]) /
         static_cast<double>(size);
}

std::uint64_t ClientSharesPlot::smallest() const {
  return m_sizes.empty() ? 0 : *std::min_element(m_sizes.begin(), m_sizes.end());
}
std::uint64_t ClientSharesPlot::largest() const {
  return m_sizes.empty() ? 0 : *std::max_element(m_sizes.begin(), m_sizes.end());
}

std::vector<int> ClientSharesPlot::sizeHistogram(int bins) const {
  std::vector<int> histogram(static_cast<std::size_t>(std::max(bins, 1)), 0);
  const double low = static_cast<double>(smallest());
  const double span = std::max(1.0, static_cast<double>(largest()) - low);
  for (std::uint64_t size : m_sizes) {
    const auto bin = static_cast<std::size_t>((static_cast<double>(size) - low) / span *
                                              static_cast<double>(histogram.size()));
    ++histogram[std::min(bin, histogram.size() - 1)];
  }
  return histogram;
}

void ClientSharesPlot::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().base());
  if (m_sizes.empty()) return;
  const int split = height() * 3 / 5;
  paintHeatMap(p, QRect(0, 0, width(), split));
  paintHistogram(p, QRect(0, split, width(), height() - split));
}

void ClientSharesPlot::paintHeatMap(QPainter& p, const QRect& area) const {
  const QFontMetrics metrics(font());
  int labelWidth = 0;
  for (int k = 0; k < m_classes; ++k) {
    labelWidth = std::max(labelWidth, metrics.horizontalAdvance(m_names.value(k, QString::number(k))));
  }
  const int line = metrics.height();
  p.setPen(palette().text().color());
  p.drawText(QRect(area.left(), area.top(), area.width(), line), Qt::AlignCenter,
             tr("Share of each client's examples in each class"));
  const QRect map(area.left() + labelWidth + 12, area.top() + line + 4,
                  area.width() - labelWidth - 20, area.height() - 2 * line - 12);
  if (map.width() <= 0 || map.height() <= 0) return;
  QImage image(clients(), m_classes, QImage::Format_RGB32);
  for (int c = 0; c < clients(); ++c) {
    for (int k = 0; k < m_classes; ++k) image.setPixelColor(c, k, shareColor(share(c, k)));
  }
  p.drawImage(map, image);
  p.setPen(palette().mid().color());
  p.drawRect(map.adjusted(0, 0, -1, -1));
  p.setPen(palette().text().color());
  const double row = static_cast<double>(map.height()) / m_classes;
  for (int k = 0; k < m_classes; ++k) {
    const QRectF label(area.left() + 4, map.top() + k * row, labelWidth + 4, row);
    p.drawText(label, Qt::AlignRight | Qt::AlignVCenter, m_names.value(k, QString::number(k)));
  }
  p.drawText(QRect(map.left(), map.bottom() + 2, map.width(), line), Qt::AlignCenter,
             tr("Clients 0 to %1").arg(clients() - 1));
}

void ClientSharesPlot::paintHistogram(QPainter& p, const QRect& area) const {
  const QFontMetrics metrics(font());
  const int line = metrics.height();
  const auto histogram = sizeHistogram(kBins);
  const int tallest = std::max(1, *std::max_element(histogram.begin(), histogram.end()));
  const QString top = QString::number(tallest);
  const int left = area.left() + metrics.horizontalAdvance(top) + 12;
  const QRect bars(left, area.top() + line + 4, area.right() - left - 8,
                   area.height() - 2 * line - 12);
  p.setPen(palette().text().color());
  p.drawText(QRect(area.left(), area.top(), area.width(), line), Qt::AlignCenter,
             tr("Clients by their number of examples"));
  if (bars.width() <= 0 || bars.height() <= 0) return;
  p.drawText(QRect(area.left(), bars.top() - line / 2, left - area.left() - 6, line),
             Qt::AlignRight | Qt::AlignVCenter, top);
  p.drawText(QRect(area.left(), bars.bottom() - line / 2, left - area.left() - 6, line),
             Qt::AlignRight | Qt::AlignVCenter, "0");
  const double width = static_cast<double>(bars.width()) / kBins;
  p.setPen(Qt::NoPen);
  p.setBrush(QColor(21, 101, 192));
  for (int b = 0; b < kBins; ++b) {
    const double h = static_cast<double>(bars.height()) * histogram[static_cast<std::size_t>(b)] /
                     tallest;
    p.drawRect(QRectF(bars.left() + b * width + 1, bars.bottom() - h, width - 2, h));
  }
  p.setPen(palette().text().color());
  p.drawLine(bars.bottomLeft(), bars.bottomRight());
  const QRect axis(bars.left(), bars.bottom() + 2, bars.width(), line);
  p.drawText(axis, Qt::AlignLeft, QString::number(smallest()));
  p.drawText(axis, Qt::AlignRight, QString::number(largest()));
  p.drawText(axis, Qt::AlignCenter, tr("examples a client"));
}

}  // namespace distlab::widgets
